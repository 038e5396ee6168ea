"""Job-ad structure: title, company, sections, requirements classified required or preferred.

A requirement is a line of a requirements or preferred section (or, elsewhere, a line with a clear cue such
as "3+ years" or "(Required)"). Its kind comes from the phrase first ("... is a plus" -> preferred, "must" ->
required) and from the section heading second. Years of experience, degrees and either/or groups are read
from each requirement. English and Spanish headings and cues are understood, with some French and German.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from parsers.contact import find_locations, looks_like_title
from parsers.degrees import find_degrees, has_degree, lowest_level
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
    fold,
    heading_kind,
    heading_words,
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
# The phrase starts a word; scraped ads also glue it to the sentence before ("related field.4+ years", "a related
# field.Minimum 5 years") or, with a "+", to its last word ("Quantitative field6+ years"); never inside a number.
# A first look-ahead for the characters a phrase can start with (a digit, a lead or number word) lets most
# positions fail at once, before the look-behinds.
_YEARS_FIRST = "".join(
    sorted({c for w in [*_NUMBER_WORDS, "at", "minimum", "over", "more", "mindestens"] for c in w[0]})
)
_YEARS_START = (
    rf"(?=[\d{_YEARS_FIRST}])(?:(?<![\w.])|(?-i:(?=[\dA-Z]))(?<=[A-Za-z]{{2}}\.)|(?=\d{{1,2}}\s*\+)(?<=[A-Za-z]{{3}}))"
)
_YEARS_RE = re.compile(
    rf"{_YEARS_START}(?:(?P<lead>at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?|over|more\s+than|al\s+menos|"
    rf"m[ií]nimo(?:\s+de)?|mindestens)\s+)?(?P<min>{_NUM})\s*(?:\+\s*)?"
    rf"(?:(?:-|–|—|to|a)\s*(?P<max>{_NUM})\s*(?:\+\s*)?)?(?:\s+or\s+more\s+|\s+plus\s+|\s*)"
    rf"(?P<unit>{_UNIT})(?:['’]s?)?(?![\w])(?!\s+(?:old|ago|program(?:me)?|contract|term|period|plan|anniversary|"
    rf"warranty|history|of\s+(?:employment|service|history|growth|change|operations?|funding|innovation))\b)",
    re.IGNORECASE,
)
_FILLER = _wordset(
    "professional relevant hands-on hands on industry commercial practical proven overall total related direct "
    "progressive working work full-time full time post-graduate demonstrated solid prior previous recent "
    "experience experiences of in with using the a an"
)
_SUBJECT_AFTER_RE = re.compile(
    r"^\s*(?:of\s+|de\s+)?(?:(?:professional|relevant|hands-on|industry|commercial|practical|proven|overall|"
    r"total|related|direct|progressive|working|work|demonstrated|solid|recent)\s+)*"
    r"(?:experience\s+|expertise\s+|exp\.?\s+|experiencia\s+)?"
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
_GENERIC_SUBJECTS = frozenset({"total work", "work", "experience", "expertise", "total experience", "total", "overall"})

_EXPLICIT_RE = re.compile(
    r"\((?P<k>required|preferred|mandatory|optional|must|nice to have|deseable|obligatorio|requerido)\)",
    re.IGNORECASE,
)


def _alternatives(body: str) -> list[str]:
    """The top-level alternatives of a regex alternation."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        if ch == "(" and body[i - 1 : i] != "\\":
            depth += 1
        elif ch == ")" and body[i - 1 : i] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(body[start:i])
            start = i + 1
    out.append(body[start:])
    return out


def _first_letters(body: str) -> set[str]:
    """The letters (lower case) the alternatives of ``body`` can start with; a leading group counts by its own
    alternatives. Raises ValueError for an alternative that may start otherwise."""
    out: set[str] = set()
    for alt in _alternatives(body):
        if alt.startswith("(?:"):
            depth, close = 0, -1
            for i, ch in enumerate(alt):
                depth += (ch == "(") - (ch == ")")
                if depth == 0:
                    close = i
                    break
            if close < 0 or alt[close + 1 : close + 2] in ("?", "*"):
                raise ValueError(f"cannot tell how {alt!r} starts")
            out |= _first_letters(alt[3:close])
        elif alt[:1].isalpha():
            out.add(alt[0].lower())
        else:
            raise ValueError(f"cannot tell how {alt!r} starts")
    return out


def _cue_words(body: str, tail: str = r"\b") -> re.Pattern[str]:
    """``\\b(?:body)`` + ``tail``, case-insensitive, opening with a look-ahead for the letters its words start
    with: the engine then skips the other words quickly instead of trying every alternative at each."""
    letters = "".join(sorted(_first_letters(body)))
    return re.compile(rf"\b(?=[{letters}{letters.upper()}])(?:{body}){tail}", re.IGNORECASE)


_PREFERRED_RE = _cue_words(
    r"preferred|preferably|prefer|nice[- ]to[- ]haves?|(?:is|are|would\s+be|as)\s+an?\s+(?:big\s+|huge\s+|"
    r"strong\s+|definite\s+)?(?:plus|bonus|advantage|asset)|a\s+plus|bonus(?:\s+points|(?=\s*:)|\s+if)|ideally|"
    r"desirable|desired|not\s+(?:an?\s+)?(?:absolute\s+|strict\s+|hard\s+)?(?:required|requirement|mandatory|must)|"
    r"good\s+to\s+have|advantageous|would\s+be\s+beneficial|optional|deseables?|valorables?|se\s+valorar[aá]|"
    r"ser[aá]\s+un\s+plus|idealmente|de\s+preferencia|preferentemente|preferiblemente|un\s+plus|souhait[ée]e?|"
    r"souhaitable|un\s+atout|w[üu]nschenswert|von\s+vorteil"
)
_REQUIRED_RE = _cue_words(
    r"must|required|requirement|mandatory|essential|minimum|at\s+least|obligatori[oa]|indispensable|"
    r"imprescindible|requerid[oa]|al\s+menos|m[ií]nimo|exig[ée]e?|obligatoire|erforderlich|zwingend|mindestens"
)
_STRONG_CUE_RE = _cue_words(
    r"must\s+(?:have|be|know)|required|is\s+a\s+plus|are\s+a\s+plus|nice\s+to\s+have|preferred|"
    r"requisito\s+indispensable|imprescindible"
)
_CUE_RE = _cue_words(
    r"experience\s+(?:with|in)|knowledge\s+of|proficien(?:t|cy)\s+(?:in|with)|familiar(?:ity)?\s+with|"
    r"understanding\s+of|ability\s+to|skills?\b|conocimientos?\s+(?:de|en)|experiencia\s+(?:en|con|de)|manejo",
    tail="",
)
_SHORT_PIECE_WORDS = 12
# words that make a sentence an ask, for sentences cut from a run-together line
_ASK_RE = _cue_words(
    r"experience[ds]?|expertise|expert|knowledge(?:able)?|proficien(?:t|cy)|familiar(?:ity)?|understanding|"
    r"ability|able\s+to|skill(?:s|ed)?|background|degree|strong|solid|proven|demonstrated|track\s+record|"
    r"fluen(?:t|cy)|comfortable|hands-on|passion(?:ate)?|you\s+(?:have|bring|are)|must|required|preferred|plus|"
    r"desired|bonus|ideally|certifi(?:ed|cation)|mastery"
)
_JOB_META_RE = re.compile(
    r"^(?:job\s+types?|salary|pay|contract\s+length|work\s+remotely|application\s+deadline|schedule|"
    r"working\s+days(?:\s+and\s+times)?|location|shift|benefits|start\s+date|tipo\s+de\s+contrato|salario|"
    r"lugar\s+de\s+pr[aá]cticas|ubicaci[oó]n|horario|inscr[ií]bete\s+hasta)\s*:",
    re.IGNORECASE,
)

_EQUIVALENT_RE = re.compile(
    r"\bor\s+(?:an?\s+)?(?:work\s+|professional\s+)?equivalent\b|\bequivalent\s+(?:practical\s+|work\s+|professional\s+)?experience\b|"
    r"\bor\s+equivalent\b|\bo\s+equivalente\b|\bou\s+[ée]quivalent\b",
    re.IGNORECASE,
)
# the fields after a degree, past words that qualify it ("degree or higher in", "or equivalent experience in",
# "degree's required in"); an acronym in brackets is read past ("Electrical Engineering (BSEE), ...")
_FIELD_LIST_RE = re.compile(
    r"\s*(?:['’]s\s+)?(?:degree['’]?s?\s+)?(?:(?:or\s+(?:higher|above|equivalent(?:\s+(?:experience|work\s+experience))?)|"
    r"required|preferred)\s+)?(?:degree['’]?s?\s+|diploma\s+)?(?:in|of|en|on)\s+"
    r"(?P<fields>(?:[^.;()\n]|\([A-Z][A-Za-z/&]{1,9}\))+)",
    re.IGNORECASE,
)
# a degree of no named level, asked in a field: "Degree in mathematics", "a university degree in ..." ("a high
# degree of autonomy" is no ask: only "in" leads to the field here)
_DEGREE_QUALIFIER_LEVELS = {
    "advanced": "master",
    "graduate": "master",
    "postgraduate": "master",
    "undergraduate": "bachelor",
}
_QUALIFIER_RE = re.compile(r"\b(?:" + "|".join(_DEGREE_QUALIFIER_LEVELS) + r")\b", re.IGNORECASE)
_LEVELLESS_DEGREE_RE = re.compile(
    r"(?:\b(?:" + "|".join(_DEGREE_QUALIFIER_LEVELS) + r")(?:\s+or\s+\w+)?\s+)?(?P<degree>\bdegree)\s+in\s",
    re.IGNORECASE,
)
_ACRONYM_IN_BRACKETS_RE = re.compile(r"\s*\([A-Z][A-Za-z/&]{1,9}\)")
# a glued sentence or number after the list: "related field7+ years", "field6+ years"
_FIELD_GLUE_RE = re.compile(r"(?<=[a-z])\d.*$")
_FIELD_END_RE = re.compile(
    r"\s*(?:,\s*)?(?:\bor\s+(?:an?\s+)?(?:equivalent|related|similar|other|another|any)|\band/or\s+equivalent|"
    r"\brelated\b|\bequivalent\b|\bwith\b|\bpreferred\b|\brequired\b|\bfrom\b|\bplus\b|\bo\s+afines\b|\bo\s+carreras\b).*$",
    re.IGNORECASE,
)
_FIELD_SPLIT_RE = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*/\s*|\s+o\s+|\s+y\s+", re.IGNORECASE)

# a name: a capital and what follows it up to its last letter, digit, "+" or "#" ("Node.js", "C++", "CI/CD"), or a
# lower-case word with a digit, "+" or "#" ("python3", "c++"). Each part is taken whole (atomic groups): the pattern
# as first written, "[A-Z][\w+#./\-]*[\w+#]|[A-Z]|[a-z]+[+#\d][\w+#.]*", finds the same lists, but tried every
# shorter reading of each word it met, which can never be followed by what must follow a name (a test compares them)
_ALT_TOKEN = r"(?:[A-Z](?>[\w+#]*(?:[./\-]+[\w+#]+)*)|[a-z](?>[a-z]*)[+#\d](?>[\w+#.]*))"
_ALT_ITEM = rf"{_ALT_TOKEN}(?:\s{_ALT_TOKEN})?"
_ALT_RE = re.compile(
    rf"(?<![\w.])(?P<items>(?:{_ALT_ITEM}\s*,\s*){{0,5}}{_ALT_ITEM})\s*,?\s+(?P<or>or|o|ou|oder)\s+(?P<last>{_ALT_ITEM})"
    r"(?![\w+#])"
)
_OR_WORD_RE = re.compile(r"\s(?:or|o|ou|oder)\s", re.IGNORECASE)
# what _ALT_RE cannot match without: the joining word between blanks and the start of a name after it (a pattern
# that opens on a blank, which the engine scans for quickly; _ALT_RE tries every word it meets)
_ALT_HINT_RE = re.compile(r"\s(?:or|o|ou|oder)\s+(?:[A-Z]|[a-z]+[+#\d])")
_TECHY_RE = re.compile(r"[A-Za-z][a-z]*[A-Z0-9+#]|^[A-Z0-9]{2,}$")
_EITHER_RE = _cue_words(r"either|ya\s+sea", tail=r"\s+(?P<a>[\w+#.\-]+)\s+(?:or|o)\s+(?P<b>[\w+#.\-]+)")
# names joined by slashes: "Java/Golang/Python", "GCP / AWS / Azure", "Node.JS/Go"
_SLASH_NAME = r"[A-Za-z][\w+#.\-]*[\w+#]|[A-Za-z]"
_SLASH_RE = re.compile(rf"(?<![\w/.\-])(?P<items>(?:{_SLASH_NAME})(?:\s?/\s?(?:{_SLASH_NAME}))+)(?![\w/])")
# words right before a slash list that offer a choice: "like Java/Go", "such as AWS/GCP" (a bracket does not:
# "Senior Engineer (Python / Django)")
_CHOICE_CUE_RE = re.compile(
    r"\b(?:like|such\s+as|e\.g\.?|including|one\s+of|either|any\s+of|any|como|p\.\s?ej\.)\s*:?\s*$",
    re.IGNORECASE,
)
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
    r"^\s*(?:company|company\s+name|company\s+profile|company\s+website|employer|organi[sz]ation|hiring\s+company|"
    r"empresa|entreprise|unternehmen)\s*:\s*(?P<v>.{2,80})$",
    re.IGNORECASE,
)
_PROPER = r"[A-Z][\w&.'’\-]*(?:\s+(?:[A-Z0-9][\w&.'’\-]*|of|de|&|and))*"
_ABOUT_RE = re.compile(rf"^\s*(?i:about|sobre|acerca\s+de|à\s+propos\s+de|über)\s+(?P<c>{_PROPER})\s*:?\s*$")
_ABOUT_FIRST = frozenset("aAsSſàÀüÜ")  # the letters its words open with, in each case IGNORECASE accepts


