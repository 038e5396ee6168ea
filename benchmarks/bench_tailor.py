"""Tailoring engine speed (issue 4): engine time only, documents parsed beforehand.

* ``tailor()`` per resume/job pair, full report (evidence, score, gaps, suggestions, ATS checks), median over
  the corpus pairs (every corpus resume × every English corpus job):

  - cold: the resume and the job analysed in the call (skill extraction included), as one HTTP request does;
    target <= 3 ms;
  - engine only: the same with the skill extractor's results cached, i.e. everything but ``extract_skills``;
  - warm: the resume's analysis passed in, as ranking does;
* ``rank()``: one resume against 500 job ads (the ranking set's ads, repeated to 500), wall time of the call,
  which includes analysing every job (skill extraction included). Target: <= 1 s.

Per pair, the figure is the fastest of ``PAIR_REPEATS`` calls (each on fresh analyses), which filters out
pauses caused by other processes on a shared machine; the median is then taken over the pairs. ``rank()`` is
the median of ``REPEATS`` calls. The taxonomy is loaded first and its load is not counted.
"""

from __future__ import annotations

import csv
import dataclasses
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
REPEATS = 3
PAIR_REPEATS = 3
RANK_JOBS = 500
AS_OF = date(2025, 6, 1)


def _corpus_pairs() -> list[tuple[Any, Any]]:
    from parsers import parse_job, parse_resume

    resumes = []
    for folder, pattern in (("corpus/resumes/pdf/rendercv", "*.pdf"), ("corpus/resumes/docx", "vanetik_4*.docx")):
        for path in sorted((DATA / folder).glob(pattern)):
            resumes.append(parse_resume(path.read_bytes(), path.name))
    jobs = []
    for path in sorted((DATA / "corpus/jobs/docx").glob("*.docx")):
        jobs.append(parse_job(path.read_bytes(), path.name))
    return [(r, j) for r in resumes for j in jobs]


def _ranking_set() -> tuple[Any, list[Any]]:
    from parsers import parse_job, parse_resume

    folder = DATA / "eval" / "ranking" / "panoslin"
    resume = parse_resume((folder / "resume.pdf").read_bytes(), "resume.pdf")
    csv.field_size_limit(10**8)
    with (folder / "job_descriptions.csv").open(newline="", encoding="utf-8") as fh:
        texts = [row["job_description"] for row in csv.DictReader(fh) if row.get("job_description")]
    jobs = [parse_job(t) for t in texts]
    return resume, [jobs[i % len(jobs)] for i in range(RANK_JOBS)]


def run() -> dict[str, Any]:
    """Measure and print; returns the figures."""
    from matching.rank import rank
    from matching.tailor import TailorOptions, prepare_resume, resolve_options, tailor

    if not DATA.is_dir():
        print(f"   skipped: {DATA} not found")
        return {}
    options = resolve_options(TailorOptions(as_of=AS_OF))  # loads the taxonomy once, outside the timings
    figures: dict[str, Any] = {}

    pairs = _corpus_pairs()
    extract = options.extractor
    assert extract is not None
    found: dict[str, Any] = {}

    def cached(text: str) -> Any:
        if text not in found:
            found[text] = extract(text)
        return found[text]

    engine = dataclasses.replace(options, extractor=cached)
    cold: list[float] = []
    engine_only: list[float] = []
    warm: list[float] = []
    for resume, job in pairs:
        times: dict[str, list[float]] = {"cold": [], "engine": [], "warm": []}
        for _ in range(PAIR_REPEATS):
            t0 = time.perf_counter()
            tailor(resume, job, options=options)
            times["cold"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            tailor(resume, job, options=engine)
            times["engine"].append(time.perf_counter() - t0)
            analysis = prepare_resume(resume, options=options)
            t0 = time.perf_counter()
            tailor(resume, job, options=options, analysis=analysis)
            times["warm"].append(time.perf_counter() - t0)
        cold.append(min(times["cold"]) * 1000)
        engine_only.append(min(times["engine"]) * 1000)
        warm.append(min(times["warm"]) * 1000)
    figures["pairs"] = len(pairs)
    figures["tailor_ms_median"] = round(statistics.median(cold), 2)
    figures["tailor_ms_p90"] = round(sorted(cold)[int(0.9 * (len(cold) - 1))], 2)
    figures["tailor_engine_ms_median"] = round(statistics.median(engine_only), 2)
    figures["tailor_warm_ms_median"] = round(statistics.median(warm), 2)
    print(
        f"   tailor(): median {figures['tailor_ms_median']} ms per pair (p90 {figures['tailor_ms_p90']} ms; "
        f"target <= 3 ms), of which {figures['tailor_engine_ms_median']} ms outside extract_skills; "
        f"{figures['tailor_warm_ms_median']} ms with the resume analysed once; {len(pairs)} corpus pairs"
    )

    if (DATA / "eval" / "ranking" / "panoslin").is_dir():
        resume, jobs = _ranking_set()
        runs = []
        for _ in range(REPEATS):
            t0 = time.perf_counter()
            rank(resume, jobs, options=options)
            runs.append(time.perf_counter() - t0)
        figures["rank_500_s_median"] = round(statistics.median(runs), 3)
        figures["rank_500_per_job_ms"] = round(statistics.median(runs) / len(jobs) * 1000, 2)
        print(
            f"   rank(): 1 resume x {len(jobs)} jobs in {figures['rank_500_s_median']} s "
            f"(median of {REPEATS}; {figures['rank_500_per_job_ms']} ms per job; target <= 1 s)"
        )
    return figures


if __name__ == "__main__":
    run()
