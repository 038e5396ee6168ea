"""Reviewing a cover letter against the job and the resume: what it covers, what it claims, how it reads.

:func:`review_cover_letter` answers, for one letter:

* which of the job's top requirements it addresses, each with the sentence that does (or none);
* whether it names the company and the role, how it greets the reader ("To whom it may concern" and
  "Dear Sir or Madam" are flagged; a named person is best), how long it is (about 250–400 words reads well)
  and whether it has an opening, a paragraph of evidence and a close that asks for a conversation;
* every claim it makes (skills, numbers, years, achievements, degrees, employers), each backed by a resume
  quote or listed under ``unsupported_claims`` (see :mod:`matching.claims`);
* generic or hedging phrases ("I believe I would be a great fit", "passionate", "team player") that stand
  without evidence in the same sentence;
* a 0–100 score with its breakdown, and suggestions, each quoting the letter sentence it concerns.

Offsets: everything about the letter indexes ``CoverLetterReview.letter_text``; evidence indexes the resume
text; requirement spans index the job text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from matching.claims import Claim, LetterTools, check_claims, letter_tools, resume_analysis
from matching.evidence import ResumeAnalysis, content_words
from matching.letter_text import LetterLayout, Sentence, segment_letter, word_count
from matching.normalize import normalize
from matching.plain import to_plain
from matching.report import Evidence, ItemKind, RequirementMatch, Status, TailoringReport
from matching.tailor import TailorOptions, tailor
from parsers.models import Document, JobPosting, Resume

__all__ = [
    "IDEAL_WORDS",
    "TOP_REQUIREMENTS",
    "CoverLetterReview",
    "GreetingCheck",
    "LengthCheck",
    "LetterScorePart",
    "LetterSuggestion",
    "NameCheck",
    "PhraseFlag",
    "RequirementCoverage",
    "StructureCheck",
    "job_title_and_company",
    "review_cover_letter",
    "top_requirements",
]

IDEAL_WORDS = (250, 400)  # body words that read well on one page
TOP_REQUIREMENTS = 5
UNSUPPORTED_COST = 0.25  # each unsupported claim costs a quarter of the accuracy part
WEIGHTS = {
    "coverage": 25.0,
    "evidence": 20.0,
    "accuracy": 25.0,
    "personalisation": 10.0,
    "structure": 10.0,
    "wording": 10.0,
}
LABELS = {
    "coverage": "Job requirements addressed",
    "evidence": "Concrete evidence",
    "accuracy": "Claims the resume backs",
    "personalisation": "Company, role and greeting",
    "structure": "Length and structure",
    "wording": "Specific wording",
}

GreetingKind = Literal["named", "generic", "impersonal", "missing"]
LengthStatus = Literal["too_short", "short", "ok", "long", "too_long"]
PhraseKind = Literal["hedging", "cliche", "generic_opener"]

_PHRASES: tuple[tuple[PhraseKind, str, str], ...] = (
    (
        "hedging",
        r"\bI\s+(?:truly\s+|really\s+|strongly\s+|sincerely\s+|honestly\s+)?(?:believe|think|feel|hope)\s+(?:that\s+)?"
        r"(?:I\s+(?:would|could|might|can|will|am)|my\s+\w+\s+(?:would|could|might|will))\b",
        "Hedged: state what you did and let the reader conclude.",
    ),
    ("hedging", r"\b(?:I\s+)?(?:might|may)\s+be\s+able\s+to\b", "Hedged: say what you can do, with an example."),
    ("hedging", r"\bI\s+hope\s+(?:to\s+hear|you\s+will|that\s+you)\b", "Hedged close: ask for the conversation."),
    (
        "hedging",
        r"\b(?:I\s+am|I['’]m)\s+(?:fairly|somewhat|quite|pretty|reasonably)\s+(?:confident|sure|certain|good)\b",
        "Hedged: drop the qualifier and give the evidence.",
    ),
    (
        "cliche",
        r"\b(?:(?:a\s+)?(?:great|good|perfect|ideal|excellent|strong|natural)\s+(?:fit|match)|ideal\s+candidate|"
        r"perfect\s+candidate)\b",
        "Saying you fit convinces less than showing it: name the requirement and your result for it.",
    ),
    ("cliche", r"\bpassion(?:ate|ately)?\b", "'Passionate' is in most letters; show it with something you did."),
    ("cliche", r"\bteam[- ]player\b", "'Team player' says little; describe a team result you contributed to."),
    ("cliche", r"\bhard[- ]?work(?:ing|er)\b", "'Hard-working' is assumed; show the outcome of the work."),
    ("cliche", r"\bthink(?:ing|s)?\s+outside\s+(?:of\s+)?the\s+box\b", "A cliché; describe the unusual solution."),
    ("cliche", r"\b(?:self[- ]starter|go[- ]getter)\b", "A cliché; give an example of something you started."),
    (
        "cliche",
        r"\b(?:results?|detail)[- ](?:driven|oriented)\b",
        "A label, not evidence; the result itself says more.",
    ),
    ("cliche", r"\b(?:fast|quick)\s+learner\b", "Show it: something you learned quickly and what you did with it."),
    ("cliche", r"\b(?:highly\s+)?motivated\b", "Motivation shows in what you did; name it."),
    ("cliche", r"\bproven\s+track\s+record\b", "Give the record itself: a result with a number."),
    ("cliche", r"\bstrong\s+work\s+ethic\b", "Show it with an outcome rather than the label."),
    ("cliche", r"\bsynerg(?:y|ies|istic)\b", "Jargon; say what worked together and what came of it."),
    ("cliche", r"\bwear(?:ing)?\s+many\s+hats\b", "A cliché; name the roles you covered."),
    (
        "cliche",
        r"\b(?:excellent|strong|great|good)\s+(?:communication|interpersonal|organi[sz]ational|people)\s+skills\b",
        "A claim every letter makes; show it with a situation where it mattered.",
    ),
    (
        "generic_opener",
        r"\bI\s+am\s+writing\s+to\s+(?:express\s+my\s+interest|apply)\b",
        "A generic opening: start with the role and the strongest reason you fit it.",
    ),
)
_PHRASE_RES = tuple((kind, re.compile(pattern, re.IGNORECASE), message) for kind, pattern, message in _PHRASES)
_IMPERSONAL = re.compile(
    r"\b(?:to\s+whom\s+it\s+may\s+concern|dear\s+sirs?(?:\s*(?:or|/)\s*madam)?|dear\s+madam(?:\s*(?:or|/)\s*sir)?)\b",
    re.IGNORECASE,
)
_GENERIC_GREETING = re.compile(
    r"\b(?:hiring|recruiting|recruitment|search|selection|talent(?:\s+acquisition)?|hr|human\s+resources|"
    r"people)\s*(?:manager|team|committee|department|partner|panel)?\b|\b(?:team|all|there|everyone)\b",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"\b(?:interview|discuss|discussion|conversation|talk|speak|call|meet|meeting|chat|hear\s+from\s+you|"
    r"look(?:ing)?\s+forward|available|reach\s+me|contact\s+me|welcome\s+the\s+(?:chance|opportunity))\b",
    re.IGNORECASE,
)
_OPENING_WORDS = re.compile(r"\b(?:apply|applying|application|position|role|opening|vacancy|job)\b", re.IGNORECASE)
_COMPANY_SUFFIX = re.compile(r"[\s,]+(?:inc|llc|ltd|limited|corp|corporation|co|gmbh|plc|s\.?a|ag|group)\.?$", re.I)


@dataclass(frozen=True, slots=True)
class RequirementCoverage:
    """One of the job's top requirements and the letter sentence that addresses it (if any)."""

    requirement: str  # job.text[start:end]
    start: int
    end: int
    kind: ItemKind
    resume_status: Status  # how the resume shows it (from the tailoring report)
    addressed: bool
    via: Literal["skill", "wording"] | None = None
    sentence: str | None = None  # letter_text[sentence_start:sentence_end]
    sentence_start: int | None = None
    sentence_end: int | None = None
    resume_evidence: tuple[Evidence, ...] = ()  # what the resume offers to cite for it


