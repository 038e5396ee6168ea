"""``tailor(resume, job)``: align a resume with a job and explain the result.

The steps, each in its own module:

1. :func:`prepare_resume` (:mod:`matching.evidence`): units, skills and dates of the resume, once.
2. :func:`prepare_job` (:mod:`matching.align`): the job's skills under its requirement lines, once.
3. Each requirement line is aligned with evidence; years, education and the title are compared.
4. :mod:`matching.scoring` turns the items into a 0..100 score with a breakdown; each gap gets a what-if.
5. :mod:`matching.suggestions` and :mod:`matching.ats` add concrete changes and searchability checks.

Pass a prepared analysis back in (``tailor(resume, job, analysis=a)``) to reuse the resume's work across
many jobs, as :mod:`matching.rank` does. Nothing here reads the clock except when ``options.as_of`` is None.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from matching.align import (
    STRENGTHS_TARGET,
    AskedItem,
    JobAnalysis,
    Strength,
    align_requirements,
    analyze_job,
    education_items,
    keyword_items,
    strength_items,
    title_alignment,
    years_items,
)
from matching.ats import check_ats
from matching.evidence import MET_AT, RelatedLookup, ResumeAnalysis, SkillExtractor, analyze_resume, status_for
from matching.focus import focus_explanation, focus_items
from matching.models import SkillMention
from matching.report import Gap, GapReason, RequirementMatch, SkillCheck, Suggestion, TailoringReport
from matching.scoring import (
    SCORE_VERSION,
    PartResult,
    ScoreItem,
    build_breakdown,
    compute_score,
    redistribution_note,
    what_if_scores,
)
from matching.suggestions import build_suggestions
from parsers.models import JobPosting, Resume

if TYPE_CHECKING:
    from matching.extract import ExtraSkill
    from matching.taxonomy import Taxonomy

__all__ = ["TailorOptions", "prepare_job", "prepare_resume", "resolve_options", "tailor"]

logger = logging.getLogger(__name__)

_KIND_RANK = {"required": 0, "preferred": 1, "other": 2}
_KIND_IMPORTANCE = {"required": 1.0, "preferred": 0.5, "other": 0.25}
MAX_KEYWORD_GAPS = 5


@dataclass(frozen=True, slots=True)
class TailorOptions:
    """Knobs of :func:`tailor`; the defaults are what the service uses."""

    as_of: date | None = None  # "today" for recency and open-ended roles; None = the current date
    extra_skills: tuple[str | ExtraSkill, ...] = ()  # the user's own skill names, for extract_skills
    taxonomy: Taxonomy | None = None  # None = matching.taxonomy.load_taxonomy()
    extractor: SkillExtractor | None = None  # replaces extract_skills (tests, experiments)
    related: RelatedLookup | None = None  # replaces the taxonomy's related-skill lookup
    suggestions: bool = True
    ats: bool = True
    max_gaps: int = 15
    max_suggestions: int = 25

    def resolved_as_of(self) -> date:
        return self.as_of or date.today()


def _tools(options: TailorOptions) -> tuple[SkillExtractor, RelatedLookup | None]:
    if options.extractor is not None:
        return options.extractor, options.related
    from matching.extract import ExtraSkill, extract_skills
    from matching.taxonomy import load_taxonomy

    taxonomy = options.taxonomy if options.taxonomy is not None else load_taxonomy()
    extra = [ExtraSkill(e) if isinstance(e, str) else e for e in options.extra_skills] or None

    def extractor(text: str) -> Sequence[SkillMention]:
        return extract_skills(text, extra_skills=extra, taxonomy=taxonomy)

    def related(skill_id: str) -> Sequence[str]:
        skill = taxonomy.get(skill_id)
        return skill.related if skill is not None else ()

    return extractor, options.related or related


def resolve_options(options: TailorOptions | None = None) -> TailorOptions:
    """Options with the extractor, related lookup and date fixed, so that many calls share one setup."""
    options = options or TailorOptions()
    extractor, related = _tools(options)
    return dataclasses.replace(options, extractor=extractor, related=related, as_of=options.resolved_as_of())


def prepare_resume(resume: Resume, *, options: TailorOptions | None = None) -> ResumeAnalysis:
    """The job-independent analysis of a resume, to pass to :func:`tailor` for many jobs."""
    options = options or TailorOptions()
    extractor, related = _tools(options)
    return analyze_resume(resume, extractor=extractor, related=related, as_of=options.resolved_as_of())


def prepare_job(job: JobPosting, *, options: TailorOptions | None = None) -> JobAnalysis:
    """The resume-independent analysis of a job, to pass to :func:`tailor` for many resumes."""
    options = options or TailorOptions()
    extractor, _ = _tools(options)
    return analyze_job(job, extractor=extractor)


def _count_reasons(items: Sequence[AskedItem]) -> str:
    words = {
        "only_in_skills_list": "only in the skills list",
        "only_in_summary": "only in the summary",
        "only_in_old_role": "only in older roles",
        "only_related_skill": "only a related skill",
        "only_implied": "only implied by a tool built on it",
    }
    counts: dict[str, int] = {}
    for a in items:
        if a.item.credit < MET_AT and a.item.credit > 0 and a.reason in words:
            counts[words[a.reason]] = counts.get(words[a.reason], 0) + 1
    return "; ".join(f"{n} {w}" for w, n in sorted(counts.items(), key=lambda t: (-t[1], t[0])))


@dataclass(frozen=True, slots=True)
class _Tally:
    """How many skills of a part the resume shows: the one count the summary and the breakdown both state.

    Technical skills are the named ones (tools, languages, standards); broad areas ("data storage") are counted
    apart, since a resume shows them through its tools more often than by name.
    """

    technical: int
    technical_shown: int
    soft: int
    soft_shown: int
    outside: int  # technical skills named only outside the requirement lines (the title, or every skill of the ad)
    broad: int = 0
    broad_shown: int = 0

    def words(self, noun: str) -> str:
        """'3 of 5 technical (1 named only outside the requirement lines), 1 of 2 broad-area and 0 of 2 soft
        required skills'."""
        outside = f" ({self.outside} named only outside the requirement lines)" if self.outside else ""
        counts = [
            f"{shown} of {total} {what}"
            for shown, total, what in (
                (self.technical_shown, self.technical, f"technical{outside}"),
                (self.broad_shown, self.broad, "broad-area"),
                (self.soft_shown, self.soft, "soft"),
            )
            if total
        ]
        if not counts:
            counts = [f"0 of 0 {'technical' if not self.soft else 'soft'}"]
        listed = counts[0] if len(counts) == 1 else ", ".join(counts[:-1]) + " and " + counts[-1]
        return f"{listed} {noun} skills"


