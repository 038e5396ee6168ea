"""Fact-checking a cover letter against the resume: every claim either points at a resume line or is listed.

A *claim* is something the letter says the writer has or did, in a sentence written in the first person ("I",
"my", "we") or as a bullet point:

* ``skill`` – a skill or tool the skills engine finds ("expert in Kubernetes", "k8s" counts as Kubernetes);
* ``number`` – a percentage, an amount of money, a count or a duration ("cut costs by 30%", "a team of 40");
* ``years`` – years of experience, overall or with a skill ("8 years of Python");
* ``achievement`` – a past-tense action ("I led", "we launched"), aligned by its words with a resume unit;
* ``degree`` – a degree ("my Master's in Economics");
* ``employer`` – an organisation the writer says they worked at ("during my time at Initech").

What is *not* a claim: the job's own words ("you are looking for Kubernetes", "the Senior Python Developer
role"), and what the writer says they do not have ("I have not used Kubernetes in production yet"). A claim is
``backed`` when the resume shows the same thing: the same skill id anywhere in the resume, the same quantity
(same kind and value; for counts, the same noun) in a resume line, at least the years claimed in dated roles
(or stated by the resume itself), a resume unit covering the action's words. Everything else is
``unsupported``, quoting the sentence, so the writer can either add the proof to the resume or drop the claim.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from matching.evidence import (
    LOCATION_WEIGHTS,
    RelatedLookup,
    ResumeAnalysis,
    SkillExtractor,
    align_wording,
    content_words,
    prove_skills,
    unit_evidence,
)
from matching.letter_text import LetterLayout, Sentence
from matching.models import SkillMention
from matching.normalize import normalize
from matching.report import Evidence, EvidenceLocation, TailoringReport
from matching.tailor import TailorOptions, prepare_resume
from parsers.degrees import LEVELS, find_degrees
from parsers.models import JobPosting, Quantity, Resume
from parsers.quantities import find_quantities

__all__ = [
    "Claim",
    "ClaimKind",
    "ClaimStatus",
    "LetterTools",
    "check_claims",
    "letter_tools",
    "resume_analysis",
]

ClaimKind = Literal["skill", "number", "years", "achievement", "degree", "employer"]
ClaimStatus = Literal["backed", "unsupported"]

YEARS_TOLERANCE = 0.5  # "8 years" is backed by 7.5 years of dated roles
_FIRST_PERSON = re.compile(r"(?<![\w'’])(?:I|I['’](?:m|ve|d|ll)|[Mm]y|[Mm]e|[Mm]yself|[Mm]ine|[Ww]e|[Oo]ur)(?![\w'’])")
_YOU = re.compile(r"\b(?:you|your|yours|you['’]re|you['’]ve)\b", re.IGNORECASE)
_JOB_REFERENCE = re.compile(
    r"\b(?:(?:the|this|that)\s+(?:role|position|posting|job|opening|vacancy|advert|ad|listing|description|"
    r"team|company|stack)\b[^,;:]{0,40}?\b(?:requires?|asks?|calls?\s+for|needs?|mentions?|lists?|seeks?|"
    r"emphasi[sz]es|involves?|includes?|uses?|relies)|(?:apply|applying|application)\s+(?:for|to))\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|n['’]t|without|lack|lacking|yet\s+to|new\s+to|unfamiliar\s+with|"
    r"(?:am|are|is|currently|now)\s+(?:learning|studying)|learning|eager\s+to|keen\s+to|hope\s+to|plan\s+to|"
    r"want\s+to|would\s+(?:like|love)\s+to|looking\s+forward\s+to\s+(?:learning|working)|excited\s+to\s+learn)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s|\b(?:but|while|whereas|although|though|which)\b", re.IGNORECASE)
_ACHIEVEMENT_VERBS = frozenset(
    [
        "achieved",
        "architected",
        "authored",
        "automated",
        "boosted",
        "built",
        "championed",
        "closed",
        "coached",
        "completed",
        "coordinated",
        "created",
        "cut",
        "decreased",
        "delivered",
        "deployed",
        "designed",
        "developed",
        "directed",
        "doubled",
        "drove",
        "earned",
        "engineered",
        "established",
        "exceeded",
        "expanded",
        "founded",
        "generated",
        "grew",
        "halved",
        "headed",
        "implemented",
        "improved",
        "increased",
        "introduced",
        "launched",
        "led",
        "managed",
        "mentored",
        "migrated",
        "modernized",
        "modernised",
        "negotiated",
        "optimized",
        "optimised",
        "organized",
        "organised",
        "oversaw",
        "owned",
        "pioneered",
        "presented",
        "published",
        "raised",
        "ran",
        "rebuilt",
        "redesigned",
        "reduced",
        "refactored",
        "resolved",
        "saved",
        "scaled",
        "secured",
        "shipped",
        "spearheaded",
        "streamlined",
        "supervised",
        "taught",
        "trained",
        "tripled",
        "won",
        "wrote",
    ]
)
# "I integrated", "we also collaborated", "I have delivered": a past-tense verb right after the subject.
_SUBJECT_VERB_RE = re.compile(r"\b(?:I|[Ww]e)\s+(?:also\s+|then\s+|have\s+|had\s+|['’]ve\s+)?([a-z]{3,}ed)\b")
_ACHIEVEMENT_RE = re.compile(r"\b(" + "|".join(sorted(_ACHIEVEMENT_VERBS, key=len, reverse=True)) + r")\b", re.I)
_NUMBER_WORDS = {
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "eleven": 11.0,
    "twelve": 12.0,
    "fifteen": 15.0,
    "twenty": 20.0,
}
_YEARS_RE = re.compile(
    r"(?<![\w.])(?P<num>\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|an?)\s*(?P<plus>\+|\s+plus|\s+or\s+more)?\s*(?P<unit>years?|yrs?|decades?)\b['’]?"
    r"(?P<tail>[^.;:!?]{0,90})",
    re.IGNORECASE,
)
_EXPERIENCE_WORDS = re.compile(
    r"^\s*(?:of\s+)?(?:(?:professional|hands-on|industry|relevant|combined|practical|progressive|total|"
    r"work|working|full-time|commercial)\s+)*(?:experience|career|expertise|work)\b",
    re.IGNORECASE,
)
_EMPLOYER_RE = re.compile(
    r"\b(?:(?:time|years?|tenure|role|work|internship|position)\s+at|while\s+at|(?:I|we)\s+(?:joined|worked\s+(?:at|for))|"
    r"(?:I|we)\s+(?:currently\s+)?work\s+(?:at|for)|(?i:as)\s+(?:an?\s+|the\s+)?[A-Za-z][\w\s/&-]{0,40}?\s+at)\s+"
    r"(?P<org>[A-Z][\w&.'’-]*(?:\s+(?!I\b)(?:&\s+)?[A-Z][\w&.'’-]*){0,4})"
)
_ORG_SUFFIX = re.compile(r"[\s,]+(?:inc|llc|ltd|limited|corp|corporation|co|gmbh|plc|s\.?a|ag|group)\.?$", re.I)


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim of the letter and what the resume shows for it.

    ``text == letter_text[claim_start:claim_end]`` (the claimed words) and ``sentence == letter_text[start:end]``.
    Evidence quotes index the resume text.
    """

    kind: ClaimKind
    text: str
    claim_start: int
    claim_end: int
    sentence: str
    start: int
    end: int
    status: ClaimStatus
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    skill_id: str | None = None
    skill_name: str | None = None
    value: float | None = None  # the number or the years claimed
    found: float | None = None  # the years the resume shows
    related: tuple[Evidence, ...] = ()  # for an unsupported skill: related skills the resume does show


