"""Domain dataclasses to JSON-ready values: the one ``to_dict`` every result type uses."""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = ["to_plain"]


def to_plain(value: Any) -> Any:
    """Dataclasses to dicts (keys in field order), tuples and lists to lists, dict keys to strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value
