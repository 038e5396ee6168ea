"""Contact details at the top of a resume: name, email, phone, location and links.

The finders work on any string; ``extract_contact`` looks at the lines above the first section heading
(where resumes put contact details) and falls back to the whole document for an email or phone that sits
elsewhere (a DOCX text box, a footer).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from parsers.dates import DATE_WORDS
from parsers.models import Contact, Document, Line, Link
from parsers.sections import RESUME_HEADINGS, collapse_letter_spacing, fold, heading_kind

__all__ = [
    "TITLE_WORDS",
    "Found",
    "extract_contact",
    "find_emails",
    "find_links",
    "find_locations",
    "find_phones",
    "is_title_word",
    "looks_like_name",
    "looks_like_title",
]


def _wordset(words: str) -> frozenset[str]:
    """A set of the whitespace-separated words of ``words`` (vocabularies read better as one string)."""
    return frozenset(words.split())


LinkKind = Literal["linkedin", "github", "portfolio", "other"]


@dataclass(frozen=True, slots=True)
class Found:
    """A match in a string: its text and offsets."""

    text: str
    start: int
    end: int


_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# the look-ahead names the characters a number can start with: at any other position it fails at once, before
# the look-behind and the optional parts are tried (the engine still tries every position: a pattern that opens
# on a look-ahead gets no quick scan for its first character)
_PHONE_RE = re.compile(r"(?=[(+\d])(?<![\w+/.])\(?(?:\+|00)?\(?\d[\d\s().\-–]{5,22}\d(?![\w/])")
_DIGITS_RE = re.compile(r"\d+")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_LOCAL_NUMBER_END_RE = re.compile(r"\d{3}[\s.\-]\d{4}$")  # "555-0142"
_NUMERIC_DATE_RE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s,;|<>\"')\]]+", re.IGNORECASE)
_TLDS = "com|io|dev|me|net|org|ai|co|app|xyz|site|tech|page|info|us|uk|ru|de|fr|es|il|in|pe|ca|eu|nl|ch|se|pl"
_BARE_DOMAIN_RE = re.compile(
    rf"(?<![@\w.\-/])(?:[a-z0-9][a-z0-9\-]*\.)+(?:{_TLDS})(?![\w.\-@])(?:/[^\s,;|<>\"')\]]*)?",
    re.IGNORECASE,
)
_NOT_DOMAINS = frozenset({"asp.net", "vb.net", "ado.net", "node.js", "next.js", "vue.js"})

_US_STATES = _wordset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
    "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON QC BC AB NSW VIC QLD"
)
_COUNTRIES = frozenset(
    fold(c)
    for c in str.split(
        "USA|US|U.S.|U.S.A.|United States|UK|U.K.|United Kingdom|England|Scotland|Wales|Ireland|Canada|Mexico|"
        "Brazil|Argentina|Chile|Peru|Perú|Colombia|Venezuela|Ecuador|Uruguay|Bolivia|Paraguay|Cuba|Spain|España|"
        "Portugal|France|Germany|Deutschland|Italy|Italia|Netherlands|Belgium|Switzerland|Austria|Sweden|Norway|"
        "Denmark|Finland|Iceland|Poland|Czechia|Czech Republic|Slovakia|Hungary|Romania|Bulgaria|Greece|Turkey|"
        "Türkiye|Turkiye|Cyprus|Israel|Lebanon|Jordan|Egypt|Morocco|Tunisia|Algeria|Nigeria|Kenya|Ghana|"
        "South Africa|Ethiopia|UAE|United Arab Emirates|Saudi Arabia|Qatar|Kuwait|Bahrain|Oman|Iran|Iraq|"
        "Pakistan|India|Bangladesh|Sri Lanka|Nepal|China|Hong Kong|Taiwan|Japan|Korea|South Korea|Singapore|"
        "Malaysia|Indonesia|Philippines|Vietnam|Thailand|Australia|New Zealand|Russia|Russian Federation|"
        "Ukraine|Belarus|Kazakhstan|Uzbekistan|Georgia|Armenia|Azerbaijan|Moldova|Lithuania|Latvia|Estonia|"
        "Serbia|Croatia|Slovenia|Bosnia|Albania|North Macedonia|Luxembourg|Malta|Costa Rica|Panama|Guatemala|"
        "Dominican Republic|Puerto Rico|Remote",
        "|",
    )
)
# states and provinces written in full ("Pune, Maharashtra, India", "Austin, Texas"); many also start an
# organisation's name ("Texas Instruments", "Ohio State University"), so they count only as a whole part
_REGIONS = frozenset(
    fold(r)
    for r in str.split(
        "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|"
        "Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|"
        "Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|"
        "North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|"
        "Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia|"
        "Ontario|Quebec|Québec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|"
        "Prince Edward Island|Newfoundland|Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|"
        "Gujarat|Haryana|Himachal Pradesh|Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|"
        "Meghalaya|Mizoram|Nagaland|Odisha|Orissa|Punjab|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura|"
        "Uttar Pradesh|Uttarakhand|West Bengal|Delhi|NCR|Chandigarh|Puducherry|Sindh|"
        "New South Wales|Victoria|Queensland|Western Australia|South Australia|Tasmania|Northern Territory|"
        "Australian Capital Territory|Bavaria|Bayern|Catalonia|Cataluña|Catalunya|Andalusia|Andalucía|"
        "Lombardy|Lombardia|Île-de-France|Metro Manila",
        "|",
    )
)
_LOC_CHUNK = r"[A-ZÀ-Ý][\w'’.\-]*(?:\s+(?:de|del|la|am|upon|on|du|sur)?\s*[A-ZÀ-Ý][\w'’.\-]*){0,3}"
_LOCATION_RE = re.compile(rf"(?<![\w])(?P<a>{_LOC_CHUNK})\s?,\s*(?P<b>{_LOC_CHUNK})(?:\s+\d{{5}}(?:-\d{{4}})?)?(?!\w)")
_MONTH_START_RE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|autumn|winter|present|current)",
    re.IGNORECASE,
)
_REMOTE_RE = re.compile(r"\b(?:Remote|Hybrid|Remoto|Télétravail)\b")
_LOCATION_LABEL_RE = re.compile(
    r"(?:^|[|•·;]\s*|\s{2,}|(?<=\s))(?:Location|Address|Residence|City of Residence|Based in|Lives in|"
    r"Ubicación|Dirección|Ciudad|Residencia|Adresse|Wohnort)\s*:\s*(?P<v>[^|•·;:\n]{2,40}?)\s*(?:[.|•·;]|$|\s{2,})",
    re.IGNORECASE,
)

TITLE_WORDS = _wordset(
    "engineer engineering developer programmer intern internship manager director lead leader head cto ceo cfo "
    "coo cio cmo vp president founder co-founder cofounder analyst scientist researcher consultant specialist "
    "architect designer officer associate assistant administrator admin coordinator teacher professor lecturer "
    "instructor tutor technician accountant auditor executive representative supervisor owner partner "
    "contractor freelancer freelance trainee apprentice fellow editor writer nurse doctor physician attorney "
    "lawyer counsel advisor adviser agent clerk operator strategist marketer recruiter sre devops qa tester "
    "student postdoc postdoctoral chief principal staff senior junior sr jr mid intermediate member volunteer "
    "ambassador mentor coach expert owner producer planner buyer controller dba webmaster secretary "
    "desarrollador desarrolladora ingeniero ingeniera analista gerente jefe director directora practicante "
    "becario consultor coordinador especialista ingénieur développeur chef stagiaire entwickler ingenieur "
    "berater leiter praktikant werkstudent"
)
_NOT_NAME_WORDS = _wordset(
    "resume résumé curriculum vitae cv page updated last phone email mobile tel address linkedin github "
    "portfolio website skills experience education summary profile contact objective references and the of "
    "in at for university college school inc llc ltd corp company street road avenue"
)
# single words that name a resume section ("Contacts", "Experience", "Summary") are never part of a name
_HEADING_WORDS = frozenset(w for phrase in RESUME_HEADINGS for w in phrase.split() if len(w) > 3) | _wordset(
    "contacts description expirience positions dev web page"
)
_NAME_PARTICLES = _wordset("de da del della der den di du la le van von bin ibn al el y dos das st")
_NAME_TOKEN_RE = re.compile(r"^[A-ZÀ-ÝŁŚŽČ][A-Za-zÀ-ÿŁŚŽČłśžčćńő'’\-]*\.?$|^[A-Z]\.$")


def find_emails(text: str) -> list[Found]:
    """Email addresses in ``text``."""
    if "@" not in text:
        return []
    return [Found(m.group(), m.start(), m.end()) for m in _EMAIL_RE.finditer(text)]


def find_phones(text: str) -> list[Found]:
    """Phone numbers (7 to 15 digits, international or national formats), not year ranges or other numbers."""
    out: list[Found] = []
    for m in _PHONE_RE.finditer(text):
        raw = m.group().strip(" -–.")
        groups = _DIGITS_RE.findall(raw)
        digits = "".join(groups)
        if not 7 <= len(digits) <= 15 or all(map(_YEAR_RE.fullmatch, groups)):
            continue
        if not raw.startswith(("+", "(", "00")) and len(digits) < 9 and not _LOCAL_NUMBER_END_RE.search(raw):
            continue
        if _NUMERIC_DATE_RE.fullmatch(raw):
            continue
        start = m.start() + m.group().index(raw)
        out.append(Found(raw, start, start + len(raw)))
    return out


def _link_kind(url: str) -> LinkKind:
    low = url.lower()
    if "linkedin.com" in low:
        return "linkedin"
    if "github.com" in low or "github.io" in low:
        return "github"
    if any(s in low for s in ("twitter.com", "x.com/", "facebook.com", "instagram.com", "t.me/", "youtube.com")):
        return "other"
    return "portfolio"


def find_links(text: str) -> list[Link]:
    """URLs and bare web addresses (not email domains) in reading order, classified linkedin / github /
    portfolio / other."""
    if "." not in text and "://" not in text:
        return []  # every address has a dot or a scheme
    found: list[tuple[int, Link]] = []
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    for m in _URL_RE.finditer(text):
        spans.append((m.start(), m.end()))
        url = m.group().rstrip(".")
        if url.lower() not in seen:
            seen.add(url.lower())
            found.append((m.start(), Link(_link_kind(url), url)))
    for m in _BARE_DOMAIN_RE.finditer(text):
        url = m.group().rstrip(".")
        if any(a <= m.start() < b for a, b in spans) or url.lower() in _NOT_DOMAINS or url.lower() in seen:
            continue
        seen.add(url.lower())
        found.append((m.start(), Link(_link_kind(url), url)))
    return [link for _, link in sorted(found, key=lambda t: t[0])]


def _is_place(chunk: str) -> bool:
    return fold(chunk.strip(" .")) in _COUNTRIES or chunk.strip(" .") in _US_STATES


def _is_region(chunk: str) -> bool:
    return fold(chunk.strip(" .")) in _REGIONS


_ORG_SUFFIXES = _wordset(
    "company inc inc. ltd ltd. llc corp corp. corporation university college group bank solutions technologies "
    "labs systems software consulting institute school gmbh"
)
_WORD_START_RE = re.compile(r"(?<![\w'’.\-])[A-ZÀ-Ý]")
_TRAILING_COUNTRY_RE = re.compile(rf",\s*(?P<c>{_LOC_CHUNK})")


def _location_at(text: str, pos: int) -> Found | None:
    m = _LOCATION_RE.match(text, pos)
    if m is None:
        return None
    b_words = m.group("b").split()
    end = None
    # "San Francisco, CA Sept 2018": keep only the leading place words of b; a state written in full only
    # when nothing but a date follows it ("Austin, Texas Sept 2018", not "Engineer, Texas Instruments")
    for k in range(len(b_words), 0, -1):
        words = " ".join(b_words[:k])
        if _is_place(words) or (
            _is_region(words) and (k == len(b_words) or fold(b_words[k].rstrip(".,")) in DATE_WORDS)
        ):
            end = m.start("b") + len(words)
            break
    if end is None:
        if not _is_place(m.group("a")) or _MONTH_START_RE.match(m.group("b")):
            return None
        end = m.start() + len(m.group().rstrip(" ."))
    start = m.start()
    if fold(m.group("a").split()[-1]) in _ORG_SUFFIXES:
        start = m.start("b")  # "ABC Company, USA": only the country is a place
    tail = _TRAILING_COUNTRY_RE.match(text, end)
    if tail and _is_place(tail.group("c")) and fold(tail.group("c")) in _COUNTRIES:
        end = tail.end()
    return Found(text[start:end], start, end)


def find_locations(text: str) -> list[Found]:
    """'City, ST', 'City, ST, Country', 'City, Country', 'Country, City' and 'Remote' in ``text``."""
    out: list[Found] = []
    # every place but 'Remote' is two parts joined by a comma, and starts a word where the place pattern
    # matches: a search finds the next such start at C speed, rather than a match tried at every word
    pos = 0
    while "," in text and (candidate := _LOCATION_RE.search(text, pos)) is not None:
        start = candidate.start()
        found = _location_at(text, start) if _WORD_START_RE.match(text, start) else None
        if found is None:
            pos = start + 1
        else:
            out.append(found)
            pos = found.end
    if not out:
        for m in _REMOTE_RE.finditer(text):
            out.append(Found(m.group(), m.start(), m.end()))
    return out


def looks_like_title(text: str) -> bool:
    """Whether ``text`` reads like a job title ("Senior Data Engineer", "Co-Founder & CTO", "Web-developer")."""
    words = re.findall(r"[\w\-]+", fold(collapse_letter_spacing(text)))
    return 0 < len(words) <= 10 and any(is_title_word(w) for w in words)


def is_title_word(word: str) -> bool:
    """Whether a folded word is a job-title word ("engineer", "managers", "web-developer")."""
    if word in TITLE_WORDS or word.rstrip("s") in TITLE_WORDS:
        return True
    return "-" in word and any(part in TITLE_WORDS for part in word.split("-")[1:])  # "web-developer"


_ASCII_DIGIT_RE = re.compile(r"[0-9]")


def _has_digit(text: str) -> bool:
    if text.isascii():
        return _ASCII_DIGIT_RE.search(text) is not None
    return any(ch.isdigit() for ch in text)


def looks_like_name(text: str) -> bool:
    """Whether ``text`` reads like a person's name: 2-5 capitalised words, no digits, no job-title words."""
    text = collapse_letter_spacing(text).strip()
    if not text or "@" in text or len(text) > 50 or _has_digit(text):
        return False
    tokens = text.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5:
        return False
    for tok in tokens:
        low = fold(tok.strip(".,"))
        if low in _NOT_NAME_WORDS or low in TITLE_WORDS or low in _HEADING_WORDS:
            return False
        if low in _NAME_PARTICLES:
            continue
        if not _NAME_TOKEN_RE.match(tok):
            return False
    return not _is_place(text) and not find_locations(text)


