"""Resume structure from text and from laid-out lines."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from parsers.models import Resume
from parsers.resume import _SKILL_SEP_RE, _has_stray_word, _Scan, _split_skills, parse_resume, resume_from_document
from parsers.text import document_from_text
from tests.unit.parsers.layout_factory import laid_out
from tests.unit.parsers.token_text import token_text


def _resume(text: str) -> Resume:
    return resume_from_document(document_from_text(text))


def _roles(resume: Resume) -> list[tuple[str | None, str | None, str | None, str | None, int]]:
    return [
        (
            r.title,
            r.organization,
            r.start_date.iso if r.start_date else None,
            r.end_date.iso if r.end_date else None,
            len(r.bullets),
        )
        for r in resume.roles
    ]


def _assert_offsets(resume: Resume) -> None:
    text = resume.text
    for role in resume.roles:
        for b in role.bullets:
            assert text[b.start : b.end] == b.text
        assert role.start < role.end
    for skill in resume.skills:
        assert text[skill.start : skill.end] == skill.text
    for section in resume.sections:
        assert text[section.start : section.content_start].strip() == section.heading


TEXT_RESUME = """\
Maria  Gonzalez
Senior Backend Engineer
Austin, TX | maria.g@example.com | +1 512-555-0100 | github.com/mgonzalez

SUMMARY
Backend engineer with 8 years building payment systems. Led teams of up to 12 engineers.

WORK EXPERIENCE
Senior Backend Engineer, Stripe — Jan 2020 – Present
• Cut p99 latency by 45% across the payments API
• Led migration of 3 services to Kubernetes in 6 weeks
Globex Corp | Chicago, IL
Software Engineer | 03/2016 - 12/2019
- Built billing pipelines handling $2M daily
- Mentored 4 junior developers

Data Analyst
Initech
Summer 2014 to Fall 2015
Wrote reports. Automated the weekly KPI deck, saving 5 hours a week.

EDUCATION
B.Sc. in Computer Science, University of Texas at Austin, 2015

TECHNICAL SKILLS
Languages: Python, Go, SQL
Tools: Docker, Kubernetes, CI/CD, TCP/IP

