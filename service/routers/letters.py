"""Cover letters (review, draft), interview preparation and the learning plan.

The same multipart fields as ``/v1/tailor``: ``resume`` (a file) or ``resume_id`` (a stored one), ``job_file`` or
``job_text``, and for a review ``cover_letter_file`` or ``cover_letter_text``. ``format`` picks the output:
``json`` (default), ``md``, and ``docx`` for the draft.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Response
from pydantic import BaseModel

from matching.drafting import CoverLetterDraft, DraftOptions, draft_cover_letter
from matching.evidence import ResumeAnalysis
from matching.interview import InterviewPrep, interview_prep
from matching.learning import LearningPlan, learning_plan
from matching.letter_docx import DOCX_MEDIA_TYPE, draft_to_docx
from matching.letter_render import (
    render_draft_markdown,
    render_plan_markdown,
    render_prep_markdown,
    render_review_markdown,
)
from matching.letters import CoverLetterReview, review_cover_letter
from matching.report import TailoringReport
from service.forms import LETTER_MISSING, LetterDep, Pair, PairDep
from service.inputs import PARSE_ERRORS
from service.problems import ProblemError, problem_openapi
from service.wire import out_model

__all__ = ["CoverLetterDraftOut", "CoverLetterReviewOut", "InterviewPrepOut", "LearningPlanOut", "router"]

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/v1")

CoverLetterReviewOut: type[BaseModel] = out_model(CoverLetterReview)
CoverLetterDraftOut: type[BaseModel] = out_model(CoverLetterDraft)
InterviewPrepOut: type[BaseModel] = out_model(InterviewPrep)
LearningPlanOut: type[BaseModel] = out_model(LearningPlan)

MD_MEDIA_TYPE = "text/markdown; charset=utf-8"
TextFormat = Literal["json", "md"]
DraftFormat = Literal["json", "md", "docx"]
ERRORS: dict[int | str, dict[str, Any]] = {**PARSE_ERRORS, **problem_openapi("not-found")}


# Each endpoint's own form fields come from a dependency declared after PairDep, so that in the form (and in
# Swagger UI) they follow the resume's and the job's; ``async``, as they only read fields, so that they run without
# a trip through the thread pool.
async def text_format(format: Annotated[TextFormat, Form(description="json or md.")] = "json") -> TextFormat:
    return format


TextFormatDep = Annotated[TextFormat, Depends(text_format)]


@dataclass(frozen=True, slots=True)
class DraftAsks:
    draft: DraftOptions
    format: DraftFormat


async def draft_asks(
    company: Annotated[
        str | None, Form(max_length=200, description="The company's name as you want it (default: the job's).")
    ] = None,
    hiring_manager: Annotated[
        str | None,
        Form(max_length=200, description="Whom to greet, e.g. 'Ms. Rivera' (default: 'Dear Hiring Manager,')."),
    ] = None,
    tone: Annotated[Literal["formal", "warm", "concise"], Form(description="formal, warm or concise.")] = "formal",
    mention_gap: Annotated[
        bool, Form(description="Add one honest line on the most important skill you do not show yet.")
    ] = False,
    format: Annotated[DraftFormat, Form(description="json, md or docx.")] = "json",
) -> DraftAsks:
    options = DraftOptions(company=company, hiring_manager=hiring_manager, tone=tone, mention_gap=mention_gap)
    return DraftAsks(options, format)


def _doc_responses(description: str, model: type[BaseModel], *, docx: bool = False) -> dict[int | str, Any]:
    content: dict[str, Any] = {
        "application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}},
        "text/markdown": {"schema": {"type": "string"}},
    }
    if docx:
        content[DOCX_MEDIA_TYPE] = {"schema": {"type": "string", "format": "binary"}}
    return {200: {"description": description, "content": content}, **ERRORS}


def _tailored(pair: Pair) -> tuple[ResumeAnalysis, TailoringReport]:
    """The report that interview prep and the plan start from, with the resume analysis it was built on."""
    return pair.analysis, pair.report()


def _filename(title: str | None) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (title or "").lower()).strip("-")[:60]
    return f"cover-letter-{slug}.docx" if slug else "cover-letter.docx"


@router.post(
    "/cover-letters/review",
    tags=["cover-letters"],
    response_model=CoverLetterReviewOut,
    responses=_doc_responses("The review, as JSON (default) or Markdown.", CoverLetterReviewOut),
)
def review_letter(pair: PairDep, letter: LetterDep, format: TextFormatDep) -> Any:
    """Review a cover letter against the job and the resume: which top requirements it addresses (with the
    sentence), company and role named, greeting, length and structure, generic phrases, a score with its
    breakdown, and every claim (skill, figure, years, achievement, degree, employer) checked against the resume —
    backed ones linked to the resume line, the rest listed under `unsupported_claims`. Offsets index
    `letter_text`."""
    if letter is None:
        raise ProblemError("validation-error", LETTER_MISSING)
    began = time.perf_counter()
    analysis, report = _tailored(pair)
    review = review_cover_letter(letter, pair.resume, pair.job, options=pair.options, analysis=analysis, report=report)
    logger.info(
        "reviewed letter: %d chars, %d claims, %d unsupported, score %.1f in %.1f ms",
        len(letter.text),
        len(review.claims) + len(review.unsupported_claims),
        len(review.unsupported_claims),
        review.score,
        (time.perf_counter() - began) * 1000,
    )
    if format == "md":
        return Response(render_review_markdown(review), media_type=MD_MEDIA_TYPE)
    return CoverLetterReviewOut.model_validate(review.to_dict())


@router.post(
    "/cover-letters/draft",
    tags=["cover-letters"],
    response_model=CoverLetterDraftOut,
    responses=_doc_responses(
        "The draft, as JSON (default), Markdown, or a Word document (attachment).", CoverLetterDraftOut, docx=True
    ),
)
def draft_letter(pair: PairDep, asks: Annotated[DraftAsks, Depends(draft_asks)]) -> Any:
    """Draft a cover letter from the resume's own facts: the role and company, your current role, the two or
    three requirements your resume shows best, each told with your best bullet for it, and (if asked) one honest
    line on a gap. No language model; every sentence lists the resume line it rests on."""
    began = time.perf_counter()
    draft = draft_cover_letter(
        pair.resume,
        pair.job,
        options=pair.options,
        analysis=pair.analysis,
        report=pair.report(),
        draft=asks.draft,
    )
    logger.info(
        "drafted letter: %s tone, %d words in %.1f ms",
        asks.draft.tone,
        draft.word_count,
        (time.perf_counter() - began) * 1000,
    )
    if asks.format == "docx":
        return Response(
            draft_to_docx(draft),
            media_type=DOCX_MEDIA_TYPE,
            headers={"Content-Disposition": f'attachment; filename="{_filename(draft.job_title)}"'},
        )
    if asks.format == "md":
        return Response(render_draft_markdown(draft), media_type=MD_MEDIA_TYPE)
    return CoverLetterDraftOut.model_validate(draft.to_dict())


@router.post(
    "/interview-prep",
    tags=["interview-prep"],
    response_model=InterviewPrepOut,
    responses=_doc_responses("STAR prompts, gap questions and the learning plan.", InterviewPrepOut),
)
def prepare_interview(pair: PairDep, format: TextFormatDep) -> Any:
    """Prepare for the interview: a STAR prompt for each top requirement, prefilled from the resume bullet that
    shows it best (the Result flagged when the bullet has no number), the questions your gaps invite with the true,
    adjacent experience your resume offers, and a learning plan for the missing skills."""
    analysis, report = _tailored(pair)
    prep = interview_prep(report, pair.resume, pair.job, options=pair.options, analysis=analysis)
    logger.info("interview prep: %d STAR prompts, %d gap questions", len(prep.star), len(prep.gap_questions))
    if format == "md":
        return Response(render_prep_markdown(prep), media_type=MD_MEDIA_TYPE)
    return InterviewPrepOut.model_validate(prep.to_dict())


@router.post(
    "/learning-plan",
    tags=["interview-prep"],
    response_model=LearningPlanOut,
    responses=_doc_responses("The learning plan for the skills the resume does not show.", LearningPlanOut),
)
def plan_learning(pair: PairDep, format: TextFormatDep) -> Any:
    """For each missing hard skill, most important first: the related skills you already show, the kind of course
    or certification that closes it, and a hands-on project that proves it."""
    analysis, report = _tailored(pair)
    plan = learning_plan(report, pair.resume, options=pair.options, analysis=analysis)
    if format == "md":
        return Response(render_plan_markdown(plan), media_type=MD_MEDIA_TYPE)
    return LearningPlanOut.model_validate(plan.to_dict())
