"""Job-ad structure: title, company, sections, requirements classified required or preferred.

A requirement is a line of a requirements or preferred section (or, elsewhere, a line with a clear cue such
as "3+ years" or "(Required)"). Its kind comes from the phrase first ("... is a plus" -> preferred, "must" ->
required) and from the section heading second. Years of experience, degrees and either/or groups are read
from each requirement. English and Spanish headings and cues are understood, with some French and German.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from parsers.contact import looks_like_title
from parsers.degrees import find_degrees, lowest_level
from parsers.document import parse_document
from parsers.models import (
    Bullet,
    Document,
    EducationAsked,
    JobPosting,
    Line,
    Requirement,
    RequirementKind,
    Section,
    YearsAsked,
)
from parsers.quantities import find_quantities
from parsers.sections import (
    JOB_HEADINGS,
    Heading,
    Item,
    detect_headings,
    drop_page_furniture,
    heading_kind,
    merge_wrapped,
    sections_from_headings,
)
from parsers.text import document_from_text

__all__ = [
    "classify_requirement",
    "find_alternatives",
    "find_education",
    "find_years",
    "job_from_document",
    "parse_job",
]

logger = logging.getLogger(__name__)


def _wordset(words: str) -> frozenset[str]:
    """A set of the whitespace-separated words of ``words``."""
    return frozenset(words.split())


_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "un": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
}
_NUM = r"(?:\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
_UNIT = r"(?:years?|yrs?|años|anos|ans|jahre|jahren)"
_YEARS_RE = re.compile(
    rf"(?<![\w.])(?:(?P<lead>at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?|over|more\s+than|al\s+menos|"
    rf"m[ií]nimo(?:\s+de)?|mindestens)\s+)?(?P<min>{_NUM})\s*(?:\+\s*)?"
    rf"(?:(?:-|–|—|to|a)\s*(?P<max>{_NUM})\s*(?:\+\s*)?)?(?:\s+or\s+more\s+|\s+plus\s+|\s*)"
    rf"(?P<unit>{_UNIT})(?:['’]s?)?(?![\w])(?!\s+(?:old|ago)\b)",
    re.IGNORECASE,
)
_FILLER = _wordset(
    "professional relevant hands-on hands on industry commercial practical proven overall total related direct "
    "progressive working work full-time full time post-graduate demonstrated solid prior previous recent "
    "experience experiences of in with the a an"
)
_SUBJECT_AFTER_RE = re.compile(
    r"^\s*(?:of\s+|de\s+)?(?:(?:professional|relevant|hands-on|industry|commercial|practical|proven|overall|"
    r"total|related|direct|progressive|working|work|demonstrated|solid|recent)\s+)*"
    r"(?:experience\s+|exp\.?\s+|experiencia\s+)?"
    r"(?:(?:with|in|of|using|on|as\s+an?|as|working\s+with|working\s+on|working\s+in|developing|building|"
    r"designing|leading|managing|de|en|con)\s+)(?:the\s+|a\s+|an\s+)?(?P<subj>[^,.;:()\n]+)",
    re.IGNORECASE,
)
_SUBJECT_BEFORE_RE = re.compile(r"^\s*(?:of\s+)?(?P<subj>[^,.;:()\n]{2,60}?)\s+experience\b", re.IGNORECASE)
_SUBJECT_STOP_RE = re.compile(
    r"\s+(?:and|with|including|such\s+as|to|for|at|in\s+a|in\s+an|within|across|from|that|which|where|"
    r"while|preferably|preferred|is|are|y|o|con|para)\b.*$",
    re.IGNORECASE,
)
_LABELLED_YEARS_RE = re.compile(rf"^(?P<subj>[^:]{{2,50}}):\s*(?P<num>{_NUM})\s*\+?\s*{_UNIT}\b", re.IGNORECASE)
_GENERIC_SUBJECTS = frozenset({"total work", "work", "experience", "total experience", "total", "overall"})

_EXPLICIT_RE = re.compile(
    r"\((?P<k>required|preferred|mandatory|optional|must|nice to have|deseable|obligatorio|requerido)\)",
    re.IGNORECASE,
)
_PREFERRED_RE = re.compile(
    r"\b(?:preferred|preferably|prefer|nice[- ]to[- ]haves?|(?:is|are|would\s+be|as)\s+an?\s+(?:big\s+|huge\s+|"
    r"strong\s+|definite\s+)?(?:plus|bonus|advantage|asset)|a\s+plus|bonus(?:\s+points)?|ideally|desirable|desired|"
    r"good\s+to\s+have|advantageous|would\s+be\s+beneficial|optional|deseables?|valorables?|se\s+valorar[aá]|"
    r"ser[aá]\s+un\s+plus|idealmente|de\s+preferencia|preferentemente|preferiblemente|un\s+plus|souhait[ée]e?|"
    r"souhaitable|un\s+atout|w[üu]nschenswert|von\s+vorteil)\b",
    re.IGNORECASE,
)
_REQUIRED_RE = re.compile(
    r"\b(?:must|required|requirement|mandatory|essential|minimum|at\s+least|obligatori[oa]|indispensable|"
    r"imprescindible|requerid[oa]|al\s+menos|m[ií]nimo|exig[ée]e?|obligatoire|erforderlich|zwingend|mindestens)\b",
    re.IGNORECASE,
)
_WEAK_REQUIRED_RE = re.compile(r"\b(?:strong|solid|proven|s[oó]lid[oa]s?)\b", re.IGNORECASE)
_STRONG_CUE_RE = re.compile(
    r"\b(?:must\s+(?:have|be|know)|required|is\s+a\s+plus|are\s+a\s+plus|nice\s+to\s+have|preferred|"
    r"requisito\s+indispensable|imprescindible)\b",
    re.IGNORECASE,
)
_CUE_RE = re.compile(
    r"\b(?:experience\s+(?:with|in)|knowledge\s+of|proficien(?:t|cy)\s+(?:in|with)|familiar(?:ity)?\s+with|"
    r"understanding\s+of|ability\s+to|skills?\b|conocimientos?\s+(?:de|en)|experiencia\s+(?:en|con|de)|manejo)",
    re.IGNORECASE,
)
_JOB_META_RE = re.compile(
    r"^(?:job\s+types?|salary|pay|contract\s+length|work\s+remotely|application\s+deadline|schedule|"
    r"working\s+days(?:\s+and\s+times)?|location|shift|benefits|start\s+date|tipo\s+de\s+contrato|salario|"
    r"lugar\s+de\s+pr[aá]cticas|ubicaci[oó]n|horario|inscr[ií]bete\s+hasta)\s*:",
    re.IGNORECASE,
)

_EQUIVALENT_RE = re.compile(
    r"\bor\s+(?:an?\s+)?equivalent\b|\bequivalent\s+(?:practical\s+|work\s+|professional\s+)?experience\b|"
    r"\bor\s+equivalent\b|\bo\s+equivalente\b|\bou\s+[ée]quivalent\b",
    re.IGNORECASE,
)
_FIELD_LIST_RE = re.compile(r"\s*(?:degree\s+|diploma\s+)?(?:in|of|en|on)\s+(?P<fields>[^.;()\n]+)", re.IGNORECASE)
_FIELD_END_RE = re.compile(
    r"\s*(?:,\s*)?(?:\bor\s+(?:an?\s+)?(?:equivalent|related|similar|other)|\band/or\s+equivalent|"
    r"\brelated\b|\bequivalent\b|\bwith\b|\bpreferred\b|\brequired\b|\bfrom\b|\bplus\b|\bo\s+afines\b|\bo\s+carreras\b).*$",
    re.IGNORECASE,
)
_FIELD_SPLIT_RE = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*/\s*|\s+o\s+|\s+y\s+", re.IGNORECASE)

_ALT_TOKEN = r"(?:[A-Z][\w+#./\-]*[\w+#]|[A-Z]|[a-z]+[+#\d][\w+#.]*)"
_ALT_ITEM = rf"{_ALT_TOKEN}(?:\s{_ALT_TOKEN})?"
_ALT_RE = re.compile(
    rf"(?<![\w.])(?P<items>(?:{_ALT_ITEM}\s*,\s*){{0,5}}{_ALT_ITEM})\s*,?\s+(?P<or>or|o|ou|oder)\s+(?P<last>{_ALT_ITEM})"
    r"(?![\w+#])"
)
_OR_WORD_RE = re.compile(r"\s(?:or|o|ou|oder)\s", re.IGNORECASE)
_TECHY_RE = re.compile(r"[A-Za-z][a-z]*[A-Z0-9+#]|^[A-Z0-9]{2,}$")
_EITHER_RE = re.compile(r"\b(?:either|ya\s+sea)\s+(?P<a>[\w+#.\-]+)\s+(?:or|o)\s+(?P<b>[\w+#.\-]+)", re.IGNORECASE)
_ALT_STOP = _wordset(
    "i we you they he she it the a an this that our your their experience knowledge bachelor master phd "
    "equivalent related similar other others more both etc"
)

_TITLE_LABEL_RE = re.compile(
    r"^\s*(?:job\s+title|position\s+title|title|position|role|job|puesto(?:\s+de\s+trabajo)?|cargo|vacante|"
    r"intitul[ée]\s+du\s+poste|poste|stelle|stellenbezeichnung)\s*:\s*(?P<v>.{2,120})$",
    re.IGNORECASE,
)
_SEEKING_RE = re.compile(
    r"\b(?:we\s+are|we['’]re|is|are)\s+(?:currently\s+)?(?:seeking|looking\s+for|hiring|searching\s+for)\s+"
    r"(?:an?\s+|one\s+)?(?:(?:outstanding|talented|experienced|motivated|highly|passionate|skilled|dedicated|"
    r"dynamic|great|driven|enthusiastic|exceptional|creative)\s+)*(?P<t>[\w/&+#.\- ]{3,60}?)"
    r"(?=\s+(?:for|to|who|with|in|at|that|based|on|responsible)\b|[,.;(]|$)",
    re.IGNORECASE,
)
_COMPANY_LABEL_RE = re.compile(
    r"^\s*(?:company|company\s+name|employer|organi[sz]ation|empresa|entreprise|unternehmen)\s*:\s*(?P<v>.{2,80})$",
    re.IGNORECASE,
)
_PROPER = r"[A-Z][\w&.'’\-]*(?:\s+(?:[A-Z0-9][\w&.'’\-]*|of|de|&|and))*"
_ABOUT_RE = re.compile(rf"^\s*(?i:about|sobre|acerca\s+de|à\s+propos\s+de|über)\s+(?P<c>{_PROPER})\s*:?\s*$")
_COMPANY_PATTERNS = (
    re.compile(rf"^(?P<c>{_PROPER})\s+(?:is\s+hiring|is\s+looking|is\s+seeking)\b"),
    re.compile(rf"\b(?:join|únete\s+a|rejoignez|join\s+us\s+at)\s+(?P<c>{_PROPER})"),
    re.compile(rf"^(?:At|En(?:\s+el)?|Chez|Bei)\s+(?P<c>{_PROPER})\s*,"),
    re.compile(rf"^(?P<c>{_PROPER})\s+(?:is|es|est|ist)\s+(?:an?|one|on\s+a|una|un|une|ein|eine|the|la|el)\b"),
    re.compile(rf"\b(?i:as\s+an?)\s+[\w\s]{{2,40}}?\s+at\s+(?P<c>{_PROPER})[\s,.]"),
)
_NOT_COMPANY = _wordset(
    "we our you your the this it they in at as a an us our team company role position job about lima "
    "nosotros la el los las"
)
_PRINT_HEADER_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}|^https?://\S+\s+\d+/\d+$")

_REQ_SECTIONS = frozenset({"requirements", "preferred"})
_NO_CUE_SECTIONS = frozenset({"responsibilities", "benefits"})


def _number(raw: str) -> float:
    low = raw.lower()
    return float(_NUMBER_WORDS[low]) if low in _NUMBER_WORDS else float(low)


def _clean_subject(raw: str | None) -> str | None:
    if not raw:
        return None
    subject = re.split(r"\s+experience\b", raw, maxsplit=1, flags=re.IGNORECASE)[0]
    subject = _SUBJECT_STOP_RE.sub("", subject).strip(" -–—'’\"")
    words = subject.split()
    while words and words[0].lower() in _FILLER:
        words.pop(0)
    while words and words[-1].lower() in _FILLER:
        words.pop()
    if not words or len(words) > 6:
        return None
    subject = " ".join(words)
    return None if subject.lower() in _GENERIC_SUBJECTS else subject


_UNIT_STEMS = ("year", "yr", "anos", "ans", "jahr")  # what every spelling of _UNIT holds, in ASCII


def _may_hold_years(text: str) -> bool:
    """False when ``text`` has no unit word at all (a plain test, far cheaper than the patterns)."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(stem in low for stem in _UNIT_STEMS)


