"""The draft as DOCX: opens with python-docx and holds the letter, in order, on plain paragraphs."""

from __future__ import annotations

import io

import docx

from matching.drafting import DraftOptions, draft_cover_letter
from matching.letter_docx import draft_to_docx
from tests.unit.matching import letter_factories as lf


def test_docx_opens_and_holds_the_drafts_paragraphs() -> None:
    r, j = lf.resume(), lf.job()
    draft = draft_cover_letter(
        r,
        j,
        report=lf.report(r, j),
        options=lf.options(),
        draft=DraftOptions(mention_gap=True, hiring_manager="Ms. Rivera"),
    )
    data = draft_to_docx(draft)
    assert data[:2] == b"PK"
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    expected = [*draft.sender, draft.date, draft.greeting, *(p.text for p in draft.paragraphs), draft.sign_off]
    expected.append(draft.signature or "")
    assert texts == expected
    assert document.paragraphs[0].runs[0].bold
    assert not document.tables and not document.inline_shapes
    assert document.core_properties.author == "Ada Example"


def test_docx_text_is_deterministic() -> None:
    r, j = lf.resume(), lf.job()
    draft = draft_cover_letter(r, j, report=lf.report(r, j), options=lf.options())
    first = docx.Document(io.BytesIO(draft_to_docx(draft)))
    second = docx.Document(io.BytesIO(draft_to_docx(draft)))
    assert [p.text for p in first.paragraphs] == [p.text for p in second.paragraphs]
