"""HTML and Markdown rendering: self-contained, escaped, complete."""

from __future__ import annotations

import html
import re

from matching.render import render_html, render_markdown
from matching.tailor import tailor
from tests.unit.matching.tailor_factories import ReqSpec, RoleSpec, build_job, build_resume, fake_options

EVIL = "<script>alert('x')</script>"


def _report():  # type: ignore[no-untyped-def]
    resume = build_resume(
        headline=f"Engineer {EVIL}",
        roles=[
            RoleSpec("Engineer", "Acme & Sons", "2021-01", "present", [f"Built Python tools {EVIL}", "Worked on k8s"])
        ],
        skills=["Docker"],
    )
    job = build_job(f"Backend Engineer {EVIL}", ["Python", "Kubernetes", "Docker", ReqSpec("React", kind="preferred")])
    return tailor(resume, job, options=fake_options())


def test_html_is_one_self_contained_page() -> None:
    page = render_html(_report())
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<html") == 1
    assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", page, re.I)
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page.lower()
    assert "<link" not in page.lower() and "@import" not in page


def test_html_escapes_user_text() -> None:
    page = render_html(_report())
    assert EVIL not in page
    assert "&lt;script&gt;" in page
    assert "Acme &amp; Sons" in page


def test_html_shows_score_gauge_evidence_gaps_and_print_css() -> None:
    report = _report()
    page = render_html(report)
    assert f">{report.score:g}<" in page
    assert "<svg" in page and "@media print" in page
    assert "<mark>Python</mark>" in page
    assert "React" in page and "Gaps, most important first" in page


def test_markdown_contains_score_and_escapes_markup() -> None:
    report = _report()
    md = render_markdown(report)
    assert f"{report.score:g} / 100" in md
    assert "<script>" not in md
    assert "Kubernetes" in md


def test_markdown_title_keeps_the_space_before_the_company() -> None:
    import dataclasses

    report = dataclasses.replace(_report(), job_title="Front-end", job_company="BBVA")
    assert render_markdown(report).splitlines()[0] == "# Tailoring report: Front-end at BBVA"


def _review_and_prep():  # type: ignore[no-untyped-def]
    from matching.interview import interview_prep
    from matching.letters import review_cover_letter
    from tests.unit.matching import letter_factories as lf

    r, j = lf.resume(), lf.job()
    report = lf.report(r, j)
    letter = lf.GOOD_LETTER.replace(
        "I would welcome", f"I led a team of 12 engineers on Kubernetes {EVIL}. I would welcome"
    )
    review = review_cover_letter(letter, r, j, report=report, options=lf.options())
    prep = interview_prep(report, r, j, options=lf.options())
    return report, review, prep


def test_html_includes_the_cover_letter_review_and_interview_prep_when_given() -> None:
    report, review, prep = _review_and_prep()
    assert "Cover letter review" not in render_html(report)
    page = render_html(report, review=review, prep=prep)
    assert "<h2>Cover letter review</h2>" in page and "<h2>Interview preparation</h2>" in page
    assert f">{review.score:g}<" in page or f"{review.score:g} / 100" in page
    for claim in review.unsupported_claims:
        assert html.escape(claim.text) in page
    for cov in review.coverage:
        assert html.escape(cov.requirement) in page
    for star in prep.star:
        assert html.escape(star.question, quote=True) in page
    for question in prep.gap_questions:
        assert html.escape(question.question, quote=True) in page
    assert prep.learning_plan is not None and prep.learning_plan.items
    for item in prep.learning_plan.items:
        assert html.escape(item.skill) in page
    assert EVIL not in page and "<script" not in page.lower()
    assert page.count("<html") == 1 and "http://" not in page and "https://" not in page


def test_html_review_and_prep_are_each_optional() -> None:
    report, review, prep = _review_and_prep()
    only_review = render_html(report, review=review)
    assert "<h2>Cover letter review</h2>" in only_review and "Interview preparation" not in only_review
    only_prep = render_html(report, prep=prep)
    assert "<h2>Interview preparation</h2>" in only_prep and "Cover letter review" not in only_prep


def test_gaps_say_how_they_are_ranked_in_html_and_markdown() -> None:
    report = _report()
    assert report.gaps and all(g.importance_note for g in report.gaps)
    page, md = render_html(report), render_markdown(report)
    assert "Required before preferred" in page and "Required before preferred" in md
    for g in report.gaps:
        assert html.escape(g.importance_note) in page


def test_a_check_sharing_a_gap_with_another_line_says_so_in_html_and_markdown() -> None:
    from datetime import date

    from matching.tailor import TailorOptions

    job = build_job(
        "Backend Developer", ["Experience with Git", "Working knowledge of version control tools (GIT/SVN)."]
    )
    resume = build_resume(roles=[RoleSpec("Engineer", "Acme", "2020-01", "present", ["Built Python services"])])
    report = tailor(resume, job, options=TailorOptions(as_of=date(2025, 6, 1)))
    assert "one gap with Git, asked on another line" in render_html(report)
    assert "one gap with Git, asked on another line" in render_markdown(report)