@dataclass(frozen=True, slots=True)
class NameCheck:
    """Does the letter name the company (or the role)? ``expected`` is what the job says."""

    expected: str | None
    named: bool | None  # None when the job does not say
    quote: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class GreetingCheck:
    kind: GreetingKind
    message: str
    quote: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class LengthCheck:
    words: int  # words of the body (greeting and sign-off excluded)
    paragraphs: int  # body paragraphs
    status: LengthStatus
    message: str
    ideal_min: int = IDEAL_WORDS[0]
    ideal_max: int = IDEAL_WORDS[1]


@dataclass(frozen=True, slots=True)
class StructureCheck:
    """Opening (names the role), evidence (a backed claim), close (asks for a conversation)."""

    opening: bool
    evidence: bool
    call_to_action: bool
    message: str


@dataclass(frozen=True, slots=True)
class PhraseFlag:
    """A generic or hedging phrase: ``phrase == letter_text[start:end]``, inside its sentence."""

    kind: PhraseKind
    phrase: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    message: str


@dataclass(frozen=True, slots=True)
class LetterScorePart:
    id: str
    label: str
    max: float
    points: float
    explanation: str


@dataclass(frozen=True, slots=True)
class LetterSuggestion:
    """A change to the letter, quoting the sentence it concerns: ``quote == letter_text[start:end]``."""

    id: str
    kind: str  # unsupported_claim, add_requirement, phrase, greeting, name_company, name_role, length, close
    message: str
    quote: str
    start: int
    end: int
    priority: int  # 1 = do first
    resume_quote: str | None = None  # a resume line to draw on: resume.text[resume_start:resume_end]
    resume_start: int | None = None
    resume_end: int | None = None


