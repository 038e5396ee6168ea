"""Dates as resumes write them: month names, numbers, seasons, years, "Present", and ranges of them.

Each date is normalised to ISO ``YYYY-MM`` (``YYYY`` when no month is written, ``present`` for an open end)
and keeps its raw text: ``DateValue(raw="Sept. 2019", iso="2019-09")``. English month names and their
abbreviations (with or without a dot), seasons (Summer -> 06, Spring 03, Fall/Autumn 09, Winter 12) and the
Spanish, French and German month names are understood.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.models import DateValue

__all__ = ["DATE_WORDS", "DateSpan", "find_date_spans", "is_present", "normalize_date", "strip_spans"]


def _fold(word: str) -> str:
    """Lower case without accents: 'Février' -> 'fevrier'."""
    if word.isascii():
        return word.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


_MONTH_WORDS = (
    "jan january janv janvier ene enero jän jänner januar",
    "feb february febr févr fevr fév fev février fevrier febrero februar",
    "mar march mars marzo mär märz marz",
    "apr april avr avril abr abril",
    "may mai mayo",
    "jun june juin junio juni",
    "jul july juil juillet julio juli",
    "aug august août aout ago agosto",
    "sep sept september septembre septiembre setiembre",
    "oct october octobre octubre okt oktober",
    "nov november novembre noviembre",
    "dec december déc décembre decembre dic diciembre dez dezember",
)
_SEASON_WORDS = {
    3: "spring primavera printemps frühling fruhling",
    6: "summer verano été ete sommer",
    9: "fall autumn otoño otono automne herbst",
    12: "winter invierno hiver",
}
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(_MONTH_WORDS, start=1):
    for _name in _names.split():
        _MONTHS[_fold(_name)] = _number
for _number, _names in _SEASON_WORDS.items():
    for _name in _names.split():
        _MONTHS[_fold(_name)] = _number

_ALL_NAMES = sorted(
    {n for names in (*_MONTH_WORDS, *_SEASON_WORDS.values()) for n in names.split()}, key=len, reverse=True
)


_Trie = dict[str, "_Trie"]


def _trie(words: Sequence[str]) -> str:
    """A regex matching exactly ``words``, written as a trie ("ju(?:l(?:y|io|i)?|n...)") so that the engine
    compares a character or two at each position instead of trying every word in turn."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


# names are letters only, so at most one of them can end before a non-letter: the trie's order is free
_NAME = "(?:" + _trie(_ALL_NAMES) + r")\.?(?![A-Za-zÀ-ÿ])"

_PRESENT_WORDS = (
    r"present|current(?:ly)?|now|today|ongoing|to\s+date|date|"
    r"presente|actualidad|actual|hoy|la\s+fecha|aujourd['’]hui|ce\s+jour|heute|jetzt|laufend|aktuell"
)
_YEAR4 = r"(?:19[5-9]\d|20\d\d)"


def _single(g: str) -> str:
    """A regex for one date; its parts are groups suffixed with ``g``."""
    return (
        r"(?:"
        rf"(?P<mn{g}>{_NAME}),?\s*(?P<my{g}>{_YEAR4}|['’]\d\d)(?!\d)"  # Sept. 2019 | Summer 2021 | Jan '19
        rf"|(?P<ym{g}>{_YEAR4})\s?,?\s+(?P<mm{g}>{_NAME})"  # 2019, November | 2019 , November
        rf"|(?P<iy{g}>{_YEAR4})[-/.](?P<im{g}>1[0-2]|0?[1-9])(?![\d/.-]*\d)"  # 2019-03 | 2019/3
        rf"|(?P<da{g}>\d{{1,2}})[/.](?P<db{g}>\d{{1,2}})[/.](?P<dy{g}>{_YEAR4})(?!\d)"  # 15/03/2019
        rf"|(?P<nm{g}>1[0-2]|0?[1-9])[/.](?P<ny{g}>{_YEAR4}|(?<=/)\d\d)(?![\d/.]\d|\d)"  # 03/2019 | 3/19
        rf"|(?P<y{g}>{_YEAR4})(?!\d)"  # 2019
        r")"
    )