@dataclass(frozen=True, slots=True)
class LetterTools:
    """The skills engine as the letter features use it (the same one :func:`matching.tailor` uses)."""

    extractor: SkillExtractor
    related: RelatedLookup | None
    skill_name: Callable[[str], str | None]
    skill_kind: Callable[[str], str | None]


def letter_tools(options: TailorOptions | None = None) -> LetterTools:
    """The extractor and related-skill lookup from ``options`` (fakes in tests), else the real taxonomy."""
    options = options or TailorOptions()
    if options.extractor is not None:
        return LetterTools(options.extractor, options.related, lambda _id: None, lambda _id: None)
    from matching.extract import extract_skills
    from matching.taxonomy import load_taxonomy

    taxonomy = options.taxonomy if options.taxonomy is not None else load_taxonomy()
    extra: list[Any] | None = list(options.extra_skills) or None

    def extractor(text: str) -> Sequence[SkillMention]:
        return extract_skills(text, extra_skills=extra, taxonomy=taxonomy)

    def related(skill_id: str) -> Sequence[str]:
        skill = taxonomy.get(skill_id)
        return skill.related if skill is not None else ()

    def name(skill_id: str) -> str | None:
        skill = taxonomy.get(skill_id)
        return skill.name if skill is not None else None

    def kind(skill_id: str) -> str | None:
        skill = taxonomy.get(skill_id)
        return skill.kind if skill is not None else None

    return LetterTools(extractor, options.related or related, name, kind)


