"""DOCX reading: document order across headers, tables, text boxes and content controls; the ZIP guards."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from parsers.docx import parse_docx
from parsers.errors import CorruptDocumentError, DocumentTooLargeError, EmptyDocumentError
from parsers.models import Document
from parsers.text import normalize_text
from scripts.make_fixtures import (
    NESTED_CELLS,
    TABLE_LEFT,
    TABLE_RIGHT_BULLETS,
    TABLE_RIGHT_ROLE,
    docx_with_everything,
    minimal_docx,
    table_layout_docx,
)

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "corpus"
CORPUS_DOCX = sorted((CORPUS / "resumes" / "docx").glob("*.docx")) + sorted((CORPUS / "jobs" / "docx").glob("*.docx"))
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"real corpus not found at {CORPUS}")


def assert_offsets(doc: Document) -> None:
    for line in doc.lines:
        assert doc.text[line.start : line.end] == line.text


def texts(doc: Document) -> list[str]:
    return [ln.text for ln in doc.lines]


def paragraphs_text(data: bytes) -> str:
    """What python-docx's ``Document.paragraphs`` sees."""
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


def test_everything_is_read_in_document_order_with_header_first_and_footer_last() -> None:
    doc = parse_docx(docx_with_everything())
    assert_offsets(doc)
    assert texts(doc) == [
        "Alex Example - Resume",
        "Summary",
        "Backend engineer",
        "Python Go",  # after a soft line break; the tab is a space
        "Contact:",
        "Text box phone 555 0100",  # once: Word's VML fallback copy is skipped
        "Inside a content control",
        "Kept text",  # the tracked deletion is gone
        "First bullet",
        "Second bullet",
        "Typed bullet",
        "alex@example.com - page 1",
    ]
    by_text = {ln.text: ln for ln in doc.lines}
    assert by_text["Alex Example - Resume"].source == "header"
    assert by_text["alex@example.com - page 1"].source == "footer"
    assert by_text["Text box phone 555 0100"].source == "textbox"
    assert by_text["Summary"].bold is True  # a heading style
    assert [ln.list_item for ln in doc.lines if "bullet" in ln.text] == [True, True, True]
    assert "• First bullet" in doc.text  # numbering shows as a marker outside the line


def test_table_layout_resume_is_read_cell_by_cell_including_nested_and_merged_cells() -> None:
    data = table_layout_docx()
    doc = parse_docx(data)
    assert_offsets(doc)
    lines = texts(doc)
    expected = [
        "CURRICULUM VITAE",
        *TABLE_LEFT,
        TABLE_RIGHT_ROLE,
        *TABLE_RIGHT_BULLETS,
        *NESTED_CELLS,
        "References available on request.",
    ]
    assert lines == expected  # merged cells once, the sidebar cell whole before the main cell
    assert doc.has_tables
    assert {ln.source for ln in doc.lines} == {"table"}
    assert {ln.column for ln in doc.lines if ln.text in TABLE_LEFT} == {1}
    assert {ln.column for ln in doc.lines if ln.text == TABLE_RIGHT_ROLE} == {2}
    assert [ln.list_item for ln in doc.lines if ln.text in TABLE_RIGHT_BULLETS] == [True, True]
    # python-docx's paragraphs see almost none of it
    assert len(paragraphs_text(data).strip()) < 0.1 * len(doc.text)


def test_docx_without_text_is_empty() -> None:
    with pytest.raises(EmptyDocumentError):
        parse_docx(minimal_docx(["", "   "]))


def test_uncompressed_size_limit_comes_from_the_zip_directory() -> None:
    data = minimal_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        total = sum(i.file_size for i in zf.infolist())
        entries = len(zf.infolist())
    assert parse_docx(data, max_unzipped_bytes=total).lines
    with pytest.raises(DocumentTooLargeError):
        parse_docx(data, max_unzipped_bytes=total - 1)
    assert parse_docx(data, max_zip_entries=entries).lines
    with pytest.raises(DocumentTooLargeError):
        parse_docx(data, max_zip_entries=entries - 1)


def test_xml_with_a_dtd_is_refused_and_entities_are_never_expanded() -> None:
    data = minimal_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml")
    laughs = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    bad = rezip(data, {"word/document.xml": laughs + xml.split(b"?>", 1)[1].replace(b"Alex Example", b"&b;")})
    with pytest.raises(CorruptDocumentError, match="DTD"):
        parse_docx(bad)


def test_list_and_heading_styles_are_followed_through_based_on_chains() -> None:
    document = docx.Document()
    document.add_paragraph("Plain paragraph")
    document.add_paragraph("Inherited bullet").style = document.styles["List Bullet"]
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        styles, body = zf.read("word/styles.xml"), zf.read("word/document.xml")
    custom = (
        b'<w:style w:type="paragraph" w:styleId="MyBullet"><w:name w:val="My Bullet"/>'
        b'<w:basedOn w:val="ListBullet"/></w:style>'
        b'<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My Heading"/>'
        b'<w:basedOn w:val="Heading2"/></w:style></w:styles>'
    )
    styles = styles.replace(b"</w:styles>", custom)
    body = body.replace(b'w:val="ListBullet"', b'w:val="MyBullet"', 1)
    body = body.replace(b"<w:p>", b'<w:p><w:pPr><w:pStyle w:val="MyHeading"/></w:pPr>', 1)
    doc = parse_docx(rezip(data, {"word/styles.xml": styles, "word/document.xml": body}))
    flags = {ln.text: (ln.list_item, ln.bold) for ln in doc.lines}
    assert flags["Inherited bullet"][0] is True
    assert flags["Plain paragraph"] == (False, True)  # a heading through its style's parent


def test_newspaper_columns_of_a_section_are_counted() -> None:
    data = minimal_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml")
    two = rezip(data, {"word/document.xml": xml.replace(b'<w:cols w:space="720"/>', b'<w:cols w:num="2"/>')})
    assert parse_docx(data).columns == 1
    assert parse_docx(two).columns == 2


def test_missing_main_part_target_falls_back_to_word_document() -> None:
    data = rezip(minimal_docx(), {"_rels/.rels": b'<Relationships xmlns="x"/>'})
    assert texts(parse_docx(data))[0] == "Alex Example"


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("path", CORPUS_DOCX, ids=lambda p: p.name)
def test_every_corpus_docx_parses_and_keeps_every_paragraph(path: Path) -> None:
    data = path.read_bytes()
    doc = parse_docx(data)
    assert_offsets(doc)
    assert doc.lines
    ours = " ".join(doc.text.split())
    for paragraph in paragraphs_text(data).split("\n"):
        wanted = " ".join(normalize_text(paragraph).split())
        if wanted:
            assert re.sub(r"^[•\-*] ", "", wanted) in ours


@needs_corpus
@pytest.mark.corpus
def test_corpus_has_the_expected_number_of_docx_files() -> None:
    assert len(list((CORPUS / "resumes" / "docx").glob("*.docx"))) == 35
    assert len(list((CORPUS / "jobs" / "docx").glob("*.docx"))) == 12
