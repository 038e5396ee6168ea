"""The learning plan: ordered by gap importance, curated courses and certifications, related skills held."""

from __future__ import annotations

import pytest

from matching.learning import LearningPlan, learning_plan, load_learning_map
from parsers.models import JobPosting, Resume
from tests.unit.matching import letter_factories as lf
from tests.unit.matching.tailor_factories import ReqSpec, build_job


def _plan(r: Resume | None = None, j: JobPosting | None = None) -> LearningPlan:
    r = r or lf.resume()
    j = j or lf.job()
    return learning_plan(lf.report(r, j), r, options=lf.options())


def test_missing_hard_skills_ordered_by_importance() -> None:
    plan = _plan()
    assert [i.skill for i in plan.items] == ["Kubernetes", "PostgreSQL", "Terraform"]
    assert [i.kind for i in plan.items] == ["required", "required", "preferred"]
    importances = [i.importance for i in plan.items]
    assert importances == sorted(importances, reverse=True)


def test_skills_the_resume_shows_and_soft_skills_are_left_out() -> None:
    j = build_job("Engineer", ["Strong Python skills", "Excellent communication", "Experience with AWS"])
    assert _plan(j=j).items == ()
    assert "no learning plan needed" in _plan(j=j).summary


def test_curated_mapping_names_the_certification() -> None:
    names = {i.skill: [r.name for r in i.resources] for i in _plan().items}
    assert any("CKA" in n for n in names["Kubernetes"])
    assert any("Terraform Associate" in n for n in names["Terraform"])
    j = build_job("Cloud Engineer", ["Experience with GCP", ReqSpec("AWS is a plus", kind="preferred")])
    gcp = _plan(lf.resume(), j).items[0]
    assert gcp.source == "curated" and "Associate Cloud Engineer" in gcp.resources[0].name


def test_unknown_skills_fall_back_by_kind() -> None:
    j = build_job("Frontend Engineer", ["Experience with React"])
    item = _plan(j=j).items[0]
    assert item.source == "fallback"
    assert item.project.startswith("A hands-on project using React")
    assert "GitHub" in item.project


def test_related_skills_already_held_come_with_their_resume_line() -> None:
    r = lf.resume()
    postgres = next(i for i in _plan(r).items if i.skill == "PostgreSQL")
    assert [a.name for a in postgres.have_related] == ["MySQL"]
    ev = postgres.have_related[0].evidence[0]
    assert r.text[ev.start : ev.end] == ev.quote
    assert "MySQL" in postgres.first_step


def test_gain_and_requirement_come_from_the_report() -> None:
    r, j = lf.resume(), lf.job()
    report = lf.report(r, j)
    plan = learning_plan(report, r, options=lf.options())
    gaps = {g.skill_id: g for g in report.gaps}
    for item in plan.items:
        assert item.skill_id is not None
        assert item.gain == gaps[item.skill_id].gain
        assert j.text[item.start : item.end] == item.requirement


def test_learning_map_is_well_formed() -> None:
    mapping = load_learning_map()
    assert len(mapping.tracks) >= 20
    for track in mapping.tracks:
        assert track.keys and track.resources and track.project
    assert {"programming_language", "tool", "knowledge", "certification", "language"} <= set(mapping.fallbacks)


@pytest.mark.parametrize(
    ("skill_id", "name", "expected"),
    [
        ("amazon-web-services", "Amazon Web Services", "Solutions Architect"),
        (None, "Microsoft Azure", "AZ-104"),
        (None, "Project management", "PMP"),
        (None, "Scrum", "PSM I"),
        (None, "Network security", "Security+"),
        (None, "k8s", "CKAD"),
    ],
)
def test_curated_tracks_match_ids_names_and_domain_words(skill_id: str | None, name: str, expected: str) -> None:
    found = load_learning_map().find(skill_id, name)
    assert found is not None
    track, source = found
    assert source == "curated"
    assert any(expected in r.name for r in track.resources)


def test_a_broad_area_is_never_something_to_learn() -> None:
    # "business processes" is a broad area the ad names in its own words, not a course to take (real taxonomy).
    from tests.unit.matching.tailor_factories import broad_area_gap

    r, _, report, options = broad_area_gap("Experience with Kubernetes")
    assert any(g.broad and g.label == "business processes" for g in report.gaps)
    skills = [i.skill for i in learning_plan(report, r, options=options).items]
    assert "Kubernetes" in skills and "business processes" not in skills
