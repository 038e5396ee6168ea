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

import bisect
import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import ahocorasick

from parsers.models import JobPosting

__all__ = ["BoilerplateKind", "boilerplate_kind", "boilerplate_spans", "covered_share"]

BoilerplateKind = Literal["equal_opportunity", "pay_benefits", "legal", "covid", "application", "logistics", "company"]


# Each kind's telling phrases, lower-case. "(a|b|)" lists alternatives (an empty one makes the group optional);
# a trailing "*" takes any word ending ("opportunit*" is "opportunity" and "opportunities"). A phrase must start
# at a word boundary; without "*" it must end at one too.
_PHRASES: Mapping[BoilerplateKind, tuple[str, ...]] = {
    "equal_opportunity": (
        "equal (employment |)opportunit*",
        "without regard to",
        "regardless of (race|age|gender|sex|religion)",
        "sexual orientation",
        "gender (identity|expression)",
        "national origin",
        "protected (veteran|class|characteristic|status)*",
        "veteran status",
        "affirmative action",
        "reasonable accommodation*",
        "individuals with disabilities",
        "disability status",
        "e-verify",
        "everify",
        "diversity(,|) equity",
        "equity(,|) (and|&) inclusion",
        "inclusive (space|workplace|environment|culture|company|team)",
        "(committed|dedicated) to (building |creating |fostering |cultivating |providing |)(an |a |)"
        "(diverse|inclusive|equitable)",
        "underrepresented",
        "celebrat(e|es|ing) (our |)diversity",
    ),
    "pay_benefits": (
        "(pay|salary|compensation|wage) (range|band|scale|rate)*",
        "base (pay|salary)",
        "total (compensation|rewards)",
        "compensation package",
        "401(k|(k)| k| (k))*",
        "health(care|) (insurance|benefits|coverage|plan)*",
        "medical(,|) dental",
        "dental(,| and) vision",
        "paid (time off|holidays|parental|family|sick|vacation)",
        "unlimited pto",
        "parental leave",
        "tuition (reimbursement|assistance)",
        "stock options",
        "equity (package|grant|compensation)*",
        "(we|they) offer",
        "benefits (include|package|program)*",
        "(comprehensive|competitive|great) (benefits|salary|pay|compensation)",
    ),
    "legal": (
        "criminal histor*",
        "arrest (and|or) conviction*",
        "fair chance",
        "background (check|screening|investigation)*",
        "drug (test|screen)*",
        "pay transparency",
        "compensation information",
        "privacy (notice|policy|statement)",
        "authori(z|s)ed to work",
        "work authori(z|s)ation",
        "sponsorship",
        "export control*",
        "itar",
        "(u.s.|us|u.s) (citizen|person)*",
        "at-will",
        "(this |)job description is not (designed|intended|meant)",
        "other duties as (assigned|required)",
        "applicable (law|federal|state)",
        "in accordance with (applicable|federal|state|local)",
    ),
    "covid": ("covid*", "vaccinat*", "pandemic", "temporarily (remote|due to)"),
    "application": (
        "apply (now|today|online|via|through|here|by|at)",
        'click(ing|) (the |on |)("apply|apply|here|the button)*',
        "easy apply",
        "send (us |me |)(your |a |an |)(updated |)(resume|cv)",
        "e(-|)mail (me|us|your)",
        "interested in hearing",
        "reach out to (me|us)",
        "recruit(ing|ment) (agency|firm|partner)",
        "(job|requisition) (id|number)",
        "application(s|) (will be|are) (accepted|reviewed)",
        "submit (your|an) application",
    ),
    "logistics": (
        "time(| )zone*",
        "relocat(e|ion)",
        "commut(e|ing)",
        "willing(ness|) to travel",
        "travel (up to|required)",
        "day(s|) (a|per) week (in|on)",
        "hybrid (schedule|work|role|model)",
        "must (be located|be based|reside|live)",
        "available to work (extended|weekends|nights|overtime|on-call|shifts|evenings)*",
        "work (extended hours|weekends|overtime|nights|evenings)",
        "internet connection",
        "webcam",
        "(a|own|good|working) (laptop|computer|headset)",
        "(join|start) immediately",
        "immediate joiner*",
        "disponibilidad (para|de|inmediata)",
    ),
    "company": (
        "(funded|backed) by",
        "series (a|b|c|d|e) (funding|round|startup)",
        "founded in",
        "headquartered",
        "our (mission|vision|values)",
        "fortune (50|100|500|1000)",
        "unicorn",
        "valuation",
        "raised $",
        "year(s|) (of |)history",
        "within its first",
        "(is|are) (a|an|the) (leading|global|world's|worlds|fast-growing|fast growing)",
    ),
}

