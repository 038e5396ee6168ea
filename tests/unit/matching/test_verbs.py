"""matching.verbs: word stems and ESCO verb phrases matched with words inserted or inflected."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.extract import extract_skills
from matching.normalize import scan
from matching.verbs import MAX_GAP, VerbPhrases, stem, verb_forms


@pytest.mark.parametrize(
    "group",
    [
        ("manage", "manages", "managing", "managed", "management"),
        ("campaign", "campaigns"),
        ("organisation", "organization", "organise", "organize", "organised"),
        ("analyse", "analyze", "analysis"),
        ("process", "processes"),
    ],
)
def test_inflections_and_derivations_share_a_stem(group: tuple[str, ...]) -> None:
    assert len({stem(w) for w in group}) == 1


def test_short_words_and_non_words_keep_their_form() -> None:
    assert stem("sql") == "sql" and stem("c++") == "c++" and stem("business") == "business"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=14))
def test_a_stem_is_never_longer_than_its_word(word: str) -> None:
    assert len(stem(word)) <= len(word)


def test_verb_forms_of_regular_verbs() -> None:
    assert verb_forms("manage") == ("manage", "manages", "managing", "managed")
    assert verb_forms("plan") == ("plan", "plans", "planning", "planned")
    assert verb_forms("apply") == ("apply", "applies", "applying", "applied")
    assert verb_forms("lead") == ("lead", "leads", "leading", "leaded")


LABELS = VerbPhrases(
    [
        ("develop", (stem("campaigns"),), 1, True),
        ("develop", (stem("marketing"), stem("campaigns")), 2, False),
        ("work", (stem("teams"),), 3, True),
        ("work", (stem("teams"),), 4, False),
    ]
)


def _find(text: str, covered: list[int] | None = None) -> list[tuple[str, int]]:
    words = scan(text)[0]
    found = LABELS.find(words, bytearray(covered or [0] * len(words)))
    return [(" ".join(words[a:b]), skill) for a, b, skill in found]


def test_verb_and_object_match_with_words_inserted() -> None:
    assert _find("We develop beautiful campaigns") == [("develop beautiful campaigns", 1)]


def test_the_label_with_most_words_wins_then_the_preferred_label() -> None:
    assert _find("developing new marketing campaigns") == [("developing new marketing campaigns", 2)]
    assert _find("working in agile teams") == [("working in agile teams", 3)]


def test_too_many_words_between_or_a_clause_end_break_the_match() -> None:
    assert _find("develop " + "very " * (MAX_GAP + 1) + "campaigns") == []
    assert _find("develop, campaigns") == []


def test_a_second_verb_is_not_the_object() -> None:
    phrases = VerbPhrases([("design", (stem("buildings"),), 5, True)])
    words = scan("design and build our platform")[0]
    assert phrases.find(words, bytearray(len(words))) == []


def test_a_noun_made_of_the_verb_is_not_the_verb() -> None:
    assert _find("development campaigns") == []


def test_covered_tokens_are_left_to_the_skill_found_there() -> None:
    assert _find("develop great campaigns", covered=[0, 0, 1]) == []


def test_compiled_form_is_read_back() -> None:
    phrases = VerbPhrases.from_text("7\t1\tmanage\tbudget\n8\t0\tmanage\tstaff")
    assert phrases.by_verb["managing"]["budget"] == (((), 7, True),)
    assert phrases.by_verb["manages"]["staff"] == (((), 8, False),)


def test_extraction_links_a_verb_phrase_to_its_esco_skill() -> None:
    found = {m.surface: m for m in extract_skills("You will develop beautiful campaigns.", phrases="auto")}
    mention = found["develop beautiful campaigns"]
    assert mention.esco_label == "develop campaigns" and mention.match == "fuzzy" and mention.confidence < 0.6
