"""Reading request bodies and uploads within their limits."""

from __future__ import annotations

from fastapi import UploadFile
from starlette.types import ASGIApp, Receive, Scope, Send

from service.problems import ProblemError, problem_response

__all__ = ["ContentLengthGuard", "check_text", "read_upload"]

_CHUNK = 64 * 1024


def read_upload(file: UploadFile, limit: int, *, field: str) -> bytes:
    """Read an ``UploadFile`` in chunks (from a plain ``def`` route), refusing it once it passes ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    file.file.seek(0)
    while chunk := file.file.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise ProblemError("too-large", f"'{field}' exceeds the {limit}-byte upload limit.", limit_bytes=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def check_text(text: str, limit_chars: int, *, field: str) -> str:
    """Check a pasted text against its limit."""
    if len(text) > limit_chars:
        raise ProblemError("too-large", f"'{field}' exceeds {limit_chars} characters.", limit_chars=limit_chars)
    return text


class ContentLengthGuard:
    """Answer 413 problem+json at once when a declared Content-Length is over the limit.

    FastAPI's ``max_body_size`` enforces the limit while the body streams (chunked uploads), but when the
    Content-Length is declared too large Starlette replaces any response with a plain-text 413; this guard runs
    first so clients get the same problem+json as for every other error.
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for name, value in scope.get("headers", ()):
                if name == b"content-length" and value.isdigit() and int(value) > self.max_body_bytes:
                    limit = self.max_body_bytes
                    response = problem_response(
                        "too-large", f"The request body exceeds {limit} bytes.", instance=scope.get("path")
                    )
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)