def resume_analysis(
    resume: Resume, *, options: TailorOptions | None = None, report: TailoringReport | None = None
) -> ResumeAnalysis:
    """The resume's analysis, dated like ``report`` (its ``as_of``) so years agree with the report's."""
    options = options or TailorOptions()
    if options.as_of is None and report is not None:
        options = dataclasses.replace(options, as_of=date.fromisoformat(report.as_of))
    return prepare_resume(resume, options=options)


# --------------------------------------------------------------------------------------------------------------
# Where a claim is made


def _clause_bounds(sentence: str, at: int) -> tuple[int, int]:
    """The clause of ``sentence`` holding position ``at`` (relative offsets)."""
    start, end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return start, end


def _claimed_here(sentence: Sentence, rel_start: int) -> bool:
    """Is something at ``rel_start`` in this sentence claimed by the writer (not the job's words, not denied)?"""
    text = sentence.text
    if not sentence.list_item and not _FIRST_PERSON.search(text):
        return False
    c_start, _ = _clause_bounds(text, rel_start)
    before = text[c_start:rel_start]
    you = list(_YOU.finditer(before))
    if you and not _FIRST_PERSON.search(before[you[-1].end() :]):
        return False
    if _JOB_REFERENCE.search(before) or _NEGATION.search(before):
        return False
    # "I have not used it yet" after the mention in the same clause: still a denial of that clause.
    return not re.match(r"\s*(?:is|are)?\s*(?:not|never)\b", text[rel_start:])


def _spans_of(text: str, phrase: str | None) -> list[tuple[int, int]]:
    if not phrase or len(phrase.strip()) < 2:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(phrase.strip()), text, re.IGNORECASE)]


# --------------------------------------------------------------------------------------------------------------
# Evidence builders


def _unit_evidence(
    analysis: ResumeAnalysis, unit_index: int, match_start: int, match_end: int, *, confidence: float = 1.0
) -> Evidence:
    unit = analysis.units[unit_index]
    return unit_evidence(
        analysis,
        unit_index,
        match="exact",
        confidence=confidence * LOCATION_WEIGHTS[unit.location] * unit.recency,
        match_start=match_start,
        match_end=match_end,
    )


def _unit_at(analysis: ResumeAnalysis, start: int, end: int) -> int | None:
    best: int | None = None
    for i, unit in enumerate(analysis.units):
        if (
            unit.start <= start
            and end <= unit.end
            and (best is None or unit.end - unit.start < analysis.units[best].end - analysis.units[best].start)
        ):
            best = i
    return best


def _line_evidence(analysis: ResumeAnalysis, start: int, end: int, location: EvidenceLocation) -> Evidence:
    """Evidence for text outside every unit: the line that holds it."""
    text = analysis.resume.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    while line_start < line_end and text[line_start].isspace():
        line_start += 1
    while line_end > line_start and text[line_end - 1].isspace():
        line_end -= 1
    return Evidence(
        quote=text[line_start:line_end],
        start=line_start,
        end=line_end,
        location=location,
        match="exact",
        confidence=round(LOCATION_WEIGHTS[location], 3),
        match_start=start,
        match_end=end,
    )


