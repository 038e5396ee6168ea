"""Where a resume shows a skill: the per-resume analysis and the evidence rules.

:func:`analyze_resume` cuts the resume into *units* (each bullet, a role's header line, the summary, the
headline, each skills-list item, each education and certification entry, and any other line), finds the
skills once over the whole text and files every mention under the unit that holds it. Analysing once and
reusing the result is what makes ranking one resume against hundreds of jobs cheap.

Evidence strength is ``location weight × recency × match weight``:

* location: a bullet of a role is the strongest proof; a project bullet, a role's header line and a
  certification nearly as strong; the summary, the headline and education weaker; a bare skills list
  weakest (:data:`LOCATION_WEIGHTS`).
* recency: a role that ended within :data:`RECENT_YEARS` years (or is current) counts fully; older roles
  lose :data:`DECAY_PER_YEAR` per year, down to :data:`RECENCY_FLOOR` (ten years ago = 0.5).
* match: exact and alias matches count fully, spelling variants and fuzzy matches a little less. A skill the
  resume does not name may be *implied*: a framework implies its language (Django -> Python,
  :data:`IMPLIED_SKILLS`), partly met until the language is named too; and specific skills show a broad
  practice (Python -> computer programming, PostgreSQL -> data storage, :data:`matching.fields.PRACTICES`) as
  well as they are shown themselves: nobody names "computer programming" beside Python, nor needs to.
  Failing that, a tool of the same family (Angular for React, :data:`matching.fields.FAMILIES`) counts
  :data:`matching.fields.FAMILY_CREDIT` of its own credit and is shown as related, never as the skill asked.
  The taxonomy's looser neighbours (broad software classes: Keras beside Linux) are no evidence at all.
* terms: an example an ad names that the taxonomy does not know (``term:jinja2``, see :mod:`matching.align`)
  is shown where the resume writes its words, weighed by location and recency as an exact mention is.

Requirement lines that name no skill are aligned by their content words (:func:`align_wording`): each word
is mapped once to the resume's vocabulary (exact, else ``rapidfuzz`` ratio over a cutoff for words of five or
more letters), and the unit covering the most of them is the evidence.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from matching.fields import FAMILY_CREDIT, PRACTICES, family_siblings, implies_practice
from matching.models import SkillMention
from matching.normalize import scan, singular_forms, word_cache
from matching.report import Evidence, EvidenceLocation, EvidenceMatch, GapReason, Status
from parsers.models import DateValue, Resume, Role

__all__ = [
    "AREA_CREDIT",
    "DECAY_PER_YEAR",
    "IMPLIED_SKILLS",
    "LOCATION_WEIGHTS",
    "MATCH_WEIGHTS",
    "MET_AT",
    "OLD_ROLE_YEARS",
    "RECENCY_FLOOR",
    "RECENT_YEARS",
    "TERM_PREFIX",
    "ResumeAnalysis",
    "SkillExtractor",
    "SkillProof",
    "Unit",
    "WordingProof",
    "align_stems",
    "align_wording",
    "analyze_resume",
    "content_stems",
    "content_words",
    "is_term",
    "month_index",
    "prove_skills",
    "recency_factor",
    "scan_offsets",
    "skill_credit",
    "status_for",
    "unit_evidence",
]

SkillExtractor = Callable[[str], Sequence[SkillMention]]
RelatedLookup = Callable[[str], Sequence[str]]

LOCATION_WEIGHTS: Mapping[EvidenceLocation, float] = {
    "bullet": 1.0,
    "project": 0.9,
    "certification": 0.9,
    "role_header": 0.85,
    "summary": 0.7,
    "headline": 0.7,
    "education": 0.7,
    "other": 0.65,
    "skills_list": 0.6,
}
MATCH_WEIGHTS: Mapping[EvidenceMatch, float] = {
    "exact": 1.0,
    "alias": 1.0,
    "variant": 0.95,
    "fuzzy": 0.85,
    "implied": 0.75,
    "related": 0.4,
    "keyword": 0.85,
}
#: A framework shown in a bullet implies its language (Django -> Python), a product the platform it is built on
#: (SSIS -> SQL Server): evidence, but the language or platform should be named too, so it counts as partly met
#: (``only_implied``) until it is. Ids of the shipped taxonomy.
IMPLIED_SKILLS: Mapping[str, tuple[str, ...]] = {
    "django": ("python",),
    "flask": ("python",),
    "fastapi": ("python",),
    "pandas": ("python",),
    "numpy": ("python",),
    "scikit-learn": ("python",),
    "pytorch": ("python",),
    "tensorflow": ("python",),
    "keras": ("python",),
    "spring": ("java",),
    "hibernate": ("java",),
    "apache-maven": ("java",),
    "angular": ("typescript",),
    "react": ("javascript",),
    "vue-js": ("javascript",),
    "node-js": ("javascript",),
    "express-js": ("javascript",),
    "next-js": ("javascript", "react"),
    "jquery": ("javascript",),
    "ruby-on-rails": ("ruby",),
    "laravel": ("php",),
    "asp-net": ("csharp", "dotnet"),
    "junit": ("java",),
    "testng": ("java",),
    "mockito": ("java",),
    "pytest": ("python",),
    "jest": ("javascript",),
    "phpunit": ("php",),
    "nunit": ("csharp",),
    "bigquery": ("google-cloud-platform",),
    # a product or part built on a platform shows the platform, which should be named too
    "sql-server-integration-services": ("microsoft-sql-server",),
    "sql-server-reporting-services": ("microsoft-sql-server",),
    "sql-server-analysis-services": ("microsoft-sql-server",),
    "dax": ("microsoft-power-bi",),
    "oracle-solaris": ("unix",),
    "ibm-aix": ("unix",),
    "hp-ux": ("unix",),
    "nuxt": ("vue-js", "javascript"),
    "postgis": ("postgresql",),
    "sap-hana": ("sap-software",),
    "sap-s-4hana": ("sap-software",),
    "sap-fico": ("sap-software",),
    "sap-mm": ("sap-software",),
    "sap-sd": ("sap-software",),
    "google-kubernetes-engine": ("kubernetes",),
    "azure-kubernetes-service": ("kubernetes",),
    "amazon-eks": ("kubernetes",),
    "docker-swarm": ("docker",),
    "pyspark": ("apache-spark", "python"),
    "ubuntu": ("linux",),
    "red-hat-enterprise-linux": ("linux",),
    "centos": ("linux",),
    "debian": ("linux",),
}
_IMPLIED_BY: Mapping[str, tuple[str, ...]] = {
    target: tuple(sorted(src for src, targets in IMPLIED_SKILLS.items() if target in targets))
    for target in sorted({t for ts in IMPLIED_SKILLS.values() for t in ts})
}
RECENT_YEARS = 2.0
DECAY_PER_YEAR = 0.0625
RECENCY_FLOOR = 0.4
OLD_ROLE_YEARS = 7.0  # a role that ended longer ago than this is "old" for gap reasons
MET_AT = 0.8  # credit at or above which a requirement is met
#: A broad practice shown through a skill of it (Python for computer programming) is shown as well as that skill
#: is, up to this: met where the skill is met, never counted as fully as naming it would be, so what every
#: programmer shows does not lift a resume against unrelated ads.
AREA_CREDIT = MET_AT
TERM_PREFIX = "term:"  # skill ids of terms: an example an ad names that the taxonomy does not know ('term:jinja2')
PARTLY_AT = 0.25  # credit at or above which it is partly met

# "Technologies: Python, Django, Docker" or "Web tools: Webpack": a label and a short value or a list.
_LABELLED_LIST = re.compile(
    r"[^\W\d][\w /&+.-]{0,30}:\s*(?:[^,:]{1,40}(?:\s*[,;|]\s*[^,;|:]{1,40}){2,}|(?:\S+\s+){0,5}\S+)\s*\.?\s*$"
)
_WORDING_CUTOFF = 88.0  # rapidfuzz ratio for mapping a requirement word to a resume word
_WORDING_MIN_FUZZY_LEN = 5
_WORDING_CAP = 0.85  # a wording match is never as strong as a named skill shown in a bullet

_GENERIC_WORDS = frozenset(
    """
    a about above across after all also an and any are as at be been being both but by can could
    demonstrated desired do does e.g eg etc ex excellent equivalent experience experienced expert
    expertise familiar familiarity for from good great hands have having highly i ideal ideally if in
    including into is it its knowledge least like level must nice of on one or other our plus preferred
    preferably proficiency proficient proven related relevant required requirement requirements self
    should skill skills solid strong such than that the their them these this those through to track
    record understanding us using via we well will with within work working year years you your ability
    able bonus candidate candidates minimum qualification qualifications deep advanced basic
    knowledgeable comfortable
    """.split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class Unit:
    """A quotable piece of the resume: ``resume.text[start:end]``."""

    start: int
    end: int
    location: EvidenceLocation
    role_index: int | None = None  # index into resume.roles
    position: int = -1  # the bullet's position within its role (0 = first)
    recency: float = 1.0
    years_ago: float | None = None  # years since the role ended (0 for current roles)


@dataclass(frozen=True, slots=True)
class SkillProof:
    """How the resume shows one skill (or the best of an either/or group)."""

    skill_id: str  # the id that was proven (a member of the group)
    credit: float
    status: Status
    evidence: tuple[Evidence, ...]
    reason: GapReason | None
    years_found: float | None
    related_to: str | None = None  # the resume's skill id, when only a related skill was found


@dataclass(frozen=True, slots=True)
class WordingProof:
    """How well a requirement's content words are covered by one unit of the resume."""

    credit: float
    coverage: float
    evidence: tuple[Evidence, ...]
    words: tuple[str, ...]  # the content words looked for
    matched: tuple[str, ...]  # those found in the evidence unit


