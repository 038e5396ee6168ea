"""Drafting a cover letter from the resume's own facts: no language model, nothing invented.

:func:`draft_cover_letter` takes the tailoring report's evidence map and writes:

* an opening that names the role and the company, and the writer's current (or latest) role as the resume
  gives it, with the years of experience its dated roles add up to;
* one sentence per strong match (two or three of the job's requirements the resume shows best), each retelling
  the best resume bullet for it in the bullet's own words ("At Nexus AI, I built ...");
* only when asked (``mention_gap``), one honest line on a gap: "I have not used Kubernetes in production
  yet; the closest experience I can offer is my work with Docker ..." — an offer, never a claim;
* a close that asks for a conversation, and a sign-off.

Templates come in three tones (formal, warm, concise) with several variants each; the variant is chosen by a
stable hash of the job title and company, so the same inputs always give the same letter. Every sentence
carries the resume evidence it rests on, and passing a draft back through
:func:`matching.letters.review_cover_letter` finds no unsupported claim.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from matching.claims import LetterTools, letter_tools, resume_analysis
from matching.evidence import ResumeAnalysis, align_wording, prove_skills
from matching.letter_text import word_count
from matching.letters import IDEAL_WORDS, job_title_and_company
from matching.plain import to_plain
from matching.report import Evidence, Gap, RequirementMatch, TailoringReport
from matching.tailor import TailorOptions, tailor
from parsers.degrees import find_degrees
from parsers.models import JobPosting, Resume, Role
from parsers.quantities import find_quantities

__all__ = [
    "CoverLetterDraft",
    "DraftOptions",
    "DraftParagraph",
    "DraftSentence",
    "Tone",
    "draft_cover_letter",
]

Tone = Literal["formal", "warm", "concise"]
SentenceRole = Literal["opening", "evidence", "gap", "close"]
TONES: tuple[Tone, ...] = ("formal", "warm", "concise")
POINTS = {"formal": 3, "warm": 3, "concise": 2}
MAX_BULLET_CHARS = 320

_PAST_IRREGULAR = frozenset(
    [
        "built",
        "led",
        "ran",
        "grew",
        "won",
        "cut",
        "drove",
        "oversaw",
        "wrote",
        "taught",
        "made",
        "set",
        "took",
        "brought",
        "began",
        "kept",
        "held",
        "sold",
        "spoke",
        "found",
        "gave",
        "chose",
        "rebuilt",
        "rewrote",
        "shipped",
    ]
)
_INTRANSITIVE = frozenset(
    [
        "worked",
        "collaborated",
        "contributed",
        "participated",
        "served",
        "partnered",
        "specialized",
        "specialised",
        "consulted",
        "volunteered",
        "interned",
        "assisted",
        "presented",
        "spoke",
        "competed",
        "transitioned",
        "moved",
        "pivoted",
        "focused",
        "focussed",
    ]
)
_BASE_VERBS = frozenset(
    [
        "build",
        "lead",
        "run",
        "grow",
        "manage",
        "develop",
        "design",
        "create",
        "implement",
        "deliver",
        "launch",
        "own",
        "drive",
        "maintain",
        "support",
        "analyse",
        "analyze",
        "coordinate",
        "oversee",
        "write",
        "teach",
        "mentor",
        "train",
        "plan",
        "automate",
        "optimise",
        "optimize",
        "migrate",
        "improve",
        "reduce",
        "increase",
        "deploy",
        "test",
        "research",
        "prepare",
        "provide",
        "perform",
        "conduct",
        "establish",
        "define",
        "architect",
        "engineer",
        "operate",
        "administer",
        "negotiate",
        "sell",
        "present",
        "publish",
        "organise",
        "organize",
        "handle",
        "review",
        "monitor",
        "collaborate",
        "partner",
    ]
)


@dataclass(frozen=True, slots=True)
class DraftOptions:
    """What the writer chooses: the company's name as they want it, whom to greet, the tone, a gap line."""

    company: str | None = None  # None = the job's company
    hiring_manager: str | None = None  # "Ms. Rivera"; None = "Dear Hiring Manager,"
    tone: Tone = "formal"
    mention_gap: bool = False
    letter_date: date | None = None  # the date line; None = the report's as_of date


