"""Multipart form fields shared by the report, ranking, cover-letter and interview endpoints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, File, Form, UploadFile
from fastapi.concurrency import run_in_threadpool

import parsers
from matching.align import JobAnalysis
from matching.evidence import ResumeAnalysis
from matching.report import TailoringReport
from matching.tailor import TailorOptions, tailor
from parsers.text import document_from_text
from service.deps import MemoDep, SettingsDep, StoreDep
from service.inputs import given, load_job_analysis, load_resume_analysis
from service.problems import ProblemError
from service.settings import Settings
from service.uploads import check_text, read_upload

__all__ = [
    "LETTER_MISSING",
    "AsOf",
    "ExtraSkills",
    "JobFile",
    "JobText",
    "LetterDep",
    "LetterFile",
    "LetterText",
    "Pair",
    "PairDep",
    "ResumeFile",
    "ResumeId",
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


@dataclass(frozen=True, slots=True)
class Pair:
    """The analysed resume and job of a request, and the engine options its form fields ask for."""

    analysis: ResumeAnalysis
    job_analysis: JobAnalysis
    options: TailorOptions

    @property
    def resume(self) -> parsers.Resume:
        return self.analysis.resume

    @property
    def job(self) -> parsers.JobPosting:
        return self.job_analysis.job

    def report(self) -> TailoringReport:
        return tailor(
            self.resume, self.job, options=self.options, analysis=self.analysis, job_analysis=self.job_analysis
        )


def pair_inputs(
    settings: SettingsDep,
    store: StoreDep,
    memo: MemoDep,
    resume: ResumeFile = None,
    resume_id: ResumeId = None,
    job_file: JobFile = None,
    job_text: JobText = None,
    as_of: AsOf = None,
    extra_skills: ExtraSkills = None,
) -> Pair:
    """The form fields every resume-against-job endpoint shares, parsed and analysed (a dependency, run in the
    thread pool; both analyses come from the memo when the same documents were sent a moment ago)."""
    options = tailor_options(as_of, extra_skills)
    return Pair(
        analysis=load_resume_analysis(settings, store, memo, resume, resume_id, options),
        job_analysis=load_job_analysis(settings, memo, job_file, job_text, options),
        options=options,
    )


PairDep = Annotated[Pair, Depends(pair_inputs)]


MAX_EXTRA_SKILLS = 200
EARLIEST_AS_OF = date(1950, 1, 1)


def tailor_options(as_of: date | None, extra_skills: str | None) -> TailorOptions:
    """Engine options from the form; the date is fixed here so every part of one answer uses the same day."""
    extra = tuple(s.strip() for s in (extra_skills or "").split(",") if s.strip())
    if len(extra) > MAX_EXTRA_SKILLS:
        raise ProblemError("validation-error", f"'extra_skills' holds more than {MAX_EXTRA_SKILLS} skills.")
    today = date.today()
    if as_of is not None and not EARLIEST_AS_OF <= as_of <= date(today.year + 5, 12, 31):
        raise ProblemError("validation-error", f"'as_of' must lie between {EARLIEST_AS_OF} and five years from now.")
    return TailorOptions(as_of=as_of or today, extra_skills=extra)


LETTER_MISSING = "Give the cover letter as 'cover_letter_file' or as 'cover_letter_text' (exactly one)."


async def optional_letter(
    settings: SettingsDep, cover_letter_file: LetterFile = None, cover_letter_text: LetterText = None
) -> parsers.Document | None:
    """The cover letter of a request as a file or as text (one of them, or neither). A dependency: declared after
    ``PairDep``, its fields follow the resume's and the job's in the form, as they do in Swagger UI. ``async`` so
    that a request without a letter (most of them) does not pay a trip through the thread pool; a letter is read
    and parsed there."""
    file = given(cover_letter_file)
    has_text = cover_letter_text is not None and bool(cover_letter_text.strip())
    if file is None and not has_text:
        return None
    if file is not None and has_text:
        raise ProblemError("validation-error", LETTER_MISSING)
    return await run_in_threadpool(_read_letter, settings, file, cover_letter_text)


def _read_letter(settings: Settings, file: UploadFile | None, text: str | None) -> parsers.Document:
    if file is not None:
        data = read_upload(file, settings.max_upload_bytes, field="cover_letter_file")
        return parsers.parse_document(data, file.filename, max_pages=settings.max_pages)
    assert text is not None
    return document_from_text(check_text(text, settings.max_text_chars, field="cover_letter_text"))


LetterDep = Annotated[parsers.Document | None, Depends(optional_letter)]
