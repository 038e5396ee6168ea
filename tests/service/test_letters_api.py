"""The cover-letter, interview-prep and learning-plan endpoints, as a frontend calls them."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from service.main import create_app
from service.settings import Settings

RESUME = b"""Jane Roe
Backend Engineer
jane.roe@example.com | +1 415 555 0100 | San Francisco, CA

EXPERIENCE
Senior Backend Engineer, Acme Corp
Jan 2021 - Present
- Built a Python and FastAPI billing service handling 2M requests a day
- Cut PostgreSQL query latency by 40% by adding indexes
Software Engineer, Initech
Jun 2017 - Dec 2020
- Maintained Java services deployed with Docker

EDUCATION
BSc Computer Science, State University, 2017

SKILLS
Python, Java, PostgreSQL, Docker, Git
"""

JOB = """Senior Backend Engineer
Globex

Requirements
- 5+ years of experience with Python
- Experience with PostgreSQL and Docker
- Kubernetes in production
Nice to have
- Experience with Go is a plus
"""

LETTER = """Dear Hiring Manager,

I am applying for the Senior Backend Engineer role at Globex. At Acme Corp I built a Python and FastAPI billing
service handling 2M requests a day, and I cut PostgreSQL query latency by 40% by adding indexes.

I led a team of 40 engineers and I am an expert in Kubernetes. I am a passionate team player.

I look forward to discussing the role with you.

