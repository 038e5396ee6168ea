"""Turning request inputs (uploads, pasted text, stored ids) into parsed domain objects."""

from __future__ import annotations

import logging
import time

from fastapi import UploadFile

import parsers
from service.problems import ProblemError, problem_openapi
from service.settings import Settings
from service.store import ResumeStore
from service.uploads import check_text, read_upload

__all__ = ["PARSE_ERRORS", "given", "load_job", "load_resume", "read_resume_upload"]

logger = logging.getLogger(__name__)

PARSE_ERRORS = problem_openapi(
    "unsupported-format",
    "too-large",
    "empty-document",
    "corrupt-document",
    "encrypted-document",
    "no-text",
    "too-many-pages",
    "validation-error",
)


def given(file: UploadFile | None) -> UploadFile | None:
    """Swagger UI sends an empty, nameless part for an untouched file picker: treat it as absent."""
    if file is None or (not file.filename and not file.size):
        return None
    return file


def read_resume_upload(settings: Settings, file: UploadFile, *, field: str) -> tuple[bytes, parsers.Resume]:
    data = read_upload(file, settings.max_upload_bytes, field=field)
    began = time.perf_counter()
    resume = parsers.parse_resume(data, file.filename, max_pages=settings.max_pages)
    logger.info(
        "parsed resume: %d bytes, %s, %d pages, %d roles in %.1f ms",
        len(data),
        resume.document.format,
        resume.document.page_count,
        len(resume.roles),
        (time.perf_counter() - began) * 1000,
    )
    return data, resume


def load_resume(
    settings: Settings, store: ResumeStore, file: UploadFile | None, resume_id: str | None, *, field: str = "resume"
) -> parsers.Resume:
    """A resume given as an upload or as the id of a stored one (exactly one of them)."""
    file = given(file)
    if (file is None) == (not resume_id):
        raise ProblemError(
            "validation-error", f"Give the resume as '{field}' (a file) or as 'resume_id' (exactly one)."
        )
    if file is not None:
        return read_resume_upload(settings, file, field=field)[1]
    assert resume_id is not None
    stored = store.get(resume_id)
    if stored is None:
        raise ProblemError("not-found", f"No stored resume with id '{resume_id}'.")
    return parsers.parse_resume(stored.data, stored.filename, max_pages=settings.max_pages)


def load_job(
    settings: Settings, file: UploadFile | None, text: str | None, *, file_field: str, text_field: str
) -> parsers.JobPosting:
    """A job description given as an upload or as text (exactly one of them)."""
    file = given(file)
    if (file is None) == (text is None or not text.strip()):
        raise ProblemError(
            "validation-error", f"Give the job description as '{file_field}' or as '{text_field}' (exactly one)."
        )
    if file is not None:
        data = read_upload(file, settings.max_upload_bytes, field=file_field)
        return parsers.parse_job(data, file.filename, max_pages=settings.max_pages)
    assert text is not None
    return parsers.parse_job(check_text(text, settings.max_text_chars, field=text_field))
