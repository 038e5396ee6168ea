"""The score arithmetic: weights, redistribution, determinism, what-if."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.scoring import (
    FULL_INFORMATION,
    SCORE_VERSION,
    UNKNOWN_CREDIT,
    WEIGHTS,
    ScoreItem,
    build_breakdown,
    compute_score,
    redistribution_note,
    what_if_score,
    what_if_scores,
)


def test_weights_sum_to_one_hundred() -> None:
    assert math.isclose(sum(WEIGHTS.values()), 100.0)
    assert SCORE_VERSION


def _full(part: str, credit: float, key: str = "x") -> ScoreItem:
    """An item heavy enough for its part to carry its whole weight."""
    return ScoreItem(part, key, max(1.0, FULL_INFORMATION[part]), credit)


def test_all_parts_fully_shown_scores_one_hundred() -> None:
    items = [_full(part, 1.0) for part in WEIGHTS]
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
    items = [_full(p, 0.5) for p in WEIGHTS if p != "preferred_skills"]
    score, results = compute_score(items)
    assert score == 50.0
    preferred = next(r for r in results if r.part == "preferred_skills")
    assert not preferred.applies
    required = next(r for r in results if r.part == "required_skills")
    rest = sum(WEIGHTS.values()) - WEIGHTS["preferred_skills"]
    assert required.max == pytest.approx(WEIGHTS["required_skills"] * 100.0 / rest)
    parts = build_breakdown(results, {"required_skills": "1 of 2 shown."})
    assert "weight went to the other parts" in next(p for p in parts if p.id == "preferred_skills").explanation
    note = redistribution_note(results)
    assert note is not None and "names no preferred skills" in note


def test_a_part_with_little_in_it_carries_less_weight_and_says_so() -> None:
    thin = [_full(p, 1.0) for p in WEIGHTS if p != "preferred_skills"]
    thin.append(ScoreItem("preferred_skills", "spanish", FULL_INFORMATION["preferred_skills"] / 4, 0.0))
    score, results = compute_score(thin)
    preferred = next(r for r in results if r.part == "preferred_skills")
    assert preferred.share == pytest.approx(0.25)
    full = [*thin[:-1], _full("preferred_skills", 0.0)]
    assert score > compute_score(full)[0]  # one thin miss costs less than a well-evidenced miss
    text = next(p for p in build_breakdown(results, {}) if p.id == "preferred_skills").explanation
    assert "25% of its weight" in text
    assert "says little about preferred skills" in (redistribution_note(results) or "")


@pytest.mark.parametrize("part", sorted(UNKNOWN_CREDIT))
def test_a_part_the_ad_says_little_about_counts_the_rest_as_unknown(part: str) -> None:
    others = [_full(p, 1.0) for p in WEIGHTS if p != part]
    full = FULL_INFORMATION[part]
    thin = [*others, ScoreItem(part, "python", full / 3, 1.0)]
    score, results = compute_score(thin)
    result = next(r for r in results if r.part == part)
    assert result.share == 1.0  # it keeps its weight: vagueness is not passed on to the other parts
    assert result.unknown == pytest.approx(2 / 3)
    assert result.fraction == pytest.approx(1 / 3 + 2 / 3 * UNKNOWN_CREDIT[part])
    detailed = [*others, ScoreItem(part, "python", full / 3, 1.0), ScoreItem(part, "go", 2 * full / 3, 1.0)]
    assert compute_score(detailed)[0] > score  # an ad that says more, all shown, scores higher
    text = next(p for p in build_breakdown(results, {}) if p.id == part).explanation
    assert "67% of this part is counted as unknown" in text
    nothing = compute_score(others)[1]
    assert next(r for r in nothing if r.part == part).applies  # still applies, all unknown


def test_no_items_scores_zero() -> None:
    score, results = compute_score([])
    assert score == 0.0
    assert not any(r.applies for r in results)


def test_unknown_part_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown score part"):
        compute_score([ScoreItem("luck", "x", 1.0, 1.0)])


def test_what_if_closes_one_item() -> None:
    items = [ScoreItem("required_skills", "a", 1.5, 1.0), ScoreItem("required_skills", "b", 1.5, 0.0)]
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
