"""Cover-letter review: layout, the fact-check of claims against the resume, coverage, checks, score, quotes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.claims import Claim
from matching.letter_text import segment_letter, split_sentences
from matching.letters import CoverLetterReview, review_cover_letter
from parsers.models import Document
from tests.unit.matching import letter_factories as lf


def _review(letter: str | Document) -> CoverLetterReview:
    r, j = lf.resume(), lf.job()
    return review_cover_letter(letter, r, j, report=lf.report(r, j), options=lf.options())


def _letter(body: str, greeting: str = "Dear Ms. Rivera,") -> str:
    return f"Ada Example\nada@example.com\n\n{greeting}\n\n{body}\n\nSincerely,\nAda Example\n"


def _unsupported(review: CoverLetterReview, kind: str | None = None) -> list[Claim]:
    return [c for c in review.unsupported_claims if kind is None or c.kind == kind]


def _assert_quotes_exact(review: CoverLetterReview, resume_text: str) -> None:
    text = review.letter_text
    for c in (*review.claims, *review.unsupported_claims):
        assert text[c.start : c.end] == c.sentence
        assert text[c.claim_start : c.claim_end] == c.text
        assert c.start <= c.claim_start < c.claim_end <= c.end
        for ev in (*c.evidence, *c.related):
            assert resume_text[ev.start : ev.end] == ev.quote
    for s in review.suggestions:
        assert text[s.start : s.end] == s.quote
        if s.resume_quote is not None:
            assert resume_text[s.resume_start : s.resume_end] == s.resume_quote
    for f in review.phrases:
        assert text[f.start : f.end] == f.phrase
        assert text[f.sentence_start : f.sentence_end] == f.sentence
    for cov in review.coverage:
        if cov.sentence is not None:
            assert text[cov.sentence_start : cov.sentence_end] == cov.sentence
    if review.greeting.quote is not None:
        assert text[review.greeting.start : review.greeting.end] == review.greeting.quote


# --- layout ------------------------------------------------------------------------------------------------


def test_layout_finds_header_greeting_body_and_sign_off() -> None:
    layout = segment_letter(lf.GOOD_LETTER)
    roles = [p.role for p in layout.paragraphs]
    assert roles[0] == "greeting"
    assert roles.count("body") == 3
    assert roles[-2:] == ["sign_off", "sign_off"]
    assert layout.greeting is not None and layout.text[slice(*layout.greeting)] == "Dear Ms. Rivera,"
    assert layout.sentences[0].text == "I am applying for the Backend Engineer role at Example Co."


def test_greeting_on_the_first_line_of_a_block_is_split_off() -> None:
    layout = segment_letter("Dear Jane,\nI am applying for the role of analyst at your firm.\nBest regards,\nAda")
    assert layout.greeting is not None and layout.text[slice(*layout.greeting)] == "Dear Jane,"
    assert [s.text for s in layout.sentences] == ["I am applying for the role of analyst at your firm."]


def test_sentences_do_not_end_at_abbreviations_or_decimals() -> None:
    text = "I met Dr. Smith at Acme Inc. in 2020. Revenue grew 3.5 times, e.g. in sales. Done!"
    spans = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    assert spans == ["I met Dr. Smith at Acme Inc. in 2020.", "Revenue grew 3.5 times, e.g. in sales.", "Done!"]


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n,DearI%0123")), max_size=200))
def test_every_sentence_quotes_the_letter_at_its_offsets(text: str) -> None:
    layout = segment_letter(text)
    for s in layout.sentences:
        assert layout.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    for p in layout.paragraphs:
        assert 0 <= p.start <= p.end <= len(layout.text)


# --- the fact-check -----------------------------------------------------------------------------------------


def test_planted_team_size_and_absent_skill_are_unsupported() -> None:
    review = _review(_letter("I led a team of 40 engineers at Acme Corp. I am an expert in Kubernetes."))
    numbers = _unsupported(review, "number")
    assert [c.text for c in numbers] == ["40 engineers"]
    skills = _unsupported(review, "skill")
    assert [c.skill_id for c in skills] == ["kubernetes"]
    assert skills[0].sentence == "I am an expert in Kubernetes."


def test_claims_the_resume_backs_link_to_the_bullet() -> None:
    r = lf.resume()
    review = _review(_letter("I led a team of 5 engineers. I cut MySQL query latency by 40% by adding indexes."))
    assert not review.unsupported_claims
    figures = {c.text: c for c in review.claims if c.kind == "number"}
    assert set(figures) == {"5 engineers", "40%"}
    bullet = figures["40%"].evidence[0]
    assert bullet.quote == "Cut MySQL query latency by 40% by adding indexes"
    assert r.text[bullet.start : bullet.end] == bullet.quote
    assert bullet.location == "bullet"


def test_a_figure_the_resume_does_not_have_is_unsupported_even_with_the_same_words() -> None:
    review = _review(_letter("I cut MySQL query latency by 30% by adding indexes."))
    assert [c.text for c in _unsupported(review, "number")] == ["30%"]


def test_an_alias_in_the_letter_counts_as_the_skill() -> None:
    # The resume says "MySQL"; a related skill (PostgreSQL) is not the same skill.
    review = _review(_letter("I tuned MySQL daily. I also ran PostgreSQL clusters."))
    backed = {c.skill_id for c in review.claims if c.kind == "skill"}
    unsupported = _unsupported(review, "skill")
    assert "mysql" in backed
    assert [c.skill_id for c in unsupported] == ["postgresql"]
    assert unsupported[0].related and "MySQL" in unsupported[0].related[0].quote


def test_alias_k8s_resolves_to_kubernetes() -> None:
    review = _review(_letter("I run k8s clusters every day."))
    assert [c.skill_id for c in _unsupported(review, "skill")] == ["kubernetes"]


def test_years_claims_are_checked_against_dated_roles() -> None:
    review = _review(_letter("I have 9 years of experience. I have 4 years of Python experience."))
    years = {c.text: c for c in (*review.claims, *review.unsupported_claims) if c.kind == "years"}
    assert years["9 years"].status == "unsupported"
    assert years["9 years"].found == pytest.approx(7.0, abs=0.2)
    assert years["4 years of Python"].status == "backed"
    review = _review(_letter("I have 8 years of Python experience."))
    assert [c.text for c in _unsupported(review, "years")] == ["8 years of Python"]


def test_what_the_writer_denies_or_the_job_asks_is_not_a_claim() -> None:
    review = _review(
        _letter(
            "I have not used Kubernetes in production yet. You are looking for Terraform and Kubernetes. "
            "The role requires Terraform, which I am eager to learn."
        )
    )
    assert not review.unsupported_claims


def test_the_job_title_and_company_in_the_letter_are_not_skill_claims() -> None:
    r = lf.resume()
    j = lf.job("Kubernetes Platform Engineer")
    review = review_cover_letter(
        _letter("I am applying for the Kubernetes Platform Engineer role at Example Co."),
        r,
        j,
        options=lf.options(),
    )
    assert not review.unsupported_claims


def test_an_employer_missing_from_the_resume_is_flagged() -> None:
    review = _review(_letter("During my time at Globex I built billing services. I worked at Acme Corp too."))
    employers = {c.text: c.status for c in (*review.claims, *review.unsupported_claims) if c.kind == "employer"}
    assert employers == {"Globex": "unsupported", "Acme Corp": "backed"}


def test_an_achievement_no_resume_line_describes_is_unsupported() -> None:
    review = _review(_letter("I negotiated vendor contracts for the whole procurement department."))
    assert [c.kind for c in review.unsupported_claims] == ["achievement"]
    review = _review(_letter("I maintained Java services on AWS."))
    assert not review.unsupported_claims
    assert any(c.kind == "achievement" for c in review.claims)


def test_degree_claims_are_checked_against_education() -> None:
    review = _review(_letter("I hold a Master's degree in Physics. I earned a BSc in Computer Science."))
    degrees = {c.text: c.status for c in (*review.claims, *review.unsupported_claims) if c.kind == "degree"}
    assert degrees["Master's degree"] == "unsupported"
    assert degrees["BSc"] == "backed"


# --- coverage, checks, phrases, score -------------------------------------------------------------------------


def test_coverage_links_each_top_requirement_to_its_sentence() -> None:
    review = _review(lf.GOOD_LETTER)
    cov = {c.requirement: c for c in review.coverage}
    assert cov["3+ years of experience with Python"].addressed
    assert cov["3+ years of experience with Python"].sentence is not None
    assert "Python" in (cov["3+ years of experience with Python"].sentence or "")
    assert cov["Experience designing REST APIs"].via == "skill"
    assert not cov["Kubernetes in production"].addressed
    assert cov["Kubernetes in production"].sentence is None


@pytest.mark.parametrize(
    ("greeting", "kind"),
    [
        ("To whom it may concern,", "impersonal"),
        ("Dear Sir or Madam,", "impersonal"),
        ("Dear Sir/Madam,", "impersonal"),
        ("Dear Hiring Manager,", "generic"),
        ("Dear Ms. Rivera,", "named"),
        ("Dear Jordan Lee,", "named"),
    ],
)
def test_greetings_are_classified(greeting: str, kind: str) -> None:
    review = _review(_letter("I am applying for the Backend Engineer role at Example Co.", greeting=greeting))
    assert review.greeting.kind == kind
    flagged = [s for s in review.suggestions if s.kind == "greeting"]
    assert bool(flagged) == (kind != "named")


def test_company_and_role_must_be_named() -> None:
    review = _review(_letter("I would like to work with you. I built billing services in Python."))
    assert review.company.named is False and review.role.named is False
    kinds = {s.kind for s in review.suggestions}
    assert {"name_company", "name_role"} <= kinds
    assert _review(lf.GOOD_LETTER).company.named is True


def test_length_guidance_and_structure() -> None:
    short = _review(lf.GOOD_LETTER)
    assert short.length.status in ("short", "too_short") and short.length.words < 250
    assert short.structure.opening and short.structure.evidence and short.structure.call_to_action
    filler = " ".join(["I maintained Java services on AWS and wrote REST APIs used by 12 partner teams."] * 40)
    long = _review(_letter("I am applying for the Backend Engineer role at Example Co.\n\n" + filler))
    assert long.length.status == "too_long"
    no_close = _review(_letter("I am applying for the Backend Engineer role at Example Co. I wrote REST APIs."))
    assert not no_close.structure.call_to_action
    assert any(s.kind == "close" for s in no_close.suggestions)


def test_generic_and_hedging_phrases_are_flagged_unless_backed_in_the_sentence() -> None:
    review = _review(
        _letter(
            "I believe I would be a great fit for this role. I am a passionate team player and hard-working. "
            "As a passionate engineer I cut MySQL query latency by 40% by adding indexes."
        )
    )
    phrases = [f.phrase.lower() for f in review.phrases]
    assert any(p.startswith("i believe i would") for p in phrases)
    assert "team player" in phrases and "hard-working" in phrases
    assert phrases.count("passionate") == 1  # the second one has its evidence in the same sentence


def test_unsupported_claims_lower_the_score() -> None:
    honest = _review(lf.GOOD_LETTER)
    padded = _review(lf.GOOD_LETTER.replace("I also cut", "I led a team of 40 engineers and cut"))
    assert padded.unsupported_claims and not honest.unsupported_claims
    assert padded.score < honest.score
    assert padded.breakdown[2].id == "accuracy" and padded.breakdown[2].points < honest.breakdown[2].points
    assert sum(p.max for p in honest.breakdown) == pytest.approx(100.0)
    assert honest.score == pytest.approx(round(sum(p.points for p in honest.breakdown), 1), abs=0.11)


@pytest.mark.parametrize(
    "letter",
    [
        lf.GOOD_LETTER,
        _letter("I led a team of 40 engineers. I am an expert in Kubernetes and Terraform. I am passionate."),
        "To whom it may concern:\nI want this job. I have 20 years of Go.\nThanks,\nA",
        "Hello team,\n\n- Cut costs by 30%\n- Built Django apps\n\nRegards,\nAda",
        "no structure at all just words",
    ],
)
def test_every_quote_is_the_text_at_its_offsets(letter: str) -> None:
    review = _review(letter)
    _assert_quotes_exact(review, lf.resume().text)
    assert 0 <= review.score <= 100


def test_bullet_points_in_a_letter_are_claims() -> None:
    review = _review("Dear Ms. Rivera,\n\n- Cut costs by 30%\n- Cut MySQL query latency by 40%\n\nSincerely,\nAda")
    assert [c.text for c in _unsupported(review, "number")] == ["30%"]
    assert any(c.text == "40%" for c in review.claims)


def test_review_is_deterministic() -> None:
    assert _review(lf.GOOD_LETTER) == _review(lf.GOOD_LETTER)


@pytest.mark.parametrize(
    ("name", "letter"),
    [
        ("review_good.md", lf.GOOD_LETTER),
        (
            "review_padded.md",
            lf.GOOD_LETTER.replace("I also cut", "As a passionate team player I led a team of 40 engineers and cut"),
        ),
        (
            "review_impersonal.md",
            _letter(
                "I want this job. I have 20 years of Go. I am an expert in Terraform.",
                greeting="To whom it may concern,",
            ),
        ),
    ],
)
def test_review_markdown_golden(name: str, letter: str) -> None:
    from matching.letter_render import render_review_markdown

    lf.check_golden(f"fixture/{name}", render_review_markdown(_review(letter)))


def test_a_docx_letter_keeps_its_paragraphs() -> None:
    import io

    import docx

    import parsers

    document = docx.Document()
    for line in lf.GOOD_LETTER.replace("\\\n", "").splitlines():
        document.add_paragraph(line)
    data = io.BytesIO()
    document.save(data)
    letter = parsers.parse_document(data.getvalue(), "letter.docx")
    review = _review(letter)
    assert review.greeting.kind == "named"
    assert review.length.paragraphs == 3
    assert not review.unsupported_claims
    _assert_quotes_exact(review, lf.resume().text)


_R = lf.resume()
_J = lf.job()
_REPORT = lf.report(_R, _J)
_WORDS = st.sampled_from(
    [
        "I",
        "led",
        "a",
        "team",
        "of",
        "40",
        "engineers",
        "Kubernetes",
        "k8s",
        "MySQL",
        "30%",
        "$2M",
        "years",
        "8",
        "Dear",
        "Sir",
        "Sincerely,",
        "at",
        "Globex",
        "not",
        "you",
        "passionate",
        ".",
        ",",
        "\n",
        "\n\n",
        "- ",
        "Acme",
    ]
)


@given(st.lists(_WORDS, max_size=60).map(" ".join))
def test_any_letter_gets_a_review_whose_quotes_are_exact(letter: str) -> None:
    review = review_cover_letter(letter, _R, _J, report=_REPORT, options=lf.options())
    _assert_quotes_exact(review, _R.text)
    assert 0 <= review.score <= 100
