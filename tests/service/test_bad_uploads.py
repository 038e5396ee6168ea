"""Bad uploads over the API: each gets its problem type, quickly, and never a 500."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from scripts import make_fixtures as fx

CASES: list[tuple[str, Callable[[], bytes], str, str]] = [
    ("empty", lambda: b"", "cv.pdf", "empty-document"),
    ("whitespace", lambda: b"  \n\t ", "cv.txt", "empty-document"),
    ("random bytes named .pdf", lambda: fx.random_bytes(4096), "cv.pdf", "unsupported-format"),
    ("png", fx.png_bytes, "cv.pdf", "unsupported-format"),
    ("legacy .doc", fx.legacy_doc, "cv.doc", "unsupported-format"),
    ("rtf", lambda: b"{\\rtf1\\ansi Jane Roe}", "cv.rtf", "unsupported-format"),
    ("truncated pdf", lambda: fx.pdf_bytes([[fx.Text(72, 72, "Jane Roe")]])[:150], "cv.pdf", "corrupt-document"),
    ("truncated docx", lambda: fx.minimal_docx()[:300], "cv.docx", "corrupt-document"),
    ("encrypted pdf", fx.encrypted_pdf, "cv.pdf", "encrypted-document"),
    ("encrypted docx", fx.encrypted_ooxml, "cv.docx", "encrypted-document"),
    ("image-only pdf", fx.image_only_pdf, "scan.pdf", "no-text"),
    ("too many pages", lambda: fx.many_pages_pdf(6), "cv.pdf", "too-many-pages"),
    ("zip bomb", fx.zip_bomb_docx, "cv.docx", "too-large"),
]


@pytest.mark.parametrize(("name", "build", "filename", "slug"), CASES, ids=[c[0] for c in CASES])
def test_bad_upload_gets_its_problem_type_within_two_seconds(
    client: TestClient, name: str, build: Callable[[], bytes], filename: str, slug: str
) -> None:
    data = build()
    began = time.perf_counter()
    response = client.post("/v1/resumes/parse", files={"file": (filename, data)})
    elapsed = time.perf_counter() - began
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    assert response.json()["type"] == f"/problems/{slug}", response.text
    assert response.status_code != 500
    # A generous bound on a shared machine: the point is that no bad file hangs a worker.
    assert elapsed < 2.0, f"{name} took {elapsed:.2f} s"


def test_bad_job_file_in_tailor_is_a_problem(client: TestClient) -> None:
    response = client.post(
        "/v1/tailor",
        files={"resume": ("cv.txt", b"Jane Roe\njane@example.com\n"), "job_file": ("job.pdf", fx.encrypted_pdf())},
    )
    assert response.json()["type"] == "/problems/encrypted-document"
