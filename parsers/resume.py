"""Resume structure: contact, sections, roles with dates and bullets, education, skills, certifications.

``resume_from_document(doc)`` works on any ``Document``: it uses the layout (font size, bold, position) when
the format has one and falls back on the words alone. Every role, bullet, skill and education entry points
back into ``doc.text`` by offsets.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from parsers.contact import (
    TITLE_WORDS,
    Found,
    extract_contact,
    find_emails,
    find_links,
    find_locations,
    find_phones,
    is_title_word,
    looks_like_name,
    looks_like_title,
)
from parsers.dates import DATE_WORDS, DateSpan, find_date_spans, is_present, strip_spans
from parsers.degrees import find_degrees
from parsers.document import parse_document
from parsers.models import (
    Bullet,
    Certification,
    DateValue,
    Document,
    Education,
    Line,
    ParseQuality,
    QualityIssue,
    Resume,
    Role,
    Section,
    SkillItem,
)
from parsers.quantities import find_quantities
from parsers.sections import (
    RESUME_HEADINGS,
    Heading,
    Item,
    collapse_letter_spacing,
    detect_headings,
    drop_page_furniture,
    fold,
    merge_wrapped,
    sections_from_headings,
)

__all__ = ["parse_resume", "resume_from_document"]

logger = logging.getLogger(__name__)


def _wordset(words: str) -> frozenset[str]:
    """A set of the whitespace-separated words of ``words`` (vocabularies read better as one string)."""
    return frozenset(words.split())


_ROLE_SECTIONS = frozenset({"experience", "projects", "volunteering"})
_LITTLE_TEXT = 300

_DURATION_RE = re.compile(
    r"\(?\b\d+\+?\s*(?:years?|yrs?|months?|mos?|años?|meses|ans?|mois|jahre?|monate?)"
    r"(?:,?\s*(?:and\s+)?\d+\s*(?:months?|mos?|meses|mois|monate?))?\b\)?",
    re.IGNORECASE,
)
_LABEL_LINE_RE = re.compile(r"^[\w][\w &/()\-]{1,30}:\s*(?=\S)")
_SUBLABEL_RE = re.compile(r"^[\w][\w &/,()'’\-]{1,40}:$")
_FRAGMENT_SPLIT_RE = re.compile(r"\s+[|–—•·◆@]\s+|\s+[-–—]\s+|\s*\|\s*|\s{2,}|\t|,\s+(?![^()]*\))|\s+at\s+|\s+en\s+")
_ORG_WORDS = _wordset(
    "inc inc. llc ltd ltd. limited corp corporation company co gmbh ag sa s.a. plc group bank labs lab "
    "technologies technology solutions systems software consulting university college institute school "
    "academy agency foundation studio studios partners holdings ventures capital media games health "
    "hospital centre center ministry government research"
)
# "University of Texas at Austin": no split on "at" in education
_EDU_SPLIT_RE = re.compile(r"\s+[|–—•·◆@]\s+|\s+[-–—]\s+|\s*\|\s*|\s{2,}|\t|,\s+(?![^()]*\))")
_PLACE_WORDS = _wordset("usa us uk remote hybrid onsite on-site")
_EDU_DETAIL_RE = re.compile(
    r"^(?:specialization|specialisation|concentration|minor|major|gpa|thesis|honors|honours|coursework|advisor|"
    r"expected|graduat)",
    re.IGNORECASE,
)
_INSTITUTION_WORDS = _wordset(
    "university universidad universite universität universitat universita college institute institut "
    "instituto school escuela ecole schule academy academia polytechnic politecnico hochschule center centre "
    "conservatory seminary"
)


@dataclass(slots=True)
class _Entry:
    """Lines of one role or education entry while it is being assembled."""

    heads: list[Item] = field(default_factory=list)
    metas: list[Item] = field(default_factory=list)
    body: list[Item] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    open_end: DateValue | None = None  # "Present" on a line of its own
    located: bool = False

    @property
    def dated(self) -> bool:
        return any(d.is_range for d in self.dates) or len(self.dates) >= 2

    @property
    def items(self) -> list[Item]:
        return sorted([*self.heads, *self.metas, *self.body], key=lambda it: it.start)


class _Scan:
    """The date and place scans of one parse, each done once per distinct string.

    Every line of a role section is looked at by several steps (is it a date line, what kind of line, its
    dates, its fragments), and the scans cost far more than a dictionary lookup. One ``_Scan`` lives for
    one ``resume_from_document`` call, so nothing is kept between documents.
    """

    __slots__ = ("_dates", "_locations", "_meta")

    def __init__(self) -> None:
        self._dates: dict[str, list[DateSpan]] = {}
        self._locations: dict[str, list[Found]] = {}
        self._meta: dict[str, bool] = {}

    def dates(self, text: str) -> list[DateSpan]:
        """``find_date_spans(text)``; callers must not change the list."""
        found = self._dates.get(text)
        if found is None:
            found = self._dates[text] = find_date_spans(text)
        return found

    def locations(self, text: str) -> list[Found]:
        """``find_locations(text)``; callers must not change the list."""
        found = self._locations.get(text)
        if found is None:
            found = self._locations[text] = find_locations(text)
        return found

    def is_meta(self, line: Line) -> bool:
        """A line holding only a date, a duration and/or a location."""
        if line.list_item:
            return False
        text = line.text
        meta = self._meta.get(text)
        if meta is None:
            meta = is_present(text) or (not _has_stray_word(text) and self.meta_text(text))
            self._meta[text] = meta
        return meta

    def meta_text(self, text: str) -> bool:
        """The full test of ``is_meta`` on a line's text, without the quick rejection of stray words."""
        if not text.strip():
            return False
        if is_present(text):
            return True
        dates = self.dates(text)
        has_duration = _DURATION_RE.search(text) is not None
        if not (dates or has_duration or self.locations(text)):
            return False
        return not self._residue(text, dates)

    def _residue(self, text: str, dates: Sequence[DateSpan]) -> str:
        """``text`` with dates, durations, locations and separators removed."""
        text = strip_spans(text, [(d.start, d.end) for d in dates])
        text = _DURATION_RE.sub(" ", text)
        for loc in self.locations(text):
            text = text[: loc.start] + " " * (loc.end - loc.start) + text[loc.end :]
        return _SEPARATORS_RE.sub(" ", text).strip()


