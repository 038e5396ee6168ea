"""Resumes are personal data: a word read from one stays in the process's shared caches no longer than the
service's memo keeps the resume's analysis (``WORD_CACHE_SECONDS``)."""

from __future__ import annotations

import importlib

import pytest

from matching.normalize import WORD_CACHE_SECONDS, word_cache

_normalize = importlib.import_module("matching.normalize")  # the package exports a function of that name
_evidence = importlib.import_module("matching.evidence")


def test_a_word_cache_starts_afresh_once_it_is_old(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(_normalize.time, "monotonic", lambda: clock[0])
    calls: list[str] = []

    @word_cache
    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    assert upper("zorvanek") == upper("zorvanek") == "ZORVANEK"
    assert calls == ["zorvanek"]  # kept while young
    clock[0] += WORD_CACHE_SECONDS + 1
    assert upper("python") == "PYTHON"
    assert upper("zorvanek") == "ZORVANEK"
    assert calls == ["zorvanek", "python", "zorvanek"]  # the old dict, and the name in it, are gone


def test_spelling_checks_are_kept_in_a_word_cache() -> None:
    """The extractor's misspelling checks see every unknown word of a resume (its names first of all)."""
    from matching.taxonomy import load_taxonomy

    assert isinstance(load_taxonomy().misspellings, _normalize.WordCache)


@pytest.mark.parametrize("function", [_normalize._fold_word, _evidence._content_stem])
def test_no_lru_cache_sees_resume_words(function: object) -> None:
    """An LRU cache would keep any word it is asked about, a resume's names included, until evicted."""
    assert not hasattr(function, "cache_info")
    assert getattr(function, "__wrapped__", None) is not None  # a word cache
