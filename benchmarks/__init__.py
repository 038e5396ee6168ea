"""Speed and memory figures (``make bench``): each module has ``run() -> dict`` that prints what it measured."""
