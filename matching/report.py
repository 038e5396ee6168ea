"""The tailoring report: what the job asks, what the resume shows for it, the score and what to change.

Every type is a frozen dataclass; :meth:`TailoringReport.to_dict` gives a JSON-ready dict with a stable key
order (the dataclass field order), which the web layer serialises as it is.

Offsets: ``Evidence.start/end`` and ``Suggestion.start/end`` (``source == "resume"``) index ``Resume.text``;
``RequirementMatch.start/end``, ``Gap.start/end`` and ``Suggestion`` quotes with ``source == "job"`` index
``JobPosting.text``. A quote is always the exact text at its offsets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from matching.plain import to_plain

__all__ = [
    "REASON_WORDS",
    "AtsCheck",
    "Evidence",
    "EvidenceLocation",
    "EvidenceMatch",
    "Gap",
    "GapReason",
    "RequirementMatch",
    "ScorePart",
    "SkillCheck",
    "Status",
    "Suggestion",
    "TailoringReport",
]

Status = Literal["met", "partly_met", "missing"]
EvidenceLocation = Literal[
    "bullet", "project", "role_header", "summary", "headline", "skills_list", "education", "certification", "other"
]
EvidenceMatch = Literal["exact", "alias", "variant", "fuzzy", "implied", "related", "keyword"]
GapReason = Literal[
    "missing",
    "only_in_skills_list",
    "only_in_summary",
    "only_in_old_role",
    "only_related_skill",
    "only_implied",
    "insufficient_years",
    "education_level",
    "education_field",
    "weak_wording_match",
]
#: Each reason in a few plain words, for the report's texts and renderers.
REASON_WORDS: Mapping[GapReason, str] = {
    "missing": "not in the resume",
    "only_in_skills_list": "only in the skills list",
    "only_in_summary": "only in the summary",
    "only_in_old_role": "only in an older role",
    "only_related_skill": "only a related skill",
    "only_implied": "only implied by a tool built on it",
    "insufficient_years": "fewer years than asked",
    "education_level": "degree level below the ask",
    "education_field": "degree in another field",
    "weak_wording_match": "weakly shown",
}
RequirementCategory = Literal["skills", "experience", "education", "certification", "general"]
ItemKind = Literal["required", "preferred", "other"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A piece of the resume that shows a requirement: ``quote == resume.text[start:end]``.

    ``match_start/match_end`` point at the words that matched (inside the quote's span).
    """

    quote: str
    start: int
    end: int
    location: EvidenceLocation
    match: EvidenceMatch
    confidence: float  # 0..1, after location and recency weighting
    match_start: int
    match_end: int
    skill_id: str | None = None
    skill_name: str | None = None
    role: str | None = None  # "Title, Organization" of the role the quote belongs to
    role_end: str | None = None  # the role's end date as ISO ('YYYY-MM', 'YYYY' or 'present')
    recency: float = 1.0  # the recency factor applied (1.0 = current or recent)


@dataclass(frozen=True, slots=True)
class SkillCheck:
    """One skill a requirement names (or an either/or group), and how the resume shows it."""

    key: str  # stable id: the skill id, or "any:<id>|<id>" for an either/or group
    # (an id "term:<words>" is a *term*: an example the ad names that the taxonomy does not know, e.g. "term:jinja2",
    # looked for word for word in the resume)
    name: str  # display name in the ad's words where they name the skill otherwise ("Git or SVN", "AWS")
    skill_ids: tuple[str, ...]
    kind: str  # SkillKind of the (first) skill
    job_surface: str  # the words of the ad: job.text[job_start:job_end]
    job_start: int
    job_end: int
    status: Status
    credit: float  # 0..1, what counts toward the score
    evidence: tuple[Evidence, ...] = ()
    reason: GapReason | None = None  # why it is not fully met
    years_found: float | None = None  # years of dated roles that show the skill
    canonical: str = ""  # the taxonomy's names ("Git or Apache Subversion"); "" when the same as ``name``
    broad: bool = False  # a broad knowledge area ("data storage"), not a named tool (matching.fields.is_broad_area)
    # The id of the gap this check shares, when the same skill is asked more strongly on another line ("Git" alone
    # there, "Git or SVN" here): one gap for both, under that line ("required_skills:git").
    covered_by: str | None = None