# Words common in such sentences but not telling on their own: they count toward the density of a long piece.
_SUPPORT_WORDS = (
    "race", "color", "colour", "religion", "religious", "ancestry", "marital", "pregnan*", "genetic", "disability",
    "disabilities", "veteran", "veterans", "age", "gender", "sex", "citizenship", "salary", "bonus", "equity",
    "benefits", "insurance", "medical", "dental", "vision", "holidays", "leave", "retirement", "wellness",
    "stipend", "perks", "sponsor*", "eligib*", "employer", "applicant", "applicants", "candidates",
    "accommodation", "accommodations", "discriminat*", "harassment", "law", "laws", "regulations", "location",
    "locations", "office", "hybrid", "remote", "onsite", "in-office", "relocation",
)  # fmt: skip

_KINDS: tuple[BoilerplateKind, ...] = tuple(_PHRASES)
_SUPPORT = -1  # the "kind" of a supporting word
#: A piece longer than this needs one telling phrase or supporting word per this many characters to count as
#: boilerplate: parsers run sentences together ("... $175k - $220k Our stack includes Python ..."), and one pay
#: figure must not take a paragraph of real asks with it.
CHARS_PER_HIT = 200
# Same-length folding before matching: curly apostrophes and odd spaces.
_FOLD = (("’", "'"), ("‘", "'"), ("`", "'"), ("\n", " "), ("\t", " "), ("\r", " "), ("\xa0", " "))
_STOPS = ".;!?•|"  # characters that end a sentence (or a list item) for certain

# Where sentences run together inside a stretch between stops ("simulationsStrong background", "a plus)MUST BE",
# "... $220k Our stack includes ..."). Cutting too often costs nothing here (a cut inside "JavaScript" only makes
# two shorter pieces), while cutting too little would drop a real ask together with the boilerplate next to it.
_RUN_ON = re.compile(
    r"(?<=[a-z)])(?=[A-Z])"
    r"|(?<=[a-z0-9])\s+(?=(?:Our|We|We're|You|You'll|You're|Your|The|This|These|As|In|At|Join|About|Why|What|Who|"
    r"If|Please|Must|Strong|Experience|Ability|Bachelor|Proficiency|Knowledge|Familiarity)\b)"
)


def _expand(spec: str) -> list[str]:
    """Every literal a phrase spec stands for: "(a|b|)c" -> ["ac", "bc", "c"] (groups do not nest)."""
    open_at = spec.find("(")
    if open_at < 0:
        return [spec]
    close_at = spec.index(")", open_at)
    tails = _expand(spec[close_at + 1 :])
    return [spec[:open_at] + alt + tail for alt in spec[open_at + 1 : close_at].split("|") for tail in tails]


@functools.cache
def _automaton(support: bool) -> Any:
    """An Aho-Corasick automaton of the telling phrases (or of the supporting words): value (length, kind index
    or _SUPPORT, whole word)."""
    automaton = ahocorasick.Automaton()
    if support:
        entries: list[tuple[str, int]] = [(word, _SUPPORT) for word in _SUPPORT_WORDS]
    else:
        entries = [(spec, k) for k, kind in enumerate(_KINDS) for spec in _PHRASES[kind]]
        for symbol in "$€£":  # a pay figure: "$175k", "€ 60,000"
            entries += [
                (f"{symbol}{gap}{digit}*", _KINDS.index("pay_benefits")) for gap in ("", " ") for digit in "0123456789"
            ]
    for spec, kind in entries:
        for literal in _expand(spec):
            whole = not literal.endswith("*")
            literal = literal.rstrip("*")
            automaton.add_word(literal, (len(literal), kind, whole))
    automaton.make_automaton()
    return automaton


