"""Skill lists: items of a list that name a skill the taxonomy does not know.

Resumes and job ads list skills ("Java, Spring Boot, Mule ESB, Drools"; "SKILLS\\n\\nColor grading, Final Cut
Pro (3 years), Visual effects"). Two rules take an item the taxonomy misses as a skill, on the tokens of
``matching.normalize.scan``:

* *skills sections*: the items after a skills heading ("SKILLS", "Technical skills", "Core competencies" on a
  line of its own, up to the next blank line) or after a skills label at a line start ("Tools: ...",
  "Programming languages: ...", "Environment: ...", up to the line end);
* *list mates*: in a list of at least ``MIN_LIST_ITEMS`` items, the others when at least
  ``MIN_KNOWN_SHARE`` of them (and two) hold a skill already.

An item is what lies between separators (commas, semicolons, bars, bullets, line breaks, "and", "or") within
a sentence, without bracketed remarks ("Java (5 years)" is "Java"); it has one to ``MAX_ITEM_WORDS`` words,
starts with a letter or digit and is no number, date word, company suffix or function word, nor a piece of a
sentence (``_prose``: led by a past-tense verb, holding a function word, or several words all in lower case).
Items that overlap a known skill are left to it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import compress

__all__ = ["MAX_ITEM_WORDS", "MIN_KNOWN_SHARE", "MIN_LIST_ITEMS", "list_items", "under_skills_label"]

MIN_LIST_ITEMS = 3
MIN_KNOWN_SHARE = 0.6
MAX_ITEM_WORDS = 4

_ITEM_SEPARATORS = frozenset({",", ";", "|", "•", "·", "➢", "▪", "◦", "●", "*", "and", "or"})
_LIST_ENDS = frozenset({".", ":", "!", "?"})
_OPEN, _CLOSE = frozenset({"(", "["}), frozenset({")", "]"})
_SECTION_WORDS = frozenset(
    {
        "skills", "skill", "competencies", "competences", "expertise", "technologies", "proficiencies",
        "tools", "strengths", "abilities", "capabilities",
    }
)  # fmt: skip
_SECTION_LEADS = frozenset(
    {
        "technical", "key", "core", "it", "computer", "professional", "soft", "hard", "relevant", "other",
        "additional", "areas", "area", "of", "skill", "set", "and", "summary", "software", "programming",
        "personal", "special", "specialized", "specialised", "tools", "technologies", "primary", "secondary",
    }
)  # fmt: skip
_LABEL_HEADS = _SECTION_WORDS | frozenset(
    {
        "languages", "language", "environment", "environments", "databases", "database", "frameworks",
        "framework", "platforms", "platform", "software", "packages", "libraries", "methodologies", "ides",
        "ide", "servers", "os", "scripting", "cloud", "stack", "tech", "utilities",
    }
)  # fmt: skip
_NOT_ITEMS = frozenset(
    {
        "inc", "ltd", "llc", "llp", "plc", "corp", "pvt", "gmbh", "co", "etc", "present", "current", "now",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "year", "years", "month", "months", "amp", "nbsp", "the", "a", "an", "of", "in", "on", "at",
        "to", "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "i", "we", "you", "my",
    }
)  # fmt: skip
_FUNCTION_WORDS = frozenset(
    {
        "the", "a", "an", "with", "to", "for", "from", "at", "by", "on", "over", "under", "into", "our", "my",
        "their", "his", "her", "your", "its", "this", "that", "these", "those", "who", "which", "was", "were",
        "is", "are", "be", "been", "i", "we", "he", "she", "they", "as",
    }
)  # fmt: skip
_BLANK_LINE_RE = re.compile(r"\n[ \t\r]*\n")


def list_items(
    text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int], known: Sequence[tuple[int, int]]
) -> list[tuple[int, int, bool]]:
    """Token ranges ``(first, last exclusive, in a skills section)`` of list items that name an unlisted skill.
    ``known``: token ranges of the skills found already, sorted, not overlapping."""
    n = len(words)
    if n < 2:
        return []
    line = _marks(text, starts, "\n")
    blank = bytearray(n)
    for m in _BLANK_LINE_RE.finditer(text):
        k = bisect.bisect_left(starts, m.end() - 1)
        if k < n:
            blank[k] = 1
    covered = bytearray(n)
    for a, b in known:
        covered[a:b] = b"\x01" * (b - a)
    known_firsts = [a for a, _ in known]
    separators = bytearray(map(_ITEM_SEPARATORS.__contains__, words))
    out: list[tuple[int, int, bool]] = []
    for first, last, section in _segments(words, line, blank):
        if not section and separators.count(1, first, last) + line.count(1, first + 1, last) + 1 < MIN_LIST_ITEMS:
            continue  # too few separators for a list: no need to cut it into items
        if not section and bisect.bisect_left(known_firsts, last) - bisect.bisect_left(known_firsts, first) < 2:
            continue  # fewer than two known skills start in it: no list of them (most sentences)
        items = _items(words, line, first, last)
        if not section:
            if len(items) < MIN_LIST_ITEMS:
                continue
            holding = sum(1 for a, b in items if _holds_known(known_firsts, known, a, b))
            if holding < max(2, MIN_KNOWN_SHARE * len(items)):
                continue
        for a, b in items:
            if b - a > MAX_ITEM_WORDS or any(covered[a:b]) or not words[a][:1].isalnum():
                continue
            if words[a] in _NOT_ITEMS or words[b - 1] in _NOT_ITEMS:
                continue
            if all(w.replace(".", "").isdigit() for w in words[a:b]):
                continue
            if _prose(text, words, starts, ends, a, b):
                continue
            out.append((a, b, section))
    return out


_LABEL_WORD_RE = re.compile(r"[a-z]+")


def under_skills_label(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` follows a skills label on its line ("Libraries: requests, selenium"): what the
    line says before its first colon is one to four words ending in a label word (``_LABEL_HEADS``)."""
    start = text.rfind("\n", 0, pos) + 1
    colon = text.find(":", start, pos)
    if colon < 0:
        return False
    label = _LABEL_WORD_RE.findall(text[start:colon].lower())
    return 1 <= len(label) <= 4 and label[-1] in _LABEL_HEADS


