"""The API as a frontend uses it: upload, parse, store, tailor, rank, skills."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

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

JOB = """Senior Backend Engineer at Globex

Requirements
- 5+ years of experience with Python
- Experience with PostgreSQL and Docker
- Kubernetes in production
Nice to have
- Experience with Go is a plus
"""


def _tailor(client: TestClient, **data: str) -> dict:  # type: ignore[type-arg]
    response = client.post(
        "/v1/tailor", files={"resume": ("cv.txt", RESUME, "text/plain")}, data={"job_text": JOB, **data}
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_tailor_links_requirements_to_resume_evidence(client: TestClient) -> None:
    report = _tailor(client, as_of="2026-11-01")
    assert 0 <= report["score"] <= 100
    text = RESUME.decode()
    for match in report["requirements"]:
        for check in match["skills"]:
            for ev in check["evidence"]:
                assert text[ev["start"] : ev["end"]] == ev["quote"]
    gaps = [g["label"] for g in report["gaps"]]
    assert any("Kubernetes" in g for g in gaps)
    assert not any(g == "Python" for g in gaps)


def test_tailor_is_deterministic_for_a_given_date(client: TestClient) -> None:
    assert _tailor(client, as_of="2026-11-01") == _tailor(client, as_of="2026-11-01")


@pytest.mark.parametrize(("fmt", "media", "marker"), [("md", "text/markdown", "# "), ("html", "text/html", "<svg")])
def test_tailor_renders_markdown_and_html(client: TestClient, fmt: str, media: str, marker: str) -> None:
    response = client.post(
        "/v1/tailor", files={"resume": ("cv.txt", RESUME, "text/plain")}, data={"job_text": JOB, "format": fmt}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert marker in response.text


def test_tailor_format_follows_the_accept_header(client: TestClient) -> None:
    response = client.post(
        "/v1/tailor",
        files={"resume": ("cv.txt", RESUME, "text/plain")},
        data={"job_text": JOB},
        headers={"accept": "text/html"},
    )
    assert response.headers["content-type"].startswith("text/html")


def test_tailor_needs_exactly_one_job_input(client: TestClient) -> None:
    response = client.post("/v1/tailor", files={"resume": ("cv.txt", RESUME, "text/plain")})
    assert response.status_code == 422
    assert response.json()["type"] == "/problems/validation-error"
    assert "job_text" in response.json()["detail"]


def test_stored_resume_round_trip_and_deletion(client: TestClient) -> None:
    created = client.post("/v1/resumes", files={"file": ("cv.txt", RESUME, "text/plain")})
    assert created.status_code == 201
    resume_id = created.json()["id"]
    assert created.headers["location"] == f"/v1/resumes/{resume_id}"
    assert client.get(f"/v1/resumes/{resume_id}").json()["resume"]["contact"]["email"] == "jane.roe@example.com"
    by_id = client.post("/v1/tailor", data={"resume_id": resume_id, "job_text": JOB, "as_of": "2026-11-01"})
    assert by_id.json()["score"] == _tailor(client, as_of="2026-11-01")["score"]
    assert client.delete(f"/v1/resumes/{resume_id}").status_code == 204
    assert client.get(f"/v1/resumes/{resume_id}").json()["type"] == "/problems/not-found"
    assert client.delete(f"/v1/resumes/{resume_id}").status_code == 404


def test_refused_upload_leaves_the_store_as_it_was(client: TestClient) -> None:
    kept = client.post("/v1/resumes", files={"file": ("cv.txt", RESUME, "text/plain")}).json()["id"]
    before = client.get("/v1/resumes").json()["items"]
    for bad in (b"", b"%PDF-1.7 garbage", b"\x89PNG\r\n\x1a\n" + b"\0" * 64):
        response = client.post("/v1/resumes", files={"file": ("cv.pdf", bad, "application/pdf")})
        assert response.status_code in (415, 422), response.text
    assert client.get("/v1/resumes").json()["items"] == before
    assert client.get(f"/v1/resumes/{kept}").status_code == 200


def test_rank_orders_jobs_for_one_resume(client: TestClient) -> None:
    unrelated = "Pastry Chef\nRequirements\n- 5 years of French pastry\n- Sugar work and chocolate tempering\n"
    response = client.post(
        "/v1/rank",
        files=[("resume", ("cv.txt", RESUME, "text/plain"))],
        data={"job_texts": [unrelated, JOB], "as_of": "2026-11-01"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["mode"] == "jobs"
    assert [item["index"] for item in body["items"]] == [1, 0]


def test_rank_orders_resumes_for_one_job(client: TestClient) -> None:
    other = b"Sam Poe\nsam@example.com\nEXPERIENCE\nBaker, Bread Co\n2019 - 2024\n- Baked bread\n"
    response = client.post(
        "/v1/rank",
        files=[("resumes", ("a.txt", other, "text/plain")), ("resumes", ("b.txt", RESUME, "text/plain"))],
        data={"job_text": JOB},
    )
    body = response.json()
    assert body["mode"] == "resumes"
    assert [item["name"] for item in body["items"]] == ["b.txt", "a.txt"]


def test_rank_refuses_mixed_or_missing_inputs(client: TestClient) -> None:
    response = client.post("/v1/rank", files=[("resume", ("cv.txt", RESUME, "text/plain"))])
    assert response.status_code == 422


def test_skills_extract_search_and_get(client: TestClient) -> None:
    text = "Deployed services on k8s with Terraform; wrote JS and Python."
    mentions = client.post("/v1/skills/extract", json={"text": text}).json()["mentions"]
    names = {m["name"] for m in mentions}
    assert {"Kubernetes", "Python"} <= names
    assert all(text[m["start"] : m["end"]] == m["surface"] for m in mentions)
    found = client.get("/v1/skills", params={"q": "postg"}).json()
    assert found and found[0]["name"] == "PostgreSQL"
    assert client.get(f"/v1/skills/{found[0]['id']}").json()["name"] == "PostgreSQL"
    assert client.get("/v1/skills/no-such-skill").status_code == 404


def test_skills_extract_takes_extra_skills_for_one_call(client: TestClient) -> None:
    body = {"text": "Shipped features behind Flagship toggles.", "extra_skills": [{"name": "Flagship"}]}
    assert "Flagship" in {m["name"] for m in client.post("/v1/skills/extract", json=body).json()["mentions"]}
    plain = client.post("/v1/skills/extract", json={"text": body["text"]}).json()["mentions"]
    assert "Flagship" not in {m["name"] for m in plain}


def test_corpus_pdf_resume_parses_over_the_api(client: TestClient, shared_data: Path) -> None:
    pdf = shared_data / "corpus" / "resumes" / "pdf" / "rendercv" / "John_Doe_ClassicTheme_CV.pdf"
    response = client.post("/v1/resumes/parse", files={"file": ("x.bin", pdf.read_bytes())})
    assert response.status_code == 200
    body = response.json()
    assert body["document"]["format"] == "pdf"
    assert body["contact"]["email"] == "john.doe@email.com"
    assert all(body["text"][r["start"] : r["end"]] for r in body["roles"])


def test_skills_extract_can_add_unlisted_skill_phrases(client: TestClient) -> None:
    text = "Requirements: experience designing scalable data pipelines and mentoring junior engineers."
    plain = client.post("/v1/skills/extract", json={"text": text}).json()["mentions"]
    rich = client.post("/v1/skills/extract", json={"text": text, "phrases": "on"}).json()["mentions"]
    assert len(rich) > len(plain)
    assert all(m["confidence"] < 0.6 for m in rich if m["skill_id"].startswith("phrase:"))


def test_extra_skill_of_an_unknown_kind_is_a_validation_problem(client: TestClient) -> None:
    body = {"text": "Shipped Flagship.", "extra_skills": [{"name": "Flagship", "kind": "banana"}]}
    response = client.post("/v1/skills/extract", json=body)
    assert response.status_code == 422
    assert response.json()["type"] == "/problems/validation-error"


def test_rank_with_nothing_to_rank_says_so(client: TestClient) -> None:
    response = client.post("/v1/rank", files=[("resume", ("cv.txt", RESUME, "text/plain"))], data={"job_text": JOB})
    assert response.status_code == 422
    assert "Nothing to rank" in response.json()["detail"]


@pytest.mark.parametrize(
    "data",
    [{"as_of": "0001-01-01"}, {"as_of": "9999-12-31"}, {"extra_skills": ",".join(f"s{i}" for i in range(201))}],
)
def test_tailor_refuses_out_of_range_options(client: TestClient, data: dict[str, str]) -> None:
    response = client.post(
        "/v1/tailor", files={"resume": ("cv.txt", RESUME, "text/plain")}, data={"job_text": JOB, **data}
    )
    assert response.status_code == 422
    assert response.json()["type"] == "/problems/validation-error"


def test_rank_lists_an_unreadable_item_and_ranks_the_rest(client: TestClient) -> None:
    files = [
        ("resumes", ("a.txt", RESUME, "text/plain")),
        ("resumes", ("broken.pdf", b"%PDF-1.7 garbage", "application/pdf")),
    ]
    response = client.post("/v1/rank", files=files, data={"job_text": JOB, "resume_ids": ["no-such-id"]})
    assert response.status_code == 200, response.text
    body = response.json()
    assert [(item["index"], item["name"]) for item in body["items"]] == [(0, "a.txt")]
    failed = {item["index"]: item for item in body["failed"]}
    assert failed[1]["name"] == "broken.pdf" and failed[1]["type"] == "/problems/corrupt-document"
    assert failed[1]["detail"].startswith("resumes[1]: ")
    assert failed[2]["name"] == "no-such-id" and failed[2]["type"] == "/problems/not-found"


def test_rank_with_no_readable_item_answers_with_the_first_problem(client: TestClient) -> None:
    files = [("resume", ("cv.txt", RESUME, "text/plain")), ("job_files", ("ad.pdf", b"\x89PNG\r\n\x1a\n", "image/png"))]
    response = client.post("/v1/rank", files=files, data={"job_texts": ["   "]})
    assert response.status_code == 415, response.text
    assert response.json()["type"] == "/problems/unsupported-format"
    assert response.json()["detail"].startswith("job_files[0]: ")


def test_the_html_report_carries_the_letter_review_and_interview_prep_when_asked(client: TestClient) -> None:
    letter = "Dear Hiring Manager,\nI built Python services at Initech and would bring that to Globex.\nJane Roe"
    files = {"resume": ("cv.txt", RESUME, "text/plain")}
    data = {"job_text": JOB, "format": "html", "cover_letter_text": letter, "interview_prep": "true"}
    page = client.post("/v1/tailor", files=files, data=data).text
    assert "<h2>Cover letter review</h2>" in page and "<h2>Interview preparation</h2>" in page
    plain = client.post("/v1/tailor", files=files, data={"job_text": JOB, "format": "html"}).text
    assert "Cover letter review" not in plain and "Interview preparation" not in plain


def test_the_app_sets_no_dependency_override(client: TestClient) -> None:
    """With any override set, FastAPI re-analyses every dependency's signature on each request (a validator per
    form field): settings reach routes through app.state instead."""
    assert client.app.dependency_overrides == {}  # type: ignore[attr-defined]
