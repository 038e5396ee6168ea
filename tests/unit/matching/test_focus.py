"""The ad's technical focus against the resume's fields: what the "focus" part scores and says."""

from __future__ import annotations

import dataclasses

import pytest

from matching.focus import TITLE_FOCUS, focus_explanation, focus_items, job_focus
from matching.tailor import prepare_job, prepare_resume, tailor
from tests.unit.matching.tailor_factories import RoleSpec, build_job, build_resume, fake_options

OPTIONS = fake_options()


def _web_resume():  # type: ignore[no-untyped-def]
    return build_resume(
        roles=[
            RoleSpec(
                "Engineer",
                "Acme",
                "2019-01",
                "present",
                ["Built React front ends for Django services", "Ran PostgreSQL and Docker in production"],
            )
        ]
    )


def test_an_ad_centred_on_the_resumes_fields_scores_full_focus() -> None:
    job = build_job("Full Stack Engineer", ["React and Django", "PostgreSQL", "Docker"])
    report = tailor(_web_resume(), job, options=OPTIONS)
    focus = report.part("focus")
    assert focus.applies and focus.points == focus.max
    assert "strong in" in focus.explanation


def test_an_ad_in_fields_the_resume_lacks_scores_low_focus_even_if_tools_overlap() -> None:
    job = build_job(
        "Mobile Engineer",
        ["Kotlin and Java for Android apps", "Kotlin coroutines", "Docker"],
        responsibilities=["Ship Kotlin features"],
    )
    report = tailor(_web_resume(), job, options=OPTIONS)
    focus = report.part("focus")
    assert focus.applies and focus.points < 0.5 * focus.max
    assert "shows no mobile apps" in focus.explanation


def test_each_fit_names_the_field_its_share_and_the_resume_strength_there() -> None:
    job = build_job("Frontend Engineer", ["React", "React hooks", "Kotlin"])
    analysis = prepare_resume(_web_resume(), options=OPTIONS)
    items, fits = focus_items(analysis, prepare_job(job, options=OPTIONS))
    assert [f.field for f in fits] == ["frontend", "mobile"]  # largest share first
    assert sum(f.share for f in fits) == pytest.approx(1.0)
    assert fits[0].credit > 0 and fits[1].credit == 0
    assert [i.key for i in items] == ["frontend", "mobile"]


def test_the_title_weighs_more_and_benefits_nothing() -> None:
    job = build_job("React Engineer", ["Docker"], about="Free Django lunches")
    about = next(s for s in job.sections if s.kind == "about")
    benefits = dataclasses.replace(job, sections=(dataclasses.replace(about, kind="benefits"),))
    focus = job_focus(prepare_job(job, options=OPTIONS))
    assert focus["frontend"] ** 2 == pytest.approx(TITLE_FOCUS)  # counted from the title alone
    assert focus["cloud_devops"] == 1.0
    assert focus["backend"] == 1.0  # Django in the about section counts...
    assert "backend" not in job_focus(prepare_job(benefits, options=OPTIONS))  # ...but not among benefits


def test_no_field_means_the_part_does_not_apply() -> None:
    job = build_job("Engineer", ["Strong communication skills", "Python"])
    report = tailor(_web_resume(), job, options=OPTIONS)
    assert not report.part("focus").applies
    assert focus_explanation([]).startswith("The ad names no skills")