@dataclass(eq=False)
class ResumeAnalysis:
    """Everything about one resume that does not depend on the job. Build with :func:`analyze_resume`."""

    resume: Resume
    as_of: date
    units: tuple[Unit, ...]
    mentions: tuple[SkillMention, ...]
    mention_units: tuple[int, ...]  # unit index per mention (-1 when outside every unit)
    by_skill: Mapping[str, tuple[int, ...]]  # skill id -> indexes into ``mentions``
    skill_months: Mapping[str, int]  # months of dated roles showing the skill
    skill_ranges: Mapping[str, tuple[tuple[int, int], ...]]  # those roles' month ranges (inclusive)
    total_months: int  # months covered by dated experience roles (overlaps counted once)
    dated_roles: int
    words: Sequence[str] = ()  # the normalised tokens of the whole text, once
    word_starts: Sequence[int] = ()  # their offsets in resume.text
    word_ends: Sequence[int] = ()
    _word_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # per-resume caches of other modules
    related: RelatedLookup | None = None  # the taxonomy's related-skill lookup
    _stems: tuple[Mapping[str, tuple[int, ...]], tuple[str, ...]] | None = None
    _related_to: Mapping[str, tuple[str, ...]] | None = None

    @property
    def related_to(self) -> Mapping[str, tuple[str, ...]]:
        """Skill id -> the resume's skills related to it, both ways (built on first use)."""
        if self._related_to is None:
            self._related_to = _related_map(self.by_skill, self.related)
        return self._related_to

    @property
    def stem_units(self) -> Mapping[str, tuple[int, ...]]:
        """Resume word stem -> the units holding it (built on first use: only wording lines need it)."""
        return self._stem_index()[0]

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """Sorted distinct stems of the resume's words."""
        return self._stem_index()[1]

    def _stem_index(self) -> tuple[Mapping[str, tuple[int, ...]], tuple[str, ...]]:
        if self._stems is None:
            self._stems = _stem_index(self.units, self.words, self.word_starts, self.word_ends)
        return self._stems

    @property
    def skill_ids(self) -> frozenset[str]:
        return frozenset(self.by_skill)

    @property
    def years_of_experience(self) -> float | None:
        return round(self.total_months / 12.0, 1) if self.dated_roles else None

    def months_with(self, skill_id: str) -> int:
        """Months of dated roles showing the skill, or a skill that implies it (Django -> Python; Python ->
        software development)."""
        sources = (skill_id, *_implying(self, skill_id))
        ranges = [r for sid in sources for r in self.skill_ranges.get(sid, ())]
        return _merge_months(ranges) if ranges else 0

    def unit_text(self, index: int) -> str:
        unit = self.units[index]
        return self.resume.text[unit.start : unit.end]

    def role_label(self, role_index: int | None) -> str | None:
        if role_index is None:
            return None
        role = self.resume.roles[role_index]
        parts = [p for p in (role.title, role.organization) if p]
        return ", ".join(parts) if parts else None


