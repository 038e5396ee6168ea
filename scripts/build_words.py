"""Build ``parsers/data/words.txt.gz``: the word list ``parsers.hyphenation`` asks whether a word exists.

    python -m scripts.build_words [SOURCES_DIR] [OUTPUT]

SOURCES_DIR defaults to ``../shared/data`` (see its README for the sources and licences). The list holds

* *parts*: words of three letters or more seen at least ``MIN_COUNT`` times, in any case, in ESCO skill
  labels, O*NET occupation titles, descriptions and tool names, and the SkillSpan training sentences (job
  postings): the vocabulary of resumes and job ads, inflected forms included; but not words that are two
  parts written together unless they are dictionary words (below): "RealTime" is a product's name;
* *closed compounds*: every dictionary word (written in lower case at least twice in those sources, or an
  entry of Webster's 2nd, public domain, via the ``english-words`` package) that is two listed words
  written together ("software", "workflow", "lineman"), repeated until nothing is added, so that "soft-" +
  "ware" is known to be one word.

That is what the hyphenation rule needs: both halves of a break known and the joined word unknown means a
compound broken at its own hyphen ("production-" + "quality"). Measured on the SkillSpan development
sentences hyphenated with TeX's US English patterns, the rule keeps a hyphen TeX added in 0.3% of breaks
(weighted by frequency); without the closed compounds from Webster's 2nd, 0.5%.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT.parent / "shared" / "data"
OUTPUT = ROOT / "parsers" / "data" / "words.txt.gz"
MIN_COUNT = 3
MIN_PART = 3  # letters
HEADER = """\
# Words for parsers/hyphenation.py, built by scripts/build_words.py; one lower-case word a line.
# Sources: ESCO classification (This service uses the ESCO classification of the European Commission);
# O*NET 29.2 database by the U.S. Department of Labor, Employment and Training Administration (CC BY 4.0);
# SkillSpan training data, Zhang et al. 2022 (MIT); Webster's 2nd International (public domain).
"""
_WORD_RE = re.compile(r"[A-Za-z]+")


def read_texts(sources: Path) -> Iterator[str]:
    """Labels, titles, descriptions and sentences from the sources (see the module docstring)."""
    with gzip.open(sources / "taxonomy" / "esco" / "esco_skills_aliases.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield str(row["preferredLabel"])
            yield from (str(label) for label in row.get("altLabels") or [])
    onet = sources / "taxonomy" / "onet"
    for name, columns in (
        ("Occupation Data.txt", ("Title", "Description")),
        ("Alternate Titles.txt", ("Alternate Title",)),
        ("Technology Skills.txt", ("Example",)),
    ):
        with (onet / name).open(encoding="utf-8", errors="replace", newline="") as fh:
            for record in csv.DictReader(fh, delimiter="\t"):
                yield from (record.get(column) or "" for column in columns)
    train = sources / "eval" / "skills" / "skillspan" / "train.json"
    if train.exists():
        text = train.read_text(encoding="utf-8")
        rows = json.loads(text) if text.lstrip().startswith("[") else [json.loads(x) for x in text.splitlines() if x]
        yield from (" ".join(row["tokens"]) for row in rows)


def vocabulary(texts: Iterable[str], min_count: int = MIN_COUNT) -> tuple[set[str], set[str]]:
    """Lower-cased words of ``MIN_PART`` letters or more seen at least ``min_count`` times in any case, and
    those written in lower case at least twice (product names are capitalised: "RealTime", "DashBoard")."""
    total: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        for word in _WORD_RE.findall(text):
            low = word.lower()
            total[low] += 1
            lower[low] += word.islower()
    seen = {w for w, n in total.items() if n >= min_count and len(w) >= MIN_PART}
    return seen, {w for w in seen if lower[w] >= 2}


def _splits(word: str, parts: set[str]) -> bool:
    return any(word[:k] in parts and word[k:] in parts for k in range(MIN_PART, len(word) - MIN_PART + 1))


def closed_compounds(candidates: Iterable[str], parts: set[str]) -> set[str]:
    """``parts`` and every candidate that is two of them (or of compounds found so far) written together."""
    words = set(parts)
    pool = sorted({w for w in candidates if w.isalpha() and w.islower() and len(w) >= 2 * MIN_PART} - words)
    while True:
        added = {w for w in pool if w not in words and _splits(w, words)}
        if not added:
            return words
        words |= added


def webster() -> set[str]:
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}


def build(sources: Path) -> list[str]:
    """Parts (less the compounds only ever written capitalised: product names) and closed compounds."""
    seen, lower = vocabulary(read_texts(sources))
    dictionary = lower | webster()
    parts = {w for w in seen if w in dictionary or not _splits(w, seen)}
    return sorted(closed_compounds(dictionary, parts))


def write(words: Sequence[str], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    data = (HEADER + "\n".join(words) + "\n").encode("utf-8")
    out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # mtime 0: the same input, the same bytes


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    sources = Path(args[0]) if args else SOURCES
    out = Path(args[1]) if len(args) > 1 else OUTPUT
    if not (sources / "taxonomy").is_dir():
        print(f"sources not found at {sources}", file=sys.stderr)
        return 2
    words = build(sources)
    write(words, out)
    print(f"{out}: {len(words)} words, {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
