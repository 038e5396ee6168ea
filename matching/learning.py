"""A learning plan for the gaps: for each missing hard skill, what the writer already has and what closes it.

:func:`learning_plan` takes the tailoring report's gaps in their order of importance, keeps the skills the resume
does not show (soft skills are left to the interview preparation), and for each one gives:

* the related skills the resume already shows (the taxonomy's neighbours, with the resume line that shows
  them) — the honest bridge to talk about, and a head start;
* the kind of course or certification that closes the gap, from the small curated mapping in
  ``matching/data/learning.toml`` (Kubernetes -> CKA/CKAD, AWS -> Solutions Architect – Associate, ...), with a
  fallback by the kind of skill ("a hands-on project using X, published on GitHub");
* a hands-on project that proves it, which can then go on the resume as a true line;
* what the score would be if the gap were closed (the report's what-if).
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from matching.claims import LetterTools, letter_tools, resume_analysis
from matching.evidence import ResumeAnalysis, prove_skills
from matching.normalize import normalize
from matching.plain import to_plain
from matching.report import Evidence, Gap, TailoringReport
from matching.tailor import TailorOptions
from parsers.models import Resume

__all__ = [
    "AdjacentSkill",
    "LearningItem",
    "LearningPlan",
    "LearningResource",
    "adjacent_skills",
    "learning_plan",
    "load_learning_map",
]

ResourceKind = Literal["certification", "course", "project", "practice"]
PLAN_REASONS = ("missing", "only_related_skill")
MAX_ITEMS = 8
LEARNING_MAP_PATH = Path(__file__).resolve().parent / "data" / "learning.toml"


@dataclass(frozen=True, slots=True)
class LearningResource:
    """A kind of course, certification or practice that closes a gap."""

    kind: ResourceKind
    name: str
    provider: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class AdjacentSkill:
    """A skill the resume shows that the taxonomy relates to a missing one, with where it shows."""

    skill_id: str
    name: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class LearningItem:
    """One missing skill: what is asked, what the writer already has, and what would close it."""

    skill: str  # the gap's label
    skill_id: str | None
    skill_kind: str | None
    requirement: str  # job.text[start:end]
    start: int
    end: int
    kind: str  # required / preferred / other
    importance: float
    gain: float  # score points if the gap were truthfully closed
    have_related: tuple[AdjacentSkill, ...]
    resources: tuple[LearningResource, ...]
    project: str
    first_step: str
    source: Literal["curated", "fallback"]
    also_covers: tuple[str, ...] = ()  # other missing skills the same course or certification covers


@dataclass(frozen=True, slots=True)
class LearningPlan:
    items: tuple[LearningItem, ...]
    summary: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (lists, not tuples) with keys in field order."""
        return dict(to_plain(self))


@dataclass(frozen=True, slots=True)
class _Track:
    keys: frozenset[str]
    contains: tuple[str, ...]
    resources: tuple[LearningResource, ...]
    project: str


@dataclass(frozen=True, slots=True)
class LearningMap:
    """The curated tracks and the fallbacks by skill kind, as read from ``learning.toml``."""

    tracks: tuple[_Track, ...]
    fallbacks: dict[str, _Track]

    def find(self, skill_id: str | None, name: str) -> tuple[_Track, Literal["curated", "fallback"]] | None:
        keys = {normalize(x) for x in (skill_id or "", name) if x}
        for track in self.tracks:
            if keys & track.keys:
                return track, "curated"
        low = normalize(name)
        for track in self.tracks:
            if any(word in low.split() or (" " in word and word in low) for word in track.contains):
                return track, "curated"
        return None


def _resource(raw: dict[str, Any]) -> LearningResource:
    return LearningResource(
        kind=raw.get("kind", "course"),
        name=str(raw["name"]),
        provider=raw.get("provider"),
        note=raw.get("note"),
    )


def _track(raw: dict[str, Any]) -> _Track:
    return _Track(
        keys=frozenset(normalize(x) for x in raw.get("match", ())),
        contains=tuple(normalize(x) for x in raw.get("contains", ())),
        resources=tuple(_resource(r) for r in raw.get("resources", ())),
        project=str(raw.get("project", "")),
    )


@lru_cache(maxsize=1)
def load_learning_map() -> LearningMap:
    """The curated mapping shipped in ``matching/data/learning.toml`` (read once)."""
    data = tomllib.loads(LEARNING_MAP_PATH.read_text("utf-8"))
    return LearningMap(
        tracks=tuple(_track(t) for t in data.get("track", ())),
        fallbacks={kind: _track(t) for kind, t in data.get("fallback", {}).items()},
    )


def _fill(track: _Track, skill: str) -> tuple[tuple[LearningResource, ...], str]:
    res = tuple(dataclasses.replace(r, name=r.name.replace("{skill}", skill)) for r in track.resources)
    return res, track.project.replace("{skill}", skill)


