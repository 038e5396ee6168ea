"""Numbers in achievement bullets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.quantities import (
    _COUNT_RE,
    _DURATION_RE,
    _MONEY_RE,
    _MULTIPLIER_RE,
    _PERCENT_RE,
    _may_hold_money,
    _may_hold_percent,
    find_quantities,
)
from tests.unit.parsers.token_text import token_text


def _q(text: str) -> list[tuple[str, str, float | None]]:
    return [(q.raw, q.kind, q.value) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reduced latency by 73% compared to baseline", [("73%", "percent", 73.0)]),
        ("99.97% uptime", [("99.97%", "percent", 99.97)]),
        ("cut costs 12 percent", [("12 percent", "percent", 12.0)]),
        ("Raised $18M Series A", [("$18M", "money", 18e6)]),
        ("saved US$1.2 million", [("US$1.2 million", "money", 1.2e6)]),
        ("budget of €250k", [("€250k", "money", 250e3)]),
        ("£3.5bn deal", [("£3.5bn", "money", 3.5e9)]),
        ("EUR 500k savings", [("EUR 500k", "money", 500e3)]),
        ("Salary: ₹35,000.00 per month", [("₹35,000.00", "money", 35000.0)]),
        ("Led 12 engineers", [("12 engineers", "count", 12.0)]),
        ("serving 2M+ monthly API requests", [("2M+ monthly", "count", 2e6)]),
        ("8,500+ GitHub stars", [("8,500+ GitHub", "count", 8500.0)]),
        ("reducing memory by 4.2x", [("4.2x", "count", 4.2)]),
        ("10 times faster", [("10 times", "count", 10.0)]),
        ("shipped in 6 weeks", [("6 weeks", "duration", 6.0)]),
        ("3-5 years", [("3-5 years", "duration", 3.0)]),
    ],
)
def test_quantities_are_found_with_kind_and_value(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert _q(text) == expected


def test_a_bullet_with_several_quantities_keeps_reading_order() -> None:
    kinds = [q.kind for q in find_quantities("Cut costs by $1.2M (30%) for 12 engineers in 6 weeks")]
    assert kinds == ["money", "percent", "count", "duration"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 we shipped it",
        "Python 3.11 on A100 GPUs with a16z",
        "ES6 and HTML5",
    ],
)
def test_years_versions_and_model_numbers_are_not_quantities(text: str) -> None:
    assert _q(text) == []


def test_a_count_does_not_swallow_a_preposition() -> None:
    assert _q("team grew from 3 to 28 people") == [("3", "count", 3.0), ("28 people", "count", 28.0)]


@given(st.text(max_size=60))
def test_quantities_never_overlap_and_are_substrings(text: str) -> None:
    for q in find_quantities(text):
        assert q.raw in text


_QUANTITY_TOKENS = (
    "$",
    "€",
    "£",
    "USD",
    "usd",
    "EUR",
    "Europe",
    "5",
    "1.2",
    "30",
    "2,500",
    "M",
    "k",
    "%",
    "percent",
    "per cent",
    "pct",
    "dollars",
    "x",
    "times",
    "years",
    "weeks",
    "engineers",
    "+",
    "-",
)


@given(token_text(_QUANTITY_TOKENS))
def test_quick_tests_never_hide_money_or_a_percentage(text: str) -> None:
    if _MONEY_RE.search(text):
        assert _may_hold_money(text)
    if _PERCENT_RE.search(text):
        assert _may_hold_percent(text)


@given(token_text(_QUANTITY_TOKENS))
def test_leading_lookaheads_do_not_change_what_the_patterns_find(text: str) -> None:
    for pattern in (_PERCENT_RE, _DURATION_RE, _MULTIPLIER_RE, _COUNT_RE):
        plain = re.compile(re.sub(r"^\(\?=[^)]*\)", "", pattern.pattern), pattern.flags)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
