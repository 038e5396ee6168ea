"""Suggestions quote exact text, never claim a skill, and cover the kinds the report promises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from matching.suggestions import weak_opener
from matching.tailor import tailor
from tests.unit.matching.tailor_factories import ReqSpec, RoleSpec, build_job, build_resume, fake_options

OPTIONS = fake_options()


def _resume(bullets: list[str] | None = None, **kwargs: object):  # type: ignore[no-untyped-def]
    bullets = bullets or [
        "Built Django REST APIs in Python serving 2M users",
        "Responsible for k8s deployments",
        "Helped with onboarding",
        "Wrote internal tooling",
        "Ran Docker builds",
    ]
    return build_resume(
        roles=[RoleSpec("Software Engineer", "Acme", "2021-01", "present", bullets)],
        skills=["Python", "Terraform"],
        **kwargs,  # type: ignore[arg-type]
    )


def _job():  # type: ignore[no-untyped-def]
    return build_job(
        "Site Reliability Engineer", ["Kubernetes", "Terraform", "Docker", "Kotlin", ReqSpec("React", kind="preferred")]
    )


def _report(resume=None, job=None):  # type: ignore[no-untyped-def]
    return tailor(resume or _resume(), job or _job(), options=OPTIONS)


def test_every_quote_is_the_exact_text_at_its_offsets() -> None:
    resume, job = _resume(), _job()
    report = tailor(resume, job, options=OPTIONS)
    assert report.suggestions
    for s in report.suggestions:
        source = resume.text if s.source == "resume" else job.text
        assert source[s.start : s.end] == s.quote
        if s.job_quote is not None:
            assert job.text[s.job_start : s.job_end] == s.job_quote  # type: ignore[misc]


def test_alias_in_resume_suggests_the_ads_term() -> None:
    s = next(s for s in _report().suggestions if s.kind == "use_job_term")
    assert s.quote == "k8s" and s.job_quote == "Kubernetes"
    assert "'Kubernetes'" in s.message and "'k8s'" in s.message


def test_weak_openers_are_quoted() -> None:
    quotes = {s.quote for s in _report().suggestions if s.kind == "weak_opener"}
    assert quotes == {"Responsible for", "Helped with"}
    assert weak_opener("Led a team of 5") is None
    assert weak_opener("Duties included filing") is not None


def test_skill_only_in_the_skills_list_is_asked_to_be_shown_in_a_bullet() -> None:
    s = next(s for s in _report().suggestions if s.kind == "show_in_bullet")
    assert s.quote == "Terraform" and s.priority == 1


def test_relevant_bullet_low_in_its_role_is_asked_to_move_up() -> None:
    s = next(s for s in _report().suggestions if s.kind == "move_up")
    assert s.quote == "Ran Docker builds"
    assert "Docker" in s.message


def test_bullets_without_a_result_are_flagged_first_when_they_are_evidence() -> None:
    results = [s for s in _report().suggestions if s.kind == "add_result"]
    assert results and results[0].quote == "Ran Docker builds"
    assert all(s.quote != "Built Django REST APIs in Python serving 2M users" for s in results)


def test_missing_required_skill_is_never_suggested_as_a_claim() -> None:
    gap = [s for s in _report().suggestions if s.kind == "gap"]
    assert gap and gap[0].source == "job"
    for s in gap:
        assert "If you have used it" in s.message and "do not claim it" in s.message


def test_title_mismatch_quotes_the_headline() -> None:
    s = next(s for s in _report().suggestions if s.kind == "title")
    assert s.quote == "Software Engineer" and s.job_quote == "Site Reliability Engineer"


_words = st.sampled_from(
    ["Python", "k8s", "Docker", "helped", "with", "responsible", "for", "worked", "on", "12", "users", "a", "é", "<b>"]
)


@settings(max_examples=30)
@given(st.lists(st.lists(_words, min_size=2, max_size=8).map(" ".join), min_size=1, max_size=6))
def test_quotes_stay_exact_for_any_bullets(bullets: list[str]) -> None:
    resume = _resume([b.capitalize() for b in bullets])
    job = _job()
    for s in tailor(resume, job, options=OPTIONS).suggestions:
        source = resume.text if s.source == "resume" else job.text
        assert source[s.start : s.end] == s.quote
