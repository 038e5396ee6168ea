"""Liveness, and the pages that document each problem type."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter

from matching import load_taxonomy
from service.problems import PROBLEMS, ProblemError
from service.schemas import HealthOut

router = APIRouter(tags=["meta"])


def _version() -> str:
    try:
        return version("tailor")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0+unknown"


@router.get("/health", response_model=HealthOut)
def health() -> HealthOut:
    """Liveness: the process answers."""
    return HealthOut(status="ok", version=_version(), taxonomy_skills=len(load_taxonomy()))


@router.get("/problems/{slug}", response_model=dict[str, str | int])
def problem_type(slug: str) -> dict[str, str | int]:
    """What a problem ``type`` means (each error's ``type`` points here)."""
    problem = PROBLEMS.get(slug)
    if problem is None:
        raise ProblemError("not-found", f"No problem type '{slug}'.")
    return {
        "type": problem.type,
        "title": problem.title,
        "status": problem.status,
        "description": problem.description,
    }
