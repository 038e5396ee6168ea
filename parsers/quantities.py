"""Numbers that achievement bullets carry: percentages, money, counts and durations.

``find_quantities("Cut costs by $1.2M (30%) for 12 engineers in 6 weeks")`` finds $1.2M (money, 1200000),
30% (percent, 30), 12 engineers (count, 12) and 6 weeks (duration, 6). Multipliers ("3x", "10 times") are
counts. Years ("2019"), version numbers ("Python 3.11"), list numbering and parts of dates are left alone.
"""

from __future__ import annotations

import re

from parsers.models import Quantity

__all__ = ["find_quantities"]

_SCALE = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SUFFIX = r"(?:thousand|millions?|billions?|mm|mn|bn|k|m|b)(?![A-Za-z])"
_CURRENCY_SIGN = r"[$€£¥₹]"
_CURRENCY_CODE = r"(?:USD|EUR|GBP|CAD|AUD|INR|CHF|JPY)"

_MONEY_RE = re.compile(
    rf"(?:(?-i:[A-Z]{{1,2}})?{_CURRENCY_SIGN}\s?|{_CURRENCY_CODE}\s?)(?P<num>{_NUM})(?:\s?(?P<suf>{_SUFFIX}))?\+?"
    rf"|(?P<num2>{_NUM})\s?(?P<suf2>{_SUFFIX})?\s?(?:{_CURRENCY_CODE}|{_CURRENCY_SIGN}|dollars|euros|pounds)(?![A-Za-z])",
    re.IGNORECASE,
)
# each pattern opens with a lookahead for its first character, which lets the engine skip ahead quickly
_PERCENT_RE = re.compile(rf"(?=[-+\d])(?P<num>[-+]?(?:{_NUM}))\s?(?:%|percent\b|per\s?cent\b|pct\b)", re.IGNORECASE)
_DURATION_RE = re.compile(
    rf"(?=\d)(?P<num>{_NUM})\+?(?:\s?(?:-|–|to)\s?(?:{_NUM}))?\+?\s?"
    r"(?:years?|yrs?|months?|mos|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|milliseconds?|ms)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_MULTIPLIER_RE = re.compile(rf"(?=\d)(?P<num>{_NUM})\s?(?:x|×|times)(?![A-Za-z0-9])", re.IGNORECASE)
# a number (optionally 2M+, 8,500+) followed by a word: "12 engineers", "2M+ monthly API requests"
_COUNT_RE = re.compile(
    rf"(?=\d)(?<![\w.$€£¥₹/#-])(?P<num>{_NUM})(?:\s?(?P<suf>{_SUFFIX}))?(?P<plus>\+)?(?=\s+[A-Za-z(])"
    r"(?P<noun>\s+(?!(?:to|and|or|of|in|on|at|for|with|by|from|the|a|an|per|than|over|across|into)\b)[A-Za-z][\w-]*)?",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# cheap tests that let most texts skip the costlier scans: every quantity has a digit, money a currency
# (a code is followed by a digit, a space or a non-letter: 'EUR 5', '5 EUR', not 'Europe'), a percentage its sign
_DIGIT_RE = re.compile(r"\d")
_MONEY_HINT_RE = re.compile(rf"{_CURRENCY_SIGN}|{_CURRENCY_CODE}(?![A-Za-z])|dollars|euros|pounds", re.IGNORECASE)
_PERCENT_HINT_RE = re.compile(r"%|percent|per\s?cent|pct", re.IGNORECASE)
_MONEY_WORDS = ("usd", "eur", "gbp", "cad", "aud", "inr", "chf", "jpy", "dollars", "euros", "pounds")


def _may_hold_money(text: str) -> bool:
    if not text.isascii():
        return _MONEY_HINT_RE.search(text) is not None
    low = text.lower()  # in ASCII, lower() folds case exactly as the patterns' IGNORECASE does
    return "$" in text or any(word in low for word in _MONEY_WORDS)


def _may_hold_percent(text: str) -> bool:
    if not text.isascii():
        return _PERCENT_HINT_RE.search(text) is not None
    low = text.lower()
    return "%" in text or "cent" in low or "pct" in low


def _number(raw: str, suffix: str | None) -> float | None:
    try:
        value = float(raw.replace(",", ""))
    except ValueError:
        return None
    if suffix:
        value *= _SCALE.get(suffix.lower(), 1.0)
    return value


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Quantities in ``text`` in reading order; each character belongs to at most one quantity."""
    if _DIGIT_RE.search(text) is None:
        return ()
    found: list[tuple[int, int, Quantity]] = []
    taken = bytearray(len(text) + 1)

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    def add(start: int, end: int, quantity: Quantity) -> None:
        found.append((start, end, quantity))
        taken[start:end] = b"\x01" * (end - start)

    for m in _MONEY_RE.finditer(text) if _may_hold_money(text) else ():
        num, suf = (m.group("num"), m.group("suf")) if m.group("num") else (m.group("num2"), m.group("suf2"))
        if free(m.start(), m.end()):
            add(m.start(), m.end(), Quantity(m.group().strip(), "money", _number(num, suf)))
    for m in _PERCENT_RE.finditer(text) if _may_hold_percent(text) else ():
        if free(m.start(), m.end()):
            add(m.start(), m.end(), Quantity(m.group(), "percent", _number(m.group("num"), None)))
    for m in _DURATION_RE.finditer(text):
        if free(m.start(), m.end()) and not _YEAR_RE.fullmatch(m.group("num")):
            add(m.start(), m.end(), Quantity(m.group(), "duration", _number(m.group("num"), None)))
    for m in _MULTIPLIER_RE.finditer(text):
        if free(m.start(), m.end()):
            add(m.start(), m.end(), Quantity(m.group(), "count", _number(m.group("num"), None)))
    for m in _COUNT_RE.finditer(text):
        num = m.group("num")
        if not free(m.start(), m.end()):
            continue
        if _YEAR_RE.fullmatch(num) and not (m.group("suf") or m.group("plus")):
            continue  # "in 2019 we..." is a year, not a count
        if "." in num and not m.group("suf"):
            continue  # "Python 3.11" is a version; a decimal count needs a scale ("2.5M users")
        add(m.start(), m.end(), Quantity(m.group(), "count", _number(num, m.group("suf"))))
    found.sort(key=lambda t: t[0])
    return tuple(q for _, _, q in found)
