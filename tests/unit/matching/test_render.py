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


def test_gaps_say_how_they_are_ranked_in_html_and_markdown() -> None:
    report = _report()
    assert report.gaps and all(g.importance_note for g in report.gaps)
    page, md = render_html(report), render_markdown(report)
    assert "Required before preferred" in page and "Required before preferred" in md
    for g in report.gaps:
        assert html.escape(g.importance_note) in page
