"""Line-end hyphens of hyphenating producers: TeX's own hyphens go, the hyphens of compounds stay."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from parsers.hyphenation import keeps_hyphen, known_word
from scripts.build_words import closed_compounds, vocabulary

WORDS = Path(__file__).resolve().parents[3] / "parsers" / "data" / "words.txt.gz"


@pytest.mark.parametrize(
    ("head", "tail"),
    [("production", "quality"), ("cross", "functional"), ("data", "driven"), ("detail", "oriented,")],
)
def test_a_compound_of_two_words_keeps_its_hyphen(head: str, tail: str) -> None:
    assert keeps_hyphen(head, tail)


@pytest.mark.parametrize(
    ("head", "tail"),
    [("imple", "mented"), ("soft", "ware"), ("data", "base"), ("some", "thing"), ("frame", "works.")],
)
def test_a_word_hyphenated_by_tex_is_joined(head: str, tail: str) -> None:
    assert not keeps_hyphen(head, tail)


def test_suffixes_tex_splits_off_are_joined() -> None:
    assert not keeps_hyphen("maintain", "able")
    assert not keeps_hyphen("regard", "less")


@pytest.mark.parametrize(("head", "tail"), [("end-to", "end"), ("ISO", "9001"), ("e", "commerce"), ("hands", "on")])
def test_breaks_tex_cannot_make_keep_the_hyphen(head: str, tail: str) -> None:
    # a hyphen already in the word, digits, or halves shorter than TeX's hyphenation minimums (2 and 3)
    assert keeps_hyphen(head, tail)


def test_the_document_s_own_spelling_of_two_words_decides_first() -> None:
    assert keeps_hyphen("data", "base", seen={"data-base"})
    assert not keeps_hyphen("production", "quality", seen={"productionquality"})
    assert not keeps_hyphen("imple", "mented", seen={"imple-mented"})  # not two words: TeX's hyphen


def test_inflected_forms_are_known_by_their_stem() -> None:
    assert known_word("frameworks") and known_word("implemented") and known_word("studies")
    assert not known_word("productionquality")


def test_the_shipped_word_list_is_lower_case_words_after_its_attribution_header() -> None:
    lines = gzip.decompress(WORDS.read_bytes()).decode("utf-8").splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    words = [ln for ln in lines if not ln.startswith("#")]
    assert any("ESCO" in ln for ln in header) and any("O*NET" in ln for ln in header)
    assert lines[: len(header)] == header
    assert all(w.isalpha() and w.islower() for w in words)
    assert words == sorted(set(words))
    assert 10_000 < len(words) < 60_000  # compact: the vocabulary of resumes, not a whole dictionary


def test_closed_compounds_are_found_through_compounds_already_found() -> None:
    parts = {"work", "flow", "load", "soft", "ware"}
    found = closed_compounds(["workflow", "workflowload", "software", "wareflow", "flowery"], parts)
    assert found == parts | {"workflow", "workflowload", "software", "wareflow"}


def test_vocabulary_counts_words_in_any_case_and_notes_lower_case_ones() -> None:
    seen, lower = vocabulary(["RealTime RealTime RealTime", "data data Data", "ab ab ab"], min_count=3)
    assert seen == {"realtime", "data"}
    assert lower == {"data"}