@dataclass(frozen=True, slots=True)
class CoverLetterReview:
    """Everything :func:`review_cover_letter` found in one letter."""

    score: float
    breakdown: tuple[LetterScorePart, ...]
    summary: str
    letter_text: str
    word_count: int
    company: NameCheck
    role: NameCheck
    greeting: GreetingCheck
    length: LengthCheck
    structure: StructureCheck
    coverage: tuple[RequirementCoverage, ...]
    claims: tuple[Claim, ...]  # backed claims
    unsupported_claims: tuple[Claim, ...]
    phrases: tuple[PhraseFlag, ...]
    suggestions: tuple[LetterSuggestion, ...]
    job_title: str | None = None
    job_company: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (lists, not tuples) with keys in field order."""
        return dict(to_plain(self))


# --------------------------------------------------------------------------------------------------------------


def top_requirements(report: TailoringReport, n: int = TOP_REQUIREMENTS) -> tuple[RequirementMatch, ...]:
    """The job's first ``n`` requirement lines by importance: required before preferred, then the ad's order."""
    rank = {"required": 0, "preferred": 1, "other": 2}
    lines = [m for m in report.requirements if m.category != "education" and content_words(m.text)]
    lines.sort(key=lambda m: (rank[m.kind], m.start))
    return tuple(lines[:n])


def _best_resume_evidence(match: RequirementMatch) -> tuple[Evidence, ...]:
    found = [e for c in match.skills for e in c.evidence if e.match != "related"] + list(match.evidence)
    found.sort(key=lambda e: (-e.confidence, e.start))
    return tuple(found[:1])


def _coverage(
    layout: LetterLayout, report: TailoringReport, tools: LetterTools, mentions_by_sentence: list[set[str]]
) -> tuple[RequirementCoverage, ...]:
    sentence_words = [set(content_words(s.text)) for s in layout.sentences]
    out: list[RequirementCoverage] = []
    for match in top_requirements(report):
        ids = {sid for c in match.skills for sid in c.skill_ids}
        hit: tuple[int, Literal["skill", "wording"]] | None = None
        if ids:
            for i, found in enumerate(mentions_by_sentence):
                if found & ids:
                    hit = (i, "skill")
                    break
        if hit is None:
            words = set(content_words(match.text))
            need = 1 if len(words) <= 2 else 2
            best = -1.0
            for i, have in enumerate(sentence_words):
                shared = len(words & have)
                share = shared / len(words) if words else 0.0
                if shared >= need and share >= 0.4 and share > best:
                    best, hit = share, (i, "wording")
        sentence = layout.sentences[hit[0]] if hit else None
        out.append(
            RequirementCoverage(
                requirement=match.text,
                start=match.start,
                end=match.end,
                kind=match.kind,
                resume_status=match.status,
                addressed=hit is not None,
                via=hit[1] if hit else None,
                sentence=sentence.text if sentence else None,
                sentence_start=sentence.start if sentence else None,
                sentence_end=sentence.end if sentence else None,
                resume_evidence=_best_resume_evidence(match),
            )
        )
    return tuple(out)


def job_title_and_company(job: JobPosting) -> tuple[str | None, str | None]:
    """The job's title and company; "Senior Engineer at Globex" as a title with no company is split in two."""
    title = " ".join((job.title or "").split()) or None
    company = " ".join((job.company or "").split()) or None
    if title and company is None:
        m = re.fullmatch(r"(.{3,}?)\s+(?:at|@|with)\s+([A-Z][\w&.,'’ -]{1,60})", title)
        if m:
            title, company = m.group(1).strip(), m.group(2).strip(" ,.")
    if title and company:
        title = re.sub(r"\s+(?:at|@|-|–|—|\|)\s+" + re.escape(company) + r"$", "", title, flags=re.IGNORECASE)
    return title, company


