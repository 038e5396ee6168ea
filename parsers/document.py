"""``parse_document``: any accepted upload (PDF, DOCX, plain text, Markdown) to a ``Document``.

The format is detected from the bytes (``parsers.sniff``), never from the filename, which only tells Markdown
from plain text. Every failure is a ``ParserError`` subclass; nothing else escapes.
"""

from __future__ import annotations

import logging

from parsers.docx import parse_docx
from parsers.errors import CorruptDocumentError, EmptyDocumentError, ParserError
from parsers.models import Document
from parsers.pdf import parse_pdf
from parsers.sniff import sniff
from parsers.text import document_from_markdown, document_from_text

__all__ = ["parse_document"]

logger = logging.getLogger(__name__)


def parse_document(
    data: bytes,
    filename: str | None = None,
    *,
    max_pages: int = 20,
    max_unzipped_bytes: int = 50 * 1024 * 1024,
    max_zip_entries: int = 2000,
) -> Document:
    """The text of a document in reading order, with its lines (``doc.text[l.start:l.end] == l.text``).

    Raises ``UnsupportedFormatError``, ``EmptyDocumentError``, ``DocumentTooLargeError``,
    ``CorruptDocumentError``, ``EncryptedDocumentError``, ``NoTextError`` or ``TooManyPagesError``.
    """
    try:
        doc = _parse(data, filename, max_pages, max_unzipped_bytes, max_zip_entries)
    except ParserError as exc:
        logger.info("document refused: %s (%d bytes)", type(exc).__name__, len(data))
        raise
    except Exception as exc:  # a bug or a library failure: still a parser error for the caller
        logger.warning("document parser failed: %s (%d bytes)", type(exc).__name__, len(data))
        raise CorruptDocumentError("The document cannot be read.") from exc
    logger.debug("parsed %s: %d bytes, %d pages, %d lines", doc.format, len(data), doc.page_count, len(doc.lines))
    return doc


def _parse(
    data: bytes, filename: str | None, max_pages: int, max_unzipped_bytes: int, max_zip_entries: int
) -> Document:
    sniffed = sniff(data, filename)
    if sniffed.format == "pdf":
        return parse_pdf(data, max_pages=max_pages)
    if sniffed.format == "docx":
        return parse_docx(data, max_unzipped_bytes=max_unzipped_bytes, max_zip_entries=max_zip_entries)
    text = sniffed.text or ""
    doc = document_from_markdown(text) if sniffed.format == "markdown" else document_from_text(text)
    if not doc.lines:
        raise EmptyDocumentError("The file holds no text.")
    return doc