_SEP = (
    r"(?:\s*(?:-+|–|—|−|~|\.\.|•|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\bhasta\b|\bal\b|\bbis\b"
    r"|\bau\b|\bà\b)\s*|\s{2,})"
)
_LEFT = r"(?<![\w/.\-–])"
_RANGE_RE = re.compile(
    rf"{_LEFT}{_single('a')}(?:{_SEP}(?:{_single('b')}|(?P<present>{_PRESENT_WORDS})(?![\w])))?",
    re.IGNORECASE,
)
# "May – Aug 2022": a month without a year, taking the year of the end date
_SHORT_RANGE_RE = re.compile(rf"{_LEFT}(?P<first>{_NAME}){_SEP}{_single('b')}", re.IGNORECASE)
# "2019 2021", "2021 now": a range whose dash was lost (symbol-font glyphs in DOCX)
_YEAR_PAIR_RE = re.compile(
    rf"{_LEFT}(?P<a>{_YEAR4})\s+(?:(?P<b>{_YEAR4})|(?P<present>now|present|current|today))(?![\w/.\-])",
    re.IGNORECASE,
)
_SINCE_RE = re.compile(r"(?:since|seit|desde|depuis)\s+$", re.IGNORECASE)
_MONTH_BEFORE_RE = re.compile(rf"{_LEFT}(?P<m>{_NAME}),?\s*$", re.IGNORECASE)
# every lower-case word a date or a range can hold: month and season names, open ends, range and 'since' words
# (kept beside the patterns above; a caller may rule out a date where another word stands)
_OTHER_DATE_WORDS = (
    "present current currently now today ongoing to date presente actualidad actual hoy la fecha aujourd hui "
    "ce jour heute jetzt laufend aktuell until till through thru hasta al bis au à since seit desde depuis"
)
DATE_WORDS = frozenset(_ALL_NAMES) | frozenset(_OTHER_DATE_WORDS.split())
# every date form holds two digits in a row (a year, '19, 3/19): text without them has no date
_TWO_DIGITS_RE = re.compile(r"\d\d")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date or a date range in a string: offsets into that string and the normalised values."""

    start: int
    end: int
    start_date: DateValue
    end_date: DateValue | None = None
    has_month: bool = False

    @property
    def is_range(self) -> bool:
        return self.end_date is not None


def _year_of(text: str) -> int:
    if text[0] in "'’" or len(text) == 2:
        two = int(text.lstrip("'’"))
        return 2000 + two if two <= 50 else 1900 + two
    return int(text)


def _iso(year: int, month: int | None) -> str:
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


_GROUPS = {
    g: tuple(f"{name}{g}" for name in ("my", "mn", "ym", "mm", "iy", "im", "dy", "da", "db", "ny", "nm", "y"))
    for g in "ab"
}


def _value(m: re.Match[str], g: str) -> tuple[str, int, int, bool] | None:
    """(iso, start, end, has_month) of the single date in groups ``g``; None if absent or invalid."""
    my, mn, ym, mm, iy, im, dy, da, db, ny, nm, y = _GROUPS[g]
    if value := m.group(my):
        iso = _iso(_year_of(value), _MONTHS[_fold(m.group(mn).rstrip("."))])
        return iso, m.start(mn), m.end(my), True
    if value := m.group(ym):
        iso = _iso(_year_of(value), _MONTHS[_fold(m.group(mm).rstrip("."))])
        return iso, m.start(ym), m.end(mm), True
    if value := m.group(iy):
        return _iso(int(value), int(m.group(im))), m.start(iy), m.end(im), True
    if value := m.group(dy):
        a, b = int(m.group(da)), int(m.group(db))
        month = b if a > 12 else a  # 15/03/2019 is day-first; 03/15/2019 and 03/04/2019 read month-first
        if not 1 <= month <= 12 or (a > 12 and b > 12):
            return None
        return _iso(int(value), month), m.start(da), m.end(dy), True
    if value := m.group(ny):
        return _iso(_year_of(value), int(m.group(nm))), m.start(nm), m.end(ny), True
    if value := m.group(y):
        return _iso(int(value), None), m.start(y), m.end(y), False
    return None


def find_date_spans(text: str) -> list[DateSpan]:
    """Every date and date range in ``text``, left to right, without overlaps.

    A lone year is returned too (``has_month=False``, no end); callers decide whether a bare "2022" inside a
    sentence is a role date. "Since 2019" is an open range ending ``present``.
    """
    if _TWO_DIGITS_RE.search(text) is None:
        return []
    return _scan_dates(text)


def _scan_dates(text: str) -> list[DateSpan]:
    """``find_date_spans`` without the quick test for digits."""
    spans: list[DateSpan] = []
    taken: list[tuple[int, int]] = []
    for short in _SHORT_RANGE_RE.finditer(text):
        closing = _value(short, "b")
        if closing is None or not closing[3]:
            continue
        opening_iso = _iso(int(closing[0][:4]), _MONTHS[_fold(short.group("first").rstrip("."))])
        if opening_iso > closing[0]:
            continue
        opening = DateValue(short.group("first"), opening_iso)
        closing_value = DateValue(text[closing[1] : closing[2]], closing[0])
        spans.append(DateSpan(short.start(), closing[2], opening, closing_value, True))
        taken.append((short.start(), closing[2]))
    taken_mask = bytearray(len(text) + 1)
    for a, b in taken:
        taken_mask[a:b] = b"\x01" * (b - a)
    for pair in _YEAR_PAIR_RE.finditer(text):
        if any(taken_mask[pair.start() : pair.end()]):
            continue
        end_iso = pair.group("b") or "present"
        if end_iso != "present" and end_iso < pair.group("a"):
            continue
        end_raw = pair.group("b") or pair.group("present")
        start, opening, has_month = pair.start(), DateValue(pair.group("a"), pair.group("a")), False
        month = _MONTH_BEFORE_RE.search(text, max(0, start - 16), start)
        if month is not None:  # "Feb. 2012 Present": the range opens on the month
            start, has_month = month.start(), True
            iso = _iso(int(pair.group("a")), _MONTHS[_fold(month.group("m").rstrip("."))])
            opening = DateValue(text[start : pair.end("a")], iso)
        spans.append(DateSpan(start, pair.end(), opening, DateValue(end_raw, end_iso), has_month))
        taken_mask[start : pair.end()] = b"\x01" * (pair.end() - start)
    pos = 0
    while (m := _RANGE_RE.search(text, pos)) is not None:
        pos = m.end()
        if any(taken_mask[m.start() : m.end()]):
            continue
        first = _value(m, "a")
        if first is None:
            pos = m.start() + 1
            continue
        iso, a0, a1, has_month = first
        start_value = DateValue(text[a0:a1], iso)
        end_value: DateValue | None = None
        end_pos = a1
        if m.group("present"):
            end_value = DateValue(m.group("present"), "present")
            end_pos = m.end("present")
        else:
            second = _value(m, "b")
            if second is not None and second[0][:4] >= iso[:4]:
                end_value = DateValue(text[second[1] : second[2]], second[0])
                end_pos = second[2]
        pos = end_pos  # a range running backwards is two dates: the second is found on the next turn
        since = _SINCE_RE.search(text, max(0, a0 - 12), a0)
        if end_value is None and since is not None:
            end_value = DateValue(since.group().strip(), "present")
            a0 = since.start()
        spans.append(DateSpan(a0, end_pos, start_value, end_value, has_month))
    spans.sort(key=lambda s: s.start)
    return spans


_PRESENT_ONLY_RE = re.compile(rf"^\s*[-–—]?\s*(?:{_PRESENT_WORDS})\s*\)?\s*$", re.IGNORECASE)


def is_present(text: str) -> bool:
    """Whether ``text`` is only an open end: "Present", "– Current", "now" (a range broken over two lines)."""
    return bool(_PRESENT_ONLY_RE.match(text))


def normalize_date(raw: str) -> DateValue | None:
    """One date written any supported way -> ``DateValue``; None when ``raw`` is not exactly one date."""
    raw = raw.strip()
    if re.fullmatch(_PRESENT_WORDS, raw, re.IGNORECASE):
        return DateValue(raw, "present")
    spans = find_date_spans(raw)
    if len(spans) == 1 and not spans[0].is_range and spans[0].start == 0 and spans[0].end == len(raw):
        return spans[0].start_date
    return None


def strip_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the given ``(start, end)`` spans blanked out; same length, so other offsets stay valid."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
