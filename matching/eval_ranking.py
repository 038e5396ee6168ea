"""How well ``report.score`` ranks jobs for a resume: ROC AUC on a labelled set.

The set (``eval/ranking/panoslin`` under the shared data folder) is one resume (``resume.pdf``) and a few
hundred real job ads (``job_descriptions.csv``: ``job_description_id``, ``job_description``, ``label``), each
labelled relevant or not to that resume. Nothing is trained on the labels: the score is the engine's, as is.

AUC is computed with the Mann-Whitney rank formula (ties get their average rank), so no sklearn is needed.
Two plain baselines are reported on the same data for comparison: keyword overlap (Jaccard of the word sets)
and TF-IDF cosine between resume and ad.

Run: ``python -m matching.eval_ranking [DATA_DIR]`` (prints JSON; DATA_DIR defaults to ``../shared/data``).
"""

from __future__ import annotations

import csv
import json
import logging
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from matching.normalize import tokenize
from matching.rank import rank
from matching.tailor import TailorOptions, prepare_resume, resolve_options
from parsers.models import JobPosting, Resume

__all__ = ["DEFAULT_AS_OF", "evaluate_ranking", "roc_auc"]

logger = logging.getLogger(__name__)

SUBDIR = Path("eval") / "ranking" / "panoslin"
#: The ads were collected in late 2024; recency is measured from then, so results do not drift with the clock.
DEFAULT_AS_OF = date(2024, 11, 1)


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve: the chance a random positive scores above a random negative (ties count half)."""
    if len(scores) != len(labels):
        raise ValueError("scores and labels differ in length")
    n_pos = sum(1 for y in labels if y)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("need at least one positive and one negative label")
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        average = (i + j) / 2.0 + 1.0
        for k in range(i, j + 1):
            ranks[order[k]] = average
        i = j + 1
    rank_sum = math.fsum(r for r, y in zip(ranks, labels, strict=True) if y)
    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


def _words(text: str) -> list[str]:
    return [t.text for t in tokenize(text) if any(c.isalpha() for c in t.text) and len(t.text) > 1]


def _keyword_overlap(resume: str, jobs: Sequence[str]) -> list[float]:
    r = set(_words(resume))
    out = []
    for job in jobs:
        j = set(_words(job))
        out.append(len(r & j) / len(r | j) if r | j else 0.0)
    return out


def _tfidf_cosine(resume: str, jobs: Sequence[str]) -> list[float]:
    docs = [Counter(_words(resume))] + [Counter(_words(j)) for j in jobs]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)
    idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}

    def vec(d: Counter[str]) -> dict[str, float]:
        v = {w: (1 + math.log(c)) * idf[w] for w, c in d.items()}
        norm = math.sqrt(math.fsum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    rv = vec(docs[0])
    return [math.fsum(rv.get(w, 0.0) * x for w, x in vec(d).items()) for d in docs[1:]]


def _folder(data_dir: Path) -> Path:
    return data_dir / SUBDIR if (data_dir / SUBDIR).is_dir() else data_dir


def evaluate_ranking(
    data_dir: str | Path,
    *,
    options: TailorOptions | None = None,
    parse_resume: Callable[[bytes, str], Resume] | None = None,
    parse_job: Callable[[str], JobPosting] | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """ROC AUC of the tailoring score over the labelled ads (plus two baselines and timings)."""
    folder = _folder(Path(data_dir))
    csv_path, pdf_path = folder / "job_descriptions.csv", folder / "resume.pdf"
    if not csv_path.is_file() or not pdf_path.is_file():
        raise FileNotFoundError(f"ranking set not found under {folder}")
    if parse_resume is None or parse_job is None:
        import parsers

        parse_resume = parse_resume or parsers.parse_resume
        parse_job = parse_job or (lambda text: parsers.parse_job(text))
    csv.field_size_limit(10**8)
    with csv_path.open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("job_description")]
    if limit is not None:
        rows = rows[:limit]
    labels = [r["label"].strip().lower() in ("true", "1", "yes") for r in rows]

    t0 = time.perf_counter()
    resume = parse_resume(pdf_path.read_bytes(), pdf_path.name)
    jobs = [parse_job(r["job_description"]) for r in rows]
    parse_seconds = time.perf_counter() - t0

    opts = resolve_options(options or TailorOptions(as_of=DEFAULT_AS_OF))
    t1 = time.perf_counter()
    analysis = prepare_resume(resume, options=opts)
    ranked = rank(resume, jobs, options=opts, analysis=analysis)
    rank_seconds = time.perf_counter() - t1
    scores = [0.0] * len(jobs)
    low = 0
    for item in ranked:
        scores[item.index] = item.score
        low += item.score_confidence == "low"
    texts = [r["job_description"] for r in rows]
    part_auc: dict[str, float] = {}
    for part in ranked[0].report.breakdown if ranked else ():
        values = [0.0] * len(jobs)
        for item in ranked:
            p = item.report.part(part.id)
            values[item.index] = p.points / p.max if p.applies and p.max else 0.0
        part_auc[part.id] = round(roc_auc(values, labels), 4)
    result = {
        "dataset": str(SUBDIR),
        "jobs": len(jobs),
        "relevant": sum(labels),
        "auc": round(roc_auc(scores, labels), 4),
        "score_version": ranked[0].report.score_version if ranked else None,
        "as_of": opts.resolved_as_of().isoformat(),
        "part_auc": part_auc,
        "baselines": {
            "keyword_overlap": round(roc_auc(_keyword_overlap(resume.text, texts), labels), 4),
            "tfidf_cosine": round(roc_auc(_tfidf_cosine(resume.text, texts), labels), 4),
        },
        "low_confidence_jobs": low,
        "jobs_without_requirements": sum(1 for j in jobs if not j.requirements),
        "parse_seconds": round(parse_seconds, 3),
        "rank_seconds": round(rank_seconds, 3),
    }
    logger.info("ranking eval: %d jobs, AUC %.4f", len(jobs), result["auc"])
    return result


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    data_dir = Path(args[0]) if args else Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
    print(json.dumps(evaluate_ranking(data_dir), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def ranking_section(eval_dir: Path) -> str:
    """The Markdown section ``python -m matching.evaluate`` prints (``eval_dir`` is the ``eval`` folder)."""
    folder = eval_dir / "ranking" / "panoslin"
    if not folder.is_dir():
        return f"## Ranking\n\n_not run: {folder} not found_\n"
    r = evaluate_ranking(folder)
    parts = " · ".join(f"{part} {auc:.3f}" for part, auc in r["part_auc"].items())
    return (
        "## Ranking (one resume, labelled job ads)\n\n"
        "| set | ads | relevant | ROC AUC of report.score | TF-IDF cosine | keyword overlap |\n"
        "|---|---:|---:|---:|---:|---:|\n"
        f"| panoslin | {r['jobs']} | {r['relevant']} | {r['auc']:.3f} | {r['baselines']['tfidf_cosine']:.3f} "
        f"| {r['baselines']['keyword_overlap']:.3f} |\n\n"
        f"Each part alone: {parts}. Score version {r['score_version']}, as of {r['as_of']}; "
        f"{r['jobs_without_requirements']} ads gave no requirement list (low-confidence reports).\n"
    )
