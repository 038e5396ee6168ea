"""Evidence rules: where a skill is shown, how recent, how many years, wording alignment."""

from __future__ import annotations

from datetime import date

import pytest

from matching.evidence import (
    AREA_CREDIT,
    LOCATION_WEIGHTS,
    RECENCY_FLOOR,
    align_wording,
    analyze_resume,
    content_words,
    month_index,
    prove_skills,
    recency_factor,
    skill_credit,
    status_for,
)
from matching.fields import FAMILY_CREDIT, family_siblings
from parsers.models import DateValue
from tests.unit.matching.tailor_factories import RoleSpec, build_resume, fake_extract, fake_related

AS_OF = date(2025, 6, 1)


def _analyze(**kwargs: object):  # type: ignore[no-untyped-def]
    return analyze_resume(build_resume(**kwargs), extractor=fake_extract, related=fake_related, as_of=AS_OF)  # type: ignore[arg-type]


def test_month_index_reads_iso_year_month_and_present() -> None:
    assert month_index(DateValue("Mar 2020", "2020-03"), as_of=AS_OF, is_end=False) == 2020 * 12 + 2
    assert month_index(DateValue("2020", "2020"), as_of=AS_OF, is_end=False) == 2020 * 12 + 5
    assert month_index(DateValue("Present", "present"), as_of=AS_OF, is_end=True) == 2025 * 12 + 5
    assert month_index(DateValue("soon", "soon"), as_of=AS_OF, is_end=True) is None
    assert month_index(None, as_of=AS_OF, is_end=True) is None


def test_recency_is_full_for_recent_roles_and_halves_at_ten_years() -> None:
    assert recency_factor(None) == 1.0
    assert recency_factor(1.5) == 1.0
    assert recency_factor(10.0) == pytest.approx(0.5)
    assert recency_factor(40.0) == RECENCY_FLOOR
    assert recency_factor(3.0) > recency_factor(6.0)


def test_status_thresholds() -> None:
    assert status_for(0.9) == "met"
    assert status_for(0.6) == "partly_met"
    assert status_for(0.0) == "missing"


def test_bullet_in_current_role_is_met_with_quote_at_offsets() -> None:
    a = _analyze(roles=[RoleSpec("Engineer", "Acme", "2022-01", "present", ["Built Django services in Python"])])
    proof = prove_skills(a, ["python"])
    assert proof.status == "met"
    ev = proof.evidence[0]
    assert ev.location == "bullet"
    assert a.resume.text[ev.start : ev.end] == ev.quote == "Built Django services in Python"
    assert a.resume.text[ev.match_start : ev.match_end] == "Python"
    assert ev.role == "Engineer, Acme"


def test_skill_only_in_skills_list_is_partly_met_and_says_so() -> None:
    a = _analyze(
        roles=[RoleSpec("Engineer", "Acme", "2022-01", "present", ["Built services"])], skills=["Python", "Docker"]
    )
    proof = prove_skills(a, ["docker"])
    assert proof.status == "partly_met"
    assert proof.reason == "only_in_skills_list"
    assert proof.evidence[0].location == "skills_list"