# words a date or a duration can hold, in any case ("to", "Present", "years"); places add "Remote" and the
# small words of a place's name ("Rio de Janeiro"), whose other words start with a capital
_DATE_OR_DURATION_WORDS = DATE_WORDS | _wordset(
    "year years yr yrs month months mo mos año años meses an ans mois jahr jahre monat monate and"
)
_META_WORDS = _DATE_OR_DURATION_WORDS | _wordset("de del la am upon on du sur remote hybrid remoto")
# a lower-case word that starts a token (not the tail of "St.-louis"), and any word
_LOWER_WORD_RE = re.compile(r"(?<![\w'’.\-])[a-z]+")
_WORD_RE = re.compile(r"[A-Za-z]+")


def _has_stray_word(text: str) -> bool:
    """Whether ``text`` holds a word that no date, duration or place can contain ("led", "Senior"): then
    it is no date/location line, and the costlier scans are skipped.

    Every place but "Remote" has a comma ("Austin, TX"); without one, every word must be a date or duration
    word. With one, capitalised words may be places, but a lower-case word starting a token must still be a
    date or duration word or a place's small word. ASCII text only (Unicode case folding matches more than it
    seems); other text always takes the full test.
    """
    if not text.isascii():
        return False
    if "," not in text:
        return any(m.group().lower() not in _META_WORDS for m in _WORD_RE.finditer(text))
    return any(m.group() not in _META_WORDS for m in _LOWER_WORD_RE.finditer(text))


_SEPARATORS_RE = re.compile(r"[\s|,;:–—•·◆()\-\[\]]+")


def _kind(item: Item, scan: _Scan) -> str:
    """bullet, meta, sublabel, sentence or header."""
    text = item.flat
    if item.list_item:
        return "bullet"
    if all(scan.is_meta(line) for line in item.lines):
        return "meta"
    if _SUBLABEL_RE.match(text):
        return "sublabel"
    first = item.first
    if first.bold and len(item.lines) == 1 and len(text.split()) <= 12 and not text.endswith("."):
        return "header"  # a bold short line: "Personal Project: Stock Model", "Acme Corp"
    dated = bool(scan.dates(text))
    if _LABEL_LINE_RE.match(text) and not dated:
        return "sentence"
    words = text.split()
    if text[:1].islower() and not dated:
        return "sentence"
    if not dated and (len(words) >= 10 or (text.endswith(".") and len(words) >= 5)):
        return "sentence"
    return "header"


def _opens_entry(cur: _Entry, kind: str, dates: list[DateSpan], located: bool, merge_single_dates: bool) -> bool:
    """Whether a header or date/location line starts a new entry rather than continuing ``cur``.

    After bullets, a header always starts one; a date or location line only when ``cur`` has its own already
    (themes that print dates below the bullets). Before bullets, a second dated line starts one, except a
    lone date following a lone date ("2020, June" / "2021, August" on two lines) when ``merge_single_dates``.
    """
    has_range = any(d.is_range for d in dates)
    second_date = bool(dates and cur.dates and (cur.dated or has_range or not merge_single_dates))
    if kind == "meta":
        if cur.body:
            return second_date or bool(dates and cur.dates) or (located and not dates and cur.located)
        return bool(dates) and cur.dated
    return bool(cur.body) or second_date