def _about_match(text: str) -> re.Match[str] | None:
    """``_ABOUT_RE.match(text)``; a line that opens on none of its first letters (most lines) is not tried."""
    return _ABOUT_RE.match(text) if text.lstrip()[:1] in _ABOUT_FIRST else None


# each sentence cue with the words (lower case) it cannot match without, a cheap test before the pattern
_COMPANY_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(rf"^(?P<c>{_PROPER})\s+(?:is\s+hiring|is\s+looking|is\s+seeking)\b"), ("hiring", "looking", "seeking")),
    # "\b(?i:join|únete\s+a|rejoignez|join\s+us\s+at)", opening on a character class of the first letters (IGNORECASE
    # knows no other form of them), which the engine skips ahead to, and each word going on after its first letter
    (
        re.compile(
            r"[jJúÚrR](?<!\w[jJúÚrR])(?:(?<=[jJ])(?i:oin)|(?<=[úÚ])(?i:nete\s+a)|(?<=[rR])(?i:ejoignez)|"
            rf"(?<=[jJ])(?i:oin\s+us\s+at))\s+(?P<c>{_PROPER})"
        ),
        ("join", "únete", "rejoignez"),
    ),
    (re.compile(rf"^(?:At|En(?:\s+el)?|Chez|Bei)\s+(?P<c>{_PROPER})\s*,"), ("at", "en", "chez", "bei")),
    (
        re.compile(rf"^(?P<c>{_PROPER})\s+(?:is|es|est|ist)\s+(?:an?|one|on\s+a|una|un|une|ein|eine|the|la|el)\b"),
        ("is", "es", "est", "ist"),
    ),
    # "\b(?i:as\s+an?)" spelled out, case by case ("ſ" is an "s" to IGNORECASE), to open on a character class: the
    # engine then skips ahead to each "a" instead of trying the pattern at every position of a long line (a test
    # compares both rewritten cues with the patterns as first written)
    (
        re.compile(rf"[aA](?<!\w[aA])[sSſ]\s+[aA][nN]?\s+[\w\s]{{2,40}}?\s+at\s+(?P<c>{_PROPER})[\s,.]"),
        ("as",),
    ),
)
# a paragraph opening on the company: "Google is developing...", "Google Cloud provides organizations..."; taken
# only for a name the ad writes more than once ("Final offers are..." is no company)
_COMPANY_SUBJECT_RE = re.compile(
    rf"^(?P<c>{_PROPER})\s+(?:is\s+\w+ing|provides|offers|builds|develops|helps|aims|creates|makes|powers)\b"
)
# "Backend Engineer - Acme Robotics", "Backend Engineer at Acme Robotics": the company after the title
_TITLE_COMPANY_RE = re.compile(rf"^(?P<t>.+?)\s+(?P<sep>[-–—|@]|at)\s+(?P<c>{_PROPER})\s*$")
# a printed job-board page titled "servicenow jobs"
_JOBS_PAGE_RE = re.compile(r"^\s*(?P<c>[\w&.\-]+(?:\s+[\w&.\-]+){0,2})\s+(?:jobs|careers)\s*$", re.IGNORECASE)
# "on Google’s revenue data": a capitalised name in the possessive inside a sentence, in the about section
_POSSESSIVE_RE = re.compile(r"(?<=[a-z,;] )(?P<c>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*)?)['’]s\b")
_NOT_POSSESSORS = _wordset("api sdk ui ux os db cpu gpu ml ai it qa pc")  # "Rest API’s" is a plural
_EMAIL_DOMAIN_RE = re.compile(r"[\w.+-]+@(?P<d>[\w-]+(?:\.[\w-]+)+)")
_URL_HOST_RE = re.compile(r"(?:https?://|www\.)(?P<d>[\w-]+(?:\.[\w-]+)+)(?P<path>/[^\s]*)?", re.IGNORECASE)
_DOMAIN_VALUE_RE = re.compile(r"^(?:https?://)?(?:www\.)?(?P<d>[\w-]+(?:\.[\w-]+)+)/?$", re.IGNORECASE)
# addresses that do not name the employer: free mail, search engines, social sites; job boards name it in the
# path ("boards.greenhouse.io/initech/...")
_NOT_EMPLOYER_DOMAINS = _wordset(
    "gmail googlemail yahoo hotmail outlook live msn aol icloud proton protonmail mail gmx yandex rediffmail "
    "google bing duckduckgo linkedin indeed glassdoor monster naukri ziprecruiter facebook twitter x instagram "
    "youtube wikipedia example"
)
_BOARD_DOMAINS = _wordset("greenhouse lever ashbyhq workable breezy recruitee smartrecruiters jobvite")
_HOST_PREFIXES = _wordset("www careers career jobs job apply boards hire hiring recruiting work en")
_TLD_LIKE = _wordset("com net org io co ai dev app jobs tech info biz gov edu xyz")
_SHORTENERS = _wordset("shorturl bit tinyurl lnkd goo ow buff t")
_NOT_COMPANY = _wordset(
    "we our you your the this it they in at as a an us our team company role position job about lima "
    "nosotros la el los las who what why how where when which final each every all that these those there here "
    "if while"
)
# words glued to a name by lost line breaks ("Why Join UsCreation is...")
_GLUED_RE = re.compile(r"^(?:Us|Our|We|You|The)[A-Z]")
# legal forms that make a name an organisation's ("Acme Robotics Inc"); "Systems", "Labs" also end team names
_ORG_WORDS = _wordset("inc inc. llc ltd ltd. limited corp corp. corporation company co co. gmbh ag sa s.a. plc")
_PRINT_HEADER_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}|^https?://\S+\s+\d+/\d+$")