LICENSES & CERTIFICATIONS
AWS Certified Solutions Architect – Associate (2021)
"""


def test_contact_headline_and_summary_from_text() -> None:
    resume = _resume(TEXT_RESUME)
    assert resume.contact.name == "Maria Gonzalez"
    assert resume.contact.email == "maria.g@example.com"
    assert resume.contact.phone == "+1 512-555-0100"
    assert resume.contact.location == "Austin, TX"
    assert [link.kind for link in resume.contact.links] == ["github"]
    assert resume.headline == "Senior Backend Engineer"
    assert resume.summary is not None
    assert resume.summary.text.startswith("Backend engineer with 8 years")


def test_roles_in_three_layouts() -> None:
    resume = _resume(TEXT_RESUME)
    assert _roles(resume) == [
        ("Senior Backend Engineer", "Stripe", "2020-01", "present", 2),
        ("Software Engineer", "Globex Corp", "2016-03", "2019-12", 2),
        ("Data Analyst", "Initech", "2014-06", "2015-09", 2),
    ]
    assert resume.roles[1].location == "Chicago, IL"
    _assert_offsets(resume)


def test_sentences_under_a_role_are_bullets_with_quantities() -> None:
    resume = _resume(TEXT_RESUME)
    third = resume.roles[2].bullets
    assert [b.text for b in third] == ["Wrote reports.", "Automated the weekly KPI deck, saving 5 hours a week."]
    assert [(q.raw, q.kind) for q in third[1].quantities] == [("5 hours", "duration")]
    first = resume.roles[0].bullets
    assert [(q.kind, q.value) for q in first[0].quantities] == [("percent", 45.0)]


def test_sections_education_skills_and_certifications() -> None:
    resume = _resume(TEXT_RESUME)
    assert [s.kind for s in resume.sections] == ["summary", "experience", "education", "skills", "certifications"]
    (edu,) = resume.education
    assert (edu.degree, edu.level, edu.field, edu.institution) == (
        "B.Sc.",
        "bachelor",
        "Computer Science",
        "University of Texas at Austin",
    )
    assert edu.start_date is not None and edu.start_date.iso == "2015"
    assert [(s.text, s.category) for s in resume.skills] == [
        ("Python", "Languages"),
        ("Go", "Languages"),
        ("SQL", "Languages"),
        ("Docker", "Tools"),
        ("Kubernetes", "Tools"),
        ("CI/CD", "Tools"),
        ("TCP/IP", "Tools"),
    ]
    (cert,) = resume.certifications
    assert cert.name == "AWS Certified Solutions Architect – Associate"
    assert cert.date is not None and cert.date.iso == "2021"
    assert not resume.parse_quality.doubtful
    assert resume.parse_quality.issues == ()


def test_dates_split_over_two_lines_and_year_month_order() -> None:
    resume = _resume(
        "Ivan Petrov\nivan@example.ru\nEXPERIENCE\n"
        "2020, June  MTS GROUP (mts.ru), Russia\n2021, August Python Developer\n"
        "• Created an api for ML model. Stack: Python, Flask\n"
        "2019, August  FIRST LINE SOFTWARE, Russia\n2020, June Python Developer\n"
        "• Integrated a back-end of Django-based online shop with Stripe API\n"
    )
    assert _roles(resume) == [
        ("Python Developer", "MTS GROUP", "2020-06", "2021-08", 1),
        ("Python Developer", "FIRST LINE SOFTWARE", "2019-08", "2020-06", 1),
    ]


def test_all_caps_title_and_company_on_one_line() -> None:
    resume = _resume(
        "EXPERIENCE\nDATA ANALYST REGIONS GROUP, MOSCOW, RUSSIA  2015-2017\n"
        "Maintaining of databases of management accounting and sales (SQL).\n"
    )
    assert _roles(resume) == [("DATA ANALYST", "REGIONS GROUP", "2015", "2017", 1)]
    assert resume.roles[0].location == "MOSCOW, RUSSIA"


def test_dates_printed_below_the_bullets_belong_to_the_role_above() -> None:
    # RenderCV's classic theme: the date column comes out after the role's bullets
    doc = laid_out(
        [
            ("John Doe", {"font_size": 30.0, "bold": True}),
            ("john@example.com", {}),
            ("Experience", {"font_size": 14.0, "bold": True}),
            ("Nexus AI, Co-Founder & CTO", {"bold": True}),
            (
                "Built model infrastructure serving 2M+ monthly API requests with 99.97%",
                {"x0": 60.0, "list_item": True},
            ),
            ("uptime", {"x0": 68.0}),
            ("San Francisco, CA", {"x0": 480.0}),
            ("June 2023 – present", {"x0": 470.0}),
            ("2 years 10 months", {"x0": 480.0}),
            ("NVIDIA Research, Research Intern", {"bold": True}),
            ("Designed sparse attention reducing memory by 4.2x", {"x0": 60.0, "list_item": True}),
            ("Santa Clara, CA", {"x0": 490.0}),
            ("May 2022 – Aug 2022", {"x0": 470.0}),
            ("Education", {"font_size": 14.0, "bold": True}),
            ("PhD Princeton University, Computer Science", {"bold": True}),
            ("Sept 2018 – May 2023", {"x0": 470.0}),
        ]
    )
    resume = resume_from_document(doc)
    assert _roles(resume) == [
        ("Co-Founder & CTO", "Nexus AI", "2023-06", "present", 1),
        ("Research Intern", "NVIDIA Research", "2022-05", "2022-08", 1),
    ]
    assert [r.location for r in resume.roles] == ["San Francisco, CA", "Santa Clara, CA"]
    assert " ".join(resume.roles[0].bullets[0].text.split()).endswith("99.97% uptime")
    (edu,) = resume.education
    assert (edu.level, edu.field, edu.institution) == ("doctorate", "Computer Science", "Princeton University")
    _assert_offsets(resume)


def test_a_range_broken_before_present_is_joined() -> None:
    doc = laid_out(
        [
            ("Barry Allen", {"font_size": 24.0}),
            ("barry@example.com", {}),
            ("Experience", {"font_size": 14.0}),
            ("June 2022 –", {"x0": 80.0}),
            ("Present", {"x0": 100.0}),
            ("Software Engineer (Front-End), Google, Mountain View, CA, USA", {"x0": 146.0, "bold": True}),
            ("Developing user interfaces using React. Working closely with UX designers.", {"x0": 146.0}),
            ("Education", {"font_size": 14.0}),
        ]
    )
    resume = resume_from_document(doc)
    assert _roles(resume) == [("Software Engineer (Front-End)", "Google", "2022-06", "present", 2)]
    assert resume.roles[0].location == "Mountain View, CA, USA"


def test_letter_spaced_headings_and_spanish_sections() -> None:
    resume = _resume(
        "Lucía Fernández\nlucia@example.es\nE X P E R I E N C I A\n"
        "Analista de Datos, BBVA — Octubre 2020 - Actualidad\n"
        "• Automaticé reportes en Python\nF O R M A C I Ó N\nLicenciatura en Economía, Universidad de Lima, 2019\n"
        "HABILIDADES\nPython, SQL, Power BI\n"
    )
    assert [s.kind for s in resume.sections] == ["experience", "education", "skills"]
    assert _roles(resume) == [("Analista de Datos", "BBVA", "2020-10", "present", 1)]
    assert resume.education[0].level == "bachelor"
    assert [s.text for s in resume.skills] == ["Python", "SQL", "Power BI"]


def test_quality_flags_a_resume_without_structure() -> None:
    quality = _resume("just a few words about me").parse_quality
    assert quality.doubtful
    assert {i.code for i in quality.issues} >= {"little_text", "no_sections", "no_contact", "no_roles"}


def test_quality_flags_undated_roles() -> None:
    resume = _resume(
        "Jo Bloggs\njo@example.com\nEXPERIENCE\nEngineer, Acme\n• did things\nDeveloper, Initech\n• more things\n"
        + "filler line with plenty of words to pass the length check " * 6
    )
    assert "undated_roles" in {i.code for i in resume.parse_quality.issues}


def test_quality_flags_two_columns_run_together() -> None:
    rows = [("Jo Bloggs", {}), ("jo@example.com", {}), ("EXPERIENCE", {})]
    rows += [(f"Built a service for team {n}     Python, Go and SQL skills {n}", {}) for n in range(8)]
    resume = resume_from_document(laid_out(rows))
    assert "merged_columns" in {i.code for i in resume.parse_quality.issues}
    assert resume.parse_quality.doubtful


@given(
    st.lists(
        st.sampled_from(
            [
                "EXPERIENCE",
                "Engineer, Acme — 2019 - 2021",
                "• Cut costs by 30%",
                "Skills",
                "Python, Go / Rust; CI/CD",
                "Education",
                "BS in Physics, MIT, 2015",
                "Jane Doe",
                "jane@x.io",
                "Summer 2020",
                "Present",
                "random words here",
            ]
        ),
        max_size=25,
    )
)
def test_any_arrangement_of_lines_keeps_offsets_exact(lines: list[str]) -> None:
    _assert_offsets(_resume("\n".join(lines)))


MARKDOWN_RESUME = b"""# Jane Doe
**Staff Engineer** | jane@doe.dev | Berlin, Germany | [GitHub](https://github.com/janedoe)

## Experience
### Staff Engineer, Zalando (2021 - Present)
- Led the checkout rewrite, cutting p95 latency by **40%**
- Grew the team from 4 to 11 engineers

### Senior Engineer at SoundCloud
*Mar 2017 - Dec 2020*
- Built the ingestion pipeline (2B events/day)

## Education
**MSc Computer Science**, TU Berlin, 2016

## Skills
- **Languages:** Go, Python, TypeScript
"""


def test_parse_resume_reads_markdown_bytes() -> None:
    resume = parse_resume(MARKDOWN_RESUME, "cv.md")
    assert resume.document.format == "markdown"
    assert (resume.contact.name, resume.contact.location, resume.headline) == (
        "Jane Doe",
        "Berlin, Germany",
        "Staff Engineer",
    )
    assert _roles(resume) == [
        ("Staff Engineer", "Zalando", "2021", "present", 2),
        ("Senior Engineer", "SoundCloud", "2017-03", "2020-12", 1),
    ]
    (edu,) = resume.education
    assert (edu.degree, edu.field, edu.institution) == ("MSc", "Computer Science", "TU Berlin")
    assert [(s.text, s.category) for s in resume.skills] == [
        ("Go", "Languages"),
        ("Python", "Languages"),
        ("TypeScript", "Languages"),
    ]
    _assert_offsets(resume)


@given(st.text(max_size=400))
def test_arbitrary_text_never_breaks_the_parser(text: str) -> None:
    if not text.strip():
        return
    resume = _resume(text)
    _assert_offsets(resume)
    assert resume.parse_quality.text_chars == len(resume.text.strip())


_META_TOKENS = (
    "Jan 2020",
    "Sept. 2019",
    "2019",
    "2018 - 2021",
    "Present",
    "present",
    "to",
    "since",
    "3 years",
    "2 yrs",
    "and",
    "6 months",
    "Austin, TX",
    "San Francisco, CA",
    "Rio de Janeiro, Brazil",
    "St.-louis, MO",
    "Remote",
    "Senior",
    "Engineer",
    "led",
    "the",
    "de",
    "Acme Inc",
)


@given(token_text(_META_TOKENS))
@example("Rio de Janeiro, Brazil | Jan 2020 - present")
@example("2019 to date")
@example("Mountain View, CA (3 years and 2 months)")
def test_stray_word_test_never_rejects_a_date_or_place_line(text: str) -> None:
    if _has_stray_word(text):
        assert not _Scan().meta_text(text)


def _split_reference(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The separator scan of _split_skills, one character at a time."""
    pieces: list[tuple[int, int]] = []
    depth = 0
    start = pos = a
    while pos < b:
        ch = text[pos]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (m := _SKILL_SEP_RE.match(text, pos, b)) is not None:
            pieces.append((start, pos))
            start = pos = m.end()
            continue
        pos += 1
    pieces.append((start, b))
    return pieces


@given(token_text(("Python", "Go", "CI/CD", "(AWS, GCP)", "[a, b]", ")", "(", " / ", "  ", ";", "•", "|", "and")))
def test_skill_separator_scan_matches_a_character_walk(text: str) -> None:
    expected = []
    for p0, p1 in _split_reference(text, 0, len(text)):
        raw = text[p0:p1]
        stripped = re.sub(r"^(?:and|&|or|y|et|und)\s+", "", raw.strip(" \n.-–*:")).strip(" \n.-–*:")
        if stripped and re.search(r"\w", stripped):
            s0 = p0 + raw.index(stripped)
            expected.append((s0, s0 + len(stripped)))
    assert _split_skills(text, 0, len(text)) == expected


def _skills(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.category) for s in _resume(f"Jane Roe\njane@roe.dev\n\nSKILLS\n{text}\n").skills]