_SEGMENT_SPLIT_RE = re.compile(r"\s*(?:[|•·◆◇●▪■♦/]|\s{2,}|\t)\s*")


def _segments(text: str) -> list[str]:
    return [s for s in _SEGMENT_SPLIT_RE.split(text) if s.strip()]


def _pick_name(lines: Sequence[Line]) -> str | None:
    candidates = [line for line in lines if looks_like_name(line.text)]
    if not candidates:
        # "Jane Doe | jane@x.com": the first segment of a contact line
        for line in lines[:6]:
            first = _segments(line.text)
            if first and looks_like_name(first[0]):
                return " ".join(collapse_letter_spacing(first[0]).split())
        return None
    sized = [line for line in candidates if line.font_size is not None]
    if sized:
        biggest = max(sized, key=lambda line: line.font_size or 0.0)
        return " ".join(collapse_letter_spacing(biggest.text).split())
    return " ".join(collapse_letter_spacing(candidates[0].text).split())


def _pick_location(texts: Sequence[str]) -> str | None:
    for text in texts:
        m = _LOCATION_LABEL_RE.search(text)
        if m and m.group("v").strip():
            return m.group("v").strip(" .,")
    for text in texts:
        for segment in _segments(text):
            found = find_locations(segment)
            if found and len(found[0].text) >= len(segment.strip()) - 2:
                return found[0].text
    for text in texts:
        found = find_locations(text)
        if found:
            return found[0].text
    return None


def extract_contact(doc: Document, top: Sequence[Line], extra: Sequence[Line] = ()) -> Contact:
    """Contact details from the ``top`` lines (above the first heading) and ``extra`` ones (a contact
    section); email and phone fall back to the whole document."""
    region = [*top, *extra]
    texts = [line.text for line in region]
    joined = "\n".join(texts)
    region_emails = find_emails(joined)
    emails = region_emails or find_emails(doc.text)
    email_spans = [(e.start, e.end) for e in region_emails]
    phones = find_phones(joined) or find_phones(doc.text)
    links = [
        link
        for link in find_links(joined)
        if not any(link.url in joined[a:b] for a, b in email_spans)
        and not (link.kind == "portfolio" and emails and link.url.lower() in emails[0].text.lower())
    ]
    name_lines = [line for line in top if heading_kind(line.text, RESUME_HEADINGS) is None][:8]
    name = _pick_name(name_lines) or _pick_name([line for line in extra if line.text.strip()][:4])
    return Contact(
        name=name,
        email=emails[0].text if emails else None,
        phone=phones[0].text if phones else None,
        location=_pick_location(texts),
        links=tuple(links),
    )
