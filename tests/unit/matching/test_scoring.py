"""The score arithmetic: weights, redistribution, determinism, what-if."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.scoring import (
    SCORE_VERSION,
    WEIGHTS,
    ScoreItem,
    build_breakdown,
    compute_score,
    what_if_score,
    what_if_scores,
)


def test_weights_sum_to_one_hundred() -> None:
    assert math.isclose(sum(WEIGHTS.values()), 100.0)
    assert SCORE_VERSION


def test_all_parts_fully_shown_scores_one_hundred() -> None:
    items = [ScoreItem(part, "x", 1.0, 1.0) for part in WEIGHTS]
    score, results = compute_score(items)
    assert score == 100.0
    assert all(r.applies for r in results)


def test_part_fraction_is_weighted_share_of_credit() -> None:
    items = [
        ScoreItem("required_skills", "a", 1.0, 1.0),
        ScoreItem("required_skills", "b", 3.0, 0.0),
    ]
    score, results = compute_score(items)
    # Only the required part applies, so it carries all 100 points; a quarter of its weight is shown.
    assert score == 25.0
    required = next(r for r in results if r.part == "required_skills")
    assert required.max == pytest.approx(100.0)


def test_missing_parts_pass_their_weight_on_pro_rata() -> None:
    items = [ScoreItem(p, "x", 1.0, 0.5) for p in WEIGHTS if p != "preferred_skills"]
    score, results = compute_score(items)
    assert score == 50.0
    preferred = next(r for r in results if r.part == "preferred_skills")
    assert not preferred.applies
    required = next(r for r in results if r.part == "required_skills")
    assert required.max == pytest.approx(40.0 * 100.0 / 90.0)
    parts = build_breakdown(results, {"required_skills": "1 of 2 shown."})
    text = next(p for p in parts if p.id == "required_skills").explanation
    assert "raised to 44.4" in text and "preferred skills" in text


def test_no_items_scores_zero() -> None:
    score, results = compute_score([])
    assert score == 0.0
    assert not any(r.applies for r in results)


def test_unknown_part_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown score part"):
        compute_score([ScoreItem("luck", "x", 1.0, 1.0)])


def test_what_if_closes_one_item() -> None:
    items = [ScoreItem("required_skills", "a", 1.0, 1.0), ScoreItem("required_skills", "b", 1.0, 0.0)]
    assert compute_score(items)[0] == 50.0
    assert what_if_score(items, "required_skills", "b") == 100.0
    assert what_if_score(items, "required_skills", "a") == 50.0


_items = st.lists(
    st.builds(
        ScoreItem,
        part=st.sampled_from(sorted(WEIGHTS)),
        key=st.text(alphabet="abcdef", min_size=1, max_size=4),
        weight=st.floats(0.1, 2.0),
        credit=st.floats(0.0, 1.0),
    ),
    max_size=25,
    unique_by=lambda i: (i.part, i.key),
)


@given(_items, st.randoms(use_true_random=False))
def test_score_does_not_depend_on_item_order(items: list[ScoreItem], rnd: object) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert compute_score(items)[0] == compute_score(shuffled)[0]


@given(_items)
def test_score_is_within_bounds_and_what_if_never_lowers_it(items: list[ScoreItem]) -> None:
    score, _ = compute_score(items)
    assert 0.0 <= score <= 100.0
    for item in items:
        assert what_if_score(items, item.part, item.key) >= score


@given(_items)
def test_batch_what_if_equals_one_at_a_time(items: list[ScoreItem]) -> None:
    targets = [(i.part, i.key) for i in items]
    batch = what_if_scores(items, targets)
    for part, key in targets:
        assert batch[(part, key)] == what_if_score(items, part, key)
