"""Turn resumes, cover letters and job descriptions (PDF, DOCX, text, Markdown) into structure.

Pure: no web or database imports. Public API::

    parse_document(data, filename=None) -> Document
    parse_resume(data, filename=None) -> Resume
    parse_job(data, filename=None) -> JobPosting
"""

from parsers.document import parse_document
from parsers.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextError,
    ParserError,
    TooManyPagesError,
    UnsupportedFormatError,
)
from parsers.job import job_from_document, parse_job
from parsers.models import (
    Bullet,
    Certification,
    Contact,
    DateValue,
    Document,
    Education,
    EducationAsked,
    JobPosting,
    Line,
    Link,
    ParseQuality,
    QualityIssue,
    Quantity,
    Requirement,
    Resume,
    Role,
    Section,
    SkillItem,
    YearsAsked,
)
from parsers.resume import parse_resume, resume_from_document

__all__ = [
    "Bullet",
    "Certification",
    "Contact",
    "CorruptDocumentError",
    "DateValue",
    "Document",
    "DocumentTooLargeError",
    "Education",
    "EducationAsked",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "JobPosting",
    "Line",
    "Link",
    "NoTextError",
    "ParseQuality",
    "ParserError",
    "QualityIssue",
    "Quantity",
    "Requirement",
    "Resume",
    "Role",
    "Section",
    "SkillItem",
    "TooManyPagesError",
    "UnsupportedFormatError",
    "YearsAsked",
    "job_from_document",
    "parse_document",
    "parse_job",
    "parse_resume",
    "resume_from_document",
]
