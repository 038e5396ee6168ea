"""Structure-step speed over the real corpus: ``resume_from_document`` and ``job_from_document``.

Every corpus document is read once by ``parse_document`` (not timed: that is ``bench_parsers``), then its
structure is worked out once to warm up and ``RUNS`` times more. A document's figure is the median of its
runs; the corpus figures are the median and 95th percentile over documents. Wall-clock time is the target's
measure; CPU time of this process is shown beside it, as the machine may be shared with other work.

Targets (issue): resume structure <= 2 ms median per corpus resume, job structure <= 1 ms.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from parsers.document import parse_document
from parsers.job import job_from_document
from parsers.models import Document
from parsers.resume import resume_from_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus"
RUNS = 15


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _documents(folder: Path) -> list[Document]:
    paths = sorted(p for p in folder.glob("**/*") if p.suffix.lower() in (".pdf", ".docx"))
    return [parse_document(path.read_bytes(), path.name) for path in paths]


def _per_document_ms(step: Callable[[Document], Any], docs: list[Document], clock: Callable[[], float]) -> list[float]:
    """Median milliseconds of ``RUNS`` runs of ``step``, for each document."""
    out = []
    for doc in docs:
        step(doc)
        runs = []
        for _ in range(RUNS):
            began = clock()
            step(doc)
            runs.append(1000 * (clock() - began))
        out.append(statistics.median(runs))
    return out


def run() -> dict[str, float]:
    if not CORPUS.is_dir():
        print(f"   corpus not found at {CORPUS}: nothing to measure")
        return {}
    resumes = _documents(CORPUS / "resumes")
    jobs = _documents(CORPUS / "jobs")
    results: dict[str, float] = {"resumes": float(len(resumes)), "jobs": float(len(jobs))}
    for name, step, docs in (("resume", resume_from_document, resumes), ("job", job_from_document, jobs)):
        wall = _per_document_ms(step, docs, time.perf_counter)
        cpu = _per_document_ms(step, docs, time.process_time)
        results[f"{name}_ms_median"] = round(statistics.median(wall), 3)
        results[f"{name}_ms_p95"] = round(_p95(wall), 3)
        results[f"{name}_cpu_ms_median"] = round(statistics.median(cpu), 3)
        results[f"{name}_cpu_ms_p95"] = round(_p95(cpu), 3)
    print(f"## Structure step (median of {RUNS} runs per document, then median / p95 over documents)")
    print(
        f"- resume: {results['resume_ms_median']} ms median, p95 {results['resume_ms_p95']} ms over "
        f"{len(resumes)} resumes (CPU {results['resume_cpu_ms_median']} / {results['resume_cpu_ms_p95']} ms; "
        "target <= 2 ms)"
    )
    print(
        f"- job: {results['job_ms_median']} ms median, p95 {results['job_ms_p95']} ms over {len(jobs)} ads "
        f"(CPU {results['job_cpu_ms_median']} / {results['job_cpu_ms_p95']} ms; target <= 1 ms)"
    )
    return results


if __name__ == "__main__":
    run()
