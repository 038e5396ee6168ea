"""Measured quality of skill extraction on the labelled development sets (``python -m matching.evaluate``).

Reads ``../shared/data/eval`` (or ``--data DIR``) and prints a Markdown report. Every set is read by the
same call, ``extract_skills(text, phrases="auto")``: taxonomy mentions, plus requirement phrases in any text
that does not read like a resume (``matching.phrases``). Measures, per set:

* **SkillSpan** ``skills/skillspan/dev.json`` (job-posting sentences, SKILL and KNOWLEDGE spans): recall and
  precision with overlap matching (a gold span is found when an extracted mention overlaps it; a mention is
  correct when it overlaps a gold span), recall per label.
* **dotin** ``skills/dotin/train/*.xml`` (resumes with inline tags): the same, with gold spans tagged
  Tech Tools, Job Specific Skills and Soft Skills. Other tags (names, companies, degrees...) are not skills.
* **Decorte** ``skills/decorte/*_validation_annotations.csv`` (job-ad sentences linked to ESCO skills):
  ESCO linking per sentence: the gold set is the ESCO labels of the sentence (rows with LABEL NOT PRESENT or
  UNDERSPECIFIED are left out); the predicted set is the ESCO preferred labels of the mentions extracted from
  it. Recall = |gold ∩ predicted| / |gold|, precision = |gold ∩ predicted| / |predicted|.
* **Sayfullina** ``skills/sayfullina/job_train.csv`` (a soft-skill phrase in context, yes/no): the context
  has the phrase masked as ``xxx``; it is put back. Recall = share of positive rows where a mention overlaps
  the phrase; precision proxy = positive hits / (positive hits + negative hits).

``evaluate_skills(data_dir)`` returns the figures as a dict; ``main()`` prints the sections listed in
``SECTIONS`` (each a callable ``(data_dir) -> str``), so other reports can add theirs.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from matching.eval_ranking import ranking_section
from matching.extract import extract_skills
from matching.models import SkillMention
from matching.phrases import PhraseMode
from matching.taxonomy import Taxonomy, load_taxonomy

__all__ = [
    "DEFAULT_DATA_DIR",
    "SECTIONS",
    "SpanScores",
    "evaluate_decorte",
    "evaluate_dotin",
    "evaluate_sayfullina",
    "evaluate_skills",
    "evaluate_skillspan",
    "main",
    "skills_section",
]

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "eval"
DOTIN_SKILL_TAGS = ("Tech Tools", "Job Specific Skills", "Soft Skills")
DECORTE_NO_LABEL = frozenset({"LABEL NOT PRESENT", "UNDERSPECIFIED"})

Extractor = Callable[[str], Sequence[SkillMention]]


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    gold: tuple[GoldSpan, ...]


@dataclass
class SpanScores:
    """Overlap-matching counts for one labelled set."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    per_label: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def add(self, example: Example, mentions: Sequence[SkillMention]) -> None:
        spans = [(m.start, m.end) for m in mentions]
        for g in example.gold:
            hit = any(s < g.end and g.start < e for s, e in spans)
            self.gold += 1
            self.found += hit
            self.per_label[g.label][0] += 1
            self.per_label[g.label][1] += hit
        for s, e in spans:
            self.predicted += 1
            self.correct += any(s < g.end and g.start < e for g in example.gold)

    def as_dict(self) -> dict[str, object]:
        recall = self.found / self.gold if self.gold else 0.0
        precision = self.correct / self.predicted if self.predicted else 0.0
        return {
            "recall": round(recall, 4),
            "precision": round(precision, 4),
            "f1": round(_f1(recall, precision), 4),
            "gold": self.gold,
            "predicted": self.predicted,
            "recall_per_label": {
                label: round(found / total, 4) if total else 0.0
                for label, (total, found) in sorted(self.per_label.items())
            },
        }


def _f1(recall: float, precision: float) -> float:
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


# --------------------------------------------------------------------------------------------- readers
def _skills_dir(data_dir: Path) -> Path:
    return data_dir / "skills" if (data_dir / "skills").is_dir() else data_dir


def read_skillspan(path: Path) -> list[Example]:
    """SkillSpan sentences: tokens joined by spaces, BIO spans of SKILL and KNOWLEDGE."""
    text = path.read_text(encoding="utf-8")
    rows = json.loads(text) if text.lstrip().startswith("[") else [json.loads(x) for x in text.splitlines() if x]
    out = []
    for row in rows:
        tokens = row["tokens"]
        starts, pos = [], 0
        for tok in tokens:
            starts.append(pos)
            pos += len(tok) + 1
        sentence = " ".join(tokens)
        gold = [
            GoldSpan(starts[b], starts[e - 1] + len(tokens[e - 1]), label)
            for tag_field, label in (("tags_skill", "SKILL"), ("tags_knowledge", "KNOWLEDGE"))
            for b, e in _bio_spans(row[tag_field])
        ]
        out.append(Example(sentence, tuple(gold)))
    return out