def _spans(text: str, phrase: str | None) -> list[tuple[int, int]]:
    if not phrase or len(phrase.strip()) < 2:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(phrase.strip()), text, re.IGNORECASE)]


def _core_name(name: str) -> str:
    return normalize(_COMPANY_SUFFIX.sub("", name.strip()))


def _find_name(layout: LetterLayout, expected: str | None, *, body_only: bool) -> NameCheck:
    if not expected or not expected.strip():
        return NameCheck(expected=None, named=None)
    core = _core_name(expected)
    if not core:
        return NameCheck(expected=expected, named=None)
    words = core.split()
    pattern = r"\b" + r"[\s\-/,.]+".join(re.escape(w) for w in words) + r"\b"
    text = layout.text
    regions = [(p.start, p.end) for p in layout.paragraphs if not body_only or p.role in ("body", "greeting")]
    for start, end in regions:
        m = re.search(pattern, text[start:end], re.IGNORECASE)
        if m:
            return NameCheck(
                expected, True, text[start + m.start() : start + m.end()], start + m.start(), start + m.end()
            )
    # The role by its main words in one sentence ("Senior Data Analyst" -> "data analyst position").
    if len(words) >= 2:
        key = [w for w in content_words(core) if len(w) > 2]
        for s in layout.sentences:
            have = set(content_words(s.text))
            if key and sum(w in have for w in key) / len(key) >= 0.75:
                return NameCheck(expected, True, s.text, s.start, s.end)
    return NameCheck(expected, False)


def _greeting(layout: LetterLayout) -> GreetingCheck:
    if layout.greeting is None:
        return GreetingCheck(
            "missing", "No greeting found. Open with 'Dear <name>,' — the hiring manager if you can find out who it is."
        )
    start, end = layout.greeting
    quote = layout.text[start:end]
    if _IMPERSONAL.search(quote):
        return GreetingCheck(
            "impersonal",
            "An impersonal greeting reads as a form letter. Look for the hiring manager's name (the ad, the "
            "company's site, LinkedIn); if you cannot find it, 'Dear Hiring Manager,' is better.",
            quote,
            start,
            end,
        )
    rest = re.sub(r"^\s*(?:dear|hello|hi|hey|greetings|good\s+\w+)\b", "", quote, flags=re.IGNORECASE)
    if _GENERIC_GREETING.search(rest) or not re.search(r"[A-Z][a-z]", rest):
        return GreetingCheck(
            "generic",
            "A generic greeting is acceptable; a named person is better if you can find out who reads it.",
            quote,
            start,
            end,
        )
    return GreetingCheck("named", "Greets a named person.", quote, start, end)


def _length(layout: LetterLayout) -> LengthCheck:
    body = layout.body
    words = sum(word_count(layout.text[p.start : p.end]) for p in body)
    paragraphs = len([p for p in body if not p.list_item]) + (1 if any(p.list_item for p in body) else 0)
    low, high = IDEAL_WORDS
    status: LengthStatus
    if words < low * 0.6:
        status, message = "too_short", f"{words} words: too short to make a case; aim for {low}–{high}."
    elif words < low:
        status, message = "short", f"{words} words: a little short; {low}–{high} gives room for two examples."
    elif words <= high:
        status, message = "ok", f"{words} words: a good length."
    elif words <= high * 1.5:
        status, message = "long", f"{words} words: a little long; cut to {high} or fewer so it fits one page."
    else:
        status, message = "too_long", f"{words} words: too long to be read in full; cut to {low}–{high}."
    return LengthCheck(words, paragraphs, status, message)


