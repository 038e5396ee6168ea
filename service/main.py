"""The ASGI app: ``service.main:app``, built by ``create_app()``. This module only wires."""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.types import ASGIApp

from matching import extract_skills, load_taxonomy
from parsers.hyphenation import known_word
from service.memo import Memo
from service.problems import install_problem_handlers
from service.routers import health, jobs, letters, resumes, skills, tailor
from service.schemas import ProblemDetails
from service.settings import Settings, get_settings
from service.store import ResumeStore
from service.uploads import ContentLengthGuard

__all__ = ["app", "create_app"]

logger = logging.getLogger(__name__)

DESCRIPTION = """
Tailor reads a resume (PDF, DOCX, text or Markdown) and a job description, shows the evidence the resume holds for
each requirement, scores the match in an explainable, deterministic way, ranks the gaps and suggests concrete,
honest edits to the resume and the cover letter. Everything runs offline.

Errors are RFC 9457 `application/problem+json` with a stable `type` (see `GET /problems/{slug}`).
"""

# Room for multipart boundaries and small form fields around the uploads a request may carry.
_MULTIPART_SLACK = 256 * 1024
_MAX_FILES_PER_REQUEST = 3
_YOUNG_COLLECTION_THRESHOLD = 10_000  # allocations between collections of the youngest generation (default 700)


def _operation_id(route: APIRoute) -> str:
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def _configure_logging(level: str) -> None:
    """Send the project's own loggers to stderr beside uvicorn's (they log sizes, counts and timings, never text)."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("service", "parsers", "matching"):
        project_logger = logging.getLogger(name)
        project_logger.setLevel(level.upper())
        if not project_logger.handlers:
            project_logger.addHandler(handler)


class TailorAPI(FastAPI):
    """FastAPI with a Content-Length check in front of its own body limit (see ``ContentLengthGuard``)."""

    def build_middleware_stack(self) -> ASGIApp:
        stack = super().build_middleware_stack()
        return ContentLengthGuard(stack, self.max_body_size) if self.max_body_size is not None else stack


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    began = time.perf_counter()
    taxonomy = load_taxonomy()  # load once before the first request, not during it
    taxonomy.search("a")  # and build the autocomplete index
    known_word("a")  # and the word list that decides TeX line-end hyphens
    extract_skills("Python developer", phrases="auto")  # and the extractor's word tables and phrase tagger
    gc.freeze()  # the taxonomy's ~100 MB of objects never die: keep them out of every collection
    # A request allocates ~100,000 objects that nearly all die by reference counting, while the memo keeps the
    # ~1,000 of a parse alive: at the default 700 the youngest generation was collected once per request (and
    # its survivors again every tenth), 0.4 ms of CPU per POST /v1/tailor for almost no garbage.
    gc.set_threshold(_YOUNG_COLLECTION_THRESHOLD)
    skills = len(taxonomy)
    logger.info("taxonomy loaded: %d skills in %.0f ms", skills, (time.perf_counter() - began) * 1000)
    yield


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    max_body = settings.max_upload_bytes * _MAX_FILES_PER_REQUEST + _MULTIPART_SLACK
    _configure_logging(settings.log_level)
    app = TailorAPI(
        title="Tailor",
        version="0.1.0",
        description=DESCRIPTION,
        generate_unique_id_function=_operation_id,
        lifespan=_lifespan,
        # Refused while streaming (413), before a multipart body is spooled whole.
        max_body_size=max_body,
    )
    app.state.settings = settings
    app.state.store = ResumeStore(settings.database_url)
    app.state.memo = Memo(seconds=settings.memo_seconds, entries=settings.memo_entries)
    install_problem_handlers(app)
    for router in (
        health.router,
        resumes.router,
        jobs.router,
        tailor.router,
        letters.router,
        skills.router,
    ):
        app.include_router(router)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["*"],
            expose_headers=["Content-Disposition", "Location"],
        )
    _publish_schemas(app, ProblemDetails, tailor.TailoringReportOut)
    return app


def _publish_schemas(app: FastAPI, *models: type[BaseModel]) -> None:
    """Publish models that responses reference by ``$ref`` (problem details; reports sent as raw JSON)."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = original()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                model_schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
                components.update(model_schema.pop("$defs", {}))
                components[model.__name__] = model_schema
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


app = create_app()