def _segment(doc: Document, lines: Sequence[Line], scan: _Scan, *, merge_single_dates: bool) -> list[_Entry]:
    """Split the lines of an experience or education section into entries."""
    items = merge_wrapped(doc, lines, [scan.is_meta(line) for line in lines])
    entries: list[_Entry] = []
    cur: _Entry | None = None

    def new() -> _Entry:
        entries.append(_Entry())
        return entries[-1]

    for item in items:
        kind = _kind(item, scan)
        if kind == "sublabel":
            continue
        if kind in ("bullet", "sentence"):
            cur = cur or new()
            cur.body.append(item)
            continue
        dates = scan.dates(item.text)  # lone years count in a header or date line, not in sentences
        located = bool(scan.locations(item.text))
        if cur is None or _opens_entry(cur, kind, dates, located, merge_single_dates):
            cur = new()
        (cur.metas if kind == "meta" else cur.heads).append(item)
        if is_present(item.flat):
            cur.open_end = DateValue(item.flat.strip(" -–—()"), "present")
        cur.dates.extend(dates)
        cur.located = cur.located or located
    return [e for e in entries if e.heads or e.metas or e.body]


def _dates_of(entry: _Entry) -> tuple[DateValue | None, DateValue | None]:
    ranges = [d for d in entry.dates if d.is_range]
    if ranges:
        return ranges[0].start_date, ranges[0].end_date
    if len(entry.dates) >= 2:
        return entry.dates[0].start_date, entry.dates[1].start_date
    if entry.dates:
        return entry.dates[0].start_date, entry.open_end
    return None, None


def _location_of(entry: _Entry, scan: _Scan) -> str | None:
    for item in (*entry.heads, *entry.metas):
        found = scan.locations(item.flat)
        if found:
            return found[0].text
    return None


def _fragments(text: str, scan: _Scan, split: re.Pattern[str] = _FRAGMENT_SPLIT_RE) -> list[str]:
    """Header text cut into title / organisation / location candidates, dates and links removed."""
    spans = [(d.start, d.end) for d in scan.dates(text)]
    spans += [(m.start(), m.end()) for m in _DURATION_RE.finditer(text)]
    spans += [(loc.start, loc.end) for loc in scan.locations(text)]
    for link in find_links(text):
        pos = text.find(link.url)
        if pos >= 0:
            spans.append((pos, pos + len(link.url)))
    text = _EMPTY_PARENTHESES_RE.sub(" ", strip_spans(text, spans))  # parentheses emptied of a place or dates
    out = []
    for frag in split.split(text):
        frag = " ".join(frag.split()).strip(" ,;:–—-|•·*")
        if frag.startswith("(") and frag.endswith(")"):
            frag = frag[1:-1].strip()
        if len(frag) >= 2 and _LETTER_RE.search(frag) and not _is_place_only(frag, scan):
            out.append(frag)
    return out


_LETTER_RE = re.compile(r"[A-Za-zÀ-ÿ]")
_EMPTY_PARENTHESES_RE = re.compile(r"\(\s*[,;]?\s*\)")


def _is_place_only(fragment: str, scan: _Scan) -> bool:
    """'USA', 'Mountain View, CA', 'Remote': a fragment that is only a place."""
    found = scan.locations(fragment)
    if found and len(found[0].text) >= len(fragment) - 1:
        return True
    return fold(fragment) in _PLACE_WORDS


def _split_title_org(fragment: str) -> tuple[str, str | None]:
    """'DATA ANALYST REGIONS GROUP' -> ('DATA ANALYST', 'REGIONS GROUP') when an org word ends it."""
    words = fragment.split()
    lows = [fold(w).strip(".,") for w in words]
    title_idx = [i for i, w in enumerate(lows) if w in TITLE_WORDS]
    if not title_idx or title_idx[-1] == len(words) - 1:
        return fragment, None
    rest = lows[title_idx[-1] + 1 :]
    if any(w in _ORG_WORDS for w in rest):
        cut = title_idx[-1] + 1
        return " ".join(words[:cut]), " ".join(words[cut:])
    return fragment, None


_SENTENCE_BREAK_RE = re.compile(r"(?<=[a-z0-9)%][.!?])\s+(?=[A-Z])")
_ABBREVIATIONS = _wordset("inc ltd corp co etc e.g i.e dr mr mrs ms jr sr vs no approx dept univ")


