"""Curated fields and families: ids of the shipped taxonomy, each tool in one family, lookups."""

from __future__ import annotations

from matching.fields import FAMILIES, FIELD_NAMES, FIELDS, PRACTICES, family_siblings, field_of, implies_practice
from matching.taxonomy import load_taxonomy


def test_every_field_and_family_id_is_a_skill_of_the_shipped_taxonomy() -> None:
    taxonomy = load_taxonomy()
    ids = {sid for members in FIELDS.values() for sid in members} | {sid for family in FAMILIES for sid in family}
    ids |= set(PRACTICES) | {sid for rule in PRACTICES.values() for sid in rule.skills}
    missing = sorted(sid for sid in ids if taxonomy.get(sid) is None)
    assert not missing, f"ids not in matching/data/taxonomy.json.gz (renamed? update matching/fields.py): {missing}"


def test_every_field_has_a_name_and_each_skill_one_field_and_one_family() -> None:
    assert set(FIELDS) == set(FIELD_NAMES)
    in_fields = [sid for members in FIELDS.values() for sid in members]
    assert len(in_fields) == len(set(in_fields))
    in_families = [sid for family in FAMILIES for sid in family]
    assert len(in_families) == len(set(in_families))
    assert all(len(family) >= 2 for family in FAMILIES)


def test_lookups() -> None:
    assert field_of("react") == "frontend"
    assert field_of("python") is None  # general-purpose languages say little about the work
    assert set(family_siblings("react")) >= {"angular", "vue-js"}
    assert "react" not in family_siblings("react")
    assert family_siblings("python") == ()


def test_practices_are_implied_by_kind_field_or_named_skill_never_by_themselves() -> None:
    assert implies_practice("computer-programming", "python", "programming_language")
    assert implies_practice("software-deployment", "kubernetes", "tool")  # a cloud and DevOps tool
    assert implies_practice("cloud-computing", "amazon-web-services", "tool")
    assert not implies_practice("cloud-computing", "docker", "tool")
    assert not implies_practice("databases", "databases", "knowledge")
    assert not implies_practice("python", "django", "tool")  # not a practice (see evidence.IMPLIED_SKILLS)
    assert all(rule.kinds or rule.fields or rule.skills for rule in PRACTICES.values())
    assert all(f in FIELDS for rule in PRACTICES.values() for f in rule.fields)
