"""Interview preparation: STAR prompts prefilled from resume bullets, questions for the gaps, the plan attached."""

from __future__ import annotations

import pytest

from matching.interview import InterviewPrep, interview_prep, split_action_result
from parsers.models import JobPosting, Resume
from tests.unit.matching import letter_factories as lf
from tests.unit.matching.tailor_factories import RoleSpec, build_job, build_resume


def _prep(r: Resume | None = None, j: JobPosting | None = None) -> InterviewPrep:
    r = r or lf.resume()
    j = j or lf.job()
    return interview_prep(lf.report(r, j), r, j, options=lf.options())


@pytest.mark.parametrize(
    ("bullet", "action", "result"),
    [
        (
            "Developed an inference optimisation reducing latency by 73%",
            "Developed an inference optimisation",
            "reducing latency by 73%",
        ),
        ("Cut MySQL query latency by 40% by adding indexes", "Cut MySQL query latency", "by 40% by adding indexes"),
        (
            "Migrated billing to Django, resulting in 30% fewer incidents",
            "Migrated billing to Django",
            "resulting in 30% fewer incidents",
        ),
        ("Maintained Java services on AWS", "Maintained Java services on AWS", None),
    ],
)
def test_split_action_result(bullet: str, action: str, result: str | None) -> None:
    assert split_action_result(bullet) == (action, result)


def test_star_prompts_are_prefilled_from_the_best_bullet() -> None:
    r = lf.resume()
    prep = _prep(r)
    by_req = {s.requirement: s for s in prep.star}
    python = by_req["3+ years of experience with Python"]
    assert python.evidence is not None and r.text[python.evidence.start : python.evidence.end] == python.evidence.quote
    assert python.situation == "Senior Backend Engineer, Acme Corp (2021-01 – present)"
    assert python.action.startswith("Built a Python and Django billing service")
    assert not python.result_missing and python.quantities
    assert "Python" in python.question


def test_a_bullet_without_a_number_flags_the_result() -> None:
    r = build_resume(
        roles=(RoleSpec("Engineer", "Initech", "2020-01", "present", ("Maintained Kubernetes clusters",)),)
    )
    prep = _prep(r, build_job("SRE", ["Experience with Kubernetes"]))
    assert len(prep.star) == 1
    star = prep.star[0]
    assert star.result_missing and star.result is None
    assert star.result_hint and "number" in star.result_hint
    assert star.action == "Maintained Kubernetes clusters"


def test_requirements_the_resume_does_not_show_get_no_star_prompt() -> None:
    prep = _prep()
    assert "Kubernetes in production" not in {s.requirement for s in prep.star}


def test_gap_questions_offer_the_related_experience_the_resume_shows() -> None:
    prep = _prep()
    by_label = {g.label: g for g in prep.gap_questions}
    postgres = by_label["PostgreSQL"]
    assert "PostgreSQL" in postgres.question
    assert [a.name for a in postgres.adjacent] == ["MySQL"]
    assert "MySQL" in postgres.adjacent[0].evidence[0].quote
    kubernetes = by_label["Kubernetes"]
    assert kubernetes.adjacent == ()
    assert "new to you" in kubernetes.answer_hint
    text = lf.job().text
    for g in prep.gap_questions:
        assert text[g.start : g.end] == g.requirement


def test_a_skill_only_in_the_skills_list_asks_for_an_example() -> None:
    r = build_resume(
        roles=(RoleSpec("Engineer", "Initech", "2020-01", "present", ("Wrote Java services",)),), skills=("Docker",)
    )
    prep = _prep(r, build_job("Engineer", ["Experience with Docker"]))
    docker = next(g for g in prep.gap_questions if g.label == "Docker")
    assert docker.reason == "only_in_skills_list"
    assert "Tell me about a project" in docker.question
    assert docker.shown and docker.shown[0].location == "skills_list"


def test_the_learning_plan_is_attached_and_the_summary_counts() -> None:
    prep = _prep()
    assert prep.learning_plan is not None
    assert [i.skill for i in prep.learning_plan.items][:1] == ["Kubernetes"]
    assert f"{len(prep.star)} STAR" in prep.summary
    as_dict = prep.to_dict()
    assert isinstance(as_dict["star"], list) and as_dict["learning_plan"]["items"]


def test_prep_markdown_golden() -> None:
    from matching.letter_render import render_prep_markdown

    lf.check_golden("fixture/interview_prep.md", render_prep_markdown(_prep()))
