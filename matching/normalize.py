"""Normalisation shared by the taxonomy build and extraction: one function decides what "the same words" means.

Text is lower-cased and cut into tokens; a token keeps the characters that make a technical name (``c++``,
``c#``, ``node.js``, ``.net``), while hyphens, slashes and underscores only separate words, so "CI/CD",
"CI-CD" and "ci cd" all normalise to ``"ci cd"``. ``&`` reads as ``and``. Hard punctuation (commas, brackets,
sentence stops...) becomes a token of its own, which no skill key contains, so a multi-word match never spans
it. Offsets of every token point back into the original string.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Token", "normalize", "singular_forms", "tokenize"]

# A word: letters/digits, optionally led by "." (.net), inner "." or "'" between word characters (node.js,
# raiser's), trailing "+" / "#" (c++, c#, f#). Everything else that is not space, hyphen, slash or underscore
# is a one-character punctuation token.
_TOKEN_RE = re.compile(r"(?<![^\W_])\.?[^\W_]+(?:[.'][^\W_]+)*[+#]*|&|[^\w\s\-/_\\]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


@dataclass(frozen=True, slots=True)
class Token:
    """One normalised token and its span in the original text."""

    text: str
    start: int
    end: int


def _fold(text: str) -> str:
    """Lower-case with the same length as ``text`` (so regex offsets stay valid)."""
    low = text.lower().translate(_APOSTROPHES)
    if len(low) == len(text):
        return low
    # Rare characters change length when lowered (e.g. "İ"); fold them one by one, keeping the length.
    return "".join(c if len(c) == 1 else ch for ch, c in ((ch, ch.lower()) for ch in text)).translate(_APOSTROPHES)


def _strip_accents(token: str) -> str:
    if token.isascii():
        return token
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` (normalised) with their offsets in ``text``; ``&`` becomes ``and``."""
    folded = _fold(text)
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN_RE.finditer(folded):
        word = m.group()
        if word == "&":
            word = "and"
        elif not word.isascii():
            word = _strip_accents(word).lower()
        append(Token(word, m.start(), m.end()))
    return tokens


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
