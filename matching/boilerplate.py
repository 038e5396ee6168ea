"""Sentences of a job ad that ask nothing of the resume: equal-opportunity and legal notices, pay and benefits,
how to apply, where and when the work happens, the company's own story.

Job parsers often file such sentences under the requirements ("Temporarily remote due to COVID-19", "TikTok is
committed to creating an inclusive space", "The pay range for this position is ...", "a background check every
two years"). Scored as requirements they add gaps no resume can close, skills the ad does not ask ("TikTok")
and years it does not want ("our 30-year history"). :func:`boilerplate_spans` finds them sentence by sentence;
:mod:`matching.align` leaves them out of every score item and says how many lines it left out.

The patterns are phrases, not single words, so a real requirement that shares a word ("experience with
compensation systems", "remote process communication") is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from parsers.models import JobPosting

__all__ = ["BoilerplateKind", "boilerplate_kind", "boilerplate_spans", "covered_share"]

BoilerplateKind = Literal["equal_opportunity", "pay_benefits", "legal", "covid", "application", "logistics", "company"]


def _any(*phrases: str) -> re.Pattern[str]:
    return re.compile("|".join(phrases), re.I)


_PATTERNS: tuple[tuple[BoilerplateKind, re.Pattern[str]], ...] = (
    (
        "equal_opportunity",
        _any(
            r"\bequal (?:employment )?opportunit",
            r"\bwithout regard to\b",
            r"\bregardless of (?:race|age|gender|sex|religion)",
            r"\bsexual orientation\b",
            r"\bgender (?:identity|expression)\b",
            r"\bnational origin\b",
            r"\bprotected (?:veteran|class|characteristic|status)",
            r"\bveteran status\b",
            r"\baffirmative action\b",
            r"\breasonable accommodation",
            r"\bindividuals with disabilities\b",
            r"\bdisability status\b",
            r"\be-?verify\b",
            r"\bdiversity,? equity\b",
            r"\bequity,? (?:and|&) inclusion\b",
            r"\binclusive (?:space|workplace|environment|culture|company|team)\b",
            r"\b(?:committed|dedicated) to (?:building|creating|fostering|cultivating|providing)? ?(?:an? )?"
            r"(?:diverse|inclusive|equitable)\b",
            r"\bunderrepresented\b",
            r"\bcelebrate (?:our )?diversity\b",
        ),
    ),
    (
        "pay_benefits",
        _any(
            r"[$€£]\s?\d",
            r"\b(?:pay|salary|compensation|wage) (?:range|band|scale|rate)s?\b",
            r"\bbase (?:pay|salary)\b",
            r"\btotal (?:compensation|rewards)\b",
            r"\bcompensation package\b",
            r"\b401\s?\(?k\)?",
            r"\bhealth(?:care)? (?:insurance|benefits|coverage|plans?)\b",
            r"\bmedical,? dental\b",
            r"\bdental(?:,| and) vision\b",
            r"\bpaid (?:time off|holidays|parental|family|sick|vacation)\b",
            r"\bunlimited pto\b",
            r"\bparental leave\b",
            r"\btuition (?:reimbursement|assistance)\b",
            r"\bstock options\b",
            r"\bequity (?:package|grants?|compensation)\b",
            r"\b(?:we|they) offer\b",
            r"\bbenefits (?:include|package|program)",
            r"\b(?:comprehensive|competitive|great) (?:benefits|salary|pay|compensation)\b",
        ),
    ),
    (
        "legal",
        _any(
            r"\bcriminal histor",
            r"\barrest (?:and|or) conviction",
            r"\bfair chance\b",
            r"\bbackground (?:check|screening|investigation)s?\b",
            r"\bdrug (?:test|screen)",
            r"\bpay transparency\b",
            r"\bcompensation information\b",
            r"\bprivacy (?:notice|policy|statement)\b",
            r"\bauthori[sz]ed to work\b",
            r"\bwork authori[sz]ation\b",
            r"\b(?:visa )?sponsorship\b",
            r"\bexport control",
            r"\bitar\b",
            r"\bu\.?s\.? (?:citizens?|persons?)(?:hip)?\b",
            r"\bat-will\b",
            r"\b(?:this )?job description is not (?:designed|intended|meant)\b",
            r"\bother duties as (?:assigned|required)\b",
            r"\bapplicable (?:law|federal|state)\b",
            r"\bin accordance with (?:applicable|federal|state|local)\b",
        ),
    ),
    ("covid", _any(r"\bcovid", r"\bvaccinat", r"\bpandemic\b", r"\btemporarily (?:remote|due to)\b")),
    (
        "application",
        _any(
            r"\bapply (?:now|today|online|via|through|here|by|at)\b",
            r"\bclick(?:ing)? (?:the |on )?(?:\"?apply|here|the button)",
            r"\beasy apply\b",
            r"\bsend (?:us |me )?(?:your |an? )?(?:updated )?(?:resume|cv)\b",
            r"\be-?mail (?:me|us|your)\b",
            r"\binterested in hearing\b",
            r"\breach out to (?:me|us)\b",
            r"\brecruit(?:ing|ment) (?:agency|firm|partner)\b",
            r"\b(?:job|requisition) (?:id|number)\b",
            r"\bapplications? (?:will be|are) (?:accepted|reviewed)\b",
            r"\bsubmit (?:your|an) application\b",
        ),
    ),
    (
        "logistics",
        _any(
            r"\btime ?zones?\b",
            r"\brelocat(?:e|ion)\b",
            r"\bcommut(?:e|ing)\b",
            r"\bwilling(?:ness)? to travel\b",
            r"\btravel (?:up to|required)\b",
            r"\bon-?site \d",
            r"\b\d(?:-\d)? days? (?:a|per) week (?:in|on)\b",
            r"\bhybrid (?:schedule|work|role|model)\b",
            r"\bmust (?:be located|be based|reside|live)\b",
        ),
    ),
    (
        "company",
        _any(
            r"\b(?:funded|backed) by\b",
            r"\bseries [a-e] (?:funding|round|startup)",
            r"\bfounded in \d{4}\b",
            r"\bheadquartered\b",
            r"\bour (?:mission|vision|values)\b",
            r"\bfortune \d+\b",
            r"\bunicorn\b",
            r"\bvaluation\b",
            r"\braised \$",
            r"\b\d+[- ]years? (?:of )?history\b",
            r"\bwithin its first\b",
            r"\b(?:is|are) (?:a|an|the) (?:leading|global|world'?s|fast[- ]growing)\b",
        ),
    ),
)

_ORDER: dict[BoilerplateKind, int] = {kind: i for i, (kind, _) in enumerate(_PATTERNS)}

# Words that are common in such sentences but not telling on their own: they only count toward the density of a
# long piece (see boilerplate_kind).
_SUPPORT = re.compile(
    r"\b(?:race|colou?r|religio(?:n|us)|ancestry|marital|pregnan\w*|genetic|disabilit(?:y|ies)|veterans?|age|gender"
    r"|sex|citizenship|salary|bonus|equity|benefits|insurance|medical|dental|vision|holidays|leave|retirement"
    r"|wellness|stipend|perks|sponsor\w*|eligib\w+|employer|applicants?|candidates|accommodations?|discriminat\w*"
    r"|harassment|law|laws|regulations|location|locations|office|hybrid|remote|onsite|in-office|relocation)\b",
    re.I,
)
#: A piece longer than this needs one telling phrase or supporting word per this many characters to count as
#: boilerplate: parsers run sentences together ("... $175k - $220k Our stack includes Python ..."), and one pay
#: figure must not take a paragraph of real asks with it.
CHARS_PER_HIT = 200

# Sentence ends inside a line, including run-together ones ("...systems.Proven ability", "simulationsStrong
# background", "a plus)MUST BE"). Cutting too often costs nothing here (a cut inside "JavaScript" only makes two
# shorter pieces), while cutting too little would drop a real ask together with the boilerplate next to it.
_SENTENCE_SPLIT = re.compile(
    r"(?<=[a-z0-9)\]][.;!?])\s+(?=[A-Z(•-])|(?<=[a-z0-9)][.;!?])(?=[A-Z][a-z])|\s*•\s*|(?<=[a-z)])(?=[A-Z][a-z])"
    r"|(?<=\))(?=[A-Z])"
    # A capitalised opening word after a lower-case word and no stop: "... - $220k Our stack includes ...".
    r"|(?<=[a-z0-9])\s+(?=(?:Our|We|We're|You|You'll|You're|Your|The|This|These|As|In|At|Join|About|Why|What|Who|"
    r"If|Please|Must|Strong|Experience|Ability|Bachelor|Proficiency|Knowledge|Familiarity)\b)"
)


def boilerplate_kind(sentence: str) -> BoilerplateKind | None:
    """What kind of boilerplate a sentence is, or None for a real ask.

    The sentence needs a telling phrase (the kind is that of the most frequent one); a long one also needs
    telling phrases and supporting words at least every :data:`CHARS_PER_HIT` characters.
    """
    hits: dict[BoilerplateKind, int] = {}
    for kind, pattern in _PATTERNS:
        n = sum(1 for _ in pattern.finditer(sentence))
        if n:
            hits[kind] = n
    if not hits:
        return None
    total = sum(hits.values())
    if len(sentence) > CHARS_PER_HIT:
        total += sum(1 for _ in _SUPPORT.finditer(sentence))
        if total * CHARS_PER_HIT < len(sentence.strip()):
            return None
    return max(hits, key=lambda k: (hits[k], -_ORDER[k]))


def boilerplate_spans(job: JobPosting) -> tuple[tuple[int, int, BoilerplateKind], ...]:
    """Sorted (start, end, kind) spans of ``job.text`` that are boilerplate sentences."""
    text = job.text
    spans: list[tuple[int, int, BoilerplateKind]] = []
    for line in job.document.lines:
        pos = line.start
        for piece in _SENTENCE_SPLIT.split(text[line.start : line.end]):
            if not piece.strip():
                continue
            start = text.find(piece, pos, line.end)
            if start < 0:
                continue
            pos = start + len(piece)
            kind = boilerplate_kind(piece)
            if kind is not None:
                spans.append((start, start + len(piece), kind))
    spans.sort()
    return tuple(spans)


def covered_share(spans: Sequence[tuple[int, int, str]], start: int, end: int) -> float:
    """The share of [start, end) that the (sorted, non-overlapping) spans cover."""
    if end <= start:
        return 0.0
    covered = 0
    for s, e, _ in spans:
        if e <= start:
            continue
        if s >= end:
            break
        covered += min(e, end) - max(s, start)
    return covered / (end - start)
