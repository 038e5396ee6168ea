"""Stored resumes: the uploaded file, so a frontend can upload once and tailor against many jobs.

SQLAlchemy over embedded SQLite by default (``TAILOR_DATABASE_URL``; PostgreSQL works too). A resume is only
stored after it parsed, so a bad upload never touches what is stored. Deletion really deletes: SQLite runs with
``secure_delete`` so the freed pages are overwritten, not just unlinked.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Integer, LargeBinary, String, create_engine, delete, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool
from sqlalchemy.schema import CreateTable

__all__ = ["ResumeStore", "StoredResume"]

logger = logging.getLogger(__name__)


class _Base(DeclarativeBase):
    pass


class _ResumeRow(_Base):
    __tablename__ = "resumes"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    filename: Mapped[str | None] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(16))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)


@dataclass(frozen=True, slots=True)
class StoredResume:
    id: str
    created_at: datetime
    filename: str | None
    format: str
    size_bytes: int
    sha256: str
    data: bytes


def _stored(row: _ResumeRow) -> StoredResume:
    # SQLite keeps no time zone: the value was written in UTC, so say so again on the way out.
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return StoredResume(row.id, created, row.filename, row.format, row.size_bytes, row.sha256, row.data)


def _create_tables(engine: Engine, attempts: int = 3) -> None:
    """``CREATE TABLE IF NOT EXISTS``: uvicorn's workers open a new database at the same moment, and
    ``create_all``'s look-then-create let one of them fail ("table resumes already exists") and die. PostgreSQL
    can still refuse a concurrent twin (a catalog key clash); the next attempt then finds the table."""
    for attempt in range(attempts):
        try:
            with engine.begin() as connection:
                for table in _Base.metadata.sorted_tables:
                    connection.execute(CreateTable(table, if_not_exists=True))
            return
        except DBAPIError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


class ResumeStore:
    def __init__(self, url: str) -> None:
        self.engine = _engine(url)
        _create_tables(self.engine)

    def add(self, data: bytes, *, filename: str | None, format: str) -> StoredResume:
        row = _ResumeRow(
            id=uuid.uuid4().hex,
            created_at=datetime.now(UTC),
            filename=filename,
            format=format,
            size_bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
        )
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            session.add(row)
        return _stored(row)

    def get(self, resume_id: str) -> StoredResume | None:
        with Session(self.engine) as session:
            row = session.get(_ResumeRow, resume_id)
            return _stored(row) if row else None

    def list(self, *, limit: int = 50, offset: int = 0) -> list[StoredResume]:
        query = select(_ResumeRow).order_by(_ResumeRow.created_at.desc(), _ResumeRow.id).limit(limit).offset(offset)
        with Session(self.engine) as session:
            return [_stored(row) for row in session.scalars(query)]

    def delete(self, resume_id: str) -> bool:
        with Session(self.engine) as session, session.begin():
            result = session.execute(delete(_ResumeRow).where(_ResumeRow.id == resume_id))
            deleted = bool(result.rowcount)  # type: ignore[attr-defined]
        if deleted and self.engine.dialect.name == "sqlite":
            self._checkpoint()
        return deleted

    def _checkpoint(self, attempts: int = 5) -> None:
        """Move the zeroed pages from the write-ahead log into the database file and empty the log.

        A reader in another worker can hold the log open; the checkpoint then reports busy and is retried.
        """
        for attempt in range(attempts):
            with self.engine.connect() as connection:
                row = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if row is None or not row[0]:
                return
            time.sleep(0.05 * (attempt + 1))
        logger.warning("write-ahead log still busy after %d checkpoints; deleted pages leave it later", attempts)

    def close(self) -> None:
        self.engine.dispose()


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    in_memory = url in ("sqlite://", "sqlite:///:memory:")
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if in_memory:
        kwargs["poolclass"] = StaticPool
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA secure_delete=ON")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return engine
