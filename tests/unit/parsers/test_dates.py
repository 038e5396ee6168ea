"""Dates as resumes write them: parsing, normalising, ranges."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.dates import _ALL_NAMES, _scan_dates, _trie, find_date_spans, is_present, normalize_date
from tests.unit.parsers.token_text import token_text


def _ranges(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (text[s.start : s.end], s.start_date.iso, s.end_date.iso if s.end_date else None) for s in find_date_spans(text)
    ]


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("Sept. 2019", "2019-09"),
        ("Sept 2019", "2019-09"),
        ("Jan 2020", "2020-01"),
        ("January, 2020", "2020-01"),
        ("03/2019", "2019-03"),
        ("3/19", "2019-03"),
        ("2019-03", "2019-03"),
        ("2019", "2019"),
        ("Summer 2021", "2021-06"),
        ("Spring 2020", "2020-03"),
        ("Fall 2018", "2018-09"),
        ("Autumn 2018", "2018-09"),
        ("Winter 2017", "2017-12"),
        ("Mar '19", "2019-03"),
        ("2012, November", "2012-11"),
        ("Octubre 2020", "2020-10"),
        ("févr. 2021", "2021-02"),
        ("März 2022", "2022-03"),
        ("15/03/2019", "2019-03"),
        ("Present", "present"),
        ("Current", "present"),
        ("Ongoing", "present"),
    ],
)
def test_normalize_date_gives_iso_month_or_year(raw: str, iso: str) -> None:
    value = normalize_date(raw)
    assert value is not None
    assert value.iso == iso
    assert value.raw == raw


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sept. 2018 – May 2023", [("Sept. 2018 – May 2023", "2018-09", "2023-05")]),
        ("June 2023 – present", [("June 2023 – present", "2023-06", "present")]),
        ("2017-PRESENT", [("2017-PRESENT", "2017", "present")]),
        ("(Aug. 2021  to present)", [("Aug. 2021  to present", "2021-08", "present")]),
        ("2019-03 to 2020-11", [("2019-03 to 2020-11", "2019-03", "2020-11")]),
        ("03/2019 - 3/20", [("03/2019 - 3/20", "2019-03", "2020-03")]),
        ("May – Aug 2022", [("May – Aug 2022", "2022-05", "2022-08")]),
        ("Summer 2021 — Fall 2022", [("Summer 2021 — Fall 2022", "2021-06", "2022-09")]),
        ("Jan 2020 until Dec 2021", [("Jan 2020 until Dec 2021", "2020-01", "2021-12")]),
        ("2001  2003 Moscow State University", [("2001  2003", "2001", "2003")]),
        ("2019 2021 Java Backend Developer", [("2019 2021", "2019", "2021")]),
        ("2021 now Full-Stack Developer", [("2021 now", "2021", "present")]),
        ("Since 2019", [("Since 2019", "2019", "present")]),
        ("Octubre 2020 - Actualidad", [("Octubre 2020 - Actualidad", "2020-10", "present")]),
    ],
)
def test_date_ranges_are_found_with_both_ends(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _ranges(text) == expected


def test_a_range_running_backwards_is_two_dates() -> None:
    assert _ranges("2021 - 2019") == [("2021", "2021", None), ("2019", "2019", None)]


@pytest.mark.parametrize(
    "text",
    [
        "10.1234/neurips.2023.1234",
        "GPA: 3.97/4.00",
        "US Patent 11,234,567",
        "Python 3.11 and HTML 5",
        "12/1/24, 18:12",
        "may 2 people",
    ],
)
def test_numbers_that_are_not_dates_are_left_alone(text: str) -> None:
    assert find_date_spans(text) == []


def test_a_lone_year_in_a_sentence_is_reported_without_month() -> None:
    spans = find_date_spans("Co-authored paper accepted at NeurIPS 2022 (spotlight)")
    assert [(s.start_date.iso, s.has_month, s.is_range) for s in spans] == [("2022", False, False)]


def test_normalize_date_refuses_text_that_is_more_than_a_date() -> None:
    assert normalize_date("joined in 2019") is None
    assert normalize_date("2018 - 2019") is None


@pytest.mark.parametrize(
    ("text", "expected"), [("Present", True), ("– Current", True), ("now)", True), ("Now hiring", False)]
)
def test_is_present_recognises_an_open_end_alone(text: str, expected: bool) -> None:
    assert is_present(text) is expected


@given(st.integers(1950, 2099), st.integers(1, 12))
def test_numeric_month_year_round_trips(year: int, month: int) -> None:
    value = normalize_date(f"{month:02d}/{year}")
    assert value is not None
    assert value.iso == f"{year:04d}-{month:02d}"


@given(st.text(max_size=80))
def test_spans_always_point_into_the_text_in_order(text: str) -> None:
    spans = find_date_spans(text)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start


_DATE_TOKENS = (
    "Jan",
    "jan.",
    "Sept.",
    "May",
    "mars",
    "März",
    "Summer",
    "2019",
    "2021",
    "'19",
    "03",
    "3",
    "15",
    "2020-03",
    "03/2019",
    "3/19",
    "to",
    "Present",
    "now",
    "since",
    "desde",
    "hasta",
    "la fecha",
)


@given(token_text(_DATE_TOKENS))
def test_the_quick_digit_test_never_hides_a_date(text: str) -> None:
    assert find_date_spans(text) == _scan_dates(text)


@given(st.text(alphabet="abcdefjmnoprstuvyäéû", max_size=9))
def test_month_name_trie_matches_exactly_the_names(word: str) -> None:
    trie = re.compile(f"(?:{_trie(_ALL_NAMES)})", re.IGNORECASE)
    assert (trie.fullmatch(word) is not None) is (word.lower() in {n.lower() for n in _ALL_NAMES})


def test_month_name_trie_accepts_every_name_in_any_case() -> None:
    trie = re.compile(f"(?:{_trie(_ALL_NAMES)})", re.IGNORECASE)
    assert all(trie.fullmatch(name) and trie.fullmatch(name.upper()) for name in _ALL_NAMES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Freelance Software Development Feb. 2012 Present", [("Feb. 2012 Present", "2012-02", "present")]),
        ("Jun 2019 2021 Data Engineer", [("Jun 2019 2021", "2019-06", "2021")]),
    ],
)
def test_a_month_before_a_dashless_range_is_kept(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _ranges(text) == expected


def test_a_space_before_the_comma_of_year_and_month() -> None:
    assert _ranges("2012 , November TINKOFF BANK") == [("2012 , November", "2012-11", None)]
