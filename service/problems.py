"""RFC 9457 problem details: one stable ``type`` per cause, and the handlers that answer with them.

Domain errors (``parsers.ParserError`` and its subclasses) are mapped here, by walking the exception's MRO, so the
domain never speaks HTTP. Validation errors, 404 and 405 use the same shape; anything unmapped is a 500 with a
generic detail (the traceback goes to the log only).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from parsers import errors as perr

__all__ = [
    "PROBLEMS",
    "Problem",
    "ProblemError",
    "install_problem_handlers",
    "problem_response",
    "problem_slug",
]

logger = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"


@dataclass(frozen=True, slots=True)
class Problem:
    slug: str
    title: str
    status: int
    description: str

    @property
    def type(self) -> str:
        return f"/problems/{self.slug}"


PROBLEMS: dict[str, Problem] = {
    p.slug: p
    for p in (
        Problem(
            "unsupported-format",
            "Unsupported format",
            415,
            "The file is not PDF, DOCX, plain text or Markdown.",
        ),
        Problem("too-large", "Too large", 413, "The upload or the text exceeds the configured size limit."),
        Problem("empty-document", "Empty document", 422, "The file or text holds nothing to read."),
        Problem("corrupt-document", "Corrupt document", 422, "The file's format was recognised but it is damaged."),
        Problem("encrypted-document", "Encrypted document", 422, "The file is password-protected; remove it."),
        Problem(
            "no-text",
            "No extractable text",
            422,
            "The PDF has pages but no text layer (a scan); no OCR here.",
        ),
        Problem("too-many-pages", "Too many pages", 422, "The PDF has more pages than the configured limit."),
        Problem("validation-error", "Invalid request", 422, "A parameter is missing or malformed."),
        Problem("not-found", "Not found", 404, "No resource at this path or with this id."),
        Problem("method-not-allowed", "Method not allowed", 405, "The path exists but not with this method."),
        Problem("http-error", "HTTP error", 400, "The request could not be served."),
        Problem("internal-error", "Internal error", 500, "Something failed on our side; nothing was changed."),
    )
}

_DOMAIN_PROBLEMS: dict[type[BaseException], str] = {
    perr.UnsupportedFormatError: "unsupported-format",
    perr.DocumentTooLargeError: "too-large",
    perr.EmptyDocumentError: "empty-document",
    perr.CorruptDocumentError: "corrupt-document",
    perr.EncryptedDocumentError: "encrypted-document",
    perr.NoTextError: "no-text",
    perr.TooManyPagesError: "too-many-pages",
    perr.ParserError: "corrupt-document",
}


class ProblemError(Exception):
    """Raised by the web layer to answer with a given problem type."""

    def __init__(self, slug: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.problem = PROBLEMS[slug]
        self.detail = detail
        self.extra = extra


def problem_response(
    slug: str, detail: str, *, status: int | None = None, instance: str | None = None, **extra: Any
) -> JSONResponse:
    problem = PROBLEMS[slug]
    body: dict[str, Any] = {
        "type": problem.type,
        "title": problem.title,
        "status": status or problem.status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    body.update(extra)
    return JSONResponse(body, status_code=body["status"], media_type=PROBLEM_MEDIA_TYPE)


def problem_slug(exc: BaseException) -> str:
    for cls in type(exc).__mro__:
        if cls in _DOMAIN_PROBLEMS:
            return _DOMAIN_PROBLEMS[cls]
    return "internal-error"


def install_problem_handlers(app: FastAPI) -> None:
    async def on_parser_error(request: Request, exc: Exception) -> JSONResponse:
        slug = problem_slug(exc)
        logger.info("refused %s: %s", request.url.path, slug)
        return problem_response(slug, str(exc) or PROBLEMS[slug].description, instance=request.url.path)

    async def on_problem(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ProblemError)
        return problem_response(exc.problem.slug, exc.detail, instance=request.url.path, **exc.extra)

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = [
            {
                "loc": [str(p) for p in e.get("loc", ())],
                "msg": str(e.get("msg", "")),
                "type": str(e.get("type", "")),
            }
            for e in exc.errors()
        ]
        summary = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors) or "invalid request"
        return problem_response("validation-error", summary, instance=request.url.path, errors=errors)

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        slug = {404: "not-found", 405: "method-not-allowed", 413: "too-large", 415: "unsupported-format"}.get(
            exc.status_code, "http-error"
        )
        detail = exc.detail if isinstance(exc.detail, str) else PROBLEMS[slug].description
        response = problem_response(slug, detail, status=exc.status_code, instance=request.url.path)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response("internal-error", PROBLEMS["internal-error"].description, instance=request.url.path)

    app.add_exception_handler(perr.ParserError, on_parser_error)
    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_unexpected)


def problem_openapi(*slugs: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries for the given problem types (grouped by status)."""
    by_status: dict[int, list[Problem]] = {}
    for slug in slugs:
        by_status.setdefault(PROBLEMS[slug].status, []).append(PROBLEMS[slug])
    return {
        status: {
            "description": "; ".join(f"`{p.type}`: {p.description}" for p in problems),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}},
        }
        for status, problems in sorted(by_status.items())
    }