def _prose(text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int], a: int, b: int) -> bool:
    """A piece of a sentence rather than a skill's name: it opens with a past-tense verb ("directed the
    campaign"), holds a function word ("with", "the", "to"), or is several words all in lower case."""
    first = words[a]
    if len(first) > 4 and first.endswith("ed"):
        return True
    if any(w in _FUNCTION_WORDS for w in words[a + 1 : b]):
        return True
    return b - a > 1 and text[starts[a] : ends[b - 1]].islower()


def _marks(text: str, starts: Sequence[int], char: str) -> bytearray:
    """1 for each token with ``char`` between it and the token before (the first token counts as marked)."""
    marks = bytearray(len(starts))
    marks[0] = 1
    at = text.find(char)
    while at != -1:
        k = bisect.bisect_right(starts, at)
        if k < len(starts):
            marks[k] = 1
            at = text.find(char, starts[k])
        else:
            break
    return marks


def _holds_known(firsts: Sequence[int], known: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    k = bisect.bisect_left(firsts, a)
    return k < len(known) and known[k][1] <= b


def _segments(words: Sequence[str], line: bytearray, blank: bytearray) -> list[tuple[int, int, bool]]:
    """Token ranges that may hold a list: skills sections (flag True), and runs between sentence ends, colons
    and blank lines (flag False)."""
    n = len(words)
    out: list[tuple[int, int, bool]] = []
    boundaries = sorted({*compress(range(n), map(_LIST_ENDS.__contains__, words)), *compress(range(n), blank), n})
    heads = list(compress(range(n), line))
    k = 0
    for stop in boundaries:
        # Skills headings and labels start lines: look at the line starts inside this run only.
        lo = bisect.bisect_left(heads, k)
        begin = k
        for h in heads[lo : bisect.bisect_left(heads, stop)] if stop > k else ():
            if h < begin:
                continue
            heading_end = _heading(words, line, h)
            if heading_end:  # the section runs to the next blank line
                end = heading_end + 1
                while end < n and not blank[end]:
                    end += 1
                if h > begin:
                    out.append((begin, h, False))
                out.append((heading_end, end, True))
                begin = end
                continue
            label_end = _label(words, line, h)
            if label_end:  # the label's items run to the line end
                end = label_end + 1
                while end < n and not line[end]:
                    end += 1
                if h > begin:
                    out.append((begin, h, False))
                out.append((label_end, end, True))
                begin = end
        if begin < stop:
            out.append((begin, stop, False))
        k = max(stop + (1 if stop < n and words[stop] in _LIST_ENDS else 0), begin)
    return [s for s in out if s[0] < s[1]]


def _heading(words: Sequence[str], line: bytearray, k: int) -> int:
    """The token after a skills heading that fills the line from token ``k``, else 0."""
    n = len(words)
    j = k
    while j < n and j - k < 4 and (words[j] in _SECTION_LEADS or words[j] in _SECTION_WORDS):
        j += 1
        if j < n and line[j]:
            break
    if j == k or words[j - 1] not in _SECTION_WORDS:
        return 0
    if j < n and words[j] == ":":
        j += 1
    return j if j < n and line[j] else 0


def _label(words: Sequence[str], line: bytearray, k: int) -> int:
    """The token after "<skills label>:" when a line starts with one at token ``k`` (a bullet may lead)."""
    n = len(words)
    j = k
    if not words[j][:1].isalnum() and words[j] != ":":
        j += 1  # a bullet
    first = j
    while j < n and j - first < 4 and words[j] != ":" and not (j > first and line[j]):
        j += 1
    if j >= n or j == first or words[j] != ":" or words[j - 1] not in _LABEL_HEADS or line[j]:
        return 0
    return j + 1 if j + 1 < n and not line[j + 1] else 0


def _items(words: Sequence[str], line: bytearray, first: int, last: int) -> list[tuple[int, int]]:
    """Items of a segment: token runs between separators and line breaks, bracketed remarks left out."""
    items: list[tuple[int, int]] = []
    begin = -1
    depth = 0
    for k in range(first, last):
        word = words[k]
        if word in _OPEN:
            if begin >= 0 and not depth:
                items.append((begin, k))
                begin = -1
            depth += 1
            continue
        if depth:
            if word in _CLOSE:
                depth -= 1
            continue
        if line[k] and k > first and begin >= 0:
            items.append((begin, k))
            begin = -1
        if word == ":":  # "Languages: Java, C": what precedes a colon is a label
            begin = -1
        elif word in _ITEM_SEPARATORS or word in _CLOSE:
            if begin >= 0:
                items.append((begin, k))
            begin = -1
        elif begin < 0:
            begin = k
    if begin >= 0 and not depth:
        items.append((begin, last))
    return items