_REQ_SECTIONS = frozenset({"requirements", "preferred"})
_LIST_SECTIONS = frozenset({"requirements", "preferred", "responsibilities", "about"})

# Where a requirement line breaks into clauses: a semicolon, or a sentence end, also one glued to the next
# sentence as scraped ads do ("...related field.4+ years", "...technologies.Experience with"). A full stop
# after one letter ("e.g.", "U.S.") or a capital ("Sr.") ends no sentence, nor does "etc." or "vs.".
# just after a stop that ends a sentence; an acronym of three capitals may end one ("... of AWS. Nice to have")
_AFTER_STOP = r"(?:(?<=[a-z0-9)\]%]{2}[.!?])|(?<=[A-Z]{3}[.!?]))(?<!\betc\.)(?<!\bvs\.)"
_NEXT_SENTENCE = r"(?:\s+(?=[A-Z(\d])|(?=[A-Z][a-z]{2,}|(?:At|An|As|In|If|We)\b))"  # spaced or glued on
_GLUED_NUMBER = r"(?<=[a-z]{2}[.!?])(?<!\betc\.)(?=\d)"  # "related field.4+ years"
_CLAUSE_BREAK_RE = re.compile(rf";\s*|{_AFTER_STOP}{_NEXT_SENTENCE}|{_GLUED_NUMBER}")
_MAY_SPLIT_RE = re.compile(r"[;.!?,(]| and | but | while ")
# a bracket that may be an aside of its own kind (:func:`_is_aside`): "Bachelor's degree in CS (MS preferred)"
_ASIDE_RE = re.compile(r"\((?P<body>[^()]{2,80})\)")
_CONJUNCTION_RE = re.compile(r",\s*(?:(?:but|and|while|whereas)\s+)?|\s+(?:but|and|while|whereas)\s+")
# a label opening a line, before a colon or a wide gap: "Preferred qualifications:      Experience in..."
_LEAD_LABEL_RE = re.compile(r"^\s*(?P<label>[^:\n]{2,50}?)(?:\s*:\s*|\s{3,})(?=\S)")
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