def _tally(items: Sequence[AskedItem], outside: frozenset[str]) -> _Tally:
    """Skill items (no wording lines), each counted once; shown means met, as the requirement table marks it."""
    skills = [a for a in items if not a.item.key.startswith("line:")]
    hard = [a for a in skills if a.hard and not a.broad]
    broad = [a for a in skills if a.hard and a.broad]
    soft = [a for a in skills if not a.hard]

    def met(group: Sequence[AskedItem]) -> int:
        return sum(status_for(a.item.credit) == "met" for a in group)

    return _Tally(
        len(hard), met(hard), len(soft), met(soft), sum(a.item.key in outside for a in hard), len(broad), met(broad)
    )


def _skills_explanation(items: Sequence[AskedItem], noun: str, outside: frozenset[str]) -> str:
    skills = [a for a in items if not a.item.key.startswith("line:")]
    lines = [a for a in items if a.item.key.startswith("line:")]
    parts: list[str] = []
    if skills:
        text = f"{_tally(skills, outside).words(noun)} shown in your experience"
        detail = _count_reasons(skills)
        if detail:
            text += f" ({detail})"
        parts.append(text)
    if lines:
        shown = sum(a.item.credit > 0 for a in lines)
        parts.append(f"{shown} of {len(lines)} other {noun} lines echoed by your wording")
    return "; ".join(parts) + "." if parts else f"The job names no {noun} skills."


def _experience_explanation(items: Sequence[AskedItem], years: float | None) -> str:
    if not items:
        return "The job asks no number of years."
    found = f"{years:.1f}" if years is not None else "no dated"
    asks = []
    for a in items:
        pct = round(a.item.credit * 100)
        asks.append(f"{a.label}: {pct}%")
    return f"Your dated roles cover {found} years. " + "; ".join(asks) + "."


def _education_explanation(items: Sequence[AskedItem]) -> str:
    if not items:
        return "The job asks no particular education."
    words = []
    for a in items:
        state = status_for(a.item.credit).replace("_", " ")
        words.append(f"{a.label} ({a.kind}): {state}")
    return "; ".join(words) + "."


