"""Wire schemas (``...Out``) of the API. Domain types never double as the API: these are read from them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "HealthOut",
    "JobOut",
    "ProblemDetails",
    "ResumeOut",
    "StoredResumeListOut",
    "StoredResumeOut",
    "job_out",
    "resume_out",
]


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ProblemDetails(BaseModel):
    """RFC 9457 problem details (``application/problem+json``)."""

    type: str = Field(examples=["/problems/unsupported-format"])
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[dict[str, Any]] | None = None


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
    taxonomy_skills: int | None = None


class DateOut(_Out):
    raw: str
    iso: str = Field(description="YYYY-MM, YYYY, or 'present'")


class QuantityOut(_Out):
    raw: str
    kind: str
    value: float | None = None


class BulletOut(_Out):
    text: str
    start: int
    end: int
    quantities: list[QuantityOut] = []


class SectionOut(_Out):
    kind: str
    heading: str
    start: int
    end: int


class LinkOut(_Out):
    kind: str
    url: str


class ContactOut(_Out):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    links: list[LinkOut] = []


class RoleOut(_Out):
    title: str | None
    organization: str | None
    section: str
    location: str | None = None
    start_date: DateOut | None = None
    end_date: DateOut | None = None
    start: int
    end: int
    bullets: list[BulletOut] = []


class EducationOut(_Out):
    degree: str | None = None
    level: str | None = None
    field: str | None = None
    institution: str | None = None
    start_date: DateOut | None = None
    end_date: DateOut | None = None
    start: int
    end: int


class CertificationOut(_Out):
    name: str
    date: DateOut | None = None
    start: int
    end: int


class SkillItemOut(_Out):
    text: str
    category: str | None = None
    start: int
    end: int


class QualityIssueOut(_Out):
    code: str
    message: str


class ParseQualityOut(_Out):
    doubtful: bool
    issues: list[QualityIssueOut] = []
    text_chars: int
    sections_found: int


class DocumentInfoOut(BaseModel):
    format: str
    page_count: int
    columns: int
    has_tables: bool
    warnings: list[str] = []


class ResumeOut(BaseModel):
    """A parsed resume; every ``start``/``end`` is a character offset into ``text``."""

    text: str = Field(description="The text that was read, in reading order.")
    document: DocumentInfoOut
    contact: ContactOut
    headline: str | None = None
    summary: BulletOut | None = None
    sections: list[SectionOut]
    roles: list[RoleOut]
    education: list[EducationOut]
    certifications: list[CertificationOut]
    skills: list[SkillItemOut]
    parse_quality: ParseQualityOut


class YearsAskedOut(_Out):
    raw: str
    min_years: float
    max_years: float | None = None
    subject: str | None = None


class EducationAskedOut(_Out):
    raw: str
    level: str | None = None
    fields: list[str] = []
    or_equivalent: bool = False


class RequirementOut(_Out):
    text: str
    kind: Literal["required", "preferred"]
    section: str | None = None
    start: int
    end: int
    years: list[YearsAskedOut] = []
    education: EducationAskedOut | None = None
    alternatives: list[list[str]] = []


class JobOut(BaseModel):
    """A parsed job description; every ``start``/``end`` is a character offset into ``text``."""

    text: str = Field(description="The text that was read, in reading order.")
    document: DocumentInfoOut
    title: str | None
    company: str | None
    sections: list[SectionOut]
    requirements: list[RequirementOut]
    responsibilities: list[BulletOut]
    education: list[EducationAskedOut]
    years: list[YearsAskedOut]
    warnings: list[str] = []


def _document_info(doc: Any) -> DocumentInfoOut:
    return DocumentInfoOut(
        format=doc.format,
        page_count=doc.page_count,
        columns=doc.columns,
        has_tables=doc.has_tables,
        warnings=list(doc.warnings),
    )


def resume_out(resume: Any) -> ResumeOut:
    """Map a ``parsers.Resume`` to its wire schema."""
    return ResumeOut.model_validate(
        {
            "text": resume.document.text,
            "document": _document_info(resume.document),
            "contact": ContactOut.model_validate(resume.contact),
            "headline": resume.headline,
            "summary": BulletOut.model_validate(resume.summary) if resume.summary else None,
            "sections": [SectionOut.model_validate(s) for s in resume.sections],
            "roles": [RoleOut.model_validate(r) for r in resume.roles],
            "education": [EducationOut.model_validate(e) for e in resume.education],
            "certifications": [CertificationOut.model_validate(c) for c in resume.certifications],
            "skills": [SkillItemOut.model_validate(s) for s in resume.skills],
            "parse_quality": ParseQualityOut.model_validate(resume.parse_quality),
        }
    )


def job_out(job: Any) -> JobOut:
    """Map a ``parsers.JobPosting`` to its wire schema."""
    return JobOut.model_validate(
        {
            "text": job.document.text,
            "document": _document_info(job.document),
            "title": job.title,
            "company": job.company,
            "sections": [SectionOut.model_validate(s) for s in job.sections],
            "requirements": [RequirementOut.model_validate(r) for r in job.requirements],
            "responsibilities": [BulletOut.model_validate(b) for b in job.responsibilities],
            "education": [EducationAskedOut.model_validate(e) for e in job.education],
            "years": [YearsAskedOut.model_validate(y) for y in job.years],
            "warnings": list(job.warnings),
        }
    )


class StoredResumeOut(BaseModel):
    """A stored resume: its id (use it as ``resume_id`` elsewhere) and what was read from it."""

    id: str
    created_at: datetime
    filename: str | None
    format: str
    size_bytes: int
    sha256: str
    resume: ResumeOut | None = Field(default=None, description="The parsed resume (omitted in listings).")


class StoredResumeListOut(BaseModel):
    items: list[StoredResumeOut]
    limit: int
    offset: int