def _structure(layout: LetterLayout, company: NameCheck, role: NameCheck, claims: Sequence[Claim]) -> StructureCheck:
    body = layout.body_indexes()
    if not body:
        return StructureCheck(False, False, False, "No body paragraphs found.")
    first, last = body[0], body[-1]
    first_text = layout.text[layout.paragraphs[first].start : layout.paragraphs[first].end]
    opening = bool(
        _OPENING_WORDS.search(first_text)
        or (role.start is not None and layout.paragraphs[first].start <= role.start < layout.paragraphs[first].end)
        or (
            company.start is not None and layout.paragraphs[first].start <= company.start < layout.paragraphs[first].end
        )
    )
    backed_paragraphs = {
        s.paragraph
        for s in layout.sentences
        for c in claims
        if c.status == "backed" and c.kind in ("number", "achievement", "skill") and s.start <= c.claim_start < s.end
    }
    evidence = bool(backed_paragraphs)
    last_text = layout.text[layout.paragraphs[last].start : layout.paragraphs[last].end]
    cta = bool(_CALL_TO_ACTION.search(last_text))
    missing = []
    if not opening:
        missing.append("an opening that names the role you are applying for")
    if not evidence:
        missing.append("a paragraph with evidence from your resume (a result, a skill used in a role)")
    if not cta:
        missing.append("a close that asks for a conversation or an interview")
    message = (
        "Opening, evidence and a call to action are all there."
        if not missing
        else "Missing " + "; ".join(missing) + "."
    )
    return StructureCheck(opening, evidence, cta, message)


def _phrases(layout: LetterLayout, claims: Sequence[Claim]) -> tuple[PhraseFlag, ...]:
    backed_sentences = {c.start for c in claims if c.status == "backed" and c.kind in ("number", "achievement")}
    out: list[PhraseFlag] = []
    text = layout.text
    for s in layout.sentences:
        for kind, regex, message in _PHRASE_RES:
            for m in regex.finditer(s.text):
                if kind == "cliche" and s.start in backed_sentences:
                    continue  # the evidence is right there
                start, end = s.start + m.start(), s.start + m.end()
                if any(f.start < end and start < f.end for f in out):
                    continue
                out.append(PhraseFlag(kind, text[start:end], start, end, s.text, s.start, s.end, message))
    out.sort(key=lambda f: f.start)
    return tuple(out)


def _score(
    coverage: Sequence[RequirementCoverage],
    claims: Sequence[Claim],
    company: NameCheck,
    role: NameCheck,
    greeting: GreetingCheck,
    length: LengthCheck,
    structure: StructureCheck,
    phrases: Sequence[PhraseFlag],
) -> tuple[float, tuple[LetterScorePart, ...]]:
    parts: list[LetterScorePart] = []
    # Coverage: required lines count double.
    weights = [1.0 if c.kind == "required" else 0.5 for c in coverage]
    got = sum(w for w, c in zip(weights, coverage, strict=True) if c.addressed)
    frac = got / sum(weights) if weights else 1.0
    addressed = sum(c.addressed for c in coverage)
    parts.append(
        _part("coverage", frac, f"{addressed} of the job's top {len(coverage)} requirements addressed.")
        if coverage
        else _part("coverage", 1.0, "The job lists no requirements to address.")
    )
    backed = [c for c in claims if c.status == "backed" and c.kind in ("number", "achievement", "skill", "years")]
    strong = {c.start for c in backed if c.kind in ("number", "achievement")}
    evidence = min(1.0, (len(strong) + 0.25 * len({c.skill_id for c in backed if c.kind == "skill"})) / 3.0)
    parts.append(
        _part(
            "evidence",
            evidence,
            f"{len(strong)} sentence(s) with a result or action your resume shows; three make a strong case.",
        )
    )
    unsupported = [c for c in claims if c.status == "unsupported"]
    if claims:
        accuracy = max(0.0, 1.0 - UNSUPPORTED_COST * len(unsupported))
        what = f"{len(unsupported)} of {len(claims)} claims not backed by the resume."
    else:
        accuracy, what = 1.0, "No checkable claims."
    parts.append(_part("accuracy", accuracy, what))
    pers = 0.0
    notes = []
    for check, label in ((company, "company"), (role, "role")):
        if check.named is None or check.named:
            pers += 0.4
        else:
            notes.append(f"the {label} is not named")
    pers += {"named": 0.2, "generic": 0.1, "impersonal": 0.0, "missing": 0.0}[greeting.kind]
    if greeting.kind in ("impersonal", "missing"):
        notes.append(f"greeting {greeting.kind}")
    parts.append(
        _part("personalisation", pers, "; ".join(notes).capitalize() + "." if notes else "Names the company and role.")
    )
    low, high = IDEAL_WORDS
    words = length.words
    if words < low:
        length_frac = max(0.0, 1.0 - (low - words) / (low * 0.6))
    elif words > high:
        length_frac = max(0.0, 1.0 - (words - high) / (high * 0.75))
    else:
        length_frac = 1.0
    structure_frac = (
        0.4 * length_frac + 0.2 * structure.opening + 0.2 * structure.evidence + 0.2 * structure.call_to_action
    )
    parts.append(_part("structure", structure_frac, f"{length.message} {structure.message}"))
    wording = max(0.0, 1.0 - 0.2 * len(phrases))
    parts.append(
        _part(
            "wording",
            wording,
            f"{len(phrases)} generic or hedging phrase(s) without evidence." if phrases else "No stock phrases.",
        )
    )
    score = round(sum(p.points for p in parts), 1)
    return score, tuple(parts)