def _evidence_at(analysis: ResumeAnalysis, start: int, end: int) -> Evidence:
    ui = _unit_at(analysis, start, end)
    if ui is not None:
        return _unit_evidence(analysis, ui, start, end)
    return _line_evidence(analysis, start, end, "other")


# --------------------------------------------------------------------------------------------------------------
# Resume facts indexed once per check


@dataclass(frozen=True, slots=True)
class _ResumeQuantity:
    quantity: Quantity
    start: int
    end: int
    noun: str | None


def _located_quantities(text: str, offset: int = 0) -> list[tuple[Quantity, int, int]]:
    """Quantities with their offsets (``find_quantities`` gives them in reading order, as written)."""
    out: list[tuple[Quantity, int, int]] = []
    pos = 0
    for q in find_quantities(text):
        at = text.find(q.raw, pos)
        if at < 0:
            at = text.find(q.raw)
            if at < 0:
                continue
        out.append((q, offset + at, offset + at + len(q.raw)))
        pos = at + len(q.raw)
    return out


def _noun(raw: str) -> str | None:
    """The counted thing of a count ('12 engineers' -> 'engineer')."""
    words = re.findall(r"[A-Za-z][A-Za-z-]*", raw)
    if not words or words[-1].lower() in ("x", "k", "m", "b", "bn", "mm", "times", "thousand", "million", "billion"):
        return None
    stems = content_words(words[-1])
    return stems[0] if stems else None


def _duration_unit(raw: str) -> str:
    m = re.search(r"(year|yr|month|mo|week|wk|day|hour|hr|minute|min|second|sec|millisecond|ms)", raw.lower())
    if not m:
        return ""
    unit = m.group(1)
    return {"yr": "year", "mo": "month", "wk": "week", "hr": "hour", "min": "minute", "sec": "second"}.get(unit, unit)


def _resume_quantities(analysis: ResumeAnalysis) -> list[_ResumeQuantity]:
    out = [
        _ResumeQuantity(q, s, e, _noun(q.raw) if q.kind == "count" else None)
        for q, s, e in _located_quantities(analysis.resume.text)
    ]
    return out


def _same_value(a: float | None, b: float | None, *, relative: float = 1e-6) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= relative * max(1.0, abs(a), abs(b))


def _years_statements(analysis: ResumeAnalysis, extractor: SkillExtractor) -> list[tuple[float, str | None, int, int]]:
    """Years the resume states itself ('10+ years of experience', '5 years of Python'): (years, skill, span)."""
    out: list[tuple[float, str | None, int, int]] = []
    text = analysis.resume.text
    for m in _YEARS_RE.finditer(text):
        years = _years_value(m)
        if years is None:
            continue
        skill = _years_subject(text, m, extractor)
        out.append((years, skill.skill_id if skill else None, m.start(), m.end("unit")))
    return out


def _years_value(m: re.Match[str]) -> float | None:
    raw = m.group("num").lower()
    value = _NUMBER_WORDS.get(raw)
    if value is None:
        try:
            value = float(raw)
        except ValueError:
            return None
    if m.group("unit").lower().startswith("decade"):
        value *= 10
    return value if 0 < value <= 60 else None


def _years_subject(text: str, m: re.Match[str], extractor: SkillExtractor) -> SkillMention | None:
    """The skill a years phrase is about ('8 years of Python', '8 years of experience with Python')."""
    tail = m.group("tail")
    tail_start = m.start("tail")
    cut = re.search(r"\b(?:and|at|for|where|who|which|including)\b|,", tail)
    scope = tail[: cut.start()] if cut else tail
    lead = _EXPERIENCE_WORDS.match(scope)
    if lead:
        after = re.match(r"\s*(?:in|with|using|of|as|building|developing|writing)\s+", scope[lead.end() :])
        if not after:
            return None
    mentions = [mm for mm in extractor(scope) if mm.start <= 50]
    if not mentions:
        return None
    first = min(mentions, key=lambda mm: mm.start)
    return SkillMention(
        start=tail_start + first.start,
        end=tail_start + first.end,
        surface=first.surface,
        name=first.name,
        skill_id=first.skill_id,
        kind=first.kind,
        esco_uri=first.esco_uri,
        esco_label=first.esco_label,
        match=first.match,
        confidence=first.confidence,
    )


