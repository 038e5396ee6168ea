"""Errors raised while reading documents.

    ParserError
    ├── UnsupportedFormatError   the bytes are not PDF, DOCX, plain text or Markdown
    ├── EmptyDocumentError       zero bytes, or nothing but whitespace
    ├── DocumentTooLargeError    over a size limit (bytes, uncompressed zip size, zip entries)
    ├── CorruptDocumentError     the format was recognised but the file cannot be read
    ├── EncryptedDocumentError   password-protected PDF or DOCX
    ├── NoTextError              a PDF with pages but no extractable text (a scan; no OCR here)
    └── TooManyPagesError        more pages than the limit

The web layer maps each class to an RFC 9457 problem type; the domain never speaks HTTP.
"""

from __future__ import annotations

__all__ = [
    "CorruptDocumentError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "NoTextError",
    "ParserError",
    "TooManyPagesError",
    "UnsupportedFormatError",
]

ACCEPTED_FORMATS = "PDF, DOCX, plain text (.txt) or Markdown (.md)"


class ParserError(Exception):
    """Base class: a document could not be turned into text."""


class UnsupportedFormatError(ParserError):
    """The content is not one of the accepted formats."""


class EmptyDocumentError(ParserError):
    """The document holds no bytes or no text at all."""


class DocumentTooLargeError(ParserError):
    """The document exceeds a size limit."""


class CorruptDocumentError(ParserError):
    """The format was recognised but the file is damaged."""


class EncryptedDocumentError(ParserError):
    """The document is password-protected."""


class NoTextError(ParserError):
    """The document has pages but no extractable text (a scanned image)."""


class TooManyPagesError(ParserError):
    """The document has more pages than allowed."""
