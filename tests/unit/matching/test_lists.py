"""matching.lists: list items that name skills the taxonomy does not know."""

from __future__ import annotations

from matching.extract import extract_skills
from matching.lists import list_items
from matching.normalize import scan


def _items(text: str, known: list[str]) -> list[tuple[str, bool]]:
    words, starts, ends = scan(text)
    spans = []
    for name in known:
        k = words.index(name)
        spans.append((k, k + 1))
    found = list_items(text, words, starts, ends, sorted(spans))
    return [(" ".join(words[a:b]), section) for a, b, section in found]


def test_items_under_a_skills_heading_are_skills() -> None:
    text = "SKILLS\n\nColor grading, Final Cut (3 years), Visual effects\n\nEDUCATION\n\nBSc, 2015"
    assert _items(text, []) == [("color grading", True), ("final cut", True), ("visual effects", True)]


def test_items_after_a_skills_label_run_to_the_line_end() -> None:
    text = "Tools: Jira, Mule ESB | Drools\nWorked on billing, invoicing and payments"
    assert _items(text, ["jira"]) == [("mule esb", True), ("drools", True)]


def test_the_label_before_a_colon_is_not_an_item() -> None:
    text = "Technical skills\nLanguages: Java, Kotlin\n"
    assert _items(text, ["java"]) == [("kotlin", True)]


def test_list_mates_of_known_skills_are_skills() -> None:
    text = "Built with Python, Django, Celery, Kombu and Flower."
    assert _items(text, ["python", "django", "celery"]) == [("kombu", False), ("flower", False)]


def test_a_list_of_mostly_unknown_items_is_left_alone() -> None:
    text = "Visited Paris, Rome, Berlin and Python."
    assert _items(text, ["python"]) == []


def test_pieces_of_sentences_are_not_items() -> None:
    text = "SKILLS\n\nDirected the marketing team, coordinated events, Python, 2019, project scoping\n"
    assert _items(text, ["python"]) == []


def test_extraction_names_unlisted_items_with_low_confidence() -> None:
    text = "Jane Roe jane.roe@example.com 2016 - 2019\nSkills: Java, Spring Boot, Mule ESB\n"
    found = {m.surface: m for m in extract_skills(text, phrases="auto")}
    assert found["Mule ESB"].skill_id == "phrase:mule-esb" and found["Mule ESB"].confidence < 0.6
    assert "Mule ESB" not in {m.surface for m in extract_skills(text)}