def _bullets(item: Item) -> list[Bullet]:
    """A list item is one bullet; a paragraph under a role is one bullet per sentence."""
    spans = [(0, len(item.text))]
    if not item.list_item:
        spans = []
        start = 0
        for m in _SENTENCE_BREAK_RE.finditer(item.text):
            words = item.text[start : m.start()].split()
            if words and fold(words[-1]).rstrip(".!?") in _ABBREVIATIONS:
                continue
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(item.text)))
    out = []
    for a, b in spans:
        text = item.text[a:b]
        if text.strip():
            out.append(Bullet(text, item.start + a, item.start + b, find_quantities(" ".join(text.split()))))
    return out


def _role_from(entry: _Entry, section: str, scan: _Scan) -> Role:
    items = entry.items
    start, end = items[0].start, items[-1].end
    start_date, end_date = _dates_of(entry)
    frags = [f for item in entry.heads for f in _fragments(item.flat, scan)]
    title: str | None = None
    org: str | None = None
    if section == "projects":
        title = frags[0] if frags else None
    else:
        titled = [f for f in frags if looks_like_title(f)]
        if titled:
            title, org = _split_title_org(titled[0])
            if org is None:
                others = [f for f in frags if f not in titled]
                org = others[0] if others else None
        elif frags:
            title = frags[0]
            org = frags[1] if len(frags) > 1 else None
    bullets = tuple(bullet for item in entry.body if not scan.is_meta(item.first) for bullet in _bullets(item))
    return Role(
        title=title,
        organization=org,
        start=start,
        end=end,
        section=section,
        location=_location_of(entry, scan),
        start_date=start_date,
        end_date=end_date,
        bullets=bullets,
    )


def _has_institution_word(text: str) -> bool:
    return any(fold(w).strip(".,()") in _INSTITUTION_WORDS for w in text.split())


def _education_from(entry: _Entry, scan: _Scan) -> Education:
    items = entry.items
    start_date, end_date = _dates_of(entry)
    texts = [item.flat for item in entry.heads] or [item.flat for item in entry.body[:2]]
    degree = level = fld = institution = None
    for text in texts:
        found = find_degrees(text) or find_degrees(text, loose=True)
        if found:
            d = found[0]
            degree, level, fld = d.degree.strip(), d.level, d.field
            break
    frags = [f for text in texts for f in _fragments(text, scan, _EDU_SPLIT_RE)]
    rest: list[str] = []
    for f in frags:
        if degree and (f == degree or f.startswith(degree)):
            tail = f[len(degree) :].strip()
            if tail.lower().startswith("in "):
                fld = fld or tail[3:].strip()
            elif len(tail) >= 2 and not _has_institution_word(tail) and fld is None:
                fld = tail  # "MSc Computer Science, TU Berlin"
            elif len(tail) >= 2:
                rest.append(tail)
            continue
        if fld and f == fld:
            continue
        rest.append(f)
    rest = [f for f in rest if not _EDU_DETAIL_RE.match(f)]
    for f in rest:
        if _has_institution_word(f):
            institution = f
            break
    if institution is None:
        acronyms = [f for f in rest if re.fullmatch(r"[A-Z]{2,6}", f)]  # MIT, UCLA, ETH
        institution = acronyms[0] if acronyms else (rest[0] if rest else None)
    if fld and _has_institution_word(fld):
        institution = institution or fld
        fld = None
    if fld is None and degree:
        leftovers = [f for f in rest if f != institution and not find_degrees(f)]
        if leftovers and len(leftovers[0].split()) <= 6:
            fld = leftovers[0]
    return Education(
        start=items[0].start,
        end=items[-1].end,
        degree=degree,
        level=level,
        field=fld,
        institution=institution,
        start_date=start_date,
        end_date=end_date,
    )


_SKILL_SEP_RE = re.compile(r"[,;|•·●▪◦\t]|\s/\s|[ ]{2,}")
# brackets (which open and close a span that is not split) or a separator, left to right
_SKILL_SPLIT_SCAN_RE = re.compile(rf"[()\[\]]|{_SKILL_SEP_RE.pattern}")
_SKILL_LABEL_RE = re.compile(r"(?:^|(?<=[.;|•]\s)|(?<=\s{2}))(?P<label>[A-ZÀ-Ý][\w &+#/\-’']{0,35}?)\s*:\s+")
_SKILL_TRIM = " \n.-–*:"
_LEADING_JOINER_RE = re.compile(r"^(?:and|&|or|y|et|und)\s+")
_WORD_CHAR_RE = re.compile(r"\w")


