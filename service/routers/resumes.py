"""Resumes: parse one, or store it to tailor against many jobs; read back, list, delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile, status

import parsers
from matching.normalize import forget_words
from service.deps import MemoDep, SettingsDep, StoreDep
from service.inputs import PARSE_ERRORS, parse_stored_resume, read_resume_upload
from service.memo import digest
from service.problems import ProblemError, problem_openapi
from service.schemas import ResumeOut, StoredResumeListOut, StoredResumeOut, resume_out
from service.store import StoredResume

router = APIRouter(prefix="/v1/resumes", tags=["resumes"])

ResumeFile = Annotated[UploadFile, File(description="The resume: PDF, DOCX, plain text or Markdown.")]
NOT_FOUND = problem_openapi("not-found")


@router.post("/parse", response_model=ResumeOut, responses=PARSE_ERRORS)
def parse_resume(settings: SettingsDep, memo: MemoDep, file: ResumeFile) -> ResumeOut:
    """Parse a resume into sections, contact, dated roles with bullets, education, certifications and skills.

    Nothing is stored. Every ``start``/``end`` is a character offset into the returned ``text``.
    """
    return resume_out(read_resume_upload(settings, memo, file, field="file")[1])


@router.post("", response_model=StoredResumeOut, status_code=status.HTTP_201_CREATED, responses=PARSE_ERRORS)
def store_resume(
    settings: SettingsDep, store: StoreDep, memo: MemoDep, file: ResumeFile, response: Response
) -> StoredResumeOut:
    """Parse and store a resume; its ``id`` can then stand in for the file (``resume_id``) in other calls.

    Only a resume that parses is stored: a refused upload leaves the store as it was.
    """
    data, resume = read_resume_upload(settings, memo, file, field="file")
    stored = store.add(data, filename=file.filename, format=resume.document.format)
    response.headers["Location"] = f"/v1/resumes/{stored.id}"
    return _out(stored, resume)


@router.get("", response_model=StoredResumeListOut)
def list_resumes(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> StoredResumeListOut:
    """Stored resumes, newest first (metadata only)."""
    return StoredResumeListOut(
        items=[_out(s) for s in store.list(limit=limit, offset=offset)], limit=limit, offset=offset
    )


@router.get("/{resume_id}", response_model=StoredResumeOut, responses=NOT_FOUND)
def get_resume(settings: SettingsDep, store: StoreDep, memo: MemoDep, resume_id: str) -> StoredResumeOut:
    """A stored resume and what is read from it now."""
    stored = store.get(resume_id)
    if stored is None:
        raise ProblemError("not-found", f"No stored resume with id '{resume_id}'.")
    return _out(stored, parse_stored_resume(settings, memo, stored))


@router.delete("/{resume_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
def delete_resume(store: StoreDep, memo: MemoDep, resume_id: str) -> Response:
    """Delete a stored resume for good (its bytes are overwritten in the database file, not just unlinked, and
    what this process keeps in memory from the same document, and every word its caches hold, is dropped)."""
    stored = store.get(resume_id)
    if stored is None or not store.delete(resume_id):
        raise ProblemError("not-found", f"No stored resume with id '{resume_id}'.")
    memo.forget(digest(stored.data))
    forget_words()  # the engine's shared word caches may hold its names: dropped with the rest
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _out(stored: StoredResume, resume: parsers.Resume | None = None) -> StoredResumeOut:
    return StoredResumeOut(
        id=stored.id,
        created_at=stored.created_at,
        filename=stored.filename,
        format=stored.format,
        size_bytes=stored.size_bytes,
        sha256=stored.sha256,
        resume=resume_out(resume) if resume is not None else None,
    )
