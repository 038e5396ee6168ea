"""Whether a word broken at a line end by a hyphenating producer (TeX, Typst) keeps its hyphen.

TeX hyphenates words itself ("imple-" + "mented"), and breaks compounds at their own hyphen
("production-" + "quality"); the PDF shows both the same way. The hyphen is kept when

* either half holds anything but letters ("end-to-" + "end", "ISO-" + "9001"): TeX only hyphenates plain
  words, so the break is at a hyphen of the text;
* the head is under two letters or the tail under three: below TeX's hyphenation minimums;
* both halves are known words, the head of three letters or more (``parsers/data/words.txt.gz``, built by
  ``scripts/build_words.py``; inflections are looked up by their stem), the tail is not a suffix that TeX
  splits off ("maintain-" + "able", "regard-" + "less"), and the joined word is not known, or the document
  writes the hyphenated form elsewhere (and not the joined one): its own spelling decides first.

Everything else joins ("implemented"): TeX's own hyphens are far more common than compounds broken at a line
end. The word list is read once, on first use (about 8 ms; ``known_word("a")`` at start-up pays it early).
"""

from __future__ import annotations

import gzip
from collections.abc import Container
from functools import cache
from importlib import resources

__all__ = ["keeps_hyphen", "known_word"]

_LEADING = "([{\"'“‘"
_TRAILING = ".,;:!?)]}\"'”’"
_SUFFIXES = frozenset(
    [
        "able",
        "ably",
        "ability",
        "abilities",
        "ible",
        "ibly",
        "less",
        "lessly",
        "lessness",
        "ness",
        "ship",
        "ships",
        "ment",
        "ments",
        "est",
        "ful",
        "fully",
        "ward",
        "wards",
        "wise",
        "hood",
        "dom",
    ]
)


@cache
def _words() -> frozenset[str]:
    data = resources.files("parsers").joinpath("data", "words.txt.gz").read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    while text.startswith("#"):  # the header
        text = text[text.index("\n") + 1 :]
    return frozenset(text.split())


def _stems(word: str) -> list[str]:
    """The word and what it may be inflected from: plurals, past forms, -ing forms."""
    stems = [word]
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        stems.append(word[:-1])
    if word.endswith("ied"):
        stems.append(word[:-3] + "y")
    if word.endswith("ed"):
        stems += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e"]
    return stems


def known_word(word: str) -> bool:
    """``word`` (lower case) is in the word list, or is an inflected form of a word in it."""
    words = _words()
    return any(stem in words for stem in _stems(word))


def keeps_hyphen(head: str, tail: str, seen: Container[str] = frozenset()) -> bool:
    """Whether ``head`` + "-" + ``tail`` (the text before and after a line-end hyphen) is one hyphenated word.

    ``seen`` holds the document's other words, lower case, trailing punctuation removed (see the module
    docstring).
    """
    head_core = head.lstrip(_LEADING)
    tail_core = tail.rstrip(_TRAILING)
    if not head_core.isalpha() or not tail_core.isalpha():
        return True
    if len(head_core) < 2 or len(tail_core) < 3:
        return True
    h, t = head_core.lower(), tail_core.lower()
    if len(h) < 3 or t in _SUFFIXES or not (known_word(h) and known_word(t)):
        return False  # TeX hyphenated a word
    joined = h + t
    if joined in seen:
        return False
    if f"{h}-{t}" in seen:
        return True
    return not known_word(joined)
