"""Job-side rules of matching.align: derived requirement lines and their weights, strengths via a family."""

from __future__ import annotations

import dataclasses

from matching.align import (
    DERIVED_DUTY_WEIGHT,
    DERIVED_OTHER_WEIGHT,
    STRENGTH_FAMILY,
    align_requirements,
    resume_strengths,
    strength_items,
)
from matching.tailor import prepare_job, prepare_resume, tailor
from tests.unit.matching.tailor_factories import RoleSpec, build_job, build_resume, fake_options

OPTIONS = fake_options()


def _resume():  # type: ignore[no-untyped-def]
    return build_resume(
        roles=[RoleSpec("Engineer", "Acme", "2019-01", "present", ["Built Python services on Kubernetes"])]
    )


def _unlisted(lines: list[str]):  # type: ignore[no-untyped-def]
    """A job whose parser found no requirement list: the lines are plain text under the title."""
    job = build_job("Backend Engineer", lines)
    return dataclasses.replace(job, requirements=(), sections=())


def test_without_a_list_asks_weigh_fully_duties_less_and_company_story_least() -> None:
    job = _unlisted(
        [
            "Strong experience with Docker is required.",
            "You will build services on Kubernetes.",
            "Our founders met while running Terraform meetups.",
        ]
    )
    analysis = prepare_job(job, options=OPTIONS)
    assert analysis.derived
    weights = dict(zip((r.text for r in analysis.requirements), analysis.line_weights, strict=True))
    assert weights["Strong experience with Docker is required."] == 1.0
    assert weights["You will build services on Kubernetes."] == DERIVED_DUTY_WEIGHT
    assert weights["Our founders met while running Terraform meetups."] == DERIVED_OTHER_WEIGHT
    _, items = align_requirements(prepare_resume(_resume(), options=OPTIONS), analysis)
    by_key = {a.item.key: a.item.weight for a in items}
    assert by_key["docker"] > by_key["kubernetes"] > by_key["terraform"]


def test_parsed_requirement_lines_all_weigh_fully() -> None:
    job = build_job("Backend Engineer", ["Docker", "You will build services on Kubernetes."])
    analysis = prepare_job(job, options=OPTIONS)
    assert not analysis.derived and analysis.line_weights == (1.0, 1.0)


def test_a_strength_counts_half_when_the_ad_names_a_tool_of_its_family() -> None:
    resume = build_resume(roles=[RoleSpec("Engineer", "Acme", "2019-01", "present", ["Wrote Kotlin services"])])
    analysis = prepare_resume(resume, options=OPTIONS)
    kotlin = next(st for st in resume_strengths(analysis) if st.skill_id == "kotlin")
    job = prepare_job(build_job("Backend Engineer", ["Java"]), options=OPTIONS)  # Java is Kotlin's family
    items, used, _ = strength_items(analysis, job)
    assert [st.skill_id for st in used] == ["kotlin"] and used[0].via_family
    assert next(i for i in items if i.key == "kotlin").weight == kotlin.weight * STRENGTH_FAMILY
    report = tailor(resume, build_job("Backend Engineer", ["Java"]), options=OPTIONS)
    assert "a tool of its family" in report.part("strengths").explanation
    exact = tailor(resume, build_job("Backend Engineer", ["Kotlin"]), options=OPTIONS)
    assert exact.part("strengths").points > report.part("strengths").points > 0


def _groups(line: str) -> list[tuple[str, tuple[str, ...]]]:
    """(name, general ids) of each item the line asks, in the line's order."""
    analysis = prepare_job(build_job("Backend Engineer", [line]), options=OPTIONS)
    return [(g.name, g.general_ids) for g in analysis.groups[0]]


def test_examples_after_e_g_are_alternatives() -> None:
    # "e.g." ends in a dot: the cue was missed and each example was asked on its own.
    assert _groups("Cloud providers (e.g., AWS, GCP)") == [("Amazon Web Services or Google Cloud Platform", ())]


def test_a_list_of_examples_goes_on_through_names_no_skill_covers() -> None:
    assert _groups("Containers (e.g. Docker, Podman or Kubernetes)") == [("Docker or Podman or Kubernetes", ())]
    # Without a cue or an "or", the listed skills are each asked, and a name between them is not made a term.
    assert _groups("Docker, Podman and Kubernetes") == [("Docker", ()), ("Kubernetes", ())]


def test_a_general_skill_before_its_examples_is_kept_apart_from_them() -> None:
    [(name, general)] = _groups("Python such as Django")
    assert name == "Django" and general == ("python",)


def test_only_names_become_terms() -> None:
    # A parenthesised abbreviation of the words before it, a word in brackets, a degree: not terms.
    assert _groups("Continuous integration and deployment (CI/CD) with Docker") == [("Docker", ())]
    assert _groups("Docker (Preferred)") == [("Docker", ())]
    assert _groups("Python (BS/MS in Computer Science)") == [("Python", ())]
    assert _groups("Python templating (Jinja2)") == [("Python", ()), ("Jinja2", ())]


def test_an_english_word_derived_from_a_known_one_is_no_term() -> None:
    """'Authentication' is not in the word list, but 'authenticate' is: the example is a word, not a product's name
    (a term the resume would have to repeat word for word)."""
    assert _groups("Python security such as Authentication") == [("Python", ())]
    assert _groups("Python platform work such as Containerization") == [("Python", ())]
    assert _groups("Python templating such as Jinja2") == [("Python", ()), ("Jinja2", ())]