def test_a_run_of_technology_names_without_separators_is_split() -> None:
    assert _skills("Go Python Node.js TypeScript") == [
        ("Go", None),
        ("Python", None),
        ("Node.js", None),
        ("TypeScript", None),
    ]
    assert _skills("Languages: HTML5 CSS3 JavaScript\nTools: Docker Kubernetes Terraform AWS") == [
        ("HTML5", "Languages"),
        ("CSS3", "Languages"),
        ("JavaScript", "Languages"),
        ("Docker", "Tools"),
        ("Kubernetes", "Tools"),
        ("Terraform", "Tools"),
        ("AWS", "Tools"),
    ]


def test_a_split_run_keeps_multi_word_names_together() -> None:
    assert [s for s, _ in _skills("MS Office Excel PowerPoint")] == ["MS Office", "Excel", "PowerPoint"]
    assert [s for s, _ in _skills("Amazon Web Services Docker SQL Server React Native")] == [
        "Amazon Web Services",
        "Docker",
        "SQL Server",
        "React Native",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Google Cloud Platform",
        "Machine Learning",
        "AWS Certified Solutions Architect",
        "Strong Communication Skills",
        "Experienced in Python and Django",
        "AWS Lambda",
        "Amazon Web Services (AWS)",
        "Spring MVC",
        "Java Persistence API",
        "Angular 6/7",
        "OpenSource java/js libs",
    ],
)
def test_names_and_phrases_that_are_one_skill_stay_whole(text: str) -> None:
    assert [s for s, _ in _skills(text)] == [text]


