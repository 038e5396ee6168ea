"""The ad's technical focus against the resume's: which fields of the work the ad centres on, and whether the
resume is strong in them.

Naming the same tools is not the whole fit. An ad for a machine-learning engineer may list Python, Docker and
AWS, which a web developer shows too, but most of its words are about models and training; an ad for a React
developer is close to a resume that shows Angular, though the tool itself differs. So every technical skill of
the ad and of the resume is filed under a *field* (:data:`matching.fields.FIELDS`: front-end, back-end, databases,
cloud and DevOps, data engineering, machine learning, systems, mobile, security, testing).

* The ad's focus: each mention of a field's skill counts once (:data:`TITLE_FOCUS` times in the job's title,
  nothing in benefits sections); a field's weight is the square root of its count, so a field the ad repeats
  weighs more without drowning the others.
* The resume's strength in a field: the sum of its strengths there (:func:`matching.align.resume_strengths`:
  best evidence × years); :data:`FIELD_TARGET` is enough for full credit (one skill shown in current bullets for
  about five years, or two shown well).

The "focus" part of the score is the ad's focus-weighted share of fields where the resume is strong.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from matching.align import JobAnalysis, resume_strengths
from matching.evidence import ResumeAnalysis
from matching.fields import FIELD_NAMES, field_of
from matching.scoring import ScoreItem

__all__ = [
    "FIELD_TARGET",
    "TITLE_FOCUS",
    "FieldFit",
    "focus_explanation",
    "focus_items",
    "job_focus",
    "resume_fields",
]

TITLE_FOCUS = 3.0  # a field's skill named in the job's title counts this many times
FIELD_TARGET = 2.0  # resume strength in a field that earns full credit
_SKIP_SECTIONS = frozenset({"benefits"})


@dataclass(frozen=True, slots=True)
class FieldFit:
    """One field the ad touches: its share of the ad's focus and the resume's strength there."""

    field: str
    name: str
    share: float  # 0..1 of the ad's focus
    strength: float  # the resume's summed strengths in the field
    credit: float  # min(1, strength / FIELD_TARGET)


def job_focus(job: JobAnalysis) -> dict[str, float]:
    """Field -> weight in the ad: the square root of its (title-weighted) mention count; benefits skipped."""
    cached = job.memo.get("focus")
    if cached is not None:
        return dict(cached)
    skip = [(s.start, s.end) for s in job.job.sections if s.kind in _SKIP_SECTIONS]
    counts: dict[str, float] = {}
    title = job.title_span
    for m in job.mentions:
        name = field_of(m.skill_id)
        if name is None or (skip and any(s <= m.start < e for s, e in skip)):
            continue
        weight = TITLE_FOCUS if title is not None and title[0] <= m.start < title[1] else 1.0
        counts[name] = counts.get(name, 0.0) + weight
    focus = {name: math.sqrt(count) for name, count in sorted(counts.items())}
    job.memo["focus"] = focus
    return dict(focus)


def resume_fields(analysis: ResumeAnalysis) -> dict[str, float]:
    """Field -> the resume's strength there (sum of its strengths in the field's skills)."""
    cached = analysis.memo.get("fields")
    if cached is not None:
        return dict(cached)
    strength: dict[str, float] = {}
    for st in resume_strengths(analysis):
        name = field_of(st.skill_id)
        if name is not None:
            strength[name] = strength.get(name, 0.0) + st.weight
    analysis.memo["fields"] = strength
    return dict(strength)


def focus_items(analysis: ResumeAnalysis, job: JobAnalysis) -> tuple[list[ScoreItem], list[FieldFit]]:
    """Score items of the "focus" part (one per field the ad touches) and the fits behind them, largest first."""
    focus = job_focus(job)
    total = math.fsum(focus.values())
    if total <= 0:
        return [], []
    strengths = resume_fields(analysis)
    fits: list[FieldFit] = []
    for name, weight in focus.items():
        strength = strengths.get(name, 0.0)
        credit = min(1.0, strength / FIELD_TARGET)
        fits.append(FieldFit(name, FIELD_NAMES[name], round(weight / total, 4), round(strength, 3), round(credit, 4)))
    fits.sort(key=lambda f: (-f.share, f.field))
    items = [ScoreItem("focus", f.field, focus[f.field], f.credit) for f in fits]
    return items, fits


def focus_explanation(fits: Sequence[FieldFit]) -> str:
    """'The ad centres on machine learning (50%) and back-end (30%) ...; your resume is strong in ...'."""
    if not fits:
        return "The ad names no skills of a particular technical field."
    shown = [f"{f.name} ({round(f.share * 100)}%)" for f in fits[:4]]
    text = "The ad centres on " + _join(shown)
    strong = [f.name for f in fits if f.credit >= 0.8]
    some = [f.name for f in fits if 0 < f.credit < 0.8]
    none = [f.name for f in fits if f.credit == 0]
    parts = []
    if strong:
        parts.append("your resume is strong in " + _join(strong))
    if some:
        parts.append("shows some " + _join(some))
    if none:
        parts.append("shows no " + _join(none))
    return text + "; " + ", ".join(parts) + "."


def _join(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
