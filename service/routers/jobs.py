"""Job descriptions: parse one given as a file or as text."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile

from service.deps import MemoDep, SettingsDep
from service.inputs import PARSE_ERRORS, load_job
from service.schemas import JobOut, job_out

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])


@router.post("/parse", response_model=JobOut, responses=PARSE_ERRORS)
def parse_job(
    settings: SettingsDep,
    memo: MemoDep,
    file: Annotated[UploadFile | None, File(description="The job description as a file.")] = None,
    text: Annotated[str | None, Form(description="The job description as text (instead of a file).")] = None,
) -> JobOut:
    """Parse a job description: title, company, sections, required vs preferred requirements, years, education."""
    return job_out(load_job(settings, memo, file, text, file_field="file", text_field="text"))