def _may_hold_years(text: str) -> bool:
    """False when ``text`` has no unit word at all (a plain test, far cheaper than the patterns): each spelling of
    :data:`_UNIT` holds one of the words below. ``lower()`` folds case as IGNORECASE does, but for the long s
    ("ſ"), which IGNORECASE takes for an "s"."""
    low = text.lower()
    return (
        "year" in low
        or "yr" in low
        or "anos" in low
        or "año" in low
        or "ans" in low
        or "jahr" in low
        or (not text.isascii() and "ſ" in text)
    )


# a years phrase that tells a history, not an ask: "over the last 25+ years", "thrive after 40+ years of change"
_HISTORY_BEFORE_RE = re.compile(r"\b(?:last|past|after|previous)\s+(?:the\s+)?$", re.IGNORECASE)


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
    matches = list(_YEARS_RE.finditer(text))
    for n, m in enumerate(matches):
        low = _number(m.group("min"))
        high = _number(m.group("max")) if m.group("max") else None
        if low > 40 or (high is not None and high < low):
            continue
        if _HISTORY_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()):
            continue
        # the subject follows closely, before the next years phrase; a bounded window keeps this linear
        stop = min(m.end() + 160, matches[n + 1].start() if n + 1 < len(matches) else len(text))
        rest = text[m.end() : stop]
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
    raw = _ACRONYM_IN_BRACKETS_RE.sub("", _FIELD_GLUE_RE.sub("", m.group("fields")))
    raw = _FIELD_END_RE.sub("", raw).strip(" ,")
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
    """The degree ``text`` asks for: 'BS in Computer Science or equivalent' -> bachelor, ('Computer Science',);
    'Degree in mathematics or statistics' -> no level, ('mathematics', 'statistics')."""
    degrees = find_degrees(text, loose=True)
    if not degrees:
        return _levelless_education(text)
    level = lowest_level([d.level for d in degrees])
    fields: tuple[str, ...] = ()
    for d in degrees:
        fields = _fields(text, d.end)
        if fields:
            break
    return EducationAsked(text.strip(), level, fields, bool(_EQUIVALENT_RE.search(text)))


def _levelless_education(text: str) -> EducationAsked | None:
    """A degree asked in a field with no degree named ("a university degree in ..."); its level is the lowest
    the words before "degree" name ("undergraduate or graduate degree": bachelor), else none."""
    if "degree" not in text.lower():  # a plain test first (lower() folds that word as IGNORECASE does): most lack it
        return None
    m = _LEVELLESS_DEGREE_RE.search(text)
    fields = _fields(text, m.end("degree")) if m else ()
    if not m or not fields:
        return None
    named = [_DEGREE_QUALIFIER_LEVELS[w.lower()] for w in _QUALIFIER_RE.findall(text, m.start(), m.end("degree"))]
    level = lowest_level(named) if named else None
    return EducationAsked(text.strip(), level, fields, bool(_EQUIVALENT_RE.search(text)))


def _slash_names(names: Sequence[str]) -> bool:
    """Whether slash-joined ``names`` are several names, not one term: "CI/CD", "TCP/IP", "PL/SQL", "A/B",
    "UI/UX", "C/C++" have a part of one or two letters; "HTTP/HTTPS" is a name and its variant; "BS/MS" are
    degrees; "remote/hybrid" are plain words."""
    if len(names) < 2 or any(len(n) <= 2 for n in names):
        return False
    low = [n.lower() for n in names]
    if any(a != b and (b.startswith(a) or b.endswith(a)) for a in low for b in low):
        return False
    if any(n[0].islower() and not _TECHY_RE.search(n) for n in names):
        return False
    if any(n in _ALT_STOP for n in low) or any(find_degrees(n, loose=True) for n in names):
        return False
    return len(set(low)) == len(low)


def _split_slashes(names: Sequence[str]) -> list[str]:
    """Names of an "or" list with slash-joined names opened up: "Java/Kotlin or Scala" -> Java, Kotlin, Scala."""
    out: list[str] = []
    for name in names:
        parts = [p.strip() for p in name.split("/")] if "/" in name else []
        out.extend(parts if parts and _slash_names(parts) else [name])
    return out


def _slash_groups(text: str, taken: Sequence[tuple[int, int]]) -> list[tuple[str, ...]]:
    """Either/or groups written with slashes: three names or more ("Java/Golang/Python"), or two after a cue
    that offers a choice ("like Django/Flask") or two acronyms ("GIT/SVN"). Two names of other
    shapes are left alone: "Python/Django" is a language with its framework, which reads as "with"."""
    groups: list[tuple[str, ...]] = []
    for m in _SLASH_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        names = [n.strip() for n in m.group("items").split("/")]
        if not _slash_names(names):
            continue
        if len(names) == 2:
            acronyms = all(n.isupper() and n.isalpha() for n in names)
            if not acronyms and not _CHOICE_CUE_RE.search(text, max(0, m.start() - 20), m.start()):
                continue
        groups.append(tuple(names))
    return groups


def find_alternatives(text: str, exclude: frozenset[str] = frozenset()) -> tuple[tuple[str, ...], ...]:
    """Either/or groups of short names: 'Java or Kotlin' -> (('Java', 'Kotlin'),), 'AWS/GCP/Azure' -> (('AWS',
    'GCP', 'Azure'),) (:func:`_slash_groups`). Groups made only of ``exclude`` names (the fields of a degree)
    are left out."""
    groups: list[tuple[str, ...]] = []
    taken: list[tuple[int, int]] = []
    if _OR_WORD_RE.search(text) is None:
        # the "or" patterns need "or" (o, ou, oder) between spaces
        return tuple(_slash_groups(text, taken)) if "/" in text else ()
    for m in _EITHER_RE.finditer(text):
        groups.append((m.group("a").strip(".,;:"), m.group("b").strip(".,;:")))
        taken.append(m.span())
    for m in _ALT_RE.finditer(text) if _ALT_HINT_RE.search(text) else ():
        if any(m.start() <= text.find(g[0]) < m.end() for g in groups):
            continue
        names = [s.strip() for s in m.group("items").split(",")] + [m.group("last").strip()]
        if len(names) > 2 and m.start() > 0 and text[: m.start()].rstrip().endswith(("and", "with")):
            names = names[-2:]
        names = _split_slashes(names) if "/" in m.group() else names
        if any(n.lower() in _ALT_STOP or n.split()[0].lower() in _ALT_STOP for n in names):
            continue
        if any(find_degrees(n, loose=True) for n in names) or set(names) <= exclude:
            continue
        if m.group("or") != "or" and not all(_TECHY_RE.search(n) for n in names):
            continue  # Spanish "o" joins ordinary words too: only product-like names ("MySQL o PostgreSQL")
        if len(set(names)) >= 2:
            groups.append(tuple(names))
            taken.append(m.span())
    if "/" in text:
        groups.extend(_slash_groups(text, taken))
    return tuple(groups)


def _is_aside(body: str) -> bool:
    """Whether a bracket's ``body`` is an aside of its own kind: a cue and more ("MS preferred", "AWS a plus"),
    not the cue alone, which labels the whole line ("(preferred)")."""
    for pattern in (_PREFERRED_RE, _REQUIRED_RE):
        if pattern.search(body):
            return any(c.isalnum() for c in pattern.sub("", body))
    return False