def _split_skills(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Offsets of the items of ``text[a:b]``, split on commas, pipes, bullets... outside parentheses.

    "CI/CD", "TCP/IP" stay whole: only a slash with spaces around it separates.
    """
    pieces: list[tuple[int, int]] = []
    depth = 0
    start = a
    for m in _SKILL_SPLIT_SCAN_RE.finditer(text, a, b):
        ch = m.group()
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append((start, m.start()))
            start = m.end()
    pieces.append((start, b))
    out = []
    for p0, p1 in pieces:
        raw = text[p0:p1]
        stripped = _LEADING_JOINER_RE.sub("", raw.strip(_SKILL_TRIM)).strip(_SKILL_TRIM)
        if stripped and _WORD_CHAR_RE.search(stripped):
            s0 = p0 + raw.index(stripped)
            out.append((s0, s0 + len(stripped)))
    return out


# a run of names with no separator ("Go Python Node.js TypeScript") is split where its words look like
# technology names: symbols or digits (Node.js, C#, HTML5), inner capitals (TypeScript), acronyms (AWS),
# or one of these common single-word names
_TECH_NAMES = _wordset(
    "python java go golang rust ruby php perl scala kotlin swift dart elixir haskell julia matlab bash "
    "powershell linux unix windows macos android docker kubernetes terraform ansible jenkins git kafka spark "
    "hadoop airflow redis postgres elasticsearch cassandra oracle snowflake databricks tableau excel figma "
    "jira confluence react angular vue svelte django flask fastapi rails laravel express spring hibernate "
    "pandas numpy pytorch tensorflow keras selenium cypress jest webpack nginx apache azure heroku firebase "
    "supabase vercel netlify salesforce sap wordpress shopify unity blender photoshop illustrator"
)
_TECH_SHAPE_RE = re.compile(r"\d.*[A-Za-z]|[A-Za-z].*\d|[#+]|\.\w|\w/\w|[a-z][A-Z]|^[A-Z]{2,6}$")
# words that end a multi-word name ("SQL Server", "React Native") or start one ("Amazon Web Services")
_NAME_TAILS = _wordset(
    "server studio code native boot core framework platform cloud services service web learning science "
    "engine analytics functions office suite intelligence vision processing shell query warehouse "
    "api apis sdk ci cd mvc idea"
)
_NAME_HEADS = _wordset("amazon google microsoft ms apache adobe visual machine deep natural computer power unreal")
_RUN_STOP_WORDS = _wordset("and or with of the in on for to a an at by using including etc & y et und de con")
_RUN_TOKEN_RE = re.compile(r"\S+")
_NAME_TOKEN_RE = re.compile(r"[\w.#+/'’-]*\w[\w.#+/'’-]*")
_PLAIN_WORD_RE = re.compile(r"[a-z]+")


def _split_run(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``text[a:b]`` (one item, no separator in it) cut into names when it is a run of technology names.

    Words are first grouped into names ("SQL Server", "Amazon Web Services", "REST API", "Angular 6" stay
    whole). There must be three names or more, and at least half of them must look like technology: a word
    of that look, or a multi-word name. Every word must be a name's: no small word ("in", "and"), no plain
    lower-case word, no job-title word, no brackets or other punctuation, and no date. Otherwise the item is
    left as it is ("Google Cloud Platform", "AWS Certified Solutions Architect", "Strong Communication
    Skills", "Spring MVC").
    """
    if text.count(" ", a, b) + text.count("\t", a, b) + text.count("\n", a, b) < 2:
        return [(a, b)]  # fewer than three words (most items): nothing to split
    tokens: list[tuple[int, int, str]] = []
    for m in _RUN_TOKEN_RE.finditer(text, a, b):  # word by word: prose stops at its first small word
        token = m.group()
        low = fold(token)
        if (
            low in _RUN_STOP_WORDS
            or low in TITLE_WORDS
            or not _NAME_TOKEN_RE.fullmatch(token)
            or (_PLAIN_WORD_RE.fullmatch(token) and low not in _TECH_NAMES)
        ):
            return [(a, b)]
        tokens.append((m.start(), m.end(), token))
    if len(tokens) < 3:
        return [(a, b)]
    groups: list[list[int]] = []  # [start, end, words, techy words]
    for i, (t0, t1, token) in enumerate(tokens):
        techy = int(bool(_TECH_SHAPE_RE.search(token)) or fold(token) in _TECH_NAMES)
        joins = fold(token) in _NAME_TAILS or token[:1].isdigit()  # "SQL Server", "Python 3"
        if i > 0 and (joins or fold(tokens[i - 1][2]) in _NAME_HEADS):
            group = groups[-1]
            group[1], group[2], group[3] = t1, group[2] + 1, group[3] + techy
        else:
            groups.append([t0, t1, 1, techy])
    named = sum(1 for g in groups if g[2] > 1 or g[3])
    if len(groups) < 3 or named * 2 < len(groups) or find_date_spans(text[a:b]):
        return [(a, b)]  # a date: a role's header that landed here ("QA Team Leader Jan. 2010 Mar. 2012")
    return [(g[0], g[1]) for g in groups]


def _skills_from(doc: Document, lines: Sequence[Line]) -> list[SkillItem]:
    """Items of a skills section, with the sub-label ("Languages: Python, Go") each sits under."""
    items: list[SkillItem] = []
    category: str | None = None
    for item in merge_wrapped(doc, lines):
        text = item.text
        labels = list(_SKILL_LABEL_RE.finditer(text))
        chunks: list[tuple[int, int, str | None]] = []
        if labels and labels[0].start() > 0:
            chunks.append((0, labels[0].start(), None))
        for n, m in enumerate(labels):
            stop = labels[n + 1].start() if n + 1 < len(labels) else len(text)
            chunks.append((m.end(), stop, " ".join(m.group("label").split())))
        if not labels:
            # a line wrapped from a labelled line that ended with a comma keeps its label
            follows_comma = bool(items) and doc.text[items[-1].end : item.start].strip() == ","
            chunks.append((0, len(text), category if follows_comma else None))
        for a, b, cat in chunks:
            for p0, p1 in _split_skills(text, a, b):
                for q0, q1 in _split_run(text, p0, p1):
                    items.append(SkillItem(text[q0:q1], item.start + q0, item.start + q1, cat))
            category = cat
    return items


def _certifications_from(doc: Document, lines: Sequence[Line]) -> list[Certification]:
    out: list[Certification] = []
    for item in merge_wrapped(doc, lines):
        dates = find_date_spans(item.flat)
        name = item.flat
        if dates:
            name = strip_spans(name, [(d.start, d.end) for d in dates])
            name = re.sub(r"[\s,;|–—(\-]+$", "", re.sub(r"\(\s*\)", "", name)).strip(" ,;|–—-")
            name = " ".join(name.split())
        if name:
            out.append(Certification(name, item.start, item.end, dates[0].start_date if dates else None))
    return out


def _summary_from(doc: Document, lines: Sequence[Line]) -> Bullet | None:
    lines = [line for line in lines if line.text.strip()]
    if not lines:
        return None
    start, end = lines[0].start, lines[-1].end
    return Bullet(doc.text[start:end], start, end, find_quantities(doc.text[start:end]))


def _top_summary(doc: Document, lines: Sequence[Line]) -> Bullet | None:
    """A paragraph of prose among the top lines, when the resume has no summary heading."""
    prose = [
        line
        for line in lines
        if len(line.text.split()) >= 12 and not find_emails(line.text) and not find_phones(line.text)
    ]
    if not prose:
        return None
    start, end = prose[0].start, prose[0].end
    for line in lines[lines.index(prose[0]) + 1 :]:
        if line in prose or (line.text[:1].islower() and line.start - end < 3):
            end = line.end
        else:
            break
    return Bullet(doc.text[start:end], start, end, find_quantities(doc.text[start:end]))


def _headline(top: Sequence[Line], name: str | None) -> str | None:
    """A title-like line under the name ("Senior Data Engineer"), or the first part of a contact line
    ("Staff Engineer | jane@doe.dev | Berlin")."""
    seen_name = name is None
    for line in top:
        text = " ".join(collapse_letter_spacing(line.text).split())
        if name and not seen_name:
            seen_name = text == name or name in text
            continue
        first = re.split(r"\s+[|•·]\s+", text)[0]
        if first != text and looks_like_title(first) and not find_emails(first) and not find_phones(first):
            return first
        if (
            text
            and len(text.split()) <= 12
            and looks_like_title(text)
            and not find_emails(text)
            and not find_phones(text)
            and not looks_like_name(text)
        ):
            return " ".join(text.split())
    return None


_WIDE_GAP_RE = re.compile(r"\s{3,}|\t")


def _merged_column_lines(doc: Document) -> int:
    """Lines that seem to hold two columns' fragments side by side."""
    count = 0
    if doc.columns > 1:
        pages: dict[int, list[Line]] = {}
        for line in doc.lines:
            pages.setdefault(line.page, []).append(line)
        for page_lines in pages.values():
            left = [ln.x1 for ln in page_lines if ln.column == 1 and ln.x1 is not None]
            right = [ln.x0 for ln in page_lines if ln.column == 2 and ln.x0 is not None]
            if not left or not right:
                continue
            gutter = (max(left) + min(right)) / 2
            count += sum(
                1
                for ln in page_lines
                if ln.column == 0
                and ln.x0 is not None
                and ln.x1 is not None
                and ln.x0 < gutter - 20 < gutter + 20 < ln.x1
                and len(ln.text.split()) > 6
            )
    for line in doc.lines:
        if _WIDE_GAP_RE.search(line.text) is None:  # one part (PDF lines never have such gaps)
            continue
        parts = [p for p in _WIDE_GAP_RE.split(line.text.strip()) if p.strip()]
        if len(parts) >= 2 and all(len(p.split()) >= 3 for p in parts[:2]) and not find_date_spans(parts[-1]):
            count += 1
    return count


def _quality(
    doc: Document, sections: Sequence[Section], resume_roles: Sequence[Role], has_contact: bool
) -> ParseQuality:
    issues: list[QualityIssue] = []
    chars = len(doc.text.strip())
    known = [s for s in sections if s.kind != "other"]
    if chars < _LITTLE_TEXT:
        issues.append(QualityIssue("little_text", f"only {chars} characters of text were found"))
    if not known:
        issues.append(QualityIssue("no_sections", "no section headings (Experience, Education, Skills...) found"))
    if not has_contact:
        issues.append(QualityIssue("no_contact", "no email address or phone number found"))
    experience = [r for r in resume_roles if r.section == "experience"]
    if not experience:
        issues.append(QualityIssue("no_roles", "no dated roles found under an experience section"))
    else:
        undated = sum(1 for r in experience if r.start_date is None)
        if undated * 2 >= len(experience):
            issues.append(QualityIssue("undated_roles", f"{undated} of {len(experience)} roles have no dates"))
    merged = _merged_column_lines(doc)
    if merged >= 3 and merged >= 0.1 * max(1, len(doc.lines)):
        issues.append(QualityIssue("merged_columns", f"{merged} lines look like two columns run together"))
    codes = {i.code for i in issues}
    doubtful = bool(codes & {"little_text", "no_sections", "merged_columns"}) or {"no_roles", "no_contact"} <= codes
    return ParseQuality(doubtful=doubtful, issues=tuple(issues), text_chars=chars, sections_found=len(known))


def _has_title_word(text: str) -> bool:
    """Whether ``text`` holds a job-title word: without one, no part of it can look like a title."""
    return any(is_title_word(w) for w in _TITLE_WORD_RE.findall(fold(text)))


_TITLE_WORD_RE = re.compile(r"[\w\-]+")


def _job_like(entry: _Entry, scan: _Scan) -> bool:
    """A dated entry whose header holds a job title and no degree or school ("Senior Developer, Globex")."""
    if not entry.dates or not entry.heads:
        return False
    heads = [item.flat for item in entry.heads]
    if not any(_has_title_word(text) for text in heads):
        return False
    if any(find_degrees(text, loose=True) or _has_institution_word(text) for text in heads):
        return False
    return any(looks_like_title(f) for text in heads for f in _fragments(text, scan))


def _study_like(entry: _Entry) -> bool:
    texts = [item.flat for item in (*entry.heads, *entry.body[:2])]
    return any(find_degrees(text, loose=True) or _has_institution_word(text) for text in texts)


def _jobs_held_in(
    doc: Document, lines: Sequence[Line], scan: _Scan, kind: str
) -> tuple[list[Role], list[Education]] | None:
    """Roles (and what else is study) when an education or projects section holds the jobs.

    Word files whose EXPERIENCE heading was lost (a text box, columns read across) leave the jobs under
    the heading before them. Taken only in a resume without an experience section, and only when at least
    two entries, and more than the degrees and schools, are dated job titles.
    """
    entries = _segment(doc, lines, scan, merge_single_dates=True)
    jobs = [_job_like(entry, scan) for entry in entries]
    studies = sum(1 for entry, job in zip(entries, jobs, strict=True) if not job and _study_like(entry))
    if sum(jobs) < 2 or sum(jobs) <= studies:
        return None
    roles: list[Role] = []
    education: list[Education] = []
    for entry, job in zip(entries, jobs, strict=True):
        if job:
            roles.append(_role_from(entry, "experience", scan))
        elif kind == "education" and (entry.heads or entry.dates):
            education.append(_education_from(entry, scan))
        elif kind == "projects" and (entry.heads or entry.dates):
            roles.append(_role_from(entry, "projects", scan))
    return roles, education


# sections in which a dated line with a job title is no role of its own (degrees, papers, awards...)
_NO_STRAY_ROLES = _ROLE_SECTIONS | {"education", "certifications", "publications", "awards", "references"}


def _stray_role_lines(
    doc: Document, headings: Sequence[Heading], top: Sequence[Line], scan: _Scan
) -> list[tuple[Role, Line]]:
    """Lines that are a whole role header on their own ("QA Team Leader Jan. 2010 Mar. 2012"), in the
    sections that do not hold roles, for a resume in which no dated role was found: columns read across
    (two-column Word files) scatter the roles over the sections beside them."""
    candidates = list(top)
    for n, h in enumerate(headings):
        if h.kind not in _NO_STRAY_ROLES:
            candidates.extend(_section_lines(doc, headings, n))
    out: list[tuple[Role, Line]] = []
    for line in candidates:
        if line.list_item:
            continue
        dates = scan.dates(line.text)
        if not dates or not _has_title_word(line.text):
            continue
        entry = _Entry(heads=[Item((line,), line.text, line.start, line.end, False)], dates=list(dates))
        rest = line.text[dates[-1].end :].strip(" -–—()") if dates else ""
        if dates and not entry.dated and is_present(rest):
            entry.open_end = DateValue(rest, "present")
        elif not entry.dated:
            continue
        frags = _fragments(line.text, scan)
        if not frags or len(frags[0].split()) > 6 or not looks_like_title(frags[0]):
            continue
        out.append((_role_from(entry, "experience", scan), line))
    return out


def _section_lines(doc: Document, headings: Sequence[Heading], n: int) -> list[Line]:
    stop = headings[n + 1].index if n + 1 < len(headings) else len(doc.lines)
    return list(doc.lines[headings[n].index + 1 : stop])


def resume_from_document(doc: Document) -> Resume:
    """The structure of a resume whose text and lines are ``doc``."""
    source, doc = doc, drop_page_furniture(doc)
    headings = detect_headings(doc, RESUME_HEADINGS)
    sections = sections_from_headings(doc, headings)
    first = headings[0].index if headings else min(len(doc.lines), 15)
    top = list(doc.lines[:first])
    contact_lines = [
        line for n, h in enumerate(headings) if h.kind == "contact" for line in _section_lines(doc, headings, n)
    ]
    contact = extract_contact(doc, top, contact_lines)

    scan = _Scan()
    roles: list[Role] = []
    education: list[Education] = []
    certifications: list[Certification] = []
    skills: list[SkillItem] = []
    summary: Bullet | None = None
    has_experience = any(h.kind == "experience" for h in headings)
    for n, h in enumerate(headings):
        lines = _section_lines(doc, headings, n)
        if not lines:
            continue
        if h.kind in ("education", "projects") and not has_experience:
            held = _jobs_held_in(doc, lines, scan, h.kind)
            if held is not None:
                roles.extend(held[0])
                education.extend(held[1])
                continue
        if h.kind in _ROLE_SECTIONS:
            for entry in _segment(doc, lines, scan, merge_single_dates=True):
                if entry.heads or entry.dates:
                    roles.append(_role_from(entry, h.kind, scan))
        elif h.kind == "education":
            for entry in _segment(doc, lines, scan, merge_single_dates=False):
                if entry.heads or entry.dates:
                    education.append(_education_from(entry, scan))
        elif h.kind == "skills":
            skills.extend(_skills_from(doc, lines))
        elif h.kind == "certifications":
            certifications.extend(_certifications_from(doc, lines))
        elif h.kind == "summary" and summary is None:
            summary = _summary_from(doc, lines)
    if summary is None:
        summary = _top_summary(doc, top)
    if not any(r.section == "experience" and r.start_date for r in roles):
        stray = _stray_role_lines(doc, headings, top, scan)
        roles.extend(role for role, _ in stray)
        spans = [(line.start, line.end) for _, line in stray]
        skills = [s for s in skills if not any(a <= s.start < b for a, b in spans)]
    quality = _quality(doc, sections, roles, bool(contact.email or contact.phone))
    logger.debug(
        "resume parsed: %d chars, %d sections, %d roles, %d education, %d skills",
        len(doc.text),
        len(sections),
        len(roles),
        len(education),
        len(skills),
    )
    return Resume(
        document=source,
        contact=contact,
        sections=tuple(sections),
        roles=tuple(roles),
        education=tuple(education),
        certifications=tuple(certifications),
        skills=tuple(skills),
        parse_quality=quality,
        headline=_headline(top, contact.name),
        summary=summary,
    )


def parse_resume(data: bytes, filename: str | None = None, *, max_pages: int = 20) -> Resume:
    """Parse resume bytes (PDF, DOCX, text or Markdown) into a ``Resume``."""
    return resume_from_document(parse_document(data, filename, max_pages=max_pages))
