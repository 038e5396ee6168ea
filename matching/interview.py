"""Interview preparation from the tailoring report: STAR stories for the strengths, honest answers for the gaps.

:func:`interview_prep` gives, for one resume and one job:

* for each of the job's top requirements the resume shows, a STAR prompt (Situation, Task, Action, Result)
  prefilled from the resume bullet that best evidences it: Situation from the role's title, organisation and
  dates; Action from the bullet's verb phrase; Result from its numbers — flagged when the bullet has none, with a
  hint on what to measure;
* for each important gap, the question an interviewer is likely to ask and the adjacent, true experience the
  resume offers to answer it (related skills in the taxonomy that the resume shows, with quotes);
* the learning plan for the missing skills (:func:`matching.learning.learning_plan`).

Nothing is invented: every prefilled part is a quote or a fact of the resume; the rest are prompts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from matching.claims import LetterTools, resume_analysis
from matching.evidence import ResumeAnalysis, prove_skills
from matching.learning import AdjacentSkill, LearningPlan, adjacent_skills, learning_plan
from matching.letters import job_title_and_company, top_requirements
from matching.plain import to_plain
from matching.report import Evidence, Gap, GapReason, RequirementMatch, TailoringReport
from matching.tailor import TailorOptions
from parsers.models import JobPosting, Resume, Role
from parsers.quantities import find_quantities

__all__ = ["GapQuestion", "InterviewPrep", "StarPrompt", "interview_prep", "split_action_result"]

MAX_STAR = 5
MAX_GAP_QUESTIONS = 5

_RESULT_SPLIT = re.compile(
    r",?\s+(?:resulting\s+in|which\s+(?:resulted\s+in|led\s+to|cut|reduced|increased|improved|saved|brought)|"
    r"leading\s+to|so\s+that|achieving|cutting|reducing|increasing|improving|saving|boosting|raising|lowering|"
    r"growing|doubling|tripling|halving|generating|delivering\s+(?=\S*\d))\b"
    r"|,?\s+(?:by|to)\s+(?=[$€£]?\d[\d.,]*\s*(?:%|percent|x\b|k\b|m\b|million|billion|hours?|days?|weeks?))",
    re.IGNORECASE,
)
_RESULT_HINT = (
    "No number in this bullet. Before the interview, find one you can stand behind: time saved, errors or "
    "costs reduced, users or customers served, revenue, volume handled, or how long it ran without trouble. "
    "An honest estimate ('about 20%') is fine if you say how you know."
)


@dataclass(frozen=True, slots=True)
class StarPrompt:
    """A STAR story to prepare for one requirement, prefilled from the best resume bullet for it."""

    requirement: str  # job.text[start:end]
    start: int
    end: int
    kind: str
    question: str
    situation: str | None  # role, organisation and dates
    task: str  # a prompt: what was at stake
    action: str  # the bullet's verb phrase
    result: str | None  # the bullet's outcome (its numbers), if it has one
    result_missing: bool
    result_hint: str | None
    evidence: Evidence | None  # the bullet: resume.text[evidence.start:evidence.end]
    quantities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GapQuestion:
    """A question a gap invites, and the true experience the resume offers to answer it."""

    gap_id: str
    label: str
    requirement: str  # job.text[start:end]
    start: int
    end: int
    kind: str
    reason: GapReason
    importance: float
    question: str
    answer_hint: str
    adjacent: tuple[AdjacentSkill, ...] = ()
    shown: tuple[Evidence, ...] = ()  # where the resume does mention it (skills list, summary, an old role)


@dataclass(frozen=True, slots=True)
class InterviewPrep:
    job_title: str | None
    job_company: str | None
    star: tuple[StarPrompt, ...]
    gap_questions: tuple[GapQuestion, ...]
    learning_plan: LearningPlan | None
    summary: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (lists, not tuples) with keys in field order."""
        return dict(to_plain(self))


def split_action_result(bullet: str) -> tuple[str, str | None]:
    """'Developed X reducing latency by 73%' -> ('Developed X', 'reducing latency by 73%')."""
    text = " ".join(bullet.split()).rstrip(" .;")
    m = _RESULT_SPLIT.search(text)
    if m and m.start() > 10:
        action = text[: m.start()].rstrip(" ,;")
        result = text[m.start() :].lstrip(" ,;")
        if find_quantities(result) or not find_quantities(action):
            return action, result
    return text, None


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split()).rstrip(".;:")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _role_of(resume: Resume, start: int) -> Role | None:
    for role in resume.roles:
        if role.start <= start < role.end:
            return role
    return None


