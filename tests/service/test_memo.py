"""The in-process memo of parsed documents: reuse, expiry, eviction on delete, and what it must never change."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from service.main import create_app
from service.memo import Memo, digest
from service.settings import Settings

from .test_api import JOB, RESUME


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_result_is_made_once_and_kept_until_it_expires() -> None:
    clock = Clock()
    memo = Memo(seconds=10, entries=8, timer=clock)
    made: list[int] = []

    def make() -> list[int]:
        made.append(1)
        return [len(made)]

    key = ("resume", digest(b"cv"), "cv.txt")
    first = memo.get(key, make)
    assert memo.get(key, make) is first and len(made) == 1
    clock.now = 11
    assert memo.get(key, make) == [2] and len(made) == 2


def test_the_oldest_entries_make_way_when_full() -> None:
    memo = Memo(seconds=60, entries=2)
    for name in (b"a", b"b", b"c"):
        memo.get(("job", digest(name)), lambda: object())
    assert len(memo) == 2


def test_forget_drops_every_entry_made_from_one_document() -> None:
    memo = Memo(seconds=60, entries=8)
    cv, other = digest(b"cv"), digest(b"other")
    memo.get(("resume", cv, "cv.pdf", 20), object)
    memo.get(("resume-analysis", cv, "cv.pdf", 20, None, ()), object)
    memo.get(("resume", other, "cv.pdf", 20), object)
    assert memo.forget(cv) == 2
    assert len(memo) == 1


def test_off_means_every_call_makes_its_result() -> None:
    memo = Memo(seconds=0, entries=8)
    key = ("job", digest("text"))
    assert memo.get(key, object) is not memo.get(key, object)
    assert len(memo) == 0


def test_failures_are_not_memoised() -> None:
    memo = Memo(seconds=60, entries=8)

    def fail() -> object:
        raise ValueError("damaged")

    with pytest.raises(ValueError):
        memo.get(("resume", digest(b"x")), fail)
    assert len(memo) == 0


def test_text_and_bytes_of_the_same_content_share_a_digest() -> None:
    assert digest("Jane Roe") == digest(b"Jane Roe")
    assert digest(b"Jane Roe") != digest(b"Jane Roe ")


def test_concurrent_requests_get_equal_results() -> None:
    memo = Memo(seconds=60, entries=8)
    results: list[object] = []
    barrier = threading.Barrier(4)

    def worker() -> None:
        barrier.wait()
        results.append(memo.get(("job", digest(b"same")), lambda: ("parsed", 1)))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [("parsed", 1)] * 4


def _report(client: TestClient, fmt: str = "json") -> str:
    files = {"resume": ("cv.txt", RESUME, "text/plain")}
    data = {"job_text": JOB, "as_of": "2026-11-01", "format": fmt}
    response = client.post("/v1/tailor", files=files, data=data)
    assert response.status_code == 200, response.text
    return response.text


def test_a_repeated_request_answers_the_same_with_the_memo_on_or_off() -> None:
    on = Settings(database_url="sqlite://", memo_seconds=300)
    off = Settings(database_url="sqlite://", memo_seconds=0)
    with TestClient(create_app(on)) as memoised, TestClient(create_app(off)) as plain:
        first = _report(memoised)
        assert len(memoised.app.state.memo) > 0  # type: ignore[attr-defined]
        assert _report(memoised) == first == _report(plain)
        assert len(plain.app.state.memo) == 0  # type: ignore[attr-defined]
        assert _report(memoised, "md") == _report(plain, "md")


def test_deleting_a_stored_resume_drops_what_the_memo_holds_of_it(client: TestClient) -> None:
    memo = client.app.state.memo  # type: ignore[attr-defined]
    resume_id = client.post("/v1/resumes", files={"file": ("cv.txt", RESUME, "text/plain")}).json()["id"]
    data = {"resume_id": resume_id, "job_text": JOB, "as_of": "2026-11-01"}
    assert client.post("/v1/tailor", data=data).status_code == 200
    held = [key for key in memo._cache if key[1] == digest(RESUME)]
    assert {key[0] for key in held} == {"resume", "resume-analysis"}
    assert client.delete(f"/v1/resumes/{resume_id}").status_code == 204
    assert not [key for key in memo._cache if key[1] == digest(RESUME)]
    assert [key for key in memo._cache if key[0] == "job-analysis"], "the job's entries stay"


def test_deleting_a_stored_resume_empties_the_word_caches(client: TestClient) -> None:
    """The engine's shared word caches may hold the resume's names: a delete drops them in this process too."""
    import importlib

    misspellings = importlib.import_module("matching.taxonomy").load_taxonomy().misspellings
    resume_id = client.post("/v1/resumes", files={"file": ("cv.txt", RESUME, "text/plain")}).json()["id"]
    data = {"resume_id": resume_id, "job_text": JOB, "as_of": "2026-11-01"}
    assert client.post("/v1/tailor", data=data).status_code == 200
    assert misspellings.current()
    assert client.delete(f"/v1/resumes/{resume_id}").status_code == 204
    assert not misspellings.current()


def test_ranking_many_jobs_leaves_the_memo_as_it_was(client: TestClient) -> None:
    memo = client.app.state.memo  # type: ignore[attr-defined]
    _report(client)
    before = set(memo._cache)
    files = [("resume", ("cv.txt", RESUME, "text/plain"))]
    response = client.post("/v1/rank", files=files, data={"job_texts": [f"{JOB}\n(variant {i})" for i in range(5)]})
    assert response.status_code == 200, response.text
    assert set(memo._cache) == before  # the one resume was already there; the five jobs were not kept
