"""Multipart form fields shared by the report, ranking, cover-letter and interview endpoints."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import File, Form, UploadFile

import parsers
from matching.tailor import TailorOptions
from parsers.text import document_from_text
from service.inputs import given
from service.problems import ProblemError
from service.settings import Settings
from service.uploads import check_text, read_upload

__all__ = [
    "AsOf",
    "ExtraSkills",
    "JobFile",
    "JobText",
    "LetterFile",
    "LetterText",
    "ResumeFile",
    "ResumeId",
    "load_letter",
    "tailor_options",
]

ResumeFile = Annotated[UploadFile | None, File(description="The resume: PDF, DOCX, plain text or Markdown.")]
ResumeId = Annotated[str | None, Form(description="Instead of `resume`: the id of a stored resume.")]
JobFile = Annotated[UploadFile | None, File(description="The job description as a file.")]
JobText = Annotated[str | None, Form(description="Instead of `job_file`: the job description as text.")]
LetterFile = Annotated[UploadFile | None, File(description="The cover letter as a file (PDF, DOCX, text, Markdown).")]
LetterText = Annotated[str | None, Form(description="Instead of `cover_letter_file`: the cover letter as text.")]
AsOf = Annotated[
    date | None,
    Form(description="The date taken as today for recency, years and a letter's date (default: today)."),
]
ExtraSkills = Annotated[
    str | None, Form(description="Comma-separated skills to recognise for this call (internal tools, say).")
]


def tailor_options(as_of: date | None, extra_skills: str | None) -> TailorOptions:
    """Engine options from the form; the date is fixed here so every part of one answer uses the same day."""
    extra = tuple(s.strip() for s in (extra_skills or "").split(",") if s.strip())
    return TailorOptions(as_of=as_of or date.today(), extra_skills=extra)


def load_letter(
    settings: Settings, file: UploadFile | None, text: str | None, *, required: bool = True
) -> parsers.Document | None:
    """A cover letter given as a file or as text (exactly one; or neither when not ``required``)."""
    file = given(file)
    has_text = text is not None and bool(text.strip())
    if file is None and not has_text and not required:
        return None
    if (file is None) == (not has_text):
        raise ProblemError(
            "validation-error", "Give the cover letter as 'cover_letter_file' or as 'cover_letter_text' (exactly one)."
        )
    if file is not None:
        data = read_upload(file, settings.max_upload_bytes, field="cover_letter_file")
        return parsers.parse_document(data, file.filename, max_pages=settings.max_pages)
    assert text is not None
    return document_from_text(check_text(text, settings.max_text_chars, field="cover_letter_text"))
