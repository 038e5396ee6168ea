"""Boilerplate sentences of job ads: found by phrase, never scored as asks, real asks kept."""

from __future__ import annotations

import pytest

from matching.boilerplate import CHARS_PER_HIT, boilerplate_kind, boilerplate_spans, covered_share
from matching.tailor import tailor
from parsers.models import YearsAsked
from tests.unit.matching.tailor_factories import ReqSpec, RoleSpec, build_job, build_resume, fake_options

OPTIONS = fake_options()


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Acme is an equal opportunity employer.", "equal_opportunity"),
        ("Applicants are considered without regard to race, color or religion.", "equal_opportunity"),
        ("TikTok is committed to creating an inclusive space where employees are valued.", "equal_opportunity"),
        ("The pay range for this position is $141,000 - $202,000/year.", "pay_benefits"),
        ("Medical, dental and vision insurance; 401(k) matching.", "pay_benefits"),
        ("Must be able to pass a background check every two years thereafter.", "legal"),
        ("Candidates must be authorized to work in the United States; no visa sponsorship.", "legal"),
        ("Temporarily remote due to COVID-19.", "covid"),
        ('Interested in hearing more? Easy Apply now by clicking the "Apply Now" button.', "application"),
        ("Based in U.S. time zones for optimal collaboration.", "logistics"),
        ("Relocation assistance is unavailable for this role.", "logistics"),
        ("Must be available to work extended hours and weekends when needed.", "logistics"),
        ("A good laptop or tablet, functioning webcam, good speaker.", "logistics"),
        ("Strong and stable hi-speed Internet connection.", "logistics"),
        ("Candidates who can join immediately will be preferred.", "logistics"),
        ("Luminate has an incredible 30 year history.", "company"),
        ("Tecton is funded by Sequoia Capital and Andreessen Horowitz.", "company"),
    ],
)  # fmt: skip
def test_boilerplate_sentences_are_recognised(sentence: str, kind: str) -> None:
    assert boilerplate_kind(sentence) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "5+ years of experience with Python and Django",
        "Experience administering compensation systems and payroll software",
        "Good understanding of remote process communication and high availability",
        "Experience with microservices based in the cloud",
        "Strong communication skills",
        "Bachelor's degree in Computer Science or equivalent",
        "Understanding of race conditions in concurrent code",
    ],
)
def test_real_asks_are_not_boilerplate(sentence: str) -> None:
    assert boilerplate_kind(sentence) is None


def test_one_pay_figure_does_not_take_a_long_run_on_paragraph_with_it() -> None:
    asks = " ".join(["Experience with Python, Django, PostgreSQL and Redis in production."] * 6)
    run_on = "Salary $200k " + asks.replace(". ", " ")  # sentences run together, no stops
    assert len(run_on) > 2 * CHARS_PER_HIT
    assert boilerplate_kind(run_on) is None
    assert boilerplate_kind("Salary $200k") == "pay_benefits"


def test_spans_cover_only_the_boilerplate_sentence_of_a_line() -> None:
    job = build_job(
        "Backend Engineer",
        ["Experience with Kubernetes. We are an equal opportunity employer.", "PostgreSQL"],
    )
    spans = boilerplate_spans(job)
    assert [job.text[s:e] for s, e, _ in spans] == ["We are an equal opportunity employer."]
    line = job.requirements[0]
    assert 0.3 < covered_share(spans, line.start, line.end) < 0.7
    assert covered_share(spans, job.requirements[1].start, job.requirements[1].end) == 0.0


def _resume():  # type: ignore[no-untyped-def]
    return build_resume(
        roles=[RoleSpec("Engineer", "Acme", "2022-01", "present", ["Built Python services on Kubernetes"])]
    )


def test_an_equal_opportunity_line_is_never_a_gap_nor_a_requirement() -> None:
    eeo = "Example Co is an equal opportunity employer and values diversity."
    job = build_job("Backend Engineer", ["Python", "Kubernetes", eeo])
    report = tailor(_resume(), job, options=OPTIONS)
    assert all(g.requirement != eeo for g in report.gaps)
    assert all(m.text != eeo for m in report.requirements)
    assert any("left out" in note for note in report.notes)
    plain = tailor(_resume(), build_job("Backend Engineer", ["Python", "Kubernetes"]), options=OPTIONS)
    assert report.score == plain.score  # the line changes nothing


@pytest.mark.parametrize(
    "line",
    [
        "The base salary range for this role is $150,000 - $180,000 plus benefits.",
        "Temporarily remote due to COVID-19.",
        "Please apply by clicking the Apply button or email us your resume.",
    ],
)
def test_pay_covid_and_apply_lines_are_never_gaps(line: str) -> None:
    report = tailor(_resume(), build_job("Backend Engineer", ["Python", line]), options=OPTIONS)
    assert all(g.requirement != line for g in report.gaps)


def test_years_in_a_company_history_sentence_are_not_an_experience_ask() -> None:
    line = ReqSpec(
        "Luminate has an incredible 30 year history of serving customers.",
        years=[YearsAsked("30 year", 30.0, None, None)],
    )
    report = tailor(_resume(), build_job("Backend Engineer", ["Python", line]), options=OPTIONS)
    assert not any(g.label.startswith("30") for g in report.gaps)
    assert not report.part("experience").applies


def test_a_skill_named_only_in_boilerplate_is_not_asked() -> None:
    job = build_job(
        "Backend Engineer",
        ["Python", "Kubernetes"],
        about="Example Co is an equal opportunity employer; our Docker team celebrates diversity.",
    )
    report = tailor(_resume(), job, options=OPTIONS)
    assert "docker" not in {c.key for c in report.keywords}
    assert all(g.skill_id != "docker" for g in report.gaps)