@dataclass(frozen=True, slots=True)
class DraftSentence:
    """One sentence of the draft: ``text == draft.text[start:end]``; ``evidence`` quotes the resume."""

    text: str
    start: int
    end: int
    role: SentenceRole
    evidence: tuple[Evidence, ...] = ()
    requirement: str | None = None  # the job's line it answers: job.text[requirement_start:requirement_end]
    requirement_start: int | None = None
    requirement_end: int | None = None


@dataclass(frozen=True, slots=True)
class DraftParagraph:
    role: SentenceRole
    text: str
    start: int
    end: int
    sentences: tuple[DraftSentence, ...]


@dataclass(frozen=True, slots=True)
class CoverLetterDraft:
    """A letter ready to edit: ``text`` is the whole letter; paragraphs and sentences index it."""

    text: str
    sender: tuple[str, ...]  # name, then contact lines, from the resume
    date: str
    greeting: str
    paragraphs: tuple[DraftParagraph, ...]
    sign_off: str
    signature: str | None
    tone: Tone
    variant: int
    company: str | None
    job_title: str | None
    word_count: int  # body words (greeting to sign-off, exclusive)
    requirements_used: tuple[str, ...]
    gap_mentioned: str | None
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (lists, not tuples) with keys in field order."""
        return dict(to_plain(self))


# --------------------------------------------------------------------------------------------------------------
# Templates. {title}, {company}, {role}, {org}, {years} are filled in; variants are picked by a stable hash.

_OPENINGS: dict[Tone, tuple[str, ...]] = {
    "formal": (
        "I am applying for the {title} position at {company}.",
        "Please accept this letter as my application for the {title} role at {company}.",
        "I would like to be considered for the {title} position at {company}.",
    ),
    "warm": (
        "I was glad to see the {title} opening at {company}, and I am applying for it.",
        "I am excited to apply for the {title} role at {company}.",
        "The {title} role at {company} matches the work I do best, and I am applying for it.",
    ),
    "concise": (
        "I am applying for the {title} role at {company}.",
        "Please consider me for the {title} role at {company}.",
    ),
}
_CURRENT: dict[Tone, tuple[str, ...]] = {
    "formal": ("I currently work as {a_role} at {org}", "In my current role, I work as {a_role} at {org}"),
    "warm": ("Right now I work as {a_role} at {org}", "I currently work as {a_role} at {org}"),
    "concise": ("I currently work as {a_role} at {org}",),
}
_LATEST: dict[Tone, tuple[str, ...]] = {
    "formal": ("Most recently, I worked as {a_role} at {org}", "My most recent role was {role} at {org}"),
    "warm": ("Most recently, I worked as {a_role} at {org}",),
    "concise": ("Most recently, I worked as {a_role} at {org}",),
}
_YEARS_TAIL = ", with {years} years of experience in total."
_LEAD_IN: dict[Tone, tuple[str, ...]] = {
    "formal": ("The role calls for {need}.", "The posting asks for {need}.", "You are looking for {need}."),
    "warm": ("You are looking for {need}.", "The posting asks for {need}."),
    "concise": ("",),
}
_EVIDENCE: dict[Tone, tuple[str, ...]] = {
    "formal": ("As {a_role} at {org}, I {bullet}", "In my role as {role} at {org}, I {bullet}", "At {org}, I {bullet}"),
    "warm": ("At {org}, I {bullet}", "In my time as {a_role} at {org}, I {bullet}"),
    "concise": ("At {org}, I {bullet}",),
}
_PROJECT = "On my project {project}, I {bullet}"
_NO_ORG = "In my work, I {bullet}"
_HARD_KINDS = ("tool", "programming_language", "certification", "language")
_GAP: dict[str, str] = {
    "tool": "I have not used {skill} in production yet",
    "programming_language": "I have not used {skill} in production yet",
    "certification": "I do not hold the {skill} certification yet",
    "language": "I do not yet speak {skill} at a professional level",
    "knowledge": "I have not worked with {skill} professionally yet",
    "soft": "I have not had a formal role built around {skill} yet",
}
_GAP_BRIDGE = (
    "; the closest experience I can offer is my work with {related}, and I would welcome the chance to build on it."
)
_GAP_OPEN = "; I would be glad to talk about how I would get up to speed."
_CLOSES: dict[Tone, tuple[str, ...]] = {
    "formal": (
        "I would welcome the opportunity to discuss how my experience could support {company}. Thank you for "
        "your time and consideration.",
        "I would be glad to discuss in an interview how I could contribute to {company}. Thank you for "
        "considering my application.",
    ),
    "warm": (
        "I would love to talk about how I could contribute to {company}. Thank you for reading my application, "
        "and I look forward to hearing from you.",
        "I would welcome a conversation about the role and your team's plans. Thank you for your time.",
    ),
    "concise": (
        "I would welcome a conversation about the role. Thank you for your time.",
        "I would be glad to discuss the role in an interview. Thank you for your time.",
    ),
}
_SIGN_OFFS: dict[Tone, tuple[str, ...]] = {
    "formal": ("Sincerely,", "Yours sincerely,"),
    "warm": ("Warm regards,", "Kind regards,"),
    "concise": ("Best regards,",),
}


def _variant(key: str, slot: str, n: int) -> int:
    digest = hashlib.sha256(f"{slot}\x1f{key}".encode()).hexdigest()
    return int(digest[:12], 16) % n


# --------------------------------------------------------------------------------------------------------------
# Choosing what to say


@dataclass(frozen=True, slots=True)
class _Point:
    evidence: Evidence
    match: RequirementMatch | None
    names: tuple[str, ...]
    more: Evidence | None = None  # a second bullet for the same requirement


MIN_EVIDENCE_CONFIDENCE = 0.45
LOOSE_WORDING = 0.34  # coverage at which a requirement line with no named skill may borrow a bullet


def _quantified(text: str) -> bool:
    return bool(find_quantities(text))


def _evidence_rank(ev: Evidence, match: RequirementMatch | None) -> float:
    rank = ev.confidence + (0.3 if _quantified(ev.quote) else 0.0)
    if match is not None and match.kind == "required":
        rank += 0.2
    return rank


def _shown_names(match: RequirementMatch, ev: Evidence, analysis: ResumeAnalysis) -> tuple[str, ...]:
    names: list[str] = []
    for check in match.skills:
        if check.status == "missing" or check.kind == "soft":
            continue
        ids = [sid for sid in check.skill_ids if sid in analysis.by_skill]
        if not ids:
            continue
        inside = any(e.start == ev.start and e.match != "related" for e in check.evidence)
        if inside:
            mention = analysis.mentions[analysis.by_skill[ids[0]][0]]
            names.append(mention.name if len(check.skill_ids) > 1 else check.name)
    return tuple(dict.fromkeys(names))


def _candidates(match: RequirementMatch, used: set[int]) -> list[Evidence]:
    found = [e for c in match.skills for e in c.evidence if e.match != "related"] + list(match.evidence)
    return [
        e
        for e in found
        if e.location in ("bullet", "project") and e.start not in used and e.confidence >= MIN_EVIDENCE_CONFIDENCE
    ]


def _pick_points(report: TailoringReport, analysis: ResumeAnalysis, n: int, *, seconds: bool) -> list[_Point]:
    rank = {"required": 0, "preferred": 1, "other": 2}
    lines = [m for m in report.requirements if m.category != "education"]
    lines.sort(key=lambda m: (rank[m.kind], -m.credit, m.start))
    used: set[int] = set()
    points: list[_Point] = []
    chosen: set[int] = set()
    for match in lines:
        if match.status == "missing" or len(points) >= n:
            continue
        candidates = _candidates(match, used)
        if not candidates:
            continue
        best = max(candidates, key=lambda e: (_evidence_rank(e, match), -e.start))
        used.add(best.start)
        chosen.add(match.start)
        points.append(_Point(best, match, _shown_names(match, best, analysis)))
    # Lines the report could not tie to a bullet: the bullet sharing most of their words, if it shares enough.
    for match in lines:
        if len(points) >= n or match.start in chosen or match.skills:
            continue
        proof = align_wording(analysis, match.text, min_coverage=LOOSE_WORDING)
        ev = proof.evidence[0] if proof.evidence else None
        if ev is None or ev.location not in ("bullet", "project") or ev.start in used or len(proof.matched) < 2:
            continue
        used.add(ev.start)
        chosen.add(match.start)
        points.append(_Point(ev, match, ()))
    # Still short: the resume's own strongest bullets (with a number first), recent first.
    extra = [
        u
        for u in analysis.units
        if u.location in ("bullet", "project")
        and u.start not in used
        and (_quantified(analysis.resume.text[u.start : u.end]) or _retellable(analysis.resume.text[u.start : u.end]))
    ]
    extra.sort(
        key=lambda u: (
            not _quantified(analysis.resume.text[u.start : u.end]),
            -u.recency,
            u.location != "bullet",
            u.role_index if u.role_index is not None else 99,
            u.position,
        )
    )
    for unit in extra[: max(0, n - len(points))]:
        used.add(unit.start)
        ev = Evidence(
            quote=analysis.resume.text[unit.start : unit.end],
            start=unit.start,
            end=unit.end,
            location=unit.location,
            match="keyword",
            confidence=round(unit.recency, 3),
            match_start=unit.start,
            match_end=unit.end,
            role=analysis.role_label(unit.role_index),
            recency=round(unit.recency, 3),
        )
        points.append(_Point(ev, None, ()))
    if seconds:
        with_more: list[_Point] = []
        for point in points:
            more = None
            if point.match is not None:
                rest = [e for e in _candidates(point.match, used) if _retellable(e.quote)]
                if rest:
                    more = max(rest, key=lambda e: (_evidence_rank(e, point.match), -e.start))
                    used.add(more.start)
            with_more.append(dataclasses.replace(point, more=more))
        points = with_more
    return points


def _role_of(resume: Resume, start: int) -> Role | None:
    for role in resume.roles:
        if role.start <= start < role.end:
            return role
    return None


def _clean_bullet(quote: str) -> str:
    text = " ".join(quote.split())
    text = re.sub(r"^[•●▪■◦‣∙·*\-–]\s*", "", text)
    if len(text) > MAX_BULLET_CHARS:
        cut = [m.end() for m in re.finditer(r"[.;](?=\s)", text) if m.end() <= MAX_BULLET_CHARS]
        if cut:
            text = text[: cut[-1]]
    return text.rstrip(" .;,:")


def _as_clause(bullet: str, *, current: bool = False) -> str | None:
    """The bullet as what follows 'I ...' ("Built X" -> "built X"), or None if it does not start with a verb."""
    m = re.match(r"([A-Za-z]+)(.*)$", bullet, re.DOTALL)
    if not m:
        return None
    word, rest = m.group(1), m.group(2)
    low = word.lower()
    if low == "i":
        return rest.lstrip()
    if word[1:] and not word[1:].islower():
        return None
    duty = re.match(r"(?:responsible|accountable)\s+for\b|in\s+charge\s+of\b", bullet, re.IGNORECASE)
    if duty:
        return ("am " if current else "was ") + bullet[0].lower() + bullet[1:]
    is_verb = low in _PAST_IRREGULAR or low in _BASE_VERBS or (low.endswith("ed") and len(low) > 4)
    if not is_verb:
        return None
    passive = re.match(r"\s+(?:by|in|as|for|to|on|at|into|among|from)\b", rest)
    if passive and low.endswith("ed") and low not in _INTRANSITIVE:
        return None  # "Featured in ...", "Adopted by ...": not something the writer did
    return low + rest


def _retellable(quote: str) -> bool:
    bullet = _clean_bullet(quote)
    return _as_clause(bullet) is not None or _as_gerund(bullet) is not None


def _as_gerund(bullet: str) -> str | None:
    """'Enhancing and maintaining X' -> 'enhancing and maintaining X' (to follow 'my work included')."""
    m = re.match(r"([A-Z][a-z]{2,}ing)\b", bullet)
    return bullet[0].lower() + bullet[1:] if m else None


_ACRONYMS = frozenset(
    {
        *("CEO", "CTO", "CFO", "COO", "CIO", "CMO", "VP", "SVP", "EVP", "AWS", "SQL", "PHP", "API", "SRE", "QA"),
        *("UX", "UI", "HR", "IT", "ML", "AI", "BI", "GIS", "ERP", "CRM", "SAP", "NLP", "R&D", "PMO", "ETL", "SEO"),
    }
)


def _with_article(role: str) -> str:
    """'Software Engineer' -> 'a Software Engineer'; 'Engineer' -> 'an Engineer'; 'the Head of X' stays."""
    first = role.split(" ", 1)[0].lower()
    if first in {"a", "an", "the"}:
        return role
    return ("an " if first[:1] in "aeiou" and not first.startswith(("uni", "use", "eu")) else "a ") + role


def _display(name: str) -> str:
    """'DATA ENGINEER' -> 'Data Engineer' (short all-capital words such as 'IT' or 'CTO' stay)."""
    name = " ".join(name.split())
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 5 or not all(c.isupper() for c in letters):
        return name
    small = {"of", "and", "at", "for", "the", "in", "to", "on", "a", "an", "&"}
    words = []
    for i, word in enumerate(name.split(" ")):
        low = word.lower()
        if i > 0 and low in small:
            words.append(low)
        elif len(word) <= 2 or word.strip("()/,.") in _ACRONYMS:
            words.append(word)
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _need(match: RequirementMatch | None, names: Sequence[str]) -> str | None:
    if match is None:
        return None
    if names:
        return _join(names)
    words = " ".join(match.text.split()).rstrip(".;:")
    if not words or len(words.split()) > 12:
        return None
    return (
        words[0].lower() + words[1:] if words[:2].istitle() or (words[:1].isupper() and words[1:2].islower()) else words
    )


def _evidence_sentence(
    tone: Tone,
    key: str,
    index: int,
    evidence: Evidence,
    resume: Resume,
    previous: Role | None,
    seen: set[int] | None = None,
) -> tuple[str, Role | None]:
    """The bullet retold in the first person, with where it happened; and the role it belongs to."""
    bullet = _clean_bullet(evidence.quote)
    role = _role_of(resume, evidence.start)
    current = role is not None and role.end_date is not None and role.end_date.iso == "present"
    clause = _as_clause(bullet, current=current)
    gerund = None if clause else _as_gerund(bullet)
    title = _display(role.title or "") if role and _plausible_name(role.title) else None
    org = _display(role.organization or "") if role and _plausible_name(role.organization) else None
    project = role is not None and role.section == "projects" and bool(title or org)
    work = f"my project {title or org}" if project else (f"my work at {org}" if org else "my work")
    verb = "includes" if current else "included"
    if role is not None and previous is role:
        if clause:
            return f"In the same role, I {clause}.", role
        if gerund:
            return f"There, my work also {verb} {gerund}.", role
        return f"Another example from the same role: {bullet}.", role
    if role is not None and seen is not None and id(role) in seen and org and clause and not project:
        return f"Also at {org}, I {clause}.", role
    if gerund:
        return f"{work[0].upper()}{work[1:]} {verb} {gerund}.", role
    if clause is None:
        return f"One example from {work}: {bullet}.", role
    if project:
        return _PROJECT.format(project=title or org, bullet=clause) + ".", role
    if org:
        options = _EVIDENCE[tone] if title else ("At {org}, I {bullet}",)
        template = options[(_variant(key, "evidence", len(options)) + index) % len(options)]
        return template.format(
            role=title, a_role=_with_article(title) if title else title, org=org, bullet=clause
        ) + ".", role
    return _NO_ORG.format(bullet=clause) + ".", role


def _also_skills(
    report: TailoringReport, analysis: ResumeAnalysis, written: str
) -> tuple[str, tuple[Evidence, ...]] | None:
    """'My experience also includes A, B and C.' for met skills the letter has not named yet."""
    names: list[str] = []
    evidence: list[Evidence] = []
    low = written.lower()
    for check in (c for m in report.requirements for c in m.skills):
        if check.status != "met" or check.kind == "soft" or len(check.skill_ids) != 1:
            continue
        if check.skill_ids[0] not in analysis.by_skill or check.name.lower() in low or check.name in names:
            continue
        direct = [
            e for e in check.evidence if e.match != "related" and e.location in ("bullet", "project", "role_header")
        ]
        if not direct:
            continue
        names.append(check.name)
        evidence.append(direct[0])
        if len(names) >= 4:
            break
    if len(names) < 2:
        return None
    return f"My experience also includes {_join(names)}.", tuple(evidence)


def _plausible_name(text: str | None) -> bool:
    """A role title or organisation that reads as one (not a degree, a date or a sentence the parser mis-filed)."""
    if not text or not re.search(r"[A-Za-z]{2}", text) or len(text.split()) > 8 or len(text) > 80:
        return False
    return not find_degrees(text, loose=True) and not re.search(r"\b(?:19|20)\d\d\b", text)


def _latest_role(resume: Resume) -> Role | None:
    work = [
        r
        for r in resume.roles
        if r.section not in ("projects", "education") and _plausible_name(r.title) and _plausible_name(r.organization)
    ]
    if not work:
        return None

    def end_key(role: Role) -> str:
        iso = role.end_date.iso if role.end_date else (role.start_date.iso if role.start_date else "")
        return "9999" if iso == "present" else iso

    return max(work, key=lambda r: (end_key(r), -resume.roles.index(r)))


def _gap_line(
    report: TailoringReport, analysis: ResumeAnalysis, tools: LetterTools
) -> tuple[str, Gap, tuple[Evidence, ...]] | None:
    kinds = {sid: c.kind for m in report.requirements for c in m.skills for sid in c.skill_ids}
    kinds.update({sid: c.kind for c in report.keywords for sid in c.skill_ids})
    candidates: list[tuple[int, int, Gap, str]] = []
    for order, gap in enumerate(report.gaps):
        if gap.skill_id is None or gap.reason not in ("missing", "only_related_skill") or gap.kind == "other":
            continue
        if gap.broad:  # "data storage" is likely just unnamed in the resume: a letter does not confess it
            continue
        if gap.skill_id in analysis.by_skill:
            continue
        kind = kinds.get(gap.skill_id) or tools.skill_kind(gap.skill_id) or "knowledge"
        if kind == "soft":
            continue
        # A named tool, language or certification is a clear gap; a broad area ("software design") is more
        # likely just unnamed in the resume, so it comes last.
        candidates.append((0 if kind in _HARD_KINDS else 1, order, gap, kind))
    for _, _, gap, kind in sorted(candidates, key=lambda c: (c[0], c[1])):
        line = _GAP.get(kind, _GAP["knowledge"]).format(skill=gap.label)
        related = [sid for sid in analysis.related_to.get(gap.skill_id or "", ()) if sid in analysis.by_skill]
        if related:
            names = [analysis.mentions[analysis.by_skill[sid][0]].name for sid in related[:2]]
            evidence = tuple(e for sid in related[:2] for e in prove_skills(analysis, [sid], max_evidence=1).evidence)
            return line + _GAP_BRIDGE.format(related=_join(names)), gap, evidence
        return line + _GAP_OPEN, gap, ()
    return None


# --------------------------------------------------------------------------------------------------------------
# Assembly


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def line(self, text: str = "") -> tuple[int, int]:
        start = self.pos
        self.parts.append(text + "\n")
        self.pos += len(text) + 1
        return start, start + len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _paragraph(
    writer: _Writer,
    role: SentenceRole,
    sentences: Sequence[tuple[str, tuple[Evidence, ...], RequirementMatch | None]],
) -> DraftParagraph:
    kept = [(t.strip(), e, m) for t, e, m in sentences if t.strip()]
    body = " ".join(t for t, _, _ in kept)
    start, end = writer.line(body)
    writer.line()
    out: list[DraftSentence] = []
    pos = start
    for text, evidence, match in kept:
        out.append(
            DraftSentence(
                text=text,
                start=pos,
                end=pos + len(text),
                role=role,
                evidence=evidence,
                requirement=match.text if match else None,
                requirement_start=match.start if match else None,
                requirement_end=match.end if match else None,
            )
        )
        pos += len(text) + 1
    return DraftParagraph(role, body, start, end, tuple(out))


def _format_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def draft_cover_letter(
    resume: Resume,
    job: JobPosting,
    *,
    report: TailoringReport | None = None,
    draft: DraftOptions | None = None,
    options: TailorOptions | None = None,
    analysis: ResumeAnalysis | None = None,
    tools: LetterTools | None = None,
) -> CoverLetterDraft:
    """A cover letter for ``job`` built only from what ``resume`` shows (see the module docstring)."""
    draft = draft or DraftOptions()
    if draft.tone not in TONES:
        raise ValueError(f"tone must be one of {', '.join(TONES)}")
    options = options or TailorOptions()
    if analysis is None:
        analysis = resume_analysis(resume, options=options, report=report)
    if report is None:
        report = tailor(resume, job, options=options, analysis=analysis)
    tools = tools or letter_tools(options)
    tone = draft.tone
    title, job_company = job_title_and_company(job)
    company = (draft.company or job_company or "").strip() or None
    key = f"{title or ''}\x1f{company or ''}".lower()
    notes: list[str] = []

    writer = _Writer()
    contact = resume.contact
    sender: list[str] = []
    if contact.name:
        sender.append(contact.name)
    else:
        notes.append("No name was found in the resume: add yours at the top and under the sign-off.")
    details = " · ".join(x for x in (contact.email, contact.phone, contact.location) if x)
    if details:
        sender.append(details)
    links = " · ".join(link.url for link in contact.links[:2])
    if links:
        sender.append(links)
    for line in sender:
        writer.line(line)
    if sender:
        writer.line()
    day = draft.letter_date or date.fromisoformat(report.as_of)
    date_text = _format_date(day)
    writer.line(date_text)
    writer.line()
    manager = (draft.hiring_manager or "").strip()
    manager = re.sub(r"^dear\s+", "", manager, flags=re.IGNORECASE).rstrip(",:")
    greeting = f"Dear {manager}," if manager else "Dear Hiring Manager,"
    if not manager:
        notes.append("Greet the hiring manager by name if you can find it (the ad, the company site, LinkedIn).")
    writer.line(greeting)
    writer.line()

    paragraphs: list[DraftParagraph] = []
    # Opening: the role, then the writer's current or latest role and total years.
    opening = _OPENINGS[tone][_variant(key, "opening", len(_OPENINGS[tone]))].format(
        title=title or "advertised", company=company or "your organisation"
    )
    if title is None:
        notes.append("The job's title was not found: check the opening sentence names the role.")
    if company is None:
        notes.append("The company's name was not found: pass it as 'company' or edit the opening.")
    first: list[tuple[str, tuple[Evidence, ...], RequirementMatch | None]] = [(opening, (), None)]
    latest = _latest_role(resume)
    if latest is not None and latest.title and latest.organization:  # both plausible names
        current = latest.end_date is not None and latest.end_date.iso == "present"
        templates = _CURRENT[tone] if current else _LATEST[tone]
        role = _display(latest.title)
        bio = templates[_variant(key, "bio", len(templates))].format(
            role=role, a_role=_with_article(role), org=_display(latest.organization)
        )
        years = analysis.years_of_experience
        header = tuple(_header_evidence(analysis, i) for i, r in enumerate(resume.roles) if r is latest)
        if years is not None and years >= 2 and tone != "concise":
            bio += _YEARS_TAIL.format(years=math.floor(years))
        else:
            bio += "."
        first.append((bio, header, None))
    paragraphs.append(_paragraph(writer, "opening", first))

    # Evidence: the strongest matches, each with its best bullet in its own words.
    points = _pick_points(report, analysis, POINTS[tone], seconds=tone != "concise")
    if not points:
        notes.append(
            "No resume bullet matched the job, so the letter has no evidence paragraph. Add results to your "
            "resume first."
        )
    elif all(p.match is None for p in points):
        notes.append(
            "None of the job's requirements matched a resume bullet, so the examples are your strongest results in "
            "general: check that they fit this job, or tailor the resume first."
        )
    evidence_sentences: list[tuple[str, tuple[Evidence, ...], RequirementMatch | None]] = []
    previous: Role | None = None
    seen_roles: set[int] = set()
    for index, point in enumerate(points):
        need = _need(point.match, point.names)
        lead_options = _LEAD_IN[tone]
        lead = lead_options[(_variant(key, "lead", len(lead_options)) + index) % len(lead_options)]
        if need and lead:
            evidence_sentences.append((lead.format(need=need), (), point.match))
        sentence, previous = _evidence_sentence(tone, key, index, point.evidence, resume, previous, seen_roles)
        evidence_sentences.append((sentence, (point.evidence,), point.match))
        if previous is not None:
            seen_roles.add(id(previous))
        if point.more is not None:
            sentence, previous = _evidence_sentence(tone, key, index + 10, point.more, resume, previous, seen_roles)
            evidence_sentences.append((sentence, (point.more,), point.match))
            if previous is not None:
                seen_roles.add(id(previous))
    if tone != "concise":
        also = _also_skills(report, analysis, " ".join(t for t, _, _ in evidence_sentences))
        if also is not None:
            evidence_sentences.append((also[0], also[1], None))
    if evidence_sentences:
        paragraphs.append(_paragraph(writer, "evidence", evidence_sentences))

    gap_name: str | None = None
    if draft.mention_gap:
        found = _gap_line(report, analysis, tools)
        if found is not None:
            line, gap, evidence = found
            gap_name = gap.label
            paragraphs.append(_paragraph(writer, "gap", [(line, evidence, None)]))
            notes.append(
                f"The gap paragraph says you have not used {gap.label}, because your resume does not show it. If "
                "you have used it, delete that paragraph and add where you used it to your resume."
            )
        else:
            notes.append("No gap to mention: the resume shows every skill the job names.")

    close = _CLOSES[tone][_variant(key, "close", len(_CLOSES[tone]))].format(company=company or "your team")
    close_sentences: list[tuple[str, tuple[Evidence, ...], RequirementMatch | None]] = [
        (s, (), None) for s in re.split(r"(?<=\.)\s+(?=[A-Z])", close)
    ]
    paragraphs.append(_paragraph(writer, "close", close_sentences))

    sign_offs = _SIGN_OFFS[tone]
    sign_off = sign_offs[_variant(key, "sign_off", len(sign_offs))]
    writer.line(sign_off)
    signature = contact.name
    writer.line(signature or "[Your name]")
    text = writer.text

    words = sum(word_count(p.text) for p in paragraphs)
    if words < IDEAL_WORDS[0] and tone != "concise":
        notes.append(
            f"The draft has {words} words, built only from your resume; a full letter runs {IDEAL_WORDS[0]}–"
            f"{IDEAL_WORDS[1]}. The rest should be yours: why this company, and what you would like to do there."
        )
    used = tuple(p.match.text for p in points if p.match is not None)
    return CoverLetterDraft(
        text=text,
        sender=tuple(sender),
        date=date_text,
        greeting=greeting,
        paragraphs=tuple(paragraphs),
        sign_off=sign_off,
        signature=signature,
        tone=tone,
        variant=_variant(key, "opening", len(_OPENINGS[tone])),
        company=company,
        job_title=title,
        word_count=words,
        requirements_used=used,
        gap_mentioned=gap_name,
        notes=tuple(notes),
    )


def _header_evidence(analysis: ResumeAnalysis, role_index: int) -> Evidence:
    for unit in analysis.units:
        if unit.role_index == role_index and unit.location == "role_header":
            return Evidence(
                quote=analysis.resume.text[unit.start : unit.end],
                start=unit.start,
                end=unit.end,
                location="role_header",
                match="exact",
                confidence=0.85,
                match_start=unit.start,
                match_end=unit.end,
                role=analysis.role_label(role_index),
                recency=round(unit.recency, 3),
            )
    role = analysis.resume.roles[role_index]
    return Evidence(
        quote=analysis.resume.text[role.start : role.end],
        start=role.start,
        end=role.end,
        location="role_header",
        match="exact",
        confidence=0.85,
        match_start=role.start,
        match_end=role.end,
        role=analysis.role_label(role_index),
    )
