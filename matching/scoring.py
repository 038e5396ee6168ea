"""The score: a weighted sum of six parts, each the weighted share of its items the resume shows.

Every item (a skill the job asks, a years-of-experience ask, an education ask, the title, a keyword) carries
a ``weight`` (how much it matters within its part) and a ``credit`` in 0..1 (how well the resume shows it).
A part's fraction is ``Σ weight·credit / Σ weight``; the score is ``Σ part_max · fraction``, rounded to one
decimal. A part with no items (the job names no preferred skills, asks no years...) does not apply, and its
weight is shared among the parts that do, in proportion to their weights, so the score still spans 0..100.

The same items give the same score: sums are taken with ``math.fsum`` over items sorted by key, so neither
the order of the job's lines nor hash seeds change a result. Changing any rule here means a new
:data:`SCORE_VERSION`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final

from matching.report import ScorePart

__all__ = [
    "PART_LABELS",
    "SCORE_VERSION",
    "WEIGHTS",
    "PartResult",
    "ScoreItem",
    "build_breakdown",
    "compute_score",
    "what_if_score",
    "what_if_scores",
]

SCORE_VERSION: Final = "2026.11-1"

#: Nominal weight of each part (sums to 100). Parts that do not apply pass their weight on, pro rata.
WEIGHTS: Final[Mapping[str, float]] = {
    "required_skills": 40.0,
    "preferred_skills": 10.0,
    "experience": 15.0,
    "education": 10.0,
    "title": 15.0,
    "keywords": 10.0,
}
PART_LABELS: Final[Mapping[str, str]] = {
    "required_skills": "Required skills",
    "preferred_skills": "Preferred skills",
    "experience": "Experience",
    "education": "Education",
    "title": "Title alignment",
    "keywords": "Other keywords",
}


@dataclass(frozen=True, slots=True)
class ScoreItem:
    """One thing the job asks, as the score sees it."""

    part: str  # a key of WEIGHTS
    key: str  # unique within the part
    weight: float
    credit: float  # 0..1


@dataclass(frozen=True, slots=True)
class PartResult:
    """A part's share after redistribution."""

    part: str
    applies: bool
    fraction: float  # 0..1
    max: float
    points: float


def _fractions(items: Iterable[ScoreItem]) -> dict[str, float | None]:
    by_part: dict[str, list[ScoreItem]] = {p: [] for p in WEIGHTS}
    for item in items:
        if item.part not in by_part:
            raise ValueError(f"unknown score part {item.part!r}")
        if item.weight > 0:
            by_part[item.part].append(item)
    fractions: dict[str, float | None] = {}
    for part, part_items in by_part.items():
        if not part_items:
            fractions[part] = None
            continue
        part_items.sort(key=lambda i: i.key)
        total = math.fsum(i.weight for i in part_items)
        shown = math.fsum(i.weight * min(1.0, max(0.0, i.credit)) for i in part_items)
        fractions[part] = shown / total
    return fractions


def compute_score(items: Iterable[ScoreItem]) -> tuple[float, tuple[PartResult, ...]]:
    """The score (0..100, one decimal) and each part's result, in WEIGHTS order."""
    fractions = _fractions(items)
    applying = math.fsum(WEIGHTS[p] for p, f in fractions.items() if f is not None)
    results: list[PartResult] = []
    for part, weight in WEIGHTS.items():
        fraction = fractions[part]
        if fraction is None or applying == 0:
            results.append(PartResult(part, False, 0.0, 0.0, 0.0))
            continue
        part_max = weight * 100.0 / applying
        results.append(PartResult(part, True, fraction, part_max, part_max * fraction))
    score = round(math.fsum(r.points for r in results), 1) if applying else 0.0
    return score, tuple(results)


def what_if_score(items: Sequence[ScoreItem], part: str, key: str, credit: float = 1.0) -> float:
    """The score if the item (``part``, ``key``) had ``credit`` (1.0 = truthfully shown in full)."""
    changed = [replace(i, credit=max(i.credit, credit)) if (i.part, i.key) == (part, key) else i for i in items]
    return compute_score(changed)[0]


def what_if_scores(items: Sequence[ScoreItem], targets: Iterable[tuple[str, str]]) -> dict[tuple[str, str], float]:
    """:func:`what_if_score` for many items at once (closing one at a time), in one pass over the items.

    Closing an item changes only its own part's fraction, so each what-if is the unrounded score plus that
    part's change; the result equals :func:`what_if_score` for each target.
    """
    by_part: dict[str, list[ScoreItem]] = {}
    for item in items:
        if item.weight > 0:
            by_part.setdefault(item.part, []).append(item)
    totals: dict[str, tuple[float, list[float]]] = {}
    for part, part_items in by_part.items():
        part_items.sort(key=lambda i: i.key)
        totals[part] = (
            math.fsum(i.weight for i in part_items),
            [i.weight * min(1.0, max(0.0, i.credit)) for i in part_items],
        )
    _, results = compute_score(items)
    base = {r.part: r for r in results}
    unrounded = math.fsum(r.points for r in results)
    index = {(i.part, i.key): i for i in items}
    out: dict[tuple[str, str], float] = {}
    for target in targets:
        item = index.get(target)
        part = base.get(target[0])
        if item is None or part is None or not part.applies or item.weight <= 0:
            out[target] = round(unrounded, 1)
            continue
        total, terms = totals[target[0]]
        # fsum rounds the exact sum once, so adding the correction terms gives what a recompute gives.
        shown = math.fsum([*terms, -item.weight * min(1.0, max(0.0, item.credit)), item.weight])
        new_points = part.max * (shown / total)
        points = [new_points if r.part == target[0] else r.points for r in results]
        out[target] = round(math.fsum(points), 1)
    return out


def build_breakdown(results: Sequence[PartResult], explanations: Mapping[str, str]) -> tuple[ScorePart, ...]:
    """ScoreParts with their words, noting where a part's weight went to the others."""
    skipped = [PART_LABELS[r.part].lower() for r in results if not r.applies]
    parts: list[ScorePart] = []
    for r in results:
        text = explanations.get(r.part, "")
        if r.applies and skipped and not math.isclose(r.max, WEIGHTS[r.part]):
            text = (
                f"{text} (weight {WEIGHTS[r.part]:g} raised to {r.max:.1f} because the job names no "
                f"{', '.join(skipped)})."
            ).replace(". (", " (")
        elif not r.applies:
            text = text or "Does not apply to this job; its weight went to the other parts."
        parts.append(
            ScorePart(
                id=r.part,
                label=PART_LABELS[r.part],
                weight=WEIGHTS[r.part],
                max=round(r.max, 1),
                points=round(r.points, 1),
                applies=r.applies,
                explanation=text,
            )
        )
    return tuple(parts)
