"""matching.normalize: one normal form for names and phrases, tokens that point back into the text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.normalize import normalize, scan, singular_forms, tokenize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CI/CD", "ci cd"),
        ("CI-CD", "ci cd"),
        ("Node.js", "node.js"),
        ("C++ and C#", "c++ and c#"),
        (".NET Core", ".net core"),
        ("R&D", "r and d"),
        ("&&Q & A&", "and and q and a and"),
        ("Café & Crème", "cafe and creme"),
        ("Python, Java", "python , java"),
        ("Raiser’s Edge", "raiser's edge"),
        ("Café  Noir", "cafe noir"),
        ("end of sentence.", "end of sentence ."),
    ],
)
def test_normalize_folds_case_separators_and_accents(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@given(st.text(max_size=80))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text(max_size=120))
def test_tokens_are_ordered_spans_inside_the_text(text: str) -> None:
    previous_end = 0
    for token in tokenize(text):
        assert previous_end <= token.start < token.end <= len(text)
        assert token.text
        previous_end = token.end


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=120))
def test_ascii_text_is_cut_as_any_text(text: str) -> None:
    # ASCII text takes a faster split: the tokens and offsets are those of the same text with a non-ASCII tail
    tail = " é"
    assert scan(text) == tuple(part[:-1] for part in scan(text + tail))


def test_token_offsets_point_at_the_original_characters() -> None:
    text = "Built ReactJS apps (Node.js) — CI/CD"
    spans = {t.text: text[t.start : t.end] for t in tokenize(text)}
    assert spans["reactjs"] == "ReactJS"
    assert spans["node.js"] == "Node.js"
    assert spans["ci"] == "CI"


def test_singular_forms_of_regular_plurals() -> None:
    assert "database" in singular_forms("databases")
    assert "technology" in singular_forms("technologies")
    assert singular_forms("class") == ()
    assert singular_forms("status") == ()