@dataclass(frozen=True, slots=True)
class RequirementMatch:
    """One requirement line of the job, aligned with the resume."""

    text: str  # job.text[start:end]
    start: int
    end: int
    kind: ItemKind
    category: RequirementCategory
    status: Status
    credit: float
    explanation: str
    skills: tuple[SkillCheck, ...] = ()
    evidence: tuple[Evidence, ...] = ()  # wording evidence for lines without named skills
    years_asked: float | None = None
    years_found: float | None = None
    reason: GapReason | None = None


@dataclass(frozen=True, slots=True)
class ScorePart:
    """One part of the score: ``points`` of ``max`` (``max`` is the part's weight after redistribution)."""

    id: str  # required_skills, preferred_skills, experience, education, title, keywords
    label: str
    weight: float  # the nominal weight (WEIGHTS)
    max: float  # the weight used, after redistributing parts that do not apply
    points: float
    applies: bool
    explanation: str


@dataclass(frozen=True, slots=True)
class Gap:
    """Something the job asks that the resume does not (fully) show, with the score if it were closed.

    Gaps are ranked required before preferred before other; named technical skills, years and education, then
    broad areas (``broad``: "data storage", asked for in the ad's words, never to be learnt), then soft skills and
    wording lines; then by ``importance`` (what the ad stresses: its title, several places), then by ``gain``.
    ``importance_note`` says it in words. A gap also stands for the same skill asked less strongly on other lines
    (``also_asked``: "Git or SVN" there, "Git" here).
    """

    id: str
    label: str  # what is asked, in a few words ("Kubernetes", "5 years of Python", "Bachelor's degree")
    requirement: str  # the job's line: job.text[start:end]
    start: int
    end: int
    kind: ItemKind
    reason: GapReason
    importance: float  # the item's weight in its part x 1 (required), 0.5 (preferred) or 0.25 (other)
    what_if_score: float  # the score if this gap were truthfully closed
    gain: float  # what_if_score - score
    advice: str
    skill_id: str | None = None
    hard: bool = True  # a technical skill, a years or an education ask (False: a soft skill or a wording line)
    importance_note: str = ""  # why it ranks where it does: "Required technical skill, named in the job title"
    broad: bool = False  # a broad knowledge area the ad names, not a named tool (see SkillCheck.broad)
    also_asked: tuple[str, ...] = ()  # other lines of the ad asking the same skill less strongly (their text)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A concrete change, tied to the text it quotes: ``quote == <source>.text[start:end]``."""

    id: str
    kind: str  # move_up, show_in_bullet, add_result, weak_opener, title, use_job_term, gap
    message: str
    quote: str
    start: int
    end: int
    source: Literal["resume", "job"]
    priority: int  # 1 = do first
    requirement: str | None = None
    job_quote: str | None = None  # the ad's words, when the suggestion borrows them
    job_start: int | None = None
    job_end: int | None = None


@dataclass(frozen=True, slots=True)
class AtsCheck:
    """A searchability check an applicant tracking system would trip on."""

    id: str
    passed: bool
    message: str
    severity: Literal["info", "warning", "risk"] = "warning"


@dataclass(frozen=True, slots=True)
class TailoringReport:
    """Everything :func:`matching.tailor` found for one resume against one job."""

    score: float  # 0..100, one decimal
    score_version: str
    score_confidence: Literal["high", "medium", "low"]
    confidence_notes: tuple[str, ...]
    summary: str  # a few sentences in plain words
    job_title: str | None
    job_company: str | None
    resume_headline: str | None
    as_of: str  # ISO date used for recency and "present"
    breakdown: tuple[ScorePart, ...]
    requirements: tuple[RequirementMatch, ...]
    keywords: tuple[SkillCheck, ...]  # skills the ad names outside its requirement lines
    gaps: tuple[Gap, ...]
    suggestions: tuple[Suggestion, ...]
    ats: tuple[AtsCheck, ...]
    years_of_experience: float | None = None
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (lists, not tuples) with keys in field order."""
        result: dict[str, Any] = to_plain(self)
        return result

    def part(self, part_id: str) -> ScorePart:
        """The breakdown part with this id (KeyError if there is none)."""
        for part in self.breakdown:
            if part.id == part_id:
                return part
        raise KeyError(part_id)
