"""The ``tailor`` command on local files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.cli import main

RESUME = "Jane Roe\njane@example.com\n\nEXPERIENCE\nEngineer, Acme\nJan 2020 - Present\n- Built Python services\n"
JOB = "Python Engineer\nRequirements\n- 3+ years of Python\n- Kubernetes\n"
OTHER_JOB = "Pastry Chef\nRequirements\n- French pastry\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"resume": tmp_path / "cv.md", "job": tmp_path / "job.txt", "other": tmp_path / "chef.txt"}
    paths["resume"].write_text(RESUME)
    paths["job"].write_text(JOB)
    paths["other"].write_text(OTHER_JOB)
    return paths


def test_report_writes_json_with_gaps(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    args = ["report", str(files["resume"]), str(files["job"]), "--format", "json", "--out", str(out)]
    assert main([*args, "--as-of", "2026-11-01"]) == 0
    report = json.loads(out.read_text())
    assert report["as_of"] == "2026-11-01"
    assert "Kubernetes" in [g["label"] for g in report["gaps"]]


def test_rank_lists_the_better_fit_first(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rank", str(files["resume"]), str(files["other"]), str(files["job"])]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert str(files["job"]) in lines[1]


def test_unreadable_input_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "cv.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    assert main(["report", str(bad), str(bad)]) == 2
    assert "CorruptDocumentError" in capsys.readouterr().err