def _bio_spans(tags: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last exclusive) token spans of a BIO sequence ("B"/"I" or "B-X"/"I-X"); a stray I starts one."""
    spans: list[tuple[int, int]] = []
    begin: int | None = None
    for i, tag in enumerate([*tags, "O"]):
        if tag[:1] == "I" and begin is not None:
            continue
        if begin is not None:
            spans.append((begin, i))
            begin = None
        if tag[:1] in ("B", "I"):
            begin = i
    return spans


_DOTIN_TAG_RE = re.compile(r'<label type="([^"]+)">(.*?)</label>', re.S)
_XML_TAG_RE = re.compile(r"<[^>]+>")


def read_dotin(folder: Path) -> list[Example]:
    """dotin resumes: text without tags (entities decoded), spans of the skill tags."""
    out = []
    for path in sorted(folder.glob("*.xml"), key=lambda p: (len(p.stem), p.stem)):
        raw = path.read_text(encoding="utf-8", errors="replace")
        raw = re.sub(r"^<\?xml[^>]*\?>\s*", "", raw)
        parts: list[str] = []
        gold: list[GoldSpan] = []
        length = 0
        pos = 0
        for m in _DOTIN_TAG_RE.finditer(raw):
            before = html.unescape(_XML_TAG_RE.sub("", raw[pos : m.start()]))
            parts.append(before)
            length += len(before)
            inner = html.unescape(_XML_TAG_RE.sub("", m.group(2)))
            if m.group(1) in DOTIN_SKILL_TAGS and inner.strip():
                lead = len(inner) - len(inner.lstrip())
                gold.append(GoldSpan(length + lead, length + len(inner.rstrip()), m.group(1)))
            parts.append(inner)
            length += len(inner)
            pos = m.end()
        parts.append(html.unescape(_XML_TAG_RE.sub("", raw[pos:])))
        out.append(Example("".join(parts), tuple(gold)))
    return out


def read_decorte(folder: Path) -> list[tuple[str, str, frozenset[str]]]:
    """(subset, sentence, gold ESCO labels) per distinct sentence of the validation files."""
    out = []
    for path in sorted(folder.glob("*_validation_annotations.csv")):
        labels: dict[str, set[str]] = {}
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                bucket = labels.setdefault(row["sentence"], set())
                if row["label"] not in DECORTE_NO_LABEL:
                    bucket.add(row["label"])
        subset = path.name.split("_", 1)[0]
        out += [(subset, sentence, frozenset(gold)) for sentence, gold in labels.items()]
    return out


def read_sayfullina(path: Path) -> list[tuple[bool, Example]]:
    """(is a soft skill, context with the phrase put back and its span)."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            phrase, context = row["soft_skill"].strip(), row["context"]
            n = len(phrase.split())
            m = re.search(r"\bxxx(?: xxx){" + str(n - 1) + r"}\b", context) if n else None
            if m is None:
                continue
            text = context[: m.start()] + phrase + context[m.end() :]
            span = GoldSpan(m.start(), m.start() + len(phrase), "SOFT")
            out.append((row["is_soft_skill"].strip() == "1", Example(text, (span,))))
    return out


# --------------------------------------------------------------------------------------------- scoring
def _extractor(taxonomy: Taxonomy | None, phrases: PhraseMode = "auto") -> Extractor:
    """``extract_skills`` with its second tier as ``phrases`` says (``"auto"``: list items everywhere, verb and
    requirement phrases where the text is no resume): the same call for every set."""
    tax = taxonomy or load_taxonomy()
    return lambda text: extract_skills(text, taxonomy=tax, phrases=phrases)


def _score_spans(examples: Iterable[Example], extract: Extractor) -> dict[str, object]:
    scores = SpanScores()
    for ex in examples:
        scores.add(ex, extract(ex.text))
    return scores.as_dict()


def evaluate_skillspan(path: Path, extract: Extractor) -> dict[str, object]:
    return _score_spans(read_skillspan(path), extract)


def evaluate_dotin(folder: Path, extract: Extractor) -> dict[str, object]:
    """Scores over all resumes, plus precision over the resumes that have at least one skill tagged (some
    resumes of the set carry no skill tag at all although they list skills)."""
    examples = read_dotin(folder)
    scores = _score_spans(examples, extract)
    annotated = SpanScores()
    for ex in examples:
        if ex.gold:
            annotated.add(ex, extract(ex.text))
    scores["precision_annotated_resumes"] = annotated.as_dict()["precision"]
    scores["resumes_without_skill_tags"] = sum(1 for ex in examples if not ex.gold)
    return scores


def evaluate_decorte(folder: Path, extract: Extractor) -> dict[str, object]:
    per_subset: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # gold, predicted, correct
    for subset, sentence, gold in read_decorte(folder):
        predicted = {m.esco_label for m in extract(sentence) if m.esco_label}
        for key in (subset, "all"):
            per_subset[key][0] += len(gold)
            per_subset[key][1] += len(predicted)
            per_subset[key][2] += len(gold & predicted)
    out: dict[str, object] = {}
    for key, (n_gold, n_pred, n_ok) in sorted(per_subset.items()):
        recall = n_ok / n_gold if n_gold else 0.0
        precision = n_ok / n_pred if n_pred else 0.0
        out[key] = {
            "recall": round(recall, 4),
            "precision": round(precision, 4),
            "f1": round(_f1(recall, precision), 4),
            "gold": n_gold,
            "predicted": n_pred,
        }
    return out


