"""Broken, hostile and unsupported inputs: each raises its own ParserError subclass, never anything else."""

from __future__ import annotations

import io
import random
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.document import parse_document
from parsers.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextError,
    ParserError,
    TooManyPagesError,
    UnsupportedFormatError,
)
from parsers.models import Document
from scripts.make_fixtures import (
    date_gutter_pdf,
    docx_with_everything,
    encrypted_ooxml,
    encrypted_pdf,
    image_only_pdf,
    legacy_doc,
    many_entries_docx,
    many_pages_pdf,
    png_bytes,
    random_bytes,
    sidebar_pdf,
    table_layout_docx,
    zip_bomb_docx,
)

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"real corpus not found at {CORPUS}")


def parse_or_error(data: bytes, filename: str | None = None) -> Document | ParserError:
    """The Document, or the ParserError raised; any other exception fails the test."""
    try:
        doc = parse_document(data, filename)
    except ParserError as exc:
        return exc
    for line in doc.lines:
        assert doc.text[line.start : line.end] == line.text
    return doc


def flip_bits(data: bytes, count: int, seed: int, start: int = 0) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(count):
        i = rng.randrange(start, len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


@pytest.mark.parametrize(
    ("build", "filename", "error"),
    [
        (lambda: b"", "resume.pdf", EmptyDocumentError),
        (lambda: b"  \r\n\t\n", "resume.txt", EmptyDocumentError),
        (encrypted_pdf, "resume.pdf", EncryptedDocumentError),
        (encrypted_ooxml, "resume.docx", EncryptedDocumentError),
        (image_only_pdf, "scan.pdf", NoTextError),
        (lambda: many_pages_pdf(21), "long.pdf", TooManyPagesError),
        (zip_bomb_docx, "resume.docx", DocumentTooLargeError),
        (lambda: many_entries_docx(2100), "resume.docx", DocumentTooLargeError),
        (legacy_doc, "resume.doc", UnsupportedFormatError),
        (lambda: b"{\\rtf1\\ansi Alex Example}", "resume.rtf", UnsupportedFormatError),
        (png_bytes, "resume.pdf", UnsupportedFormatError),
        (lambda: random_bytes(8192, 1), "resume.pdf", UnsupportedFormatError),
        (lambda: b"%PDF-1.7\n" + random_bytes(8192, 2), "resume.pdf", CorruptDocumentError),
        (lambda: sidebar_pdf()[:40], "resume.pdf", CorruptDocumentError),
        (lambda: b"PK\x03\x04" + random_bytes(4096, 3), "resume.docx", CorruptDocumentError),
    ],
    ids=[
        "zero-bytes",
        "whitespace",
        "encrypted-pdf",
        "encrypted-docx",
        "image-only-pdf",
        "too-many-pages",
        "zip-bomb",
        "zip-entries",
        "legacy-doc",
        "rtf",
        "png-named-pdf",
        "random-bytes-named-pdf",
        "pdf-header-then-garbage",
        "pdf-truncated-to-header",
        "zip-header-then-garbage",
    ],
)
def test_bad_input_raises_its_specific_error(build: object, filename: str, error: type[ParserError]) -> None:
    data = build()  # type: ignore[operator]
    with pytest.raises(error) as info:
        parse_document(data, filename)
    assert type(info.value) is error


def test_zip_bomb_is_refused_from_the_directory_before_inflating() -> None:
    data = zip_bomb_docx(60 * 1024 * 1024)
    assert len(data) < 1024 * 1024  # sixty megabytes of zeros squeezed into a small upload
    with pytest.raises(DocumentTooLargeError, match="MB"):
        parse_document(data, "resume.docx")


def test_docx_with_a_damaged_entry_is_corrupt() -> None:
    data = bytearray(docx_with_everything())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26 : info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start + 10, start + info.compress_size - 10, 97):  # inside the deflated document part
        data[i] ^= 0x55
    with pytest.raises(CorruptDocumentError):
        parse_document(bytes(data), "resume.docx")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
@pytest.mark.parametrize("build", [table_layout_docx, docx_with_everything], ids=["table", "everything"])
def test_truncated_docx_is_corrupt(build: object, fraction: float) -> None:
    data = build()  # type: ignore[operator]
    with pytest.raises(CorruptDocumentError):
        parse_document(data[: int(len(data) * fraction)], "resume.docx")


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.6])
def test_truncated_generated_pdf_is_corrupt(fraction: float) -> None:
    data = sidebar_pdf()
    with pytest.raises(CorruptDocumentError):
        parse_document(data[: int(len(data) * fraction)], "resume.pdf")


CORPUS_FILES = (
    sorted((CORPUS / "resumes" / "pdf").glob("**/*.pdf"))[:6] + sorted((CORPUS / "resumes" / "docx").glob("*.docx"))[:4]
)


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_truncated_or_bit_flipped_corpus_files_raise_only_parser_errors(path: Path) -> None:
    data = path.read_bytes()
    outcomes = []
    for fraction in (0.02, 0.25, 0.5, 0.75, 0.97):
        outcomes.append(parse_or_error(data[: int(len(data) * fraction)], path.name))
    for seed in range(6):
        outcomes.append(parse_or_error(flip_bits(data, 30, seed), path.name))
    assert any(isinstance(o, CorruptDocumentError) for o in outcomes)
    assert all(isinstance(o, (Document, ParserError)) for o in outcomes)


@given(st.binary(max_size=4096))
def test_arbitrary_bytes_give_a_document_or_a_parser_error(data: bytes) -> None:
    parse_or_error(data, "upload.pdf")


@given(st.binary(max_size=2048))
def test_arbitrary_bytes_after_a_pdf_header_give_a_document_or_a_parser_error(data: bytes) -> None:
    parse_or_error(b"%PDF-1.4\n" + data, "upload.pdf")


@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), max_size=40))
def test_mutated_pdf_and_docx_give_a_document_or_a_parser_error(edits: list[tuple[int, int]]) -> None:
    for original in (_PDF, _DOCX):
        data = bytearray(original)
        for position, value in edits:
            data[position % len(data)] = value
        parse_or_error(bytes(data))


_PDF = date_gutter_pdf()
_DOCX = docx_with_everything()
