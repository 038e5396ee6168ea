"""Golden reports: real resume/job pairs from ../shared/data/corpus and the evidence links and gaps they must show.

Each ``golden/*.json`` names a resume and a job and lists what a reader checked by hand: requirement X is
evidenced by the resume text containing Y (in that kind of place, with that status), these gaps appear with
these reasons, these do not, these suggestions quote that text.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from matching import TailoringReport, TailorOptions, render_html, tailor
from parsers import JobPosting, Resume, parse_job, parse_resume

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(GOLDEN.glob("*.json"))

pytestmark = pytest.mark.corpus


@cache
def _parsed(data_dir: Path, resume: str, job: str) -> tuple[Resume, JobPosting]:
    r_path, j_path = data_dir / resume, data_dir / job
    return parse_resume(r_path.read_bytes(), r_path.name), parse_job(j_path.read_bytes(), j_path.name)


def _run(case: dict[str, Any], data_dir: Path) -> tuple[Resume, JobPosting, TailoringReport]:
    for key in ("resume", "job"):
        if not (data_dir / case[key]).is_file():
            pytest.skip(f"{case[key]} not found under {data_dir}")
    resume, job = _parsed(data_dir, case["resume"], case["job"])
    options = TailorOptions(as_of=date.fromisoformat(case["as_of"]))
    return resume, job, tailor(resume, job, options=options)


@pytest.fixture(params=CASES, ids=[c.stem for c in CASES])
def case(request: pytest.FixtureRequest) -> dict[str, Any]:
    return json.loads(Path(request.param).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_requirements_are_evidenced_where_expected(case: dict[str, Any], shared_data: Path) -> None:
    resume, _, report = _run(case, shared_data)
    for want in case["evidence"]:
        lines = [m for m in report.requirements if want["requirement_contains"] in m.text]
        assert lines, f"no requirement line contains {want['requirement_contains']!r}"
        checks = [c for m in lines for c in m.skills if c.name == want["skill"]]
        assert checks, f"{want['skill']!r} not asked by {want['requirement_contains']!r}"
        check = checks[0]
        assert check.status == want["status"], (want["skill"], check.status, check.reason)
        if "reason" in want:
            assert check.reason == want["reason"]
        if want["status"] == "missing":
            continue
        ev = check.evidence[0]
        assert resume.text[ev.start : ev.end] == ev.quote
        assert ev.location in want["locations"], (want["skill"], ev.location)
        if "quote_contains" in want:
            assert want["quote_contains"] in ev.quote


def test_gaps_and_their_reasons(case: dict[str, Any], shared_data: Path) -> None:
    _, job, report = _run(case, shared_data)
    by_label = {g.label: g for g in report.gaps}
    for want in case["gaps"]:
        gap = by_label.get(want["label"])
        assert gap is not None, f"expected a gap for {want['label']!r}; got {sorted(by_label)}"
        assert (gap.kind, gap.reason) == (want["kind"], want["reason"])
        assert gap.what_if_score >= report.score
        assert job.text[gap.start : gap.end] == gap.requirement
    for label in case["not_gaps"]:
        assert label not in by_label, f"{label!r} is shown in the resume, yet reported as a gap"
    kinds = [g.kind for g in report.gaps]
    assert kinds == sorted(kinds, key=["required", "preferred", "other"].index)


def test_suggestions_quote_exact_text(case: dict[str, Any], shared_data: Path) -> None:
    resume, job, report = _run(case, shared_data)
    for s in report.suggestions:
        source = resume.text if s.source == "resume" else job.text
        assert source[s.start : s.end] == s.quote
    for want in case["suggestions"]:
        assert any(s.kind == want["kind"] and s.quote == want["quote"] for s in report.suggestions), want


def test_score_education_and_render(case: dict[str, Any], shared_data: Path) -> None:
    _, _, report = _run(case, shared_data)
    if "max_score" in case:
        assert report.score <= case["max_score"]
    if case.get("education_met"):
        assert report.part("education").points == report.part("education").max
    page = render_html(report)
    assert f">{report.score:g}<" in page


def test_summary_breakdown_and_requirement_lines_state_one_count(case: dict[str, Any], shared_data: Path) -> None:
    _, _, report = _run(case, shared_data)
    summary = re.search(r"shows (\d+) of the (\d+) technical skills it requires", report.summary)
    breakdown = re.match(r"(\d+) of (\d+) technical", report.part("required_skills").explanation)
    assert summary is not None and breakdown is not None
    assert summary.groups() == breakdown.groups()
    outside = re.search(r"\((\d+) named only outside the requirement lines\)", report.summary)
    # Technical skills: named ones (broad areas are counted apart), each once (a check whose gap stands under a
    # stronger ask of the same skill on another line is that ask).
    in_lines = {
        c.key
        for m in report.requirements
        if m.kind == "required"
        for c in m.skills
        if c.kind != "soft" and not c.broad and c.covered_by is None
    }
    assert int(summary[2]) - (int(outside[1]) if outside else 0) == len(in_lines)


def test_title_explanation_agrees_with_its_points(case: dict[str, Any], shared_data: Path) -> None:
    _, _, report = _run(case, shared_data)
    title = report.part("title")
    credited = any(w in title.explanation for w in ("echo", "close:", "(shown)", "(partly shown)"))
    assert credited == (title.points > 0), title.explanation
    assert "not in your titles" not in title.explanation
