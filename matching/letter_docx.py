"""A cover-letter draft as a clean one-page Word document (python-docx), ready to edit.

The layout is the plain business letter: the sender's name and contact lines at the top, the date, the
greeting, the paragraphs, the sign-off and the name. One font (Calibri 11 pt), 2.5 cm margins, no tables, no
text boxes, no images: it opens anywhere, reads well in an applicant tracking system and prints on one page.
The document's core properties carry no personal data beyond the sender's name as author, and a fixed date
so the same draft gives the same document text.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from docx import Document as new_document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from matching.drafting import CoverLetterDraft

__all__ = ["DOCX_MEDIA_TYPE", "draft_to_docx"]

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Calibri"
FONT_SIZE = Pt(11)
MARGIN = Cm(2.5)


def draft_to_docx(draft: CoverLetterDraft) -> bytes:
    """The draft as DOCX bytes: sender block, date, greeting, paragraphs, sign-off and name."""
    doc = new_document()
    for section in doc.sections:
        section.top_margin = section.bottom_margin = MARGIN
        section.left_margin = section.right_margin = MARGIN
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = FONT_SIZE
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.1

    def paragraph(text: str, *, bold: bool = False, after: float = 0, size: float | None = None) -> None:
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        if size is not None:
            run.font.size = Pt(size)
        p.paragraph_format.space_after = Pt(after)
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT

    if draft.sender:
        paragraph(draft.sender[0], bold=True, size=13)
        for line in draft.sender[1:]:
            paragraph(line, size=10)
        doc.paragraphs[-1].paragraph_format.space_after = Pt(18)
    paragraph(draft.date, after=12)
    paragraph(draft.greeting, after=10)
    for p in draft.paragraphs:
        paragraph(p.text, after=10)
    paragraph(draft.sign_off, after=24)
    paragraph(draft.signature or "[Your name]")

    props = doc.core_properties
    props.author = draft.signature or ""
    props.last_modified_by = ""
    props.title = f"Cover letter – {draft.job_title}" if draft.job_title else "Cover letter"
    props.comments = ""
    fixed = datetime(2000, 1, 1, tzinfo=UTC)
    props.created = fixed
    props.modified = fixed
    props.revision = 1
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