Sincerely,
Jane Roe
"""

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
AS_OF = "2026-03-01"


def _app() -> FastAPI:
    return create_app(Settings(database_url="sqlite://", max_upload_bytes=200_000, max_pages=5))


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(_app(), raise_server_exceptions=False) as c:
        yield c


def _post(client: TestClient, path: str, **data: str) -> object:
    return client.post(
        path,
        files={"resume": ("cv.txt", RESUME, "text/plain")},
        data={"job_text": JOB, "as_of": AS_OF, **data},
    )


def test_review_checks_claims_against_the_resume(client: TestClient) -> None:
    response = _post(client, "/v1/cover-letters/review", cover_letter_text=LETTER)
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    text = body["letter_text"]
    unsupported = {c["text"] for c in body["unsupported_claims"]}
    assert "40 engineers" in unsupported
    assert "Kubernetes" in unsupported
    backed = {c["text"] for c in body["claims"]}
    assert "40%" in backed
    resume_text = RESUME.decode()
    for claim in body["claims"] + body["unsupported_claims"]:
        assert text[claim["start"] : claim["end"]] == claim["sentence"]
        for ev in claim["evidence"]:
            assert resume_text[ev["start"] : ev["end"]] == ev["quote"]
    for s in body["suggestions"]:
        assert text[s["start"] : s["end"]] == s["quote"]
    assert body["greeting"]["kind"] == "generic"
    assert {"coverage", "accuracy", "wording"} <= {p["id"] for p in body["breakdown"]}
    assert 0 <= body["score"] <= 100


def test_review_accepts_the_letter_as_a_file_and_answers_markdown(client: TestClient) -> None:
    response = client.post(
        "/v1/cover-letters/review",
        files={
            "resume": ("cv.txt", RESUME, "text/plain"),
            "cover_letter_file": ("letter.txt", LETTER.encode(), "text/plain"),
        },
        data={"job_text": JOB, "format": "md", "as_of": AS_OF},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/markdown")
    assert "# Cover letter review" in response.text
    assert "Claims your resume does not back" in response.text


def test_draft_as_json_links_sentences_to_the_resume(client: TestClient) -> None:
    response = _post(client, "/v1/cover-letters/draft", tone="warm", mention_gap="true", hiring_manager="Ms. Rivera")
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["greeting"] == "Dear Ms. Rivera,"
    assert body["tone"] == "warm"
    assert body["gap_mentioned"] == "Kubernetes"
    resume_text = RESUME.decode()
    linked = 0
    for paragraph in body["paragraphs"]:
        for s in paragraph["sentences"]:
            assert body["text"][s["start"] : s["end"]] == s["text"]
            for ev in s["evidence"]:
                assert resume_text[ev["start"] : ev["end"]] == ev["quote"]
                linked += 1
    assert linked >= 2


def test_draft_passes_its_own_review(client: TestClient) -> None:
    draft = _post(client, "/v1/cover-letters/draft", mention_gap="true").json()  # type: ignore[attr-defined]
    review = _post(client, "/v1/cover-letters/review", cover_letter_text=draft["text"]).json()  # type: ignore[attr-defined]
    assert review["unsupported_claims"] == []


def test_draft_as_docx_is_a_word_attachment(client: TestClient) -> None:
    response = _post(client, "/v1/cover-letters/draft", format="docx")
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.headers["content-type"] == DOCX_TYPE  # type: ignore[attr-defined]
    disposition = response.headers["content-disposition"]  # type: ignore[attr-defined]
    assert disposition.startswith("attachment;") and ".docx" in disposition
    document = docx.Document(io.BytesIO(response.content))  # type: ignore[attr-defined]
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Jane Roe"
    draft = _post(client, "/v1/cover-letters/draft").json()  # type: ignore[attr-defined]
    paragraphs = [p["text"] for p in draft["paragraphs"]]
    after = texts.index(draft["greeting"]) + 1
    assert texts[after : after + len(paragraphs)] == paragraphs


def test_draft_as_markdown(client: TestClient) -> None:
    response = _post(client, "/v1/cover-letters/draft", format="md")
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith("text/markdown")  # type: ignore[attr-defined]
    assert "Where each sentence comes from" in response.text  # type: ignore[attr-defined]


def test_interview_prep_includes_star_gaps_and_the_plan(client: TestClient) -> None:
    response = _post(client, "/v1/interview-prep")
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["star"] and body["star"][0]["situation"]
    assert any(g["label"] == "Kubernetes" for g in body["gap_questions"])
    assert body["learning_plan"]["items"][0]["skill"] == "Kubernetes"
    md = _post(client, "/v1/interview-prep", format="md")
    assert md.headers["content-type"].startswith("text/markdown")  # type: ignore[attr-defined]
    assert "Stories to prepare (STAR)" in md.text  # type: ignore[attr-defined]


def test_learning_plan_endpoint(client: TestClient) -> None:
    body = _post(client, "/v1/learning-plan").json()  # type: ignore[attr-defined]
    kubernetes = body["items"][0]
    assert kubernetes["skill"] == "Kubernetes"
    assert any("CKA" in r["name"] for r in kubernetes["resources"])


@pytest.mark.parametrize(
    ("path", "data", "status", "problem"),
    [
        ("/v1/cover-letters/review", {}, 422, "validation-error"),  # no letter
        ("/v1/cover-letters/review", {"cover_letter_text": "Dear X", "format": "pdf"}, 422, "validation-error"),
        ("/v1/cover-letters/draft", {"tone": "rude"}, 422, "validation-error"),
        ("/v1/cover-letters/draft", {"format": "html"}, 422, "validation-error"),
    ],
)
def test_bad_input_is_a_problem_document(
    client: TestClient, path: str, data: dict[str, str], status: int, problem: str
) -> None:
    response = _post(client, path, **data)
    assert response.status_code == status  # type: ignore[attr-defined]
    assert response.headers["content-type"] == "application/problem+json"  # type: ignore[attr-defined]
    assert response.json()["type"] == f"/problems/{problem}"  # type: ignore[attr-defined]


def test_a_corrupt_letter_file_and_a_missing_resume_are_problems(client: TestClient) -> None:
    response = client.post(
        "/v1/cover-letters/review",
        files={
            "resume": ("cv.txt", RESUME, "text/plain"),
            "cover_letter_file": ("letter.pdf", b"%PDF-1.7 broken", "application/pdf"),
        },
        data={"job_text": JOB},
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    response = client.post("/v1/interview-prep", data={"job_text": JOB, "resume_id": "nope"})
    assert response.status_code == 404
    assert response.json()["type"] == "/problems/not-found"


def test_routes_are_documented_with_stable_operation_ids() -> None:
    schema = _app().openapi()
    ops = {
        path: schema["paths"][path]["post"]["operationId"]
        for path in ("/v1/cover-letters/review", "/v1/cover-letters/draft", "/v1/interview-prep", "/v1/learning-plan")
    }
    assert ops["/v1/cover-letters/review"] == "cover-letters-review_letter"
    assert ops["/v1/interview-prep"] == "interview-prep-prepare_interview"
    draft = schema["paths"]["/v1/cover-letters/draft"]["post"]["responses"]["200"]["content"]
    assert DOCX_TYPE in draft
