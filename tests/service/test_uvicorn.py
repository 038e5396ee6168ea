"""The service as users run it: a real uvicorn process answering over HTTP on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    env = dict(os.environ, TAILOR_DATABASE_URL=f"sqlite:///{tmp_path_factory.mktemp('db') / 'tailor.db'}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "service.main:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/health", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    _, err = proc.communicate(timeout=5)
                    pytest.fail(f"uvicorn did not start: {err.decode(errors='replace')[-2000:]}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_health_over_http(base_url: str) -> None:
    response = httpx.get(f"{base_url}/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_swagger_ui_and_openapi_are_served(base_url: str) -> None:
    assert "swagger-ui" in httpx.get(f"{base_url}/docs").text
    assert httpx.get(f"{base_url}/openapi.json").json()["info"]["title"] == "Tailor"


def test_parse_over_http_reads_a_text_resume(base_url: str) -> None:
    resume = b"Jane Roe\njane@example.com\n\nEXPERIENCE\nEngineer, Acme\nJan 2020 - Present\n- Built things in Python\n"
    response = httpx.post(f"{base_url}/v1/resumes/parse", files={"file": ("cv.txt", resume, "text/plain")})
    assert response.status_code == 200, response.text
    assert response.json()["contact"]["email"] == "jane@example.com"


def test_garbage_over_http_is_a_problem_not_a_500(base_url: str) -> None:
    response = httpx.post(f"{base_url}/v1/resumes/parse", files={"file": ("cv.pdf", os.urandom(4096))})
    assert response.status_code in (415, 422)
    assert response.headers["content-type"].startswith("application/problem+json")
