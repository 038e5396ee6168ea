"""Decoding, normalising and splitting plain text and Markdown into lines."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.models import Document
from parsers.text import (
    _MARKER_FIRST,
    BULLET_RE,
    decode_text,
    document_from_markdown,
    document_from_text,
    looks_like_markdown,
    markdown_to_text,
    normalize_text,
)


def assert_offsets(doc: Document) -> None:
    for line in doc.lines:
        assert doc.text[line.start : line.end] == line.text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Résumé – naïve".encode(), "Résumé – naïve"),
        (codecs.BOM_UTF8 + "Résumé".encode(), "Résumé"),
        (codecs.BOM_UTF16_LE + "Résumé".encode("utf-16-le"), "Résumé"),
        (codecs.BOM_UTF16_BE + "Résumé".encode("utf-16-be"), "Résumé"),
        ("Résumé – “quoted”".encode("cp1252"), "Résumé – “quoted”"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252"],
)
def test_decode_text_reads_common_encodings(data: bytes, expected: str) -> None:
    assert decode_text(data) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("imple\ufffe\r\nmented", "implemented"),  # PDFium's end-of-line hyphen, lowercase continuation
        ("imple\ufffemented", "implemented"),
        ("Scikit\ufffeLearn", "Scikit-Learn"),  # a capital after the break: the hyphen is part of the name
        ("\uf0b7 Built APIs", "• Built APIs"),  # Symbol-font bullet
        ("\uf0a7 Led a team", "• Led a team"),  # Wingdings square bullet
        ("\uf0e0 alex@example.com", " alex@example.com"),  # an icon-font envelope is dropped
        ("ﬁnance ﬂow", "finance flow"),  # ligatures
        ("a\u00a0b\tc\u2009d", "a b c d"),
        ("soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"),
        ("bell\x07 nul\x00", "bell nul"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("ＡＢＣ１２３", "ABC123"),
        ("555-\u00ad\u20105555 co\u2011op e\u2010mail", "555-5555 co-op e-mail"),  # Word's hyphen glyphs
    ],
)
def test_normalize_text_cleans_extraction_artefacts(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@given(st.text())
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(
    st.text(
        alphabet=st.sampled_from(
            [*"ab -*•\n\r\t1.)", "\ufffe", "\x02", "\uf0b7", "\ufb01", "\u00a0", "\u00ad", "\u0301"]
        )
    )
)
def test_normalize_text_is_idempotent_on_the_characters_it_rewrites(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once and "\ufffe" not in once


def test_document_from_text_marks_bullets_and_keeps_offsets() -> None:
    doc = document_from_text("Experience\r\n  • Built the API\n- Led a team\n3) Third\n\n-\n2021 - 2023\n")
    assert_offsets(doc)
    assert [(ln.text, ln.list_item) for ln in doc.lines] == [
        ("Experience", False),
        ("Built the API", True),
        ("Led a team", True),
        ("Third", True),
        ("-", False),  # a lone dash is not a list item
        ("2021 - 2023", False),
    ]
    assert doc.format == "text"


@given(st.text(alphabet=st.sampled_from([*"ab -*+–·•◆➢1٣.)\t", "\u3000", "\x1c"])))
def test_a_list_marker_opens_with_a_marker_character_or_a_digit(raw: str) -> None:
    """The quick test before BULLET_RE in document_from_text."""
    if BULLET_RE.match(raw):
        first = raw.strip()[0]
        assert first in _MARKER_FIRST or first.isdecimal()


@given(st.text())
def test_document_from_text_offsets_hold_for_any_text(text: str) -> None:
    doc = document_from_text(text)
    assert_offsets(doc)
    assert all(ln.text and ln.text == ln.text.strip() for ln in doc.lines)


MARKDOWN = """# Alex Example

**Backend engineer** in *Springfield* — [GitHub](https://github.com/alex-example) · <mailto:alex@example.com>

## Experience
---
- **Acme**, Staff Engineer, 2021 – present
  - Cut p99 latency by 40% using `asyncio`
* [x] Shipped the `v2` API
1. First numbered item

Skills
======
| Skill | Years |
|-------|-------|
| Python | 8 |

```
code_stays_as_is **here**
```
> quoted snake_case_name stays
"""


def test_markdown_to_text_removes_markup_but_keeps_what_a_reader_sees() -> None:
    text, headings = markdown_to_text(MARKDOWN)
    lines = text.split("\n")
    assert lines[0] == "Alex Example"
    assert "Backend engineer in Springfield — GitHub (https://github.com/alex-example) · alex@example.com" in lines
    assert "- Acme, Staff Engineer, 2021 – present" in lines
    assert "  - Cut p99 latency by 40% using asyncio" in lines
    assert "* Shipped the v2 API" in lines
    assert "Skill | Years" in lines and "Python | 8" in lines
    assert "code_stays_as_is **here**" in lines
    assert "quoted snake_case_name stays" in lines
    assert not any(ln.strip() in ("---", "======", "```") for ln in lines)
    assert {lines[i] for i in headings} == {"Alex Example", "Experience", "Skills"}
    assert len(lines) == len(MARKDOWN.split("\n"))  # one output line per input line


def test_document_from_markdown_marks_headings_bold_and_list_items() -> None:
    doc = document_from_markdown(MARKDOWN)
    assert_offsets(doc)
    assert doc.format == "markdown"
    bold = [ln.text for ln in doc.lines if ln.bold]
    assert bold == ["Alex Example", "Experience", "Skills"]
    items = [ln.text for ln in doc.lines if ln.list_item]
    assert items[:4] == [
        "Acme, Staff Engineer, 2021 – present",
        "Cut p99 latency by 40% using asyncio",
        "Shipped the v2 API",
        "First numbered item",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Resume\nAlex", True),
        ("Alex\n**Skills**: Python, [site](https://a.example)", True),
        ("Plain resume\n- bullet one\n- bullet two\nSkills: Python", False),
        ("Rated #1 in sales\nC# and F# developer", False),
    ],
)
def test_looks_like_markdown_needs_clear_markdown_cues(text: str, expected: bool) -> None:
    assert looks_like_markdown(text) is expected


@given(st.text())
def test_document_from_markdown_offsets_hold_for_any_text(text: str) -> None:
    assert_offsets(document_from_markdown(text))
