"""Format detection from content: magic numbers decide, filenames only tell Markdown from text."""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from parsers.errors import (
    ACCEPTED_FORMATS,
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnsupportedFormatError,
)
from parsers.sniff import sniff
from scripts.make_fixtures import (
    encrypted_ooxml,
    legacy_doc,
    minimal_docx,
    pdf_bytes,
    png_bytes,
    random_bytes,
)


def zip_of(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name in names:
            zf.writestr(name, b"<x/>")
    return buffer.getvalue()


def test_pdf_is_detected_by_its_header_whatever_the_filename() -> None:
    assert sniff(pdf_bytes([[]]), "resume.docx").format == "pdf"


def test_pdf_header_after_leading_junk_is_still_a_pdf() -> None:
    assert sniff(b"\r\n\x00garbage" + pdf_bytes([[]]), None).format == "pdf"


def test_docx_is_detected_by_its_word_document_part_whatever_the_filename() -> None:
    assert sniff(minimal_docx(), "resume.pdf").format == "docx"


@pytest.mark.parametrize(
    ("names", "what"),
    [
        (("[Content_Types].xml", "xl/workbook.xml"), "Excel"),
        (("[Content_Types].xml", "ppt/presentation.xml"), "PowerPoint"),
        (("mimetype", "content.xml"), "OpenDocument"),
        (("notes.txt",), "ZIP archive"),
    ],
)
def test_other_zips_are_unsupported_and_named(names: tuple[str, ...], what: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=what) as info:
        sniff(zip_of(*names), "resume.docx")
    assert ACCEPTED_FORMATS in str(info.value)


def test_truncated_zip_is_corrupt() -> None:
    with pytest.raises(CorruptDocumentError):
        sniff(minimal_docx()[:200], "resume.docx")


def test_encrypted_word_document_is_encrypted_not_legacy() -> None:
    with pytest.raises(EncryptedDocumentError):
        sniff(encrypted_ooxml(), "resume.docx")


def test_legacy_doc_is_unsupported_with_a_hint_to_save_as_docx() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"\.docx"):
        sniff(legacy_doc(), "resume.doc")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Alex Example}", "Rich Text"),
        (png_bytes(), "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "JPEG"),
        (b"GIF89a" + bytes(32), "GIF"),
        (b"II*\x00" + bytes(32), "TIFF"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(32), "WebP"),
        (b"\x1f\x8b\x08\x00" + bytes(32), "gzip"),
        (b"7z\xbc\xaf\x27\x1c" + bytes(32), "7-Zip"),
        (b"Rar!\x1a\x07\x00" + bytes(32), "RAR"),
        (b"\x7fELF\x02\x01\x01" + bytes(32), "program"),
        (b"<!DOCTYPE html><html><body>Alex</body></html>", "HTML"),
    ],
)
def test_known_non_documents_are_unsupported_and_named(data: bytes, what: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=what) as info:
        sniff(data, "resume.pdf")
    assert ACCEPTED_FORMATS in str(info.value)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_unsupported_binary(seed: int) -> None:
    with pytest.raises(UnsupportedFormatError, match="binary"):
        sniff(random_bytes(2048, seed), "resume.pdf")


def test_text_with_nul_bytes_is_binary() -> None:
    with pytest.raises(UnsupportedFormatError):
        sniff(b"Alex Example\x00\x00\x01\x02 resume", "resume.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", codecs.BOM_UTF8 + b"  \n"])
def test_empty_or_blank_input_is_empty(data: bytes) -> None:
    with pytest.raises(EmptyDocumentError):
        sniff(data, "resume.txt")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Alex Example\nPython – Go".encode(), "Alex Example\nPython – Go"),
        (codecs.BOM_UTF16_LE + "Alex – Go".encode("utf-16-le"), "Alex – Go"),
        ("Alex – Go, München".encode("utf-16-le"), "Alex – Go, München"),  # no byte-order mark
        ("Alex – Go, München".encode("utf-16-be"), "Alex – Go, München"),
        ("Café – naïve".encode("cp1252"), "Café – naïve"),
    ],
)
def test_text_is_decoded(data: bytes, text: str) -> None:
    sniffed = sniff(data, None)
    assert sniffed.format == "text"
    assert sniffed.text == text


def test_markdown_by_filename_hint_or_by_markup() -> None:
    assert sniff(b"Alex Example\nSkills: Python", "cv.md").format == "markdown"
    assert sniff(b"# Alex Example\n## Skills\nPython", "cv.txt").format == "markdown"
    assert sniff(b"Alex Example\nSkills: Python", "cv.txt").format == "text"
