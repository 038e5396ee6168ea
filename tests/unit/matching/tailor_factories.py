"""Builders for tailoring tests: resumes and jobs as dataclasses, and a small fake skill extractor.

The fake extractor knows a dozen skills (with aliases and one related pair), so tests of the engine's rules
do not depend on the shipped taxonomy; tests against the real extractor live in test_golden_reports.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from matching.models import SkillKind, SkillMention
from matching.report import TailoringReport
from matching.tailor import TailorOptions, tailor
from parsers.models import (
    Bullet,
    Contact,
    DateValue,
    Document,
    Education,
    EducationAsked,
    JobPosting,
    Line,
    ParseQuality,
    Quantity,
    Requirement,
    Resume,
    Role,
    Section,
    SkillItem,
    YearsAsked,
)
from parsers.text import document_from_text

# id -> (name, kind, surfaces (first is canonical), related ids)
FAKE_SKILLS: dict[str, tuple[str, SkillKind, tuple[str, ...], tuple[str, ...]]] = {
    "python": ("Python", "programming_language", ("Python",), ()),
    "django": ("Django", "tool", ("Django",), ()),
    "kubernetes": ("Kubernetes", "tool", ("Kubernetes", "k8s"), ()),
    "docker": ("Docker", "tool", ("Docker",), ("terraform",)),
    "postgresql": ("PostgreSQL", "tool", ("PostgreSQL", "Postgres"), ("mysql",)),
    "mysql": ("MySQL", "tool", ("MySQL",), ("postgresql",)),
    "java": ("Java", "programming_language", ("Java",), ()),
    "kotlin": ("Kotlin", "programming_language", ("Kotlin",), ()),
    "aws": ("Amazon Web Services", "tool", ("AWS", "Amazon Web Services"), ()),
    "gcp": ("Google Cloud Platform", "tool", ("GCP", "Google Cloud Platform"), ()),
    "react": ("React", "tool", ("React", "ReactJS"), ()),
    "terraform": ("Terraform", "tool", ("Terraform",), ("docker",)),
    "communication": ("communication", "soft", ("communication",), ()),
    "rest_api": ("REST API", "knowledge", ("REST APIs", "REST API"), ()),
}
_PATTERNS = [
    (sid, surface, re.compile(r"(?<![\w+#])" + re.escape(surface) + r"(?![\w+#])", re.I))
    for sid, (_, _, surfaces, _) in FAKE_SKILLS.items()
    for surface in surfaces
]


def fake_extract(text: str) -> list[SkillMention]:
    """Every non-overlapping mention of a FAKE_SKILLS surface, longest first at each position."""
    found: list[SkillMention] = []
    taken: list[tuple[int, int]] = []
    hits = [(m.start(), m.end(), sid, surface) for sid, surface, rx in _PATTERNS for m in rx.finditer(text)]
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    for start, end, sid, _surface in hits:
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        name, kind, surfaces, _ = FAKE_SKILLS[sid]
        exact = text[start:end].lower() == surfaces[0].lower()
        found.append(
            SkillMention(
                start=start,
                end=end,
                surface=text[start:end],
                name=name,
                skill_id=sid,
                kind=kind,
                esco_uri=None,
                esco_label=None,
                match="exact" if exact else "alias",
                confidence=1.0,
            )
        )
    return found


def fake_related(skill_id: str) -> Sequence[str]:
    entry = FAKE_SKILLS.get(skill_id)
    return entry[3] if entry else ()


def fake_options(**kwargs: object) -> TailorOptions:
    from datetime import date

    params: dict[str, object] = {"as_of": date(2025, 6, 1), "extractor": fake_extract, "related": fake_related}
    params.update(kwargs)
    return TailorOptions(**params)  # type: ignore[arg-type]


@dataclass
class RoleSpec:
    title: str
    organization: str
    start: str  # iso
    end: str  # iso or 'present'
    bullets: Sequence[str]
    section: str = "experience"


def build_resume(
    *,
    name: str = "Ada Example",
    headline: str | None = "Software Engineer",
    summary: str | None = None,
    roles: Sequence[RoleSpec] = (),
    skills: Sequence[str] = (),
    education: Sequence[tuple[str, str, str]] = (),  # (degree text, level, field)
    email: str | None = "ada@example.com",
    phone: str | None = "+1 555 0100",
    doubtful: bool = False,
    columns: int = 1,
    has_tables: bool = False,
) -> Resume:
    """Lay the parts out as text (name, headline, contact, summary, experience, skills, education) with offsets."""
    parts: list[str] = []
    pos = 0

    def put(line: str) -> tuple[int, int]:
        nonlocal pos
        start = pos
        parts.append(line + "\n")
        pos += len(line) + 1
        return start, start + len(line)

    put(name)
    if headline:
        put(headline)
    put(" | ".join(x for x in (email, phone) if x) or "Somewhere")
    sections: list[Section] = []
    summary_bullet = None
    if summary:
        h = put("Summary")
        s, e = put(summary)
        summary_bullet = Bullet(summary, s, e)
        sections.append(Section("summary", "Summary", h[0], e, h[1] + 1))
    built_roles: list[Role] = []
    if roles:
        h = put("Experience")
        sec_start = h[0]
        for spec in roles:
            r_start, _ = put(f"{spec.title}, {spec.organization}  {spec.start} – {spec.end}")
            bullets: list[Bullet] = []
            for text in spec.bullets:
                put("• " + text)
                b_start = pos - len(text) - 1
                qty = tuple(Quantity(m.group(), "count", float(m.group())) for m in re.finditer(r"\d+", text))
                bullets.append(Bullet(text, b_start, b_start + len(text), qty))
            built_roles.append(
                Role(
                    title=spec.title,
                    organization=spec.organization,
                    start=r_start,
                    end=pos - 1,
                    section=spec.section,
                    start_date=DateValue(spec.start, spec.start),
                    end_date=DateValue(spec.end, spec.end),
                    bullets=tuple(bullets),
                )
            )
        sections.append(Section("experience", "Experience", sec_start, pos, h[1] + 1))
    skill_items: list[SkillItem] = []
    if skills:
        h = put("Skills")
        line_start = pos
        line = ", ".join(skills)
        put(line)
        offset = line_start
        for item in skills:
            skill_items.append(SkillItem(item, offset, offset + len(item)))
            offset += len(item) + 2
        sections.append(Section("skills", "Skills", h[0], pos, h[1] + 1))
    edus: list[Education] = []
    if education:
        h = put("Education")
        for degree, level, field in education:
            s, e = put(degree)
            edus.append(Education(s, e, degree=degree, level=level, field=field))
        sections.append(Section("education", "Education", h[0], pos, h[1] + 1))
    text = "".join(parts)
    doc = document_from_text(text)
    doc = Document(text=doc.text, format="text", lines=doc.lines, page_count=1, columns=columns, has_tables=has_tables)
    assert doc.text == text
    return Resume(
        document=doc,
        contact=Contact(name=name, email=email, phone=phone),
        sections=tuple(sections),
        roles=tuple(built_roles),
        education=tuple(edus),
        certifications=(),
        skills=tuple(skill_items),
        parse_quality=ParseQuality(doubtful=doubtful, text_chars=len(text), sections_found=len(sections)),
        headline=headline,
        summary=summary_bullet,
    )


@dataclass
class ReqSpec:
    text: str
    kind: str = "required"
    years: Sequence[YearsAsked] = ()
    education: EducationAsked | None = None
    alternatives: Sequence[tuple[str, ...]] = ()


def build_job(
    title: str | None,
    requirements: Sequence[ReqSpec | str],
    *,
    responsibilities: Sequence[str] = (),
    about: str | None = None,
) -> JobPosting:
    parts: list[str] = []
    pos = 0

    def put(line: str) -> tuple[int, int]:
        nonlocal pos
        start = pos
        parts.append(line + "\n")
        pos += len(line) + 1
        return start, start + len(line)

    sections: list[Section] = []
    if title:
        put(title)
    if about:
        h = put("About us")
        put(about)
        sections.append(Section("about", "About us", h[0], pos, h[1] + 1))
    resp: list[Bullet] = []
    if responsibilities:
        h = put("Responsibilities")
        for text in responsibilities:
            s, e = put(text)
            resp.append(Bullet(text, s, e))
        sections.append(Section("responsibilities", "Responsibilities", h[0], pos, h[1] + 1))
    reqs: list[Requirement] = []
    if requirements:
        h = put("Requirements")
        for spec in requirements:
            spec = spec if isinstance(spec, ReqSpec) else ReqSpec(spec)
            s, e = put(spec.text)
            reqs.append(
                Requirement(
                    text=spec.text,
                    start=s,
                    end=e,
                    kind="preferred" if spec.kind == "preferred" else "required",
                    years=tuple(spec.years),
                    education=spec.education,
                    alternatives=tuple(spec.alternatives),
                )
            )
        sections.append(Section("requirements", "Requirements", h[0], pos, h[1] + 1))
    text = "".join(parts)
    doc = document_from_text(text)
    lines = tuple(Line(ln.text, ln.start, ln.end) for ln in doc.lines)
    return JobPosting(
        document=Document(text=text, format="text", lines=lines),
        title=title,
        company="Example Co",
        sections=tuple(sections),
        requirements=tuple(reqs),
        responsibilities=tuple(resp),
    )


SENIOR_PYTHON_BULLETS = ("Developed a scalable API for an e-commerce platform using Python, Django and PostgreSQL",)


def senior_python_resume() -> Resume:
    """One current role whose bullet shows Python, Django and PostgreSQL (programming and databases, no more)."""
    return build_resume(
        roles=[RoleSpec("Senior Python Developer", "ABC Company", "2019-01", "present", list(SENIOR_PYTHON_BULLETS))]
    )


def real_options() -> TailorOptions:
    """The real taxonomy and extractor, on a fixed date."""
    from datetime import date

    return TailorOptions(as_of=date(2025, 6, 1))


BUSINESS_PROCESSES = "Able to create database schemas that represent and support business processes"


def broad_area_gap(second_line: str) -> tuple[Resume, JobPosting, TailoringReport, TailorOptions]:
    """:func:`senior_python_resume` against an ad asking "business processes" (a broad area the resume does not
    show) and ``second_line``, with the real taxonomy: the resume, the job, the report and the options."""
    options = real_options()
    resume = senior_python_resume()
    job = build_job("Backend Developer", [BUSINESS_PROCESSES, second_line])
    return resume, job, tailor(resume, job, options=options), options