def _experience(resume: Resume) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [
        (r.title, r.organization, r.start_date.iso if r.start_date else None, r.end_date.iso if r.end_date else None)
        for r in resume.roles
        if r.section == "experience"
    ]


def test_jobs_listed_under_an_education_heading_are_experience() -> None:
    """A DOCX whose EXPERIENCE heading was lost: the jobs sit under the only heading, EDUCATION."""
    resume = _resume(
        "Jane Roe\njane@roe.dev\n\nEDUCATION\n"
        "2019, August GLOBEX BANK (globex.com), Russia\n2022, February Senior Software Developer (Python)\n"
        "Was supporting legacy code and implementing new features.\n"
        "2017, July INITECH (initech.ru), Russia\n2019, June Python Developer\nCreated an API for an ML model.\n"
        "2016, September MSc in Computer Science, Moscow State University\n"
    )
    assert _experience(resume) == [
        ("Senior Software Developer (Python)", "GLOBEX BANK", "2019-08", "2022-02"),
        ("Python Developer", "INITECH", "2017-07", "2019-06"),
    ]
    assert [(e.level, e.institution) for e in resume.education] == [("master", "Moscow State University")]


def test_dated_jobs_in_a_projects_section_are_experience_when_there_is_no_experience_heading() -> None:
    resume = _resume(
        "Jane Roe\njane@roe.dev\n\nSome of my projects:\n"
        "Electronic document management for cash deposits (Globex Bank).\n"
        "Globex Bank\nSeptember 2019 - Present Senior Team Manager\nProcess management of four teams.\n"
        "Initech Consulting\nAugust 2012 - December 2017 Senior System Analyst\nField staff management system.\n"
    )
    assert _experience(resume) == [
        ("Senior Team Manager", "Globex Bank", "2019-09", "present"),
        ("Senior System Analyst", "Initech Consulting", "2012-08", "2017-12"),
    ]


