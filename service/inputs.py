"""Turning request inputs (uploads, pasted text, stored ids) into parsed domain objects."""

from __future__ import annotations

import logging
import time

from fastapi import UploadFile

import parsers
from matching.align import JobAnalysis
from matching.evidence import ResumeAnalysis
from matching.tailor import TailorOptions, prepare_job, prepare_resume
from service.memo import Memo, digest
from service.problems import ProblemError, problem_openapi
from service.settings import Settings
from service.store import ResumeStore, StoredResume
from service.uploads import check_text, read_upload

__all__ = [
    "PARSE_ERRORS",
    "given",
    "load_job",
    "load_job_analysis",
    "load_resume",
    "load_resume_analysis",
    "parse_stored_resume",
    "read_resume_upload",
]

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


def _parse_resume(
    settings: Settings, memo: Memo, data: bytes, filename: str | None, *, content_key: bytes | None = None
) -> parsers.Resume:
    """The parsed resume, memoised; ``content_key`` is ``digest(data)`` when the caller has it already (SHA-256
    of a 60 KB PDF: ~33 us)."""

    def parse() -> parsers.Resume:
        began = time.perf_counter()
        resume = parsers.parse_resume(data, filename, max_pages=settings.max_pages)
        logger.info(
            "parsed resume: %d bytes, %s, %d pages, %d roles in %.1f ms",
            len(data),
            resume.document.format,
            resume.document.page_count,
            len(resume.roles),
            (time.perf_counter() - began) * 1000,
        )
        return resume

    return memo.get(("resume", content_key or digest(data), filename, settings.max_pages), parse)


def read_resume_upload(settings: Settings, memo: Memo, file: UploadFile, *, field: str) -> tuple[bytes, parsers.Resume]:
    data = read_upload(file, settings.max_upload_bytes, field=field)
    return data, _parse_resume(settings, memo, data, file.filename)


def _resume_source(
    settings: Settings, store: ResumeStore, file: UploadFile | None, resume_id: str | None, field: str
) -> tuple[bytes, str | None]:
    """The bytes and filename of a resume given as an upload or as the id of a stored one (exactly one)."""
    file = given(file)
    if (file is None) == (not resume_id):
        raise ProblemError(
            "validation-error", f"Give the resume as '{field}' (a file) or as 'resume_id' (exactly one)."
        )
    if file is not None:
        return read_upload(file, settings.max_upload_bytes, field=field), file.filename
    assert resume_id is not None
    stored = store.get(resume_id)
    if stored is None:
        raise ProblemError("not-found", f"No stored resume with id '{resume_id}'.")
    return stored.data, stored.filename


def parse_stored_resume(settings: Settings, memo: Memo, stored: StoredResume) -> parsers.Resume:
    return _parse_resume(settings, memo, stored.data, stored.filename)


def load_resume(
    settings: Settings,
    store: ResumeStore,
    memo: Memo,
    file: UploadFile | None,
    resume_id: str | None,
    *,
    field: str = "resume",
) -> parsers.Resume:
    """A resume given as an upload or as the id of a stored one (exactly one of them)."""
    return _parse_resume(settings, memo, *_resume_source(settings, store, file, resume_id, field))


def load_resume_analysis(
    settings: Settings,
    store: ResumeStore,
    memo: Memo,
    file: UploadFile | None,
    resume_id: str | None,
    options: TailorOptions,
) -> ResumeAnalysis:
    """The job-independent analysis of a resume (its ``resume`` is the parsed resume), memoised."""
    data, filename = _resume_source(settings, store, file, resume_id, "resume")
    content_key = digest(data)
    key = ("resume-analysis", content_key, filename, settings.max_pages, options.as_of, options.extra_skills)
    return memo.get(
        key,
        lambda: prepare_resume(_parse_resume(settings, memo, data, filename, content_key=content_key), options=options),
    )


def _job_source(
    settings: Settings, file: UploadFile | None, text: str | None, file_field: str, text_field: str
) -> tuple[bytes | str, str | None]:
    """A job description's bytes and filename, or its text and None (exactly one of file and text)."""
    file = given(file)
    if (file is None) == (text is None or not text.strip()):
        raise ProblemError(
            "validation-error", f"Give the job description as '{file_field}' or as '{text_field}' (exactly one)."
        )
    if file is not None:
        return read_upload(file, settings.max_upload_bytes, field=file_field), file.filename
    assert text is not None
    return check_text(text, settings.max_text_chars, field=text_field), None


def _parse_job(
    settings: Settings, memo: Memo, content: bytes | str, filename: str | None, *, content_key: bytes | None = None
) -> parsers.JobPosting:
    """The parsed job, memoised; ``content_key`` is ``digest(content)`` when the caller has it already."""

    def parse() -> parsers.JobPosting:
        if isinstance(content, str):
            return parsers.parse_job(content)
        return parsers.parse_job(content, filename, max_pages=settings.max_pages)

    return memo.get(("job", content_key or digest(content), filename, settings.max_pages), parse)


def load_job(
    settings: Settings,
    memo: Memo,
    file: UploadFile | None,
    text: str | None,
    *,
    file_field: str,
    text_field: str,
) -> parsers.JobPosting:
    """A job description given as an upload or as text (exactly one of them)."""
    return _parse_job(settings, memo, *_job_source(settings, file, text, file_field, text_field))


def load_job_analysis(
    settings: Settings, memo: Memo, file: UploadFile | None, text: str | None, options: TailorOptions
) -> JobAnalysis:
    """The resume-independent analysis of a job (its ``job`` is the parsed posting), memoised."""
    content, filename = _job_source(settings, file, text, "job_file", "job_text")
    content_key = digest(content)
    key = ("job-analysis", content_key, filename, settings.max_pages, options.extra_skills)
    return memo.get(
        key,
        lambda: prepare_job(_parse_job(settings, memo, content, filename, content_key=content_key), options=options),
    )