def month_index(value: DateValue | None, *, as_of: date, is_end: bool) -> int | None:
    """Months since year 0 for a normalised date; a bare year counts as its middle (June); None if unknown."""
    if value is None:
        return None
    iso = value.iso.strip().lower()
    if iso == "present":
        return as_of.year * 12 + as_of.month - 1
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", iso)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else 6
    if not 1 <= month <= 12:
        return None
    return year * 12 + month - 1


def recency_factor(years_ago: float | None) -> float:
    """1.0 for a role that ended within RECENT_YEARS, then DECAY_PER_YEAR less per year, not below the floor."""
    if years_ago is None or years_ago <= RECENT_YEARS:
        return 1.0
    return max(RECENCY_FLOOR, 1.0 - (years_ago - RECENT_YEARS) * DECAY_PER_YEAR)


def status_for(credit: float) -> Status:
    """met at MET_AT or more, partly_met at PARTLY_AT or more, else missing."""
    if credit >= MET_AT - 1e-9:
        return "met"
    if credit >= PARTLY_AT - 1e-9:
        return "partly_met"
    return "missing"


def _stem(word: str) -> str:
    forms = singular_forms(word)
    word = forms[0] if forms else word
    for suffix in ("ing", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@word_cache
def _content_stem(word: str) -> str | None:
    """The stem of a normalised token that carries meaning, or None (stop word, number, punctuation...)."""
    if len(word) < 2 and word not in ("c", "r"):
        return None
    if not any(ch.isalnum() for ch in word) or word in _GENERIC_WORDS or word.isdigit():
        return None
    return _stem(word)


def content_stems(tokens: Iterable[str]) -> tuple[str, ...]:
    """Distinct content stems of normalised tokens (``scan(text)[0]``), in order of first appearance:
    :func:`content_words` of a text whose tokens are at hand."""
    return tuple(dict.fromkeys(stem for stem in map(_content_stem, tokens) if stem is not None))


def scan_offsets(text: str) -> tuple[Sequence[str], Sequence[int], Sequence[int]]:
    """The normalised tokens of ``text`` with their start and end offsets (:func:`matching.normalize.scan`)."""
    found: Any = scan(text)
    if len(found) == 3:
        return found[0], found[1], found[2]
    spans = found[1]  # the older shape: (words, [(start, end), ...])
    return found[0], [sp[0] for sp in spans], [sp[1] for sp in spans]


def content_words(text: str) -> tuple[str, ...]:
    """The stems of the words that carry meaning (no stop words, no 'experience', 'strong', 'years'...)."""
    return content_stems(scan(text)[0])


def _tight(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to exclude surrounding whitespace."""
    piece = text[start:end]
    kept = piece.strip()
    if not kept:
        return start, start
    if len(kept) == len(piece):
        return start, end
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + lead + len(kept)


def _role_units(resume: Resume, as_of: date) -> list[Unit]:
    now = as_of.year * 12 + as_of.month - 1
    units: list[Unit] = []
    text = resume.text
    for index, role in enumerate(resume.roles):
        end_month = month_index(role.end_date, as_of=as_of, is_end=True)
        if end_month is None and role.end_date is None and role.start_date is not None:
            end_month = None  # open-ended but unknown: leave recency neutral
        years_ago = None if end_month is None else max(0.0, (now - end_month) / 12.0)
        recency = recency_factor(years_ago)
        bullet_location: EvidenceLocation = "project" if role.section == "projects" else "bullet"
        header_end = role.bullets[0].start if role.bullets else role.end
        h_start, h_end = _tight(text, role.start, max(role.start, min(header_end, role.end)))
        if h_end > h_start:
            units.append(Unit(h_start, h_end, "role_header", index, -1, recency, years_ago))
        for position, bullet in enumerate(role.bullets):
            b_start, b_end = _tight(text, bullet.start, bullet.end)
            if b_end > b_start:
                # "Technologies: Python, Django, Docker" names the role's stack: like its header, not an achievement.
                location = "role_header" if _LABELLED_LIST.match(text, b_start, b_end) else bullet_location
                units.append(Unit(b_start, b_end, location, index, position, recency, years_ago))
    return units


def _section_location(kind: str) -> EvidenceLocation:
    return {
        "skills": "skills_list",
        "summary": "summary",
        "education": "education",
        "certifications": "certification",
    }.get(kind, "other")  # type: ignore[return-value]


def _build_units(resume: Resume, as_of: date) -> tuple[Unit, ...]:
    text = resume.text
    units = _role_units(resume, as_of)
    if resume.summary is not None:
        s, e = _tight(text, resume.summary.start, resume.summary.end)
        if e > s:
            units.append(Unit(s, e, "summary"))
    if resume.headline:
        pos = text.find(resume.headline)
        if pos >= 0:
            units.append(Unit(pos, pos + len(resume.headline), "headline"))
    for item in resume.skills:
        s, e = _tight(text, item.start, item.end)
        if e > s:
            units.append(Unit(s, e, "skills_list"))
    for edu in resume.education:
        s, e = _tight(text, edu.start, edu.end)
        if e > s:
            units.append(Unit(s, e, "education"))
    for cert in resume.certifications:
        s, e = _tight(text, cert.start, cert.end)
        if e > s:
            units.append(Unit(s, e, "certification"))
    # Every line no unit covers becomes a unit of its own, placed by the section it sits in.
    covered = sorted((u.start, u.end) for u in units)
    starts = [c[0] for c in covered]
    reach = list(itertools.accumulate((c[1] for c in covered), max))
    sections = sorted(resume.sections, key=lambda sec: sec.start)
    section_starts = [sec.start for sec in sections]
    for line in resume.document.lines:
        s, e = _tight(text, line.start, line.end)
        if e <= s or _is_covered(covered, starts, reach, s, e):
            continue
        kind = "other"
        # The last section (in start order) holding the line decides its kind.
        for k in range(bisect.bisect_right(section_starts, s) - 1, -1, -1):
            sec = sections[k]
            if s < sec.end:
                kind = "heading" if s < sec.content_start else sec.kind
                break
        if kind == "heading":
            continue
        units.append(Unit(s, e, _section_location(kind)))
    units.sort(key=lambda u: (u.start, u.end))
    return tuple(units)


def _is_covered(covered: list[tuple[int, int]], starts: list[int], reach: list[int], s: int, e: int) -> bool:
    """True when [s, e) lies mostly inside one of the 40 units starting last before its end.

    ``reach[k]`` is the furthest end of ``covered[: k + 1]``: walking back stops once no earlier unit reaches.
    """
    i = bisect.bisect_right(starts, e)
    for k in range(i - 1, max(0, i - 40) - 1, -1):
        if reach[k] <= s:
            break
        cs, ce = covered[k]
        overlap = min(e, ce) - max(s, cs)
        if overlap > 0 and overlap >= 0.6 * (e - s):
            return True
    return False


def _merge_months(ranges: Iterable[tuple[int, int]]) -> int:
    """Months covered by the union of inclusive month ranges."""
    total = 0
    cur_s: int | None = None
    cur_e = 0
    for s, e in sorted(ranges):
        if cur_s is None or s > cur_e + 1:
            if cur_s is not None:
                total += cur_e - cur_s + 1
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_s is not None:
        total += cur_e - cur_s + 1
    return total


def _role_range(role: Role, as_of: date) -> tuple[int, int] | None:
    start = month_index(role.start_date, as_of=as_of, is_end=False)
    end = month_index(role.end_date, as_of=as_of, is_end=True)
    if start is None:
        return None
    if end is None:
        end = start  # a single date: count the month itself
    if end < start:
        return None
    now = as_of.year * 12 + as_of.month - 1
    return start, min(end, max(start, now))


def analyze_resume(
    resume: Resume,
    *,
    extractor: SkillExtractor,
    related: RelatedLookup | None = None,
    as_of: date | None = None,
) -> ResumeAnalysis:
    """Analyse a resume once: units, skill mentions per unit, months per skill, total months, vocabulary."""
    as_of = as_of or date.today()
    units = _build_units(resume, as_of)
    mentions = tuple(sorted(extractor(resume.text), key=lambda m: (m.start, m.end, m.skill_id)))
    words, word_starts, word_ends = scan_offsets(resume.text)
    starts = [u.start for u in units]
    mention_units: list[int] = []
    by_skill: dict[str, list[int]] = {}
    reach = list(itertools.accumulate((u.end for u in units), max))  # the furthest end of units[: k + 1]
    for mi, mention in enumerate(mentions):
        mention_units.append(_smallest_unit(units, starts, reach, mention.start, mention.end))
        by_skill.setdefault(mention.skill_id, []).append(mi)

    role_ranges = [_role_range(role, as_of) for role in resume.roles]
    skill_ranges: dict[str, set[tuple[int, int]]] = {}
    for mi, mention in enumerate(mentions):
        ui = mention_units[mi]
        if ui < 0:
            continue
        role_index = units[ui].role_index
        if role_index is None:
            continue
        rng = role_ranges[role_index]
        if rng is not None:
            skill_ranges.setdefault(mention.skill_id, set()).add(rng)
    skill_months = {sid: _merge_months(rngs) for sid, rngs in sorted(skill_ranges.items())}

    work = [
        r
        for role, r in zip(resume.roles, role_ranges, strict=True)
        if r is not None and role.section not in ("projects", "education")
    ]
    total_months = _merge_months(work)

    return ResumeAnalysis(
        resume=resume,
        as_of=as_of,
        units=units,
        mentions=mentions,
        mention_units=tuple(mention_units),
        by_skill={k: tuple(v) for k, v in sorted(by_skill.items())},
        skill_months=skill_months,
        skill_ranges={sid: tuple(sorted(rngs)) for sid, rngs in sorted(skill_ranges.items())},
        total_months=total_months,
        dated_roles=len(work),
        related=related,
        words=words,
        word_starts=word_starts,
        word_ends=word_ends,
    )


def _smallest_unit(units: Sequence[Unit], starts: Sequence[int], reach: Sequence[int], start: int, end: int) -> int:
    """The smallest unit holding [start, end) (the earliest of equal ones), among the 40 starting before it, or
    -1; walking back stops once no earlier unit reaches ``end`` (``reach[k]``: the furthest end of units[: k + 1])."""
    best = -1
    best_len = math.inf
    i = bisect.bisect_right(starts, start)
    for ui in range(i - 1, max(0, i - 40) - 1, -1):
        if reach[ui] < end:
            break
        unit = units[ui]
        if unit.start <= start and end <= unit.end and unit.end - unit.start <= best_len:
            best, best_len = ui, unit.end - unit.start
    return best


def _related_map(skill_ids: Iterable[str], related: RelatedLookup | None) -> Mapping[str, tuple[str, ...]]:
    related_to: dict[str, set[str]] = {}
    if related is not None:
        for sid in skill_ids:
            for other in related(sid):
                related_to.setdefault(other, set()).add(sid)
                related_to.setdefault(sid, set()).add(other)
    return {k: tuple(sorted(v)) for k, v in sorted(related_to.items())}


def _stem_index(
    units: Sequence[Unit], words: Sequence[str], starts: Sequence[int], ends: Sequence[int]
) -> tuple[Mapping[str, tuple[int, ...]], tuple[str, ...]]:
    """Content stem -> units holding it, and the sorted stems; a unit holds the text's tokens inside its span."""
    stems = list(map(_content_stem, words))
    stem_units: defaultdict[str, list[int]] = defaultdict(list)
    for ui, unit in enumerate(units):
        lo = bisect.bisect_left(starts, unit.start)
        hi = bisect.bisect_left(starts, unit.end, lo)
        while hi > lo and ends[hi - 1] > unit.end:
            hi -= 1
        for stem in dict.fromkeys(filter(None, stems[lo:hi])):  # a stem is a word or None, never ""
            stem_units[stem].append(ui)
    return {k: tuple(v) for k, v in sorted(stem_units.items())}, tuple(sorted(stem_units))


def unit_evidence(
    analysis: ResumeAnalysis,
    unit_index: int,
    *,
    match: EvidenceMatch,
    confidence: float,
    match_start: int,
    match_end: int,
    mention: SkillMention | None = None,
) -> Evidence:
    """The resume unit ``unit_index`` quoted as evidence (its role and recency attached)."""
    unit = analysis.units[unit_index]
    role_end = None
    if unit.role_index is not None:
        end_date = analysis.resume.roles[unit.role_index].end_date
        role_end = end_date.iso if end_date else None
    return Evidence(
        quote=analysis.resume.text[unit.start : unit.end],
        start=unit.start,
        end=unit.end,
        location=unit.location,
        match=match,
        confidence=round(confidence, 3),
        match_start=match_start,
        match_end=match_end,
        skill_id=mention.skill_id if mention else None,
        skill_name=mention.name if mention else None,
        role=analysis.role_label(unit.role_index),
        role_end=role_end,
        recency=round(unit.recency, 3),
    )


def _evidence(
    analysis: ResumeAnalysis, unit_index: int, mention: SkillMention, match: EvidenceMatch, credit: float
) -> Evidence:
    return unit_evidence(
        analysis,
        unit_index,
        match=match,
        confidence=credit,
        match_start=mention.start,
        match_end=mention.end,
        mention=mention,
    )


def _mention_credit(analysis: ResumeAnalysis, mi: int, via: str) -> tuple[float, EvidenceMatch]:
    mention = analysis.mentions[mi]
    ui = analysis.mention_units[mi]
    location: EvidenceLocation = analysis.units[ui].location if ui >= 0 else "other"
    recency = analysis.units[ui].recency if ui >= 0 else 1.0
    match: EvidenceMatch = mention.match if via in ("direct", "area") else via  # type: ignore[assignment]
    confidence = max(0.0, min(1.0, mention.confidence))
    credit = LOCATION_WEIGHTS[location] * recency * MATCH_WEIGHTS[match] * (0.5 + 0.5 * confidence)
    if via == "area":
        return min(credit, AREA_CREDIT), "implied"
    return credit, match


def _is_old(unit: Unit) -> bool:
    return unit.recency < 1.0 or (unit.years_ago is not None and unit.years_ago > OLD_ROLE_YEARS)


def _reason(
    analysis: ResumeAnalysis, best_mi: int | None, credit: float, via: str, direct: Sequence[int] = ()
) -> GapReason | None:
    """Why a skill is not (fully) met. ``direct`` are the mentions of the skill itself: the best-scoring mention
    decides, except that a role which shows the skill is never hidden behind a list that scores higher, and a
    skill the resume names is never called "only implied"."""
    if credit >= MET_AT - 1e-9:
        return None
    if best_mi is None:
        return "missing"
    if via == "related":
        return "only_related_skill"
    named = [analysis.units[ui] for ui in (analysis.mention_units[mi] for mi in direct) if ui >= 0]
    in_roles = [u for u in named if u.location in ("bullet", "project", "role_header")]
    if in_roles and all(_is_old(u) for u in in_roles):
        return "only_in_old_role"
    if via == "implied" and named:
        via = "direct"
        best_mi = max(direct, key=lambda mi: _mention_credit(analysis, mi, "direct")[0])
    ui = analysis.mention_units[best_mi]
    if ui < 0:
        return "missing"
    unit = analysis.units[ui]
    if unit.location == "skills_list":
        return "only_in_skills_list"
    if unit.location in ("summary", "headline"):
        return "only_in_summary"
    if _is_old(unit):
        return "only_in_old_role"
    if via == "implied":
        return "only_implied"
    return "weak_wording_match"


def _implying(analysis: ResumeAnalysis, skill_id: str) -> tuple[str, ...]:
    """The resume's skills that imply ``skill_id``: frameworks of a language, specific skills of a practice."""
    if skill_id not in PRACTICES:
        return _IMPLIED_BY.get(skill_id, ())
    cache: dict[str, tuple[str, ...]] = analysis.memo.setdefault("implying", {})
    found = cache.get(skill_id)
    if found is None:
        found = tuple(
            sid
            for sid, indexes in analysis.by_skill.items()
            if implies_practice(skill_id, sid, analysis.mentions[indexes[0]].kind)
        )
        found = tuple(dict.fromkeys((*_IMPLIED_BY.get(skill_id, ()), *found)))
        cache[skill_id] = found
    return found


def _prove_one(analysis: ResumeAnalysis, skill_id: str, *, max_evidence: int) -> SkillProof:
    if is_term(skill_id):
        return _prove_term(analysis, skill_id, max_evidence=max_evidence)
    scored: list[tuple[float, int, EvidenceMatch, str]] = []
    for mi in analysis.by_skill.get(skill_id, ()):
        credit, match = _mention_credit(analysis, mi, "direct")
        scored.append((credit, mi, match, "direct"))
    best_direct = max((t[0] for t in scored), default=0.0)
    if best_direct < MET_AT:
        # A practice is shown by its skills as well as they are shown ("area"); a language only through its
        # framework is implied, partly met until named.
        via = "area" if skill_id in PRACTICES else "implied"
        for other in _implying(analysis, skill_id):
            for mi in analysis.by_skill.get(other, ()):
                credit = _mention_credit(analysis, mi, via)[0]
                scored.append((credit, mi, "implied", via))
    if not scored:
        # A tool of the same family (Angular for React, MySQL for PostgreSQL): FAMILY_CREDIT of its own credit.
        for other in family_siblings(skill_id):
            for mi in analysis.by_skill.get(other, ()):
                credit = _mention_credit(analysis, mi, "direct")[0] * FAMILY_CREDIT
                scored.append((credit, mi, "related", "related"))
    scored.sort(key=lambda t: (-t[0], analysis.mentions[t[1]].start, t[3]))
    evidence: list[Evidence] = []
    seen_units: set[int] = set()
    for credit, mi, match, _ in scored if max_evidence > 0 else ():
        ui = analysis.mention_units[mi]
        if ui < 0 or ui in seen_units:
            continue
        seen_units.add(ui)
        evidence.append(_evidence(analysis, ui, analysis.mentions[mi], match, credit))
        if len(evidence) >= max_evidence:
            break
    best_credit = scored[0][0] if scored else 0.0
    best_mi = scored[0][1] if scored else None
    via = scored[0][3] if scored else "direct"
    related_to = analysis.mentions[best_mi].skill_id if best_mi is not None and via != "direct" else None
    months = analysis.skill_months.get(skill_id) if via == "direct" else analysis.months_with(skill_id)
    return SkillProof(
        skill_id=skill_id,
        credit=round(best_credit, 4),
        status=status_for(best_credit),
        evidence=tuple(evidence),
        reason=_reason(analysis, best_mi, best_credit, via, analysis.by_skill.get(skill_id, ())),
        years_found=round(months / 12.0, 1) if months else None,
        related_to=related_to,
    )


def is_term(skill_id: str) -> bool:
    """True for a *term*: words an ad lists as an example that no taxonomy skill covers ('Jinja2')."""
    return skill_id.startswith(TERM_PREFIX)


def _term_hits(analysis: ResumeAnalysis, term_id: str) -> list[tuple[int, int, int]]:
    """Where the resume writes the term's words, in order and next to each other: (unit, start, end), by offset."""
    cache: dict[str, list[tuple[int, int, int]]] = analysis.memo.setdefault("term_hits", {})
    found = cache.get(term_id)
    if found is not None:
        return found
    wanted = term_id[len(TERM_PREFIX) :].split(" ")
    words, n = analysis.words, len(wanted)
    if "unit_index" not in analysis.memo:
        starts = [u.start for u in analysis.units]
        analysis.memo["unit_index"] = (starts, list(itertools.accumulate((u.end for u in analysis.units), max)))
    starts, reach = analysis.memo["unit_index"]
    found = []
    for i in range(len(words) - n + 1):
        if words[i] == wanted[0] and list(words[i : i + n]) == wanted:
            start, end = analysis.word_starts[i], analysis.word_ends[i + n - 1]
            found.append((_smallest_unit(analysis.units, starts, reach, start, end), start, end))
    cache[term_id] = found
    return found


def _prove_term(analysis: ResumeAnalysis, term_id: str, *, max_evidence: int) -> SkillProof:
    """A term is shown where the resume writes it, weighed by place and recency as an exact skill mention is."""
    scored: list[tuple[float, int, int, int]] = []
    for ui, start, end in _term_hits(analysis, term_id):
        if ui >= 0:
            unit = analysis.units[ui]
            scored.append((LOCATION_WEIGHTS[unit.location] * unit.recency * MATCH_WEIGHTS["exact"], ui, start, end))
    scored.sort(key=lambda t: (-t[0], t[2]))
    evidence: list[Evidence] = []
    seen: set[int] = set()
    for credit, ui, start, end in scored:
        if len(evidence) >= max_evidence:
            break
        if ui in seen:
            continue
        seen.add(ui)
        ev = unit_evidence(analysis, ui, match="exact", confidence=credit, match_start=start, match_end=end)
        evidence.append(replace(ev, skill_id=term_id, skill_name=analysis.resume.text[start:end]))
    best = scored[0][0] if scored else 0.0
    reason: GapReason | None = None
    if best < MET_AT - 1e-9:
        reason = "missing"
        if scored:
            units = [analysis.units[ui] for _, ui, _, _ in scored]
            in_roles = [u for u in units if u.location in ("bullet", "project", "role_header")]
            top = units[0]
            if in_roles and all(_is_old(u) for u in in_roles):
                reason = "only_in_old_role"
            elif top.location == "skills_list":
                reason = "only_in_skills_list"
            elif top.location in ("summary", "headline"):
                reason = "only_in_summary"
            else:
                reason = "only_in_old_role" if _is_old(top) else "weak_wording_match"
    return SkillProof(
        skill_id=term_id,
        credit=round(best, 4),
        status=status_for(best),
        evidence=tuple(evidence),
        reason=reason,
        years_found=None,
    )


def skill_credit(analysis: ResumeAnalysis, skill_id: str) -> float:
    """``prove_skills(analysis, [skill_id]).credit`` without building evidence (cached per analysis)."""
    credits: dict[str, float] = analysis.memo.setdefault("credits", {})
    credit = credits.get(skill_id)
    if credit is None and is_term(skill_id):
        credit = credits[skill_id] = _prove_term(analysis, skill_id, max_evidence=0).credit
    if credit is None:
        mentions = analysis.by_skill.get(skill_id, ())
        best = max((_mention_credit(analysis, mi, "direct")[0] for mi in mentions), default=0.0)
        implying = [mi for other in _implying(analysis, skill_id) for mi in analysis.by_skill.get(other, ())]
        if best < MET_AT and implying:
            via = "area" if skill_id in PRACTICES else "implied"
            best = max(best, *(_mention_credit(analysis, mi, via)[0] for mi in implying))
        if not mentions and not implying:
            best = _prove_one(analysis, skill_id, max_evidence=0).credit  # related skills only
        credit = credits[skill_id] = round(best, 4)
    return credit


def prove_skills(analysis: ResumeAnalysis, skill_ids: Sequence[str], *, max_evidence: int = 3) -> SkillProof:
    """The best proof among ``skill_ids`` (an either/or group; one id for a single skill)."""
    groups: dict[tuple[tuple[str, ...], int], SkillProof] = analysis.memo.setdefault("groups", {})
    group_key = (tuple(skill_ids), max_evidence)
    found = groups.get(group_key)
    if found is not None:
        return found
    found = groups[group_key] = _prove_group(analysis, skill_ids, max_evidence)
    return found


def _prove_group(analysis: ResumeAnalysis, skill_ids: Sequence[str], max_evidence: int) -> SkillProof:
    cache: dict[tuple[str, int], SkillProof] = analysis.memo.setdefault("proofs", {})
    proofs = []
    for sid in skill_ids:
        proof = cache.get((sid, max_evidence))
        if proof is None:
            proof = cache[(sid, max_evidence)] = _prove_one(analysis, sid, max_evidence=max_evidence)
        proofs.append(proof)
    proofs.sort(key=lambda p: (-p.credit, p.skill_id))
    if proofs and proofs[0].credit > 0:
        return proofs[0]
    return SkillProof(
        skill_id=skill_ids[0] if skill_ids else "",
        credit=0.0,
        status="missing",
        evidence=(),
        reason="missing",
        years_found=None,
    )


def _map_word(analysis: ResumeAnalysis, word: str) -> tuple[str, ...]:
    """The resume stems that stand for ``word``: itself if present, else close spellings (cached)."""
    cached = analysis._word_cache.get(word)
    if cached is not None:
        return cached
    if word in analysis.stem_units:
        found: tuple[str, ...] = (word,)
    elif len(word) >= _WORDING_MIN_FUZZY_LEN and analysis.vocabulary:
        hits = process.extract(
            word,
            analysis.vocabulary,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=_WORDING_CUTOFF,
            limit=3,
        )
        found = tuple(sorted(h[0] for h in hits if len(h[0]) >= _WORDING_MIN_FUZZY_LEN))
    else:
        found = ()
    analysis._word_cache[word] = found
    return found


def align_wording(analysis: ResumeAnalysis, text: str, *, min_coverage: float = 0.5) -> WordingProof:
    """Align a requirement line that names no skill with the resume unit covering most of its content words."""
    return align_stems(analysis, content_words(text), min_coverage=min_coverage)


def align_stems(analysis: ResumeAnalysis, words: tuple[str, ...], *, min_coverage: float = 0.5) -> WordingProof:
    """:func:`align_wording` for the content stems of a line (:func:`content_words`), cached per analysis: the
    lines an ad writes in general words ("excellent communication skills") recur from ad to ad."""
    cache: dict[tuple[tuple[str, ...], float], WordingProof] = analysis.memo.setdefault("wording", {})
    key = (words, min_coverage)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _align_stems(analysis, words, min_coverage)
    return found


def _align_stems(analysis: ResumeAnalysis, words: tuple[str, ...], min_coverage: float) -> WordingProof:
    if not words:
        return WordingProof(0.0, 0.0, (), (), ())
    hits: dict[int, list[str]] = {}
    for word in words:
        units: set[int] = set()
        for stem in _map_word(analysis, word):
            units.update(analysis.stem_units.get(stem, ()))
        for ui in units:
            hits.setdefault(ui, []).append(word)
    if not hits:
        return WordingProof(0.0, 0.0, (), words, ())
    need = 1 if len(words) == 1 else 2

    def strength(ui: int) -> tuple[float, float]:
        unit = analysis.units[ui]
        coverage = len(hits[ui]) / len(words)
        return coverage * LOCATION_WEIGHTS[unit.location] * unit.recency, coverage

    ranked = sorted(hits, key=lambda ui: (-strength(ui)[0], ui))
    best = ranked[0]
    credit, coverage = strength(best)
    if coverage < min_coverage or len(hits[best]) < need:
        return WordingProof(0.0, coverage, (), words, tuple(hits[best]))
    credit = credit * _WORDING_CAP
    unit = analysis.units[best]
    role_end = None
    if unit.role_index is not None:
        end_date = analysis.resume.roles[unit.role_index].end_date
        role_end = end_date.iso if end_date else None
    evidence = Evidence(
        quote=analysis.resume.text[unit.start : unit.end],
        start=unit.start,
        end=unit.end,
        location=unit.location,
        match="keyword",
        confidence=round(credit, 3),
        match_start=unit.start,
        match_end=unit.end,
        role=analysis.role_label(unit.role_index),
        role_end=role_end,
        recency=round(unit.recency, 3),
    )
    return WordingProof(round(credit, 4), coverage, (evidence,), words, tuple(hits[best]))