def test_real_education_and_projects_stay_what_they_are() -> None:
    resume = _resume(
        "Jane Roe\njane@roe.dev\n\nEDUCATION\n2015 - 2019 BSc in Computer Science, University of Leeds\n"
        "2021 Full Stack Developer Course, Le Wagon bootcamp\n"
        "PROJECTS\nStock Model\n2022 - 2023 Built a price model in Python.\n"
        "EXPERIENCE\nData Engineer, Acme Corp, 2019 - 2022\n"
    )
    assert [e.level for e in resume.education] == ["bachelor", None]
    assert [r.section for r in resume.roles] == ["projects", "experience"]


def test_role_lines_left_in_other_sections_by_merged_columns_are_found() -> None:
    """Two DOCX columns read line by line: the EXPERIENCE heading was glued to a skill, the roles sit in
    the skills section. When no role was found, a line holding a job title and a date range is one."""
    resume = _resume(
        "Jane Roe\njane@roe.dev\n\nSKILLS & EXPERTISE\nPython, Flask\nEXPERIENCE Wordpress\n"
        "Freelance Software Development Feb. 2012 Present\nSelenium\nDeveloped a custom python tool.\n"
        "Product Manager Jun. 2011 Nov. 2013\nJira\nQA Team Leader Jan. 2010 Mar. 2012\nLinux\n"
        "LANGUAGES\nEnglish\n"
    )
    assert _experience(resume) == [
        ("Freelance", "Software Development", "2012-02", "present"),
        ("Product Manager", None, "2011-06", "2013-11"),
        ("QA Team Leader", None, "2010-01", "2012-03"),
    ]


def test_no_roles_are_invented_from_dated_lines_when_roles_exist() -> None:
    resume = _resume(
        "Jane Roe\njane@roe.dev\n\nEXPERIENCE\nData Engineer, Acme Corp, 2019 - 2022\n- Built pipelines\n"
        "AWARDS\nBest Team Leader 2015 - 2016\n"
    )
    assert _experience(resume) == [("Data Engineer", "Acme Corp", "2019", "2022")]


def test_role_header_and_dates_in_neighbouring_table_cells() -> None:
    doc = laid_out(
        [
            ("Jane Roe", {"font_size": 18.0}),
            ("jane@roe.dev", {}),
            ("EXPERIENCE", {"bold": True, "font_size": 12.0}),
            ("Senior Engineer, Globex", {"source": "table", "column": 1, "bold": True}),
            ("Jan 2020 – Present", {"source": "table", "column": 2}),
            ("Built the billing service", {"list_item": True}),
            ("Engineer, Initech", {"source": "table", "column": 1, "bold": True}),
            ("2017 – 2019", {"source": "table", "column": 2}),
            ("Wrote reports", {"list_item": True}),
            ("EDUCATION", {"bold": True, "font_size": 12.0}),
            ("BSc Physics, University of Leeds, 2016", {}),
        ]
    )
    assert _experience(resume_from_document(doc)) == [
        ("Senior Engineer", "Globex", "2020-01", "present"),
        ("Engineer", "Initech", "2017", "2019"),
    ]
