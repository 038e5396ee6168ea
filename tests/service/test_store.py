"""The resume store on embedded SQLite (the default) and on the PostgreSQL server CI provides."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from service.store import ResumeStore

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _postgres_available() -> bool:
    try:
        with create_engine(POSTGRES_URL).connect() as connection:
            connection.execute(text("select 1"))
        return True
    except OperationalError:
        return False


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ResumeStore]:
    if request.param == "sqlite":
        s = ResumeStore(f"sqlite:///{tmp_path / 'tailor.db'}")
    else:
        if not _postgres_available():
            pytest.skip(f"no PostgreSQL at {POSTGRES_URL}")
        s = ResumeStore(POSTGRES_URL)
    yield s
    s.close()


def test_add_then_get_returns_the_same_bytes(store: ResumeStore) -> None:
    data = f"resume {uuid.uuid4()}".encode()
    stored = store.add(data, filename="cv.txt", format="text")
    got = store.get(stored.id)
    assert got is not None
    assert got.data == data
    assert got.filename == "cv.txt"
    assert len(got.sha256) == 64


def test_delete_removes_the_resume_and_reports_unknown_ids(store: ResumeStore) -> None:
    stored = store.add(b"to be deleted", filename=None, format="text")
    assert store.delete(stored.id) is True
    assert store.get(stored.id) is None
    assert store.delete(stored.id) is False


def test_list_is_newest_first(store: ResumeStore) -> None:
    first = store.add(b"one", filename="1.txt", format="text")
    second = store.add(b"two", filename="2.txt", format="text")
    ids = [s.id for s in store.list(limit=200)]
    assert ids.index(second.id) < ids.index(first.id)


def test_sqlite_deletion_leaves_no_trace_in_the_database_files(tmp_path: Path) -> None:
    path = tmp_path / "tailor.db"
    store = ResumeStore(f"sqlite:///{path}")
    marker = b"UNIQUE-PERSONAL-MARKER-" + uuid.uuid4().hex.encode()
    keep = store.add(b"another resume", filename=None, format="text")
    gone = store.add(marker * 50, filename=None, format="text")
    assert store.delete(gone.id)
    store.close()
    files = [p for p in tmp_path.iterdir() if p.name.startswith("tailor.db")]
    assert all(marker not in p.read_bytes() for p in files), "deleted resume bytes remain on disk"
    assert ResumeStore(f"sqlite:///{path}").get(keep.id) is not None


def test_created_at_comes_back_timezone_aware(store: ResumeStore) -> None:
    stored = store.add(b"dated", filename=None, format="text")
    got = store.get(stored.id)
    assert got is not None and got.created_at.tzinfo is not None
    assert all(s.created_at.tzinfo is not None for s in store.list(limit=5))


def test_workers_starting_together_on_a_new_database_all_come_up(
    store: ResumeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two uvicorn workers open a new database at once: each may look for the table before the other created
    it (here: every look says 'no table'); neither may fail, and what is stored stays."""
    kept = store.add(b"kept", filename=None, format="text")
    monkeypatch.setattr(type(store.engine.dialect), "has_table", lambda *args, **kwargs: False)
    second = ResumeStore(store.engine.url.render_as_string(hide_password=False))
    try:
        got = second.get(kept.id)
        assert got is not None and got.data == b"kept"
    finally:
        second.close()


def test_many_processes_open_a_new_sqlite_database_at_once(tmp_path: Path) -> None:
    import multiprocessing

    url = f"sqlite:///{tmp_path / 'new.db'}"
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        results = pool.map(_open_store, [url] * 8)
    assert results == ["ok"] * 8


def _open_store(url: str) -> str:
    ResumeStore(url).close()
    return "ok"