def _situation(role: Role | None) -> str | None:
    if role is None:
        return None
    who = ", ".join(x.strip() for x in (role.title, role.organization) if x and x.strip())
    if not who:
        return None
    dates = ""
    if role.start_date or role.end_date:
        a = role.start_date.raw if role.start_date else "?"
        b = role.end_date.raw if role.end_date else ""
        dates = f" ({a} – {b})" if b else f" ({a})"
    return f"{who}{dates}"


def _names(match: RequirementMatch) -> list[str]:
    return [c.name for c in match.skills if c.status != "missing"]


def _question(match: RequirementMatch) -> str:
    names = _names(match)
    if names:
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"Tell me about a time you used {joined} to solve a real problem. What was the outcome?"
    return f"Can you give an example that shows this: '{_short(match.text)}'?"


def _best_bullet(match: RequirementMatch, used: set[int]) -> Evidence | None:
    found = [e for c in match.skills for e in c.evidence if e.match != "related"] + list(match.evidence)
    found = [e for e in found if e.location in ("bullet", "project")]
    if not found:
        return None
    order = {"bullet": 0, "project": 1}
    found.sort(
        key=lambda e: (
            e.start in used,
            order.get(e.location, 4),
            not find_quantities(e.quote),
            -e.confidence,
            e.start,
        )
    )
    return found[0]


def _star(match: RequirementMatch, resume: Resume, used: set[int]) -> StarPrompt | None:
    ev = _best_bullet(match, used)
    if ev is None or match.status == "missing":
        return None
    used.add(ev.start)
    role = _role_of(resume, ev.start)
    names = _names(match)
    need = ", ".join(names) if names else _short(match.text, 60)
    title = role.title.strip() if role and role.title else "that role"
    task = f"As {title}: what needed {need}, what was at stake, and what was your part (not the team's)?"
    action, result = split_action_result(ev.quote)
    quantities = tuple(q.raw for q in find_quantities(ev.quote))
    if result is None and quantities:
        result = "; ".join(quantities) + " (the figures in this line: say what they measured)"
    missing = not quantities
    return StarPrompt(
        requirement=match.text,
        start=match.start,
        end=match.end,
        kind=match.kind,
        question=_question(match),
        situation=_situation(role),
        task=task,
        action=action,
        result=result if not missing else None,
        result_missing=missing,
        result_hint=_RESULT_HINT if missing else None,
        evidence=ev,
        quantities=quantities,
    )


_GAP_QUESTIONS: dict[str, str] = {
    "missing": "The role asks for {label}. What is your experience with it?",
    "only_related_skill": "The role asks for {label}. What is your experience with it?",
    "only_in_skills_list": "Your resume lists {label}. Tell me about a project where you used it.",
    "only_in_summary": "You mention {label} in your summary. Where have you used it, and with what result?",
    "only_in_old_role": "When did you last use {label}, and how have you kept it current?",
    "insufficient_years": "The role asks for {label}. How does your experience compare?",
    "education_level": "The role asks for {label}. How has your experience prepared you in its place?",
    "education_field": "The role asks for {label}. How does your background cover it?",
    "weak_wording_match": "Tell me about your experience with this: '{requirement}'.",
}


_SKILL_ONLY = ("missing", "only_related_skill", "only_in_skills_list", "only_in_summary", "only_in_old_role")


