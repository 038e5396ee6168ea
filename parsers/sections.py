"""Section headings of resumes and job ads, and the grouping of wrapped lines into items.

A heading is a line of its own whose words name a section ("Work History", "W O R K  E X P E R I E N C E",
"Habilidades", "What you'll do:"). Each vocabulary maps written variants to a canonical kind. When the document
has a layout (PDF font sizes), lines styled like the recognised headings, but with unknown words ("Selected
Honors", "Welcome to RenderCV"), are headings too, of kind ``other``.

``merge_wrapped`` joins the continuation lines of a wrapped bullet or paragraph into one ``Item``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from parsers.models import Document, Line, Section

__all__ = [
    "JOB_HEADINGS",
    "RESUME_HEADINGS",
    "Heading",
    "Item",
    "all_capitals",
    "collapse_letter_spacing",
    "detect_headings",
    "drop_page_furniture",
    "fold",
    "heading_kind",
    "heading_words",
    "merge_wrapped",
    "normalize_heading",
    "sections_from_headings",
]


def _wordset(words: str) -> frozenset[str]:
    """A set of the whitespace-separated words of ``words`` (vocabularies read better as one string)."""
    return frozenset(words.split())


# the accents NFKD takes off Latin letters (the combining marks U+0300-U+036F): one pass of a pattern removes them,
# and the text left is mostly ASCII, which needs no test character by character
_ACCENTS_RE = re.compile("[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]")


def fold(text: str) -> str:
    """Lower case without accents: 'Formación' -> 'formacion'."""
    if text.isascii():
        return text.lower()
    bare = _ACCENTS_RE.sub("", unicodedata.normalize("NFKD", text.lower()))
    if bare.isascii():
        return bare
    return "".join(c for c in bare if not unicodedata.combining(c))


def _vocab(table: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, phrases in table.items():
        for phrase in phrases.split("|"):
            out[normalize_heading(phrase)] = kind
    return out


_RESUME_PHRASES = {
    "summary": "summary|professional summary|career summary|executive summary|profile|professional profile|"
    "personal profile|career profile|objective|career objective|professional objective|about me|about|"
    "overview|introduction|summary of qualifications|qualifications summary|highlights|career highlights|"
    "resumen|resumen profesional|perfil|perfil profesional|sobre mi|acerca de mi|extracto|objetivo|"
    "profil professionnel|a propos de moi|zusammenfassung|kurzprofil|uber mich",
    "experience": "experience|work experience|professional experience|relevant experience|work history|"
    "employment|employment history|professional history|career history|career|experiences|"
    "work|internships|internship experience|industry experience|research experience|teaching experience|"
    "positions|positions held|previous positions|"
    "experiencia|experiencia laboral|experiencia profesional|trayectoria profesional|historial laboral|"
    "experience professionnelle|experiences professionnelles|parcours professionnel|"
    "berufserfahrung|berufliche erfahrung|praxiserfahrung|beruflicher werdegang|werdegang",
    "education": "education|educational background|academic background|academic qualifications|"
    "educational qualifications|education and training|academics|studies|training|courses|coursework|"
    "relevant coursework|formacion|formacion academica|educacion|estudios|formation|parcours academique|"
    "etudes|ausbildung|bildung|studium|akademischer werdegang|schulbildung",
    "skills": "skills|technical skills|core competencies|competencies|skills and tools|key skills|"
    "skills and expertise|expertise|areas of expertise|technologies|tools|tech stack|tools and tech|"
    "technical competencies|proficiencies|top skills|it skills|computer skills|hard skills|soft skills|"
    "skills summary|technical proficiencies|habilidades|competencias|conocimientos|aptitudes|"
    "habilidades tecnicas|conocimientos tecnicos|competences|competences techniques|kenntnisse|"
    "fahigkeiten|fachkenntnisse|kompetenzen|it kenntnisse",
    "projects": "projects|personal projects|selected projects|key projects|academic projects|side projects|"
    "project|project examples|portfolio|proyectos|projets|projekte",
    "certifications": "certifications|certificates|licenses and certifications|licences and certifications|"
    "certifications and licenses|accreditations|professional certifications|courses and certifications|"
    "certificaciones|certificados|certifications professionnelles|zertifikate|zertifizierungen",
    "publications": "publications|selected publications|papers|research|patents|talks|invited talks|"
    "presentations|conference talks|publicaciones|veroffentlichungen|publikationen",
    "volunteering": "volunteering|volunteer experience|volunteer work|volunteer|community service|"
    "community involvement|voluntariado|benevolat|ehrenamt|ehrenamtliches engagement",
    "languages": "languages|spoken languages|language skills|idiomas|lenguas|langues|sprachen|sprachkenntnisse",
    "awards": "awards|honors|honours|awards and honors|honors and awards|achievements|accomplishments|"
    "key achievements|distinctions|scholarships|premios|logros|reconocimientos|distinctions et prix|"
    "auszeichnungen",
    "interests": "interests|hobbies|hobbies and interests|interests and hobbies|activities|"
    "extracurricular activities|intereses|aficiones|pasatiempos|loisirs|centres d interet|hobbys|interessen",
    "references": "references|referees|references available upon request|referencias|references professionnelles|"
    "referenzen",
    "contact": "contact|contacts|contact information|contact info|contact details|personal information|"
    "personal details|personal data|personal info|contact me at|contacto|datos personales|"
    "informacion personal|coordonnees|kontakt|kontaktdaten|personliche daten|persoenliche daten",
    "other": "additional information|other|miscellaneous|additional|informacion adicional|sonstiges",
}

# single words that carry a resume section's kind inside a longer heading ("Selected Honors", "Tools & Tech")
_RESUME_KEYWORDS = {
    "experience": "experience",
    "expirience": "experience",
    "experiance": "experience",
    "employment": "experience",
    "positions": "experience",
    "experiencia": "experience",
    "education": "education",
    "educations": "education",
    "educacion": "education",
    "formacion": "education",
    "skills": "skills",
    "competencies": "skills",
    "expertise": "skills",
    "technologies": "skills",
    "habilidades": "skills",
    "projects": "projects",
    "proyectos": "projects",
    "certifications": "certifications",
    "certificates": "certifications",
    "licenses": "certifications",
    "publications": "publications",
    "patents": "publications",
    "talks": "publications",
    "volunteering": "volunteering",
    "volunteer": "volunteering",
    "languages": "languages",
    "idiomas": "languages",
    "awards": "awards",
    "honors": "awards",
    "honours": "awards",
    "achievements": "awards",
    "interests": "interests",
    "hobbies": "interests",
    "references": "references",
    "summary": "summary",
    "profile": "summary",
    "objective": "summary",
}
_MODIFIERS = _wordset(
    "professional relevant work working selected technical key core other additional my academic and recent related "
    "industry personal career select notable major main prior previous past current full list of in the "
    "me at clickable examples necessary summary essential y e de en la del das und et des le la les"
)

_JOB_PHRASES = {
    "about": "about|about us|about the company|about the job|about the role|about the team|about the position|"
    "about this role|who we are|company overview|overview|job summary|summary|description|job description|"
    "role description|position summary|the role|the opportunity|the position|your opportunity|introduction|"
    "company profile|position purpose and key responsibilities|"
    "sobre nosotros|quienes somos|descripcion del trabajo|descripcion del puesto|descripcion|acerca de|"
    "a propos|qui sommes nous|description du poste|uber uns|wer wir sind|stellenbeschreibung",
    "responsibilities": "responsibilities|key responsibilities|main responsibilities|job responsibilities|"
    "duties|responsibilities and duties|duties and responsibilities|roles and responsibilities|"
    "role and responsibilities|what you ll do|what you will do|what you ll be doing|what you will be doing|"
    "what you get to do in this role|your role|your responsibilities|in this role you will|day to day|"
    "your impact|what the job involves|tasks|your tasks|job duties|essential duties|you will|"
    "day to day responsibilities include|your responsibilities will include|how you ll make an impact|"
    "responsabilidades|funciones|funciones del puesto|tareas|principales funciones|que haras|"
    "missions|vos missions|responsabilites|aufgaben|ihre aufgaben|deine aufgaben",
    "requirements": "requirements|qualifications|minimum qualifications|basic qualifications|"
    "required qualifications|required skills|requirements and qualifications|qualifications and requirements|"
    "what you bring|what we re looking for|what we are looking for|who you are|must have|must haves|"
    "skills|skills and experience|experience|education|your profile|desired candidate profile|"
    "candidate profile|necessary prerequisites|prerequisites|to be successful in this role you have|"
    "job requirements|key requirements|you have|you should have|what you need|what you ll need|"
    "duties and requirements|qualification|required experience|technical skills|key skills|about you|you are|"
    "what you ll bring|what you will bring|what you should have|the ideal candidate|ideal candidate|"
    "the ideal candidate will have|the ideal candidate will possess|ideal candidates will have|"
    "ideal candidate profile|what we need to see|minimum requirements|required skill sets|"
    "required skills and experience|education and experience|candidate requirements|quals|the quals|"
    "we need you to have|you will need|you ll need|what you will need|"
    "requisitos|requisitos minimos|requisitos del puesto|perfil|perfil requerido|lo que buscamos|"
    "que buscamos|formacion|experiencia|profil|profil recherche|exigences|competences requises|"
    "anforderungen|ihr profil|dein profil|was du mitbringst|was sie mitbringen",
    "preferred": "preferred qualifications|preferred skills|preferred experience|nice to have|nice to haves|"
    "bonus points|bonus|pluses|plus|good to have|good to have additional skills|additional skills|"
    "desired skills|desired qualifications|desirable|desirable skills|it s a plus|bonus if you have|"
    "deseable|deseables|valorable|se valorara|requisitos deseables|atouts|un plus|wunschenswert|"
    "von vorteil|nice to have skills|desired skills and experience|ways to stand out from the crowd|"
    "ways for you to stand out from the crowd|bonus points if|bonus points if you have|it s nice to have|"
    "its nice to have|nice if you have",
    "benefits": "benefits|perks|perks and benefits|benefits and perks|what we offer|we offer|compensation|"
    "salary|remuneration|compensation and benefits|why join us|why work with us|what s in it for you|"
    "what we can offer you|what you ll love|pay range|"
    "beneficios|ofrecemos|que ofrecemos|lo que ofrecemos|condiciones|condiciones del contrato|"
    "avantages|nous offrons|wir bieten|benefits bei uns|was wir bieten",
    "other": "how to apply|application process|apply|equal opportunity|equal opportunity employer|"
    "como aplicar|como postular|recomendaciones para postular|postula|comment postuler|bewerbung",
}
_JOB_KEYWORDS = {
    "responsibilities": "responsibilities",
    "duties": "responsibilities",
    "funciones": "responsibilities",
    "requirements": "requirements",
    "qualifications": "requirements",
    "requisitos": "requirements",
    "prerequisites": "requirements",
    "preferred": "preferred",
    "benefits": "benefits",
    "perks": "benefits",
    "beneficios": "benefits",
}

_LEAD_MARKUP = "#*_>=~`|•●▪■◦‣∙·➢➤►▶✓✔❖◆-"
_TRAIL_MARKUP = "#*_=~`|:：.…-"
_MARKUP_RE = re.compile(rf"^[\s{re.escape(_LEAD_MARKUP)}]+|[\s{re.escape(_TRAIL_MARKUP)}]+$")
_NUMBERING_RE = re.compile(r"^(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+", re.IGNORECASE)
_NON_WORD_RE = re.compile(r"[^\w\s]+")
_PARENTHESES_RE = re.compile(r"\([^)]*\)")


# letter-spaced text has two one-character words in a row; most lines have none and skip the split. The test opens
# on the blank before such a word (a character class, which the engine skips ahead to quickly); one that opens the
# line is tested apart
_TWO_SINGLES_RE = re.compile(r"\s\S\s+\S(?!\S)")
_TWO_SINGLES_AT_START_RE = re.compile(r"\S\s+\S(?!\S)")
_CHUNK_SPLIT_RE = re.compile(r"\s{2,}|\t")


def collapse_letter_spacing(text: str) -> str:
    """'W O R K  E X P E R I E N C E' -> 'WORK EXPERIENCE'; other text unchanged."""
    if _TWO_SINGLES_AT_START_RE.match(text) is None and _TWO_SINGLES_RE.search(text) is None:
        return text
    chunks = _CHUNK_SPLIT_RE.split(text.strip())
    tokens = [t for c in chunks for t in c.split(" ")]
    if len(tokens) < 4 or sum(len(t) == 1 and (t.isalpha() or t == "&") for t in tokens) < 0.8 * len(tokens):
        return text
    return " ".join(c.replace(" ", "") for c in chunks if c)


def normalize_heading(text: str) -> str:
    """Heading text reduced to comparable words: markup, numbering, colons and accents removed, lower case."""
    text = collapse_letter_spacing(text)
    # each step runs only where its pattern can apply (plain str tests are far cheaper than a regex pass)
    if text[:1] in _LEAD_MARKUP or text[-1:] in _TRAIL_MARKUP or text[:1].isspace() or text[-1:].isspace():
        text = _MARKUP_RE.sub("", text)
    if "." in text[:6] or ")" in text[:6]:
        text = _NUMBERING_RE.sub("", text)
    text = fold(text).replace("&", " and ").replace("+", " and ")
    if "(" in text:
        text = _PARENTHESES_RE.sub(" ", text)
    if not text.replace(" ", "").isalnum():
        text = _NON_WORD_RE.sub(" ", text)
    return collapse_letter_spacing(" ".join(text.split()))


RESUME_HEADINGS: dict[str, str] = _vocab(_RESUME_PHRASES)
JOB_HEADINGS: dict[str, str] = _vocab(_JOB_PHRASES)
_KEYWORDS: dict[int, dict[str, str]] = {id(RESUME_HEADINGS): _RESUME_KEYWORDS, id(JOB_HEADINGS): _JOB_KEYWORDS}
_SQUEEZED: dict[int, dict[str, str]] = {
    id(vocab): {phrase.replace(" ", ""): kind for phrase, kind in vocab.items() if " " in phrase}
    for vocab in (RESUME_HEADINGS, JOB_HEADINGS)
}


def heading_kind(text: str, vocabulary: Mapping[str, str] = RESUME_HEADINGS) -> str | None:
    """The canonical kind a heading line names, or None when the line is not a known heading.

    A known phrase, or a keyword with modifiers ("Selected Honors", "Relevant Work Experience"); one unknown
    word is tolerated in a line styled as a heading (capitals or a trailing colon: "Experience and participated
    projects:"). Letter-spaced headings whose word gap was lost ("W O R K E X P E R I E N C E") are matched
    without spaces.
    """
    if len(text) > 80 or text.rstrip().endswith(","):
        return None
    norm = normalize_heading(text)
    if not norm:
        return None
    if norm in vocabulary:
        return vocabulary[norm]
    if " " not in norm:
        squeezed = _SQUEEZED.get(id(vocabulary), {})
        if norm in squeezed:
            return squeezed[norm]
    words = norm.split()
    if len(words) > 5:
        return None
    keywords = _KEYWORDS.get(id(vocabulary), {})
    styled = text.rstrip().endswith(":") or all_capitals(text)
    allowed_unknown = 1 if styled and len(words) >= 3 else 0
    if id(vocabulary) == id(RESUME_HEADINGS) and len(words) <= 4 and words[-1] in _ROLE_TAILS and _title_case(text):
        allowed_unknown = 2  # "Web Dev Positions", "Software Engineering Experience"
    kind: str | None = None
    for word in words:
        if word in keywords:
            kind = kind or keywords[word]
        elif word not in _MODIFIERS and word not in vocabulary:
            allowed_unknown -= 1
            if allowed_unknown < 0:
                return None
    return kind


def heading_words(vocabulary: Mapping[str, str] = RESUME_HEADINGS) -> frozenset[str]:
    """Every word a known heading of ``vocabulary`` is made of (its phrases', keywords and modifiers), normalised as
    :func:`normalize_heading` does: a line whose first word is none of them opens with no known heading."""
    words = {w for phrase in vocabulary for w in phrase.split()}
    return frozenset(words | set(_KEYWORDS.get(id(vocabulary), {})) | _MODIFIERS)


_ROLE_TAILS = frozenset({"experience", "positions"})
_SMALL_WORDS = frozenset({"and", "of", "in", "the", "&", "/", "-"})


def _title_case(text: str) -> bool:
    """Every word starts with a capital, small joining words apart ("Software Engineering Experience")."""
    return all(word[:1].isupper() or word.lower() in _SMALL_WORDS for word in text.split())


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line, by its index in ``Document.lines``, and the section kind it opens."""

    index: int
    kind: str
    known: bool = True  # False for a heading recognised by its style only (kind 'other')


_DATE_OR_DIGIT_RE = re.compile(r"\d")
_SENTENCE_END_RE = re.compile(r"[.,;!?]$")


def all_capitals(text: str) -> bool:
    """Whether ``text`` has letters and all of them are capitals."""
    if not text.isupper():
        return False  # a small letter, or no cased letter at all
    # in ASCII the letters are exactly the cased characters; elsewhere an uncased letter (CJK) is no capital
    return text.isascii() or all(c.isupper() for c in text if c.isalpha())


def _style(line: Line) -> tuple[float, bool, bool] | None:
    """(font size to the half point, bold, all capitals) of a line with a layout; None without one."""
    if line.font_size is None:
        return None
    return round(line.font_size * 2) / 2, bool(line.bold), all_capitals(line.text)


def _could_be_heading(line: Line) -> bool:
    text = line.text.strip()
    if not text or line.list_item or len(text) > 60 or text[0].islower():
        return False
    if _SENTENCE_END_RE.search(text) or "@" in text or "://" in text or "," in text:
        return False
    words = collapse_letter_spacing(text).split()
    return 1 <= len(words) <= 6


def _has_content_after_colon(text: str) -> bool:
    _head, sep, tail = text.partition(":")
    return bool(sep) and bool(tail.strip())


def _name_line(doc: Document) -> int | None:
    """Index of the biggest-font line near the top of page 1 (a resume's name), if one stands out."""
    top = [(line.font_size, -i) for i, line in enumerate(doc.lines[:8]) if line.font_size is not None]
    if not top:
        return None
    biggest = max(top)
    return -biggest[1]


def detect_headings(doc: Document, vocabulary: Mapping[str, str] = RESUME_HEADINGS) -> list[Heading]:
    """Heading lines of ``doc``: those whose words are in ``vocabulary``, and (with a layout) lines in the
    same style as those, which become kind ``other``.

    A style-only heading needs a font larger than the body text's, or, where the recognised headings differ
    from the body by boldness only, bold capitals like theirs: bold alone also marks job titles and names.
    """
    headings: list[Heading] = []
    for i, line in enumerate(doc.lines):
        text = line.text.strip()
        if not text or line.list_item or _has_content_after_colon(text) or text[0].islower():
            continue
        kind = heading_kind(text, vocabulary)
        if kind is not None:
            headings.append(Heading(i, kind))
    styles = Counter(s for h in headings if (s := _style(doc.lines[h.index])) is not None)
    if not styles:
        return headings  # text without a layout (every style is None), or no heading with one
    line_styles = [_style(line) for line in doc.lines]
    body = Counter(s for s in line_styles if s is not None)
    heading_style, count = styles.most_common(1)[0]
    body_style = body.most_common(1)[0][0]
    if count >= 3:
        # "Volunteer" in mixed case under "VOLUNTEER EXPERIENCE" is a role title, not a heading
        headings = [
            h
            for h in headings
            if (s := line_styles[h.index]) is None
            or s == heading_style
            or s[0] > body_style[0] + 0.4
            or s[2] == heading_style[2]
        ]
    larger = heading_style[0] > body_style[0] + 0.4
    bold_caps = heading_style[1] and heading_style[2] and not body_style[1]
    if not (larger or bold_caps) or count < max(2, len(headings) // 2):
        return headings
    known = {h.index for h in headings}
    name = _name_line(doc)
    for i, line in enumerate(doc.lines):
        if i in known or i == name or line_styles[i] != heading_style or not _could_be_heading(line):
            continue
        if _DATE_OR_DIGIT_RE.search(line.text) and not larger:
            continue
        headings.append(Heading(i, "other", known=False))
    headings.sort(key=lambda h: h.index)
    return headings


_FURNITURE_RE = re.compile(
    r"^(?:page\s+\d+(?:\s+(?:of|/)\s+\d+)?|\d{1,3}\s*/\s*\d{1,3}|-\s*\d+\s*-|.{0,60}?\s[–—-]\s*\d{1,3}\s*/\s*\d{1,3}|"
    r"p[aá]gina\s+\d+(?:\s+de\s+\d+)?|seite\s+\d+(?:\s+von\s+\d+)?|last\s+updated\b.{0,40})$",
    re.IGNORECASE,
)


_DIGIT_RE = re.compile(r"\d")
# what a form opens with ("page", "página", "seite" and its long s, "last", a number, a dash); "Name – 1/2" aside,
# which has a slash
_FURNITURE_FIRST = frozenset("pPsSſlL-")


def _is_furniture(text: str) -> bool:
    # plain tests, far cheaper than the pattern: how the line opens, then a number, which every form but "last
    # updated" has (lower() folds the letters of "updated" as IGNORECASE does, in any script)
    first = text[:1]
    if first not in _FURNITURE_FIRST and not first.isdecimal() and "/" not in text:
        return False
    if _DIGIT_RE.search(text) is None and "updated" not in text.lower():
        return False
    return _FURNITURE_RE.match(text) is not None


def drop_page_furniture(doc: Document) -> Document:
    """``doc`` without page headers and footers ("Page 1 of 3", "John Doe – 1/2", "Last updated in May 2024").

    Only ``lines`` change; the text and every offset stay as they were.
    """
    kept = tuple(
        line for line in doc.lines if line.source not in ("header", "footer") and not _is_furniture(line.text.strip())
    )
    return doc if len(kept) == len(doc.lines) else replace(doc, lines=kept)


def sections_from_headings(doc: Document, headings: Sequence[Heading]) -> list[Section]:
    """One ``Section`` per heading, running to the last line before the next heading."""
    sections: list[Section] = []
    for n, h in enumerate(headings):
        line = doc.lines[h.index]
        stop = headings[n + 1].index if n + 1 < len(headings) else len(doc.lines)
        end = doc.lines[stop - 1].end if stop - 1 > h.index else line.end
        sections.append(Section(h.kind, line.text.strip(), line.start, end, line.end))
    return sections


@dataclass(frozen=True, slots=True)
class Item:
    """One logical line: a bullet or paragraph with the continuation lines it wrapped onto."""

    lines: tuple[Line, ...]
    text: str  # doc.text[start:end], newlines included
    start: int
    end: int
    list_item: bool
    _flat: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def flat(self) -> str:
        """The text on one line, single-spaced (worked out once: most steps read it)."""
        flat = self._flat
        if flat is None:
            flat = " ".join(self.text.split())
            object.__setattr__(self, "_flat", flat)
        return flat


_JOINER_END_RE = re.compile(
    r"(?:[,;&/(+\-–]|\b(?:and|or|of|the|to|with|for|in|on|a|an|by|at|as|y|o|e|u|de|del|la|el|los|las|en|con|para|por))$"
)
_LONGEST_JOINER = 4  # "with", "para"


def _ends_on_joiner(text: str) -> bool:
    """Whether ``text`` (stripped) ends on a joining word or mark (:data:`_JOINER_END_RE`). The search starts
    where the longest joiner would, not at the line's start: a ``$`` pattern otherwise tries every position."""
    return _JOINER_END_RE.search(text, max(0, len(text) - _LONGEST_JOINER)) is not None


_LABEL_START_RE = re.compile(r"^[\w][\w /&+#().\-]{0,40}:\s")


def _continues(first: Line, last: Line, line: Line) -> bool:
    """Whether ``line`` continues the item running from ``first`` to ``last`` (a list item if ``first`` is)."""
    if line.list_item:
        return False
    text = line.text.strip()
    if not text:
        return False
    if last.x0 is not None and line.x0 is not None and last.top is not None and line.top is not None:
        if last.page != line.page or last.bottom is None:
            return False
        height = max(last.bottom - last.top, 1.0)
        gap = line.top - last.bottom
        if gap > 0.75 * height or gap < -0.5 * height:
            return False
        if first.list_item:
            indent_ok = first.x0 is not None and first.x0 - 2 <= line.x0 <= first.x0 + 24
        else:
            indent_ok = abs(line.x0 - (first.x0 or 0)) <= 2
        if not indent_ok or (bool(line.bold) and not bool(last.bold)):
            return False
        if (line.font_size or 0) > (last.font_size or 0) + 0.5:
            return False
        return first.list_item or text[0].islower() or _ends_on_joiner(last.text.rstrip())
    if text.find(":", 1, 42) > 0 and _LABEL_START_RE.match(text):  # the colon a label ends with, first
        return False  # "total work: 2 years" is an entry of its own
    previous = last.text.rstrip()
    if (text[0].islower() and not previous.endswith((".", "!", "?", ":", ")"))) or text[0] in ",.;:)":
        return True
    return _ends_on_joiner(previous)


_MARKER_GLYPHS = "•●▪■◦‣∙·➢➤►▶✓✔❖◆◇○□➔→⁃–-*+"
_MARKER_RE = re.compile(rf"^\s*(?:[{re.escape(_MARKER_GLYPHS)}]|\d{{1,2}}[.)])\s+")
_MARKER_FIRST = frozenset(_MARKER_GLYPHS)


def _marker(text: str) -> re.Match[str] | None:
    """``_MARKER_RE.match(text)``, tried only on a line that opens with a glyph or a digit (few do)."""
    first = text.lstrip()[:1]
    return _MARKER_RE.match(text) if first in _MARKER_FIRST or first.isdecimal() else None


def merge_wrapped(doc: Document, lines: Sequence[Line], meta: Sequence[bool] | None = None) -> list[Item]:
    """Group ``lines`` into items, joining each wrapped continuation line to the bullet or line it continues.

    A line that still starts with a bullet glyph (one the document reader did not strip) is a list item
    whose text starts after the glyph. ``meta[i]`` marks lines that must stand alone (a date or location
    line under a role).
    """
    groups: list[list[Line]] = []  # the lines of each item; the items are made once their lines are known
    for i, line in enumerate(lines):
        marker = None if line.list_item else _marker(line.text)
        if marker is not None:
            line = replace(line, text=line.text[marker.end() :], start=line.start + marker.end(), list_item=True)
        if groups and not (meta is not None and meta[i]):
            group = groups[-1]
            if _continues(group[0], group[-1], line):
                group.append(line)
                continue
        groups.append([line])
    text = doc.text
    return [
        Item(tuple(group), text[group[0].start : group[-1].end], group[0].start, group[-1].end, group[0].list_item)
        for group in groups
    ]
