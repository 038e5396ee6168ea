"""A hypothesis strategy for text made of meaningful pieces (dates, places, words) and separators.

Random characters seldom form a date or a place, so the property tests that check a quick pre-test against
the full scan draw their text from tokens that do, mixed with arbitrary text.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

SEPARATORS = (" ", "  ", ", ", ",", " - ", "-", " – ", " | ", "\t", "/", ".", " (", ") ", "'", "\n", "")


def token_text(tokens: Sequence[str], *, max_tokens: int = 8) -> st.SearchStrategy[str]:
    """Text joining up to ``max_tokens`` pieces from ``tokens`` (or arbitrary short text) with separators."""
    piece = st.one_of(st.sampled_from(list(tokens)), st.text(max_size=6))
    pair = st.tuples(piece, st.sampled_from(SEPARATORS))
    return st.lists(pair, max_size=max_tokens).map(lambda pairs: "".join(a + b for a, b in pairs))