def _keywords_explanation(items: Sequence[AskedItem]) -> str:
    if not items:
        return "The ad names no other skills."
    shown = sum(a.item.credit >= MET_AT for a in items)
    some = sum(0 < a.item.credit < MET_AT for a in items)
    text = f"{shown} of {len(items)} other skills the ad names are shown in your experience"
    if some:
        text += f", {some} more only partly"
    return text + "."


def _strengths_explanation(used: Sequence[Strength], unused: Sequence[Strength]) -> str:
    if not used and not unused:
        return "No technical skills were found in your resume to compare."
    if not used:
        top = ", ".join(st.name for st in unused[:4])
        return f"The ad names none of your strongest skills ({top})."
    names = ", ".join(st.name + (" (a tool of its family)" if st.via_family else "") for st in used[:6])
    names += "…" if len(used) > 6 else ""
    shown = sum(st.weight for st in used)
    full = (
        "enough for full marks"
        if shown >= STRENGTHS_TARGET
        else f"{round(100 * shown / STRENGTHS_TARGET)}% of full marks"
    )
    return f"The ad names {len(used)} of the skills your resume shows best ({names}): {full}."


def _advice(asked: AskedItem, analysis: ResumeAnalysis, check: SkillCheck | None) -> str:
    label = asked.label
    reason = asked.reason or "missing"
    if asked.item.part == "experience":
        return (
            f"The ad asks for {label}. Check that every role has start and end dates, and count projects or "
            "freelance work where you used it; if you have more experience than the resume shows, add it."
        )
    if asked.item.part == "education":
        if reason == "education_field":
            return f"The ad asks for {label}. If coursework or projects cover that field, name them."
        return (
            f"The ad asks for {label}. If you hold it, list it under Education; if the ad accepts equivalent "
            "experience, say how your experience stands in for it."
        )
    if asked.item.key.startswith("line:"):
        return (
            "Only loosely echoed in your resume. If you have done this, describe where in the ad's own words."
            if reason == "weak_wording_match"
            else "Not found in your resume. If you have done this, say where and with what result."
        )
    if not asked.hard and not asked.item.key.startswith("line:"):
        return (
            f"The ad asks for {label}. Listing it proves little; show it with an example in a bullet: a "
            "situation where you used it, what you did and what came of it."
        )
    where = ""
    via = "a related skill"
    if check is not None and check.evidence:
        ev = check.evidence[0]
        if ev.role:
            where = f" (at {ev.role})"
        if ev.skill_name:
            via = ev.skill_name
    if asked.broad:
        broad = _broad_advice(label, reason, check, via, where)
        if broad is not None:
            return broad
    messages: dict[GapReason, str] = {
        "missing": f"{label} is not in your resume. If you have used it, say where and what it achieved; "
        "if not, it is one to learn or to address honestly in your cover letter.",
        "only_in_skills_list": f"{label} appears only in your skills list. If you used it in a role or "
        "project, name it in that bullet so it counts as experience.",
        "only_in_summary": f"{label} appears only in your summary. Show it in a bullet where you used it.",
        "only_in_old_role": f"{label} shows only in an older role{where}. If you have used it since, say where.",
        "only_related_skill": f"You show {via}{where}, a related skill, not {label} itself. If you have used "
        f"{label}, say where; otherwise point out the related experience.",
        "only_implied": f"{label} shows only through {via}{where}, which uses it. Name {label} in that bullet "
        "too: tracking systems look for the word itself.",
        "weak_wording_match": f"{label} is shown, but weakly. Make it visible in a recent bullet.",
    }
    return messages.get(reason, messages["missing"])


def _broad_advice(label: str, reason: GapReason, check: SkillCheck | None, via: str, where: str) -> str | None:
    """Advice for a broad area ("data storage"): missing, the ad's words, never "learn it"; shown only through a
    skill of the area, what to do with that skill. None where the general advice fits (the area is named)."""
    if reason == "missing":
        return f"The ad mentions {label}: if your work involved it, use the ad's words in a bullet."
    if check is None or not check.evidence or check.evidence[0].match != "implied":
        return None
    places = {"only_in_skills_list": "only in your skills list", "only_in_summary": "only in your summary"}
    if reason in places:
        return (
            f"{label} shows through {via}, {places[reason]}. Name {via} in a bullet where you used it: that shows "
            f"{label} too."
        )
    if reason == "only_in_old_role":
        return f"{label} shows through {via}{where}, an older role. If you have used {via} since, say where."
    return f"{label} shows through {via}{where}, only weakly. Make {via} visible in a recent bullet."


