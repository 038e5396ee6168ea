"""Markdown for the cover-letter review, the draft, the interview preparation and the learning plan.

Every string that comes from a resume, a job or a letter is HTML-escaped and stripped of the characters that
would start Markdown markup, as :mod:`matching.render` does for the tailoring report.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from matching.drafting import CoverLetterDraft
from matching.interview import InterviewPrep
from matching.learning import AdjacentSkill, LearningPlan
from matching.letters import CoverLetterReview
from matching.report import Evidence

__all__ = [
    "render_draft_markdown",
    "render_plan_markdown",
    "render_prep_markdown",
    "render_review_markdown",
]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~<>])")
CLAIM_KIND_WORDS = {
    "skill": "skill",
    "number": "figure",
    "years": "years",
    "achievement": "achievement",
    "degree": "degree",
    "employer": "employer",
}
GREETING_WORDS = {
    "named": "names a person",
    "generic": "generic (acceptable)",
    "impersonal": "impersonal (change it)",
    "missing": "missing",
}


def _m(value: object) -> str:
    text = " ".join(("" if value is None else str(value)).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _q(value: object, limit: int = 220) -> str:
    text = " ".join(("" if value is None else str(value)).split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return f"“{_m(text)}”"


def _evidence_line(ev: Evidence) -> str:
    where = f" ({_m(ev.role)})" if ev.role else ""
    return f"{_q(ev.quote)}{where}"


def _adjacent(items: Sequence[AdjacentSkill]) -> list[str]:
    out: list[str] = []
    for a in items:
        quote = f": {_evidence_line(a.evidence[0])}" if a.evidence else ""
        out.append(f"  - {_m(a.name)}{quote}")
    return out


def render_review_markdown(review: CoverLetterReview) -> str:
    """The review of a cover letter as Markdown."""
    out: list[str] = []
    title = review.job_title or "this job"
    company = f" at {_m(review.job_company)}" if review.job_company else ""
    out += [f"# Cover letter review: {_m(title)}{company}", "", f"**Score: {review.score:g} / 100**", ""]
    out += [_m(review.summary), ""]
    out += ["| Part | Points | Why |", "|---|---:|---|"]
    for part in review.breakdown:
        out.append(f"| {_m(part.label)} | {part.points:g} / {part.max:g} | {_m(part.explanation)} |")
    out.append("")
    if review.unsupported_claims:
        out += ["## Claims your resume does not back", ""]
        out.append(
            "An interviewer will ask about each of these. Add the proof to your resume if it is true; "
            "if not, take it out."
        )
        out.append("")
        for c in review.unsupported_claims:
            out.append(f"- **{_m(c.text)}** ({CLAIM_KIND_WORDS[c.kind]}) in {_q(c.sentence)}: {_m(c.explanation)}")
            for ev in c.related[:1]:
                out.append(f"  - What the resume does show: {_evidence_line(ev)}")
        out.append("")
    out += ["## The job's top requirements", ""]
    if not review.coverage:
        out.append("The job lists no requirements to address.")
    for cov in review.coverage:
        mark = "✓" if cov.addressed else "✗"
        line = f"- {mark} {_q(cov.requirement, 140)} ({cov.kind})"
        if cov.addressed and cov.sentence:
            line += f": addressed by {_q(cov.sentence, 160)}"
        else:
            line += ": not addressed"
            if cov.resume_evidence and cov.resume_status != "missing":
                line += f"; your resume has {_evidence_line(cov.resume_evidence[0])}"
        out.append(line)
    out.append("")
    out += ["## Checks", ""]
    out.append(f"- Company named: {_named(review.company.named, review.company.expected)}")
    out.append(f"- Role named: {_named(review.role.named, review.role.expected)}")
    greeting = f" {_q(review.greeting.quote)}" if review.greeting.quote else ""
    out.append(f"- Greeting: {GREETING_WORDS[review.greeting.kind]}{greeting}")
    out.append(f"- Length: {_m(review.length.message)} ({review.length.paragraphs} body paragraphs)")
    out.append(f"- Structure: {_m(review.structure.message)}")
    out.append("")
    if review.phrases:
        out += ["## Generic or hedging phrases", ""]
        for f in review.phrases:
            out.append(f"- {_q(f.phrase)}: {_m(f.message)}")
        out.append("")
    if review.claims:
        out += ["## Claims your resume backs", ""]
        for c in review.claims:
            source = f" — {_evidence_line(c.evidence[0])}" if c.evidence else ""
            out.append(f"- {_m(c.text)} ({CLAIM_KIND_WORDS[c.kind]}){source}")
        out.append("")
    if review.suggestions:
        out += ["## Suggestions", ""]
        for i, s in enumerate(review.suggestions, 1):
            out.append(f"{i}. {_m(s.message)} — in {_q(s.quote, 160)}")
            if s.resume_quote:
                out.append(f"   - From your resume: {_q(s.resume_quote)}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _named(named: bool | None, expected: str | None) -> str:
    if named is None:
        return "not checked (the job does not say)"
    return f"yes ({_m(expected)})" if named else f"no — the job says {_q(expected)}"


def render_draft_markdown(draft: CoverLetterDraft) -> str:
    """The draft letter as Markdown, then the evidence each sentence rests on."""
    out: list[str] = []
    for line in draft.sender:
        out.append(_m(line) + "  ")
    if draft.sender:
        out.append("")
    out += [_m(draft.date), "", _m(draft.greeting), ""]
    for p in draft.paragraphs:
        out += [_m(p.text), ""]
    out += [_m(draft.sign_off) + "  ", _m(draft.signature or "[Your name]"), ""]
    out += ["---", "", "## Where each sentence comes from", ""]
    for p in draft.paragraphs:
        for s in p.sentences:
            if not s.evidence:
                continue
            out.append(f"- {_q(s.text, 120)}")
            for ev in s.evidence:
                out.append(f"  - resume: {_evidence_line(ev)}")
            if s.requirement:
                out.append(f"  - answers: {_q(s.requirement, 140)}")
    out.append("")
    if draft.notes:
        out += ["## Before you send it", ""]
        out += [f"- {_m(n)}" for n in draft.notes]
        if not any("why this company" in n for n in draft.notes):
            out.append(
                "- Add one sentence of your own on why this company: something specific you know about its work. "
                "That is the part no resume can supply."
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_prep_markdown(prep: InterviewPrep) -> str:
    """STAR prompts, gap questions and (when attached) the learning plan, as Markdown."""
    out: list[str] = []
    title = prep.job_title or "this job"
    company = f" at {_m(prep.job_company)}" if prep.job_company else ""
    out += [f"# Interview preparation: {_m(title)}{company}", "", _m(prep.summary), ""]
    out += ["## Stories to prepare (STAR)", ""]
    if not prep.star:
        out += ["Your resume has no bullet that shows the top requirements yet; start with the questions below.", ""]
    for i, s in enumerate(prep.star, 1):
        out += [f"### {i}. {_m(s.question)}", "", f"For: {_q(s.requirement, 160)}", ""]
        out.append(f"- **Situation:** {_m(s.situation) if s.situation else 'where and when this happened'}")
        out.append(f"- **Task:** {_m(s.task)}")
        out.append(f"- **Action:** {_m(s.action)}")
        if s.result_missing:
            out.append(f"- **Result:** ⚠ no measurable result yet. {_m(s.result_hint)}")
        else:
            out.append(f"- **Result:** {_m(s.result)}")
        if s.evidence is not None:
            out.append(f"- From your resume: {_evidence_line(s.evidence)}")
        out.append("")
    out += ["## Questions your gaps invite", ""]
    if not prep.gap_questions:
        out += ["No gaps stand out for this job.", ""]
    for g in prep.gap_questions:
        out += [f"### {_m(g.question)}", "", f"The ad: {_q(g.requirement, 160)}", "", _m(g.answer_hint), ""]
        if g.adjacent:
            out.append("What you can truthfully point to:")
            out += _adjacent(g.adjacent)
            out.append("")
        if g.shown:
            out.append("Where your resume mentions it: " + "; ".join(_evidence_line(e) for e in g.shown))
            out.append("")
    if prep.learning_plan is not None:
        out.append(render_plan_markdown(prep.learning_plan, level=2))
    return "\n".join(out).rstrip() + "\n"


def render_plan_markdown(plan: LearningPlan, *, level: int = 1) -> str:
    """The learning plan as Markdown (``level`` is the heading level of its title)."""
    h = "#" * level
    out: list[str] = [f"{h} Learning plan", "", _m(plan.summary), ""]
    for i, item in enumerate(plan.items, 1):
        gain = f", +{item.gain:g} points if closed" if item.gain > 0 else ""
        out += [f"{h}# {i}. {_m(item.skill)} ({item.kind}{gain})", ""]
        if item.also_covers:
            out.append(f"Also covers: {', '.join(_m(x) for x in item.also_covers)}.")
            out.append("")
        if item.have_related:
            out.append("You already have:")
            out += _adjacent(item.have_related)
        out.append("What closes it:")
        for r in item.resources:
            by = f" ({_m(r.provider)})" if r.provider else ""
            note = f" — {_m(r.note)}" if r.note else ""
            out.append(f"  - {r.kind}: {_m(r.name)}{by}{note}")
        out.append(f"  - project: {_m(item.project)}")
        out += ["", f"First step: {_m(item.first_step)}", ""]
    return "\n".join(out).rstrip() + "\n"