def _without_asides(text: str) -> str:
    """``text`` less its bracketed asides (:func:`_is_aside`), or whole when nothing else would be left."""
    if "(" not in text:
        return text
    rest = _ASIDE_RE.sub(lambda m: " " if _is_aside(m.group("body")) else m.group(), text)
    return rest if any(c.isalnum() for c in rest) else text


def classify_requirement(text: str, section: str | None) -> RequirementKind:
    """'required' or 'preferred': an explicit '(Required)' first, then phrase cues, then the section.

    A cue decides over the section ("must", "at least" under a preferred heading are required; "a plus" under
    the requirements is preferred); a line with none takes its section's kind, required outside a preferred
    section. A cue in a bracketed aside speaks for the aside alone: "Bachelor's degree in CS (MS preferred)" is
    required.
    """
    explicit = _EXPLICIT_RE.search(text)
    if explicit:
        k = explicit.group("k").lower()
        return "preferred" if k in {"preferred", "optional", "nice to have", "deseable"} else "required"
    text = _without_asides(text)
    if _PREFERRED_RE.search(text):
        return "preferred"
    if _REQUIRED_RE.search(text):
        return "required"
    if section == "preferred":
        return "preferred"
    return "required"


def _word_count(flat: str) -> int:
    """How many words an item's flat text (:attr:`Item.flat`: single-spaced, trimmed, not empty) holds."""
    return flat.count(" ") + 1


def _is_sublabel(flat: str) -> bool:
    return flat.endswith(":") and _word_count(flat) <= 8


def _requirement(raw: str, start: int, section: str | None, kind: RequirementKind | None = None) -> Requirement:
    """A requirement of the exact text ``raw`` found at ``start``; its kind is worked out unless given."""
    text = " ".join(raw.split())
    education = find_education(text)
    return Requirement(
        text=raw,
        start=start,
        end=start + len(raw),
        kind=kind or classify_requirement(text, section),
        section=section,
        years=find_years(text),
        education=education,
        alternatives=find_alternatives(text, frozenset(education.fields) if education else frozenset()),
    )


def _clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences and semicolon clauses of ``text``, blanks trimmed; a semicolon is left
    out, a full stop kept."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _CLAUSE_BREAK_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        piece = text[a:b]
        stripped = piece.strip()
        if stripped:
            a += len(piece) - len(piece.lstrip())
            out.append((a, a + len(stripped)))
    return out


def _cue_kind(text: str) -> RequirementKind | None:
    """The kind a phrase's own words say, None when they say neither."""
    if _EXPLICIT_RE.search(text) or _PREFERRED_RE.search(text) or _REQUIRED_RE.search(text):
        return classify_requirement(text, None)
    return None


def _edge_cue_kind(text: str, *, at_end: bool) -> RequirementKind | None:
    """The kind a cue says when it closes ``text`` ("... is required") or, ``at_end`` False, opens it
    ("ideally ...")."""
    for pattern in (_PREFERRED_RE, _REQUIRED_RE):
        if at_end:
            stripped = text.rstrip(" .!)")
            found = any(m.end() == len(stripped) for m in pattern.finditer(stripped, max(0, len(stripped) - 40)))
        else:
            found = pattern.match(text) is not None
        if found:
            return _cue_kind(text[-40:] if at_end else text[:40])
    return None


def _split_at_conjunction(text: str, a: int, b: int, section: str | None) -> list[tuple[int, int]]:
    """``text[a:b]`` cut at the first comma or conjunction between parts of different kinds, where the part
    before ends on its cue and the part after says its own ("Python is required, Kubernetes is a plus") or the
    part after opens on its cue ("5 years of Java, ideally in fintech"); else whole. A list with a cue somewhere
    in it ("at least one of: A, B, C is a plus") is not cut."""
    piece = text[a:b]
    if not (_PREFERRED_RE.search(piece) or _REQUIRED_RE.search(piece)):
        return [(a, b)]
    for m in _CONJUNCTION_RE.finditer(piece):
        before, after = piece[: m.start()], piece[m.end() :]
        if not before.strip() or not after or after.lower().startswith("or "):  # "..., or equivalent preferred"
            continue
        # "..., but not required" qualifies the words before it, which the whole line's kind already says
        opens = None if after.lower().startswith("not ") else _edge_cue_kind(after, at_end=False)
        if opens is not None:
            if opens != classify_requirement(before, section):
                return [(a, a + m.start()), (a + m.end(), b)]
            continue
        closes = _edge_cue_kind(before, at_end=True)
        after_kind = _cue_kind(after)
        if closes is not None and after_kind is not None and closes != after_kind:
            return [(a, a + m.start()), (a + m.end(), b)]
    return [(a, b)]


def _closing_aside_cut(text: str, a: int, b: int, words_from: int) -> list[tuple[int, int]]:
    """``text[a:b]`` cut before a bracketed aside that closes it ("... in CS (MS preferred)"), when words
    (from offset ``words_from`` on: a leading label is none) come before the aside; else whole."""
    close = text.rfind(")", a, b)
    opening = text.rfind("(", a, close) if close > 0 else -1
    if opening < 0 or text[close + 1 : b].strip(" .;,"):
        return [(a, b)]
    m = _ASIDE_RE.match(text, opening, close + 1)
    if m is None or m.end() != close + 1 or not _is_aside(m.group("body")):
        return [(a, b)]
    if not any(c.isalnum() for c in text[words_from : m.start()]):
        return [(a, b)]
    before = text[a : m.start()].rstrip(" ,;:-–")
    return [(a, a + len(before)), (m.start(), b)]


def _requirements(item: Item, section: str | None) -> list[Requirement]:
    """The requirement an item states, or one per run of clauses of the same kind when its clauses differ:
    "Python required; Kubernetes is a plus" is a required and a preferred requirement.

    A label that opens the line ("Preferred qualifications:  ...") stands for a heading over the whole line.
    """
    text = item.text
    # a clause differs from the section's default only by a cue of the other kind ("is a plus" under
    # "Requirements", "must" under "Nice to have"), or a label of the other kind opening the line
    other = _REQUIRED_RE if section == "preferred" else _PREFERRED_RE
    if not other.search(text):
        # no cue of the other kind: the section's kind, as classify_requirement would find (every explicit
        # "(required)" or "(optional)" holds a cue word of its kind)
        return [_requirement(text, item.start, section, "preferred" if section == "preferred" else "required")]
    if not _MAY_SPLIT_RE.search(text):
        return [_requirement(text, item.start, section)]
    lead = _LEAD_LABEL_RE.match(text)
    label_kind = heading_kind(lead.group("label"), JOB_HEADINGS) if lead else None
    # the section whose default the clauses take: the label's, if it names one
    first, heading = (lead.end(), label_kind) if lead and label_kind in _REQ_SECTIONS else (0, section)
    spans: list[tuple[int, int]] = []
    for a, b in _clause_spans(text):
        # a leading label is no part of the clause's words, yet stays in its text
        parts = _split_at_conjunction(text, max(a, first), b, heading) if b > first else [(a, b)]
        for n, (pa, pb) in enumerate([(a, parts[0][1]), *parts[1:]]):
            spans.extend(_closing_aside_cut(text, pa, pb, max(pa, first) if n == 0 else pa))
    if len(spans) < 2:
        return [_requirement(text, item.start, section)]
    kinds = [classify_requirement(" ".join(text[max(a, first) : b].split()), heading) for a, b in spans]
    if len(set(kinds)) == 1:
        return [_requirement(text, item.start, section)]
    out: list[Requirement] = []
    run_start = 0
    for n in range(1, len(spans) + 1):
        if n == len(spans) or kinds[n] != kinds[run_start]:
            a, b = spans[run_start][0], spans[n - 1][1]
            out.append(_requirement(text[a:b], item.start + a, section, kinds[run_start]))
            run_start = n
    return out