# --------------------------------------------------------------------------------------------------------------
# The checks


class _Checker:
    def __init__(
        self,
        layout: LetterLayout,
        analysis: ResumeAnalysis,
        job: JobPosting | None,
        tools: LetterTools,
        extra_names: Sequence[str | None],
    ) -> None:
        self.layout = layout
        self.analysis = analysis
        self.tools = tools
        self.text = layout.text
        self.claims: list[Claim] = []
        self.job_quantities = (
            {(q.kind, q.value) for q, _, _ in _located_quantities(job.text)} if job is not None else set()
        )
        # Where the letter names the job or the company: skills inside those words are the job's, not claims.
        self.reserved: list[tuple[int, int]] = []
        for name in extra_names:
            self.reserved.extend(_spans_of(self.text, name))
        # Employers the resume names: "AI" in "Nexus AI" is the company's name, not a skill claimed.
        self.orgs = [span for r in analysis.resume.roles for span in _spans_of(self.text, r.organization)]
        self.mentions = sorted(tools.extractor(self.text), key=lambda m: (m.start, m.end))
        self._resume_q: list[_ResumeQuantity] | None = None
        self._years: list[tuple[float, str | None, int, int]] | None = None

    # -- helpers
    def _reserved(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.reserved)

    def _add(
        self,
        kind: ClaimKind,
        sentence: Sentence,
        c_start: int,
        c_end: int,
        status: ClaimStatus,
        explanation: str,
        **extra: object,
    ) -> None:
        self.claims.append(
            Claim(
                kind=kind,
                text=self.text[c_start:c_end],
                claim_start=c_start,
                claim_end=c_end,
                sentence=sentence.text,
                start=sentence.start,
                end=sentence.end,
                status=status,
                explanation=explanation,
                **extra,  # type: ignore[arg-type]
            )
        )

    # -- skills
    def skills(self, sentence: Sentence) -> None:
        seen: set[str] = set()
        for mention in self.mentions:
            if not (sentence.start <= mention.start and mention.end <= sentence.end):
                continue
            if self._reserved(mention.start, mention.end) or any(
                s <= mention.start and mention.end <= e for s, e in self.orgs
            ):
                continue
            if mention.skill_id in seen or not _claimed_here(sentence, mention.start - sentence.start):
                continue
            seen.add(mention.skill_id)
            self._check_skill(sentence, mention)

    def _check_skill(self, sentence: Sentence, mention: SkillMention) -> None:
        sid = mention.skill_id
        name = mention.name
        if sid in self.analysis.by_skill:
            proof = prove_skills(self.analysis, [sid], max_evidence=2)
            evidence = tuple(e for e in proof.evidence if e.match != "related")
            if not evidence:
                mi = self.analysis.by_skill[sid][0]
                m = self.analysis.mentions[mi]
                evidence = (_evidence_at(self.analysis, m.start, m.end),)
            where = {
                "skills_list": "only in your skills list",
                "summary": "in your summary",
                "headline": "in your headline",
            }.get(evidence[0].location, f"in {evidence[0].role}" if evidence[0].role else "in your resume")
            self._add(
                "skill",
                sentence,
                mention.start,
                mention.end,
                "backed",
                f"{name}: shown {where}.",
                evidence=evidence,
                skill_id=sid,
                skill_name=name,
            )
            return
        if mention.kind == "soft":
            return  # "team player" without proof is a wording problem, flagged by the phrase check
        related: tuple[Evidence, ...] = ()
        names: list[str] = []
        for other in self.analysis.related_to.get(sid, ()):
            if other in self.analysis.by_skill:
                proof = prove_skills(self.analysis, [other], max_evidence=1)
                related += proof.evidence[:1]
                names.append(self.analysis.mentions[self.analysis.by_skill[other][0]].name)
            if len(related) >= 2:
                break
        explanation = f"{name} is not in your resume."
        if names:
            explanation += f" It shows related experience with {', '.join(names)}: say that instead, truthfully."
        else:
            explanation += " If you have used it, add where and with what result to the resume; if not, drop it."
        self._add(
            "skill",
            sentence,
            mention.start,
            mention.end,
            "unsupported",
            explanation,
            skill_id=sid,
            skill_name=name,
            related=related,
        )

    # -- years
    def years(self, sentence: Sentence) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for m in _YEARS_RE.finditer(sentence.text):
            value = _years_value(m)
            if value is None or (
                m.group("num").lower() in ("a", "an") and not m.group("unit").lower().startswith("dec")
            ):
                continue
            if not _claimed_here(sentence, m.start()):
                continue
            tail = m.group("tail")
            if not (_EXPERIENCE_WORDS.match(tail) or re.match(r"\s*(?:of|in|with|as|working|using)\b", tail)):
                continue  # "3 years ago", "for two years running": not an experience claim
            subject = _years_subject(sentence.text, m, self.tools.extractor)
            start = sentence.start + m.start()
            end = sentence.start + (m.end("unit") if subject is None else subject.end)
            spans.append((start, end))
            self._check_years(sentence, start, end, value, subject)
        return spans

    def _check_years(
        self, sentence: Sentence, start: int, end: int, value: float, subject: SkillMention | None
    ) -> None:
        analysis = self.analysis
        if self._years is None:
            self._years = _years_statements(analysis, self.tools.extractor)
        sid = subject.skill_id if subject else None
        if sid is not None:
            months = analysis.skill_months.get(sid, 0)
            found = round(months / 12.0, 1)
            label = f"{value:g} years of {subject.name if subject else ''}"
        else:
            found = analysis.years_of_experience or 0.0
            label = f"{value:g} years of experience"
        stated = [s for s in self._years if s[1] == sid and s[0] >= value]
        if found >= value - YEARS_TOLERANCE or stated:
            evidence: tuple[Evidence, ...]
            if stated:
                evidence = (_evidence_at(analysis, stated[0][2], stated[0][3]),)
                how = "your resume states it"
            else:
                evidence = self._role_headers(sid)
                how = f"your dated roles{' that show it' if sid else ''} cover {found:g} years"
            self._add(
                "years",
                sentence,
                start,
                end,
                "backed",
                f"{label}: {how}.",
                evidence=evidence,
                skill_id=sid,
                skill_name=subject.name if subject else None,
                value=value,
                found=found,
            )
            return
        what = f"roles that show {subject.name}" if subject else "roles"
        self._add(
            "years",
            sentence,
            start,
            end,
            "unsupported",
            f"{label} claimed; your dated {what} cover {found:g} years. Say what the resume shows, or add the "
            "missing roles and dates to it.",
            evidence=self._role_headers(sid),
            skill_id=sid,
            skill_name=subject.name if subject else None,
            value=value,
            found=found,
        )

    def _role_headers(self, sid: str | None) -> tuple[Evidence, ...]:
        analysis = self.analysis
        roles: set[int] = set()
        if sid is not None:
            for mi in analysis.by_skill.get(sid, ()):
                ui = analysis.mention_units[mi]
                if ui >= 0 and analysis.units[ui].role_index is not None:
                    roles.add(analysis.units[ui].role_index)  # type: ignore[arg-type]
        out: list[Evidence] = []
        for ui, unit in enumerate(analysis.units):
            if unit.location == "role_header" and (sid is None or unit.role_index in roles):
                out.append(_unit_evidence(analysis, ui, unit.start, unit.end))
            if len(out) >= 3:
                break
        return tuple(out)

    # -- numbers
    def numbers(self, sentence: Sentence, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for q, s, e in _located_quantities(sentence.text, sentence.start):
            if any(a <= s < b for a, b in skip):
                continue
            if q.kind == "duration" and _duration_unit(q.raw) == "year":
                continue  # years are checked as years of experience
            if not _claimed_here(sentence, s - sentence.start):
                continue
            if (q.kind, q.value) in self.job_quantities and not self._in_resume(q) and _YOU.search(sentence.text):
                continue  # the job's own figure ("your team of 40"): quoted, not claimed
            spans.append((s, e))
            self._check_number(sentence, q, s, e)
        return spans

    def _in_resume(self, q: Quantity) -> bool:
        return any(r.quantity.kind == q.kind and _same_value(r.quantity.value, q.value) for r in self._rq())

    def _rq(self) -> list[_ResumeQuantity]:
        if self._resume_q is None:
            self._resume_q = _resume_quantities(self.analysis)
        return self._resume_q

    def _check_number(self, sentence: Sentence, q: Quantity, start: int, end: int) -> None:
        noun = _noun(q.raw) if q.kind == "count" else None
        unit = _duration_unit(q.raw) if q.kind == "duration" else ""
        tolerance = 0.01 if q.kind == "money" else 1e-6
        candidates: list[_ResumeQuantity] = []
        for r in self._rq():
            if r.quantity.kind != q.kind or not _same_value(r.quantity.value, q.value, relative=tolerance):
                continue
            if q.kind == "duration" and _duration_unit(r.quantity.raw) != unit:
                continue
            if noun and r.noun and r.noun != noun:
                ui = _unit_at(self.analysis, r.start, r.end)
                unit_words = content_words(self.analysis.unit_text(ui)) if ui is not None else ()
                if noun not in unit_words:
                    continue
            candidates.append(r)
        if candidates:
            best = max(candidates, key=lambda r: (self._location_rank(r.start, r.end), -r.start))
            self._add(
                "number",
                sentence,
                start,
                end,
                "backed",
                f"{q.raw.strip()}: the same figure is in your resume.",
                evidence=(_evidence_at(self.analysis, best.start, best.end),),
                value=q.value,
            )
            return
        self._add(
            "number",
            sentence,
            start,
            end,
            "unsupported",
            f"{q.raw.strip()}: no resume line has this figure. If it is true, add it to the bullet it belongs "
            "to; if you are not sure of it, use the figure your resume gives.",
            value=q.value,
        )

    def _location_rank(self, start: int, end: int) -> float:
        ui = _unit_at(self.analysis, start, end)
        return LOCATION_WEIGHTS[self.analysis.units[ui].location] if ui is not None else 0.0

    # -- degrees
    def degrees(self, sentence: Sentence) -> None:
        analysis = self.analysis
        for d in find_degrees(sentence.text, loose=True):
            if d.level == "high_school" or not _claimed_here(sentence, d.start):
                continue
            start, end = sentence.start + d.start, sentence.start + d.end
            spans = [(e.start, e.end) for e in analysis.resume.education if e.level == d.level]
            if not spans:  # a degree the parser did not file under education, but written in that section
                education_units = [u for u in analysis.units if u.location == "education"]
                spans = [
                    (r.start, r.end)
                    for r in find_degrees(analysis.resume.text, loose=True)
                    if r.level == d.level and any(u.start <= r.start < u.end for u in education_units)
                ]
            if spans:
                ev = _evidence_at(analysis, *spans[0])
                self._add("degree", sentence, start, end, "backed", f"{d.degree}: in your education.", evidence=(ev,))
            else:
                self._add(
                    "degree",
                    sentence,
                    start,
                    end,
                    "unsupported",
                    f"{d.degree}: your resume lists no {LEVELS_LABEL.get(d.level, d.level)} degree. If you hold "
                    "one, add it under Education.",
                )

    # -- employers
    def employers(self, sentence: Sentence, company: str | None) -> None:
        for m in _EMPLOYER_RE.finditer(sentence.text):
            written = m.group("org").rstrip(" .,'’")
            org = _ORG_SUFFIX.sub("", written).strip(" .,'’")
            if len(org) < 2 or not _claimed_here(sentence, m.start("org")):
                continue
            start = sentence.start + m.start("org")
            end = start + len(written)
            if self._reserved(start, end) or (company and normalize(org) == normalize(_ORG_SUFFIX.sub("", company))):
                continue
            if any(mm.start <= start < mm.end for mm in self.mentions):
                continue  # "experience at Python level" or a tool name: a skill, checked as one
            where = [s for s, _ in _spans_of(self.analysis.resume.text, org)]
            if where:
                ev = _evidence_at(self.analysis, where[0], where[0] + len(org))
                self._add("employer", sentence, start, end, "backed", f"{written}: in your resume.", evidence=(ev,))
            else:
                self._add(
                    "employer",
                    sentence,
                    start,
                    end,
                    "unsupported",
                    f"{written} is not in your resume. If you worked there, add the role; if this sentence came from "
                    "another letter, rewrite it for this application.",
                )

    # -- achievements
    def achievements(self, sentence: Sentence) -> None:
        """Each main past-tense verb ("I led ... and cut ...") is one claim, aligned with one resume line."""
        text = sentence.text
        found = {m.start() for m in _ACHIEVEMENT_RE.finditer(text)}
        found.update(m.start(1) for m in _SUBJECT_VERB_RE.finditer(text))
        if sentence.list_item and re.match(r"[A-Z][a-z]+ed\b", text):
            found.add(0)
        verbs: list[int] = []
        for at in sorted(found):
            if re.match(r"\w+\s+by\b", text[at:]) or not _claimed_here(sentence, at):
                continue  # "a round led by Sequoia": passive, not the writer's deed
            if re.search(r"\b(?:will|would|could|can|to|should|might|may)\s+(?:\w+\s+)?$", text[:at], re.I):
                continue  # "I would lead", "to build": an offer, not a deed
            if verbs and not re.search(r"(?:\band|[,;])\s+(?:(?:I|we)\s+)?(?:also\s+)?$", text[:at]):
                continue  # a verb inside the first one's object ("a service that reduced ..."): same claim
            verbs.append(at)
        for index, at in enumerate(verbs):
            _c_start, c_end = _clause_bounds(text, at)
            c_end = _extend_clause(text, at, c_end)
            if index + 1 < len(verbs):
                c_end = min(c_end, verbs[index + 1]) if c_end > at else verbs[index + 1]
            clause = re.sub(
                r"[\s,;:.!?]+(?:(?:and|or|but|while|so)(?:\s+(?:I|we))?(?:\s+also)?[\s,]*)?$", "", text[at:c_end]
            )
            clause = re.sub(r"\s+(?:and|or)(?:\s+(?:I|we))?(?:\s+also)?$", "", clause)
            start = sentence.start + at
            end = start + len(clause)
            proof = align_wording(self.analysis, clause, min_coverage=0.5)
            if proof.evidence:
                self._add(
                    "achievement",
                    sentence,
                    start,
                    end,
                    "backed",
                    f"Your resume says this too ({len(proof.matched)} of {len(proof.words)} key words in one line).",
                    evidence=proof.evidence,
                )
            elif len(proof.words) >= 2:
                self._add(
                    "achievement",
                    sentence,
                    start,
                    end,
                    "unsupported",
                    "No resume line says this. If it is true, add it to the role where it happened (with its "
                    "result); the letter should retell the resume, not add to it.",
                )


def _extend_clause(text: str, at: int, end: int) -> int:
    """An achievement clause runs to the sentence end unless a new first-person clause starts."""
    rest = text[end:]
    nxt = _FIRST_PERSON.search(rest)
    stop = end + (nxt.start() if nxt else len(rest))
    return max(end, min(len(text), stop)) if stop > at else end


LEVELS_LABEL = {level: level.replace("_", " ") for level in LEVELS}


def check_claims(
    layout: LetterLayout,
    analysis: ResumeAnalysis,
    *,
    tools: LetterTools,
    job: JobPosting | None = None,
    company: str | None = None,
    role: str | None = None,
) -> tuple[Claim, ...]:
    """Every claim of the letter's body, backed by a resume quote or marked unsupported, in reading order."""
    checker = _Checker(layout, analysis, job, tools, (role, company, job.title if job else None))
    for sentence in layout.sentences:
        taken = checker.years(sentence)
        checker.numbers(sentence, taken)
        checker.skills(sentence)
        checker.degrees(sentence)
        checker.employers(sentence, company or (job.company if job else None))
        checker.achievements(sentence)
    return tuple(sorted(checker.claims, key=lambda c: (c.claim_start, c.claim_end, c.kind)))
