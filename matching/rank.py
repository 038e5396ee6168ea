"""One resume against many jobs, or one job against many resumes, best first.

The side that stays the same is analysed once (its skills, units and dates) and reused for every pair;
options are resolved once (the taxonomy loads once). By default the reports are lean (no suggestions, no
searchability checks, and only the first :data:`LEAN_GAPS` gaps, which is what a ranking shows); pass
``detail=True`` for full reports.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from matching.align import JobAnalysis
from matching.evidence import ResumeAnalysis
from matching.report import TailoringReport
from matching.tailor import TailorOptions, prepare_job, prepare_resume, resolve_options, tailor
from parsers.models import JobPosting, Resume

__all__ = ["LEAN_GAPS", "RankedItem", "rank", "rank_resumes"]

LEAN_GAPS = 5  # gaps kept in a lean report


@dataclass(frozen=True, slots=True)
class RankedItem:
    """One ranked job (or resume): its position in the input, score and report."""

    index: int
    score: float
    score_confidence: str
    title: str | None
    report: TailoringReport


def _lean(options: TailorOptions | None, detail: bool) -> TailorOptions:
    resolved = resolve_options(options)
    if detail:
        return resolved
    return dataclasses.replace(resolved, suggestions=False, ats=False, max_gaps=min(resolved.max_gaps, LEAN_GAPS))


def _ranked(items: list[RankedItem]) -> list[RankedItem]:
    return sorted(items, key=lambda r: (-r.score, r.index))


def rank(
    resume: Resume,
    jobs: Sequence[JobPosting],
    *,
    options: TailorOptions | None = None,
    analysis: ResumeAnalysis | None = None,
    detail: bool = False,
) -> list[RankedItem]:
    """Jobs ordered by how well ``resume`` fits them (score, then input order)."""
    opts = _lean(options, detail)
    if analysis is None:
        analysis = prepare_resume(resume, options=opts)
    out: list[RankedItem] = []
    for index, job in enumerate(jobs):
        report = tailor(resume, job, options=opts, analysis=analysis)
        out.append(RankedItem(index, report.score, report.score_confidence, job.title, report))
    return _ranked(out)


def rank_resumes(
    job: JobPosting,
    resumes: Sequence[Resume],
    *,
    options: TailorOptions | None = None,
    job_analysis: JobAnalysis | None = None,
    detail: bool = False,
) -> list[RankedItem]:
    """Resumes ordered by how well they fit ``job`` (score, then input order)."""
    opts = _lean(options, detail)
    if job_analysis is None:
        job_analysis = prepare_job(job, options=opts)
    out: list[RankedItem] = []
    for index, resume in enumerate(resumes):
        report = tailor(resume, job, options=opts, job_analysis=job_analysis)
        out.append(RankedItem(index, report.score, report.score_confidence, resume.headline, report))
    return _ranked(out)
