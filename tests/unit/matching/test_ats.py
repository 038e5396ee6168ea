"""Searchability checks."""

from __future__ import annotations

from matching.ats import check_ats
from tests.unit.matching.tailor_factories import RoleSpec, build_resume

_ROLE = RoleSpec("Engineer", "Acme", "2021-01", "present", ["Built " + "things " * 60])


def _by_id(resume):  # type: ignore[no-untyped-def]
    return {c.id: c for c in check_ats(resume)}


def test_complete_single_column_resume_passes() -> None:
    checks = _by_id(build_resume(roles=[_ROLE], skills=["Python"], education=[("BSc", "bachelor", "CS")]))
    failed = [c.id for c in checks.values() if not c.passed]
    assert failed == ["length"] or failed == []
    assert checks["email"].passed and checks["phone"].passed and checks["section_headings"].passed


def test_missing_contact_details_fail() -> None:
    checks = _by_id(build_resume(roles=[_ROLE], email=None, phone=None))
    assert not checks["email"].passed and checks["email"].severity == "risk"
    assert not checks["phone"].passed


def test_two_columns_and_tables_are_risks() -> None:
    checks = _by_id(build_resume(roles=[_ROLE], columns=2, has_tables=True))
    assert not checks["single_column"].passed and checks["single_column"].severity == "risk"
    assert not checks["no_tables"].passed


def test_missing_standard_headings_are_named() -> None:
    checks = _by_id(build_resume(roles=[_ROLE]))
    assert not checks["section_headings"].passed
    assert "Education" in checks["section_headings"].message and "Skills" in checks["section_headings"].message


def test_no_roles_means_no_readable_dates() -> None:
    assert not _by_id(build_resume())["dates"].passed


def test_doubtful_parse_flags_text_extraction() -> None:
    assert not _by_id(build_resume(roles=[_ROLE], doubtful=True))["text_extractable"].passed


def test_short_resume_is_flagged() -> None:
    check = _by_id(build_resume(roles=[RoleSpec("Engineer", "Acme", "2021-01", "present", ["Did work"])]))["length"]
    assert not check.passed and "short" in check.message