def test_bullet_beats_skills_list_and_old_role_is_weaker_than_current() -> None:
    current = _analyze(roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Ran Docker in production"])])
    old = _analyze(roles=[RoleSpec("Engineer", "Acme", "2010-01", "2014-12", ["Ran Docker in production"])])
    listed = _analyze(roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Ran things"])], skills=["Docker"])
    c, o, s = (prove_skills(x, ["docker"]) for x in (current, old, listed))
    assert c.credit > o.credit
    assert c.credit > s.credit
    assert o.reason == "only_in_old_role"


def test_related_skill_counts_partly_and_is_never_the_skill() -> None:
    a = _analyze(roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Tuned MySQL queries"])])
    proof = prove_skills(a, ["postgresql"])
    assert 0 < proof.credit <= FAMILY_CREDIT
    assert proof.status != "met"
    assert proof.reason == "only_related_skill"
    assert proof.evidence[0].match == "related"
    assert proof.evidence[0].skill_id == "mysql"


def test_a_tool_of_the_same_family_counts_partly() -> None:
    a = _analyze(roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Tuned MySQL queries"])])
    assert "mysql" in family_siblings("postgresql")
    assert prove_skills(a, ["postgresql"]).credit == pytest.approx(FAMILY_CREDIT * prove_skills(a, ["mysql"]).credit)
    # Kotlin and Java are a family, unrelated in the fake taxonomy: a Kotlin bullet partly shows Java.
    k = _analyze(roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Wrote Kotlin services"])])
    java = prove_skills(k, ["java"])
    assert java.status == "partly_met" and java.reason == "only_related_skill" and java.related_to == "kotlin"
    assert java.credit == pytest.approx(FAMILY_CREDIT * prove_skills(k, ["kotlin"]).credit, abs=1e-4)


def test_a_loose_taxonomy_neighbour_is_no_evidence() -> None:
    # The taxonomy's neighbours are broad software classes (Keras beside Linux); claiming one shows the other
    # would mislead. Docker and Terraform are neighbours in the fake taxonomy but not a family.
    assert "docker" not in family_siblings("terraform")
    a = _analyze(roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Shipped Docker images"])])
    proof = prove_skills(a, ["terraform"])
    assert proof.credit == 0
    assert proof.evidence == ()
    assert proof.reason == "missing"


def test_a_family_sibling_in_an_old_role_counts_less_than_in_a_current_one() -> None:
    old = _analyze(roles=[RoleSpec("Engineer", "Acme", "2008-01", "2012-12", ["Wrote Kotlin services"])])
    new = _analyze(roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Wrote Kotlin services"])])
    assert 0 < prove_skills(old, ["java"]).credit < prove_skills(new, ["java"]).credit


def test_absent_skill_is_missing_without_evidence() -> None:
    a = _analyze(roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Built things"])])
    proof = prove_skills(a, ["kubernetes"])
    assert proof.status == "missing" and proof.reason == "missing" and proof.evidence == ()


def test_either_or_group_takes_the_best_member() -> None:
    a = _analyze(roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Wrote Kotlin services"])])
    proof = prove_skills(a, ["java", "kotlin"])
    assert proof.status == "met" and proof.skill_id == "kotlin"


def test_years_per_skill_union_overlapping_roles_once() -> None:
    a = _analyze(
        roles=[
            RoleSpec("Engineer", "A", "2020-01", "2021-12", ["Python tooling"]),
            RoleSpec("Engineer", "B", "2021-01", "2022-12", ["Python APIs"]),
            RoleSpec("Engineer", "C", "2015-01", "2015-12", ["Java only"]),
        ]
    )
    assert a.skill_months["python"] == 36  # 2020-01..2022-12, the overlap counted once
    assert a.skill_months["java"] == 12
    assert a.total_months == 48
    assert a.years_of_experience == 4.0


def test_content_words_drop_generic_words() -> None:
    words = content_words("Strong experience designing scalable distributed systems")
    assert "experience" not in words and "strong" not in words
    assert "scalable" in words and "system" in words


def test_wording_alignment_finds_the_bullet_covering_the_line() -> None:
    a = _analyze(
        roles=[
            RoleSpec(
                "Engineer",
                "Acme",
                "2023-01",
                "present",
                ["Designed scalable distributed systems for payments", "Wrote docs"],
            )
        ]
    )
    proof = align_wording(a, "Experience designing scalable distributed systems")
    assert proof.credit > 0.5
    assert proof.evidence[0].quote == "Designed scalable distributed systems for payments"
    none = align_wording(a, "Deep knowledge of quantum chemistry")
    assert none.credit == 0.0 and none.evidence == ()


def test_a_framework_in_a_bullet_implies_its_language_partly_and_its_years() -> None:
    a = analyze_resume(
        build_resume(
            roles=[
                RoleSpec("Engineer", "A", "2019-01", "2020-12", ["Built a Django admin"]),
                RoleSpec("Engineer", "B", "2020-07", "2022-12", ["Python batch jobs"]),
            ]
        ),
        extractor=fake_extract,
        related=fake_related,
        as_of=AS_OF,
    )
    assert a.months_with("python") == 48  # 2019-01..2022-12: Django's role and Python's, overlap once
    assert a.skill_months["python"] == 30
    proof = prove_skills(
        analyze_resume(
            build_resume(roles=[RoleSpec("Engineer", "A", "2023-01", "present", ["Built a Django admin"])]),
            extractor=fake_extract,
            as_of=AS_OF,
        ),
        ["python"],
    )
    assert proof.status == "partly_met" and proof.reason == "only_implied"
    assert proof.evidence[0].match == "implied" and proof.evidence[0].skill_name == "Django"


def _mixed_resume():  # type: ignore[no-untyped-def]
    return _analyze(
        summary="Backend engineer who ships Python services and mentors.",
        roles=[
            RoleSpec("Engineer", "Acme", "2022-01", "present", ["Built Django services", "Ran Docker in production"]),
            RoleSpec("Developer", "Beta", "2012-01", "2015-06", ["Kept MySQL databases healthy", "Wrote Java"]),
        ],
        skills=["Python", "Terraform", "Kubernetes"],
    )


def test_skill_credit_equals_the_credit_of_a_full_proof() -> None:
    a = _mixed_resume()
    asked = [*a.by_skill, "postgresql", "kotlin", "react", "python"]  # shown, related only, absent, implied
    for sid in asked:
        assert skill_credit(a, sid) == prove_skills(a, [sid]).credit, sid


def test_stem_index_holds_each_units_own_content_words() -> None:
    a = _mixed_resume()
    for ui in range(len(a.units)):
        for stem in content_words(a.unit_text(ui)):
            assert ui in a.stem_units[stem], (stem, a.unit_text(ui))
    assert sorted(a.stem_units) == list(a.vocabulary)
    assert {ui for units in a.stem_units.values() for ui in units} <= set(range(len(a.units)))


def test_every_mention_is_filed_under_the_smallest_unit_holding_it() -> None:
    a = _mixed_resume()
    for mi, mention in enumerate(a.mentions):
        holding = [i for i, u in enumerate(a.units) if u.start <= mention.start and mention.end <= u.end]
        ui = a.mention_units[mi]
        if not holding:
            assert ui == -1
            continue
        size = min(a.units[i].end - a.units[i].start for i in holding)
        assert ui in holding and a.units[ui].end - a.units[ui].start == size


def test_every_resume_line_outside_a_heading_is_in_some_unit() -> None:
    a = _mixed_resume()
    text = a.resume.text
    headings = {text[s.start : s.content_start].strip() for s in a.resume.sections}
    for line in a.resume.document.lines:
        body = text[line.start : line.end].strip()
        if not body or body in headings:
            continue
        assert any(u.start < line.end and line.start < u.end for u in a.units), body


def test_a_broad_practice_is_implied_by_the_specific_skills_that_show_it() -> None:
    a = _analyze(
        roles=[
            RoleSpec("Engineer", "Acme", "2019-01", "present", ["Built Django services in Python"]),
            RoleSpec("Developer", "Beta", "2015-01", "2018-12", ["Wrote Java services"]),
        ]
    )
    # "computer-programming" is a practice: any language shows it (matching.fields.PRACTICES), as well as the
    # language is shown, up to AREA_CREDIT: met by a current bullet, with no call to name the practice too.
    proof = prove_skills(a, ["computer-programming"])
    assert proof.status == "met" and proof.reason is None and proof.credit == AREA_CREDIT
    assert proof.evidence[0].match == "implied"
    assert a.resume.text[proof.evidence[0].match_start : proof.evidence[0].match_end] in {"Python", "Django"}
    # Years of a practice are the union of the roles of the skills that show it.
    assert a.months_with("software-development") == a.total_months
    assert a.months_with("computer-programming") > a.months_with("python")


def test_a_practice_shown_only_through_a_listed_skill_is_partly_met_for_where_the_skill_is() -> None:
    a = _analyze(roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Ran the team"])], skills=["Python"])
    proof = prove_skills(a, ["computer-programming"])
    assert proof.status == "partly_met" and proof.reason == "only_in_skills_list"  # never "only implied"
    assert proof.credit == skill_credit(a, "computer-programming") == round(LOCATION_WEIGHTS["skills_list"], 4)
    # A language only through its framework stays implied: named too, it would be plain.
    framework = _analyze(roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Built Django services"])])
    assert prove_skills(framework, ["python"]).reason == "only_implied"


def test_a_practice_never_counts_without_a_skill_that_shows_it() -> None:
    a = _analyze(roles=[RoleSpec("Engineer", "Acme", "2019-01", "present", ["Improved communication"])])
    assert prove_skills(a, ["computer-programming"]).status == "missing"
    assert a.months_with("software-development") == 0


def test_an_old_role_that_shows_the_skill_is_named_even_when_the_list_scores_higher() -> None:
    # The skills list (0.6) outweighs a bullet from 2012 (recency 0.4), but the gap must not say "only in the list".
    a = _analyze(
        roles=[
            RoleSpec("Engineer", "Acme", "2023-01", "present", ["Ran things"]),
            RoleSpec("Intern", "Initech", "2010-01", "2012-12", ["Ran Docker in production"]),
        ],
        skills=["Docker"],
    )
    proof = prove_skills(a, ["docker"])
    assert proof.status != "met"
    assert proof.reason == "only_in_old_role"


def test_a_skill_named_in_the_list_is_not_called_only_implied() -> None:
    a = _analyze(
        roles=[RoleSpec("Engineer", "Acme", "2023-01", "present", ["Built Django services"])], skills=["Python"]
    )
    proof = prove_skills(a, ["python"])
    assert proof.reason != "only_implied"


def test_a_term_the_taxonomy_does_not_know_is_found_word_for_word() -> None:
    a = _analyze(
        roles=[RoleSpec("Engineer", "Acme", "2022-01", "present", ["Rendered Jinja2 templates for emails"])],
        skills=["Mako"],
    )
    jinja = prove_skills(a, ["term:jinja2"])
    assert jinja.status == "met" and jinja.evidence[0].quote == "Rendered Jinja2 templates for emails"
    assert jinja.evidence[0].skill_id == "term:jinja2" and jinja.evidence[0].skill_name == "Jinja2"
    mako = prove_skills(a, ["term:mako"])
    assert mako.status == "partly_met" and mako.reason == "only_in_skills_list"
    assert skill_credit(a, "term:mako") == mako.credit
    assert prove_skills(a, ["term:jinja"]).status == "missing"  # whole words only
