"""parse_document: one entry point for every accepted format, chosen by content."""

from __future__ import annotations

import contextlib
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from parsers.document import parse_document
from parsers.errors import DocumentTooLargeError, ParserError, TooManyPagesError, UnsupportedFormatError
from parsers.models import Document
from scripts.make_fixtures import (
    Text,
    date_gutter_pdf,
    docx_with_everything,
    many_pages_pdf,
    pdf_bytes,
    sidebar_pdf,
    table_layout_docx,
)

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"real corpus not found at {CORPUS}")


def assert_offsets(doc: Document) -> None:
    for line in doc.lines:
        assert doc.text[line.start : line.end] == line.text


@pytest.mark.parametrize(
    ("data", "filename", "fmt"),
    [
        (sidebar_pdf(), "resume.docx", "pdf"),
        (table_layout_docx(), "resume.pdf", "docx"),
        (b"Alex Example\nSkills: Python", "resume.pdf", "text"),
        (b"# Alex Example\n\n**Skills**: Python", None, "markdown"),
        (b"Alex Example\nSkills: Python", "resume.md", "markdown"),
    ],
)
def test_format_comes_from_content_and_filename_only_picks_markdown(
    data: bytes, filename: str | None, fmt: str
) -> None:
    doc = parse_document(data, filename)
    assert doc.format == fmt
    assert doc.lines
    assert_offsets(doc)


def test_markdown_text_is_what_a_reader_sees() -> None:
    doc = parse_document(b"# Alex Example\n\n- **Python**, [site](https://alex.example)\n", "cv.md")
    assert [ln.text for ln in doc.lines] == ["Alex Example", "Python, site (https://alex.example)"]
    assert doc.lines[1].list_item


def test_limits_are_passed_to_the_format_readers() -> None:
    with pytest.raises(TooManyPagesError):
        parse_document(many_pages_pdf(3), max_pages=2)
    assert parse_document(many_pages_pdf(3), max_pages=3).page_count == 3
    with pytest.raises(DocumentTooLargeError):
        parse_document(docx_with_everything(), max_zip_entries=3)
    with pytest.raises(DocumentTooLargeError):
        parse_document(docx_with_everything(), max_unzipped_bytes=1000)


def test_unsupported_message_names_the_accepted_formats() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"PDF, DOCX, plain text \(\.txt\) or Markdown \(\.md\)"):
        parse_document(b"GIF89a" + bytes(100), "photo.gif")


def test_document_text_is_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    secret = "Zebediah Quartermaine"
    inputs = [
        pdf_bytes([[Text(72, 72, secret)]]),
        f"{secret}\nSkills".encode(),
        b"%PDF-1.4\n" + secret.encode() + b"\n%%EOF",
    ]
    with caplog.at_level(logging.DEBUG):
        for data in inputs:
            with contextlib.suppress(ParserError):
                parse_document(data, "x.pdf")
    assert caplog.records  # sizes and outcomes are logged...
    assert all(secret not in r.getMessage() for r in caplog.records)  # ...never the text


def test_parsing_in_a_thread_pool_matches_sequential_parsing() -> None:
    inputs = [sidebar_pdf(), date_gutter_pdf(), table_layout_docx(), docx_with_everything(), b"plain text"] * 3
    sequential = [parse_document(d) for d in inputs]
    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(parse_document, inputs)) == sequential


@needs_corpus
@pytest.mark.corpus
def test_corpus_documents_of_every_format_parse() -> None:
    paths = sorted(CORPUS.glob("**/*.pdf")) + sorted(CORPUS.glob("**/*.docx"))
    assert len(paths) >= 60
    formats = set()
    for path in paths:
        doc = parse_document(path.read_bytes(), path.name)
        assert_offsets(doc)
        formats.add(doc.format)
    assert formats == {"pdf", "docx"}
