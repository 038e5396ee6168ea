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


def test_cover_letter_draft_to_docx_then_review_finds_no_unsupported_claims(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    out = tmp_path / "letter.docx"
    assert (
        main(["cover-letter", "draft", str(files["resume"]), str(files["job"]), "--format", "docx", "--out", str(out)])
        == 0
    )
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert len(paragraphs) >= 3
    letter = tmp_path / "letter.txt"
    letter.write_text("\n\n".join(paragraphs))
    assert (
        main(["cover-letter", "review", str(files["resume"]), str(files["job"]), str(letter), "--format", "json"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["unsupported_claims"] == []


def test_review_flags_a_planted_claim(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Dear Ms. Rivera,\n\nI led a team of 40 engineers and I am an expert in Kubernetes.\n\nBest,\nJane"
    )
    assert (
        main(["cover-letter", "review", str(files["resume"]), str(files["job"]), str(letter), "--format", "json"]) == 0
    )
    unsupported = json.loads(capsys.readouterr().out)["unsupported_claims"]
    assert unsupported, "a claim the resume does not back went through"


def test_prep_prints_star_prompts(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prep", str(files["resume"]), str(files["job"]), "--format", "json"]) == 0
    prep = json.loads(capsys.readouterr().out)
    assert prep["star"] or prep["gap_questions"]


def test_draft_format_follows_the_output_suffix(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "letter.docx"
    assert main(["cover-letter", "draft", str(files["resume"]), str(files["job"]), "--out", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK", "a .docx output must be a Word document, not Markdown"