_KIND_WORDS = {"required": "Required", "preferred": "Preferred", "other": "Named elsewhere in the ad"}


_SKILL_KIND_WORDS = {
    "knowledge": "knowledge area",
    "certification": "certification",
    "language": "language",
}


def _importance_note(a: AskedItem, job: JobAnalysis, check: SkillCheck | None) -> str:
    """Why a gap ranks where it does, in words: its kind, hard or soft, and what the ad stresses."""
    key = a.item.key
    if a.item.part == "experience":
        what = "years of experience"
    elif a.item.part == "education":
        what = "education"
    elif key.startswith("line:"):
        what = "line of the ad (no named skill)"
    elif not a.hard:
        what = "soft skill"
    elif a.broad:
        what = "broad area (ranked after the named skills)"
    else:
        what = _SKILL_KIND_WORDS.get(check.kind if check is not None else "", "technical skill")
    kind = _KIND_WORDS[a.kind]
    text = f"{kind} {what}" if a.kind != "other" else f"{kind}: {what}"
    ids = key[4:].split("|") if key.startswith("any:") else [key]
    if a.item.part not in ("experience", "education") and not key.startswith("line:"):
        stress = []
        if any(i in job.title_skill_ids for i in ids):
            stress.append("named in the job title")
        places = max((job.counts.get(i, 0) for i in ids), default=0)
        if places >= 2:
            stress.append(f"named in {places} places in the ad")
        if stress:
            text += ", " + " and ".join(stress)
    if a.also_asked:
        lines = len(a.also_asked)
        text += f"; also asked on {lines} other line{'s' if lines > 1 else ''} (one gap for both)"
    return text + "."


def _tier(a: AskedItem) -> int:
    """Gap order within a kind: named technical skills, years and education; then broad areas; then soft skills
    and wording lines."""
    if not a.hard:
        return 2
    return 1 if a.broad else 0


def _gaps(
    asked: Sequence[AskedItem],
    items: Sequence[ScoreItem],
    results: Sequence[PartResult],
    score: float,
    analysis: ResumeAnalysis,
    checks: dict[str, SkillCheck],
    max_gaps: int,
    job: JobAnalysis,
) -> tuple[Gap, ...]:
    keyword_count = 0
    ordered = sorted(
        asked,
        key=lambda a: (
            _KIND_RANK[a.kind],
            _tier(a),
            -a.item.weight * _KIND_IMPORTANCE[a.kind],
            a.item.part,
            a.item.key,
        ),
    )
    chosen: list[AskedItem] = []
    for a in ordered:
        if a.item.credit >= MET_AT or a.item.part == "title":
            continue
        if a.item.part == "keywords":
            if not a.hard or keyword_count >= MAX_KEYWORD_GAPS:
                continue
            keyword_count += 1
        chosen.append(a)
    what_ifs = what_if_scores(items, [(a.item.part, a.item.key) for a in chosen], results=results)
    ranked: list[tuple[tuple[object, ...], AskedItem, float, float]] = []
    for a in chosen:
        what_if = what_ifs[(a.item.part, a.item.key)]
        importance = round(a.item.weight * _KIND_IMPORTANCE[a.kind], 3)
        gain = round(what_if - score, 1)
        key = (_KIND_RANK[a.kind], _tier(a), -importance, -gain, f"{a.item.part}:{a.item.key}")
        ranked.append((key, a, what_if, importance))
    ranked.sort(key=lambda t: t[0])
    # Advice is written only for the gaps that are kept.
    return tuple(
        Gap(
            id=f"{a.item.part}:{a.item.key}",
            label=a.label,
            requirement=a.requirement,
            start=a.start,
            end=a.end,
            kind=a.kind,
            reason=a.reason or "missing",
            importance=importance,
            what_if_score=what_if,
            gain=round(what_if - score, 1),
            advice=_advice(a, analysis, checks.get(a.item.key)),
            skill_id=a.skill_id,
            hard=a.hard,
            importance_note=_importance_note(a, job, checks.get(a.item.key)),
            broad=a.broad,
            also_asked=a.also_asked,
        )
        for _, a, what_if, importance in ranked[:max_gaps]
    )


