"""Every error is RFC 9457 problem+json with a stable type."""

from __future__ import annotations

from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"


def assert_problem(response, status: int, slug: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["type"] == f"/problems/{slug}"
    assert body["status"] == status
    assert body["title"] and body["detail"]
    return body


def test_unknown_path_is_a_404_problem(client: TestClient) -> None:
    assert_problem(client.get("/v1/nothing-here"), 404, "not-found")


def test_wrong_method_is_a_405_problem(client: TestClient) -> None:
    assert_problem(client.delete("/health"), 405, "method-not-allowed")


def test_missing_upload_is_a_validation_problem_naming_the_field(client: TestClient) -> None:
    body = assert_problem(client.post("/v1/resumes/parse"), 422, "validation-error")
    assert "file" in body["detail"]


def test_declared_oversized_body_is_refused_before_reading(client: TestClient) -> None:
    response = client.post("/v1/resumes/parse", files={"file": ("cv.txt", b"a" * 2_000_000)})
    assert_problem(response, 413, "too-large")


def test_streamed_oversized_body_is_refused_while_reading(client: TestClient) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\n\r\n'
        for _ in range(2000):
            yield b"a" * 1000
        yield b"\r\n--b--\r\n"

    response = client.post(
        "/v1/resumes/parse", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"}
    )
    assert_problem(response, 413, "too-large")


def test_one_file_over_the_upload_limit_is_refused(client: TestClient) -> None:
    body = assert_problem(
        client.post("/v1/resumes/parse", files={"file": ("cv.txt", b"a" * 200_001)}), 413, "too-large"
    )
    assert body["limit_bytes"] == 200_000


def test_problem_types_are_documented(client: TestClient) -> None:
    assert client.get("/problems/too-large").json()["status"] == 413
    assert_problem(client.get("/problems/nope"), 404, "not-found")
