"""The tailoring report (one resume against one job) and ranking (one against many)."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from pydantic import BaseModel

import parsers
from matching.interview import InterviewPrep, interview_prep
from matching.letter_render import render_prep_markdown, render_review_markdown
from matching.letters import CoverLetterReview, review_cover_letter
from matching.rank import rank, rank_resumes
from matching.render import render_html, render_markdown
from matching.report import TailoringReport
from service.deps import MemoDep, SettingsDep, StoreDep
from service.forms import (
    AsOf,
    ExtraSkills,
    JobFile,
    JobText,
    LetterDep,
    PairDep,
    ResumeFile,
    ResumeId,
    tailor_options,
)
from service.inputs import PARSE_ERRORS, given, load_job, load_resume
from service.memo import Memo
from service.problems import ProblemError, problem_openapi, problem_slug
from service.wire import out_model

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/v1", tags=["tailor"])

TailoringReportOut = out_model(TailoringReport)
ReportFormat = Literal["json", "md", "html"]
# The many items of one ranking are parsed once and not kept: up to 500 of them would push every other entry
# (a user's report, draft and prep of the same two files) out of the memo.
NO_MEMO = Memo(seconds=0, entries=0)
_MEDIA = {"json": "application/json", "md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}


def _format(request: Request, fmt: ReportFormat | None) -> ReportFormat:
    if fmt is not None:
        return fmt
    accept = request.headers.get("accept", "")
    if "text/html" in accept:
        return "html"
    if "text/markdown" in accept:
        return "md"
    return "json"


def report_response(
    report: TailoringReport,
    fmt: ReportFormat,
    *,
    review: CoverLetterReview | None = None,
    prep: InterviewPrep | None = None,
) -> Response:
    if fmt == "html":
        return Response(render_html(report, review=review, prep=prep), media_type=_MEDIA["html"])
    if fmt == "md":
        parts = [render_markdown(report)]
        parts += [render_review_markdown(review)] if review is not None else []
        parts += [render_prep_markdown(prep)] if prep is not None else []
        return Response("\n\n".join(parts), media_type=_MEDIA["md"])
    body = report.to_dict()
    if review is not None:
        body["cover_letter"] = review.to_dict()
    if prep is not None:
        body["interview_prep"] = prep.to_dict()
    return Response(json.dumps(body, ensure_ascii=False), media_type=_MEDIA["json"])


@dataclass(frozen=True, slots=True)
class ReportAsks:
    interview: bool
    format: ReportFormat | None


async def report_asks(
    interview: Annotated[
        bool, Form(alias="interview_prep", description="Add interview preparation and the learning plan.")
    ] = False,
    format: Annotated[ReportFormat | None, Form(description="json, md or html (else by the Accept header).")] = None,
) -> ReportAsks:
    """The report's own form fields (a dependency, so that they follow the resume's and the job's; ``async`` so
    that it runs without a trip through the thread pool)."""
    return ReportAsks(interview, format)


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
    request: Request, pair: PairDep, letter: LetterDep, asks: Annotated[ReportAsks, Depends(report_asks)]
) -> Response:
    """Align a resume with a job: evidence per requirement, an explained score, ranked gaps with what-if scores,
    suggestions quoting the text they concern, and ATS checks. With a cover letter, its review is added under
    `cover_letter`; with `interview_prep=true`, STAR prompts, gap questions and a learning plan under
    `interview_prep` (in every format: JSON fields, Markdown and HTML sections)."""
    fmt = _format(request, asks.format)
    parsed_resume, job, options, analysis = pair.resume, pair.job, pair.options, pair.analysis
    began = time.perf_counter()
    report = pair.report()
    review = (
        review_cover_letter(letter, parsed_resume, job, report=report, options=options, analysis=analysis)
        if letter is not None
        else None
    )
    prep = interview_prep(report, parsed_resume, job, options=options, analysis=analysis) if asks.interview else None
    logger.info(
        "tailored: %d requirements, score %.1f in %.1f ms",
        len(report.requirements),
        report.score,
        (time.perf_counter() - began) * 1000,
    )
    return report_response(report, fmt, review=review, prep=prep)


class RankedOut(BaseModel):
    index: int
    name: str | None
    title: str | None
    score: float
    score_confidence: str
    summary: str
    top_gaps: list[str]


class RankFailedOut(BaseModel):
    """An item that could not be read; the others are ranked without it."""

    index: int
    name: str | None
    type: str  # the problem type URI, as in an error response
    detail: str


class RankOut(BaseModel):
    mode: Literal["jobs", "resumes"]
    score_version: str | None
    items: list[RankedOut]
    failed: list[RankFailedOut]


@router.post("/rank", response_model=RankOut, responses={**PARSE_ERRORS, **problem_openapi("not-found")})
def rank_items(
    settings: SettingsDep,
    store: StoreDep,
    memo: MemoDep,
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
    with `resumes`/`resume_ids`. Items are numbered files first, then texts or ids, from 0. An item that cannot be
    read (a damaged file, an unknown id...) is listed under `failed` with its problem type and the rest are
    ranked; when none can be read, the answer is the first item's problem."""
    options = tailor_options(as_of, extra_skills)
    many_jobs = [f for f in (job_files or []) if given(f)], [t for t in (job_texts or []) if t.strip()]
    many_resumes = [f for f in (resumes or []) if given(f)], [i for i in (resume_ids or []) if i.strip()]
    n_jobs, n_resumes = len(many_jobs[0]) + len(many_jobs[1]), len(many_resumes[0]) + len(many_resumes[1])
    if n_jobs and n_resumes:
        raise ProblemError(
            "validation-error", "Give many jobs (job_files/job_texts) or many resumes (resumes/resume_ids), not both."
        )
    if not n_jobs and not n_resumes:
        raise ProblemError(
            "validation-error",
            "Nothing to rank: give jobs as job_files/job_texts (with one resume), "
            "or resumes as resumes/resume_ids (with one job).",
        )
    if max(n_jobs, n_resumes) > settings.max_rank_items:
        raise ProblemError("too-large", f"At most {settings.max_rank_items} items can be ranked in one call.")
    if n_jobs:
        one = load_resume(settings, store, memo, resume, resume_id)
        files, texts = many_jobs
        loaders: list[_Loader] = [
            (f"job_files[{i}]", f.filename, partial(load_job, settings, NO_MEMO, f, None)) for i, f in enumerate(files)
        ]
        loaders += [
            (f"job_texts[{i}]", None, partial(load_job, settings, NO_MEMO, None, t)) for i, t in enumerate(texts)
        ]
        loaded, failed = _load_all(loaders, file_field="job_files", text_field="job_texts")
        ranked = rank(one, [item for _, _, item in loaded], options=options)
        mode: Literal["jobs", "resumes"] = "jobs"
    else:
        job = load_job(settings, memo, job_file, job_text, file_field="job_file", text_field="job_text")
        files, ids = many_resumes
        loaders = [
            (f"resumes[{i}]", f.filename, partial(load_resume, settings, store, NO_MEMO, f, None))
            for i, f in enumerate(files)
        ]
        loaders += [
            (f"resume_ids[{i}]", rid, partial(load_resume, settings, store, NO_MEMO, None, rid))
            for i, rid in enumerate(ids)
        ]
        loaded, failed = _load_all(loaders, field="resumes")
        ranked = rank_resumes(job, [item for _, _, item in loaded], options=options)
        mode = "resumes"
    items = [
        RankedOut(
            index=loaded[r.index][0],
            name=loaded[r.index][1],
            title=r.title,
            score=r.score,
            score_confidence=r.score_confidence,
            summary=r.report.summary,
            top_gaps=[g.label for g in r.report.gaps[:3]],
        )
        for r in ranked
    ]
    version = ranked[0].report.score_version if ranked else None
    return RankOut(mode=mode, score_version=version, items=items, failed=failed)


_Loader = tuple[str, str | None, Callable[..., Any]]  # the item's field, its name, and what loads it


def _load_all(loaders: list[_Loader], **fields: str) -> tuple[list[tuple[int, str | None, Any]], list[RankFailedOut]]:
    """Each item loaded (``fields`` are passed to its loader), with its index and name; the ones that fail
    become ``failed`` entries. When none loads, the first failure is raised, its detail naming the item."""
    loaded: list[tuple[int, str | None, Any]] = []
    failed: list[RankFailedOut] = []
    first: ProblemError | None = None
    for index, (field, name, load) in enumerate(loaders):
        try:
            loaded.append((index, name, load(**fields)))
        except (parsers.ParserError, ProblemError) as exc:
            problem = exc if isinstance(exc, ProblemError) else ProblemError(problem_slug(exc), str(exc))
            detail = f"{field}: {problem.detail}"
            failed.append(RankFailedOut(index=index, name=name, type=problem.problem.type, detail=detail))
            first = first or ProblemError(problem.problem.slug, detail)
    if not loaded and first is not None:
        raise first
    return loaded, failed