def _update_lines(
    matches: Sequence[RequirementMatch],
    years: dict[int, tuple[float, float]],
    education: Mapping[int, tuple[str, str]],
) -> tuple[RequirementMatch, ...]:
    out: list[RequirementMatch] = []
    for index, match in enumerate(matches):
        if index in years:
            asked, found = years[index]
            years_credit = min(1.0, found / asked) if asked > 0 else 1.0
            credit = min(match.credit, years_credit) if match.skills else years_credit
            status = status_for(credit)
            explanation = f"{asked:g}+ years asked; {found:.1f} shown by dated roles"
            if match.skills:
                explanation += f"; {match.explanation}"
            match = dataclasses.replace(
                match,
                credit=round(credit, 4),
                status=status,
                years_asked=asked,
                years_found=found,
                explanation=explanation,
                reason=None if status == "met" else ("insufficient_years" if years_credit < 1 else match.reason),
            )
        if index in education:
            state, words = education[index]
            credit = {"met": 1.0, "partly_met": 0.5, "missing": 0.0}[state]
            match = dataclasses.replace(
                match,
                credit=credit,
                status=status_for(credit),
                explanation=words,
                reason=None if state == "met" else "education_level",
            )
        out.append(match)
    return tuple(out)


def _confidence(
    resume: Resume, job: JobAnalysis, analysis: ResumeAnalysis, skill_items: int
) -> tuple[Literal["high", "medium", "low"], tuple[str, ...]]:
    notes: list[str] = []
    level: Literal["high", "medium", "low"] = "high"
    if resume.parse_quality.doubtful:
        level = "low"
        notes.append("The resume could not be read reliably, so some of what it shows may have been missed.")
    if not job.job.requirements:
        level = "low"
        if job.requirements:
            notes.append("No requirements list was found in the ad; the lines naming skills were used instead.")
        else:
            notes.append("No requirements were found in the ad; the score rests on its title and keywords.")
    if level == "high" and skill_items < 3:
        level = "medium"
        notes.append("The ad names few skills, so the score rests on little.")
    if level == "high" and analysis.dated_roles == 0:
        level = "medium"
        notes.append("No dated roles were found, so years of experience could not be counted.")
    return level, tuple(notes)


def _summary(
    score: float,
    required: Sequence[AskedItem],
    gaps: Sequence[Gap],
    outside: frozenset[str],
    requirement_lines: int,
) -> str:
    sentences = [f"Score {score:g} of 100."]
    skills = [a for a in required if not a.item.key.startswith("line:") and a.hard and not a.broad]
    if skills:
        tally = _tally(skills, outside)
        shown = [a for a in skills if status_for(a.item.credit) == "met"]
        where = f" ({tally.outside} named only outside the requirement lines)" if tally.outside else ""
        sentences.append(
            f"Your experience shows {tally.technical_shown} of the {tally.technical} technical skills it requires"
            f"{where}."
        )
        strongest = [a.label for a in sorted(shown, key=lambda a: (-a.item.weight, a.item.key))[:3]]
        if strongest:
            sentences.append("Strongest evidence: " + ", ".join(strongest) + ".")
    top = sorted((g for g in gaps if g.gain > 0), key=lambda g: (-g.gain, g.id))[:1]
    if top:
        g = top[0]
        sentences.append(
            f"The biggest gain (+{g.gain:g}) would come from {g.label}: "
            "if it is true of you, show where in your resume."
        )
    elif not requirement_lines:
        sentences.append(
            "No requirements could be read from this ad, so the score says little; "
            "paste the ad's requirements section if it has one."
        )
    elif not gaps:
        sentences.append("Everything the ad asks is shown; tune wording and results next.")
    return " ".join(sentences)


