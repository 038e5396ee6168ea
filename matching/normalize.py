"""Normalisation shared by the taxonomy build and extraction: one function decides what "the same words" means.

Text is lower-cased and cut into tokens; a token keeps the characters that make a technical name (``c++``,
``c#``, ``node.js``, ``.net``), while hyphens, slashes and underscores only separate words, so "CI/CD",
"CI-CD" and "ci cd" all normalise to ``"ci cd"``. ``&`` reads as ``and``. Hard punctuation (commas, brackets,
sentence stops...) becomes a token of its own, which no skill key contains, so a multi-word match never spans
it. Offsets of every token point back into the original string.
"""

from __future__ import annotations

import functools
import re
import time
import unicodedata
import weakref
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import not_
from typing import Any, Generic, TypeVar

_T = TypeVar("_T")
WORD_CACHE_SIZE = 50_000  # words a word cache holds before it starts afresh
WORD_CACHE_SECONDS = 300.0  # and its age then: the service's memo default (TAILOR_MEMO_SECONDS)

__all__ = [
    "WORD_CACHE_SECONDS",
    "Token",
    "WordCache",
    "forget_words",
    "normalize",
    "scan",
    "singular_forms",
    "tokenize",
    "word_cache",
]

# A word: letters/digits, optionally led by "." (.net), inner "." or "'" between word characters (node.js,
# raiser's), trailing "+" / "#" (c++, c#, f#). Everything else that is not space, hyphen, slash or underscore
# (underscores are replaced by spaces first) is a one-character punctuation token. Possessive quantifiers (no
# backtracking: a word run is never given back) and the dotted form as its own branch make the split faster.
_TOKEN_RE = re.compile(r"\w++(?:[.']\w++)*+[+#]*+|\.\w++(?:[.']\w++)*+[+#]*+|[^\w\s\-/\\]")
_SPLIT_RE = re.compile("(" + _TOKEN_RE.pattern + ")")
# The same split for folded ASCII text, where a word character can only be a lower-case letter or a digit (no
# capitals; underscores are spaces by then): a class of ASCII characters is faster to test than ``\w``.
_SPLIT_ASCII_RE = re.compile(
    r"([0-9a-z]++(?:[.'][0-9a-z]++)*+[+#]*+|\.[0-9a-z]++(?:[.'][0-9a-z]++)*+[+#]*+|[^0-9a-z\s\-/\\])"
)
_APOSTROPHES = ("’", "‘", "ʼ", "`")


@dataclass(frozen=True, slots=True)
class Token:
    """One normalised token and its span in the original text."""

    text: str
    start: int
    end: int


def _fold(text: str) -> str:
    """Lower-case, apostrophes unified, underscores as spaces; same length as ``text`` (offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):
        # Rare characters change length when lowered (e.g. "İ"); fold them one by one, keeping the length.
        low = "".join(c if len(c) == 1 else ch for ch, c in ((ch, ch.lower()) for ch in text))
    for mark in _APOSTROPHES:
        if mark in low:
            low = low.replace(mark, "'")
    return low.replace("_", " ")


def _strip_accents(token: str) -> str:
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class WordCache(Generic[_T]):
    """Word -> value, shared by all requests, that starts afresh once it is ``WORD_CACHE_SECONDS`` old or holds
    ``WORD_CACHE_SIZE`` words: a word read from a resume (a name, a street) stays in the process no longer than the
    service keeps the resume's analysis in its memo, and, as there, an idle process drops it at its next use. A
    stale dict is replaced, not cleared, so that another thread keeps the one it is filling."""

    def __init__(self) -> None:
        self._data: dict[str, _T] = {}
        self._born = time.monotonic()
        _WORD_CACHES.add(self)

    def current(self) -> dict[str, _T]:
        """The dict to read and fill now."""
        now = time.monotonic()
        if now - self._born > WORD_CACHE_SECONDS or len(self._data) > WORD_CACHE_SIZE:
            self._data, self._born = {}, now
        return self._data

    def forget(self) -> None:
        """Start afresh now."""
        self._data, self._born = {}, time.monotonic()


_WORD_CACHES: weakref.WeakSet[WordCache[Any]] = weakref.WeakSet()


def forget_words() -> None:
    """Empty every word cache of the process now (as when a stored resume is deleted: its words go at once)."""
    for cache in list(_WORD_CACHES):
        cache.forget()


def word_cache(fn: Callable[[str], _T]) -> Callable[[str], _T]:
    """``fn`` with its results kept in a :class:`WordCache`."""
    store: WordCache[_T] = WordCache()

    @functools.wraps(fn)
    def cached(word: str) -> _T:
        cache = store.current()
        found = cache.get(word, cache)
        if found is not cache:
            return found  # type: ignore[return-value]
        value = cache[word] = fn(word)
        return value

    return cached


@word_cache
def _fold_word(word: str) -> str:
    stripped = _fold(_strip_accents(word))
    # Keep the folded form only when it is still one token of the same shape (idempotence).
    return stripped if _TOKEN_RE.fullmatch(stripped) else word


def scan(text: str) -> tuple[list[str], list[int], list[int]]:
    """Normalised tokens of ``text`` with their start and end offsets in ``text``: the fast form of
    ``tokenize`` (one regex split; offsets are running sums of the pieces' lengths)."""
    folded = _fold(text)
    ascii_only = folded.isascii()
    parts = (_SPLIT_ASCII_RE if ascii_only else _SPLIT_RE).split(folded)
    words = parts[1::2]
    ends = list(accumulate(map(len, parts)))
    starts, stops = ends[0:-1:2], ends[1::2]
    at = folded.find("&")
    while at != -1:  # "&" is always a token of its own: the one that starts there
        words[bisect_left(starts, at)] = "and"
        at = folded.find("&", at + 1)
    if not ascii_only:
        for i in compress(range(len(words)), map(not_, map(str.isascii, words))):
            words[i] = _fold_word(words[i])
    return words, starts, stops


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` (normalised) with their offsets in ``text``; ``&`` becomes ``and``."""
    words, starts, ends = scan(text)
    return [Token(w, s, e) for w, s, e in zip(words, starts, ends, strict=True)]


def normalize(text: str) -> str:
    """The normal form of a name or phrase: its tokens joined by single spaces. Idempotent."""
    return " ".join(t.text for t in tokenize(text))


def singular_forms(word: str) -> tuple[str, ...]:
    """Candidate singulars of an English plural (``"databases"`` -> ``("database", "databas")``), longest first."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")) or not word.isalpha():
        return ()
    forms: list[str] = []
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    forms.append(word[:-1])
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        forms.append(word[:-2])
    return tuple(forms)