def find_years(text: str) -> tuple[YearsAsked, ...]:
    """Years of experience asked in ``text``: '5+ years of Python' -> min 5, subject 'Python'."""
    found: list[YearsAsked] = []
    if not _may_hold_years(text):
        return ()
    labelled = _LABELLED_YEARS_RE.match(text)
    if labelled:
        subject = labelled.group("subj").strip()
        found.append(
            YearsAsked(
                labelled.group(0),
                _number(labelled.group("num")),
                None,
                None if subject.lower() in _GENERIC_SUBJECTS else subject,
            )
        )
        return tuple(found)
    for m in _YEARS_RE.finditer(text):
        low = _number(m.group("min"))
        high = _number(m.group("max")) if m.group("max") else None
        if low > 40 or (high is not None and high < low):
            continue
        rest = text[m.end() : m.end() + 160]  # the subject follows closely; a bounded window keeps this linear
        after = _SUBJECT_AFTER_RE.match(rest)
        subject = _clean_subject(after.group("subj")) if after else None
        if subject is None:
            before = _SUBJECT_BEFORE_RE.match(rest)
            subject = _clean_subject(before.group("subj")) if before else None
        found.append(YearsAsked(m.group(0).strip(), low, high, subject))
    return tuple(found)


def _fields(text: str, end: int) -> tuple[str, ...]:
    m = _FIELD_LIST_RE.match(text, end)
    if not m:
        return ()
    raw = _FIELD_END_RE.sub("", m.group("fields")).strip(" ,")
    out: list[str] = []
    for part in _FIELD_SPLIT_RE.split(raw):
        part = part.strip(" ,.")
        low = part.lower()
        if (
            not part
            or low in {"etc", "similar", "related field", "equivalent"}
            or low.startswith(("a related", "related"))
        ):
            continue
        if len(part.split()) > 5 or find_degrees(part, loose=True):
            continue
        out.append(part)
    return tuple(out)