def adjacent_skills(analysis: ResumeAnalysis, skill_id: str, *, limit: int = 3) -> tuple[AdjacentSkill, ...]:
    """Skills the resume shows that the taxonomy relates to ``skill_id``, strongest evidence first."""
    out: list[tuple[float, AdjacentSkill]] = []
    for other in analysis.related_to.get(skill_id, ()):
        if other == skill_id or other not in analysis.by_skill:
            continue
        proof = prove_skills(analysis, [other], max_evidence=1)
        name = analysis.mentions[analysis.by_skill[other][0]].name
        out.append((proof.credit, AdjacentSkill(other, name, proof.evidence)))
    out.sort(key=lambda t: (-t[0], t[1].name.lower()))
    return tuple(a for _, a in out[:limit])


def _skill_kinds(report: TailoringReport) -> dict[str, str]:
    kinds = {sid: c.kind for m in report.requirements for c in m.skills for sid in c.skill_ids}
    kinds.update({sid: c.kind for c in report.keywords for sid in c.skill_ids})
    return kinds


def _first_step(skill: str, related: tuple[AdjacentSkill, ...], resources: tuple[LearningResource, ...]) -> str:
    if related:
        names = ", ".join(a.name for a in related[:2])
        return (
            f"You already work with {names}; start from what carries over and spend the first week on a small "
            f"hands-on exercise with {skill}."
        )
    if resources:
        return f"Start with the first module of {resources[0].name.split(' (')[0]} and a small exercise with {skill}."
    return f"Start with a small hands-on exercise with {skill} this week."


def _plan_gaps(report: TailoringReport, analysis: ResumeAnalysis, kinds: dict[str, str]) -> list[Gap]:
    seen: set[str] = set()
    out: list[Gap] = []
    for gap in sorted(report.gaps, key=lambda g: (-g.importance, -g.gain, g.id)):
        if gap.skill_id is None or gap.reason not in PLAN_REASONS or gap.skill_id in seen or gap.broad:
            continue  # a broad area ("business processes") is worded, not learnt
        if gap.skill_id in analysis.by_skill or kinds.get(gap.skill_id) == "soft":
            continue
        seen.add(gap.skill_id)
        out.append(gap)
    return out


def learning_plan(
    report: TailoringReport,
    resume: Resume,
    *,
    options: TailorOptions | None = None,
    analysis: ResumeAnalysis | None = None,
    tools: LetterTools | None = None,
    max_items: int = MAX_ITEMS,
) -> LearningPlan:
    """For each missing hard skill, by gap importance: related skills held, courses or certifications, a project."""
    if analysis is None:
        analysis = resume_analysis(resume, options=options, report=report)
    kinds = _skill_kinds(report)
    mapping = load_learning_map()
    items: list[LearningItem] = []
    by_track: dict[int, int] = {}  # curated track -> index of the item that already names it
    for gap in _plan_gaps(report, analysis, kinds):
        if len(items) >= max_items:
            break
        sid = gap.skill_id
        assert sid is not None
        kind = kinds.get(sid)
        if kind is None:
            tools = tools or letter_tools(options)
            kind = tools.skill_kind(sid)
        found = mapping.find(sid, gap.label)
        source: Literal["curated", "fallback"]
        if found is not None:
            track, source = found
            if id(track) in by_track:
                first = by_track[id(track)]
                items[first] = dataclasses.replace(items[first], also_covers=(*items[first].also_covers, gap.label))
                continue
            by_track[id(track)] = len(items)
        else:
            track = mapping.fallbacks.get(kind or "knowledge") or mapping.fallbacks["knowledge"]
            source = "fallback"
        res, project = _fill(track, gap.label)
        related = adjacent_skills(analysis, sid)
        items.append(
            LearningItem(
                skill=gap.label,
                skill_id=sid,
                skill_kind=kind,
                requirement=gap.requirement,
                start=gap.start,
                end=gap.end,
                kind=gap.kind,
                importance=gap.importance,
                gain=gap.gain,
                have_related=related,
                resources=res,
                project=project,
                first_step=_first_step(gap.label, related, res),
                source=source,
            )
        )
    return LearningPlan(tuple(items), _summary(items))


def _summary(items: list[LearningItem]) -> str:
    if not items:
        return "Your resume shows every hard skill this job names: no learning plan needed for it."
    names = ", ".join(i.skill for i in items[:3])
    head = f"{len(items)} skill(s) to learn for this job, most important first: {names}"
    head += "…" if len(items) > 3 else "."
    bridged = sum(bool(i.have_related) for i in items)
    if bridged:
        head += f" For {bridged} of them you already have related experience to build on."
    return head + " Each one you close is a true line you can add to your resume and talk about in interviews."
