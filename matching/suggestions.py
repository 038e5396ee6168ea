"""Concrete changes, each quoting the text it is about (an exact substring, with its offsets).

Kinds, in the order a reader should act on them:

* ``gap`` – a required skill the resume does not show: "if you have this, say where you used it" (quotes the
  job's line). Never a suggestion to claim a skill the resume does not show.
* ``show_in_bullet`` – a skill the job requires that is only in the skills list or the summary.
* ``name_skill`` – a language shown only through its framework ("Django" but never "Python").
* ``use_job_term`` – the resume names a skill differently from the ad ("k8s" vs "Kubernetes").
* ``move_up`` – a bullet that proves a requirement but sits low under its role.
* ``weak_opener`` – "responsible for", "helped with", "worked on", "duties included"...
* ``add_result`` – a bullet without a measurable result (no number).
* ``title`` – the ad's title against the resume's headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from matching.align import JobAnalysis, TitleAlignment
from matching.evidence import ResumeAnalysis
from matching.models import SkillMention
from matching.normalize import normalize
from matching.report import Gap, RequirementMatch, Suggestion

__all__ = ["MOVE_UP_POSITION", "WEAK_OPENERS", "build_suggestions", "same_name", "weak_opener"]

MOVE_UP_POSITION = 3  # a bullet at this position (0-based) or lower under its role is "low"
MAX_RESULT_SUGGESTIONS = 5
MAX_GAP_SUGGESTIONS = 3

WEAK_OPENERS = re.compile(
    r"^(?:i\s+|was\s+)?(?:responsible\s+for|helped(?:\s+(?:with|to|in))?|worked\s+on|worked\s+with|"
    r"duties\s+included|assisted(?:\s+(?:with|in))?|involved\s+in|tasked\s+with|participated\s+in|"
    r"in\s+charge\s+of|handled)\b",
    re.I,
)
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)\b", re.I)


def weak_opener(text: str) -> re.Match[str] | None:
    """The weak opening phrase of a bullet ('Responsible for', 'Helped with'...), if it has one."""
    return WEAK_OPENERS.match(text)


class _Builder:
    def __init__(self, analysis: ResumeAnalysis, job: JobAnalysis) -> None:
        self.resume_text = analysis.resume.text
        self.job_text = job.job.text
        self.items: list[Suggestion] = []
        self.seen: set[tuple[str, int, int]] = set()

    def add(
        self,
        kind: str,
        message: str,
        start: int,
        end: int,
        *,
        source: str = "resume",
        priority: int = 2,
        requirement: str | None = None,
        job_span: tuple[int, int] | None = None,
    ) -> None:
        text = self.resume_text if source == "resume" else self.job_text
        if not 0 <= start < end <= len(text) or (kind, start, end) in self.seen:
            return
        self.seen.add((kind, start, end))
        job_quote = job_start = job_end = None
        if job_span is not None and 0 <= job_span[0] < job_span[1] <= len(self.job_text):
            job_start, job_end = job_span
            job_quote = self.job_text[job_start:job_end]
        self.items.append(
            Suggestion(
                id="",
                kind=kind,
                message=message,
                quote=text[start:end],
                start=start,
                end=end,
                source="resume" if source == "resume" else "job",
                priority=priority,
                requirement=requirement,
                job_quote=job_quote,
                job_start=job_start,
                job_end=job_end,
            )
        )


def _gap_suggestions(b: _Builder, gaps: Sequence[Gap]) -> None:
    count = 0
    for gap in gaps:
        if gap.kind != "required" or gap.reason != "missing" or gap.skill_id is None or not gap.hard or gap.broad:
            continue  # a broad area is asked for in the ad's words (its gap says so), not "used" as a tool is
        if b.job_text[gap.start : gap.end] != gap.requirement:
            continue
        b.add(
            "gap",
            f"The ad requires {gap.label}. If you have used it, add it to the bullet where you did, with the "
            "result; if you have not, do not claim it: mention what you have done that comes closest.",
            gap.start,
            gap.end,
            source="job",
            priority=1,
            requirement=gap.requirement,
        )
        count += 1
        if count >= MAX_GAP_SUGGESTIONS:
            return


def same_name(a: str, b: str) -> bool:
    """True when two surfaces are forms of one name: a spelling variant ("Postgres"/"PostgreSQL"), an
    initialism ("GCP"/"Google Cloud Platform") or a numeronym ("k8s"/"Kubernetes"); not a category or a
    different product the taxonomy files under the same skill ("Bitbucket"/"Git").
    """
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return False
    short, long = sorted((na, nb), key=len)
    if fuzz.partial_ratio(short, long) >= 80 and len(short) >= 0.6 * len(long.replace(" ", "")):
        return True
    words = long.split()
    if len(words) >= 2 and short.replace(" ", "") == "".join(w[0] for w in words):
        return True
    long_raw = a if na == long else b
    capitals = "".join(c for c in long_raw if c.isupper()).lower()
    if len(capitals) >= 2 and len(long) > len(short) and short == capitals:  # "JS" for "JavaScript"
        return True
    squeezed = long.replace(" ", "")
    m = re.fullmatch(r"([a-z])(\d+)([a-z])", short)
    return bool(m and squeezed[0] == m.group(1) and squeezed[-1] == m.group(3) and len(squeezed) - 2 == int(m.group(2)))


def _ad_term(job: JobAnalysis, skill_id: str) -> SkillMention | None:
    """The ad's own name for a skill: a mention of it written as the skill's name (not an alias or a category)."""
    return next((m for m in job.mentions if m.skill_id == skill_id and m.match == "exact"), None)


def _skill_suggestions(
    b: _Builder, analysis: ResumeAnalysis, job: JobAnalysis, matches: Sequence[RequirementMatch]
) -> None:
    for match in matches:
        if match.kind == "other":
            continue
        priority = 1 if match.kind == "required" else 2
        for check in match.skills:
            if not check.evidence or check.kind == "soft":
                continue
            best = check.evidence[0]
            if check.reason in ("only_in_skills_list", "only_in_summary") and best.match != "related":
                place = "skills list" if check.reason == "only_in_skills_list" else "summary"
                asks = "requires" if match.kind == "required" else "prefers"
                shown = f"and it is only in your {place}. If you used it"
                if best.match == "implied" and best.skill_name:  # a broad area shown by a skill of it
                    shown = (
                        f"which your {best.skill_name} shows, but only in your {place}. If you used {best.skill_name}"
                    )
                b.add(
                    "show_in_bullet",
                    f"The ad {asks} {check.name}, {shown} in a role or project, name it in that bullet so it "
                    "reads as experience.",
                    best.match_start,
                    best.match_end,
                    priority=priority,
                    requirement=match.text,
                    job_span=(check.job_start, check.job_end),
                )
            if check.reason == "only_implied" and best.match == "implied":
                b.add(
                    "name_skill",
                    f"This bullet shows {best.skill_name}, which means {check.name}, but does not name "
                    f"{check.name}. The ad asks for {check.name}: write it here so a tracking system finds it.",
                    best.match_start,
                    best.match_end,
                    priority=priority,
                    requirement=match.text,
                    job_span=(check.job_start, check.job_end),
                )
            term = _ad_term(job, check.skill_ids[0]) if len(check.skill_ids) == 1 else None
            if term is None:
                continue
            for ev in check.evidence:
                if ev.match not in ("alias", "variant", "fuzzy"):
                    continue
                wrote = analysis.resume.text[ev.match_start : ev.match_end]
                if normalize(wrote) != normalize(term.surface) and same_name(wrote, term.surface):
                    b.add(
                        "use_job_term",
                        f"Use the ad's term '{term.surface}' where you wrote '{wrote}' (keep yours in brackets "
                        "if it is the usual name in your field): tracking systems match words.",
                        ev.match_start,
                        ev.match_end,
                        priority=2,
                        requirement=match.text,
                        job_span=(term.start, term.end),
                    )
                    break


def _move_up(b: _Builder, analysis: ResumeAnalysis, matches: Sequence[RequirementMatch]) -> None:
    by_unit: dict[int, list[str]] = {}
    starts = {u.start: i for i, u in enumerate(analysis.units)}
    for match in matches:
        if match.kind != "required":
            continue
        for check in match.skills:
            bullets = [e for e in check.evidence if e.location in ("bullet", "project") and e.match != "related"]
            if not bullets:
                continue
            positions = [analysis.units[starts[e.start]].position for e in bullets if e.start in starts]
            if positions and min(positions) >= MOVE_UP_POSITION:
                first = bullets[0]
                by_unit.setdefault(starts[first.start], []).append(check.name)
    for ui, names in sorted(by_unit.items()):
        unit = analysis.units[ui]
        role = analysis.role_label(unit.role_index) or "its role"
        names = list(dict.fromkeys(names))
        b.add(
            "move_up",
            f"Move this bullet up under {role}: it shows {', '.join(names)}, which the ad requires, but sits "
            f"at position {unit.position + 1}, where a quick reader may not get to it.",
            unit.start,
            unit.end,
            priority=2,
        )


def _openers_and_results(b: _Builder, analysis: ResumeAnalysis, matches: Sequence[RequirementMatch]) -> None:
    evidence_starts = {e.start for m in matches for c in m.skills for e in c.evidence}
    evidence_starts |= {e.start for m in matches for e in m.evidence}
    bullets = [
        (i, u) for i, u in enumerate(analysis.units) if u.location in ("bullet", "project") and u.role_index is not None
    ]
    quantified = set()
    for role in analysis.resume.roles:
        for bullet in role.bullets:
            if bullet.quantities:
                quantified.add(bullet.start)
    results: list[tuple[int, int, int]] = []
    for _, unit in bullets:
        text = analysis.resume.text[unit.start : unit.end]
        opener = weak_opener(text)
        if opener is not None:
            b.add(
                "weak_opener",
                f"'{opener.group(0)}' describes a duty, not what you did. Start with a verb that says what you "
                "achieved (built, cut, led, shipped) and end with the result.",
                unit.start + opener.start(),
                unit.start + opener.end(),
                priority=2,
            )
        has_number = unit.start in quantified or bool(_NUMBER.search(text))
        if not has_number and len(text.split()) >= 3:
            relevant = 0 if unit.start in evidence_starts else 1
            results.append((relevant, unit.recency < 1.0, unit.start))
    results.sort()
    starts = {u.start: u for u in analysis.units}
    for relevant, _, start in results[:MAX_RESULT_SUGGESTIONS]:
        unit = starts[start]
        b.add(
            "add_result",
            "Add a measurable result to this bullet: how much, how many, how fast, or for whom"
            + (" — it is evidence for a requirement of the ad." if relevant == 0 else "."),
            unit.start,
            unit.end,
            priority=2 if relevant == 0 else 3,
        )


def _title(b: _Builder, analysis: ResumeAnalysis, job: JobAnalysis, title: TitleAlignment | None) -> None:
    if title is None or title.credit >= 0.7 or job.title_span is None:
        return
    job_title = job.job.title or ""
    headline = analysis.resume.headline
    pos = analysis.resume.text.find(headline) if headline else -1
    if headline and pos >= 0:
        b.add(
            "title",
            f"The ad's title is '{job_title}'. If that truthfully describes what you do, echo its words in your "
            "headline: it is the first thing a recruiter and a tracking system compare.",
            pos,
            pos + len(headline),
            priority=2,
            job_span=job.title_span,
        )
    else:
        b.add(
            "title",
            f"Your resume has no headline under your name. A one-line headline that echoes '{job_title}', if it "
            "fits you, helps a reader place you at once.",
            job.title_span[0],
            job.title_span[1],
            source="job",
            priority=3,
        )


def build_suggestions(
    analysis: ResumeAnalysis,
    job: JobAnalysis,
    matches: Sequence[RequirementMatch],
    gaps: Sequence[Gap],
    title: TitleAlignment | None,
    *,
    limit: int = 25,
) -> tuple[Suggestion, ...]:
    """Suggestions ordered by priority, each quoting the resume or the job exactly."""
    b = _Builder(analysis, job)
    _gap_suggestions(b, gaps)
    _skill_suggestions(b, analysis, job, matches)
    _move_up(b, analysis, matches)
    _openers_and_results(b, analysis, matches)
    _title(b, analysis, job, title)
    order = {
        "gap": 0,
        "show_in_bullet": 1,
        "name_skill": 1,
        "use_job_term": 2,
        "move_up": 3,
        "title": 4,
        "weak_opener": 5,
    }
    ranked = sorted(b.items, key=lambda s: (s.priority, order.get(s.kind, 9), s.source, s.start))[:limit]
    counters: dict[str, int] = {}
    out: list[Suggestion] = []
    for s in ranked:
        counters[s.kind] = counters.get(s.kind, 0) + 1
        out.append(
            Suggestion(
                id=f"{s.kind}-{counters[s.kind]}",
                kind=s.kind,
                message=s.message,
                quote=s.quote,
                start=s.start,
                end=s.end,
                source=s.source,
                priority=s.priority,
                requirement=s.requirement,
                job_quote=s.job_quote,
                job_start=s.job_start,
                job_end=s.job_end,
            )
        )
    return tuple(out)
