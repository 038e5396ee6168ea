"""Cover-letter drafts: only resume facts, each sentence linked to its evidence, and a clean review."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

import parsers
from matching.drafting import CoverLetterDraft, DraftOptions, Tone, draft_cover_letter
from matching.evidence import ResumeAnalysis
from matching.letters import CoverLetterReview, review_cover_letter
from matching.report import TailoringReport
from matching.tailor import TailorOptions, prepare_resume, tailor
from parsers.models import JobPosting, Resume
from tests.unit.matching import letter_factories as lf
from tests.unit.matching.tailor_factories import ReqSpec, RoleSpec, build_job, build_resume

TONES: tuple[Tone, ...] = ("formal", "warm", "concise")


def _draft(r: Resume | None = None, j: JobPosting | None = None, **kwargs: object) -> CoverLetterDraft:
    r = r or lf.resume()
    j = j or lf.job()
    return draft_cover_letter(r, j, report=lf.report(r, j), options=lf.options(), draft=DraftOptions(**kwargs))  # type: ignore[arg-type]


def _pairs() -> list[tuple[Resume, JobPosting]]:
    """A few resume/job combinations: strong, weak, projects only, no organisations, no company."""
    strong = (lf.resume(), lf.job())
    other_job = build_job(
        "Data Engineer",
        ["Experience with AWS and Terraform", "Strong Python skills", ReqSpec("React is a plus", kind="preferred")],
    )
    projects = build_resume(
        roles=(
            RoleSpec("Billing API", "Side project", "2023-01", "2023-12", ("Built REST APIs in Django",), "projects"),
            RoleSpec("Intern", "Globex", "2022-06", "2022-09", ("Helped with Java tests", "Responsible for AWS costs")),
        ),
        skills=("Python", "Java"),
    )
    bare = build_resume(roles=(), skills=("Python", "Docker"), headline=None)
    return [strong, (lf.resume(), other_job), (projects, lf.job()), (projects, other_job), (bare, lf.job())]


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("mention_gap", [False, True])
def test_a_draft_passed_back_through_the_review_has_no_unsupported_claim(tone: Tone, mention_gap: bool) -> None:
    for r, j in _pairs():
        report = lf.report(r, j)
        draft = draft_cover_letter(
            r, j, report=report, options=lf.options(), draft=DraftOptions(tone=tone, mention_gap=mention_gap)
        )
        review = review_cover_letter(draft.text, r, j, report=report, options=lf.options())
        assert review.unsupported_claims == (), (tone, [c.text for c in review.unsupported_claims])


def test_the_review_of_a_draft_finds_claims_it_can_back() -> None:
    r, j = lf.resume(), lf.job()
    draft = _draft(r, j)
    review = review_cover_letter(draft.text, r, j, options=lf.options())
    kinds = {c.kind for c in review.claims}
    assert {"skill", "number", "achievement", "employer"} <= kinds
    assert review.company.named and review.role.named
    assert review.structure.opening and review.structure.evidence and review.structure.call_to_action


def test_every_sentence_quotes_the_draft_and_its_evidence_the_resume() -> None:
    r, j = lf.resume(), lf.job()
    for tone in TONES:
        draft = _draft(r, j, tone=tone, mention_gap=True)
        for p in draft.paragraphs:
            assert draft.text[p.start : p.end] == p.text
            for s in p.sentences:
                assert draft.text[s.start : s.end] == s.text
                for ev in s.evidence:
                    assert r.text[ev.start : ev.end] == ev.quote
                if s.requirement is not None:
                    assert j.text[s.requirement_start : s.requirement_end] == s.requirement


def test_evidence_sentences_retell_the_bullet_in_its_own_words() -> None:
    r = lf.resume()
    draft = _draft(r)
    evidence = [s for p in draft.paragraphs for s in p.sentences if s.role == "evidence" and s.evidence]
    assert len(evidence) >= 2
    for s in evidence:
        bullet = s.evidence[0].quote
        tail = bullet[1:].rstrip(".")  # the first letter may be lower-cased after "I"
        assert tail in s.text, (bullet, s.text)


def test_the_strongest_matched_requirements_are_used() -> None:
    draft = _draft()
    assert "3+ years of experience with Python" in draft.requirements_used
    assert "Kubernetes in production" not in draft.requirements_used  # the resume does not show it


def test_the_gap_line_is_honest_and_only_there_when_asked() -> None:
    assert _draft(mention_gap=False).gap_mentioned is None
    draft = _draft(mention_gap=True)
    assert draft.gap_mentioned == "Kubernetes"
    gap = [p for p in draft.paragraphs if p.role == "gap"]
    assert len(gap) == 1
    assert gap[0].text.startswith("I have not used Kubernetes in production yet")


def test_the_gap_line_bridges_to_a_related_skill_the_resume_shows() -> None:
    r = lf.resume()
    j = build_job("Backend Engineer", ["Experience with PostgreSQL"])
    draft = _draft(r, j, mention_gap=True)
    gap = next(p for p in draft.paragraphs if p.role == "gap")
    assert "PostgreSQL" in gap.text and "MySQL" in gap.text
    assert gap.sentences[0].evidence and "MySQL" in gap.sentences[0].evidence[0].quote


def test_drafts_are_deterministic_and_the_variant_follows_the_job_title() -> None:
    assert _draft() == _draft()
    openings = {_draft(j=lf.job(title)).paragraphs[0].sentences[0].text.split(" the ")[0] for title in TITLES}
    assert len(openings) > 1  # different titles pick different opening variants


TITLES = ("Backend Engineer", "Platform Engineer", "Software Engineer", "API Engineer", "Python Developer")


def test_tones_differ_and_concise_is_shorter() -> None:
    drafts = {tone: _draft(tone=tone) for tone in TONES}
    assert len({d.sign_off for d in drafts.values()}) == 3
    assert drafts["concise"].word_count < drafts["formal"].word_count


def test_greeting_sender_and_date() -> None:
    draft = _draft(hiring_manager="Dear Ms. Rivera")
    assert draft.greeting == "Dear Ms. Rivera,"
    assert draft.sender[0] == "Ada Example"
    assert draft.date == "1 June 2025"
    assert draft.text.startswith("Ada Example\nada@example.com")
    assert draft.text.rstrip().endswith("Sincerely,\nAda Example") or draft.text.rstrip().endswith(
        "Yours sincerely,\nAda Example"
    )
    assert _draft().greeting == "Dear Hiring Manager,"


def test_company_option_and_missing_company() -> None:
    assert "at Globex" in _draft(company="Globex").paragraphs[0].text
    j = build_job("Backend Engineer at Initrode", ["Strong Python skills"])
    j = JobPosting(j.document, j.title, None, j.sections, j.requirements)
    draft = _draft(j=j)
    assert draft.company == "Initrode" and draft.job_title == "Backend Engineer"


def test_uppercase_titles_are_shown_in_title_case() -> None:
    r = build_resume(roles=(RoleSpec("DATA ENGINEER", "Acme Corp", "2020-01", "present", ("Built Python ETL jobs",)),))
    draft = _draft(r, build_job("Data Engineer", ["Strong Python skills"]))
    assert "as a Data Engineer at Acme Corp" in draft.paragraphs[0].text


def test_no_evidence_gives_a_note_not_an_invented_paragraph() -> None:
    bare = build_resume(roles=(), skills=("Excel",), headline=None)
    draft = _draft(bare, build_job("Nurse", ["Registered nurse licence"]))
    assert [p.role for p in draft.paragraphs] == ["opening", "close"]
    assert any("No resume bullet matched" in n for n in draft.notes)


def test_unknown_tone_is_refused() -> None:
    with pytest.raises(ValueError, match="tone"):
        _draft(tone="rude")


def test_no_placeholder_brackets_in_the_letter_body() -> None:
    for tone in TONES:
        body = " ".join(p.text for p in _draft(tone=tone, mention_gap=True).paragraphs)
        assert not re.search(r"[\[\]{}]", body)


@pytest.mark.parametrize(
    ("name", "tone", "gap"),
    [("draft_formal.md", "formal", False), ("draft_warm_gap.md", "warm", True), ("draft_concise.md", "concise", False)],
)
def test_draft_markdown_golden(name: str, tone: Tone, gap: bool) -> None:
    from matching.letter_render import render_draft_markdown

    lf.check_golden(f"fixture/{name}", render_draft_markdown(_draft(tone=tone, mention_gap=gap)))


# --- real documents -------------------------------------------------------------------------------------------

CORPUS_PAIRS = (
    ("resumes/pdf/rendercv/John_Doe_EngineeringresumesTheme_CV.pdf", "jobs/pdf/job_desc_full_stack_engineer.pdf"),
    ("resumes/pdf/misc/john_doe.pdf", "jobs/pdf/job_desc_java_developer.pdf"),
    ("resumes/pdf/misc/barry_allen_fe.pdf", "jobs/pdf/job_desc_front_end_engineer.pdf"),
    ("resumes/pdf/misc/harvey_dent_mle.pdf", "jobs/docx/Senior Software Developer.docx"),
    ("resumes/pdf/misc/john_smith_python.pdf", "jobs/docx/Revenue Reporting Data Analyst.docx"),
    ("resumes/pdf/misc/OmkarResume.pdf", "jobs/pdf/job_desc_product_manager.pdf"),
    ("resumes/docx/vanetik_40.docx", "jobs/docx/IT Project Manager.docx"),
    ("resumes/docx/vanetik_65.docx", "jobs/docx/Backend Developer.docx"),
)
CORPUS_AS_OF = date(2026, 3, 1)
PLANTED = "I led a team of 40 engineers and I am an expert in Kubernetes. I also cut costs by 37%."


@dataclass(frozen=True)
class _Case:
    resume: Resume
    job: JobPosting
    report: TailoringReport
    analysis: ResumeAnalysis


@functools.cache
def _corpus_case(root: Path, resume_path: str, job_path: str) -> _Case:
    resume_file, job_file = root / "corpus" / resume_path, root / "corpus" / job_path
    if not resume_file.exists() or not job_file.exists():
        pytest.skip(f"corpus file missing: {resume_path} or {job_path}")
    r = parsers.parse_resume(resume_file.read_bytes(), resume_file.name)
    j = parsers.parse_job(job_file.read_bytes(), job_file.name)
    options = TailorOptions(as_of=CORPUS_AS_OF)
    analysis = prepare_resume(r, options=options)
    return _Case(r, j, tailor(r, j, options=options, analysis=analysis), analysis)


def _corpus_draft(case: _Case, tone: Tone, gap: bool = True) -> CoverLetterDraft:
    return draft_cover_letter(
        case.resume,
        case.job,
        report=case.report,
        analysis=case.analysis,
        options=TailorOptions(as_of=CORPUS_AS_OF),
        draft=DraftOptions(tone=tone, mention_gap=gap),
    )


def _corpus_review(case: _Case, text: str) -> CoverLetterReview:
    return review_cover_letter(
        text,
        case.resume,
        case.job,
        report=case.report,
        analysis=case.analysis,
        options=TailorOptions(as_of=CORPUS_AS_OF),
    )


@pytest.mark.corpus
@pytest.mark.parametrize(("resume_path", "job_path"), CORPUS_PAIRS)
def test_corpus_drafts_pass_their_own_review(shared_data: Path, resume_path: str, job_path: str) -> None:
    case = _corpus_case(shared_data, resume_path, job_path)
    for tone in TONES:
        draft = _corpus_draft(case, tone)
        review = _corpus_review(case, draft.text)
        assert review.unsupported_claims == (), [(c.kind, c.text) for c in review.unsupported_claims]
        for p in draft.paragraphs:
            for s in p.sentences:
                assert draft.text[s.start : s.end] == s.text
                for ev in s.evidence:
                    assert case.resume.text[ev.start : ev.end] == ev.quote


@pytest.mark.corpus
@pytest.mark.parametrize(("resume_path", "job_path"), CORPUS_PAIRS)
def test_corpus_review_catches_planted_claims(shared_data: Path, resume_path: str, job_path: str) -> None:
    case = _corpus_case(shared_data, resume_path, job_path)
    draft = _corpus_draft(case, "formal", gap=False)
    opening = draft.paragraphs[0].text
    review = _corpus_review(case, draft.text.replace(opening, f"{opening} {PLANTED}"))
    flagged = {c.text for c in review.unsupported_claims}
    assert {"40 engineers", "37%"} <= flagged
    if "kubernetes" not in case.analysis.by_skill:
        assert any(c.skill_id == "kubernetes" for c in review.unsupported_claims), flagged
    assert all(c.sentence in PLANTED for c in review.unsupported_claims)  # nothing else in the draft is flagged


@pytest.mark.corpus
def test_corpus_drafts_golden(shared_data: Path) -> None:
    """Offsets only (which resume line each sentence cites, which job line it answers): no corpus text is stored."""
    out: dict[str, object] = {}
    for resume_path, job_path in CORPUS_PAIRS:
        case = _corpus_case(shared_data, resume_path, job_path)
        for tone in TONES:
            draft = _corpus_draft(case, tone)
            review = _corpus_review(case, draft.text)
            out[f"{Path(resume_path).name} | {Path(job_path).name} | {tone}"] = {
                "words": draft.word_count,
                "paragraphs": [p.role for p in draft.paragraphs],
                "sentences": [
                    [s.role, [[e.start, e.end] for e in s.evidence], s.requirement_start]
                    for p in draft.paragraphs
                    for s in p.sentences
                ],
                "gap": draft.gap_mentioned is not None,
                "review": {"score": review.score, "backed": len(review.claims), "unsupported": 0},
            }
    lf.check_golden("corpus_drafts.json", json.dumps(out, indent=1, ensure_ascii=False) + "\n")


def test_the_gap_line_never_names_a_broad_area() -> None:
    from tests.unit.matching.tailor_factories import broad_area_gap

    r, j, report, options = broad_area_gap("Strong Python skills")
    assert any(g.broad for g in report.gaps)
    draft = draft_cover_letter(r, j, report=report, options=options, draft=DraftOptions(mention_gap=True))
    assert draft.gap_mentioned is None
    assert not any(p.role == "gap" for p in draft.paragraphs)
