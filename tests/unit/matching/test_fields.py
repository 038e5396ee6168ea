"""Curated fields and families: ids of the shipped taxonomy, each tool in one family, lookups."""

from __future__ import annotations

import pytest

from matching.fields import (
    FAMILIES,
    FIELD_NAMES,
    FIELDS,
    PRACTICES,
    family_siblings,
    field_of,
    implies_practice,
    is_broad_area,
)
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


def test_data_and_markup_languages_show_no_programming() -> None:
    assert implies_practice("computer-programming", "python", "programming_language")
    assert not implies_practice("computer-programming", "yaml", "programming_language")
    assert implies_practice("data-storage", "postgresql", "tool") and implies_practice("data-storage", "neo4j", "tool")


@pytest.mark.parametrize(
    ("skill_id", "broad"),
    [
        ("data-storage", True),  # ESCO, lower case
        ("business-processes", True),
        ("design-principles", True),
        ("computer-programming", True),  # a practice
        ("programming-languages", True),  # a practice, though the taxonomy files it as a tool
        ("code-review", True),  # ESCO 'conduct ICT code review': an initialism inside common words
        ("software-design", True),  # curated, capitalised first word
        ("scalability", True),
        ("http", False),  # a named standard
        ("rest-apis", False),
        ("vagrant", False),  # ESCO keeps a capital for a name
        ("ldap", False),
        ("git", False),
        ("analytical-skills", False),  # soft
    ],
)
def test_broad_areas_are_common_words_named_tools_are_not(skill_id: str, broad: bool) -> None:
    skill = load_taxonomy().get(skill_id)
    assert skill is not None
    assert is_broad_area(skill.id, skill.kind, skill.name, skill.esco_label) is broad
