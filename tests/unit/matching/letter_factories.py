"""A fictional resume, job and letters for the cover-letter, interview and learning-plan tests.

Built with the tailoring tests' builders and their fake extractor (a dozen skills, PostgreSQL related to
MySQL), so these tests check the letter rules, not the shipped taxonomy.
"""

from __future__ import annotations

import os
from pathlib import Path

from matching.report import TailoringReport
from matching.tailor import TailorOptions, tailor
from parsers.models import JobPosting, Resume
from tests.unit.matching.tailor_factories import ReqSpec, RoleSpec, build_job, build_resume, fake_options

__all__ = ["GOOD_LETTER", "check_golden", "job", "options", "report", "resume"]

ROLES = (
    RoleSpec(
        "Senior Backend Engineer",
        "Acme Corp",
        "2021-01",
        "present",
        (
            "Built a Python and Django billing service handling 2 million requests a day",
            "Cut MySQL query latency by 40% by adding indexes",
            "Led a team of 5 engineers through a Docker migration",
        ),
    ),
    RoleSpec(
        "Software Engineer",
        "Initech",
        "2018-06",
        "2020-12",
        ("Maintained Java services on AWS", "Wrote REST APIs used by 12 partner teams"),
    ),
)

GOOD_LETTER = """Dear Ms. Rivera,

I am applying for the Backend Engineer role at Example Co. I currently work as Senior Backend Engineer at Acme Corp.

At Acme Corp I built a Python and Django billing service handling 2 million requests a day. I also cut MySQL query \
latency by 40% by adding indexes. At Initech I wrote REST APIs used by 12 partner teams.

I would welcome the chance to discuss how I could help your team.

Sincerely,
Ada Example
"""


def resume() -> Resume:
    return build_resume(
        headline="Backend Engineer",
        roles=ROLES,
        skills=("Python", "Java", "MySQL", "Docker", "AWS"),
        education=(("BSc Computer Science", "bachelor", "Computer Science"),),
    )


def job(title: str = "Backend Engineer") -> JobPosting:
    return build_job(
        title,
        [
            "3+ years of experience with Python",
            "Experience with PostgreSQL and Docker",
            "Kubernetes in production",
            "Experience designing REST APIs",
            ReqSpec("Terraform is a plus", kind="preferred"),
        ],
    )


def options() -> TailorOptions:
    return fake_options()


def report(r: Resume, j: JobPosting) -> TailoringReport:
    return tailor(r, j, options=options())


GOLDEN = Path(__file__).resolve().parent / "golden_letters"
UPDATE_HINT = (
    "UPDATE_GOLDEN=1 .venv/bin/pytest -k golden tests/unit/matching/test_letters.py "
    "tests/unit/matching/test_drafting.py tests/unit/matching/test_interview.py"
)


def check_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with ``golden_letters/<name>``; with UPDATE_GOLDEN=1 set, (re)write the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        raise AssertionError(f"golden file {name} is missing; write it with: {UPDATE_HINT}")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file; if the change is intended: {UPDATE_HINT}"