def tailor(
    resume: Resume,
    job: JobPosting,
    *,
    options: TailorOptions | None = None,
    analysis: ResumeAnalysis | None = None,
    job_analysis: JobAnalysis | None = None,
) -> TailoringReport:
    """Align ``resume`` with ``job``: evidence per requirement, a score with its breakdown, gaps, suggestions."""
    options = options or TailorOptions()
    as_of = options.resolved_as_of()
    if analysis is None:
        analysis = prepare_resume(resume, options=options)
    elif analysis.resume is not resume or analysis.as_of != as_of:
        raise ValueError("the analysis was prepared for another resume or another as_of date")
    if job_analysis is None:
        job_analysis = prepare_job(job, options=options)
    elif job_analysis.job is not job:
        raise ValueError("the job analysis was prepared for another job")

    matches, skill_asks = align_requirements(analysis, job_analysis)
    years_asks, years_per_line = years_items(analysis, job_analysis)
    education_asks, education_per_line = education_items(analysis, job_analysis)
    matches = _update_lines(matches, years_per_line, education_per_line)
    taken = {sid for m in matches for c in m.skills for sid in c.skill_ids}
    promote = not any(a.item.part == "required_skills" and not a.item.key.startswith("line:") for a in skill_asks)
    keyword_asks, keyword_checks = keyword_items(analysis, job_analysis, taken, promote=promote)
    title = title_alignment(analysis, job_analysis)

    asked: list[AskedItem] = [*skill_asks, *years_asks, *education_asks, *keyword_asks]
    keyword_asks_all = [a for a in keyword_asks if a.item.part == "required_skills"]
    skill_asks = (*skill_asks, *keyword_asks_all)
    keyword_asks = [a for a in keyword_asks if a.item.part == "keywords"]
    items = [a.item for a in asked]
    if title is not None:
        items.append(ScoreItem("title", "title", 1.0, title.credit))
    strength_score_items, used, unused = strength_items(analysis, job_analysis)
    items.extend(strength_score_items)
    focus_score_items, fits = focus_items(analysis, job_analysis)
    items.extend(focus_score_items)
    score, results = compute_score(items)

    required = [a for a in skill_asks if a.item.part == "required_skills"]
    preferred = [a for a in skill_asks if a.item.part == "preferred_skills"]
    title_text = "The job has no title to compare."
    if title is not None:
        title_text = f"'{job.title}': {title.explanation} ({round(title.credit * 100)}%)."
    outside = frozenset(a.item.key for a in keyword_asks_all)
    explanations = {
        "required_skills": _skills_explanation(required, "required", outside),
        "preferred_skills": _skills_explanation(preferred, "preferred", outside),
        "experience": _experience_explanation(years_asks, analysis.years_of_experience),
        "education": _education_explanation(education_asks),
        "title": title_text,
        "keywords": _keywords_explanation(keyword_asks),
        "strengths": _strengths_explanation(used, unused),
        "focus": focus_explanation(fits),
    }
    breakdown = build_breakdown(results, explanations)

    checks: dict[str, SkillCheck] = {c.key: c for m in matches for c in m.skills}
    for c in keyword_checks:
        checks.setdefault(c.key, c)
    gaps = _gaps(asked, items, results, score, analysis, checks, options.max_gaps, job_analysis)
    confidence, notes = _confidence(resume, job_analysis, analysis, len(required))

    suggestions: tuple[Suggestion, ...] = ()
    if options.suggestions:
        suggestions = build_suggestions(analysis, job_analysis, matches, gaps, title, limit=options.max_suggestions)
    ats = check_ats(resume) if options.ats else ()

    logger.debug(
        "tailor: %d requirement lines, %d items, %d gaps, score %.1f", len(matches), len(items), len(gaps), score
    )
    return TailoringReport(
        score=score,
        score_version=SCORE_VERSION,
        score_confidence=confidence,
        confidence_notes=notes,
        summary=_summary(score, required, gaps, outside, len(matches)),
        job_title=job.title,
        job_company=job.company,
        resume_headline=resume.headline,
        as_of=as_of.isoformat(),
        breakdown=breakdown,
        requirements=matches,
        keywords=tuple(sorted(keyword_checks, key=lambda c: (c.job_start, c.key))),
        gaps=gaps,
        suggestions=suggestions,
        ats=ats,
        years_of_experience=analysis.years_of_experience,
        notes=tuple(
            note
            for note in (
                redistribution_note(results),
                "The ad's requirement lines name no skills, so the skills it names elsewhere count as required."
                if promote and keyword_asks_all
                else None,
                "Skills related to one the ad names count partly and are marked as related, never as the skill."
                if any(c.reason == "only_related_skill" for c in checks.values())
                else None,
                f"{job_analysis.skipped_lines} of the ad's requirement lines "
                f"{'was' if job_analysis.skipped_lines == 1 else 'were'} left out: equal-opportunity, pay, legal, "
                "application or company text, not something a resume can show."
                if job_analysis.skipped_lines
                else None,
            )
            if note
        ),
    )
