"""Ranking one resume against many jobs and one job against many resumes."""

from __future__ import annotations

from matching.rank import rank, rank_resumes
from matching.tailor import tailor
from tests.unit.matching.tailor_factories import RoleSpec, build_job, build_resume, fake_options

OPTIONS = fake_options()
RESUME = build_resume(
    roles=[RoleSpec("Software Engineer", "Acme", "2021-01", "present", ["Built Python and Django services"])]
)


def test_rank_orders_jobs_best_first_and_keeps_input_positions() -> None:
    jobs = [
        build_job("Java Engineer", ["Java", "Kotlin"]),
        build_job("Python Engineer", ["Python", "Django"]),
        build_job("Python Engineer", ["Python", "React"]),
    ]
    ranked = rank(RESUME, jobs, options=OPTIONS)
    assert [r.index for r in ranked] == [1, 2, 0]
    assert ranked[0].score >= ranked[1].score >= ranked[2].score
    assert ranked[0].score == tailor(RESUME, jobs[1], options=OPTIONS).score
    assert ranked[0].report.suggestions == ()  # lean reports by default


def test_rank_ties_keep_input_order() -> None:
    jobs = [build_job("Python Engineer", ["Python"]), build_job("Python Engineer", ["Python"])]
    assert [r.index for r in rank(RESUME, jobs, options=OPTIONS)] == [0, 1]


def test_rank_with_detail_gives_full_reports() -> None:
    ranked = rank(RESUME, [build_job("Python Engineer", ["Python", "React"])], options=OPTIONS, detail=True)
    assert ranked[0].report.ats


def test_rank_resumes_orders_candidates_for_one_job() -> None:
    other = build_resume(roles=[RoleSpec("Chef", "Bistro", "2020-01", "present", ["Cooked for 200 guests"])])
    job = build_job("Python Engineer", ["Python", "Django"])
    ranked = rank_resumes(job, [other, RESUME], options=OPTIONS)
    assert [r.index for r in ranked] == [1, 0]
