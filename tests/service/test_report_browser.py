"""The HTML report in a real headless browser (Debian's Chromium): it renders, and it prints."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from fastapi.testclient import TestClient

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (.ci/run installs Debian's chromium)"),
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
]

RESUME = b"""Jane Roe
Backend Engineer
jane.roe@example.com | +1 415 555 0100

EXPERIENCE
Senior Backend Engineer, Acme Corp
Jan 2021 - Present
- Built a Python billing service <script>alert(1)</script> handling 2M requests a day
- Cut PostgreSQL query latency by 40%

SKILLS
Python, PostgreSQL, Docker
"""
JOB = "Backend Engineer\nRequirements\n- 5+ years of Python\n- Kubernetes\n- PostgreSQL\nNice to have\n- Go\n"


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert BROWSER is not None
    cmd = [BROWSER, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(cmd, capture_output=True, timeout=120, check=False)


@pytest.fixture
def report_page(client: TestClient, tmp_path: Path) -> tuple[Path, dict]:  # type: ignore[type-arg]
    data = {"job_text": JOB, "as_of": "2026-11-01"}
    files = {"resume": ("cv.txt", RESUME, "text/plain")}
    html = client.post("/v1/tailor", files=files, data={**data, "format": "html"}).text
    report = client.post("/v1/tailor", files=files, data=data).json()
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    return page, report


def test_report_renders_in_chromium_with_score_and_escaped_text(tmp_path: Path, report_page) -> None:  # type: ignore[no-untyped-def]
    page, report = report_page
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout.decode()
    assert "<svg" in dom
    assert f"{report['score']:g}" in dom or f"{report['score']}" in dom
    assert "<script>alert(1)</script>" not in dom, "resume text reached the page unescaped"
    shot = tmp_path / "report.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri())
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1200, 1600)
    assert len(png) > 20_000, "the screenshot is nearly blank"


def test_report_prints_to_a_few_pages_with_its_content(tmp_path: Path, report_page) -> None:  # type: ignore[no-untyped-def]
    page, report = report_page
    pdf = tmp_path / "report.pdf"
    _chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    document = pypdfium2.PdfDocument(pdf.read_bytes())
    try:
        assert 1 <= len(document) <= 6
        text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
    assert "Kubernetes" in text
    assert report["gaps"][0]["label"] in text
