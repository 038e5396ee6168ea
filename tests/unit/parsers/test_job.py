"""Job-ad structure: title, company, sections, requirements, years, degrees, alternatives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.job import (
    _ABOUT_RE,
    _ALT_HINT_RE,
    _ALT_RE,
    _COMPANY_PATTERNS,
    _CUE_RE,
    _EITHER_RE,
    _LABELLED_YEARS_RE,
    _LEVELLESS_DEGREE_RE,
    _OR_WORD_RE,
    _PREFERRED_RE,
    _PROPER,
    _REQUIRED_RE,
    _STRONG_CUE_RE,
    _YEARS_FIRST,
    _YEARS_RE,
    _about_match,
    _cue_words,
    _may_hold_years,
    classify_requirement,
    find_alternatives,
    find_education,
    find_years,
    parse_job,
)
from parsers.models import JobPosting
from tests.unit.parsers.layout_factory import laid_out
from tests.unit.parsers.token_text import token_text


def _years(text: str) -> list[tuple[float, float | None, str | None]]:
    return [(y.min_years, y.max_years, y.subject) for y in find_years(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5+ years of Python", [(5, None, "Python")]),
        ("3–5 years in backend development", [(3, 5, "backend development")]),
        ("at least two years of experience with AWS", [(2, None, "AWS")]),
        ("minimum of 7 years' experience", [(7, None, None)]),
        ("5 years of product management experience leading hardware products.", [(5, None, "product management")]),
        ("4 years of relevant work experience.", [(4, None, None)]),
        ("2-4 + years of experience to be part of our team", [(2, 4, None)]),
        ("Django Development: 1 year (Preferred)", [(1, None, "Django Development")]),
        ("total work: 2 years (Preferred)", [(2, None, None)]),
        ("Experience: Minimum 1 year as project manager", [(1, None, "project manager")]),
        ("Al menos 3 años de experiencia en Java", [(3, None, "Java")]),
        ("must be 18 years old", []),
        ("That’s how we’ve helped over 150 million homeowners over the last 25+ years.", []),
        ("We continue to thrive after 40+ years of change by operating with integrity.", []),
        ("the vacation accrual rate is 13 days annually for the first three years of employment", []),
        ("will start in a cohort based, one year program", []),
    ],
)
def test_years_asked_and_what_they_attach_to(text: str, expected: list[tuple[float, float | None, str | None]]) -> None:
    assert _years(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bachelor's degree in Computer Science, Engineering, or a related field.4+ years of experience in cloud "
            "development, architecture, and deployment.",
            [(4, None, "cloud development")],
        ),
        (
            "Bachelor's degree in Computer Science, Engineering, or a similar field.At least 3 years of professional "
            "experience",
            [(3, None, None)],
        ),
        ("or equivalent experience.Minimum 5 years of experience with Java", [(5, None, "Java")]),
        ("Mathematics, Engineering, Physics, or another Quantitative field6+ years experience", [(6, None, None)]),
        (
            "Backend frameworks such as Spring Boot, Django, and Express.js.2 years of expertise in cloud platforms",
            [(2, None, "cloud platforms")],
        ),
        (
            "6+ years of experience in using Azure cloud native services3+ years of React experience",
            [(6, None, "Azure cloud native services"), (3, None, "React")],
        ),
        ("Python 3.11 years ago", []),
        ("version 2.5 years", [(2.5, None, None)]),
    ],
)
def test_years_glued_to_the_sentence_before(text: str, expected: list[tuple[float, float | None, str | None]]) -> None:
    """Scraped ads lose the space (or the line break) between sentences: "...related field.4+ years of..."."""
    assert _years(text) == expected


def test_a_glued_lead_word_stays_with_its_years() -> None:
    assert [y.raw for y in find_years("a related field.Minimum 5 years of experience")] == ["Minimum 5 years"]


def test_two_year_phrases_in_one_line() -> None:
    found = _years(
        "6 - 10 years of IT industry experience, with 5+ years of experience working on the ServiceNow platform"
    )
    assert found == [(6, 10, "IT"), (5, None, "ServiceNow platform")]


@pytest.mark.parametrize(
    ("text", "level", "fields", "equivalent"),
    [
        ("BS in Computer Science or equivalent", "bachelor", ("Computer Science",), True),
        ("Bachelor's or Master's degree in CS, Engineering or related field", "bachelor", ("CS", "Engineering"), False),
        (
            "Bachelor's degree in Accounting, Finance, Business, Engineering or Data Science or equivalent practical "
            "experience.",
            "bachelor",
            ("Accounting", "Finance", "Business", "Engineering", "Data Science"),
            True,
        ),
        ("MSc or PhD in Machine Learning", "master", ("Machine Learning",), False),
        ("Bachelor's (Preferred)", "bachelor", (), False),
        ("B.e/B.tech/MCA/Msc/M.e-IT/Computer science", "bachelor", (), False),
        (
            "Bachelor's degree in Computer Science, Engineering, Mathematics or a related field, or equivalent "
            "experience",
            "bachelor",
            ("Computer Science", "Engineering", "Mathematics"),
            True,
        ),
        (
            "Bachelor's degree or higher in Computer Science, Engineering, Mathematics, or related field7+ years of "
            "experience in big data engineering",
            "bachelor",
            ("Computer Science", "Engineering", "Mathematics"),
            False,
        ),
        (
            "Bachelor’s degree or equivalent experience in Computer Science or a related field",
            "bachelor",
            ("Computer Science",),
            True,
        ),
        (
            "Bachelor degree’s required in Computer Science, Software Engineering, or a related field",
            "bachelor",
            ("Computer Science", "Software Engineering"),
            False,
        ),
        ("Bachelor or above degree in Computer Science or related major", "bachelor", ("Computer Science",), False),
        (
            "Bachelor’s degree in Electrical Engineering (BSEE), Computer Engineering (BSCE), or a related field; a "
            "Master’s degree is a plus.",
            "bachelor",
            ("Electrical Engineering", "Computer Engineering"),
            False,
        ),
        (
            "Bachelor's degree in Computer Science, Mathematics, Engineering, Physics, or another Quantitative field6+ "
            "years experience or in your 6th year of continuous work",
            "bachelor",
            ("Computer Science", "Mathematics", "Engineering", "Physics"),
            False,
        ),
        (
            "Bachelor’s or master's degree in CS or similar field of study OR work equivalent",
            "bachelor",
            ("CS",),
            True,
        ),
    ],
)
def test_education_asked(text: str, level: str, fields: tuple[str, ...], equivalent: bool) -> None:
    asked = find_education(text)
    assert asked is not None
    assert (asked.level, asked.fields, asked.or_equivalent) == (level, fields, equivalent)


def test_no_education_in_an_ordinary_line() -> None:
    assert find_education("Ability to master new tools quickly") is None


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("Experience with Java or Kotlin", (("Java", "Kotlin"),)),
        ("scripting experience in Shell, Perl or Python.", (("Shell", "Perl", "Python"),)),
        ("Preferred knowledge of either python or Java.", (("python", "Java"),)),
        ("Experiencia con bases de datos relacionales, como MySQL o PostgreSQL.", (("MySQL", "PostgreSQL"),)),
        ("Ingeniería de Sistemas, Software o Ciencias de la Computación", ()),
        ("Computer Science or equivalent", ()),
        ("Experience in one or more of the following", ()),
    ],
)
def test_either_or_groups_of_short_names(text: str, groups: tuple[tuple[str, ...], ...]) -> None:
    assert find_alternatives(text) == groups


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        (
            "3+ years of experience developing highly scalable backend services and systems using at least one "
            "programming language like Java/Golang/Python.",
            (("Java", "Golang", "Python"),),
        ),
        ("Experience with cloud infrastructure (GCP/AWS/Azure)", (("GCP", "AWS", "Azure"),)),
        ("Experience with AWS/GCP/Azure", (("AWS", "GCP", "Azure"),)),
        ("Experience with version control systems (GIT/SVN)", (("GIT", "SVN"),)),
        ("Experience with GIT/SVN", (("GIT", "SVN"),)),
        ("Proficiency in one of Java, C# or Go", (("Java", "C#", "Go"),)),
        ("Proficiency with Java/Kotlin or Scala", (("Java", "Kotlin", "Scala"),)),
        ("Experience with frameworks such as Django/Flask", (("Django", "Flask"),)),
        ("Strong grasp of CI/CD principles", ()),
        ("Knowledge of TCP/IP networking", ()),
        ("PL/SQL development experience", ()),
        ("Experience running A/B testing at scale", ()),
        ("Strong UI/UX design sense", ()),
        ("Proficiency in C/C++ and experience in Rust.", ()),
        ("Experience with HTTP/HTTPS and REST", ()),
        ("BS/MS Degree in Computer Science or related major", ()),
        ("Experience in Recommendation/Ranking/Prediction", (("Recommendation", "Ranking", "Prediction"),)),
        ("Short/Long term Disability", ()),
    ],
)
def test_slash_separated_names_are_alternatives_but_compound_terms_are_not(
    text: str, groups: tuple[tuple[str, ...], ...]
) -> None:
    """A slash between tool names offers a choice ("GIT/SVN"); "CI/CD", "TCP/IP", "A/B", "UI/UX" are one term each.

    Two names of mixed shape with no cue ("Python/Django") are left to matching, which knows their kinds: a
    language with its framework reads as "with", not "or"."""
    assert find_alternatives(text) == groups


@pytest.mark.parametrize(
    "text", ["Experience with Python/Django", "Senior Software Engineer (Python / Django)", "Python/Django developers"]
)
def test_a_language_and_its_framework_are_not_made_alternatives_by_the_parser(text: str) -> None:
    assert find_alternatives(text) == ()


@pytest.mark.parametrize(
    ("text", "section", "kind"),
    [
        ("Experience with Go", "requirements", "required"),
        ("Experience with Go", "preferred", "preferred"),
        ("Familiarity with Terraform is a plus", "requirements", "preferred"),
        ("Kubernetes experience would be nice to have", None, "preferred"),
        ("Ideally you have shipped a mobile app", None, "preferred"),
        ("You must hold a valid work permit", "preferred", "required"),
        ("At least 2 years of Go", "preferred", "required"),
        ("Strong communication skills", "preferred", "preferred"),
        ("Strong communication skills", None, "required"),
        ("CSS (Required)", "preferred", "required"),
        ("English (Preferred)", "requirements", "preferred"),
        ("Conocimientos de Power BI (deseable)", "requirements", "preferred"),
        ("Manejo de Excel avanzado", "requirements", "required"),
        ("Experience with Go is welcome, but not required", "requirements", "preferred"),
        ("Bonus: experience with Rust", "requirements", "preferred"),
        ("Bonus points for Golang experience", "requirements", "preferred"),
        ("Kubernetes experience is a bonus", "requirements", "preferred"),
    ],
)
def test_requirement_kind_phrase_over_heading(text: str, section: str | None, kind: str) -> None:
    assert classify_requirement(text, section) == kind


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Proficiency in C/C++ and Python; familiarity with additional languages such as Rust is a plus",
            [
                ("Proficiency in C/C++ and Python", "required"),
                ("familiarity with additional languages such as Rust is a plus", "preferred"),
            ],
        ),
        (
            "Strong proficiency in Python; experience with Django is highly preferred.",
            [
                ("Strong proficiency in Python", "required"),
                ("experience with Django is highly preferred.", "preferred"),
            ],
        ),
        (
            "Bachelor’s Degree in Computer Science or Information Systems; MS is preferred",
            [
                ("Bachelor’s Degree in Computer Science or Information Systems", "required"),
                ("MS is preferred", "preferred"),
            ],
        ),
        (
            "3+ years of professional software development experience; experience in the financial sector is a plus",
            [
                ("3+ years of professional software development experience", "required"),
                ("experience in the financial sector is a plus", "preferred"),
            ],
        ),
        (
            "Experience with Python and Django required; knowledge of Kubernetes is a plus",
            [
                ("Experience with Python and Django required", "required"),
                ("knowledge of Kubernetes is a plus", "preferred"),
            ],
        ),
        (
            "Experience with Python and Django is required, knowledge of Kubernetes is a plus",
            [
                ("Experience with Python and Django is required", "required"),
                ("knowledge of Kubernetes is a plus", "preferred"),
            ],
        ),
        (
            "Strong experience with Python and backend frameworks like FastAPI, Django, or Flask. Ability to work "
            "independently. Experience with PostgreSQL, Docker, Kubernetes, and Git is a plus.",
            [
                (
                    "Strong experience with Python and backend frameworks like FastAPI, Django, or Flask. Ability to "
                    "work independently.",
                    "required",
                ),
                ("Experience with PostgreSQL, Docker, Kubernetes, and Git is a plus.", "preferred"),
            ],
        ),
        (
            "Experience with PostgreSQL, Docker, Kubernetes, and Git is a plus.",
            [("Experience with PostgreSQL, Docker, Kubernetes, and Git is a plus.", "preferred")],
        ),
        (
            "Bachelor's degree in Computer Science, Engineering, or a related field, or equivalent experience "
            "preferred",
            [
                (
                    "Bachelor's degree in Computer Science, Engineering, or a related field, or equivalent experience "
                    "preferred",
                    "preferred",
                )
            ],
        ),
    ],
)
def test_only_the_clause_that_says_so_is_preferred(line: str, expected: list[tuple[str, str]]) -> None:
    job = parse_job(f"Backend Engineer\nRequirements:\n- {line}\n- Experience with Go\n- Experience with SQL\n")
    assert [(r.text, r.kind) for r in job.requirements[:-2]] == expected
    _assert_offsets(job)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Over 10 years of experience in software development, ideally within a Fintech environment.",
            [
                ("Over 10 years of experience in software development", "required"),
                ("ideally within a Fintech environment.", "preferred"),
            ],
        ),
        (
            "Experienced in at least one area of the following areas: personalized recommendations, search engine, "
            "machine learning, distributed storage system, big data frameworks is a plus.",
            [
                (
                    "Experienced in at least one area of the following areas: personalized recommendations, search "
                    "engine, machine learning, distributed storage system, big data frameworks is a plus.",
                    "preferred",
                )
            ],
        ),
        (
            "A Bachelor's or Master’s Degree in Computer Science, Software Engineering, or a related field is "
            "preferred, but significant relevant experience will also be considered.",
            [
                (
                    "A Bachelor's or Master’s Degree in Computer Science, Software Engineering, or a related field is "
                    "preferred, but significant relevant experience will also be considered.",
                    "preferred",
                )
            ],
        ),
        (
            "Experience in the financial industry is a plus, not an absolute requirement.",
            [("Experience in the financial industry is a plus, not an absolute requirement.", "preferred")],
        ),
        (
            "Experience with JavaScript or other languages (Go, C/C++) is welcome, but not required.",
            [("Experience with JavaScript or other languages (Go, C/C++) is welcome, but not required.", "preferred")],
        ),
    ],
)
def test_a_line_is_cut_at_a_comma_only_where_a_clause_says_its_kind(line: str, expected: list[tuple[str, str]]) -> None:
    """A comma cuts a line where the words before it end on a cue ("... is required, ...") or the words after
    it open with one ("..., ideally ..."); a list with a cue somewhere in it stays whole."""
    job = parse_job(f"Backend Engineer\nRequirements:\n- {line}\n- Experience with Go\n- Experience with SQL\n")
    assert [(r.text, r.kind) for r in job.requirements[:-2]] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Please note this range reflects base salary only, and does not include bonus, equity, or benefits.",
        "Eligible for an annual bonus and stock options.",
    ],
)
def test_pay_words_are_no_preferred_cue(text: str) -> None:
    assert classify_requirement(text, "requirements") == "required"


def test_each_clause_keeps_its_own_degree_and_years() -> None:
    job = parse_job(
        "Backend Engineer\nRequirements:\n- Bachelor’s Degree in Computer Science or Information Systems; MS is "
        "preferred\n- 3+ years of Java; 2 years of Kotlin is a plus\n- Experience with SQL\n"
    )
    (bs, ms, java, kotlin, _) = job.requirements
    assert (bs.kind, bs.education and bs.education.level) == ("required", "bachelor")
    assert (ms.kind, ms.education and ms.education.level) == ("preferred", "master")
    assert (java.kind, [(y.min_years, y.subject) for y in java.years]) == ("required", [(3, "Java")])
    assert (kotlin.kind, [(y.min_years, y.subject) for y in kotlin.years]) == ("preferred", [(2, "Kotlin")])


def test_a_must_in_a_preferred_section_is_required_on_its_own() -> None:
    job = parse_job(
        "Backend Engineer\nNice to have:\n- Experience with Kubernetes. Must be authorized to work in the US.\n"
        "- Experience with Go\n- Experience with Rust\n"
    )
    assert [(r.text, r.kind) for r in job.requirements[:2]] == [
        ("Experience with Kubernetes.", "preferred"),
        ("Must be authorized to work in the US.", "required"),
    ]


def test_a_preferred_label_leading_a_run_together_line_covers_the_whole_line() -> None:
    line = (
        "Preferred qualifications:      Experience in code and system health, diagnosis and resolution, and software "
        "test engineering.Experience developing accessible technologies."
    )
    job = parse_job(f"Software Engineer\nWe build search.\n{line}\n")
    assert job.requirements
    assert {r.kind for r in job.requirements} == {"preferred"}
    _assert_offsets(job)


GOOGLE_STYLE = """\
Senior Product Manager, Hardware Enablement
Minimum qualifications:
Bachelor's degree in Computer Science, related technical field or equivalent practical experience.
5 years of product management experience leading consumer electronics products.
Experience working with SoC manufacturers.
Preferred qualifications:
8 years of product management experience.
Knowledge of Python or Go.
About the job
In this role, you will lead a global team. As a Product Manager at Google, you could be working on new technologies.
Responsibilities
Lead a global team of product managers in designing a roadmap.
Partner with engineering teams at 3 SoC partners.
"""


# Scraped ads that lost their line breaks: headings glued to the sentence before, bullets glued by ".- " or by
# nothing at all, a heading set off from its first item by a run of spaces (shaped on the panoslin set).
RUN_TOGETHER_DASHES = (
    "Staff Software Engineer - Real Estate SaaS Startup\n"
    "Staff Software Engineer - Real Estate SaaS StartupLocation: Remote The company's product involves real "
    "estate, machine learning, and SaaS.The company has about 29 employees and 15 engineers.Job Responsibilities:- "
    "Designing and planning reliable and scalable solutions for the SaaS application.- Working independently or "
    "as part of a small team.Qualifications:- Startup experience.- At least 7 years of professional experience "
    "owning large server side projects with a strongly typed language.- Ability to solve complex engineering "
    "problems in a startup environment.- Strong in at least one of: Go, Kotlin, Java, C#, Rust, C++, Scala.Nice to "
    "have:- Experience working on a SaaS platform.- Skills across the stack in thing such as DevOps, machine "
    "learning, Python, React, TypeScript.- Leadership experience.About Skyrocket VenturesSkyrocket Ventures is a "
    "recruiting firm for hundreds of high growth technology companies.\n"
)
RUN_TOGETHER_GAPS = (
    "Backend Engineer\n"
    "We build the feeds that millions of people read every day, and we are growing the team as the company "
    "continues to grow.Key Responsibilities:      Lead the design and architecture of the platform.Write and test "
    "product or system development code.Qualifications      3+ years of experience working on C++ related "
    "projects.Experience with distributed systems and Kafka.Bachelor's degree in Computer Science or a related "
    "field.Preferred Qualifications      Experience with Kubernetes.Familiarity with Rust is a plus.Why join us?"
    "      Competitive Base Salary Excellent health, dental and vision insurance.\n"
)


def test_a_run_together_ad_with_glued_dash_bullets_is_read_as_sections() -> None:
    job = parse_job(RUN_TOGETHER_DASHES)
    assert [s.kind for s in job.sections] == ["responsibilities", "requirements", "preferred", "about"]
    assert [(r.text, r.kind) for r in job.requirements] == [
        ("Startup experience.", "required"),
        (
            "At least 7 years of professional experience owning large server side projects with a strongly typed "
            "language.",
            "required",
        ),
        ("Ability to solve complex engineering problems in a startup environment.", "required"),
        ("Strong in at least one of: Go, Kotlin, Java, C#, Rust, C++, Scala.", "required"),
        ("Experience working on a SaaS platform.", "preferred"),
        (
            "Skills across the stack in thing such as DevOps, machine learning, Python, React, TypeScript.",
            "preferred",
        ),
        ("Leadership experience.", "preferred"),
    ]
    assert [b.text for b in job.responsibilities] == [
        "Designing and planning reliable and scalable solutions for the SaaS application.",
        "Working independently or as part of a small team.",
    ]
    assert [(y.min_years, y.subject) for y in job.years] == [(7, None)]
    assert job.title == "Staff Software Engineer - Real Estate SaaS Startup"
    _assert_offsets(job)


def test_a_run_together_ad_with_headings_set_off_by_spaces_is_read_as_sections() -> None:
    job = parse_job(RUN_TOGETHER_GAPS)
    assert [s.kind for s in job.sections] == ["responsibilities", "requirements", "preferred", "benefits"]
    assert [(r.text, r.kind) for r in job.requirements] == [
        ("3+ years of experience working on C++ related projects.", "required"),
        ("Experience with distributed systems and Kafka.", "required"),
        ("Bachelor's degree in Computer Science or a related field.", "required"),
        ("Experience with Kubernetes.", "preferred"),
        ("Familiarity with Rust is a plus.", "preferred"),
    ]
    assert len(job.responsibilities) == 2
    assert job.requirements[2].education is not None
    assert job.requirements[2].education.fields == ("Computer Science",)
    _assert_offsets(job)


def test_text_run_on_after_the_last_list_of_a_run_together_ad_is_no_requirement() -> None:
    job = parse_job(
        "Staff Software Engineer, Batch Compute\nWe build the feature platform.Qualifications      Experience in "
        "performance tuning of Spark, Ray, or Airflow jobs.Python, Go, Kafka.The "
        "estimated US base salary range for this position is $216,000 - $258,000 annually for employees based within "
        "California.Tecton values diversity and is an equal opportunity employer committed to creating an inclusive "
        "environment for all employees and applicants.\n"
    )
    assert [r.text for r in job.requirements] == [
        "Experience in performance tuning of Spark, Ray, or Airflow jobs.",
        "Python, Go, Kafka.",
    ]
    _assert_offsets(job)


def test_sentences_of_a_run_together_ad_outside_any_requirements_heading_are_left_alone() -> None:
    """Run-together prose with no requirements heading gives no requirement list: its sentences are rebuilt from
    glued text and its sections' ends are lost; matching derives requirement lines from such an ad itself (on
    the panoslin set that ranks better than cue sentences picked here)."""
    job = parse_job(
        "Software Engineer\nOne of our top FinTech clients is looking to hire an experienced Software Engineer.They're"
        " a remote first company.Experience developing high-performant Python code is essential.Knowledge of "
        "FastAPI.Compensation: $150,000-310,000 on the base with equity on top\n"
    )
    assert job.requirements == ()
    assert job.warnings == ("no_sections", "no_requirements")


@pytest.mark.parametrize(
    "line",
    [
        "Salary: ₹35,000.00 - ₹55,000.00 per month",
        "Monday - Saturday, 10:00 a.m. - 6:00 p.m.",
        "Experience with Ubuntu 22.04 and Python 3.10 is a plus, e.g. Docker, etc. Kubernetes is a must.",
        "Remote - Hybrid - On-site",
    ],
)
def test_numbers_times_and_abbreviations_run_no_lines_together(line: str) -> None:
    from parsers.job import _runs_together

    assert not _runs_together(line)


def test_google_style_ad() -> None:
    job = parse_job(GOOGLE_STYLE)
    assert job.title == "Senior Product Manager, Hardware Enablement"
    assert job.company == "Google"
    assert [s.kind for s in job.sections] == ["requirements", "preferred", "about", "responsibilities"]
    assert [(r.kind, r.section) for r in job.requirements] == [
        ("required", "requirements"),
        ("required", "requirements"),
        ("required", "requirements"),
        ("preferred", "preferred"),
        ("preferred", "preferred"),
    ]
    assert job.education[0].level == "bachelor"
    assert [(y.min_years, y.subject) for y in job.years] == [(5, "product management"), (8, "product management")]
    assert job.requirements[4].alternatives == (("Python", "Go"),)
    assert [b.text for b in job.responsibilities][1] == "Partner with engineering teams at 3 SoC partners."
    assert [q.raw for q in job.responsibilities[1].quantities] == ["3 SoC"]
    _assert_offsets(job)


def _assert_offsets(job: JobPosting) -> None:
    for r in job.requirements:
        assert job.text[r.start : r.end] == r.text
    for b in job.responsibilities:
        assert job.text[b.start : b.end] == b.text


def test_spanish_ad_with_wrapped_bullets() -> None:
    job = parse_job(
        "Puesto de trabajo: Java developer\nSobre nosotros\nBBVA es una institución financiera líder a nivel global.\n"
        "Responsabilidades:\n● Desarrollar y mantener aplicaciones Java de alta calidad para diversas\nnecesidades.\n"
        "Requisitos:\n● Experiencia con bases de datos relacionales, como MySQL o\nPostgreSQL.\n"
        "● Conocimientos de Power BI (deseable).\nBeneficios:\n● Seguro médico.\n"
    )
    assert job.title == "Java developer"
    assert job.company == "BBVA"
    assert [s.kind for s in job.sections] == ["about", "responsibilities", "requirements", "benefits"]
    assert [(" ".join(r.text.split()), r.kind) for r in job.requirements] == [
        ("Experiencia con bases de datos relacionales, como MySQL o PostgreSQL.", "required"),
        ("Conocimientos de Power BI (deseable).", "preferred"),
    ]
    assert job.requirements[0].alternatives == (("MySQL", "PostgreSQL"),)
    assert len(job.responsibilities) == 1
    _assert_offsets(job)


def test_unsectioned_ad_takes_list_items_and_cue_lines() -> None:
    job = parse_job(
        "We are seeking a senior software engineer for our platform team.\n"
        "· Analytical problem solving\n· At least 3+ years industry experience in PHP, Laravel and Angular\n"
        "Job Type: Full-time\nExperience:\nPHP: 3 years (Preferred)\n"
    )
    assert job.title == "Senior Software Engineer"
    texts = [(r.text, r.kind) for r in job.requirements]
    assert texts == [
        ("Analytical problem solving", "required"),
        ("At least 3+ years industry experience in PHP, Laravel and Angular", "required"),
        ("PHP: 3 years (Preferred)", "preferred"),
    ]
    assert [(y.min_years, y.subject) for y in job.years] == [(3, "PHP"), (3, "PHP")]


def test_company_from_about_heading_and_title_from_label() -> None:
    job = parse_job(
        "Primary English Teacher\nPosition Title: Facilitator for Live Classes\nAbout Stones2Milestones\n"
        "Stones2Milestones is on a mission to create a nation of readers.\nKey Responsibilities:\n"
        "Conducting a minimum of 12 classes a week.\n"
    )
    assert job.title == "Facilitator for Live Classes"
    assert job.company == "Stones2Milestones"
    assert [s.kind for s in job.sections] == ["about", "responsibilities"]
    assert job.warnings == ("no_requirements",)


def test_title_from_the_biggest_font() -> None:
    doc = laid_out(
        [
            ("BBVA BANCO CONTINENTAL", {"font_size": 12.0}),
            ("Convocatoria para Practicante data Analytics", {"font_size": 20.0, "bold": True}),
            ("Requisitos", {"font_size": 14.0, "bold": True}),
            ("Manejo de SQL Server, Oracle, etc", {}),
            ("Conocimiento en herramientas BI", {}),
            ("Manejo de Excel Avanzado", {}),
        ]
    )
    from parsers.job import job_from_document

    job = job_from_document(doc)
    assert job.title == "Convocatoria para Practicante data Analytics"
    assert job.company == "BBVA BANCO CONTINENTAL"
    assert len(job.requirements) == 3


def test_a_doubled_title_is_cleaned() -> None:
    assert parse_job("Director of Engineering, Google CloudDirector of Engineering, Google Cloud\n").title == (
        "Director of Engineering, Google Cloud"
    )


@given(
    st.lists(
        st.sampled_from(
            [
                "Requirements:",
                "• 5+ years of Python",
                "Nice to have",
                "Experience with Go or Rust is a plus",
                "About us",
                "Acme is a company.",
                "Responsibilities",
                "Build things",
                "Bachelor's in CS or equivalent",
                "Requisitos:",
            ]
        ),
        max_size=20,
    )
)
def test_any_arrangement_keeps_offsets_exact(lines: list[str]) -> None:
    _assert_offsets(parse_job("\n".join(lines)))


@given(st.text(max_size=400))
def test_arbitrary_text_never_breaks_the_job_parser(text: str) -> None:
    job = parse_job(text)
    _assert_offsets(job)
    assert all(r.kind in ("required", "preferred") for r in job.requirements)


_JOB_TOKENS = (
    "5+ years",
    "3 yrs",
    "Python: 4 years",
    "two years",
    "años",
    "3 ans",
    "5 Jahre",
    "experience with",
    "Java or Kotlin",
    "either",
    "React o Vue",
    "AWS, GCP or Azure",
    "OR",
    "oder",
    "Node.js",
)


@given(token_text((*_JOB_TOKENS, "field", "At least 3 years", "Minimum", "6+ years", "Mínimo", "over", "ten")))
def test_the_years_look_ahead_hides_no_phrase(text: str) -> None:
    lead = f"(?=[\\d{_YEARS_FIRST}])"
    plain = re.compile(_YEARS_RE.pattern.replace(lead, "", 1), _YEARS_RE.flags)
    assert plain.pattern != _YEARS_RE.pattern
    assert [m.span() for m in _YEARS_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_years_quick_test_knows_the_long_s() -> None:
    """IGNORECASE takes "ſ" for an "s", which ``lower()`` does not."""
    assert _YEARS_RE.search("3 anſ de experiencia")
    assert _may_hold_years("3 anſ de experiencia")


_NAME_TOKENS = ("Node.js", "C++", "C#", "A.", "Java/Kotlin", "python3", "e.g.", "etc.", "Go", "Vue.js.", "c2.", "X/Y.")


@given(
    st.one_of(
        token_text((*_NAME_TOKENS, "or", "o", "ou", "oder", "AWS, GCP", "x", "JS-", "A-", "Ab.c"), max_tokens=12),
        st.lists(
            st.tuples(
                st.sampled_from((*_NAME_TOKENS, "Go Lang", "JS-", "A-", "Ab.c", "x", "and")),
                st.sampled_from((", ", " or ", " o ", " ", ",", " , or ", ". ", "/", "")),
            ),
            max_size=9,
        ).map(lambda pairs: "".join(a + b for a, b in pairs)),
    )
)
def test_the_either_or_list_reads_as_first_written(text: str) -> None:
    """_ALT_RE takes each name whole, where the pattern as first written also tried each shorter reading."""
    token = r"(?:[A-Z][\w+#./\-]*[\w+#]|[A-Z]|[a-z]+[+#\d][\w+#.]*)"
    item = rf"{token}(?:\s{token})?"
    as_written = re.compile(
        rf"(?<![\w.])(?P<items>(?:{item}\s*,\s*){{0,5}}{item})\s*,?\s+(?P<or>or|o|ou|oder)\s+(?P<last>{item})(?![\w+#])"
    )
    assert [(m.span(), m.groups()) for m in _ALT_RE.finditer(text)] == [
        (m.span(), m.groups()) for m in as_written.finditer(text)
    ]


@given(token_text(("Degree in", "DEGREE IN", "advanced degree in", "Graduate or PhD", "degreed", "math", "in")))
def test_the_levelless_degree_quick_test_hides_no_degree(text: str) -> None:
    if _LEVELLESS_DEGREE_RE.search(text):
        assert "degree" in text.lower()


@given(token_text((*_JOB_TOKENS, "5 AÑOS", "3 anſ", "YEARS", "2 Jahren", "or c++", "ou C#", "go2")))
def test_quick_tests_never_hide_years_or_alternatives(text: str) -> None:
    if _YEARS_RE.search(text) or _LABELLED_YEARS_RE.match(text):
        assert _may_hold_years(text)
    if _EITHER_RE.search(text) or _ALT_RE.search(text):
        assert _OR_WORD_RE.search(text)
    if _ALT_RE.search(text):
        assert _ALT_HINT_RE.search(text)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Backend Engineer\nCompany: Acme Robotics\nRequirements:\n- Python\n", "Acme Robotics"),
        ("Logistics Manager\nCompany profile : detel-india.com\nLocation - Gurgaon\n", "Detel India"),
        ("Backend Engineer\nAcme Robotics is hiring a backend engineer to join the platform team.\n", "Acme Robotics"),
        ("Backend Engineer\nJoin Acme Robotics and help us build warehouse robots.\n", "Acme Robotics"),
        ("Backend Engineer\nAt Acme, we build warehouse robots.\n", "Acme"),
        ("Backend Engineer - Acme Robotics Inc\nWe build warehouse robots.\n", "Acme Robotics Inc"),
        ("Backend Engineer | Acme Robotics\nAcme Robotics is a maker of warehouse robots.\n", "Acme Robotics"),
        ("Backend Engineer at Acme Robotics\nWe build warehouse robots.\n", "Acme Robotics"),
        ("Backend Engineer\nAbout Acme Robotics\nWe build warehouse robots.\n", "Acme Robotics"),
        ("Backend Engineer\nSend your resume to jobs@acme-robotics.com.\n", "Acme Robotics"),
        ("Backend Engineer\nApply at https://careers.globex.io/jobs/123\n", "Globex"),
        ("Backend Engineer\nApply at https://boards.greenhouse.io/initech/jobs/42\n", "Initech"),
        ("servicenow jobs\nWe are seeking an engineer for our ServiceNow platform.\n", "ServiceNow"),
        ("Content Manager\nAbout the job\nGlobex is developing cloud solutions. Customers turn to Globex.\n", "Globex"),
        ("Data Analyst\nAbout the job\nYou will educate users on Initech’s revenue data sets.\n", "Initech"),
    ],
)
def test_company_cues(text: str, company: str) -> None:
    assert parse_job(text).company == company


@pytest.mark.parametrize(
    "text",
    [
        "Backend Developer - Python/Django\nWe are looking for Python developers.\n",
        "Web Developer\nJoin our team and build websites.\nCandidates who can join immediately are preferred.\n",
        "Backend Engineer\nSend your resume to hr.acme@gmail.com\n",
        "Backend Engineer\nhttps://www.google.com/search?q=backend+jobs 1/1\n",
        "IT Project Manager\nRoles and Responsibilities\nMaintains organization's effectiveness.\n",
    ],
)
def test_no_company_where_the_ad_names_none(text: str) -> None:
    assert parse_job(text).company is None


def test_a_company_after_the_title_leaves_the_title() -> None:
    assert parse_job("Backend Engineer at Acme Robotics\nWe build robots.\n").title == "Backend Engineer"
    assert parse_job("Backend Developer - Python/Django\n").title == "Backend Developer - Python/Django"


@pytest.mark.parametrize(
    "text",
    [
        "Machine Learning Engineer - Computer Vision\nYou will train vision models.\n",
        "Senior Software Engineer - Distributed Systems\nDistributed Systems at scale.\n",
        "Site Reliability Engineer, Traffic Platform\nMore at https://shorturl.at/cdpT2\n",
        "Data Engineer\nAbout the job\nFinal offers are made by the hiring team.\n",
    ],
)
def test_a_team_after_the_title_or_a_stray_word_is_no_company(text: str) -> None:
    job = parse_job(text)
    assert job.company is None
    assert job.title == text.split("\n")[0]


def test_weak_cues_do_not_take_ordinary_words() -> None:
    about = "Data Analyst\nAbout the job\nToday’s teams need data. Our users’ needs come first.\n"
    assert parse_job(about).company is None
    assert parse_job("Remote jobs\nData Analyst\nWe need SQL.\n").company is None
    assert parse_job("Backend Engineer - Remote\nWe need Go.\n").company is None


_ABOUT_TOKENS = ("About Acme", "ABOUT", "Sobre Nosotros", "ſobre Globex", "À propos de Initech", "Über Umbrella", "x")


@given(token_text(_ABOUT_TOKENS))
def test_the_about_quick_test_hides_no_about_line(text: str) -> None:
    quick, plain = _about_match(text), _ABOUT_RE.match(text)
    assert (quick and quick.span()) == (plain and plain.span())


@given(
    token_text(
        (
            "Acme",
            "Acme Robotics",
            "is hiring",
            "Join",
            "join",
            "At",
            "is a",
            "as a",
            "Engineer",
            "at",
            "Únete a",
            "We",
            "Chez",
            "AS AN",
            "aſ a",
            "JOİN",
            "JOIN US AT",
            "rejoignez",
            "ÚNETE A",
            "Xjoin",
        )
    )
)
def test_company_cue_hints_never_hide_a_cue(text: str) -> None:
    low = text.lower()
    as_written = {
        1: re.compile(rf"\b(?i:join|únete\s+a|rejoignez|join\s+us\s+at)\s+(?P<c>{_PROPER})"),
        4: re.compile(rf"\b(?i:as\s+an?)\s+[\w\s]{{2,40}}?\s+at\s+(?P<c>{_PROPER})[\s,.]"),
    }
    for n, plain in as_written.items():
        found = _COMPANY_PATTERNS[n][0].search(text)
        assert (found and (found.span(), found.group("c"))) == ((m := plain.search(text)) and (m.span(), m.group("c")))
    for pattern, hints in _COMPANY_PATTERNS:
        if pattern.search(text) and not any(c in text for c in "ıİſ"):
            assert any(hint in low for hint in hints)


@given(
    token_text(
        (
            "preferred",
            "is a plus",
            "Nice to have",
            "must have",
            "at least",
            "Mínimo",
            "deseable",
            "Wünschenswert",
            "experience with",
            "skills",
            "Manejo",
            "Python",
            "a",
            "either Java or Go",
            "Ya sea",
        )
    )
)
def test_cue_patterns_find_what_they_find_without_their_lookahead(text: str) -> None:
    for pattern in (_PREFERRED_RE, _REQUIRED_RE, _STRONG_CUE_RE, _CUE_RE, _EITHER_RE):
        plain = re.compile(re.sub(r"^\\b\(\?=\[[^\]]*\]\)", r"\\b", pattern.pattern), pattern.flags)
        assert plain.pattern != pattern.pattern
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(
    token_text(
        (
            "(Required)",
            "(optional)",
            "(Preferred)",
            "(nice to have)",
            "(mandatory)",
            "(must)",
            "(deseable)",
            "(obligatorio)",
            "(requerido)",
            "is a plus",
            "must have",
            "Python",
        )
    ),
    st.sampled_from([None, "requirements", "preferred", "about"]),
)
def test_without_a_cue_of_the_other_kind_a_line_takes_its_sections_kind(text: str, section: str | None) -> None:
    """The shortcut in _requirements: no cue of the kind other than the section's means the section's kind."""
    other = _REQUIRED_RE if section == "preferred" else _PREFERRED_RE
    if not other.search(text):
        assert classify_requirement(text, section) == ("preferred" if section == "preferred" else "required")


def test_cue_words_refuse_an_alternative_whose_start_they_cannot_tell() -> None:
    with pytest.raises(ValueError, match="cannot tell"):
        _cue_words(r"(?:big\s+)?plus|bonus")


def test_one_word_bullets_under_a_requirements_heading_are_requirements() -> None:
    job = parse_job(
        "Data Engineer at Acme\nRequirements\n- Python\n- Docker\n- Kubernetes\n- 3+ years with Spark\n"
        "Nice to have\n- Terraform\n• Airflow\nBenefits\n- Pension\n"
    )
    found = {(r.text, r.kind) for r in job.requirements}
    assert {("Python", "required"), ("Docker", "required"), ("Kubernetes", "required")} <= found
    assert {("Terraform", "preferred"), ("Airflow", "preferred")} <= found
    assert not any(r.text == "Pension" for r in job.requirements)
    assert all(job.document.text[r.start : r.end] == r.text for r in job.requirements)


def test_one_word_lines_count_only_inside_a_requirements_section() -> None:
    job = parse_job("Data Engineer\nRemote\nRequirements\nPython\nDocker\n- Experience with Spark\n- SQL and dbt\n")
    assert [r.text for r in job.requirements] == ["Python", "Docker", "Experience with Spark", "SQL and dbt"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Bachelor's degree in Computer Science (MS preferred)",
            [("Bachelor's degree in Computer Science", "required"), ("(MS preferred)", "preferred")],
        ),
        (
            "Experience with a cloud platform (AWS preferred).",
            [("Experience with a cloud platform", "required"), ("(AWS preferred).", "preferred")],
        ),
        # an aside inside the clause says nothing of the rest: the line keeps its section's kind, whole
        (
            "Bachelor's degree (Master's preferred) in Computer Science",
            [("Bachelor's degree (Master's preferred) in Computer Science", "required")],
        ),
        # a bracket holding the cue alone is the line's own label
        ("Experience with Terraform (preferred)", [("Experience with Terraform (preferred)", "preferred")]),
        (
            "Experience with JavaScript or other languages (Go, C/C++) is welcome, but not required.",
            [("Experience with JavaScript or other languages (Go, C/C++) is welcome, but not required.", "preferred")],
        ),
    ],
)
def test_a_bracketed_aside_has_its_own_kind(line: str, expected: list[tuple[str, str]]) -> None:
    """ "(MS preferred)" prefers the master's; the bachelor's before it is still required."""
    job = parse_job(f"Backend Engineer\nRequirements:\n- {line}\n- Experience with Go\n- Experience with SQL\n")
    assert [(r.text, r.kind) for r in job.requirements[:-2]] == expected
    _assert_offsets(job)


def test_a_degree_asked_after_its_bracketed_preference_keeps_both_levels() -> None:
    job = parse_job(
        "Backend Engineer\nRequirements:\n- Bachelor's degree in Computer Science (MS preferred)\n"
        "- Experience with Go\n- Experience with SQL\n"
    )
    bs, ms = job.requirements[:2]
    assert (bs.kind, bs.education and bs.education.level, bs.education and bs.education.fields) == (
        "required",
        "bachelor",
        ("Computer Science",),
    )
    assert (ms.kind, ms.education and ms.education.level) == ("preferred", "master")


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("Degree in mathematics or statistics", ("mathematics", "statistics")),
        ("A university degree in Computer Science or a related field", ("Computer Science",)),
        ("College degree in Business Administration", ("Business Administration",)),
    ],
)
def test_a_degree_with_no_level_is_still_an_education_ask(line: str, fields: tuple[str, ...]) -> None:
    job = parse_job(f"Data Analyst\nRequirements:\n- {line}\n- Experience with SQL\n- Experience with Excel\n")
    (edu,) = job.education
    assert (edu.level, edu.fields) == (None, fields)


@pytest.mark.parametrize(
    "line",
    ["We value autonomy to a high degree.", "A 360 degree view of our customers.", "Experience with Python"],
)
def test_degree_as_a_plain_word_asks_no_education(line: str) -> None:
    job = parse_job(f"Data Analyst\nRequirements:\n- {line}\n- Experience with SQL\n- Experience with Excel\n")
    assert job.education == ()


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("An advanced degree in Computer Science, Mathematics or Physics", "master"),
        ("Possess or pursuing an undergraduate or graduate degree in Computer Science", "bachelor"),
        ("Graduate degree in Statistics", "master"),
    ],
)
def test_a_degree_named_by_its_stage_has_that_level(line: str, level: str) -> None:
    job = parse_job(f"Data Analyst\nRequirements:\n- {line}\n- Experience with SQL\n- Experience with Excel\n")
    (edu,) = job.education
    assert edu.level == level


def test_an_ad_pasted_as_one_line_is_read_as_its_parts() -> None:
    """A text box that lost its line breaks: the title is the first sentence, dash bullets and inline headings
    still split it."""
    job = parse_job("Backend engineer. Requirements: - Python - Docker - 3+ years of AWS. Nice to have: Kubernetes.")
    assert job.title == "Backend engineer"
    assert [(r.text, r.kind) for r in job.requirements] == [
        ("Python", "required"),
        ("Docker", "required"),
        ("3+ years of AWS.", "required"),
        ("Kubernetes.", "preferred"),
    ]
    _assert_offsets(job)


@pytest.mark.parametrize(
    "line",
    [
        "Experience: 2015 - 2020 - Python developer",  # one dash after the colon is no list
        "Location: Berlin - Germany",
    ],
)
def test_a_dash_in_a_labelled_line_is_no_bullet_list(line: str) -> None:
    job = parse_job(f"Backend Engineer\n{line}\nRequirements:\n- Python\n- Docker\n- SQL\n")
    assert [r.text for r in job.requirements] == ["Python", "Docker", "SQL"]


@pytest.mark.parametrize(
    ("text", "required", "preferred"),
    [
        (  # scraped: the heading glued to its first item, items glued at their stops
            "Quant Developer\nThey need good software professionals.Essential requirements:Bachelors in Computer "
            "Science.Python experience (4+ years of experience commercially)Devops experience, Docker, CI/CD\n",
            ["Bachelors in Computer Science."],
            [],
        ),
        (  # headings in capitals that end in an ellipsis
            "Full Stack Engineer\nWE NEED YOU TO HAVE...      Experience with TypeScript4+ years experience as a Full "
            "Stack Engineer\nIT’S NICE TO HAVE…      Worked within a Startup\n",
            ["Experience with TypeScript4+ years experience as a Full Stack Engineer"],  # "t4" is no line break
            ["Worked within a Startup"],
        ),
        (
            "Security Engineer\nThe Quals      5+ years of information security experience\n",
            ["5+ years of information security experience"],
            [],
        ),
    ],
)
def test_requirement_headings_scraped_ads_use(text: str, required: list[str], preferred: list[str]) -> None:
    job = parse_job(text)
    reqs = [r.text for r in job.requirements if r.kind == "required"]
    assert reqs[: len(required)] == required
    assert [r.text for r in job.requirements if r.kind == "preferred"] == preferred
    _assert_offsets(job)


def test_the_value_under_a_job_field_label_is_no_requirement() -> None:
    """Indeed's footer: "Work Remotely:" then "• No" is a field and its value, not a one-word requirement."""
    job = parse_job(
        "PHP Developer\nRequirements\n- PHP\n- Laravel\n- MySQL\nExperience:\n• PHP: 3 years (Preferred)\n"
        "Work Remotely:\n• No\nJob Type:\n• Full-time\n"
    )
    assert [r.text for r in job.requirements] == ["PHP", "Laravel", "MySQL", "PHP: 3 years (Preferred)"]
