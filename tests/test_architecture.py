"""The pure core stays pure: ``parsers/`` and ``matching/`` import no web, database or service code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {"fastapi", "starlette", "sqlalchemy", "service", "uvicorn", "pydantic_settings", "httpx", "psycopg"}
CORE_FILES = sorted(p for pkg in ("parsers", "matching") for p in (ROOT / pkg).rglob("*.py"))


def _imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_imports_nothing_from_the_web_or_database_layers(path: Path) -> None:
    assert not _imported_roots(path) & FORBIDDEN
