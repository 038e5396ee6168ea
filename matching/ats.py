"""Searchability checks: what an applicant tracking system (ATS) may fail to read in a resume.

Each check has a stable ``id``, ``passed``, a message in plain words and a severity (``risk`` when content
may be lost, ``warning`` when it may be misread, ``info`` otherwise). The checks read only the parsed resume.
"""

from __future__ import annotations

from matching.report import AtsCheck
from parsers.models import Resume

__all__ = ["MAX_WORDS", "MIN_WORDS", "STANDARD_SECTIONS", "check_ats"]

STANDARD_SECTIONS = ("experience", "education", "skills")
MIN_WORDS = 200
MAX_WORDS = 1100
MAX_PAGES = 2
_HEADINGS = {"experience": "Experience", "education": "Education", "skills": "Skills"}


def _contact(resume: Resume) -> list[AtsCheck]:
    contact = resume.contact
    checks = [
        AtsCheck(
            "email",
            contact.email is not None,
            "An email address was found." if contact.email else "No email address was found: add one near the top.",
            "info" if contact.email else "risk",
        ),
        AtsCheck(
            "phone",
            contact.phone is not None,
            "A phone number was found." if contact.phone else "No phone number was found: add one near the top.",
            "info" if contact.phone else "warning",
        ),
    ]
    if contact.email:
        pos = resume.text.find(contact.email)
        line = next((ln for ln in resume.document.lines if ln.start <= pos < ln.end), None) if pos >= 0 else None
        in_margin = line is not None and line.source in ("header", "footer")
        checks.append(
            AtsCheck(
                "contact_in_body",
                not in_margin,
                "Contact details are in the body of the page."
                if not in_margin
                else "Your email is in the page header or footer, which some systems skip: repeat it in the body.",
                "info" if not in_margin else "warning",
            )
        )
    return checks


def _sections(resume: Resume) -> AtsCheck:
    kinds = {s.kind for s in resume.sections}
    missing = [_HEADINGS[k] for k in STANDARD_SECTIONS if k not in kinds]
    unusual = [s.heading for s in resume.sections if s.kind == "other" and s.heading.strip()]
    if not missing and not unusual:
        return AtsCheck("section_headings", True, "Standard section headings were found.", "info")
    parts = []
    if missing:
        parts.append("no heading recognised as " + ", ".join(missing))
    if unusual:
        parts.append("headings a system may not recognise: " + ", ".join(f"'{h}'" for h in unusual[:4]))
    return AtsCheck(
        "section_headings",
        False,
        "Use standard headings (Experience, Education, Skills): " + "; ".join(parts) + ".",
        "warning",
    )


def _dates(resume: Resume) -> AtsCheck:
    roles = [r for r in resume.roles if r.section != "projects"]
    if not roles:
        return AtsCheck(
            "dates",
            False,
            "No dated roles were recognised: give each role a start and end ('Jan 2020 – Mar 2023').",
            "warning",
        )
    dated = sum(r.start_date is not None for r in roles)
    if dated == len(roles):
        return AtsCheck("dates", True, f"All {len(roles)} roles have dates a system can read.", "info")
    return AtsCheck(
        "dates",
        False,
        f"{len(roles) - dated} of {len(roles)} roles have no readable dates: write them as 'Jan 2020 – Mar 2023'.",
        "warning",
    )


def _text(resume: Resume) -> AtsCheck:
    codes = {i.code for i in resume.parse_quality.issues}
    words = len(resume.text.split())
    if resume.parse_quality.doubtful or "little_text" in codes or words < 50:
        issues = "; ".join(i.message for i in resume.parse_quality.issues[:3])
        return AtsCheck(
            "text_extractable",
            False,
            "Little text could be read from the file"
            + (f" ({issues})" if issues else "")
            + ": a system will see what this report sees. Export a text-based PDF or DOCX.",
            "risk",
        )
    return AtsCheck("text_extractable", True, "The text of the file can be read.", "info")


def _layout(resume: Resume) -> list[AtsCheck]:
    doc = resume.document
    return [
        AtsCheck(
            "single_column",
            doc.columns <= 1,
            "The layout is a single column."
            if doc.columns <= 1
            else f"The layout has {doc.columns} columns: some systems read across them and mix lines up. "
            "A single column is safest.",
            "info" if doc.columns <= 1 else "risk",
        ),
        AtsCheck(
            "no_tables",
            not doc.has_tables,
            "No tables were found."
            if not doc.has_tables
            else "The resume uses tables: some systems skip or scramble their cells. Plain lines are safest.",
            "info" if not doc.has_tables else "risk",
        ),
    ]


def _length(resume: Resume) -> AtsCheck:
    words = len(resume.text.split())
    pages = resume.document.page_count
    if words < MIN_WORDS:
        return AtsCheck(
            "length",
            False,
            f"{words} words: short. Add results and context to your bullets.",
            "warning",
        )
    if words > MAX_WORDS or pages > MAX_PAGES:
        return AtsCheck(
            "length",
            False,
            f"{words} words on {pages} page(s): long. Keep the roles that matter for this job and cut the rest.",
            "warning",
        )
    return AtsCheck("length", True, f"{words} words on {pages} page(s): a good length.", "info")


def check_ats(resume: Resume) -> tuple[AtsCheck, ...]:
    """All searchability checks, in a stable order."""
    return (
        *_contact(resume),
        _sections(resume),
        _dates(resume),
        _text(resume),
        *_layout(resume),
        _length(resume),
    )
