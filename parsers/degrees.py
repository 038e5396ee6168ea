"""Academic degrees as resumes and job ads write them, with their level.

"B.Sc.", "BS", "Bachelor of Science", "Licenciatura" -> bachelor; "MSc", "MBA", "Master's" -> master;
"PhD", "Doctorate" -> doctorate; "Associate degree", "A.A.S." -> associate; "High School", "GED" ->
high_school. Two-letter abbreviations are matched in capitals only, and not where they are a US state
("Boston, MA") or a product ("MS Office").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LEVELS", "DegreeMatch", "find_degrees", "has_degree", "lowest_level"]

LEVELS = ("high_school", "associate", "bachelor", "master", "doctorate")

_NOT_AFTER_MS = r"(?!\s+(?:Office|Excel|Word|SQL|Project|Access|Teams|Visio|PowerPoint|Outlook|Windows|Dynamics|Azure))"
_STATE_CONTEXT = r"(?<!,\s)(?<!,)"
_END = r"(?![\w’'])"

# "Master of Business Administration", "BACHELOR OF ARTS AND SCIENCES", "Master's degree"
_OF_SUBJECT = r"(?:\s+(?i:of)\s+[A-Z][\w.]*(?:(?:\s+(?:and|AND|&))?\s+(?!(?i:in)\b)[A-Z][\w.]*){0,4}|\s+(?i:degree))?"

_PATTERNS: tuple[tuple[str, str], ...] = (
    # (level, regex)
    (
        "doctorate",
        r"Ph\.?\s?D\.?|D\.?Phil\.?|Doctor(?:ate)?\s+of\s+[A-Z][a-z]+|Doctorate|Doctoral\s+degree|"
        r"Doctorado|Doctorat|Promotion|Dr\.\s?rer\.\s?\w+\.?",
    ),
    (
        "master",
        r"M\.?B\.?A\.?|M\.Sc\.?|MSc|M\.S\.|M\.A\.|MEng|M\.Eng\.?|M\.E\.|MCA|MPhil|M\.Phil\.?|MFA|MPH|LL\.?M\.?|"
        r"(?:(?:Master|MASTER)(?:'s|’s|s|'S|S)?|master(?:'s|’s|s))"
        + _OF_SUBJECT
        + r"|Magister|"
        + r"Maestr[ií]a|Máster|Mestrado|Advanced\s+(?:[\w-]+\s+){0,3}degree",
    ),
    (
        "master",
        r"(?:MS|MA|ME)(?=\s+(?:in|of)\s)|(?:(?<=BS, )|(?<=BA, )|(?<=BSc, )|(?<=BS/))(?:MS|MA)|"
        + _STATE_CONTEXT
        + r"(?:MS|MA|ME)"
        + _NOT_AFTER_MS,
    ),
    (
        "bachelor",
        r"B\.Sc\.?|BSc|B\.S\.|B\.A\.|BEng|B\.Eng\.?|B\.E\.|B\.?Tech|B\.Com|BBA|BCA|BFA|"
        r"(?:(?:Bachelor|BACHELOR)(?:'s|’s|s|'S|S)?|bachelor(?:'s|’s|s)?)"
        + _OF_SUBJECT
        + r"|Licenciatura|"
        + r"Licenciad[oa]|Baccalaureate\s+degree|Undergraduate\s+degree|Grado\s+en",
    ),
    ("bachelor", r"(?:BS|BA|BE)" + _NOT_AFTER_MS),
    ("associate", r"Associate(?:'s|’s)?\s+(?:degree|of\s+[A-Z]\w+)|A\.A\.S\.?|AAS|A\.S\.|A\.A\."),
    ("high_school", r"High\s+School(?:\s+Diploma)?|Secondary\s+School|GED|Bachillerato|Abitur|A[\s-]Levels?"),
)
# one shared look-behind before the groups: inside a word it fails once, not once per group; before it, a look-ahead
# for the letters the patterns open with ("bachelor's" and "master's" in lower case) fails at once almost everywhere
_DEGREE_RE = re.compile(
    r"(?=[ABDGHLMPSUbm])(?<![\w.])(?:"
    + "|".join(rf"(?P<g{i}>(?:{p}){_END})" for i, (_, p) in enumerate(_PATTERNS))
    + ")",
)
_DEGREE_CI_RE = re.compile(
    r"(?=[bdhlmp])(?<![\w.])(?P<w>bachelor(?:'s|’s|s)?|master(?:'s|’s|s)|master(?=\s+(?:degree|of)\b)|doctorate|ph\.?d|mba|b\.?sc|m\.?sc|b\.?tech|"
    r"m\.?tech|b\.e|m\.e|mca|bca|licenciatura|high school)(?![\w’'])",
    re.IGNORECASE,
)
_CI_LEVEL = {
    "bachelor": "bachelor",
    "master": "master",
    "doctorate": "doctorate",
    "phd": "doctorate",
    "ph.d": "doctorate",
    "mba": "master",
    "bsc": "bachelor",
    "b.sc": "bachelor",
    "msc": "master",
    "m.sc": "master",
    "btech": "bachelor",
    "b.tech": "bachelor",
    "mtech": "master",
    "m.tech": "master",
    "be": "bachelor",
    "b.e": "bachelor",
    "me": "master",
    "m.e": "master",
    "mca": "master",
    "bca": "bachelor",
    "licenciatura": "bachelor",
    "high school": "high_school",
}
_FIELD_RE = re.compile(
    r"\s*(?:degree\s+)?(?:in|of|en|on)\s+(?P<field>[^,;|()\n–—]+?)"
    r"(?=\s*(?:$|[,;|()\n–—]|\s-\s|\s{2,}|\bGPA\b|\bfrom\b|\bat\b|\bor\s+(?:equivalent|related|a\s+related)\b|"
    r"\d))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DegreeMatch:
    """A degree in a string: offsets, the degree as written, its level and its field when stated."""

    start: int
    end: int
    degree: str
    level: str
    field: str | None = None
    field_start: int = -1
    field_end: int = -1


def find_degrees(text: str, *, loose: bool = False) -> list[DegreeMatch]:
    """Degrees in ``text``. ``loose`` also accepts lower-case forms ("bachelor's", "b.tech/mca")."""
    out: list[DegreeMatch] = []
    for m in _DEGREE_RE.finditer(text):
        group = m.lastgroup or ""  # the only groups are the named g0...g6, one per pattern
        level = _PATTERNS[int(group[1:])][0]
        out.append(_with_field(text, m.start(), m.end(), level))
    if loose:
        for m in _DEGREE_CI_RE.finditer(text):
            if any(d.start <= m.start() < d.end for d in out):
                continue
            key = m.group("w").lower().replace("’", "'").removesuffix("'s").rstrip("s")
            key = key if key in _CI_LEVEL else m.group("w").lower()
            loose_level = _CI_LEVEL.get(key)
            if loose_level:
                out.append(_with_field(text, m.start(), m.end(), loose_level))
    out.sort(key=lambda d: d.start)
    return out


def has_degree(text: str) -> bool:
    """Whether ``find_degrees(text)`` finds a degree, without working out each one."""
    return _DEGREE_RE.search(text) is not None


def _with_field(text: str, start: int, end: int, level: str) -> DegreeMatch:
    degree = text[start:end]
    # "Bachelor of Science in Computer Science": the field follows the last "in"
    inner = re.search(r"\s+(?:in)\s+(?P<f>.+)$", degree)
    if inner:
        f0 = start + inner.start("f")
        return DegreeMatch(start, end, degree[: inner.start()], level, inner.group("f"), f0, end)
    m = _FIELD_RE.match(text, end)
    if m and m.group("field").strip():
        field = m.group("field").strip()
        f0 = m.start("field") + (len(m.group("field")) - len(m.group("field").lstrip()))
        return DegreeMatch(start, end, degree, level, field, f0, f0 + len(field))
    return DegreeMatch(start, end, degree, level)


def lowest_level(levels: list[str]) -> str | None:
    """The lowest of several levels ("Bachelor's or Master's" asks for a bachelor)."""
    ranked = [lv for lv in LEVELS if lv in levels]
    return ranked[0] if ranked else None
