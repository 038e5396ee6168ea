"""The score: a weighted sum of eight parts (:data:`WEIGHTS`), each the weighted share of its items the resume
shows.

Every item (a skill the job asks, a years-of-experience ask, an education ask, the title, a keyword, one of the
resume's strengths, a field the ad centres on) carries a ``weight`` (how much it matters within its part) and a
``credit`` in 0..1 (how well the resume shows it). A part's fraction is ``Σ weight·credit / Σ weight``; the score
is ``Σ part_max · fraction``, rounded to one decimal. A part with no items (the job names no preferred skills,
asks no years...) does not apply, and its weight is shared among the parts that do, in proportion to their
weights, so the score still spans 0..100. A part whose items weigh less than :data:`FULL_INFORMATION` carries
that share of its weight, except a part of :data:`UNKNOWN_CREDIT` (required skills), which keeps its weight and
counts what is missing as unknown at that credit, so a vague ad does not pass its weight to the cheap parts.

The same items give the same score: sums are taken with ``math.fsum`` over items sorted by key, so neither
the order of the job's lines nor hash seeds change a result. Changing any rule here means a new
:data:`SCORE_VERSION`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Final

from matching.report import ScorePart

__all__ = [
    "FULL_INFORMATION",
    "PART_LABELS",
    "SCORE_VERSION",
    "UNKNOWN_CREDIT",
    "UNKNOWN_KEY",
    "WEIGHTS",
    "PartResult",
    "ScoreItem",
    "build_breakdown",
    "compute_score",
    "redistribution_note",
    "what_if_score",
    "what_if_scores",
]

SCORE_VERSION: Final = "2026.11-6"

#: Nominal weight of each part (sums to 100). Parts that do not apply pass their weight on, pro rata.
#: The two whole-ad parts (the fields the ad centres on, and whether it names what you are best at) weigh as
#: much as the line-by-line required skills: they do not depend on how well the ad's lines were parsed.
#: Education weighs little: ads over-ask degrees and most accept equivalent experience.
WEIGHTS: Final[Mapping[str, float]] = {
    "required_skills": 25.0,
    "preferred_skills": 10.0,
    "experience": 10.0,
    "education": 5.0,
    "title": 10.0,
    "keywords": 5.0,
    "strengths": 15.0,
    "focus": 20.0,
}
#: A part listed here never carries less than its weight for lack of items: what its items weigh short of
#: FULL_INFORMATION counts as unknown, at this credit. An ad that names one required skill says little about
#: what the job needs; scoring that one skill as the whole part would let a vague ad outrank a detailed one.
UNKNOWN_CREDIT: Final[Mapping[str, float]] = {"required_skills": 0.25}
UNKNOWN_KEY: Final = "\x00unknown"
#: Item weight at which a part carries its full weight. A part whose items weigh less (the ad names one soft
#: skill, or only implies years by a title word) carries that fraction of its weight: little evidence, little say.
FULL_INFORMATION: Final[Mapping[str, float]] = {
    "required_skills": 3.0,
    "preferred_skills": 2.0,
    "experience": 1.0,
    "education": 1.0,
    "title": 0.0,
    "keywords": 3.0,
    "strengths": 0.0,
    "focus": 2.0,
}
PART_LABELS: Final[Mapping[str, str]] = {
    "required_skills": "Required skills",
    "preferred_skills": "Preferred skills",
    "experience": "Experience",
    "education": "Education",
    "title": "Title alignment",
    "keywords": "Other keywords",
    "strengths": "Your strengths used",
    "focus": "Focus of the ad",
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
    share: float = 1.0  # the part of its weight it carries for lack of items (1.0 = all)
    unknown: float = 0.0  # the part of it counted as unknown at UNKNOWN_CREDIT, for lack of items (0.0 = none)


_weight = attrgetter("weight")
_key = attrgetter("key")


def _by_part(items: Sequence[ScoreItem]) -> tuple[dict[str, list[ScoreItem]], dict[str, float]]:
    """Items with weight per part, sorted by key, a part of UNKNOWN_CREDIT padded to FULL_INFORMATION; and per
    such part, the weight so counted as unknown (FULL_INFORMATION less its items' weight).

    Nothing is unknown when there are no items at all: then there is nothing to score.
    """
    by_part: dict[str, list[ScoreItem]] = {p: [] for p in WEIGHTS}
    for item in items:
        part_items = by_part.get(item.part)
        if part_items is None:
            raise ValueError(f"unknown score part {item.part!r}")
        if item.weight > 0:
            part_items.append(item)
    unknown: dict[str, float] = {}
    if any(by_part.values()):
        for part in UNKNOWN_CREDIT:
            short = FULL_INFORMATION[part] - math.fsum(map(_weight, by_part[part]))
            if short > 1e-9:
                unknown[part] = short
                by_part[part].append(ScoreItem(part, UNKNOWN_KEY, short, UNKNOWN_CREDIT[part]))
    for part_items in by_part.values():
        part_items.sort(key=_key)
    return by_part, unknown


def _fractions(by_part: Mapping[str, list[ScoreItem]]) -> dict[str, tuple[float, float] | None]:
    """Per part: (fraction shown, total item weight), or None when the part has no items."""
    fractions: dict[str, tuple[float, float] | None] = {}
    for part, part_items in by_part.items():
        if not part_items:
            fractions[part] = None
            continue
        total = math.fsum(map(_weight, part_items))
        shown = math.fsum(i.weight * min(1.0, max(0.0, i.credit)) for i in part_items)
        fractions[part] = (shown / total, total)
    return fractions


def _share(part: str, total: float) -> float:
    """How much of its weight a part carries: all of it once its items weigh FULL_INFORMATION, else pro rata."""
    full = FULL_INFORMATION.get(part, 0.0)
    return 1.0 if full <= 0 or part in UNKNOWN_CREDIT else min(1.0, total / full)


def compute_score(items: Iterable[ScoreItem]) -> tuple[float, tuple[PartResult, ...]]:
    """The score (0..100, one decimal) and each part's result, in WEIGHTS order."""
    by_part, unknown = _by_part(list(items))
    fractions = _fractions(by_part)
    effective = {p: WEIGHTS[p] * _share(p, f[1]) for p, f in fractions.items() if f is not None}
    applying = math.fsum(effective[p] for p in WEIGHTS if p in effective)
    results: list[PartResult] = []
    for part in WEIGHTS:
        found = fractions[part]
        if found is None or applying == 0:
            results.append(PartResult(part, False, 0.0, 0.0, 0.0, 0.0))
            continue
        fraction, total = found
        part_max = effective[part] * 100.0 / applying
        results.append(
            PartResult(
                part, True, fraction, part_max, part_max * fraction, _share(part, total), unknown.get(part, 0.0) / total
            )
        )
    score = round(math.fsum(r.points for r in results), 1) if applying else 0.0
    return score, tuple(results)


def what_if_score(items: Sequence[ScoreItem], part: str, key: str, credit: float = 1.0) -> float:
    """The score if the item (``part``, ``key``) had ``credit`` (1.0 = truthfully shown in full)."""
    changed = [replace(i, credit=max(i.credit, credit)) if (i.part, i.key) == (part, key) else i for i in items]
    return compute_score(changed)[0]


def what_if_scores(
    items: Sequence[ScoreItem],
    targets: Iterable[tuple[str, str]],
    *,
    results: Sequence[PartResult] | None = None,
) -> dict[tuple[str, str], float]:
    """:func:`what_if_score` for many items at once (closing one at a time), in one pass over the items.

    Closing an item changes only its own part's fraction, so each what-if is the unrounded score plus that
    part's change; the result equals :func:`what_if_score` for each target.
    """
    totals: dict[str, tuple[float, list[float]]] = {}
    for part, part_items in _by_part(items)[0].items():
        if not part_items:
            continue
        totals[part] = (
            math.fsum(map(_weight, part_items)),
            [i.weight * min(1.0, max(0.0, i.credit)) for i in part_items],
        )
    if results is None:
        results = compute_score(items)[1]
    base = {r.part: r for r in results}
    unrounded = math.fsum(r.points for r in results)
    index = {(i.part, i.key): i for i in items}
    out: dict[tuple[str, str], float] = {}
    for target in targets:
        closed = index.get(target)
        result = base.get(target[0])
        if closed is None or result is None or not result.applies or closed.weight <= 0:
            out[target] = round(unrounded, 1)
            continue
        total, terms = totals[target[0]]
        # fsum rounds the exact sum once, so adding the correction terms gives what a recompute gives.
        shown = math.fsum([*terms, -closed.weight * min(1.0, max(0.0, closed.credit)), closed.weight])
        new_points = result.max * (shown / total)
        points = [new_points if r.part == target[0] else r.points for r in results]
        out[target] = round(math.fsum(points), 1)
    return out


def build_breakdown(results: Sequence[PartResult], explanations: Mapping[str, str]) -> tuple[ScorePart, ...]:
    """ScoreParts with their words; a part carrying less than its weight says why."""
    parts: list[ScorePart] = []
    for r in results:
        text = explanations.get(r.part, "").rstrip(".")
        if r.applies:
            if r.unknown > 0:
                text += (
                    f" ({round(r.unknown * 100)}% of this part is counted as unknown, at "
                    f"{UNKNOWN_CREDIT[r.part] * 100:g}%: the ad names too little here to judge)"
                )
            if r.share < 1.0:
                text += (
                    f" (it carries {round(r.share * 100)}% of its weight {WEIGHTS[r.part]:g}: the ad says little here)"
                )
            text += "."
        else:
            text = (text + ". " if text else "") + "Does not apply to this job; its weight went to the other parts."
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


def redistribution_note(results: Sequence[PartResult]) -> str | None:
    """One sentence saying where weight moved and why, or None when every part carries its weight."""
    skipped = [PART_LABELS[r.part].lower() for r in results if not r.applies]
    thin = [PART_LABELS[r.part].lower() for r in results if r.applies and r.share < 1.0]
    if not skipped and not thin:
        return None
    why = []
    if skipped:
        why.append(f"names no {', '.join(skipped)}")
    if thin:
        why.append(f"says little about {', '.join(thin)}")
    return (
        f"The job {' and '.join(why)}, so that weight was shared among the other parts in proportion to "
        "their weights; the points shown are out of the weight each part carries."
    )