def _part(part_id: str, fraction: float, explanation: str) -> LetterScorePart:
    top = WEIGHTS[part_id]
    return LetterScorePart(part_id, LABELS[part_id], top, round(top * max(0.0, min(1.0, fraction)), 1), explanation)


def _sentence_for(layout: LetterLayout, paragraph_pick: Literal["first", "evidence", "last"]) -> Sentence | None:
    if not layout.sentences:
        return None
    if paragraph_pick == "first":
        return layout.sentences[0]
    if paragraph_pick == "last":
        return layout.sentences[-1]
    body = layout.body_indexes()
    middle = body[1] if len(body) > 2 else body[0]
    for s in layout.sentences:
        if s.paragraph == middle:
            return s
    return layout.sentences[0]


def _suggestions(
    layout: LetterLayout,
    coverage: Sequence[RequirementCoverage],
    unsupported: Sequence[Claim],
    phrases: Sequence[PhraseFlag],
    company: NameCheck,
    role: NameCheck,
    greeting: GreetingCheck,
    length: LengthCheck,
    structure: StructureCheck,
) -> tuple[LetterSuggestion, ...]:
    text = layout.text
    items: list[LetterSuggestion] = []

    def add(kind: str, message: str, start: int, end: int, priority: int, evidence: Evidence | None = None) -> None:
        if not 0 <= start < end <= len(text):
            return
        items.append(
            LetterSuggestion(
                id="",
                kind=kind,
                message=message,
                quote=text[start:end],
                start=start,
                end=end,
                priority=priority,
                resume_quote=evidence.quote if evidence else None,
                resume_start=evidence.start if evidence else None,
                resume_end=evidence.end if evidence else None,
            )
        )

    seen_sentences: set[tuple[int, str]] = set()
    for claim in unsupported:
        key = (claim.start, claim.kind)
        if key in seen_sentences:
            continue
        seen_sentences.add(key)
        related = claim.related[0] if claim.related else None
        add(
            "unsupported_claim",
            f"'{claim.text}' — {claim.explanation}",
            claim.start,
            claim.end,
            1,
            related,
        )
    anchor = _sentence_for(layout, "evidence")
    for cov in coverage:
        if cov.addressed or anchor is None:
            continue
        ev = cov.resume_evidence[0] if cov.resume_evidence else None
        if ev is not None and cov.resume_status != "missing":
            message = (
                f"The job asks: '{_short(cov.requirement)}'. Your resume shows it; add a sentence here that retells "
                "this line with its result."
            )
        else:
            message = (
                f"The job asks: '{_short(cov.requirement)}', and your resume does not show it. Do not claim it; if "
                "it matters for this job, say honestly what comes closest."
            )
        add("add_requirement", message, anchor.start, anchor.end, 1 if cov.kind == "required" else 2, ev)
    for flag in phrases:
        add("phrase", f"'{flag.phrase}': {flag.message}", flag.sentence_start, flag.sentence_end, 2)
    if greeting.kind in ("impersonal", "missing", "generic") and layout.sentences:
        start, end = (
            (greeting.start, greeting.end)
            if greeting.start is not None and greeting.end is not None
            else (
                layout.sentences[0].start,
                layout.sentences[0].end,
            )
        )
        add("greeting", greeting.message, start, end, 2 if greeting.kind != "generic" else 3)
    first = _sentence_for(layout, "first")
    if first is not None:
        if company.named is False:
            add("name_company", f"Name the company ({company.expected}) in your opening.", first.start, first.end, 2)
        if role.named is False:
            add("name_role", f"Name the role you are applying for ({role.expected}).", first.start, first.end, 2)
        if length.status != "ok":
            add("length", length.message, first.start, first.end, 3)
    last = _sentence_for(layout, "last")
    if last is not None and not structure.call_to_action:
        add(
            "close",
            "End by asking for the next step, e.g. 'I would welcome the chance to discuss how I could help with …'.",
            last.start,
            last.end,
            2,
        )
    items.sort(key=lambda s: (s.priority, s.start, s.kind))
    return tuple(dataclasses.replace(s, id=f"L{i + 1}") for i, s in enumerate(items))


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _summary(score: float, coverage: Sequence[RequirementCoverage], unsupported: Sequence[Claim], claims: int) -> str:
    parts = [f"Cover letter score {score:g} of 100."]
    if coverage:
        parts.append(
            f"It addresses {sum(c.addressed for c in coverage)} of the job's top {len(coverage)} requirements."
        )
    if unsupported:
        parts.append(
            f"{len(unsupported)} claim(s) are not backed by your resume: fix those first, since an interviewer "
            "will ask about them."
        )
    elif claims:
        parts.append("Every claim it makes is backed by your resume.")
    return " ".join(parts)


