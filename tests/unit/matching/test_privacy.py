"""Resumes are personal data: the process keeps no word of one in its caches beyond the call that read it."""

from __future__ import annotations

import importlib

import pytest

from matching.normalize import word_cache

_normalize = importlib.import_module("matching.normalize")  # the package exports a function of that name
_evidence = importlib.import_module("matching.evidence")


def test_a_word_cache_keeps_listed_words_only() -> None:
    calls: list[str] = []

    @word_cache
    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    for _ in range(3):
        assert upper("python") == "PYTHON"  # a word of the word list: worked out once, then kept
        assert upper("zorvanek") == "ZORVANEK"  # a name: worked out each time, never kept
    assert calls == ["python", "zorvanek", "zorvanek", "zorvanek"]


@pytest.mark.parametrize("function", [_normalize._fold_word, _evidence._content_stem])
def test_no_lru_cache_sees_resume_words(function: object) -> None:
    """An LRU cache would keep any word it is asked about, a resume's names included, until evicted."""
    assert not hasattr(function, "cache_info")


def test_spelling_checks_keep_no_name() -> None:
    """The extractor checks unknown long words for misspellings of skills ("Kubernets") and keeps the answer for
    listed words only: a resume's name is checked each time, never kept."""
    from matching.extract import extract_skills
    from matching.taxonomy import load_taxonomy

    text = "Zorvanekian built Kubernets clusters and wrote yesterday's Python"
    found = {m.name for m in extract_skills(text)}
    assert {"Kubernetes", "Python"} <= found
    kept = load_taxonomy().misspellings
    assert "zorvanekian" not in kept
    assert "kubernets" not in kept  # no listed word either: a typo is worked out again