def find_education(text: str) -> EducationAsked | None:
    """The degree ``text`` asks for: 'BS in Computer Science or equivalent' -> bachelor, ('Computer Science',)."""
    degrees = find_degrees(text, loose=True)
    if not degrees:
        return None
    level = lowest_level([d.level for d in degrees])
    fields: tuple[str, ...] = ()
    for d in degrees:
        fields = _fields(text, d.end)
        if fields:
            break
    return EducationAsked(text.strip(), level, fields, bool(_EQUIVALENT_RE.search(text)))


def find_alternatives(text: str, exclude: frozenset[str] = frozenset()) -> tuple[tuple[str, ...], ...]:
    """Either/or groups of short names: 'Java or Kotlin' -> (('Java', 'Kotlin'),). Groups made only of
    ``exclude`` names (the fields of a degree) are left out."""
    groups: list[tuple[str, ...]] = []
    if _OR_WORD_RE.search(text) is None:
        return ()  # both patterns need "or" (o, ou, oder) between spaces
    for m in _EITHER_RE.finditer(text):
        groups.append((m.group("a").strip(".,;:"), m.group("b").strip(".,;:")))
    for m in _ALT_RE.finditer(text):
        if any(m.start() <= text.find(g[0]) < m.end() for g in groups):
            continue
        names = [s.strip() for s in m.group("items").split(",")] + [m.group("last").strip()]
        if len(names) > 2 and m.start() > 0 and text[: m.start()].rstrip().endswith(("and", "with")):
            names = names[-2:]
        if any(n.lower() in _ALT_STOP or n.split()[0].lower() in _ALT_STOP for n in names):
            continue
        if any(find_degrees(n, loose=True) for n in names) or set(names) <= exclude:
            continue
        if m.group("or") != "or" and not all(_TECHY_RE.search(n) for n in names):
            continue  # Spanish "o" joins ordinary words too: only product-like names ("MySQL o PostgreSQL")
        if len(set(names)) >= 2:
            groups.append(tuple(names))
    return tuple(groups)


