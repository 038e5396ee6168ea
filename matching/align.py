"""The job side: what each requirement line asks, and how the resume answers it.

:func:`analyze_job` finds the job's skills once, files them under its requirement lines, and groups
either/or skills ("Java or Kotlin", "one of Python, Go", "cloud (AWS, GCP)"). A broader skill named just
before its examples ("cloud" there) is kept apart as the group's *general* skill: shown alone it counts only
in part, since the examples are what the line asks. An example the taxonomy does not know ("templating
(Jinja2)") becomes a *term*, looked for word for word in the resume, so a line is never met on its general
word alone. When the parser found no requirement list, lines that name skills stand in for one
(``JobAnalysis.derived``), and the report says so. Each item is labelled in the ad's own words where they name
the skill otherwise than the taxonomy does ("GIT/SVN" gives "Git or SVN", not "Git or Apache Subversion").

:func:`align_requirements` then turns each line into a :class:`~matching.report.RequirementMatch` and the
score items behind it; :func:`years_items`, :func:`education_items` and :func:`title_alignment` handle the
asks that are not skills.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import math
import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from matching.boilerplate import boilerplate_spans, covered_share
from matching.evidence import (
    MET_AT,
    TERM_PREFIX,
    ResumeAnalysis,
    SkillExtractor,
    align_stems,
    content_stems,
    content_words,
    is_term,
    prove_skills,
    skill_credit,
    status_for,
)
from matching.fields import family_siblings, is_broad_area
from matching.models import SkillMention
from matching.normalize import normalize, scan
from matching.report import REASON_WORDS, Evidence, GapReason, ItemKind, RequirementMatch, SkillCheck, Status
from matching.scoring import ScoreItem
from parsers.models import EducationAsked, JobPosting, Requirement, RequirementKind, YearsAsked

__all__ = [
    "BROAD_AREA_WEIGHT",
    "EDUCATION_LEVELS",
    "GENERAL_CREDIT",
    "GENERAL_LINE_WEIGHT",
    "IMPLIED_YEARS",
    "KIND_WEIGHTS",
    "TERM_CONFIDENCE",
    "AskedItem",
    "JobAnalysis",
    "Strength",
    "TitleAlignment",
    "align_requirements",
    "analyze_job",
    "education_items",
    "keyword_items",
    "mention_weight",
    "resume_education_level",
    "resume_strengths",
    "strength_items",
    "title_alignment",
    "years_items",
]

#: Weight of a skill within its part, by kind: hard skills count most, soft skills least.
KIND_WEIGHTS: Mapping[str, float] = {
    "programming_language": 1.0,
    "tool": 1.0,
    "certification": 1.0,
    "knowledge": 0.8,
    "language": 0.5,
    "soft": 0.35,
}
#: Within "your strengths", a broad knowledge area ("software development") says less about you than a named
#: tool or language: most people in the field share it.
STRENGTH_KIND: Mapping[str, float] = {"knowledge": 0.5}
STRENGTH_FAMILY = 0.5  # a strength counts this much when the ad names a tool of its family instead
STRENGTHS_TARGET = 6.0  # strength the ad must use for the "strengths used" part to be full
ESCO_KNOWLEDGE_WEIGHT = 0.5  # broad ESCO knowledge ("troubleshoot", "computer science"): often boilerplate
#: A broad area the ad asks for ("software design", "computer programming"; matching.fields.is_broad_area) weighs
#: at most this, as broad ESCO knowledge does: the named tools say what the job needs.
BROAD_AREA_WEIGHT = ESCO_KNOWLEDGE_WEIGHT
TITLE_EMPHASIS = 1.5  # a skill named in the job's title
REPEAT_EMPHASIS = 1.25  # a skill named on two or more lines of the ad
MAX_EMPHASIS = 1.75
BOILERPLATE_LINE_SHARE = 0.5  # a requirement line at least this much boilerplate is left out
GENERAL_LINE_WEIGHT = 0.4  # a requirement line that names no skill, aligned by wording
DERIVED_DUTY_WEIGHT = 0.6  # a derived line that describes a duty ("You will build ...") rather than an ask
DERIVED_OTHER_WEIGHT = 0.3  # a derived line that neither asks nor describes a duty (company story, product)
PREFERRED_ASK_WEIGHT = 0.5  # a preferred years or education ask, within its part
KEYWORD_OUTSIDE_RESPONSIBILITIES = 0.5  # a keyword in 'about' or other sections, vs 1.0 in responsibilities
#: A general skill named just before the examples the line asks for ("for python such as Jinja2") and shown
#: without any of them counts this much of its credit, as related evidence: the line is partly met.
GENERAL_CREDIT = 0.5
#: The confidence of a term (an example the line names that the taxonomy does not know): it weighs as a tool at
#: this confidence, a little less than a named skill, since nothing but its spelling says it is one.
TERM_CONFIDENCE = 0.7

EDUCATION_LEVELS: Mapping[str, int] = {
    "high_school": 1,
    "associate": 2,
    "bachelor": 3,
    "master": 4,
    "doctorate": 5,
}
_LEVEL_NAMES = {
    "high_school": "high-school diploma",
    "associate": "associate degree",
    "bachelor": "bachelor's degree",
    "master": "master's degree",
    "doctorate": "doctorate",
}
_LEVEL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("doctorate", re.compile(r"\b(ph\.?\s?d|doctor(ate|al)?|d\.?phil|ed\.?d)\b", re.I)),
    ("master", re.compile(r"\b(master'?s?|m\.?sc?|m\.?eng|mba|m\.?a\.|ms|ma|mtech|m\.tech)\b|master’s", re.I)),
    (
        "bachelor",
        re.compile(r"\b(bachelor'?s?|b\.?sc?|b\.?eng|b\.?a\.|bs|ba|btech|b\.tech|undergraduate)\b|bachelor’s", re.I),
    ),
    ("associate", re.compile(r"\bassociate'?s?\s+(degree|of)\b", re.I)),
    ("high_school", re.compile(r"\b(high\s+school|secondary\s+school|ged|diploma)\b", re.I)),
)

#: Years usually expected by a title word when the ad gives no number (used only then, at half weight).
IMPLIED_YEARS: Mapping[str, float] = {
    "intern": 0.0,
    "junior": 0.0,
    "jr": 0.0,
    "entry": 0.0,
    "graduate": 0.0,
    "grad": 0.0,
    "senior": 5.0,
    "sr": 5.0,
    "lead": 6.0,
    "staff": 8.0,
    "principal": 10.0,
    "architect": 8.0,
    "director": 10.0,
    "head": 10.0,
}
IMPLIED_WEIGHT = 0.5

_EXAMPLE_WORDS = (
    r"one\s+of|any\s+of|either|such\s+as|e\.?\s?g\.?|for\s+example|for\s+instance|including|like|especially|"
    r"in\s+particular|namely|at\s+least\s+one|one\s+or\s+more|"
    r"como|tales\s+como|por\s+ejemplo|p\.\s?ej\.|comme|tels?\s+que|par\s+exemple|wie|z\.\s?b\."
)
# (?<!\w) and (?!\w), not \b: "e.g." ends in a dot, and "(e.g., AWS, GCP)" has no word boundary after it.
_CUE_BEFORE = re.compile(rf"(?:(?<!\w)(?:{_EXAMPLE_WORDS})(?!\w)[^.;!?]*|\(\s*)$", re.I)
# What may stand between a named skill and the examples of it: "cloud (AWS, GCP)", "databases such as X or Y".
_PARENT_GAP = re.compile(
    rf"^\s*,?\s*(?:\(\s*(?:(?:{_EXAMPLE_WORDS})(?!\w))?|(?:{_EXAMPLE_WORDS})(?!\w))\s*[:,]?\s*$", re.I
)
_CUE_REACH = 60  # characters between a cue and the list it introduces
_OR_SIMILAR_AFTER = re.compile(
    r",?\s*(?:or|and/or|o|ou|oder)\s+(?:similar|equivalent|other|comparable|related|similares?|equivalentes?)\b",
    re.I,
)
_OR_WORD = re.compile(r"\b(?:or|o|u|ou|oder)\b|/|\|", re.I)
_LIST_SEPARATOR = re.compile(
    r"^\s*(?:,|;|and|&|,\s*and|,\s*or|or|and/or|/|\||y|e|o|u|et|ou|und|oder|,\s*(?:y|o|et|ou|und|oder))?\s*$", re.I
)


def _is_or_gap(between: str, a: SkillMention, b: SkillMention) -> bool:
    """True when the words between two listed skills make them alternatives.

    A bare slash between a language and a tool ("Python/Django") reads as "with", not "or".
    """
    if not _OR_WORD.search(between):
        return False
    return not (between.strip() in ("/", "|") and a.kind != b.kind)


_SENTENCE_SPLIT = re.compile(r"(?<=[a-z0-9)\]][.;!?])\s+(?=[A-Z(])|(?<=[a-z0-9)][.;!?])(?=[A-Z][a-z])")
_PREFERRED_CUE = re.compile(r"\b(preferred|nice[\s-]to[\s-]have|a\s+plus|bonus|desired|ideally)\b", re.I)
_RELATED_FIELD = re.compile(r"\b(related|similar|relevant|equivalent|technical|quantitative|stem)\b", re.I)
_SKIP_SECTIONS = frozenset({"benefits"})
_ASK_CUE = re.compile(
    r"\b(?:experience (?:with|in|using|building|developing|of)|experienced|proficien\w*|knowledge of|familiar\w*"
    r"|understanding of|expertise|expert in|skilled|background in|ability to|able to|degree|\d\+? ?years|years of"
    r"|must|required|requirements?|qualifications?|you have|you bring|you are|we(?:'re| are) looking for|strong"
    r"|solid|hands-on|fluen(?:t|cy)|comfortable with|track record)\b",
    re.I,
)
_DUTY_CUE = re.compile(
    r"\byou(?:'ll| will)\b|^\W*(?:build|develop|design|own|lead|drive|work|collaborate|partner|maintain|implement"
    r"|create|contribute|support|help|write|ship|deliver|architect|improve|optimi[sz]e|manage|mentor|define"
    r"|integrate|deploy|scale|automate|troubleshoot)\w*\b",
    re.I,
)

_TITLE_STOP = frozenset(
    """
    senior sr junior jr lead staff principal head chief intern internship entry level mid i ii iii iv v
    1 2 3 4 5 new grad graduate early career campus remote hybrid onsite on site us usa the a an of and
    for in at with to or start 2024 2025 2026 contract temporary part full time permanent role position
    team
    """.split()  # noqa: SIM905
)
_TITLE_PHRASES = (
    (" software development engineer ", " software engineer "),
    (" back end ", " backend "),
    (" front end ", " frontend "),
    (" full stack ", " fullstack "),
    (" dev ops ", " devops "),
    (" sde ", " software engineer "),
    (" swe ", " software engineer "),
    (" developer ", " engineer "),
    (" programmer ", " engineer "),
    (" dev ", " engineer "),
    (" engineering ", " engineer "),
)
_GENERIC_TITLE_WORDS = {"engineer": 0.5, "software": 0.75, "specialist": 0.5, "manager": 0.75}
TITLE_ECHO = 0.7  # a title word standing at least this strongly in the resume is echoed (a summary, a recent title)


@dataclass(frozen=True, slots=True)
class _Group:
    """Skills of one requirement line that count as one item (a single skill, or an either/or group).

    ``general`` is a broader skill the line names just before the examples ("cloud platforms such as AWS or
    GCP", "for python such as Jinja2"): the examples are the ask, so the general skill shown alone counts only
    :data:`GENERAL_CREDIT` of its credit, as related evidence. Built once per job and read for every resume, so
    its ids, key and names are computed when it is made: ``name`` in the ad's words (:func:`_ad_words`),
    ``canonical`` in the taxonomy's.
    """

    mentions: tuple[SkillMention, ...]
    general: tuple[SkillMention, ...] = ()
    skill_ids: tuple[str, ...] = field(init=False)
    general_ids: tuple[str, ...] = field(init=False)
    key: str = field(init=False)
    name: str = field(init=False)
    canonical: str = field(init=False)
    broad: bool = field(init=False)  # every skill of it is a broad area (matching.fields.is_broad_area)
    start: int = field(init=False, compare=False)  # where the line first names it (its general skill, if any)

    def __post_init__(self) -> None:
        if len(self.mentions) == 1 and not self.general:  # most groups: one skill, the rest below comes to this
            m = self.mentions[0]
            for name, value in (
                ("skill_ids", (m.skill_id,)),
                ("general_ids", ()),
                ("key", m.skill_id),
                ("name", _ad_words(m)),
                ("canonical", m.name),
                ("broad", is_broad_area(m.skill_id, m.kind, m.name, m.esco_label)),
                ("start", m.start),
            ):
                object.__setattr__(self, name, value)
            return
        object.__setattr__(self, "start", min(m.start for m in (*self.general, *self.mentions)))
        ids = tuple(dict.fromkeys(m.skill_id for m in self.mentions))
        object.__setattr__(self, "skill_ids", ids)
        object.__setattr__(
            self, "general_ids", tuple(dict.fromkeys(m.skill_id for m in self.general if m.skill_id not in ids))
        )
        object.__setattr__(self, "key", ids[0] if len(ids) == 1 else "any:" + "|".join(sorted(ids)))
        # One mention per skill names it, the one written as its name if any ("Kubernetes (k8s)": Kubernetes).
        first: dict[str, SkillMention] = {}
        for m in (*self.mentions, *(g for g in self.general if g.skill_id in ids)):
            if m.skill_id not in first or (m.match == "exact" and first[m.skill_id].match != "exact"):
                first[m.skill_id] = m
        object.__setattr__(self, "name", " or ".join(dict.fromkeys(_ad_words(first[i]) for i in ids)))
        object.__setattr__(self, "canonical", " or ".join(dict.fromkeys(first[i].name for i in ids)))
        object.__setattr__(
            self, "broad", all(is_broad_area(m.skill_id, m.kind, m.name, m.esco_label) for m in self.mentions)
        )


def _ad_words(mention: SkillMention) -> str:
    """How the ad names a skill: its own words where they name a tool, language or certification otherwise than
    the taxonomy does ('SVN' for Apache Subversion, 'AWS', 'version control' for Git); else the skill's name (the
    same words in the taxonomy's spelling: 'GIT', 'PostGRESQL' give 'Git', 'PostgreSQL'). Knowledge and soft
    skills keep their names: the ad's words for them are often a single loose word ('design', 'cloud')."""
    if mention.match not in ("alias", "variant") or mention.kind not in (
        "tool",
        "programming_language",
        "certification",
    ):
        return mention.name
    words = " ".join(mention.surface.split()).strip(" .,;:")
    if not words or _norm(words) == _norm(mention.name):
        return mention.name
    return words


@dataclass(eq=False)
class JobAnalysis:
    """Everything about one job that does not depend on the resume. Build with :func:`analyze_job`."""

    job: JobPosting
    mentions: tuple[SkillMention, ...]
    requirements: tuple[Requirement, ...]
    derived: bool  # True when the requirement lines were derived from the text (no list was parsed)
    groups: tuple[tuple[_Group, ...], ...]  # per requirement
    counts: Mapping[str, int]  # per skill id, the lines of the ad that name it
    title_span: tuple[int, int] | None
    title_skill_ids: frozenset[str]
    keyword_mentions: tuple[tuple[SkillMention, float], ...]  # outside requirement lines, with a weight
    named_ids: frozenset[str]  # every skill the ad names outside benefits sections
    extractor: SkillExtractor
    boilerplate: tuple[tuple[int, int, str], ...] = ()  # sentences that ask nothing (boilerplate_spans)
    skipped_lines: int = 0  # requirement lines of the parser left out as boilerplate
    line_weights: tuple[float, ...] = ()  # per requirement: 1.0, or less for a derived duty or story line
    keyword_groups: tuple[_Group, ...] = ()  # one single-skill group per keyword mention
    _subject_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _line_words: dict[int, tuple[tuple[str, ...], str]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # per-job caches of other modules

    def in_boilerplate(self, pos: int) -> bool:
        """True when the job text's offset ``pos`` lies in a boilerplate sentence (EEO, pay, legal, apply...)."""
        return pos >= 0 and _in_spans(self.boilerplate, pos)

    def line_words(self, index: int) -> tuple[tuple[str, ...], str]:
        """Requirement line ``index``'s content stems (:func:`~matching.evidence.content_words`) and normal form
        (:func:`~matching.normalize.normalize`), from one scan of the line (cached: read for every resume)."""
        cached = self._line_words.get(index)
        if cached is None:
            tokens = scan(self.requirements[index].text)[0]
            cached = self._line_words[index] = (content_stems(tokens), " ".join(tokens))
        return cached

    def subject_skills(self, subject: str | None) -> tuple[str, ...]:
        """Skill ids named by a years ask's subject ('Python', 'backend development'); () for general ones."""
        if not subject:
            return ()
        cached = self._subject_cache.get(subject)
        if cached is None:
            # The subject is usually words of the ad itself: take the skills already found there.
            pos = self.job.text.find(subject)
            if pos >= 0:
                inside: Sequence[SkillMention] = [
                    m for m in self.mentions if pos <= m.start and m.end <= pos + len(subject)
                ]
            else:
                inside = self.extractor(subject)
            found: dict[str, None] = {}
            for m in inside:
                if m.kind != "soft":
                    found.setdefault(m.skill_id, None)
            cached = tuple(found)
            self._subject_cache[subject] = cached
        return cached


@dataclass(frozen=True, slots=True)
class AskedItem:
    """An ask of the job that becomes one score item, with what is needed to explain and close it."""

    item: ScoreItem
    label: str
    kind: ItemKind
    requirement: str
    start: int
    end: int
    reason: GapReason | None
    skill_id: str | None = None
    hard: bool = True
    emphasis: float = 1.0
    broad: bool = False  # a broad area (the ad's wording), not a named skill
    also_asked: tuple[str, ...] = ()  # other lines asking the same skill less strongly (their text)


@dataclass(frozen=True, slots=True)
class TitleAlignment:
    credit: float
    explanation: str
    matched: tuple[str, ...]
    missing: tuple[str, ...]


def _emphasis(mentions: Sequence[SkillMention], counts: Mapping[str, int], title_ids: frozenset[str]) -> float:
    factor = 1.0
    if any(m.skill_id in title_ids for m in mentions):
        factor *= TITLE_EMPHASIS
    if any(counts.get(m.skill_id, 0) >= 2 for m in mentions):
        factor *= REPEAT_EMPHASIS
    return min(MAX_EMPHASIS, factor)


@functools.lru_cache(maxsize=8192)
def _norm(name: str) -> str:
    """``normalize`` for skill names and short phrases, which recur from ad to ad."""
    return normalize(name)


_GROUP_START = operator.attrgetter("start")


def _group_mentions(
    text: str, offset: int, mentions: Sequence[SkillMention], req: Requirement, loose: frozenset[str] = frozenset()
) -> list[_Group]:
    """Split a line's mentions into items: either/or runs become one group, the rest single skills.

    A *run* is a list of mentions with only separators between them ("A, B and C", "A/B", "A, B, or C").
    A run is one either/or group when a separator says "or", or when a cue right before it says the items
    are examples ("one of", "such as", "e.g.", "including", an opening bracket); a skill named just before
    such a cue ("cloud platforms such as AWS or GCP") joins the group, since any example satisfies it.
    Soft skills never join a group of technical ones.
    """
    if not mentions:
        return []
    if len(mentions) == 1 and not req.alternatives:
        return [_Group((mentions[0],))]
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    claimed: set[int] = set()
    groups: list[_Group] = []
    for alternatives in req.alternatives:  # the parser's own either/or groups first
        wanted = {_norm(a) for a in alternatives}
        chosen = [i for i, m in enumerate(mentions) if _norm(m.surface) in wanted or _norm(m.name) in wanted]
        if len(chosen) >= 2:
            claimed.update(chosen)
            groups.append(_Group(tuple(mentions[i] for i in chosen)))
    rest = [m for i, m in enumerate(mentions) if i not in claimed]
    hard = [m for m in rest if m.kind != "soft"]
    groups.extend(_Group((m,)) for m in rest if m.kind == "soft")

    def gap(a: SkillMention, b: SkillMention) -> str:
        return text[a.end - offset : b.start - offset]

    runs: list[list[SkillMention]] = []
    for m in hard:
        if runs and _is_list_gap(gap(runs[-1][-1], m)):
            runs[-1].append(m)
        else:
            runs.append([m])
    previous: SkillMention | None = None
    for run in runs:
        is_or = any(_is_or_gap(gap(a, b), a, b) for a, b in itertools.pairwise(run))
        is_or = is_or or bool(_OR_SIMILAR_AFTER.match(text, run[-1].end - offset))
        lead_from = previous.end - offset if previous is not None else 0
        lead = text[max(lead_from, run[0].start - offset - _CUE_REACH) : run[0].start - offset]
        cue = _CUE_BEFORE.search(lead)
        parent: list[SkillMention] = []
        if cue is not None and previous is not None and not is_term(previous.skill_id):
            between = text[previous.end - offset : run[0].start - offset]
            if _PARENT_GAP.match(between):
                parent = [previous]
        if ((is_or or cue is not None) and len(run) >= 2) or (parent and cue is not None):
            if parent:
                groups = [g for g in groups if g.mentions != (parent[0],)]
            groups.append(_Group(tuple(run), tuple(parent)))
        else:
            groups.extend(_Group((m,)) for m in run)
        previous = run[-1]
    # A skill that is one of an either/or group of the line is asked by that group, not once more on its own
    # ("version control tools (GIT/SVN)", where 'version control' is also Git).
    in_groups = {sid for g in groups if len(g.skill_ids) > 1 for sid in g.skill_ids}
    groups = [g for g in groups if len(g.skill_ids) > 1 or g.skill_ids[0] not in in_groups]
    groups = [g for g in groups if not loose.issuperset(g.skill_ids)]  # a loose term is only an alternative
    unique: dict[str, _Group] = {}
    for g in sorted(groups, key=_GROUP_START):
        unique.setdefault(g.key, g)
    return list(unique.values())


_TERM_CUE = re.compile(rf"(?<!\w)(?:{_EXAMPLE_WORDS})(?!\w)\s*[:,]?|\(", re.I)
_TERM_SEGMENT_END = re.compile(r"[;:!?()]|\.(?=\s|$)")
_TERM_SPLIT = re.compile(r"\s*(?:,|;|/|\||&|\band/or\b|\b(?:or|and|o|y|ou|et|und|oder)\b)\s*", re.I)
_TERM_TOKEN = re.compile(r"[^\W_][\w+#]*(?:[.\-][a-z0-9][\w+#]*)*")
_TERM_TAIL = re.compile(r"\s*(?:\betc\b\.?|\band\s+(?:more|others|so\s+on)\b|\bamong\s+others\b)\s*$", re.I)
_GLUED = re.compile(r"^[a-z]{3,}[A-Z][a-z]{2,}$")  # "resourcesVibrant": two words run together, not a name
_TERM_MAX_TOKENS = 3
_CAMEL_PARTS = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _name_like(token: str) -> bool:
    """A token written like a name: capitalised, with a digit, or with a capital inside ('Jinja2', 'gRPC')."""
    return token[0].isupper() or any(c.isdigit() for c in token) or any(c.isupper() for c in token[1:])


def _product_shaped(token: str) -> bool:
    """Written as only a product is ('Jinja2', 'CosmosDb', 'iBatis', 'TLS1.3'): a digit or an inner capital."""
    letters = [c for c in token if c.isalpha()]
    if any(c.isdigit() for c in token) and letters:
        return True
    inner = any(c.isupper() for c in token[1:])
    return inner and not token.isupper() and not (token[:-1].isupper() and token[-1] == "s")


def _abbreviates(short: str, before: str) -> bool:
    """True when ``short`` spells the initials of the words right before it: 'continuous integration and
    continuous deployment (CI/CD)', 'Decentralized Exchange (DEX)' (after Schwartz and Hearst, 2003)."""
    letters = "".join(c.lower() for c in short if c.isalpha())
    if short.endswith("s") and len(letters) > 2:
        letters = letters[:-1]
    words = re.findall(r"[^\W\d_]+", before)
    if not letters or not words:
        return False
    for k in range(len(words) - 1, max(-1, len(words) - len(letters) - 3), -1):
        if words[k][0].lower() != letters[0]:
            continue
        rest = iter("".join(words[k:]).lower())
        if all(ch in rest for ch in letters):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _carries_meaning(word: str) -> bool:
    """A word of a listed example has a content word in it (cached: ads list the same names)."""
    return bool(content_words(word))


# Derivations the word list may lack though it holds the word they come from: "authentication" from "authenticate",
# "containerization" from "container", "observability" from "observe"
_DERIVED = (
    ("ization", ("", "ize")),
    ("isation", ("", "ise")),
    ("ation", ("ate", "e", "")),
    ("ability", ("e", "", "able")),
    ("ion", ("e", "")),
)


def _english(word: str) -> bool:
    """Whether a lower-case ``word`` is in the word list, or derives from one that is (:data:`_DERIVED`)."""
    from parsers.hyphenation import known_word  # here: the word list is read on first use

    if known_word(word):
        return True
    for suffix, bases in _DERIVED:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return any(known_word(stem + base) for base in bases)
    return False


def _term_piece(piece: str, shouting: bool) -> bool | None:
    """True when a listed example looks like the name of a tool, product or standard; None when it is written as
    a name but its words are English ('Hive', 'Arrow'): a name only beside skills in the same list; else False."""
    tokens = _TERM_TOKEN.findall(piece)
    if not tokens or len(tokens) > _TERM_MAX_TOKENS or not all(_name_like(t) for t in tokens):
        return False
    if any(_GLUED.match(t) for t in tokens):
        return False
    # Every part must carry meaning: 'Technical Skills', 'Learn To Do', 'OptimumPreferred' are words, not names.
    parts = [p for t in tokens for p in _CAMEL_PARTS.split(t)]
    if any(not _carries_meaning(p) for p in parts if not any(c.isdigit() for c in p)):
        return False
    if any(pattern.search(piece) for _, pattern in _LEVEL_PATTERNS):
        return False  # 'BS/MS', 'PhD': a degree, asked elsewhere
    if any(_product_shaped(t) for t in tokens):
        return True
    if shouting:
        return False  # a line in capitals: a capital says nothing
    # A capitalised or upper-case word that is no English word: 'Databricks', 'ELB'. Words of two letters ('US',
    # 'AI', 'CV') are too short to tell from an abbreviation.
    if any(len(t) >= 3 and not _english(t.lower()) for t in tokens):
        return True
    return None if any(len(t) >= 3 for t in tokens) else False


def _is_list_gap(gap: str) -> bool:
    """True when the text between two listed skills is a separator, or separated items written as names that no
    skill covers ("Hadoop, Hive, Spark"): the list goes on through them."""
    if _LIST_SEPARATOR.match(gap):
        return True
    if not _TERM_SPLIT.match(gap):
        return False  # no separator first (after spaces): the split's first chunk is words, as below
    chunks = [c.strip() for c in _TERM_SPLIT.split(gap)]
    if len(chunks) < 3 or chunks[0] or chunks[-1]:
        return False
    for chunk in chunks[1:-1]:
        tokens = _TERM_TOKEN.findall(chunk)
        if not chunk or not tokens or len(tokens) > _TERM_MAX_TOKENS or not all(_name_like(t) for t in tokens):
            return False
        if len("".join(tokens)) < len(chunk.replace(" ", "")) - 1:
            return False  # more than names between them
    return True


def _example_terms(
    text: str, offset: int, mentions: Sequence[SkillMention]
) -> tuple[list[SkillMention], frozenset[str]]:
    """The examples a line lists ("templating (Jinja2)", "such as Jinja2 etc") that no skill mention covers and
    that are written as names: each becomes a *term*, a skill the taxonomy does not know, looked for word for
    word in the resume (``TERM_PREFIX`` + its normalised words). The line asks for it as much as for the skills
    the taxonomy knows, so a general skill on the same line cannot meet the line alone.

    A name made of English words ('Hive' in "Hadoop, Hive, Spark") is a term only in a list that also names a
    hard skill; those *loose* ids are returned apart, and :func:`_group_mentions` keeps them only as alternatives.
    """
    cues = list(_TERM_CUE.finditer(text))
    if not cues:
        return [], frozenset()  # most lines list no examples
    letters = list(filter(str.isalpha, text))
    shouting = sum(map(str.isupper, letters)) > 0.6 * len(letters)
    spans = [(m.start - offset, m.end - offset) for m in mentions]
    hard_spans = [(m.start - offset, m.end - offset) for m in mentions if m.kind != "soft"]
    found: dict[str, SkillMention] = {}
    loose: set[str] = set()
    for cue in cues:
        start = cue.end()
        if cue.group() == "(":
            close = text.find(")", start)
            stop = close if close >= 0 else len(text)
            head = text[: cue.start()].rstrip()
            if head and head[-1].isalnum() and _abbreviates(text[start:stop], head):
                continue  # a parenthesised abbreviation of the words before it
        else:
            segment_end = _TERM_SEGMENT_END.search(text, start)
            stop = segment_end.start() if segment_end else len(text)
        segment = _TERM_TAIL.sub("", text[start:stop])
        pieces: list[tuple[int, int, str, bool]] = []  # start, end, piece, strict
        pos = start
        for raw in _TERM_SPLIT.split(segment):
            piece = raw.strip(" \t\"'“”‘’[]")
            if not piece:
                continue
            at = text.find(piece, pos)
            if at < 0:
                continue
            pos = at + len(piece)
            if any(s < pos and at < e for s, e in spans):
                continue
            kind = _term_piece(piece, shouting)
            if kind is not False:
                pieces.append((at, pos, piece, kind is True))
        # English words written as names count beside a skill or a clear name in the same list.
        beside = any(start <= s and e <= stop for s, e in hard_spans) or any(strict for *_, strict in pieces)
        for at, end, piece, strict in pieces:
            words = scan(piece)[0]
            if not words or not (strict or beside):
                continue
            term_id = TERM_PREFIX + " ".join(words)
            if term_id in found:
                continue
            if not strict:
                loose.add(term_id)
            found.setdefault(
                term_id,
                SkillMention(
                    start=at + offset,
                    end=end + offset,
                    surface=piece,
                    name=" ".join(piece.split()),
                    skill_id=term_id,
                    kind="tool",
                    esco_uri=None,
                    esco_label=None,
                    match="exact",
                    confidence=TERM_CONFIDENCE,
                ),
            )
    return sorted(found.values(), key=lambda m: m.start), frozenset(loose)


def _derived_weight(piece: str, section: str | None) -> float:
    """How much a derived line counts: an ask (a requirements section or an ask cue) fully, a duty less, the rest
    (company story, product blurb) least."""
    if section in ("requirements", "preferred") or _ASK_CUE.search(piece):
        return 1.0
    if section == "responsibilities" or _DUTY_CUE.search(piece):
        return DERIVED_DUTY_WEIGHT
    return DERIVED_OTHER_WEIGHT


def _derive_requirements(
    job: JobPosting, mentions: Sequence[SkillMention]
) -> tuple[tuple[Requirement, ...], tuple[float, ...]]:
    """Requirement lines from the text when the parser found none: sentences that name a hard skill, each with
    its weight (:func:`_derived_weight`)."""
    text = job.text
    wanted = [s for s in job.sections if s.kind in ("requirements", "preferred")]
    skip = [s for s in job.sections if s.kind in _SKIP_SECTIONS]
    known = [s for s in job.sections if s.kind not in _SKIP_SECTIONS]
    spans: list[tuple[int, int, str | None]] = []
    title_at = text.find(job.title) if job.title else -1
    hard_starts = sorted(m.start for m in mentions if m.kind != "soft")
    for line in job.document.lines:
        i = bisect.bisect_left(hard_starts, line.start)
        if i >= len(hard_starts) or hard_starts[i] >= line.end:
            continue  # no hard skill on the line: none of its sentences is a requirement
        if (
            title_at >= 0
            and line.start <= title_at < line.end
            and len(job.title or "") >= 0.6 * (line.end - line.start)
        ):
            continue
        if wanted and not any(s.start <= line.start < s.end for s in wanted):
            continue
        if any(s.start <= line.start < s.end for s in skip):
            continue
        kind = next((s.kind for s in known if s.start <= line.start < s.end), None)
        pos = line.start
        for piece in _SENTENCE_SPLIT.split(text[line.start : line.end]):
            start = text.find(piece, pos)
            if start < 0:
                continue
            pos = start + len(piece)
            spans.append((start, start + len(piece), kind))
    result: list[Requirement] = []
    weights: list[float] = []
    for start, end, kind in spans:
        i = bisect.bisect_left(hard_starts, start)
        if i >= len(hard_starts) or hard_starts[i] >= end:
            continue
        piece = text[start:end]
        preferred = kind == "preferred" or bool(_PREFERRED_CUE.search(piece))
        section = kind if kind in ("requirements", "preferred") else None
        level: RequirementKind = "preferred" if preferred else "required"
        result.append(Requirement(text=piece, start=start, end=end, kind=level, section=section))
        weights.append(_derived_weight(piece, kind))
    return tuple(result), tuple(weights)


_MENTION_ORDER = operator.attrgetter("start", "end", "skill_id")


def analyze_job(job: JobPosting, *, extractor: SkillExtractor) -> JobAnalysis:
    """Analyse a job once: its skills, requirement lines (or derived ones), groups, title skills, keywords."""
    text = job.text
    title_span: tuple[int, int] | None = None
    if job.title:
        pos = text.find(job.title)
        if pos >= 0:
            title_span = (pos, pos + len(job.title))
    boilerplate = boilerplate_spans(job)
    mentions = tuple(sorted(extractor(text), key=_MENTION_ORDER))
    if boilerplate:
        # Skills named in boilerplate sentences ("TikTok is committed to ...") are not asked; the title always is.
        mentions = tuple(
            m
            for m in mentions
            if not _in_spans(boilerplate, m.start)
            or (title_span is not None and title_span[0] <= m.start < title_span[1])
        )
    listed = [r for r in job.requirements if r.end > r.start]
    requirements = tuple(r for r in listed if covered_share(boilerplate, r.start, r.end) < BOILERPLATE_LINE_SHARE)
    skipped = len(listed) - len(requirements)
    derived = False
    line_weights = tuple(1.0 for _ in requirements)
    if not requirements:
        requirements, line_weights = _derive_requirements(job, mentions)
        derived = True
    starts = [m.start for m in mentions]
    groups: list[tuple[_Group, ...]] = []
    in_requirements: set[int] = set()
    line_of: dict[int, int] = {}  # mention index -> the requirement line holding it
    for index, req in enumerate(requirements):
        lo = bisect.bisect_left(starts, req.start)
        hi = bisect.bisect_left(starts, req.end)
        inside = [mentions[i] for i in range(lo, hi) if mentions[i].end <= req.end]
        in_requirements.update(range(lo, hi))
        line_of.update((i, index) for i in range(lo, hi))
        if not inside:
            groups.append(())  # most lines of an ad name no skill
            continue
        loose: frozenset[str] = frozenset()
        if any(m.kind != "soft" for m in inside):
            terms, loose = _example_terms(text[req.start : req.end], req.start, inside)
            inside += terms
        groups.append(tuple(_group_mentions(text[req.start : req.end], req.start, inside, req, loose)))
    # A skill is repeated when named in two places (requirement lines, else lines of the ad): named twice in one
    # line ("version control tools (GIT/SVN)", "Kubernetes (k8s)") it is named once.
    line_starts = [ln.start for ln in job.document.lines]
    places: dict[str, set[tuple[str, int]]] = {}
    for i, m in enumerate(mentions):
        place = ("req", line_of[i]) if i in line_of else ("line", bisect.bisect_right(line_starts, m.start))
        places.setdefault(m.skill_id, set()).add(place)
    counts = {sid: len(found) for sid, found in places.items()}

    title_ids: set[str] = set()
    if title_span is not None:
        title_ids = {m.skill_id for m in mentions if title_span[0] <= m.start and m.end <= title_span[1]}
    elif job.title:
        title_ids = {m.skill_id for m in extractor(job.title)}

    skip = _merged([(s.start, s.end) for s in job.sections if s.kind in _SKIP_SECTIONS])
    resp = _merged(
        [(s.start, s.end) for s in job.sections if s.kind == "responsibilities"]
        + [(b.start, b.end) for b in job.responsibilities]
    )
    keywords: dict[str, tuple[SkillMention, float]] = {}
    for i, m in enumerate(mentions):
        if i in in_requirements or _in_spans(skip, m.start):
            continue
        in_title = title_span is not None and title_span[0] <= m.start < title_span[1]
        weight = 1.0 if in_title or _in_spans(resp, m.start) else KEYWORD_OUTSIDE_RESPONSIBILITIES
        prev = keywords.get(m.skill_id)
        if prev is None or weight > prev[1]:
            keywords[m.skill_id] = (m, weight)
    keyword_mentions = tuple(sorted(keywords.values(), key=lambda t: (t[0].start, t[0].skill_id)))
    return JobAnalysis(
        job=job,
        mentions=mentions,
        requirements=requirements,
        derived=derived,
        groups=tuple(groups),
        counts=counts,
        title_span=title_span,
        title_skill_ids=frozenset(title_ids),
        keyword_mentions=keyword_mentions,
        keyword_groups=tuple(_Group((m,)) for m, _ in keyword_mentions),
        named_ids=frozenset(m.skill_id for m in mentions if not skip or not _in_spans(skip, m.start)),
        extractor=extractor,
        boilerplate=boilerplate,
        skipped_lines=skipped,
        line_weights=line_weights,
    )


def _in_spans(spans: Sequence[tuple[int, int]] | Sequence[tuple[int, int, str]], pos: int) -> bool:
    """True when ``pos`` lies in one of the sorted, non-overlapping ``spans``."""
    i = bisect.bisect_right(spans, (pos, math.inf)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _skill_check(analysis: ResumeAnalysis, group: _Group, text: str) -> SkillCheck:
    ids = group.skill_ids
    proof = prove_skills(analysis, ids)
    credit, evidence, reason, years = proof.credit, proof.evidence, proof.reason, proof.years_found
    if group.general_ids and credit < MET_AT:
        # Only the general skill before the examples is shown: related evidence, at GENERAL_CREDIT.
        general = prove_skills(analysis, group.general_ids)
        if round(general.credit * GENERAL_CREDIT, 4) > credit:
            credit = round(general.credit * GENERAL_CREDIT, 4)
            evidence = tuple(
                dataclasses.replace(ev, match="related", confidence=round(ev.confidence * GENERAL_CREDIT, 3))
                for ev in general.evidence
            )
            reason, years = "only_related_skill", None
    first = group.mentions[0]
    end = first.end if len(group.mentions) == 1 else max(m.end for m in group.mentions)
    return SkillCheck(
        key=group.key,
        name=group.name,
        skill_ids=ids,
        kind=first.kind,
        job_surface=text[first.start : end],
        job_start=first.start,
        job_end=end,
        status=status_for(credit),
        credit=credit,
        evidence=evidence,
        reason=reason,
        years_found=years,
        canonical=group.canonical if group.canonical != group.name else "",
        broad=group.broad,
    )


def _named_skills_explanation(checks: Sequence[SkillCheck]) -> str:
    """'1 of 2 named skills shown (shown: Python; not shown: Jinja2)': which part of the line is shown, which not."""
    shown = [c.name for c in checks if c.status == "met"]
    partly = []
    for c in checks:
        if c.status != "partly_met":
            continue
        related = next((ev.skill_name for ev in c.evidence if ev.match == "related" and ev.skill_name), None)
        why = f"only the related {related}" if related else REASON_WORDS.get(c.reason) if c.reason else None
        partly.append(f"{c.name} ({why})" if why else c.name)
    missing = [c.name for c in checks if c.status == "missing"]
    head = f"{len(shown)} of {len(checks)} named skills shown"
    if len(checks) == 1 and not partly:
        return head  # nothing to tell apart
    parts = [f"{label}: {', '.join(names)}" for label, names in (("shown", shown), ("partly", partly)) if names]
    if missing:
        parts.append("not shown: " + ", ".join(missing))
    return f"{head} ({'; '.join(parts)})"


def _asked_weight(mentions: Sequence[SkillMention], broad: bool) -> float:
    """How much an ask weighs before emphasis: its strongest mention, a broad area at most BROAD_AREA_WEIGHT."""
    base = max(mention_weight(m) for m in mentions)
    if broad:
        base = min(base, BROAD_AREA_WEIGHT * max(0.5, min(1.0, max(m.confidence for m in mentions))))
    return base


def _skill_weight(group: _Group, job: JobAnalysis) -> tuple[float, float]:
    base = _asked_weight(group.mentions, group.broad)
    emphasis = _emphasis(group.mentions, job.counts, job.title_skill_ids)
    return base * emphasis, emphasis


_KIND_ORDER = {"required": 0, "preferred": 1, "other": 2}


def _merge_repeated(
    items: dict[tuple[str, str], AskedItem], matches: list[RequirementMatch]
) -> dict[tuple[str, str], AskedItem]:
    """One item for a skill asked alone on one line and within an either/or group on another ("Git"; "GIT/SVN").

    When the group shows no better than the skill alone, showing that skill closes both: the stronger ask stays
    (required over preferred; else the skill alone, the more specific), the other is dropped from the score as a
    preferred skill also required is, and its lines' checks point to the one kept (``SkillCheck.covered_by``).
    When the group is shown better (by SVN), both stand: they are different facts.
    """
    covered: dict[tuple[str, str], tuple[str, str]] = {}
    for (_, key), group in sorted(items.items()):
        if not key.startswith("any:"):
            continue
        singles = [a for a in items.values() if a.item.key in key[4:].split("|")]
        if not singles:
            continue
        # The best shown, then the stronger ask, the more stressed, the first by name.
        single = min(singles, key=lambda a: (-a.item.credit, _KIND_ORDER[a.kind], -a.item.weight, a.item.key))
        if group.item.credit > single.item.credit + 1e-9:
            continue
        stronger_single = _KIND_ORDER[single.kind] <= _KIND_ORDER[group.kind]
        keep, drop = (single, group) if stronger_single else (group, single)
        keep_id, drop_id = (keep.item.part, keep.item.key), (drop.item.part, drop.item.key)
        if drop_id in covered or keep_id in covered:
            continue
        covered[drop_id] = keep_id
    if not covered:
        return items
    part_of = {"required": "required_skills", "preferred": "preferred_skills"}
    also: dict[tuple[str, str], list[str]] = {}
    for index, match in enumerate(matches):
        checks = list(match.skills)
        for i, check in enumerate(checks):
            kept = covered.get((part_of.get(match.kind, ""), check.key))
            if kept is not None:
                checks[i] = dataclasses.replace(check, covered_by=f"{kept[0]}:{kept[1]}")
                also.setdefault(kept, []).append(match.text)
        matches[index] = dataclasses.replace(match, skills=tuple(checks))
    return {
        item_id: dataclasses.replace(a, also_asked=tuple(dict.fromkeys(also.get(item_id, ()))))
        for item_id, a in items.items()
        if item_id not in covered
    }


def align_requirements(
    analysis: ResumeAnalysis, job: JobAnalysis
) -> tuple[tuple[RequirementMatch, ...], tuple[AskedItem, ...]]:
    """Each requirement line aligned with the resume, and the skill / wording items it adds to the score."""
    text = job.job.text
    matches: list[RequirementMatch] = []
    items: dict[tuple[str, str], AskedItem] = {}
    line_weights = job.line_weights or tuple(1.0 for _ in job.requirements)
    for index, (req, groups, line_weight) in enumerate(zip(job.requirements, job.groups, line_weights, strict=True)):
        part = "required_skills" if req.kind == "required" else "preferred_skills"
        checks = tuple(_skill_check(analysis, g, text) for g in groups)
        hard_checks = [c for c in checks if c.kind != "soft"]
        evidence: tuple[Evidence, ...] = ()
        reason: GapReason | None = None
        category = "skills"
        if req.education is not None:
            category = "education"
        elif req.years:
            category = "experience"
        elif checks and all(c.kind == "certification" for c in checks):
            category = "certification"
        elif not checks:
            category = "general"

        if checks:
            credit = math.fsum(c.credit for c in (hard_checks or checks)) / len(hard_checks or checks)
            explanation = _named_skills_explanation(checks)
            weakest = min(checks, key=lambda c: (c.credit, c.key))
            reason = weakest.reason if weakest.credit < 0.8 else None
        elif category == "general":
            stems, normal = job.line_words(index)
            proof = align_stems(analysis, stems)
            credit = proof.credit
            evidence = proof.evidence
            reason = None if status_for(credit) == "met" else ("weak_wording_match" if credit > 0 else "missing")
            if proof.words:
                explanation = (
                    f"{len(proof.matched)} of {len(proof.words)} key words found together"
                    if credit > 0
                    else "its key words were not found together in one place"
                )
            else:
                explanation = "nothing specific to look for"
            line_key = (part, "line:" + normal)
            if len(stems) >= 2 and line_key not in items:  # two words worth looking for, not just 'team player'
                items[line_key] = AskedItem(
                    item=ScoreItem(part, line_key[1], GENERAL_LINE_WEIGHT * line_weight, credit),
                    label=_short(req.text),
                    kind=req.kind,
                    requirement=req.text,
                    start=req.start,
                    end=req.end,
                    reason=reason,
                    hard=False,
                )
        else:
            credit = 1.0
            explanation = "see experience and education"
        status: Status = status_for(credit)
        for group, check in zip(groups, checks, strict=True):
            weight, emphasis = _skill_weight(group, job)
            weight *= line_weight
            key = (part, check.key)
            other_key = ("required_skills", check.key)
            if part == "preferred_skills" and other_key in items:
                continue
            asked = AskedItem(
                item=ScoreItem(part, check.key, weight, check.credit),
                label=check.name,
                kind=req.kind,
                requirement=req.text,
                start=req.start,
                end=req.end,
                reason=check.reason,
                skill_id=check.skill_ids[0],
                hard=check.kind != "soft",
                emphasis=emphasis,
                broad=check.broad,
            )
            prev = items.get(key)
            if prev is None or (prev.item.weight, -prev.start) < (weight, -req.start):
                items[key] = asked
            if part == "required_skills":
                items.pop(("preferred_skills", check.key), None)
        matches.append(
            RequirementMatch(
                text=req.text,
                start=req.start,
                end=req.end,
                kind=req.kind,
                category=category,  # type: ignore[arg-type]
                status=status,
                credit=round(credit, 4),
                explanation=explanation,
                skills=checks,
                evidence=evidence,
                reason=reason if status != "met" else None,
            )
        )
    items = _merge_repeated(items, matches)
    return tuple(matches), tuple(sorted(items.values(), key=lambda a: (a.item.part, a.item.key)))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _raw_at(req: Requirement, raw: str) -> int:
    """Where the parser's ``raw`` words of a requirement line stand in the job text (-1 if not found)."""
    pos = req.text.find(raw)
    return req.start + pos if pos >= 0 else -1


def years_items(analysis: ResumeAnalysis, job: JobAnalysis) -> tuple[list[AskedItem], dict[int, tuple[float, float]]]:
    """Score items for the years the job asks (total or per skill); per requirement index, (asked, found)."""
    asks: list[tuple[YearsAsked, ItemKind, int, int, str, int | None]] = []
    seen_raw: set[str] = set()
    for index, req in enumerate(job.requirements):
        for y in req.years:
            seen_raw.add(y.raw)
            if not job.in_boilerplate(_raw_at(req, y.raw)):
                asks.append((y, req.kind, req.start, req.end, req.text, index))
    text = job.job.text
    for y in job.job.years:
        if y.raw in seen_raw:
            continue
        pos = text.find(y.raw)
        if job.in_boilerplate(pos):
            continue  # "every two years thereafter", "our 30-year history"
        asks.append((y, "required", max(pos, 0), max(pos, 0) + len(y.raw) if pos >= 0 else 0, y.raw, None))
    total_years = analysis.total_months / 12.0
    items: dict[str, AskedItem] = {}
    per_req: dict[int, tuple[float, float]] = {}
    for y, kind, start, end, req_text, line_index in asks:
        if y.min_years <= 0:
            continue
        ids = job.subject_skills(y.subject)
        if ids:
            found = max((analysis.months_with(i) / 12.0 for i in ids), default=0.0)
            key = "years:" + "|".join(sorted(ids))
            label = f"{y.min_years:g}+ years of {y.subject}"
        else:
            found = total_years
            key = "years:total"
            label = f"{y.min_years:g}+ years of experience"
        credit = min(1.0, found / y.min_years)
        weight = 1.0 if kind == "required" else PREFERRED_ASK_WEIGHT
        if line_index is not None:
            asked_prev = per_req.get(line_index)
            if asked_prev is None or asked_prev[0] < y.min_years:
                per_req[line_index] = (y.min_years, round(found, 1))
        prev = items.get(key)
        if prev is not None and (prev.item.weight > weight or prev.item.credit <= credit):
            continue
        items[key] = AskedItem(
            item=ScoreItem("experience", key, weight, round(credit, 4)),
            label=label,
            kind=kind,
            requirement=req_text,
            start=start,
            end=end,
            reason=None if credit >= 1.0 else "insufficient_years",
            skill_id=ids[0] if ids else None,
        )
    if not items and job.job.title:
        implied = _implied_years(job.job.title)
        if implied is not None and implied[0] > 0:
            years, word = implied
            credit = min(1.0, total_years / years)
            start, end = job.title_span or (0, 0)
            items["years:implied"] = AskedItem(
                item=ScoreItem("experience", "years:implied", IMPLIED_WEIGHT, round(credit, 4)),
                label=f"about {years:g} years (implied by '{word}' in the title)",
                kind="required",
                requirement=job.job.title,
                start=start,
                end=end if job.title_span else 0,
                reason=None if credit >= 1.0 else "insufficient_years",
            )
    return sorted(items.values(), key=lambda a: a.item.key), per_req


def _implied_years(title: str) -> tuple[float, str] | None:
    words = scan(title)[0]
    found = [(IMPLIED_YEARS[w], w) for w in words if w in IMPLIED_YEARS]
    if not found:
        return None
    return max(found)


def resume_education_level(analysis: ResumeAnalysis) -> tuple[int, tuple[str, ...]]:
    """The highest education level (0 = none found) and the fields/degree texts the resume shows (cached)."""
    cached: tuple[int, tuple[str, ...]] | None = analysis.memo.get("education_level")
    if cached is None:
        cached = analysis.memo["education_level"] = _education_level(analysis)
    return cached


def _education_level(analysis: ResumeAnalysis) -> tuple[int, tuple[str, ...]]:
    best = 0
    fields: list[str] = []
    text = analysis.resume.text
    for edu in analysis.resume.education:
        level = EDUCATION_LEVELS.get(edu.level or "", 0)
        raw = edu.degree or text[edu.start : edu.end]
        if not level:
            for name, pattern in _LEVEL_PATTERNS:
                if pattern.search(raw):
                    level = EDUCATION_LEVELS[name]
                    break
        best = max(best, level)
        for value in (edu.field, edu.degree):
            if value:
                fields.append(normalize(value))
    return best, tuple(dict.fromkeys(fields))


def _ask_level(ask: EducationAsked) -> int:
    if ask.level:
        return EDUCATION_LEVELS.get(ask.level, 0)
    for name, pattern in _LEVEL_PATTERNS:
        if pattern.search(ask.raw):
            return EDUCATION_LEVELS[name]
    return 0


def _field_matches(ask: EducationAsked, fields: Sequence[str]) -> bool:
    if not ask.fields:
        return True
    if not fields:
        return False
    for wanted in ask.fields:
        hit = process.extractOne(normalize(wanted), fields, scorer=fuzz.partial_ratio, processor=None, score_cutoff=85)
        if hit is not None:
            return True
    return False


def education_items(
    analysis: ResumeAnalysis, job: JobAnalysis
) -> tuple[list[AskedItem], dict[int, tuple[Status, str]]]:
    """Score items for the education the job asks; per requirement index, (status, words)."""
    asks: list[tuple[EducationAsked, ItemKind, int, int, str, int | None]] = []
    seen: set[str] = set()
    for index, req in enumerate(job.requirements):
        if req.education is not None:
            seen.add(req.education.raw)
            if not job.in_boilerplate(_raw_at(req, req.education.raw)):
                asks.append((req.education, req.kind, req.start, req.end, req.text, index))
    text = job.job.text
    for ask in job.job.education:
        if ask.raw in seen:
            continue
        pos = text.find(ask.raw)
        if job.in_boilerplate(pos):
            continue
        asks.append((ask, "required", max(pos, 0), max(pos, 0) + len(ask.raw) if pos >= 0 else 0, ask.raw, None))
    level, fields = resume_education_level(analysis)
    years = analysis.total_months / 12.0
    items: dict[str, AskedItem] = {}
    per_req: dict[int, tuple[Status, str]] = {}
    for ask, kind, start, end, req_text, line_index in asks:
        wanted = _ask_level(ask)
        if wanted == 0 and not ask.fields:
            continue
        level_name = next((n for n, v in EDUCATION_LEVELS.items() if v == wanted), None)
        label = _LEVEL_NAMES.get(level_name or "", "a degree")
        if ask.fields:
            label += " in " + " or ".join(ask.fields[:3])
        reason: GapReason | None = None
        if level >= wanted and level > 0:
            if _field_matches(ask, fields):
                credit, words = 1.0, "your education meets it"
            elif _RELATED_FIELD.search(ask.raw):
                credit, words, reason = 0.75, "degree level met; the field may count as related", "education_field"
            else:
                credit, words, reason = 0.6, "degree level met, but in another field", "education_field"
        elif ask.or_equivalent and years >= 2.0 * max(1, wanted - level):
            credit, reason = 0.7, "education_level"
            words = f"the ad accepts equivalent experience; your dated roles show {years:.1f} years"
        elif level > 0 and wanted - level == 1:
            credit, words, reason = 0.3, "your highest degree is one level below", "education_level"
        else:
            credit, words, reason = 0.0, "no matching degree found in the resume", "education_level"
        key = f"edu:{wanted}:" + "|".join(sorted(normalize(f) for f in ask.fields))
        weight = 1.0 if kind == "required" else PREFERRED_ASK_WEIGHT
        if line_index is not None:
            per_req[line_index] = (status_for(credit), words)
        prev = items.get(key)
        if prev is not None and prev.item.weight >= weight:
            continue
        items[key] = AskedItem(
            item=ScoreItem("education", key, weight, credit),
            label=label,
            kind=kind,
            requirement=req_text,
            start=start,
            end=end,
            reason=reason,
        )
    return sorted(items.values(), key=lambda a: a.item.key), per_req


def keyword_items(
    analysis: ResumeAnalysis, job: JobAnalysis, taken: set[str], *, promote: bool = False
) -> tuple[list[AskedItem], list[SkillCheck]]:
    """Skills the ad names outside its requirement lines (title, responsibilities, about).

    A skill in the job's title counts as required (the title says what the job is). With ``promote`` (the
    requirement lines name no skill), every such skill counts as required, since it is all the ad asks.
    Otherwise they are low-weight "other keywords".
    """
    items: list[AskedItem] = []
    checks: list[SkillCheck] = []
    for (mention, weight), group in zip(job.keyword_mentions, job.keyword_groups, strict=True):
        if mention.skill_id in taken:
            continue
        check = _skill_check(analysis, group, job.job.text)
        checks.append(check)
        in_title = mention.skill_id in job.title_skill_ids
        required = promote or in_title
        base = _asked_weight([mention], group.broad) * (1.0 if required and not in_title else weight)
        emphasis = _emphasis([mention], job.counts, job.title_skill_ids)
        items.append(
            AskedItem(
                item=ScoreItem("required_skills" if required else "keywords", check.key, base * emphasis, check.credit),
                label=check.name,
                kind="required" if required else "other",
                requirement=job.job.text[mention.start : mention.end],
                start=mention.start,
                end=mention.end,
                reason=check.reason,
                skill_id=mention.skill_id,
                hard=mention.kind != "soft",
                emphasis=emphasis,
                broad=group.broad,
            )
        )
    return items, checks


@dataclass(frozen=True, slots=True)
class Strength:
    """One of the resume's strongest skills and how much it weighs (evidence strength × years)."""

    skill_id: str
    name: str
    weight: float
    via_family: bool = False  # used because the ad names a tool of its family, at STRENGTH_FAMILY


def resume_strengths(analysis: ResumeAnalysis) -> tuple[Strength, ...]:
    """The resume's technical skills, strongest first: best evidence × (1 + years shown, up to 5, / 5)."""
    cached = analysis.memo.get("strengths")
    if cached is not None:
        return tuple(cached)
    found: list[Strength] = []
    for sid, indexes in analysis.by_skill.items():
        mention = analysis.mentions[indexes[0]]
        if mention.kind in ("soft", "language"):
            continue
        credit = skill_credit(analysis, sid)
        years = min(analysis.months_with(sid), 60) / 60.0
        weight = credit * (1.0 + years) * mention_weight(mention) * STRENGTH_KIND.get(mention.kind, 1.0)
        if weight > 0:
            found.append(Strength(sid, mention.name, round(weight, 4)))
    found.sort(key=lambda st: (-st.weight, st.skill_id))
    result = tuple(found)
    analysis.memo["strengths"] = result
    return result


def strength_items(
    analysis: ResumeAnalysis, job: JobAnalysis
) -> tuple[list[ScoreItem], list[Strength], list[Strength]]:
    """Score items for the resume's strengths the ad names anywhere; and the strengths used and unused.

    The part is full when the strengths the ad names weigh STRENGTHS_TARGET (about three skills shown in
    current bullets over several years); a padding item with no credit stands for what is short of it. So a
    skill added to the resume never lowers this part, whether or not the ad names it.
    """
    used: list[Strength] = []
    unused: list[Strength] = []
    items: list[ScoreItem] = []
    named = job.named_ids
    for st in resume_strengths(analysis):
        if st.skill_id in named:
            used.append(st)
            items.append(ScoreItem("strengths", st.skill_id, st.weight, 1.0))
        elif STRENGTH_FAMILY and not named.isdisjoint(family_siblings(st.skill_id)):
            # The ad names a tool of the same family (React for your Angular): half of it is used.
            used.append(dataclasses.replace(st, weight=round(st.weight * STRENGTH_FAMILY, 4), via_family=True))
            items.append(ScoreItem("strengths", st.skill_id, st.weight * STRENGTH_FAMILY, 1.0))
        else:
            unused.append(st)
    short = STRENGTHS_TARGET - math.fsum(i.weight for i in items)
    if short > 0:
        items.append(ScoreItem("strengths", "\x00short", short, 0.0))
    return items, used, unused


def mention_weight(mention: SkillMention) -> float:
    """How much a skill the ad names weighs: by kind, less for broad ESCO knowledge, less for loose matches."""
    base = KIND_WEIGHTS.get(mention.kind, 0.8)
    if mention.kind == "knowledge" and mention.esco_uri:
        base = ESCO_KNOWLEDGE_WEIGHT
    return base * max(0.5, min(1.0, mention.confidence))


def _title_words(text: str, words: Sequence[str] | None = None) -> list[str]:
    """The words of a title that say what the job is (phrases unified, seniority and filler dropped).

    ``words`` are the text's tokens when already known (``scan(text)[0]``).
    """
    padded = " " + " ".join(scan(text)[0] if words is None else words) + " "
    for old, new in _TITLE_PHRASES:
        if old in padded:
            padded = padded.replace(old, new)
    return list(filter(_is_title_word, padded.split()))


def _is_title_word(word: str) -> bool:
    return word not in _TITLE_STOP and any(c.isalpha() for c in word)


def _core_title(title: str) -> str:
    return re.split(r"\s+[-–—|:]\s+|[(,\[|/]", title, maxsplit=1)[0]


def _resume_title_words(analysis: ResumeAnalysis) -> Mapping[str, tuple[float, str]]:
    """Each word of the resume's titles, with the strength of where it stands (headline, roles, summary, text)
    and that place (a key of ``_TITLE_PLACES``); cached, to be read only."""
    cached: Mapping[str, tuple[float, str]] | None = analysis.memo.get("title_words")
    if cached is not None:
        return cached
    strength: dict[str, tuple[float, str]] = {}

    def add(text: str | None, weight: float, place: str) -> None:
        if not text:
            return
        for w in _title_words(text):
            if weight > strength.get(w, (0.0, ""))[0]:
                strength[w] = (weight, place)

    resume = analysis.resume
    for w in dict.fromkeys(_title_words(resume.text, analysis.words)):
        strength[w] = (0.4, "text")
    if resume.summary is not None:
        add(resume.text[resume.summary.start : resume.summary.end], 0.7, "summary")
    recency = {u.role_index: u.recency for u in analysis.units if u.role_index is not None}
    for index, role in enumerate(resume.roles):
        if role.section != "projects":
            weight = recency.get(index, 1.0)
            add(role.title, weight, "title" if weight >= TITLE_ECHO else "old_title")
    add(resume.headline, 1.0, "title")
    analysis.memo["title_words"] = strength
    return strength


def title_alignment(analysis: ResumeAnalysis, job: JobAnalysis) -> TitleAlignment | None:
    """How the job's title is echoed by the resume's headline, role titles, summary and skills."""
    title = job.job.title
    if not title or not title.strip():
        return None
    words = list(dict.fromkeys(_title_words(_core_title(title))))
    resume_words = _resume_title_words(analysis)
    total = 0.0
    got = 0.0
    matched: list[str] = []
    found: dict[str, list[tuple[str, float]]] = {}  # place -> (word, strength) of the words found there
    missing: list[str] = []
    for w in words:
        weight = _GENERIC_TITLE_WORDS.get(w, 1.0)
        total += weight
        strength, place = resume_words.get(w, (0.0, ""))
        got += weight * strength
        if strength > 0:
            found.setdefault(place, []).append((w, strength))
        (matched if strength >= TITLE_ECHO else missing).append(w)
    skills: list[str] = []
    for sid in sorted(job.title_skill_ids):
        total += 1.0
        credit = skill_credit(analysis, sid)
        got += credit
        name = next((m.name for m in job.mentions if m.skill_id == sid), sid)
        skills.append(f"{name} ({'shown' if credit >= MET_AT else 'partly shown' if credit > 0 else 'not shown'})")
    if total == 0:
        return None

    # The words say what earned the credit and how much: a recent title fully, a summary or an older title in
    # part, the resume's text least; a word found nowhere earns nothing.
    def listed(pairs: list[tuple[str, float]], each: bool) -> str:
        return ", ".join(f"{w} ({round(st * 100)}%)" if each and st < 1.0 else w for w, st in pairs)

    parts: list[str] = []
    if "title" in found:
        parts.append(f"your titles echo {listed(found['title'], True)}")
    if "summary" in found:
        parts.append(f"your summary echoes {listed(found['summary'], False)} (counts 70%)")
    if "old_title" in found:
        parts.append(f"close: {listed(found['old_title'], True)}, in an older role's title")
    if "text" in found:
        parts.append(f"close: {listed(found['text'], False)}, in your resume's text but no title (counts 40%)")
    absent = [w for w in words if w not in resume_words]
    if absent:
        parts.append(f"not in your resume: {', '.join(absent)}")
    if skills:
        parts.append(f"the title names {', '.join(skills)}")
    text = "; ".join(parts) if parts else "the title names nothing to compare"
    return TitleAlignment(round(got / total, 4), text, tuple(matched), tuple(missing))
