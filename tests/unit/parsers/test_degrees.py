"""Degrees and their levels."""

from __future__ import annotations

import re

import pytest
from hypothesis import given

from parsers.degrees import _DEGREE_CI_RE, _DEGREE_RE, _END, _PATTERNS, find_degrees, has_degree, lowest_level
from tests.unit.parsers.token_text import token_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PhD in Computer Science", [("PhD", "doctorate", "Computer Science")]),
        ("Ph.D. Physics", [("Ph.D.", "doctorate", None)]),
        ("B.Sc. in Mathematics, 2015", [("B.Sc.", "bachelor", "Mathematics")]),
        ("Bachelor of Science in Computer Science", [("Bachelor of Science", "bachelor", "Computer Science")]),
        ("MSc Data Science", [("MSc", "master", None)]),
        ("MBA, Wharton", [("MBA", "master", None)]),
        ("M.A. in Literary Translation GPA: 3.8 / 4", [("M.A.", "master", "Literary Translation")]),
        ("Associate degree in Nursing", [("Associate degree", "associate", "Nursing")]),
        ("High School Diploma", [("High School Diploma", "high_school", None)]),
        ("Licenciatura en Economía", [("Licenciatura", "bachelor", "Economía")]),
        (
            "MASTER OF MATHEMATICS AND COMPUTER SCIENCE IN FINANCE, 2004",
            [("MASTER OF MATHEMATICS AND COMPUTER SCIENCE", "master", "FINANCE")],
        ),
        ("Boğaziçi University, BS in Computer Engineering", [("BS", "bachelor", "Computer Engineering")]),
    ],
)
def test_degrees_with_level_and_field(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(d.degree, d.level, d.field) for d in find_degrees(text)] == expected
    assert has_degree(text)


@pytest.mark.parametrize(
    "text",
    [
        "Harvard University, Cambridge, MA",
        "Skilled in MS Office and MS Excel",
        "learn rapidly and master diverse web technologies",
        "Most of the work will be via CMS",
        "must be able to travel",
    ],
)
def test_states_products_and_verbs_are_not_degrees(text: str) -> None:
    assert find_degrees(text, loose=True) == []
    assert not has_degree(text)


def test_loose_mode_reads_lower_case_and_slashed_lists() -> None:
    found = find_degrees("B.e/B.tech/MCA/Msc/M.e-IT/Computer science", loose=True)
    assert [d.level for d in found] == ["bachelor", "bachelor", "master", "master", "master"]
    assert find_degrees("a masters in cs", loose=True)[0].level == "master"


def test_lowest_level_of_alternatives() -> None:
    found = find_degrees("Bachelor's or Master's degree in CS")
    assert lowest_level([d.level for d in found]) == "bachelor"
    assert lowest_level([]) is None


_DEGREE_TOKENS = (
    "BS",
    "MS",
    "B.Sc.",
    "MSc",
    "PhD",
    "Ph.D.",
    "MBA",
    "Master's",
    "master's",
    "Bachelor of Science",
    "Boston, MA",
    "MS Office",
    "High School",
    "A-Levels",
    "in",
    "Computer Science",
    "BS/MS",
    "a",
    "x",
    # one opening each letter the look-ahead lets through
    "Advanced degree",
    "Doctorate",
    "Grado en",
    "LL.M.",
    "Undergraduate degree",
    "Secondary School",
    "MBA",
    "ph.d",
    "Mtech",
    "licenciatura",
    "HIGH SCHOOL",
    "Doctorado",
)


@given(token_text(_DEGREE_TOKENS))
def test_one_shared_lookbehind_finds_what_one_per_group_did(text: str) -> None:
    per_group = re.compile("|".join(rf"(?P<g{i}>(?<![\w.])(?:{p}){_END})" for i, (_, p) in enumerate(_PATTERNS)))
    assert [(m.span(), m.lastgroup) for m in _DEGREE_RE.finditer(text)] == [
        (m.span(), m.lastgroup) for m in per_group.finditer(text)
    ]


@given(token_text(_DEGREE_TOKENS))
def test_the_look_aheads_hide_no_degree(text: str) -> None:
    for pattern in (_DEGREE_RE, _DEGREE_CI_RE):
        plain = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", pattern.pattern), pattern.flags)
        assert plain.pattern != pattern.pattern
        for sample in (text, *_DEGREE_TOKENS):  # each token alone too: the draws may miss one
            assert [(m.span(), m.lastgroup) for m in pattern.finditer(sample)] == [
                (m.span(), m.lastgroup) for m in plain.finditer(sample)
            ]