def review_cover_letter(
    letter: Document | str,
    resume: Resume,
    job: JobPosting,
    *,
    report: TailoringReport | None = None,
    options: TailorOptions | None = None,
    analysis: ResumeAnalysis | None = None,
    tools: LetterTools | None = None,
) -> CoverLetterReview:
    """Review ``letter`` for ``job`` against ``resume`` (see the module docstring for what is checked)."""
    options = options or TailorOptions()
    if analysis is None:
        analysis = resume_analysis(resume, options=options, report=report)
    if report is None:
        report = tailor(resume, job, options=options, analysis=analysis)
    tools = tools or letter_tools(options)
    layout = segment_letter(letter)
    title, company_name = job_title_and_company(job)
    company = _find_name(layout, company_name, body_only=True)
    role = _find_name(layout, title, body_only=True)
    claims = check_claims(layout, analysis, tools=tools, job=job, company=company_name, role=title)
    mentions = tools.extractor(layout.text)
    # Skills inside the job's title as the letter repeats it ("the Java Developer role") address nothing.
    title_spans = _spans(layout.text, title)
    by_sentence: list[set[str]] = [set() for _ in layout.sentences]
    for m in mentions:
        if any(s <= m.start and m.end <= e for s, e in title_spans):
            continue
        for i, s in enumerate(layout.sentences):
            if s.start <= m.start < s.end:
                by_sentence[i].add(m.skill_id)
                break
    coverage = _coverage(layout, report, tools, by_sentence)
    greeting = _greeting(layout)
    length = _length(layout)
    structure = _structure(layout, company, role, claims)
    phrases = _phrases(layout, claims)
    score, breakdown = _score(coverage, claims, company, role, greeting, length, structure, phrases)
    unsupported = tuple(c for c in claims if c.status == "unsupported")
    suggestions = _suggestions(layout, coverage, unsupported, phrases, company, role, greeting, length, structure)
    return CoverLetterReview(
        score=score,
        breakdown=breakdown,
        summary=_summary(score, coverage, unsupported, len(claims)),
        letter_text=layout.text,
        word_count=length.words,
        company=company,
        role=role,
        greeting=greeting,
        length=length,
        structure=structure,
        coverage=coverage,
        claims=tuple(c for c in claims if c.status == "backed"),
        unsupported_claims=unsupported,
        phrases=phrases,
        suggestions=suggestions,
        job_title=title,
        job_company=company_name,
    )
