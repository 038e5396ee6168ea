"""matching.phrases: the requirement-phrase tagger, its runs, and telling a resume from a job ad."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.extract import extract_skills
from matching.normalize import scan
from matching.phrases import (
    FEATURES,
    PHRASE_MAX_CONFIDENCE,
    PhraseModel,
    looks_like_resume,
    phrase_runs,
    token_features,
)
from matching.taxonomy import Taxonomy, load_taxonomy


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


def _model(**tables: dict[str, float]) -> PhraseModel:
    return PhraseModel(-2.0, 0.5, tables)


def test_runs_join_across_one_connective_and_drop_connectives_at_the_ends() -> None:
    model = _model(word={"design": 4.0, "implement": 4.0, "and": 4.0, "systems": 4.0})
    words = ["we", "design", "and", "implement", "systems", "and"]
    runs = phrase_runs(words, bytearray(len(words)), model)
    assert [(first, last) for first, last, _ in runs] == [(1, 5)]
    assert 0.5 < runs[0][2] < 1.0


def test_runs_never_cover_a_covered_token() -> None:
    model = _model(word={"build": 4.0, "python": 4.0, "services": 4.0})
    words = ["build", "python", "services"]
    covered = bytearray([0, 1, 0])
    runs = phrase_runs(words, covered, model)
    assert [(first, last) for first, last, _ in runs] == [(0, 1), (2, 3)]


def test_runs_skip_tokens_below_the_threshold() -> None:
    model = _model(word={"curious": 4.0})
    assert phrase_runs(["be", "curious", "people"], bytearray(3), model) == [
        (1, 2, pytest.approx(1 / (1 + math.e**-2)))
    ]


@given(st.lists(st.sampled_from(["build", "and", "teams", ",", "data", "python", "a", "x"]), max_size=12))
def test_scores_are_the_sum_of_the_feature_lookups(words: list[str]) -> None:
    tables = {
        "word": {"build": 1.0, "data": 0.5},
        "prev": {"and": 0.25, "<s>": 0.125},
        "next": {"teams": 2.0, "</s>": -0.5},
        "prev_pair": {"<s> <s>": 0.75, "build and": 1.5},
        "next_pair": {"teams ,": -1.0, "</s> </s>": 0.25},
        "suffix": {"ata": 0.5, "ams": -0.25},
    }
    model = _model(**tables)
    expected = [model.bias + sum(tables[n].get(k, 0.0) for n, k in zip(FEATURES, keys, strict=True)) for keys in
                token_features(words)]  # fmt: skip
    assert model.scores(words) == pytest.approx(expected)
    assert model.scores(words) == pytest.approx(expected)  # again, from the word cache


def test_model_reads_its_compiled_form() -> None:
    model = PhraseModel.from_json(
        {"bias": -1.5, "threshold": 0.6, "weights": {"word": "build\t1.25\nc++\t-0.5", "prev_pair": "to be\t0.5"}}
    )
    assert model.tables["word"] == {"build": 1.25, "c++": -0.5}
    assert model.tables["prev_pair"] == {"to be": 0.5}
    assert model.tables["next"] == {} and model.threshold == 0.6 and model.bias == -1.5


def test_model_refuses_unknown_tables() -> None:
    with pytest.raises(ValueError, match="unknown feature tables"):
        PhraseModel(0.0, 0.5, {"lemma": {}})


RESUME = (
    "Jane Roe  jane.roe@example.com\nSoftware Engineer, Acme 2016 - 2019\nBuilt the billing service in Java.\n"
    "Education: BSc Computer Science, 2015"
)
JOB = (
    "You will design and build our data platform. We are looking for someone who communicates clearly; "
    "you have five years of experience with Python. Posted 2024, apply by 2025."
)


def test_a_resume_reads_like_one_and_a_job_ad_does_not() -> None:
    assert looks_like_resume(RESUME, scan(RESUME)[0])
    assert not looks_like_resume(JOB, scan(JOB)[0])


def test_one_sentence_is_no_resume() -> None:
    sentence = "Strong communication skills and the ability to work independently"
    assert not looks_like_resume(sentence, scan(sentence)[0])


def test_phrases_are_off_by_default_and_found_on_request(tax: Taxonomy) -> None:
    text = "You will communicate efficiently with people and solve complex problems"
    assert all(not m.skill_id.startswith("phrase:") for m in extract_skills(text, taxonomy=tax))
    found = [m for m in extract_skills(text, taxonomy=tax, phrases="auto") if m.skill_id.startswith("phrase:")]
    assert found
    for m in found:
        assert m.match == "fuzzy" and 0 < m.confidence <= PHRASE_MAX_CONFIDENCE and m.esco_uri is None
        assert text[m.start : m.end] == m.surface


def test_auto_leaves_resumes_to_the_taxonomy(tax: Taxonomy) -> None:
    auto = extract_skills(RESUME, taxonomy=tax, phrases="auto")
    assert auto == extract_skills(RESUME, taxonomy=tax)
    assert len(extract_skills(RESUME, taxonomy=tax, phrases="on")) >= len(auto)


def test_the_second_tier_stays_below_0_6_and_leaves_taxonomy_mentions_alone(tax: Taxonomy) -> None:
    first = extract_skills(JOB, taxonomy=tax)
    both = extract_skills(JOB, taxonomy=tax, phrases="on")
    assert all(m.confidence >= 0.6 for m in first)
    assert [m for m in both if m.confidence >= 0.6] == first
    assert all(m.match == "fuzzy" for m in both if m.confidence < 0.6)
    assert len(both) > len(first)


@given(
    st.lists(
        st.sampled_from(
            ["you", "build", "Python", "and", "teams", "ab", ",", ".", "-", "/", "&", "\n", "\n\n", "SKILLS",
             "Tools", ":", "develop", "campaigns", "(", ")", "Mule", "2019"]
        )
    )
)  # fmt: skip
def test_offsets_hold_and_mentions_never_overlap_with_phrases_on(pieces: list[str]) -> None:
    text = " ".join(pieces)
    mentions = extract_skills(text, phrases="on")
    for m in mentions:
        assert text[m.start : m.end] == m.surface and m.surface.strip() == m.surface
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
