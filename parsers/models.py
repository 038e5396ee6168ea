"""Domain types produced by the parsers: frozen dataclasses, no web or database types.

Every item that points into a document carries ``start``/``end`` character offsets into ``Document.text``
(so ``doc.text[item.start:item.end]`` is the item's text), which lets reports quote evidence exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DocumentFormat = Literal["pdf", "docx", "text", "markdown"]
LineSource = Literal["body", "table", "header", "footer", "textbox"]
RequirementKind = Literal["required", "preferred"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text in reading order, with its layout where the format has one."""

    text: str
    start: int
    end: int
    page: int = 1  # 1-based
    x0: float | None = None  # PDF points from the page's left edge
    top: float | None = None  # PDF points from the page's top edge
    x1: float | None = None
    bottom: float | None = None
    font_size: float | None = None
    bold: bool | None = None
    column: int = 0  # 0 = full width / only column; 1, 2 = left, right column of a multi-column page
    list_item: bool = False  # a bullet or numbered list item (marker removed from text)
    source: LineSource = "body"


@dataclass(frozen=True, slots=True)
class Document:
    """The text of a document in reading order, and its lines."""

    text: str
    format: DocumentFormat
    lines: tuple[Line, ...]
    page_count: int = 1
    columns: int = 1  # most columns found on any page
    has_tables: bool = False
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as written (``raw``) and normalised: ``YYYY-MM``, ``YYYY`` or ``present``."""

    raw: str
    iso: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number a bullet carries: 30%, $2M, 12 engineers, 3 weeks."""

    raw: str
    kind: Literal["percent", "money", "count", "duration"]
    value: float | None = None


@dataclass(frozen=True, slots=True)
class Bullet:
    """An achievement line (or sentence) under a role, project or summary."""

    text: str
    start: int
    end: int
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A section of a document: its canonical ``kind`` and the heading as written."""

    kind: str  # resume: summary, experience, education, skills, projects, certifications, publications,
    # volunteering, languages, awards, interests, references, contact, other
    # job: about, responsibilities, requirements, preferred, benefits, other
    heading: str
    start: int  # offset of the heading
    end: int  # offset where the section's content ends
    content_start: int = 0  # offset just after the heading


@dataclass(frozen=True, slots=True)
class Link:
    kind: Literal["linkedin", "github", "portfolio", "other"]
    url: str


@dataclass(frozen=True, slots=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Role:
    """A dated entry under experience, projects or volunteering."""

    title: str | None
    organization: str | None
    start: int
    end: int
    section: str = "experience"
    location: str | None = None
    start_date: DateValue | None = None
    end_date: DateValue | None = None
    bullets: tuple[Bullet, ...] = ()


@dataclass(frozen=True, slots=True)
class Education:
    start: int
    end: int
    degree: str | None = None
    level: str | None = None  # high_school, associate, bachelor, master, doctorate
    field: str | None = None
    institution: str | None = None
    start_date: DateValue | None = None
    end_date: DateValue | None = None


@dataclass(frozen=True, slots=True)
class Certification:
    name: str
    start: int
    end: int
    date: DateValue | None = None


@dataclass(frozen=True, slots=True)
class SkillItem:
    """One item of a skills section, with its sub-label ("Languages", "Tools") when there is one."""

    text: str
    start: int
    end: int
    category: str | None = None


@dataclass(frozen=True, slots=True)
class QualityIssue:
    code: str  # no_sections, merged_columns, little_text, no_contact, no_dates, no_roles, ...
    message: str


@dataclass(frozen=True, slots=True)
class ParseQuality:
    """What could not be found or looks doubtful; ``doubtful`` is True when the parse should not be trusted."""

    doubtful: bool
    issues: tuple[QualityIssue, ...] = ()
    text_chars: int = 0
    sections_found: int = 0


@dataclass(frozen=True, slots=True)
class Resume:
    document: Document
    contact: Contact
    sections: tuple[Section, ...]
    roles: tuple[Role, ...]
    education: tuple[Education, ...]
    certifications: tuple[Certification, ...]
    skills: tuple[SkillItem, ...]
    parse_quality: ParseQuality
    headline: str | None = None
    summary: Bullet | None = None

    @property
    def text(self) -> str:
        return self.document.text


@dataclass(frozen=True, slots=True)
class YearsAsked:
    """'5+ years of Python' -> min_years=5, max_years=None, subject='Python'."""

    raw: str
    min_years: float
    max_years: float | None = None
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class EducationAsked:
    """'BS in Computer Science or equivalent' -> level='bachelor', fields=('Computer Science',), or_equivalent."""

    raw: str
    level: str | None = None  # high_school, associate, bachelor, master, doctorate
    fields: tuple[str, ...] = ()
    or_equivalent: bool = False


@dataclass(frozen=True, slots=True)
class Requirement:
    """One requirement line of a job ad, classified required or preferred."""

    text: str
    start: int
    end: int
    kind: RequirementKind
    section: str | None = None
    years: tuple[YearsAsked, ...] = ()
    education: EducationAsked | None = None
    alternatives: tuple[tuple[str, ...], ...] = ()  # either/or groups: (("Java", "Kotlin"),)


@dataclass(frozen=True, slots=True)
class JobPosting:
    document: Document
    title: str | None
    company: str | None
    sections: tuple[Section, ...]
    requirements: tuple[Requirement, ...]
    responsibilities: tuple[Bullet, ...] = ()
    education: tuple[EducationAsked, ...] = ()
    years: tuple[YearsAsked, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return self.document.text