def classify_requirement(text: str, section: str | None) -> RequirementKind:
    """'required' or 'preferred': an explicit '(Required)' first, then phrase cues, then the section.

    Strong cues (must, required, minimum, at least) override a preferred heading; weak ones (strong, solid,
    proven) only decide where no heading does.
    """
    explicit = _EXPLICIT_RE.search(text)
    if explicit:
        k = explicit.group("k").lower()
        return "preferred" if k in {"preferred", "optional", "nice to have", "deseable"} else "required"
    if _PREFERRED_RE.search(text):
        return "preferred"
    if _REQUIRED_RE.search(text):
        return "required"
    if section == "preferred":
        return "preferred"
    return "required"


def _is_sublabel(text: str) -> bool:
    return text.rstrip().endswith(":") and len(text.split()) <= 8


def _requirement(item: Item, section: str | None) -> Requirement:
    text = item.flat
    education = find_education(text)
    return Requirement(
        text=item.text,
        start=item.start,
        end=item.end,
        kind=classify_requirement(text, section),
        section=section,
        years=find_years(text),
        education=education,
        alternatives=find_alternatives(text, frozenset(education.fields) if education else frozenset()),
    )


def _has_cue(text: str, *, broad: bool) -> bool:
    """A requirement cue outside a requirements section; ``broad`` adds weaker ones ("experience with")."""
    if (
        (_may_hold_years(text) and _YEARS_RE.search(text))
        or find_degrees(text)
        or _EXPLICIT_RE.search(text)
        or _STRONG_CUE_RE.search(text)
    ):
        return True
    return broad and bool(_CUE_RE.search(text))