def _hits(text: str, *, support: bool = False) -> list[tuple[int, int]]:
    """(start, kind index) of every telling phrase in ``text`` (or (start, _SUPPORT) of every supporting word),
    sorted by start."""
    folded = text.lower()
    if len(folded) != len(text):  # a few characters change length when lowered ("İ"): fold one by one
        folded = "".join(c if len(c) == 1 else ch for ch, c in ((ch, ch.lower()) for ch in text))
    for old, new in _FOLD:
        if old in folded:
            folded = folded.replace(old, new)
    found: list[tuple[int, int]] = []
    last = len(folded) - 1
    for end, (length, kind, whole) in _automaton(support).iter(folded):
        start = end - length + 1
        if start > 0 and folded[start - 1].isalnum() and folded[start].isalnum():
            continue  # not at the start of a word
        if whole and end < last and folded[end + 1].isalnum():
            continue  # not at the end of a word
        found.append((start, kind))
    found.sort()
    return found


def _classify(piece: str, start: int, hits: Sequence[tuple[int, int]]) -> BoilerplateKind | None:
    """The kind of a piece starting at ``start`` given the text's telling hits, or None for a real ask."""
    lo = bisect.bisect_left(hits, (start, -2))
    hi = bisect.bisect_left(hits, (start + len(piece), -2), lo)
    counts: dict[int, int] = {}
    for _, kind in hits[lo:hi]:
        counts[kind] = counts.get(kind, 0) + 1
    if not counts:
        return None
    size = len(piece.strip())
    total = sum(counts.values())
    if size > CHARS_PER_HIT and total * CHARS_PER_HIT < size:
        total += len(_hits(piece, support=True))
        if total * CHARS_PER_HIT < size:
            return None
    return _KINDS[max(counts, key=lambda k: (counts[k], -k))]


def boilerplate_kind(sentence: str) -> BoilerplateKind | None:
    """What kind of boilerplate a sentence is, or None for a real ask.

    The sentence needs a telling phrase (the kind is that of the most frequent one); a long one also needs
    telling phrases and supporting words at least every :data:`CHARS_PER_HIT` characters.
    """
    return _classify(sentence, 0, _hits(sentence))


def boilerplate_spans(job: JobPosting) -> tuple[tuple[int, int, BoilerplateKind], ...]:
    """Sorted (start, end, kind) spans of ``job.text`` that are boilerplate sentences.

    The phrases are found over the whole text at once; only lines holding one are cut into sentences.
    """
    text = job.text
    hits = _hits(text)
    if not hits:
        return ()
    telling = [start for start, _ in hits]
    spans: set[tuple[int, int, BoilerplateKind]] = set()
    lines = job.document.lines
    line_starts = [ln.start for ln in lines]
    a = b = cut_line = -1  # the last stretch cut, and its line
    for at in telling:
        k = bisect.bisect_right(line_starts, at) - 1
        if k < 0 or at >= lines[k].end or (k == cut_line and a <= at < b):
            continue  # outside every line, or in the stretch of the phrase before (phrases come in order)
        # Only the stretch between the sentence stops around the phrase is cut into sentences.
        a, b = _stretch(text, at, lines[k].start, lines[k].end)
        cut_line = k
        pos = a
        for raw in _RUN_ON.split(text[a:b]):
            piece = raw.strip()
            if not piece:
                continue
            start = text.find(piece, pos, b)
            if start < 0:
                continue
            pos = start + len(piece)
            kind = _classify(piece, start, hits)
            if kind is not None:
                spans.add((start, start + len(piece), kind))
    return tuple(sorted(spans))


def _stretch(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """[a, b) around ``at`` within [start, end): from after the last sentence stop before it to the next one."""
    a = max(text.rfind(c, start, at) for c in _STOPS) + 1
    ends = [i for i in (text.find(c, at, end) for c in _STOPS) if i >= 0]
    return max(a, start), (min(ends) + 1 if ends else end)


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
