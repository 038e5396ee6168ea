"""The Dockerfile's steps, run here (no Docker engine on CI): the files it copies build a package that serves."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def _copied_paths() -> list[str]:
    paths: list[str] = []
    for line in DOCKERFILE.splitlines():
        if line.startswith("COPY "):
            paths += line.split()[1:-1]
    return paths


def test_dockerfile_runs_the_app_the_readme_runs_as_a_non_root_user_with_a_healthcheck() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "service.main:app" in DOCKERFILE and "service.main:app" in (ROOT / "Makefile").read_text()
    assert "make run" in readme and "make test" in readme
    assert re.search(r"^USER (?!root)\w+", DOCKERFILE, re.M)
    assert "HEALTHCHECK" in DOCKERFILE and "/health" in DOCKERFILE
    assert "${WEB_CONCURRENCY}" in DOCKERFILE


@pytest.mark.slow
def test_the_files_the_dockerfile_copies_build_a_wheel_that_serves(tmp_path: Path) -> None:
    context = tmp_path / "context"
    context.mkdir()
    for rel in _copied_paths():
        src = ROOT / rel
        assert src.exists(), f"Dockerfile copies {rel}, which does not exist"
        if src.is_dir():
            shutil.copytree(src, context / rel, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, context / rel)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), "."],
        cwd=context,
        check=True,
    )
    target = tmp_path / "site"
    (wheel,) = wheels.glob("tailor-*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "-t", str(target), str(wheel)], check=True
    )
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from fastapi.testclient import TestClient; from service.main import create_app; "
        "from service.settings import Settings; import service, matching; "
        "assert service.__file__.startswith(sys.argv[1]), service.__file__; "
        "c = TestClient(create_app(Settings(database_url='sqlite://'))); "
        "assert c.get('/health').status_code == 200; "
        "r = c.post('/v1/skills/extract', json={'text': 'Python and Kubernetes'}); "
        "assert r.status_code == 200, r.text"
    )
    subprocess.run([sys.executable, "-c", probe, str(target)], cwd=tmp_path, check=True)