def _dedupe_title(text: str) -> str:
    text = " ".join(text.split()).strip(" :-–|")
    half = len(text) // 2
    if len(text) % 2 == 0 and text[:half] == text[half:]:
        return text[:half]
    return text


def _title(doc: Document, lines: Sequence[Line], headings: set[int]) -> tuple[str | None, int | None]:
    """The job title and the index of its line in ``lines``."""
    head = lines[:15]
    for i, line in enumerate(head):
        m = _TITLE_LABEL_RE.match(line.text)
        if m:
            return _dedupe_title(m.group("v")), i
    sized = [line.font_size for line in lines if line.font_size]
    if sized:
        body = sorted(sized)[len(sized) // 2]
        big = [
            (looks_like_title(line.text), line.font_size or 0.0, -i, i)
            for i, line in enumerate(head)
            if (line.font_size or 0) >= body + 1.5
            and i not in headings
            and 2 <= len(line.text.split()) <= 15
            and not _PRINT_HEADER_RE.match(line.text)
        ]
        if big:
            i = max(big)[3]  # a title-like line first, then the biggest, then the earliest
            return _dedupe_title(head[i].text), i
    candidates = [
        (i, line)
        for i, line in enumerate(head[:6])
        if i not in headings
        and not line.list_item
        and len(line.text.split()) <= 14
        and not line.text.rstrip().endswith(".")
    ]
    for i, line in candidates[:3]:
        if looks_like_title(line.text):
            return _dedupe_title(line.text), i
    for line in head[:5]:
        m = _SEEKING_RE.search(line.text)
        if m and looks_like_title(m.group("t")):
            found = " ".join(m.group("t").split())
            return (found.title() if found.islower() else found), None
    if candidates and candidates[0][0] == 0:
        return _dedupe_title(candidates[0][1].text), 0
    return None, None


def _company_candidate(raw: str | None) -> str | None:
    if not raw:
        return None
    name = raw.strip(" ,.:;")
    words = name.split()
    while words and words[-1].lower() in {"and", "of", "de", "&"}:
        words.pop()
    if not words or words[0].lower() in _NOT_COMPANY or len(words) > 5:
        return None
    return " ".join(words)


def _company(lines: Sequence[Line], title_index: int | None) -> str | None:
    for line in lines[:40]:
        m = _COMPANY_LABEL_RE.match(line.text) or _ABOUT_RE.match(line.text)
        if m:
            found = _company_candidate(m.group(1) if m.lastgroup is None else m.group(m.lastgroup))
            if found:
                return found
    if title_index is not None and title_index > 0:
        prev = lines[title_index - 1].text.strip()
        if 1 <= len(prev.split()) <= 4 and not looks_like_title(prev) and not heading_kind(prev, JOB_HEADINGS):
            found = _company_candidate(prev)
            if found:
                return found
    for line in lines[:60]:
        for pattern in _COMPANY_PATTERNS:
            m = pattern.search(line.text)
            if m:
                found = _company_candidate(m.group("c"))
                if found:
                    return found
    return None


def _about_headings(doc: Document, headings: list[Heading]) -> list[Heading]:
    """'About Stones2Milestones' opens an about section even though the name is not in the vocabulary."""
    known = {h.index for h in headings}
    extra = [Heading(i, "about") for i, line in enumerate(doc.lines) if i not in known and _ABOUT_RE.match(line.text)]
    return sorted([*headings, *extra], key=lambda h: h.index)


def job_from_document(doc: Document) -> JobPosting:
    """The structure of a job ad whose text and lines are ``doc``."""
    source = doc
    doc = drop_page_furniture(doc)
    kept = tuple(line for line in doc.lines if not _PRINT_HEADER_RE.match(line.text.strip()))
    if len(kept) != len(doc.lines):
        doc = Document(doc.text, doc.format, kept, doc.page_count, doc.columns, doc.has_tables, doc.warnings)
    headings = _about_headings(doc, detect_headings(doc, JOB_HEADINGS))
    sections: list[Section] = sections_from_headings(doc, headings)
    lines = list(doc.lines)
    title, title_index = _title(doc, lines, {h.index for h in headings})
    company = _company(lines, title_index)

    bounds: list[tuple[int, str | None]] = [(-1, None), *((h.index, h.kind) for h in headings)]
    blocks: list[tuple[str | None, list[Item]]] = []
    for n, (index, kind) in enumerate(bounds):
        stop = bounds[n + 1][0] if n + 1 < len(bounds) else len(lines)
        body = [line for i, line in enumerate(lines[index + 1 : stop], start=index + 1) if i != title_index]
        items = [
            item
            for item in merge_wrapped(doc, body)
            if item.flat and not _is_sublabel(item.flat) and len(item.flat.split()) >= 2
        ]
        blocks.append((kind, [item for item in items if not _JOB_META_RE.match(item.flat)]))
    # a real requirements section, not just an "Experience:" / "Education:" footer of one or two lines
    has_req_section = any(
        kind in _REQ_SECTIONS and sum(1 for it in items if not _EXPLICIT_RE.search(it.flat)) >= 3
        for kind, items in blocks
    )

    requirements: list[Requirement] = []
    responsibilities: list[Bullet] = []
    for kind, items in blocks:
        for item in items:
            text = item.flat
            if kind == "responsibilities":
                responsibilities.append(Bullet(item.text, item.start, item.end, find_quantities(text)))
            elif kind in _REQ_SECTIONS:
                requirements.append(_requirement(item, kind))
            elif kind not in _NO_CUE_SECTIONS and len(text.split()) <= 80:
                unsectioned_list = not has_req_section and item.list_item and kind is None
                if unsectioned_list or _has_cue(text, broad=not has_req_section and kind is None):
                    requirements.append(_requirement(item, kind))

    warnings: list[str] = []
    if title is None:
        warnings.append("no_title")
    if not sections:
        warnings.append("no_sections")
    if not requirements:
        warnings.append("no_requirements")
    logger.debug("job parsed: %d chars, %d sections, %d requirements", len(doc.text), len(sections), len(requirements))
    return JobPosting(
        document=source,
        title=title,
        company=company,
        sections=tuple(sections),
        requirements=tuple(requirements),
        responsibilities=tuple(responsibilities),
        education=tuple(r.education for r in requirements if r.education is not None),
        years=tuple(y for r in requirements for y in r.years),
        warnings=tuple(warnings),
    )


def parse_job(data: bytes | str, filename: str | None = None, *, max_pages: int = 20) -> JobPosting:
    """Parse a job ad: ``str`` is taken as text; ``bytes`` go through ``parse_document`` (PDF, DOCX, text)."""
    if isinstance(data, str):
        return job_from_document(document_from_text(data))
    return job_from_document(parse_document(data, filename, max_pages=max_pages))
