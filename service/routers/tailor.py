"""The tailoring report (one resume against one job) and ranking (one against many)."""

from __future__ import annotations

import json
import logging
import time
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Request, Response, UploadFile
from pydantic import BaseModel

import parsers
from matching.rank import rank, rank_resumes
from matching.render import render_html, render_markdown
from matching.report import TailoringReport
from matching.tailor import TailorOptions, tailor
from service.deps import SettingsDep, StoreDep
from service.inputs import PARSE_ERRORS, given, load_job, load_resume, read_resume_upload
from service.problems import ProblemError, problem_openapi
from service.uploads import check_text, read_upload
from service.wire import out_model

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/v1", tags=["tailor"])

TailoringReportOut = out_model(TailoringReport)
ReportFormat = Literal["json", "md", "html"]
_MEDIA = {"json": "application/json", "md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}

ResumeFile = Annotated[UploadFile | None, File(description="The resume: PDF, DOCX, plain text or Markdown.")]
ResumeId = Annotated[str | None, Form(description="Instead of `resume`: the id of a stored resume.")]
JobFile = Annotated[UploadFile | None, File(description="The job description as a file.")]
JobText = Annotated[str | None, Form(description="Instead of `job_file`: the job description as text.")]
AsOf = Annotated[
    date | None, Form(description="The date taken as today for recency and open-ended roles (default: today).")
]
ExtraSkills = Annotated[
    str | None, Form(description="Comma-separated skills to recognise for this call (internal tools, say).")
]


def _options(as_of: date | None, extra_skills: str | None) -> TailorOptions:
    extra = tuple(s.strip() for s in (extra_skills or "").split(",") if s.strip())
    return TailorOptions(as_of=as_of, extra_skills=extra)


def _format(request: Request, fmt: ReportFormat | None) -> ReportFormat:
    if fmt is not None:
        return fmt
    accept = request.headers.get("accept", "")
    if "text/html" in accept:
        return "html"
    if "text/markdown" in accept:
        return "md"
    return "json"


def report_response(report: TailoringReport, fmt: ReportFormat) -> Response:
    if fmt == "html":
        return Response(render_html(report), media_type=_MEDIA["html"])
    if fmt == "md":
        return Response(render_markdown(report), media_type=_MEDIA["md"])
    return Response(json.dumps(report.to_dict(), ensure_ascii=False), media_type=_MEDIA["json"])


@router.post(
    "/tailor",
    response_class=Response,
    responses={
        200: {
            "description": "The tailoring report, as JSON (default), Markdown or a self-contained HTML page.",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/TailoringReportOut"}},
                "text/markdown": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            },
        },
        **PARSE_ERRORS,
        **problem_openapi("not-found"),
    },
)
def tailor_report(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    resume: ResumeFile = None,
    resume_id: ResumeId = None,
    job_file: JobFile = None,
    job_text: JobText = None,
    format: Annotated[ReportFormat | None, Form(description="json, md or html (else by the Accept header).")] = None,
    as_of: AsOf = None,
    extra_skills: ExtraSkills = None,
) -> Response:
    """Align a resume with a job: evidence per requirement, an explained score, ranked gaps with what-if scores,
    suggestions quoting the text they concern, and ATS checks."""
    fmt = _format(request, format)
    parsed_resume = load_resume(settings, store, resume, resume_id)
    job = load_job(settings, job_file, job_text, file_field="job_file", text_field="job_text")
    began = time.perf_counter()
    report = tailor(parsed_resume, job, options=_options(as_of, extra_skills))
    logger.info(
        "tailored: %d requirements, score %.1f in %.1f ms",
        len(report.requirements),
        report.score,
        (time.perf_counter() - began) * 1000,
    )
    return report_response(report, fmt)


class RankedOut(BaseModel):
    index: int
    name: str | None
    title: str | None
    score: float
    score_confidence: str
    summary: str
    top_gaps: list[str]


