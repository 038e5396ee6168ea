"""Job ads from the real corpus (``../shared/data/corpus/jobs``, DOCX and PDF, one family in Spanish).

Titles and requirement counts were read off each ad by hand: exact counts where the ad lists its
qualifications cleanly under headings, lower bounds where it mixes lists with prose or web-page clutter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.job import parse_job
from parsers.models import JobPosting

pytestmark = pytest.mark.corpus

# file: (title, required, preferred, exact counts?)
ADS: dict[str, tuple[str, int, int, bool]] = {
    "docx/Backend Developer.docx": ("Backend Developer - Python/Django", 15, 5, False),
    "docx/Billing cum Logistics Manager.docx": ("Billing cum Logistics Manager", 0, 0, True),
    "docx/Director of Engineering.docx": ("Director of Engineering, Google Cloud", 3, 6, True),
    "docx/Global Industry Content Manager.docx": ("Global Industry Content Manager", 3, 5, True),
    "docx/HTML Developer.docx": ("HTML Developer", 4, 1, False),
    "docx/IT Project Manager.docx": ("IT Project Manager", 2, 0, True),
    "docx/Lead Technical Program Manager.docx": (
        "Lead Technical Program Manager, Site Reliability Engineering",
        4,
        5,
        True,
    ),
    "docx/Primary English Teacher.docx": ("Facilitator for fREADom Live Classes", 5, 2, False),
    "docx/Revenue Reporting Data Analyst.docx": (
        "Revenue Reporting Data Analyst, Business Finance Accounting",
        4,
        6,
        True,
    ),
    "docx/Senior Product Manager.docx": ("Senior Product Manager, Hardware Enablement, Chrome OS Platform", 4, 4, True),
    "docx/Senior Software Developer.docx": ("Senior Software Developer", 8, 3, False),
    "docx/Web Developer.docx": ("Web Developer", 8, 1, False),
    "pdf/BBVA BANCO CONTINENTAL_ Convocatoria para Practicante data Analytics en Lima.pdf": (
        "Convocatoria para Practicante data Analytics",
        5,
        0,
        False,
    ),
    "pdf/job_desc_front_end_engineer.pdf": ("Front-end", 6, 0, True),
    "pdf/job_desc_full_stack_engineer.pdf": ("Desarrollador Full Stack", 7, 0, True),
    "pdf/job_desc_java_developer.pdf": ("Java developer", 6, 0, True),
    "pdf/job_desc_product_manager.pdf": ("Product Manager", 7, 0, True),
    "pdf/servicenow job1.pdf": ("Senior Software Engineer", 15, 3, False),
}


def _job(shared_data: Path, name: str) -> JobPosting:
    path = shared_data / "corpus" / "jobs" / name
    return parse_job(path.read_bytes(), path.name)


@pytest.mark.parametrize("name", sorted(ADS))
def test_job_ads_give_title_and_required_and_preferred_requirements(shared_data: Path, name: str) -> None:
    job = _job(shared_data, name)
    title, required, preferred, exact = ADS[name]
    assert job.title == title
    got_required = sum(r.kind == "required" for r in job.requirements)
    got_preferred = sum(r.kind == "preferred" for r in job.requirements)
    if exact:
        assert (got_required, got_preferred) == (required, preferred)
    else:
        assert got_required >= required
        assert got_preferred >= preferred
    for r in job.requirements:
        assert job.text[r.start : r.end] == r.text
    for b in job.responsibilities:
        assert job.text[b.start : b.end] == b.text


def test_google_style_minimum_qualifications_read_degree_and_years(shared_data: Path) -> None:
    job = _job(shared_data, "docx/Senior Product Manager.docx")
    degree = job.requirements[0].education
    assert degree is not None
    assert (degree.level, degree.fields, degree.or_equivalent) == ("bachelor", ("Computer Science",), True)
    assert [(y.min_years, y.subject, r.kind) for r in job.requirements for y in r.years] == [
        (5, "product management", "required"),
        (8, "product management", "preferred"),
        (2, "computer or mobile SoC manufacturers", "preferred"),
    ]
    assert len(job.responsibilities) == 5
    assert job.company == "Google"


def test_phrase_cues_make_preferred_lines_inside_a_qualifications_list(shared_data: Path) -> None:
    job = _job(shared_data, "pdf/servicenow job1.pdf")
    preferred = [" ".join(r.text.split()) for r in job.requirements if r.kind == "preferred"]
    assert preferred[:2] == [
        "Preferred expertise with integrations and Integration Hub",
        "Preferred knowledge of either python or Java.",
    ]
    either = next(r for r in job.requirements if "either python" in r.text)
    assert either.alternatives == (("python", "Java"),)
    years = [(y.min_years, y.max_years) for y in job.years]
    assert years[:2] == [(6, 10), (5, None)]


def test_spanish_ads_have_spanish_sections(shared_data: Path) -> None:
    for name in ("pdf/job_desc_java_developer.pdf", "pdf/job_desc_full_stack_engineer.pdf"):
        job = _job(shared_data, name)
        assert [s.kind for s in job.sections] == [
            "about",
            "about",
            "responsibilities",
            "requirements",
            "benefits",
            "other",
        ]
        assert job.company in {"BBVA", "Banco BBVA"}
        assert len(job.responsibilities) >= 5


# the company each ad names, read off the ad by hand (None: the ad names none)
COMPANIES: dict[str, str | None] = {
    "docx/Backend Developer.docx": None,
    "docx/Billing cum Logistics Manager.docx": "Detel India",  # "Company profile : detel-india.com"
    "docx/Director of Engineering.docx": "Google Cloud",  # "Google Cloud provides organizations with..."
    "docx/Global Industry Content Manager.docx": "Google",
    "docx/HTML Developer.docx": "Slidesigma India LLC",
    "docx/IT Project Manager.docx": None,
    "docx/Lead Technical Program Manager.docx": "Google",
    "docx/Primary English Teacher.docx": "Stones2Milestones",
    "docx/Revenue Reporting Data Analyst.docx": "Google",  # "educate users on Google’s revenue data sets"
    "docx/Senior Product Manager.docx": "Google",
    "docx/Senior Software Developer.docx": None,
    "docx/Web Developer.docx": None,
    "pdf/BBVA BANCO CONTINENTAL_ Convocatoria para Practicante data Analytics en Lima.pdf": "BBVA BANCO CONTINENTAL",
    "pdf/job_desc_front_end_engineer.pdf": "BBVA",
    "pdf/job_desc_full_stack_engineer.pdf": "Banco BBVA",
    "pdf/job_desc_java_developer.pdf": "BBVA",
    "pdf/job_desc_product_manager.pdf": "BBVA",
    "pdf/servicenow job1.pdf": "ServiceNow",  # printed page titled "servicenow jobs"
}


def test_every_ad_gives_the_company_it_names(shared_data: Path) -> None:
    got = {name: _job(shared_data, name).company for name in COMPANIES}
    assert got == COMPANIES
