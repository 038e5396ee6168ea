"""Skill extraction speed and taxonomy load cost (issue 3).

* extraction: milliseconds per 1,000 words with the full taxonomy loaded, median over many runs of
  ~1,000-word resume texts (the dotin resumes from ``../shared/data`` when present, else generated text);
* taxonomy load: seconds, cold, in a fresh subprocess (import included, and load alone);
* taxonomy memory: RSS growth of that subprocess across ``load_taxonomy()``;
* the second tier on job ads: ``phrases="auto"`` (verb phrases, requirement phrases, list items) on ~1,000-word
  job descriptions (``eval/ranking/panoslin`` when present, else SkillSpan dev sentences), median, beside the
  same texts without it; its first call (decoding the tagger and the verb labels) and the RSS after it.

Targets: extraction <= 2 ms per 1,000 words, load <= 1 s, memory <= 150 MB.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RUNS = 200
WORDS = 1000

_COLD = """
import json, time, psutil, os
proc = psutil.Process(os.getpid())
t0 = time.perf_counter()
from matching.taxonomy import load_taxonomy
rss0 = proc.memory_info().rss
t1 = time.perf_counter()
load_taxonomy()
t2 = time.perf_counter()
rss1 = proc.memory_info().rss
from matching.extract import extract_skills
t3 = time.perf_counter()
extract_skills("Kubernets and Javascipt and Python")  # first call: builds the spelling index and word tables
t4 = time.perf_counter()
rss4 = proc.memory_info().rss
extract_skills("You will develop campaigns and communicate clearly.", phrases="auto")  # decodes the second tier
t5 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "rss_mb": (rss1 - rss0) / 2**20,
                  "first_call_s": t4 - t3, "rss_after_first_call_mb": (rss4 - rss0) / 2**20,
                  "first_auto_call_s": t5 - t4, "rss_after_auto_call_mb": (proc.memory_info().rss - rss0) / 2**20}))
"""


def _texts() -> list[str]:
    """About-1,000-word texts: real resumes when the data is there, else generated skill-dense text."""
    words: list[str] = []
    folder = DATA / "eval" / "skills" / "dotin" / "train"
    if folder.is_dir():
        from matching.evaluate import read_dotin

        for example in read_dotin(folder):
            words += example.text.split()
    if len(words) < 20 * WORDS:
        from matching.taxonomy import load_taxonomy

        rng = random.Random(7)
        names = [s.name for s in load_taxonomy().skills if s.hot or s.kind == "programming_language"]
        filler = ("built", "and", "led", "the", "team", "to", "deliver", "a", "reliable", "service", "with")
        words = [rng.choice(names) if rng.random() < 0.1 else rng.choice(filler) for _ in range(40 * WORDS)]
    return [" ".join(words[i : i + WORDS]) for i in range(0, len(words) - WORDS, WORDS)]


def _job_texts() -> list[str]:
    """About-1,000-word job-ad texts: real job descriptions when the data is there, else SkillSpan dev."""
    import csv

    words: list[str] = []
    jobs = DATA / "eval" / "ranking" / "panoslin" / "job_descriptions.csv"
    if jobs.exists():
        csv.field_size_limit(10**8)
        with jobs.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                words += row["job_description"].split()
    dev = DATA / "eval" / "skills" / "skillspan" / "dev.json"
    if len(words) < 20 * WORDS and dev.exists():
        from matching.evaluate import read_skillspan

        for example in read_skillspan(dev):
            words += example.text.split()
    return [" ".join(words[i : i + WORDS]) for i in range(0, len(words) - WORDS, WORDS)][:RUNS]


def _median_ms(texts: list[str], **kwargs: object) -> float:
    from matching.extract import extract_skills

    for text in texts[:5]:
        extract_skills(text, **kwargs)  # type: ignore[arg-type]
    timings = []
    for text in texts:
        t0 = time.perf_counter()
        extract_skills(text, **kwargs)  # type: ignore[arg-type]
        timings.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(timings), 3) if timings else 0.0


def _cold() -> dict[str, float]:
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", _COLD], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
        )
        runs.append(json.loads(out.stdout))
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def run() -> dict[str, float]:
    from matching.extract import extract_skills
    from matching.taxonomy import load_taxonomy

    cold = _cold()
    tax = load_taxonomy()
    texts = _texts()
    for text in texts[:5]:
        extract_skills(text, taxonomy=tax)  # warm-up: lazy indexes
    timings, cpu = [], []
    mentions = 0
    for i in range(RUNS):
        text = texts[i % len(texts)]
        t0, c0 = time.perf_counter(), time.thread_time()
        found = extract_skills(text, taxonomy=tax)
        cpu.append((time.thread_time() - c0) * 1000)
        timings.append((time.perf_counter() - t0) * 1000)
        mentions += len(found)
    timings.sort()
    jobs = _job_texts()
    result = {
        "extract_ms_per_1000_words_median": round(statistics.median(timings), 3),
        "extract_ms_per_1000_words_p90": round(timings[int(0.9 * len(timings))], 3),
        "extract_ms_per_1000_words_min": round(timings[0], 3),
        "extract_cpu_ms_per_1000_words_median": round(statistics.median(cpu), 3),
        "extract_mentions_per_1000_words": round(mentions / RUNS, 1),
        "taxonomy_import_s": round(cold["import_s"], 3),
        "taxonomy_load_s": round(cold["load_s"], 3),
        "taxonomy_rss_mb": round(cold["rss_mb"], 1),
        "first_extract_call_s": round(cold["first_call_s"], 3),
        "rss_after_first_call_mb": round(cold["rss_after_first_call_mb"], 1),
        "jobs_ms_per_1000_words_median": _median_ms(jobs, taxonomy=tax),
        "jobs_auto_ms_per_1000_words_median": _median_ms(jobs, taxonomy=tax, phrases="auto"),
        "first_auto_call_s": round(cold["first_auto_call_s"], 3),
        "rss_after_auto_call_mb": round(cold["rss_after_auto_call_mb"], 1),
        "skills": len(tax),
        "keys": len(tax.keys),
    }
    print("## Skills (issue 3)")
    print(
        f"- extraction: {result['extract_ms_per_1000_words_median']} ms per 1,000 words (median of {RUNS} runs; "
        f"min {result['extract_ms_per_1000_words_min']}, p90 {result['extract_ms_per_1000_words_p90']}, "
        f"thread CPU median {result['extract_cpu_ms_per_1000_words_median']}; target <= 2 ms)"
    )
    print(
        f"- taxonomy load: {result['taxonomy_load_s']} s cold in a subprocess "
        f"(+{result['taxonomy_import_s']} s imports; target <= 1 s), RSS +{result['taxonomy_rss_mb']} MB "
        "(target <= 150 MB)"
    )
    print(
        f"- first extract call (builds the spelling index and word tables): {result['first_extract_call_s']} s, "
        f"RSS then +{result['rss_after_first_call_mb']} MB"
    )
    print(
        f"- job ads ({len(jobs)} texts of {WORDS} words, median): {result['jobs_ms_per_1000_words_median']} ms "
        f"taxonomy tier only, {result['jobs_auto_ms_per_1000_words_median']} ms with phrases='auto'; first "
        f"auto call {result['first_auto_call_s']} s (decodes the tagger and verb labels), RSS then "
        f"+{result['rss_after_auto_call_mb']} MB"
    )
    return result


if __name__ == "__main__":
    run()
