"""Parsing uploads: resumes and job descriptions."""

from __future__ import annotations

import logging
import time
from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile

import parsers
from service.deps import SettingsDep
from service.problems import ProblemError, problem_openapi
from service.schemas import JobOut, ResumeOut, job_out, resume_out
from service.uploads import check_text, read_upload

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

resumes = APIRouter(prefix="/v1/resumes", tags=["resumes"])
jobs = APIRouter(prefix="/v1/jobs", tags=["jobs"])


@resumes.post("/parse", response_model=ResumeOut, responses=PARSE_ERRORS)
def parse_resume(
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="The resume: PDF, DOCX, plain text or Markdown.")],
) -> ResumeOut:
    """Parse a resume into sections, contact, dated roles with bullets, education, certifications and skills."""
    data = read_upload(file, settings.max_upload_bytes, field="file")
    began = time.perf_counter()
    resume = parsers.parse_resume(data, file.filename, max_pages=settings.max_pages)
    logger.info(
        "parsed resume: %d bytes, %s, %d roles in %.1f ms",
        len(data),
        resume.document.format,
        len(resume.roles),
        (time.perf_counter() - began) * 1000,
    )
    return resume_out(resume)


@jobs.post("/parse", response_model=JobOut, responses=PARSE_ERRORS)
def parse_job(
    settings: SettingsDep,
    file: Annotated[UploadFile | None, File(description="The job description as a file.")] = None,
    text: Annotated[str | None, Form(description="The job description as text (instead of a file).")] = None,
) -> JobOut:
    """Parse a job description: title, company, sections, required vs preferred requirements, years, education."""
    job = load_job(settings, file, text, file_field="file", text_field="text")
    return job_out(job)


def load_job(
    settings: SettingsDep, file: UploadFile | None, text: str | None, *, file_field: str, text_field: str
) -> parsers.JobPosting:
    """Parse a job given as an upload or as text (exactly one of them)."""
    if file is not None and file.filename == "" and not file.size:
        file = None  # Swagger UI sends an empty part for an untouched file picker
    if (file is None) == (text is None or not text.strip()):
        raise ProblemError(
            "validation-error",
            f"Give the job description as '{file_field}' or as '{text_field}' (exactly one).",
        )
    if file is not None:
        data = read_upload(file, settings.max_upload_bytes, field=file_field)
        return parsers.parse_job(data, file.filename, max_pages=settings.max_pages)
    assert text is not None
    return parsers.parse_job(check_text(text, settings.max_text_chars, field=text_field))
