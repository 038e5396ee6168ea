"""Section headings (vocabulary, letter spacing, layout style) and wrapped-line grouping."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from parsers.sections import (
    _FURNITURE_RE,
    _LABEL_START_RE,
    _MARKER_RE,
    _MARKUP_RE,
    _NUMBERING_RE,
    _TWO_SINGLES_AT_START_RE,
    _TWO_SINGLES_RE,
    JOB_HEADINGS,
    _is_furniture,
    _marker,
    all_capitals,
    collapse_letter_spacing,
    detect_headings,
    drop_page_furniture,
    fold,
    heading_kind,
    merge_wrapped,
    normalize_heading,
    sections_from_headings,
)
from parsers.text import document_from_text
from tests.unit.parsers.layout_factory import laid_out
from tests.unit.parsers.token_text import token_text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Work History", "experience"),
        ("PROFESSIONAL EXPERIENCE", "experience"),
        ("Relevant Experience:", "experience"),
        ("Employment", "experience"),
        ("W O R K  E X P E R I E N C E", "experience"),
        ("## Skills & Tools", "skills"),
        ("Core Competencies", "skills"),
        ("Technical Skills", "skills"),
        ("Licenses & Certifications", "certifications"),
        ("Selected Honors", "awards"),
        ("Profile", "summary"),
        ("About Me", "summary"),
        ("Objective", "summary"),
        ("Project Examples (clickable)", "projects"),
        ("Volunteer Experience", "volunteering"),
        ("Languages", "languages"),
        ("Hobbies & Interests", "interests"),
        ("References", "references"),
        ("Publications", "publications"),
        ("C O N T A C T  M E  A T", "contact"),
        ("Experiencia Profesional", "experience"),
        ("Formación Académica", "education"),
        ("Educación", "education"),
        ("Habilidades", "skills"),
        ("Expérience professionnelle", "experience"),
        ("Berufserfahrung", "experience"),
        ("Ausbildung", "education"),
        ("1. Education", "education"),
    ],
)
def test_resume_heading_variants_map_to_their_kind(text: str, kind: str) -> None:
    assert heading_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("What you'll do", "responsibilities"),
        ("Key Responsibilities:", "responsibilities"),
        ("Duties", "responsibilities"),
        ("Funciones:", "responsibilities"),
        ("Minimum qualifications:", "requirements"),
        ("Basic Qualifications", "requirements"),
        ("What you bring", "requirements"),
        ("Must have", "requirements"),
        ("Who you are", "requirements"),
        ("Requisitos:", "requirements"),
        ("Preferred qualifications:", "preferred"),
        ("Nice-to-haves", "preferred"),
        ("Bonus points", "preferred"),
        ("Pluses", "preferred"),
        ("Deseable", "preferred"),
        ("Perks", "benefits"),
        ("What we offer", "benefits"),
        ("Beneficios:", "benefits"),
        ("About the job", "about"),
        ("Sobre nosotros:", "about"),
        ("Cómo aplicar:", "other"),
        ("About You:", "requirements"),
        ("What You’ll Bring", "requirements"),
        ("The ideal candidate will possess:", "requirements"),
        ("What We Need To See", "requirements"),
        ("Desired Skills and Experience", "preferred"),
        ("Ways To Stand Out From The Crowd", "preferred"),
        ("Day-to-day responsibilities include:", "responsibilities"),
        ("What We Can Offer You:", "benefits"),
    ],
)
def test_job_heading_variants_map_to_their_kind(text: str, kind: str) -> None:
    assert heading_kind(text, JOB_HEADINGS) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Languages: Python, Go",
        "Built the experience layer for 3 teams",
        "Experience with Kubernetes is required, along with strong communication skills",
        "Welcome to RenderCV",
    ],
)
def test_sentences_and_labelled_lines_are_not_headings(text: str) -> None:
    doc = document_from_text(text)
    assert detect_headings(doc) == []


def test_collapse_letter_spacing() -> None:
    assert collapse_letter_spacing("E D U C A T I O N") == "EDUCATION"
    assert collapse_letter_spacing("D A T A\tA N A L Y S T") == "DATA ANALYST"
    assert collapse_letter_spacing("A B testing") == "A B testing"


@given(st.text(max_size=40))
def test_normalize_heading_is_idempotent(text: str) -> None:
    once = normalize_heading(text)
    assert normalize_heading(once) == once


def test_layout_styled_lines_like_known_headings_become_other_sections() -> None:
    doc = laid_out(
        [
            ("Jane Doe", {"font_size": 28.0, "bold": True}),
            ("jane@example.com", {}),
            ("Welcome to My CV", {"font_size": 14.0, "bold": True}),
            ("A paragraph of text about me.", {}),
            ("Experience", {"font_size": 14.0, "bold": True}),
            ("Acme Corp, Engineer", {"bold": True}),
            ("Built the billing system.", {"list_item": True}),
            ("Cut costs by a third.", {"list_item": True}),
            ("Education", {"font_size": 14.0, "bold": True}),
            ("BSc Physics, Some University", {}),
            ("Invited Talks 2024", {"font_size": 14.0, "bold": True}),
        ]
    )
    found = [(doc.lines[h.index].text, h.kind, h.known) for h in detect_headings(doc)]
    assert found == [
        ("Welcome to My CV", "other", False),
        ("Experience", "experience", True),
        ("Education", "education", True),
        ("Invited Talks 2024", "other", False),
    ]


def test_a_role_title_in_mixed_case_is_not_taken_for_a_heading() -> None:
    doc = laid_out(
        [
            ("EDUCATION", {"bold": True}),
            ("BA, University of Somewhere", {}),
            ("VOLUNTEER EXPERIENCE", {"bold": True}),
            ("Volunteer", {"bold": False}),
            ("Helped at the shelter every week.", {}),
            ("SKILLS", {"bold": True}),
        ]
    )
    assert [doc.lines[h.index].text for h in detect_headings(doc)] == ["EDUCATION", "VOLUNTEER EXPERIENCE", "SKILLS"]


def test_sections_span_from_heading_to_the_next() -> None:
    doc = document_from_text("Jane Doe\nEXPERIENCE\nAcme, Engineer\nbuilt things\nSKILLS\nPython, Go\n")
    sections = sections_from_headings(doc, detect_headings(doc))
    assert [(s.kind, s.heading) for s in sections] == [("experience", "EXPERIENCE"), ("skills", "SKILLS")]
    assert doc.text[sections[0].content_start : sections[0].end].strip() == "Acme, Engineer\nbuilt things"
    assert doc.text[sections[1].start : sections[1].end] == "SKILLS\nPython, Go"


def test_page_furniture_is_dropped_but_offsets_stay() -> None:
    doc = document_from_text("Last updated in Mar 2026\nJane Doe\nJane Doe – 1/2\nPage 2 of 3\nSkills\n")
    kept = drop_page_furniture(doc)
    assert [line.text for line in kept.lines] == ["Jane Doe", "Skills"]
    assert kept.text == doc.text


def test_wrapped_bullets_are_joined_in_text_mode() -> None:
    doc = document_from_text(
        "• Participating in development of several services: employer service, cv service, security\n"
        "service, schedule;\n"
        "• Writing and running Junit tests and\n"
        "Mockito mocks\n"
        "Technologies: Java\n"
        "total work: 2 years (Preferred)\n"
    )
    items = merge_wrapped(doc, doc.lines)
    assert [item.flat for item in items] == [
        "Participating in development of several services: employer service, cv service, security service, schedule;",
        "Writing and running Junit tests and Mockito mocks",
        "Technologies: Java",
        "total work: 2 years (Preferred)",
    ]
    for item in items:
        assert doc.text[item.start : item.end] == item.text


def test_wrapped_bullets_are_joined_by_indentation_in_layout_mode() -> None:
    doc = laid_out(
        [
            (
                "Raised $18M Series A led by Sequoia Capital, with participation from a16z and Founders",
                {"x0": 60.0, "list_item": True},
            ),
            ("Fund", {"x0": 68.0}),
            ("Research Intern", {"x0": 56.0, "bold": True}),
            ("Designed sparse attention", {"x0": 60.0, "list_item": True}),
        ]
    )
    assert [item.flat for item in merge_wrapped(doc, doc.lines)] == [
        "Raised $18M Series A led by Sequoia Capital, with participation from a16z and Founders Fund",
        "Research Intern",
        "Designed sparse attention",
    ]


def test_a_bullet_glyph_left_in_the_text_still_makes_a_list_item() -> None:
    doc = document_from_text("◆ Built the thing\n")
    (item,) = merge_wrapped(doc, doc.lines)
    assert item.list_item
    assert item.text == "Built the thing"


def _collapse_reference(text: str) -> str:
    """collapse_letter_spacing without its quick test."""
    chunks = re.split(r"\s{2,}|\t", text.strip())
    tokens = [t for c in chunks for t in c.split(" ")]
    if len(tokens) < 4 or sum(len(t) == 1 and (t.isalpha() or t == "&") for t in tokens) < 0.8 * len(tokens):
        return text
    return " ".join(c.replace(" ", "") for c in chunks if c)


def _normalize_reference(text: str) -> str:
    """normalize_heading with every step run unconditionally."""
    text = _collapse_reference(text)
    text = _MARKUP_RE.sub("", text)
    text = _NUMBERING_RE.sub("", text)
    text = fold(text).replace("&", " and ").replace("+", " and ")
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"[^\w\s]+", " ", text)
    return _collapse_reference(" ".join(text.split()))


_HEADING_TOKENS = (
    "W O R K",
    "E X P E R I E N C E",
    "Skills",
    "&",
    "+",
    "1.",
    "ii)",
    "(selected)",
    "•",
    "#",
    "—",
    ":",
    "Formación",
    "CI/CD",
    "a",
    "B",
    "Página 2",
    "last updated",
    "LAST UPDATED",
    "Seite 2 von 3",
    "ſeite 4",
    "- 2 -",
    "PAGE 1 OF 2",
    "3 / 4",
    "٣ / ٤",
    "\u00a0",
)


@given(token_text(_HEADING_TOKENS))
@example(" Skills ")
@example("\u00a0Experience\u00a0")
@example("1) Education")
@example("I. Summary (short)")
@example("•  S K I L L S  •")
@example(" _Tools_ ")
def test_quick_tests_keep_normalize_heading_and_collapse_exact(text: str) -> None:
    assert collapse_letter_spacing(text) == _collapse_reference(text)
    assert normalize_heading(text) == _normalize_reference(text)


@given(st.one_of(st.text(), token_text(("Formación", "Über", "ÉTUDES", "ﬁ", "n\u0303", "a\u034f", "ा", "Ç", "Straße"))))
def test_fold_drops_every_combining_mark(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    assert fold(text) == "".join(c for c in decomposed if not unicodedata.combining(c))


@given(token_text(("a", "B", "&", "xy", "E X P", " ", "\t", "\u00a0")))
def test_two_single_letters_are_found_wherever_they_stand(text: str) -> None:
    found = _TWO_SINGLES_AT_START_RE.match(text) or _TWO_SINGLES_RE.search(text)
    assert bool(found) is bool(re.search(r"(?<!\S)\S\s+\S(?!\S)", text))


@given(token_text(("•", "◆", "-", "*", "12.", "3)", "٣.", "x", "Built", ":", "total work: 2 years", "\u3000")))
def test_quick_tests_in_merge_wrapped_agree_with_the_patterns(text: str) -> None:
    quick = _marker(text)
    assert (quick and quick.span()) == ((m := _MARKER_RE.match(text)) and m.span())
    if _LABEL_START_RE.match(text):
        assert text.find(":", 1, 42) > 0


@given(token_text(_HEADING_TOKENS))
def test_page_furniture_quick_test_agrees_with_the_pattern(text: str) -> None:
    assert _is_furniture(text) is (_FURNITURE_RE.match(text) is not None)


@given(st.text(alphabet="aBÉé1 ア-", max_size=8))
def test_all_capitals_means_letters_and_no_small_one(text: str) -> None:
    letters = [c for c in text if c.isalpha()]
    assert all_capitals(text) is (bool(letters) and all(c.isupper() for c in letters))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Web Dev Positions", "experience"),
        ("Positions Held", "experience"),
        ("Software Engineering Experience", "experience"),
        ("Customer Service Experience", "experience"),
        ("Programming Languages", None),
        ("Project management experience", None),
        ("Hands On Experience With Python Django", None),
    ],
)
def test_a_title_case_line_ending_in_experience_or_positions_is_an_experience_heading(
    text: str, kind: str | None
) -> None:
    assert heading_kind(text) == kind