def _has_cue(text: str, *, broad: bool) -> bool:
    """A requirement cue outside a requirements section; ``broad`` adds weaker ones ("experience with")."""
    if (
        _EXPLICIT_RE.search(text)  # the cheapest test first
        or (_may_hold_years(text) and _YEARS_RE.search(text))
        or has_degree(text)
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
            and 2 <= len(line.text.split(None, 15)) <= 15
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
        and len(line.text.split(None, 14)) <= 14  # at most 14 words, without splitting a long line to its end
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
    if head and _runs_together(head[0].text):  # an ad pasted as one line: its first sentence may be the title
        a, b, _ = _pieces(head[0].text)[0]
        first = head[0].text[a:b].rstrip(" .:")
        if len(first.split()) <= 8 and looks_like_title(first):
            return _dedupe_title(first), 0
    return None, None


def _company_candidate(raw: str | None) -> str | None:
    if not raw:
        return None
    name = raw.strip(" ,.:;")
    if _GLUED_RE.match(name):
        return None
    words = name.split()
    while words and words[-1].lower() in {"and", "of", "de", "&"}:
        words.pop()
    if not words or words[0].lower() in _NOT_COMPANY or len(words) > 5:
        return None
    return " ".join(words)


def _spelled(name: str, text: str) -> str:
    """``name`` as the ad writes it elsewhere with capitals, spaces or hyphens ("servicenow" -> "ServiceNow",
    "tandemdiabetes" -> "Tandem Diabetes"), else title-cased ("acme-robotics" -> "Acme Robotics")."""
    letters = [ch for ch in name if ch.isalnum()]
    for gap in ("", r"[\s-]?"):  # as one word first ("ServiceNow" before "Service Now")
        pattern = gap.join(re.escape(ch) for ch in letters)
        for m in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", text, re.IGNORECASE) if letters else ():
            if m.group() != m.group().lower() and "\n" not in m.group():
                return m.group()
    return " ".join(part.capitalize() for part in re.split(r"[-_]+", name) if part)


def _is_tld(label: str) -> bool:
    return label in _TLD_LIKE or (len(label) == 2 and label.isalpha())  # country codes


def _name_from_host(host: str, path: str | None, text: str) -> str | None:
    """The employer an address names: 'careers.globex.io' -> Globex, 'boards.greenhouse.io/initech' ->
    Initech; None for free mail, search engines, social sites and link shorteners."""
    labels = [label for label in host.lower().split(".") if label]
    while labels and labels[0] in _HOST_PREFIXES:
        labels.pop(0)
    tlds = [i for i, label in enumerate(labels) if i > 0 and _is_tld(label)]
    if tlds:
        labels = labels[: tlds[-1] + 1]  # "sofi.com.Due to...": a sentence glued to the address
        while len(labels) > 1 and _is_tld(labels[-1]):
            labels.pop()
    elif len(labels) > 1:
        labels.pop()  # a top-level domain we do not list (".studio")
    if not labels:
        return None
    name = labels[-1]
    if name in _SHORTENERS:
        return None
    if name in _BOARD_DOMAINS:
        segments = [s for s in (path or "").split("/") if s]
        if not segments or not re.fullmatch(r"[A-Za-z][\w-]{1,40}", segments[0]):
            return None
        name = segments[0].lower()
    if name in _NOT_EMPLOYER_DOMAINS or len(name) < 2:
        return None
    return _spelled(name, text)


def _company_from_address(texts: Sequence[str], full_text: str) -> str | None:
    for text in texts:
        for m in _EMAIL_DOMAIN_RE.finditer(text) if "@" in text else ():
            found = _name_from_host(m.group("d"), None, full_text)
            if found:
                return found
        for m in _URL_HOST_RE.finditer(text) if "://" in text or "www." in text.lower() else ():
            found = _name_from_host(m.group("d"), m.group("path"), full_text)
            if found:
                return found
    return None


def _could_be_company(name: str) -> bool:
    """Not a job title, not a place ("Remote", "Austin, TX")."""
    return not looks_like_title(name) and not find_locations(name)


def _named_elsewhere(name: str, text: str) -> bool:
    """Whether the ad speaks of ``name`` as of a company: "at X", "join X", "X's", "X is"."""
    n = re.escape(name)
    return re.search(rf"\b(?i:at|join|about)\s+{n}\b|\b{n}(?:['’]s\b|\s+(?:is|are|was)\b)", text) is not None


def _company_from_title(title_line: str, text: str) -> tuple[str, str] | None:
    """(title, company) of a first line "Backend Engineer at Acme Robotics" or "Backend Engineer - Acme
    Robotics Inc"; None when the part after the separator is no company ("Python/Django", a place, a title).

    After a dash or bar, job boards mostly write a team or a speciality ("Engineer - Computer Vision"), so
    there the name must be an organisation's ("... Inc", "... Labs") or be spoken of as a company elsewhere.
    """
    m = _TITLE_COMPANY_RE.match(title_line.strip())
    if m is None or not looks_like_title(m.group("t")):
        return None
    company = _company_candidate(m.group("c"))
    if company is None or not _could_be_company(company) or heading_kind(company, JOB_HEADINGS):
        return None
    after_dash = m.group("sep") not in ("at", "@")
    rest = text.replace(title_line, " ", 1)
    if after_dash and fold(company.split()[-1]) not in _ORG_WORDS and not _named_elsewhere(company, rest):
        return None
    return m.group("t").strip(), company


def _company(
    lines: Sequence[Line], title_index: int | None, about: Sequence[range], full_text: str
) -> tuple[str | None, str | None]:
    """The company the ad names, and the title cut short when the company was written after it.

    Cues, strongest first: a label ("Company: X", "Company profile: x.com"), an "About X" heading, the title
    line ("<Title> - <Company>") or the line before it, a sentence ("X is hiring", "Join X", "At X, we",
    "X is a...", "as a <title> at X", "X provides..."), a printed "X jobs" page title, the address of the
    employer in an email or link, and last a name in the possessive in the about section ("Initech's data").
    """
    for line in lines[:40]:
        m = _COMPANY_LABEL_RE.match(line.text) or _about_match(line.text)
        if m:
            raw = m.group(1) if m.lastgroup is None else m.group(m.lastgroup)
            domain = _DOMAIN_VALUE_RE.match(raw.strip())
            found = _name_from_host(domain.group("d"), None, full_text) if domain else _company_candidate(raw)
            if found:
                return found, None
    if title_index is not None:
        split = _company_from_title(lines[title_index].text, full_text)
        if split is not None:
            return split[1], split[0]
    return _company_from_text(lines, title_index, about, full_text), None


def _company_from_text(
    lines: Sequence[Line], title_index: int | None, about: Sequence[range], full_text: str
) -> str | None:
    if title_index is not None and title_index > 0:
        prev = lines[title_index - 1].text.strip()
        page = _JOBS_PAGE_RE.match(prev)  # "Globex careers" above the title names Globex
        if page:
            prev = _spelled(page.group("c"), full_text)
        if 1 <= len(prev.split()) <= 4 and not heading_kind(prev, JOB_HEADINGS) and _could_be_company(prev):
            found = _company_candidate(prev)
            if found:
                return found
    for line in lines[:60]:
        text = line.text
        # lower() folds case as IGNORECASE does, but for the dotless and dotted i and the long s: a line with one of
        # those (rare) is searched whatever its words
        low = text.lower() if text.isascii() or not any(c in text for c in "ıİſ") else ""
        for pattern, hints in _COMPANY_PATTERNS:
            if low and not any(hint in low for hint in hints):
                continue
            m = pattern.search(line.text)
            if m:
                found = _company_candidate(m.group("c"))
                if found:
                    return found
        m = _COMPANY_SUBJECT_RE.match(line.text)
        found = _company_candidate(m.group("c")) if m else None
        if found and len(re.findall(rf"\b{re.escape(found)}\b", full_text)) >= 2:
            return found
    for line in lines[:3]:
        m = _JOBS_PAGE_RE.match(line.text)
        found = _company_candidate(_spelled(m.group("c"), full_text)) if m else None
        if found and _could_be_company(found):
            return found
    found = _company_from_address([line.text for line in lines], full_text)
    if found:
        return found
    for span in about:
        for i in span:
            for m in _POSSESSIVE_RE.finditer(lines[i].text):
                found = _company_candidate(m.group("c"))
                if found and not looks_like_title(found) and fold(found.split()[-1]) not in _NOT_POSSESSORS:
                    return found
    return None


# A line that runs several together, as scraped ads do once their line breaks are lost: a sentence glued to the
# next ("...15 engineers.Job Responsibilities:"), a dash bullet after a stop or colon ("Qualifications:- Startup
# experience.- At least..."), a heading set off from its first item by a run of spaces ("Qualifications      3+
# years..."). The pattern opens on the stop (a fast scan); the gap is a plain ``in`` test (:func:`_runs_together`).
_RUN_TOGETHER_RE = re.compile(
    r"[.!?:](?:(?<=[a-z0-9)]{2}[.!?])(?=[A-Z][a-z]{2})|(?<=[a-z]{2}[.!?])(?=\d)|[ \t]*[-–•][ \t]+(?=[A-Z]))"
)
# Where lines run together break: after a stop or colon before a dash bullet (".- Designing"), at a sentence end,
# also one glued to the next sentence ("...engineers.Job Responsibilities", "field.4+ years", "at Google
# .Responsibilities"), and at a gap of three spaces or more (:data:`_GAP_RE`). Every break opens on the stop or
# colon it leaves with the piece before: the engine then scans for those few characters only.
_STOP_BREAK_RE = re.compile(
    rf"[.!?:;](?:(?P<dash>[ \t]*[-–•][ \t]+)(?=[A-Z])|{_AFTER_STOP}{_NEXT_SENTENCE}|{_GLUED_NUMBER}"
    r"|(?<=[a-z] \.)(?=[A-Z][a-z]{2,}))"
)
_GAP_RE = re.compile(r"   +")  # text is normalised: tabs are spaces
_INLINE_DASH_RE = re.compile(r"[ \t]+[-–•][ \t]+(?=[A-Z0-9])")  # " - Docker", " - 3+ years"
# a heading that opens a piece, before a colon ("Qualifications: Bachelor's...") or glued to the next word
# ("About The JobGoogle's engineers", "RequirementsKey Responsibilities:")
_OPENING_LABEL_RE = re.compile(r"[^:\n]{2,50}?:")
_CASE_TURN_RE = re.compile(r"[A-Z](?<=[a-z][A-Z])(?=[a-z])")
# a word glued to the one before it by a lost line break: "IC3ResponsibilitiesLead the design", "OO
# languagesExperience with", "$200kWhat you will do:"
_GLUED_TURN_RE = re.compile(r"[A-Z](?<=[a-z0-9)][A-Z])(?=[a-z])")
# words that open a requirement or a duty, never the second half of a product name ("JavaScript", "CodeBuild"
# and "OneDrive" are why the list is short and closed)
_OPENER_RE = re.compile(
    r"(?:Experience|Experienced|Strong|Ability|Proficiency|Proficient|Excellent|Knowledge|Familiarity|Familiar|"
    r"Understanding|Expertise|Expert|Proven|Solid|Extensive|Hands-on|Passion|Bachelor|Background|Demonstrated|"
    r"Minimum|Required|Preferred|Advanced|Deep|Develop|Collaborate|Contribute|Participate|Implement|Maintain|"
    r"Mentor|Optimize|Improve|Write)(?=[\s'’])"
)


# the words a job heading can open with; a glued piece whose first word is none of them is no heading, which
# spares most pieces the full test
_HEADING_FIRST_WORDS = heading_words(JOB_HEADINGS)
_FIRST_WORD_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+")  # "ResponsibilitiesLead": the first word only


def _may_open_heading(text: str, start: int = 0) -> bool:
    m = _FIRST_WORD_RE.match(text, start)
    return m is not None and m.group().lower() in _HEADING_FIRST_WORDS


def _opening_heading(piece: str) -> int:
    """The length of a heading that opens ``piece`` with more text after it, 0 when none does. Before a
    colon, only a heading over a list counts: "Salary: $130,000" is a field, not a benefits section."""
    if not _may_open_heading(piece):
        return 0
    m = _OPENING_LABEL_RE.match(piece)
    if m and piece[m.end() :].strip() and heading_kind(m.group(), JOB_HEADINGS) in _LIST_SECTIONS:
        return m.end()
    for turn in _CASE_TURN_RE.finditer(piece, 0, 50):
        head = piece[: turn.start()]
        if heading_kind(head, JOB_HEADINGS) or _about_match(head):
            return turn.start()
    return 0


def _heading_at(text: str, start: int, stop: int) -> tuple[int, str | None]:
    """(end, kind) of a heading that starts at ``start`` and ends at a colon, at the next glued word or at
    ``stop``; (0, None) when none does."""
    if not _may_open_heading(text, start):
        return 0, None
    ends: list[int] = []
    colon = text.find(":", start, min(stop, start + 50))
    if colon > 0:
        ends.append(colon + 1)
    turn = _GLUED_TURN_RE.search(text, start + 1, min(stop, start + 50))
    if turn:
        ends.append(turn.start())
    if stop - start <= 50:
        ends.append(stop)
    for end in ends:
        kind = heading_kind(text[start:end], JOB_HEADINGS)
        if kind:
            return end, kind
    return 0, None


def _glued_cuts(text: str, turns: Sequence[int], b: int) -> list[int]:
    """Where a piece of ``text`` ending at ``b`` holds a line glued to the one before it: at those of its ``turns``
    (:data:`_GLUED_TURN_RE`) before a heading (and after it, if it is over a list) or an opening word
    (:data:`_OPENER_RE`), which follows a word without a space."""
    cuts: list[int] = []
    for t in turns:
        end, kind = _heading_at(text, t, b)
        if kind:
            cuts.append(t)
            if kind in _LIST_SECTIONS and end < b:
                cuts.append(end)
        elif _OPENER_RE.match(text, t):
            cuts.append(t)
    return cuts


def _inline_bullets(text: str, breaks: Sequence[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Breaks at the dash bullets that follow a first one on the same line ("Requirements: - Python - Docker -
    3+ years"): after a dash bullet that opens a list (:data:`_STOP_BREAK_RE`), two more dashes between words make
    the rest a list too; one alone is a range or an aside ("2015 - 2020")."""
    first = next((after for _, after, dash in breaks if dash), None)
    if first is None:
        return []
    found = [(m.start(), m.end(), True) for m in _INLINE_DASH_RE.finditer(text, first)]
    return found if len(found) >= 2 else []


def _pieces(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, opens with a dash bullet) of the lines run together in ``text``, blanks trimmed."""
    breaks = [(m.start(), m.end(), False) for m in _GAP_RE.finditer(text)]
    breaks += [(m.start() + 1, m.end(), m.group("dash") is not None) for m in _STOP_BREAK_RE.finditer(text)]
    breaks += _inline_bullets(text, sorted(breaks))
    breaks.sort()
    # the turns of the whole line, found in one scan; a piece from a to b holds those from a + 1 to b - 2 (the small
    # letter after a turn must be in the piece)
    turns = [m.start() for m in _GLUED_TURN_RE.finditer(text)]
    spans: list[tuple[int, int, bool]] = []
    pos, bullet = 0, False
    for end, after, dash in [*breaks, (len(text), len(text), False)]:
        if end < pos:
            continue  # a gap right after a stop: one break
        inside = turns[bisect_left(turns, pos + 1) : bisect_right(turns, end - 2)]
        bounds = [pos, *_glued_cuts(text, inside, end), end]
        for n in range(len(bounds) - 1):
            spans.append((bounds[n], bounds[n + 1], bullet and n == 0))
        pos, bullet = after, dash
    out: list[tuple[int, int, bool]] = []
    for a, b, is_bullet in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b:
            head = _opening_heading(text[a:b])
            if not head:
                out.append((a, b, is_bullet))
                break
            out.append((a, a + head, False))
            a += head
            while a < b and text[a].isspace():
                a += 1
            is_bullet = False
    return out


def _runs_together(text: str) -> bool:
    """Whether a line runs several together (:data:`_RUN_TOGETHER_RE`, or a gap of three spaces)."""
    return "   " in text or _RUN_TOGETHER_RE.search(text) is not None  # a line's text is stripped


def _unglued(doc: Document) -> tuple[Document, frozenset[int]]:
    """``doc`` with each line that runs several together (:data:`_RUN_TOGETHER_RE`) cut into them: at gaps of
    spaces, dash bullets, sentence ends and the headings that open a piece; and the starts of the pieces cut.
    Offsets stay exact."""
    lines: list[Line] = []
    cut: set[int] = set()
    for line in doc.lines:
        text = line.text
        if not _runs_together(text) or doc.text[line.start : line.end] != text:
            lines.append(line)
            continue
        for n, (a, b, bullet) in enumerate(_pieces(text)):
            cut.add(line.start + a)
            lines.append(
                Line(  # as dataclasses.replace would, at a third of its cost
                    text=text[a:b],
                    start=line.start + a,
                    end=line.start + b,
                    page=line.page,
                    x0=line.x0,
                    top=line.top,
                    x1=line.x1,
                    bottom=line.bottom,
                    font_size=line.font_size,
                    bold=line.bold,
                    column=line.column,
                    list_item=line.list_item if n == 0 and a == 0 else bullet,
                    source=line.source,
                )
            )
    return (doc if len(lines) == len(doc.lines) else replace(doc, lines=tuple(lines))), frozenset(cut)


def _about_headings(doc: Document, headings: list[Heading]) -> list[Heading]:
    """'About Stones2Milestones' opens an about section even though the name is not in the vocabulary."""
    known = {h.index for h in headings}
    extra = [Heading(i, "about") for i, line in enumerate(doc.lines) if i not in known and _about_match(line.text)]
    return sorted([*headings, *extra], key=lambda h: h.index)


def job_from_document(doc: Document) -> JobPosting:
    """The structure of a job ad whose text and lines are ``doc``."""
    source = doc
    doc = drop_page_furniture(doc)
    # both kinds of print header (a date and time, an address and a page number) hold a slash
    kept = tuple(line for line in doc.lines if "/" not in line.text or not _PRINT_HEADER_RE.match(line.text.strip()))
    if len(kept) != len(doc.lines):
        doc = Document(doc.text, doc.format, kept, doc.page_count, doc.columns, doc.has_tables, doc.warnings)
    headings = _about_headings(doc, detect_headings(doc, JOB_HEADINGS))
    lines = list(doc.lines)
    title, title_index = _title(doc, lines, {h.index for h in headings})
    about = [
        range(h.index + 1, headings[n + 1].index if n + 1 < len(headings) else len(lines))
        for n, h in enumerate(headings)
        if h.kind == "about"
    ]
    company, short_title = _company(lines, title_index, about, "\n".join(line.text for line in lines))
    title = short_title or title
    title_span = (lines[title_index].start, lines[title_index].end) if title_index is not None else None

    # sections and requirements read the lines a scraped ad ran together one by one (title and company were read
    # from the lines as they came: a label glued to the next one names no title)
    unglued, cut = _unglued(doc)
    if unglued is not doc:
        doc = unglued
        headings = _about_headings(doc, detect_headings(doc, JOB_HEADINGS))
        lines = list(doc.lines)
    sections: list[Section] = sections_from_headings(doc, headings)

    bounds: list[tuple[int, str | None]] = [(-1, None), *((h.index, h.kind) for h in headings)]
    blocks: list[tuple[str | None, list[Item]]] = []
    for n, (index, kind) in enumerate(bounds):
        stop = bounds[n + 1][0] if n + 1 < len(bounds) else len(lines)
        body = [line for line in lines[index + 1 : stop] if (line.start, line.end) != title_span]
        # one word is a requirement only in a requirements list ("- Python"); elsewhere it is a label or a place
        min_words = 1 if kind in _REQ_SECTIONS else 2
        items: list[Item] = []
        field_value = False  # the lines under a job field's label ("Work Remotely:" then "• No") are its value
        for item in merge_wrapped(doc, body):
            flat = item.flat
            if not flat:
                continue
            if _is_sublabel(flat):
                field_value = _JOB_META_RE.match(flat) is not None
            elif not field_value and _word_count(flat) >= min_words and not _JOB_META_RE.match(flat):
                items.append(item)
        blocks.append((kind, items))
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
                # where an ad ran its lines together its sections' ends are lost too (salary, equal opportunity
                # and how-to-apply text follow the last list): a sentence cut from such a line must be short (a
                # bullet: "Python, Django, REST") or ask something
                if (
                    item.list_item
                    or item.start not in cut
                    or _word_count(text) <= _SHORT_PIECE_WORDS
                    or _ASK_RE.search(text)
                    or _has_cue(text, broad=True)
                ):
                    requirements.extend(_requirements(item, kind))
            elif kind not in _NO_CUE_SECTIONS and _word_count(text) <= 80 and (item.start not in cut or item.list_item):
                unsectioned_list = not has_req_section and item.list_item and kind is None
                if unsectioned_list or _has_cue(text, broad=not has_req_section and kind is None):
                    requirements.extend(_requirements(item, kind))

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
