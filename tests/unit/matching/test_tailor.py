"""tailor(): evidence per requirement, gaps with what-ifs, confidence, determinism and its properties."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.render import render_markdown
from matching.tailor import prepare_resume, tailor
from parsers.models import EducationAsked, YearsAsked
from tests.unit.matching.tailor_factories import (
    BUSINESS_PROCESSES,
    FAKE_SKILLS,
    ReqSpec,
    RoleSpec,
    build_job,
    build_resume,
    fake_options,
    real_options,
)

OPTIONS = fake_options()


def _resume(**overrides: object):  # type: ignore[no-untyped-def]
    params: dict[str, object] = {
        "summary": "Backend engineer building Django services.",
        "roles": [
            RoleSpec(
                "Software Engineer",
                "Acme",
                "2021-01",
                "present",
                [
                    "Built Django REST APIs in Python serving 2M users",
                    "Responsible for k8s deployments",
                    "Worked on Docker images",
                ],
            ),
            RoleSpec("Developer", "Old Co", "2008-01", "2012-06", ["Wrote Java services on MySQL"]),
        ],
        "skills": ["Python", "Terraform", "AWS"],
        "education": [("BSc Computer Science", "bachelor", "Computer Science")],
    }
    params.update(overrides)
    return build_resume(**params)  # type: ignore[arg-type]


def _job(**overrides: object):  # type: ignore[no-untyped-def]
    params: dict[str, object] = {
        "title": "Senior Backend Engineer (Python)",
        "requirements": [
            ReqSpec("5+ years of experience with Python", years=[YearsAsked("5+ years", 5.0, None, "Python")]),
            "Experience with Kubernetes and Docker",
            "PostgreSQL",
            "Java or Kotlin",
            "Strong communication skills",
            ReqSpec(
                "BS in Computer Science or equivalent",
                education=EducationAsked("BS", "bachelor", ("Computer Science",), True),
            ),
            ReqSpec("React", kind="preferred"),
        ],
        "responsibilities": ["Build REST APIs with Django"],
    }
    params.update(overrides)
    return build_job(**params)  # type: ignore[arg-type]


def _line(report, text):  # type: ignore[no-untyped-def]
    return next(m for m in report.requirements if m.text == text)


def test_requirement_is_evidenced_by_the_bullet_that_shows_it() -> None:
    resume, job = _resume(), _job()
    report = tailor(resume, job, options=OPTIONS)
    line = _line(report, "Experience with Kubernetes and Docker")
    assert line.status == "met"
    k8s = next(c for c in line.skills if c.skill_ids == ("kubernetes",))
    ev = k8s.evidence[0]
    assert ev.quote == "Responsible for k8s deployments" and ev.match == "alias"
    assert resume.text[ev.start : ev.end] == ev.quote
    assert job.text[line.start : line.end] == line.text


def test_gaps_distinguish_missing_from_shown_where_it_does_not_count() -> None:
    report = tailor(_resume(), _job(), options=OPTIONS)
    reasons = {g.label: g.reason for g in report.gaps}
    assert reasons["PostgreSQL"] == "only_related_skill"  # MySQL in an old role: related, not the skill
    assert reasons["Java or Kotlin"] == "only_in_old_role"
    assert reasons["React"] == "missing"
    assert "Python" not in reasons


def test_gaps_put_required_before_preferred_and_hard_before_soft() -> None:
    report = tailor(_resume(), _job(), options=OPTIONS)
    kinds = [g.kind for g in report.gaps]
    assert kinds == sorted(kinds, key=lambda k: {"required": 0, "preferred": 1, "other": 2}[k])
    required_labels = [g.label for g in report.gaps if g.kind == "required"]
    assert required_labels.index("PostgreSQL") < required_labels.index("communication")


def test_what_if_is_the_score_with_the_gap_closed() -> None:
    resume = _resume()
    report = tailor(resume, _job(), options=OPTIONS)
    gap = next(g for g in report.gaps if g.label == "React")
    assert gap.what_if_score > report.score
    assert gap.gain == pytest.approx(gap.what_if_score - report.score, abs=0.11)
    # Closing the gap for real (a bullet in the current role) reaches at least that score.
    roles = list(_resume_roles())
    roles[0] = dataclasses.replace(roles[0], bullets=[*roles[0].bullets, "Shipped a React dashboard"])
    closed = tailor(_resume(roles=roles), _job(), options=OPTIONS)
    assert closed.score >= gap.what_if_score - 0.1


def _resume_roles() -> list[RoleSpec]:
    return [
        RoleSpec(
            "Software Engineer",
            "Acme",
            "2021-01",
            "present",
            [
                "Built Django REST APIs in Python serving 2M users",
                "Responsible for k8s deployments",
                "Worked on Docker images",
            ],
        ),
        RoleSpec("Developer", "Old Co", "2008-01", "2012-06", ["Wrote Java services on MySQL"]),
    ]


def test_years_per_skill_against_the_ask() -> None:
    report = tailor(_resume(), _job(), options=OPTIONS)
    line = _line(report, "5+ years of experience with Python")
    assert line.category == "experience"
    assert line.years_asked == 5.0
    assert line.years_found == pytest.approx(4.4, abs=0.1)  # 2021-01 .. 2025-06
    assert line.status == "met"  # 4.4 of 5 years is at least the met threshold
    assert report.part("experience").applies


def test_education_level_and_field_met() -> None:
    report = tailor(_resume(), _job(), options=OPTIONS)
    line = _line(report, "BS in Computer Science or equivalent")
    assert line.category == "education" and line.status == "met"


def test_education_below_level_without_equivalence_is_a_gap() -> None:
    job = _job(
        requirements=[ReqSpec("PhD in Physics", education=EducationAsked("PhD in Physics", "doctorate", ("Physics",)))]
    )
    report = tailor(_resume(), job, options=OPTIONS)
    gap = next(g for g in report.gaps if g.id.startswith("education:"))
    assert gap.reason == "education_level" and gap.what_if_score > report.score


def test_score_is_deterministic_and_versioned() -> None:
    a = tailor(_resume(), _job(), options=OPTIONS)
    b = tailor(_resume(), _job(), options=OPTIONS)
    assert a == b
    assert a.score_version and 0 <= a.score <= 100
    assert a.score == round(a.score, 1)
    assert round(sum(p.points for p in a.breakdown if p.applies), 1) == pytest.approx(a.score, abs=0.3)


def test_to_dict_is_json_ready_with_stable_keys() -> None:
    d = tailor(_resume(), _job(), options=OPTIONS).to_dict()
    text = json.dumps(d)
    assert list(d)[:3] == ["score", "score_version", "score_confidence"]
    assert json.loads(text) == d


def test_breakdown_explains_in_words_and_numbers() -> None:
    report = tailor(_resume(), _job(), options=OPTIONS)
    required = report.part("required_skills")
    assert "of" in required.explanation and any(ch.isdigit() for ch in required.explanation)
    assert "only in" in required.explanation or "related" in required.explanation


def test_no_preferred_items_redistributes_the_weight_and_says_so() -> None:
    job = _job(requirements=["Python", "Docker"])
    report = tailor(_resume(), job, options=OPTIONS)
    assert not report.part("preferred_skills").applies
    assert report.part("required_skills").max > report.part("required_skills").weight
    assert any("names no preferred skills" in n for n in report.notes)


def test_doubtful_parse_marks_low_confidence() -> None:
    report = tailor(_resume(doubtful=True), _job(), options=OPTIONS)
    assert report.score_confidence == "low"
    assert any("could not be read reliably" in n for n in report.confidence_notes)


def test_job_without_requirement_list_falls_back_to_lines_naming_skills() -> None:
    job = _job(requirements=[], responsibilities=["You will build Python services on Kubernetes", "Have fun"])
    report = tailor(_resume(), job, options=OPTIONS)
    assert report.score_confidence == "low"
    assert [m.text for m in report.requirements] == ["You will build Python services on Kubernetes"]


def test_analysis_can_be_reused_but_not_for_another_resume() -> None:
    resume = _resume()
    analysis = prepare_resume(resume, options=OPTIONS)
    assert tailor(resume, _job(), options=OPTIONS, analysis=analysis) == tailor(resume, _job(), options=OPTIONS)
    with pytest.raises(ValueError, match="another resume"):
        tailor(_resume(), _job(), options=OPTIONS, analysis=analysis)


def test_never_credits_a_skill_the_resume_does_not_show() -> None:
    report = tailor(_resume(), _job(), options=OPTIONS)
    text = _resume().text.lower()
    for m in report.requirements:
        for c in m.skills:
            for ev in c.evidence:
                surface = text[ev.match_start : ev.match_end]
                assert surface, "evidence must point at resume text"
                if ev.match != "related":
                    assert ev.skill_id in c.skill_ids


_SKILL_IDS = sorted(k for k, v in FAKE_SKILLS.items() if v[1] != "soft")


@settings(max_examples=25)
@given(st.lists(st.sampled_from(_SKILL_IDS), min_size=1, max_size=6, unique=True), st.sampled_from(_SKILL_IDS))
def test_adding_a_missing_required_skill_as_a_current_bullet_never_lowers_the_score(
    asked: list[str], added: str
) -> None:
    job = build_job("Software Engineer", [FAKE_SKILLS[s][2][0] for s in asked])
    before = tailor(_resume(), job, options=OPTIONS)
    roles = _resume_roles()
    roles[0] = dataclasses.replace(
        roles[0], bullets=[*roles[0].bullets, f"Delivered a service with {FAKE_SKILLS[added][2][0]}"]
    )
    after = tailor(_resume(roles=roles), job, options=OPTIONS)
    assert after.score >= before.score


@settings(max_examples=25)
@given(st.permutations(list(range(7))))
def test_reordering_the_job_requirement_lines_does_not_change_the_score(order: list[int]) -> None:
    base = _job()
    specs = _job_specs()
    shuffled = build_job(base.title, [specs[i] for i in order], responsibilities=["Build REST APIs with Django"])
    assert tailor(_resume(), shuffled, options=OPTIONS).score == tailor(_resume(), base, options=OPTIONS).score


def _job_specs() -> list[ReqSpec]:
    return [
        ReqSpec("5+ years of experience with Python", years=[YearsAsked("5+ years", 5.0, None, "Python")]),
        ReqSpec("Experience with Kubernetes and Docker"),
        ReqSpec("PostgreSQL"),
        ReqSpec("Java or Kotlin"),
        ReqSpec("Strong communication skills"),
        ReqSpec(
            "BS in Computer Science or equivalent",
            education=EducationAsked("BS", "bachelor", ("Computer Science",), True),
        ),
        ReqSpec("React", kind="preferred"),
    ]


def test_an_ad_with_no_requirements_is_not_summarised_as_all_shown() -> None:
    resume = build_resume(roles=[RoleSpec("Engineer", "Acme", "2021-01", "present", ["Built Python tools"])])
    report = tailor(resume, build_job("Hello", []), options=fake_options())
    assert "Everything the ad asks is shown" not in report.summary
    assert "No requirements could be read" in report.summary


# --- Issue 4: the report is honest and self-consistent ------------------------------------------------------


def _check(line, name):  # type: ignore[no-untyped-def]
    return next(c for c in line.skills if c.name == name)


def test_a_line_naming_an_example_is_not_met_by_the_general_skill_alone() -> None:
    # The fake extractor, like the shipped taxonomy, does not know Jinja2: the line still asks for it.
    text = "Experience with Python web templating (Jinja2)"
    report = tailor(_resume(), _job(requirements=[text, "Docker"]), options=OPTIONS)
    line = _line(report, text)
    assert {c.name: c.status for c in line.skills} == {"Python": "met", "Jinja2": "missing"}
    assert line.status == "partly_met"
    assert "shown: Python" in line.explanation and "not shown: Jinja2" in line.explanation
    gap = next(g for g in report.gaps if g.label == "Jinja2")
    assert gap.reason == "missing" and gap.what_if_score > report.score


def test_a_named_example_shown_in_a_bullet_meets_the_line() -> None:
    text = "Experience with Python web templating (Jinja2)"
    roles = _resume_roles()
    roles[0] = dataclasses.replace(roles[0], bullets=[*roles[0].bullets, "Rendered 40 email campaigns with Jinja2"])
    resume = _resume(roles=roles)
    report = tailor(resume, _job(requirements=[text]), options=OPTIONS)
    line = _line(report, text)
    jinja = _check(line, "Jinja2")
    assert line.status == "met" and jinja.status == "met"
    ev = jinja.evidence[0]
    assert ev.quote == "Rendered 40 email campaigns with Jinja2" and ev.location == "bullet"
    assert resume.text[ev.match_start : ev.match_end] == "Jinja2"
    assert not any(g.label == "Jinja2" for g in report.gaps)


def test_a_general_skill_before_its_examples_counts_only_partly() -> None:
    # "for python such as Jinja2": Jinja2 is the ask; Python shown alone is related evidence, not the skill.
    text = "Working knowledge of web templating engine for python such as Jinja2 etc"
    report = tailor(_resume(), _job(requirements=[text]), options=OPTIONS)
    line = _line(report, text)
    [check] = line.skills
    assert check.name == "Jinja2" and check.status == "partly_met"
    assert check.reason == "only_related_skill"
    assert check.evidence and check.evidence[0].match == "related" and check.evidence[0].skill_name == "Python"
    assert line.status == "partly_met"
    assert "Python" in line.explanation and "Jinja2" in line.explanation


_SHOWS = re.compile(r"shows (\d+) of the (\d+) technical skills it requires")
_BREAKDOWN = re.compile(r"^(\d+) of (\d+) technical")


def _tallies(report) -> tuple[tuple[int, int], tuple[int, int]]:  # type: ignore[no-untyped-def]
    summary = _SHOWS.search(report.summary)
    breakdown = _BREAKDOWN.search(report.part("required_skills").explanation)
    assert summary and breakdown, (report.summary, report.part("required_skills").explanation)
    return (int(summary[1]), int(summary[2])), (int(breakdown[1]), int(breakdown[2]))


def test_summary_breakdown_and_requirement_lines_count_the_required_skills_alike() -> None:
    report = tailor(_resume(), _job(), options=OPTIONS)
    summary, breakdown = _tallies(report)
    assert summary == breakdown
    hard = {c.key: c for m in report.requirements if m.kind == "required" for c in m.skills if c.kind != "soft"}
    assert summary == (sum(c.status == "met" for c in hard.values()), len(hard))


def test_a_skill_named_only_in_the_title_is_counted_alike_and_said_to_be_from_the_title() -> None:
    # Python is named in the title but in no requirement line: it counts as required, and both texts say why.
    job = _job(title="Python Engineer", requirements=["Experience with Kubernetes and Docker", "PostgreSQL"])
    report = tailor(_resume(), job, options=OPTIONS)
    summary, breakdown = _tallies(report)
    assert summary == breakdown
    hard = {c.key for m in report.requirements if m.kind == "required" for c in m.skills if c.kind != "soft"}
    assert summary[1] == len(hard) + 1
    assert "1 named only outside the requirement lines" in report.summary
    assert "1 named only outside the requirement lines" in report.part("required_skills").explanation


def test_title_words_found_only_in_the_resume_text_are_not_called_absent() -> None:
    resume = build_resume(
        headline="Data Analyst",
        roles=[RoleSpec("Analyst", "Acme", "2021-01", "present", ["Supported the platform engineering team"])],
    )
    report = tailor(resume, build_job("Platform Engineer", ["Docker"]), options=OPTIONS)
    title = report.part("title")
    assert title.points > 0
    assert "not in your" not in title.explanation
    assert "platform" in title.explanation and "engineer" in title.explanation


def test_title_explanation_names_what_earned_partial_credit() -> None:
    resume = build_resume(
        headline="Backend Engineer",
        roles=[RoleSpec("Engineer", "Acme", "2021-01", "present", ["Supported the platform team"])],
    )
    report = tailor(resume, build_job("Platform Engineer", ["Docker"]), options=OPTIONS)
    text = report.part("title").explanation
    assert "echo engineer" in text
    assert "close: platform" in text  # in the resume's text, not in a title: partial credit, named as such


@pytest.mark.parametrize("alternatives", [(), (("GIT", "SVN"),)], ids=["found by the engine", "given by the parser"])
def test_an_either_or_pair_neither_shown_is_one_gap(alternatives: tuple[tuple[str, ...], ...]) -> None:
    text = "Working knowledge of version control tools (GIT/SVN)."
    job = build_job("Backend Developer", [ReqSpec(text, alternatives=alternatives), "Python"])
    resume = build_resume(roles=[RoleSpec("Engineer", "Acme", "2020-01", "present", ["Built Python services"])])
    report = tailor(resume, job, options=real_options())
    [check] = _line(report, text).skills
    # Labelled in the ad's words ("GIT/SVN"), with the taxonomy's names kept beside them.
    assert check.name == "Git or SVN" and check.status == "missing"
    assert check.canonical == "Git or Apache Subversion"
    gaps = [g for g in report.gaps if g.requirement == text]
    assert [g.label for g in gaps] == ["Git or SVN"]


def test_skills_are_labelled_in_the_ads_words_where_it_names_them_otherwise() -> None:
    text = "Experience with AWS, PostGRESQL and LINUX"
    job = build_job("Backend Developer", [text])
    resume = build_resume(roles=[RoleSpec("Engineer", "Acme", "2020-01", "present", ["Built Python services"])])
    report = tailor(resume, job, options=real_options())
    names = {c.name: c.canonical for c in _line(report, text).skills}
    # An abbreviation the ad uses is its label; the same words in other capitals take the taxonomy's spelling.
    assert names == {"AWS": "Amazon Web Services", "PostgreSQL": "", "Linux": ""}
    assert "AWS" in {g.label for g in report.gaps}


_SENIOR_PYTHON_BULLETS = [
    "Developed a scalable API for an e-commerce platform using Python, Django and PostgreSQL",
    "Built data pipelines on MongoDB serving 2M users",
]
_BACKEND_LINES = [
    "Good understanding of event-driven programming in Python",
    "Ability to integrate data storage solutions and caches.",
    BUSINESS_PROCESSES,
    "Experience/knowledge of working on the LINUX environment.",
]


def test_a_broad_area_shown_by_the_resumes_skills_is_met_without_asking_to_name_it() -> None:
    # Lines of a real Python/Django ad; a senior Python developer shows programming and databases in bullets.
    resume = build_resume(
        headline="Senior Python Developer",
        roles=[RoleSpec("Senior Python Developer", "ABC Company", "2019-01", "present", _SENIOR_PYTHON_BULLETS)],
    )
    report = tailor(resume, build_job("Backend Developer - Python/Django", _BACKEND_LINES), options=real_options())
    checks = {c.name: c for m in report.requirements for c in m.skills}
    for area, through in (("Computer programming", "Python"), ("data storage", ("PostgreSQL", "MongoDB"))):
        assert checks[area].broad and checks[area].status == "met", (area, checks[area].reason)
        assert checks[area].evidence[0].skill_name in through
    labels = [g.label for g in report.gaps]
    assert "Computer programming" not in labels and "data storage" not in labels
    assert not any("Computer programming" in s.message or "data storage" in s.message for s in report.suggestions)
    assert (
        report.score > tailor(resume, build_job("Backend Developer", _BACKEND_LINES[3:]), options=real_options()).score
    )


def test_a_broad_area_not_shown_is_asked_in_the_ads_words_after_the_named_skills() -> None:
    resume = build_resume(
        roles=[RoleSpec("Senior Python Developer", "ABC Company", "2019-01", "present", _SENIOR_PYTHON_BULLETS)]
    )
    report = tailor(resume, build_job("Backend Developer", _BACKEND_LINES), options=real_options())
    gaps = {g.label: g for g in report.gaps}
    area = gaps["business processes"]
    assert area.broad and area.hard and area.reason == "missing"
    assert area.advice.startswith("The ad mentions business processes: if your work involved it, use the ad's words")
    assert "learn" not in area.advice
    assert "broad area" in area.importance_note
    assert not any(s.kind == "gap" and "business processes" in s.message for s in report.suggestions)
    labels = [g.label for g in report.gaps]
    assert labels.index("Linux") < labels.index("business processes")  # a named tool first
    assert area.importance < gaps["Linux"].importance
    # Computer programming and data storage are shown; business processes not ("Backend Developer", a role, asks
    # for no skill of its own).
    assert "2 of 3 broad-area" in report.part("required_skills").explanation


def test_unrelated_skills_show_no_broad_area() -> None:
    # A nurse's resume earns nothing for "computer programming" or "data storage": no skill of theirs shows them.
    resume = build_resume(
        name="Maria Lopez",  # not "Ada Example": the name would read as the Ada language
        headline="Registered Nurse",
        roles=[RoleSpec("Nurse", "City Hospital", "2018-01", "present", ["Cared for 30 patients a day in Excel"])],
    )
    report = tailor(resume, build_job("Backend Developer", _BACKEND_LINES[:2]), options=real_options())
    checks = {c.name: c for m in report.requirements for c in m.skills}
    assert checks["Computer programming"].status == "missing" and checks["data storage"].status == "missing"


def test_a_skill_asked_alone_and_in_an_either_or_group_on_other_lines_is_one_gap() -> None:
    alone, either = "Experience with Git", "Working knowledge of version control tools (GIT/SVN)."
    job = build_job("Backend Developer", [alone, either, "Python"])
    resume = build_resume(roles=[RoleSpec("Engineer", "Acme", "2020-01", "present", ["Built Python services"])])
    report = tailor(resume, job, options=real_options())
    gaps = [g for g in report.gaps if "git" in g.id]
    assert [(g.label, g.requirement) for g in gaps] == [("Git", alone)]  # under the stronger ask: Git itself
    assert gaps[0].also_asked == (either,)
    assert "also asked on 1 other line" in gaps[0].importance_note
    [check] = _line(report, either).skills
    assert check.status == "missing" and check.covered_by == gaps[0].id
    assert "one gap with Git" in render_markdown(report)
    summary, breakdown = _tallies(report)
    assert summary == breakdown == (1, 2)  # Python and Git, each counted once


def test_an_either_or_group_shown_by_another_member_stands_apart_from_the_skill_alone() -> None:
    alone, either = "Experience with Git", "Working knowledge of version control tools (GIT/SVN)."
    job = build_job("Backend Developer", [alone, either])
    resume = build_resume(
        roles=[RoleSpec("Engineer", "Acme", "2020-01", "present", ["Kept 40 repositories in SVN for the team"])]
    )
    report = tailor(resume, job, options=real_options())
    [check] = _line(report, either).skills
    assert check.status == "met" and check.covered_by is None
    gaps = [g for g in report.gaps if "git" in g.id]
    assert [g.label for g in gaps] == ["Git"] and gaps[0].also_asked == ()


def test_gaps_tied_on_importance_put_the_bigger_gain_first_and_say_why_they_rank() -> None:
    # Docker (only in the skills list) and Kubernetes (missing) weigh the same; Kubernetes gains more.
    resume = build_resume(
        roles=[RoleSpec("Engineer", "Acme", "2020-01", "present", ["Built Python services"])], skills=["Docker"]
    )
    report = tailor(resume, build_job("Engineer", ["Docker", "Kubernetes", "communication"]), options=OPTIONS)
    labels = [g.label for g in report.gaps]
    assert labels == ["Kubernetes", "Docker", "communication"]
    docker, k8s = (next(g for g in report.gaps if g.label == n) for n in ("Docker", "Kubernetes"))
    assert docker.importance == k8s.importance and k8s.gain > docker.gain
    for g in report.gaps:
        assert g.importance_note.startswith("Required")
    assert "soft skill" in report.gaps[-1].importance_note


def test_a_skill_named_twice_in_one_line_is_not_repeated_but_in_two_lines_it_is() -> None:
    resume = build_resume(roles=[RoleSpec("Engineer", "Acme", "2020-01", "present", ["Built Python services"])])
    once = tailor(resume, build_job("Engineer", ["Kubernetes (k8s) in production", "Terraform"]), options=OPTIONS)
    by_label = {g.label: g for g in once.gaps}
    assert by_label["Kubernetes"].importance == by_label["Terraform"].importance
    twice = tailor(resume, build_job("Engineer", ["Kubernetes", "Terraform", "Kubernetes operators"]), options=OPTIONS)
    by_label = {g.label: g for g in twice.gaps}
    assert by_label["Kubernetes"].importance > by_label["Terraform"].importance
    assert "named in 2 places" in by_label["Kubernetes"].importance_note
    assert [g.label for g in twice.gaps][:2] == ["Kubernetes", "Terraform"]


@pytest.mark.parametrize(
    ("shown", "asked"),
    [
        ("Subversion", "Perforce"),
        ("Git", "Mercurial"),
        ("JUnit", "TestNG"),
        ("Selenium", "Cypress"),
        ("MySQL", "MariaDB"),
        ("Google Cloud Platform", "BigQuery"),
        ("Apache JMeter", "Gatling"),
        ("pytest", "Jest"),
        ("SQL Server", "SSIS"),
        ("Unix", "AIX"),
        ("Power BI", "DAX"),
        ("Vue.js", "Nuxt"),
        ("PostgreSQL", "PostGIS"),
        ("Kubernetes", "GKE"),
        ("Docker", "Docker Swarm"),
        ("Ubuntu", "CentOS"),
    ],
)
def test_a_tool_of_the_same_kind_is_never_the_tool_the_ad_asks(shown: str, asked: str) -> None:
    """Tools that do the same job are related skills (partial credit, said so), never the skill itself: the
    taxonomy once merged Perforce into Subversion and TestNG into JUnit."""
    from parsers import parse_job, parse_resume

    resume = parse_resume(
        "Jane Roe\njane@example.com\n\nExperience\nSenior Engineer, Acme, 2021 - present\n"
        f"- Built the release pipeline with {shown} and Python for 40 services\n".encode(),
        "resume.txt",
    )

    def check(tool: str):  # type: ignore[no-untyped-def]
        job = parse_job(f"Build Engineer\nRequirements:\n- Experience with {tool}\n- Experience with Python\n")
        report = tailor(resume, job, options=real_options())
        (found,) = [s for r in report.requirements for s in r.skills if s.name == tool]
        return found

    assert check(shown).status == "met"  # the resume's tool is read as itself
    other = check(asked)
    assert other.status != "met"
    assert all(ev.match == "related" for ev in other.evidence)


@pytest.mark.parametrize(
    ("shown", "asked"),
    [("SSIS", "SQL Server"), ("Nuxt", "Vue.js"), ("pytest", "Python"), ("GKE", "Kubernetes"), ("CentOS", "Linux")],
)
def test_a_tool_built_on_a_platform_implies_it_partly(shown: str, asked: str) -> None:
    """SSIS shows SQL Server, but the resume should name SQL Server too: partly met, said so."""
    from parsers import parse_job, parse_resume

    resume = parse_resume(
        "Jane Roe\njane@example.com\n\nExperience\nSenior Engineer, Acme, 2021 - present\n"
        f"- Built the data loads with {shown} for 40 teams\n".encode(),
        "resume.txt",
    )
    job = parse_job(f"Data Engineer\nRequirements:\n- Experience with {asked}\n- Experience with Kafka\n")
    report = tailor(resume, job, options=real_options())
    (check,) = [s for r in report.requirements for s in r.skills if s.name == asked]
    assert (check.status, check.reason) == ("partly_met", "only_implied")
    assert check.evidence[0].match == "implied"
