"""Ranking one resume against many jobs and one job against many resumes."""

from __future__ import annotations

from matching.rank import LEAN_GAPS, rank, rank_resumes
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


def test_lean_reports_keep_the_first_gaps_of_the_full_report_and_the_same_score() -> None:
    job = build_job(
        "Platform Engineer",
        ["Kubernetes", "Terraform", "Java", "Kotlin", "React", "AWS", "GCP", "PostgreSQL", "Docker"],
    )
    lean = rank(RESUME, [job], options=OPTIONS)[0].report
    full = rank(RESUME, [job], options=OPTIONS, detail=True)[0].report
    assert len(full.gaps) > LEAN_GAPS
    assert lean.gaps == full.gaps[:LEAN_GAPS]
    assert lean.score == full.score


def test_ranking_many_jobs_gives_each_the_score_it_gets_alone() -> None:
    jobs = [
        build_job("Python Engineer", ["Python", "Django", "React"]),
        build_job("Data Engineer", ["Python", "PostgreSQL or MySQL", "Kubernetes"]),
        build_job("Java Engineer", ["Java or Kotlin", "Docker"]),
    ] * 2  # the same jobs again: the resume's caches must not change a score
    ranked = {r.index: r.score for r in rank(RESUME, jobs, options=OPTIONS)}
    assert all(ranked[i] == tailor(RESUME, job, options=OPTIONS).score for i, job in enumerate(jobs))