class RankOut(BaseModel):
    mode: Literal["jobs", "resumes"]
    score_version: str | None
    items: list[RankedOut]


@router.post("/rank", response_model=RankOut, responses={**PARSE_ERRORS, **problem_openapi("not-found")})
def rank_items(
    settings: SettingsDep,
    store: StoreDep,
    resume: ResumeFile = None,
    resume_id: ResumeId = None,
    job_files: Annotated[list[UploadFile] | None, File(description="Jobs to rank for one resume.")] = None,
    job_texts: Annotated[list[str] | None, Form(description="Jobs to rank, as texts.")] = None,
    job_file: JobFile = None,
    job_text: JobText = None,
    resumes: Annotated[list[UploadFile] | None, File(description="Resumes to rank for one job.")] = None,
    resume_ids: Annotated[list[str] | None, Form(description="Stored resumes to rank for one job.")] = None,
    as_of: AsOf = None,
    extra_skills: ExtraSkills = None,
) -> RankOut:
    """Rank many jobs for one resume (a job seeker choosing where to apply), or many resumes for one job
    (a coach reviewing a group): give `resume`/`resume_id` with `job_files`/`job_texts`, or `job_file`/`job_text`
    with `resumes`/`resume_ids`."""
    options = _options(as_of, extra_skills)
    many_jobs = [f for f in (job_files or []) if given(f)], [t for t in (job_texts or []) if t.strip()]
    many_resumes = [f for f in (resumes or []) if given(f)], [i for i in (resume_ids or []) if i.strip()]
    n_jobs, n_resumes = len(many_jobs[0]) + len(many_jobs[1]), len(many_resumes[0]) + len(many_resumes[1])
    if (n_jobs > 0) == (n_resumes > 0):
        raise ProblemError(
            "validation-error", "Give many jobs (job_files/job_texts) or many resumes (resumes/resume_ids), not both."
        )
    if max(n_jobs, n_resumes) > settings.max_rank_items:
        raise ProblemError("too-large", f"At most {settings.max_rank_items} items can be ranked in one call.")
    if n_jobs:
        one = load_resume(settings, store, resume, resume_id)
        jobs, names = _jobs(settings, *many_jobs)
        ranked = rank(one, jobs, options=options)
        mode: Literal["jobs", "resumes"] = "jobs"
    else:
        job = load_job(settings, job_file, job_text, file_field="job_file", text_field="job_text")
        parsed, names = _resumes(settings, store, *many_resumes)
        ranked = rank_resumes(job, parsed, options=options)
        mode = "resumes"
    items = [
        RankedOut(
            index=r.index,
            name=names[r.index],
            title=r.title,
            score=r.score,
            score_confidence=r.score_confidence,
            summary=r.report.summary,
            top_gaps=[g.label for g in r.report.gaps[:3]],
        )
        for r in ranked
    ]
    version = ranked[0].report.score_version if ranked else None
    return RankOut(mode=mode, score_version=version, items=items)


def _jobs(
    settings: SettingsDep, files: list[UploadFile], texts: list[str]
) -> tuple[list[parsers.JobPosting], list[str | None]]:
    jobs, names = [], []
    for file in files:
        data = read_upload(file, settings.max_upload_bytes, field="job_files")
        jobs.append(parsers.parse_job(data, file.filename, max_pages=settings.max_pages))
        names.append(file.filename)
    for i, text in enumerate(texts):
        jobs.append(parsers.parse_job(check_text(text, settings.max_text_chars, field=f"job_texts[{i}]")))
        names.append(None)
    return jobs, names


def _resumes(
    settings: SettingsDep, store: StoreDep, files: list[UploadFile], ids: list[str]
) -> tuple[list[parsers.Resume], list[str | None]]:
    parsed, names = [], []
    for file in files:
        parsed.append(read_resume_upload(settings, file, field="resumes")[1])
        names.append(file.filename)
    for resume_id in ids:
        parsed.append(load_resume(settings, store, None, resume_id))
        names.append(resume_id)
    return parsed, names