def evaluate_sayfullina(path: Path, extract: Extractor) -> dict[str, object]:
    pos = pos_hit = neg = neg_hit = 0
    for positive, ex in read_sayfullina(path):
        g = ex.gold[0]
        hit = any(m.start < g.end and g.start < m.end for m in extract(ex.text))
        if positive:
            pos += 1
            pos_hit += hit
        else:
            neg += 1
            neg_hit += hit
    recall = pos_hit / pos if pos else 0.0
    precision = pos_hit / (pos_hit + neg_hit) if pos_hit + neg_hit else 0.0
    return {
        "recall": round(recall, 4),
        "precision_proxy": round(precision, 4),
        "negatives_flagged": round(neg_hit / neg if neg else 0.0, 4),
        "positives": pos,
        "negatives": neg,
    }


def evaluate_skills(
    data_dir: Path | str = DEFAULT_DATA_DIR, taxonomy: Taxonomy | None = None, phrases: PhraseMode = "auto"
) -> dict[str, object]:
    """All skill-extraction figures for the sets present under ``data_dir``; a missing set is left out.
    ``phrases``: the second tier of ``extract_skills`` ("off" measures the taxonomy tier alone)."""
    root = _skills_dir(Path(data_dir))
    extract = _extractor(taxonomy, phrases)
    results: dict[str, object] = {}
    started = time.perf_counter()
    if (root / "skillspan" / "dev.json").exists():
        results["skillspan_dev"] = evaluate_skillspan(root / "skillspan" / "dev.json", extract)
    if (root / "dotin" / "train").is_dir():
        results["dotin"] = evaluate_dotin(root / "dotin" / "train", extract)
    if (root / "decorte").is_dir():
        results["decorte"] = evaluate_decorte(root / "decorte", extract)
    if (root / "sayfullina" / "job_train.csv").exists():
        results["sayfullina"] = evaluate_sayfullina(root / "sayfullina" / "job_train.csv", extract)
    results["seconds"] = round(time.perf_counter() - started, 2)
    return results


# --------------------------------------------------------------------------------------------- report
def skills_section(data_dir: Path, phrases: PhraseMode = "auto") -> str:
    """The skill-extraction section of the report, as Markdown."""
    r = evaluate_skills(data_dir, phrases=phrases)
    lines = ["## Skill extraction", "", f"_extract_skills(text, phrases={phrases!r})_", ""]
    lines += ["| set | recall | precision | F1 | gold | predicted |", "|---|---:|---:|---:|---:|---:|"]
    labels: list[str] = []
    for key, title in (("skillspan_dev", "SkillSpan dev (job ads)"), ("dotin", "dotin (resumes)")):
        s = r.get(key)
        if isinstance(s, dict):
            lines.append(
                f"| {title} | {s['recall']:.3f} | {s['precision']:.3f} | {s['f1']:.3f} | {s['gold']} | "
                f"{s['predicted']} |"
            )
            if "precision_annotated_resumes" in s:
                lines.append(
                    f"| dotin, only the resumes with a skill tag ({s['resumes_without_skill_tags']} have none) | "
                    f"{s['recall']:.3f} | {s['precision_annotated_resumes']:.3f} | | | |"
                )
            per = s["recall_per_label"]
            assert isinstance(per, dict)
            labels += [f"| {title} | {label} | {value:.3f} |" for label, value in per.items()]
    dec = r.get("decorte")
    if isinstance(dec, dict):
        for subset, s in dec.items():
            lines.append(
                f"| Decorte ESCO linking ({subset}) | {s['recall']:.3f} | {s['precision']:.3f} | {s['f1']:.3f} | "
                f"{s['gold']} | {s['predicted']} |"
            )
    say = r.get("sayfullina")
    if isinstance(say, dict):
        lines.append(
            f"| Sayfullina soft skills (precision = proxy) | {say['recall']:.3f} | {say['precision_proxy']:.3f} | "
            f"{_f1(float(say['recall']), float(say['precision_proxy'])):.3f} | {say['positives']} | "
            f"negatives flagged {say['negatives_flagged']:.3f} |"
        )
    if labels:
        lines += ["", "| set | label | recall |", "|---|---|---:|", *labels]
    lines += ["", f"_{r['seconds']} s; overlap matching; see matching/evaluate.py for definitions._", ""]
    return "\n".join(lines)


SECTIONS: list[Callable[[Path], str]] = [skills_section, ranking_section]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure skill extraction on the labelled development sets.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="the eval folder (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the skill figures as JSON instead")
    parser.add_argument(
        "--phrases",
        choices=("off", "auto", "on"),
        default="auto",
        help="the second tier of extract_skills (default: %(default)s; 'off' measures the taxonomy alone)",
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"evaluation data not found: {args.data}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(evaluate_skills(args.data, phrases=args.phrases), indent=2))
        return 0
    print("# Evaluation\n")
    for section in SECTIONS:
        print(skills_section(args.data, args.phrases) if section is skills_section else section(args.data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