def _hint(gap: Gap, adjacent: tuple[AdjacentSkill, ...], shown: tuple[Evidence, ...]) -> str:
    label = gap.label
    if gap.skill_id is None and gap.reason in _SKILL_ONLY:
        return (
            "Your resume does not say this in so many words. If you have done it, prepare an example in the ad's "
            "own words (situation, what you did, the result); if you have not, say what comes closest."
        )
    if gap.reason in ("missing", "only_related_skill"):
        lead = (
            f"Your resume does not name {label}. If you have used it, prepare one example (where, what you did, "
            "the result) and add it to your resume. "
        )
        if adjacent:
            names = " and ".join(a.name for a in adjacent[:2])
            return lead + (
                f"If you have not, say so plainly, then bridge to your work with {names} (the lines below): what "
                "carries over, and how you would get up to speed. A concrete plan (see the learning plan) sounds "
                "better than a promise."
            )
        return lead + (
            "If it is new to you, say so plainly, give an example of something comparable you learned quickly "
            "and put to use, and say what you would do in your first weeks."
        )
    if gap.reason in ("only_in_skills_list", "only_in_summary"):
        return (
            f"Your resume names {label} but no role shows it. Prepare one specific example (where, what you "
            "did, what changed); if it is real, add it to that role's bullets too."
        )
    if gap.reason == "only_in_old_role":
        where = f" ({shown[0].role})" if shown and shown[0].role else ""
        return f"Say what you did with {label} then{where}, and what you have done since to keep current."
    if gap.reason == "insufficient_years":
        return (
            "Lead with depth rather than duration: your strongest example, its result, and the range of "
            "situations you have handled."
        )
    if gap.reason in ("education_level", "education_field"):
        return (
            "Point to the experience that stands in for it: the work closest to what the degree would teach, "
            "with a result. If the ad says 'or equivalent experience', say how yours is equivalent."
        )
    return "Prepare an example that uses the ad's own words, with a result."


def _gap_questions(report: TailoringReport, analysis: ResumeAnalysis) -> tuple[GapQuestion, ...]:
    out: list[GapQuestion] = []
    seen: set[str] = set()
    for gap in report.gaps:
        key = gap.skill_id or gap.id
        if key in seen:
            continue
        seen.add(key)
        adjacent: tuple[AdjacentSkill, ...] = ()
        shown: tuple[Evidence, ...] = ()
        if gap.skill_id is not None:
            if gap.reason in ("missing", "only_related_skill"):
                adjacent = adjacent_skills(analysis, gap.skill_id)
            elif gap.skill_id in analysis.by_skill:
                shown = prove_skills(analysis, [gap.skill_id], max_evidence=2).evidence
        reason = gap.reason if gap.skill_id is not None or gap.reason not in _SKILL_ONLY else "weak_wording_match"
        template = _GAP_QUESTIONS.get(reason, _GAP_QUESTIONS["weak_wording_match"])
        out.append(
            GapQuestion(
                gap_id=gap.id,
                label=gap.label,
                requirement=gap.requirement,
                start=gap.start,
                end=gap.end,
                kind=gap.kind,
                reason=gap.reason,
                importance=gap.importance,
                question=template.format(label=gap.label, requirement=_short(gap.requirement)),
                answer_hint=_hint(gap, adjacent, shown),
                adjacent=adjacent,
                shown=shown,
            )
        )
        if len(out) >= MAX_GAP_QUESTIONS:
            break
    return tuple(out)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def interview_prep(
    report: TailoringReport,
    resume: Resume,
    job: JobPosting,
    *,
    options: TailorOptions | None = None,
    analysis: ResumeAnalysis | None = None,
    tools: LetterTools | None = None,
    include_plan: bool = True,
) -> InterviewPrep:
    """STAR prompts for the top requirements, likely questions for the gaps, and the learning plan."""
    if analysis is None:
        analysis = resume_analysis(resume, options=options, report=report)
    used: set[int] = set()
    star: list[StarPrompt] = []
    for match in top_requirements(report, n=MAX_STAR + 3):
        prompt = _star(match, resume, used)
        if prompt is not None:
            star.append(prompt)
        if len(star) >= MAX_STAR:
            break
    gaps = _gap_questions(report, analysis)
    title, company = job_title_and_company(job)
    plan = learning_plan(report, resume, options=options, analysis=analysis, tools=tools) if include_plan else None
    missing_results = sum(p.result_missing for p in star)
    parts = [f"{_count(len(star), 'STAR story', 'STAR stories')} to prepare from your resume"]
    if missing_results:
        parts.append(
            f"{missing_results} of them still {'needs' if missing_results == 1 else 'need'} a measurable result"
        )
    parts.append(
        f"{_count(len(gaps), 'likely question', 'likely questions')} about gaps, each with what you can truthfully "
        "point to"
    )
    summary = "; ".join(parts) + ". Practise them aloud; each one you prepare makes the next interview easier."
    return InterviewPrep(
        job_title=title,
        job_company=company,
        star=tuple(star),
        gap_questions=gaps,
        learning_plan=plan,
        summary=summary,
    )
