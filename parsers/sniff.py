"""Which format a document is, from its bytes (magic numbers and content), never from its filename.

The filename is only a hint between two text formats (``.md`` means Markdown). Everything that is not PDF, DOCX,
plain text or Markdown is refused with ``UnsupportedFormatError``, whose message says what was recognised and
lists what is accepted.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Literal

from parsers.errors import (
    ACCEPTED_FORMATS,
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    UnsupportedFormatError,
)
from parsers.text import decode_text, looks_like_markdown

__all__ = ["Sniffed", "SniffedFormat", "sniff"]

SniffedFormat = Literal["pdf", "docx", "text", "markdown"]

_PDF_MAGIC = b"%PDF-"
_PDF_HEADER_WINDOW = 1024  # readers accept the header anywhere in the first KiB
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

# (offset, magic, what it is): binary formats people upload by mistake.
_BINARY_MAGICS: tuple[tuple[int, bytes, str], ...] = (
    (0, b"{\\rtf", "A Rich Text Format file (.rtf)"),
    (0, b"\x89PNG\r\n\x1a\n", "A PNG image"),
    (0, b"\xff\xd8\xff", "A JPEG image"),
    (0, b"GIF87a", "A GIF image"),
    (0, b"GIF89a", "A GIF image"),
    (0, b"II*\x00", "A TIFF image"),
    (0, b"MM\x00*", "A TIFF image"),
    (8, b"WEBP", "A WebP image"),
    (4, b"ftypheic", "A HEIC image"),
    (4, b"ftypmif1", "A HEIF image"),
    (0, b"\x1f\x8b", "A gzip archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "A 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "A RAR archive"),
    (0, b"\xfd7zXZ\x00", "An xz archive"),
    (0, b"\x28\xb5\x2f\xfd", "A Zstandard archive"),
    (0, b"BZh", "A bzip2 archive"),
    (257, b"ustar", "A tar archive"),
    (0, b"%!PS", "A PostScript file"),
    (0, b"\x7fELF", "A program"),
    (0, b"\xca\xfe\xba\xbe", "A program"),
)
_MARKUP_RE = re.compile(r"\A\s*<(?:!doctype\s+html|html[\s>]|\?xml)", re.IGNORECASE)
_MAX_CONTROL_SHARE = 0.05  # of the decoded characters: more control characters than this is binary


@dataclass(frozen=True, slots=True)
class Sniffed:
    """The detected format; for text formats also the decoded text."""

    format: SniffedFormat
    text: str | None = None


def _unsupported(what: str) -> UnsupportedFormatError:
    return UnsupportedFormatError(f"{what} is not supported. Upload {ACCEPTED_FORMATS}.")


def sniff(data: bytes, filename: str | None = None) -> Sniffed:
    """Detect the format of ``data``.

    Raises ``EmptyDocumentError`` (no bytes or only white space), ``EncryptedDocumentError`` (a
    password-protected Office file), ``CorruptDocumentError`` (a ZIP that cannot be opened) and
    ``UnsupportedFormatError`` for everything else that is not PDF, DOCX, text or Markdown.
    """
    if not data:
        raise EmptyDocumentError("The file is empty.")
    if _PDF_MAGIC in data[:_PDF_HEADER_WINDOW]:
        return Sniffed("pdf")
    if data.startswith(_ZIP_MAGICS):
        return Sniffed(_zip_kind(data))
    if data.startswith(_OLE2_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            raise EncryptedDocumentError(
                "The Word document is password-protected. Remove the password and upload it again."
            )
        raise _unsupported("A legacy Microsoft Office file (.doc, .xls or .ppt; save it as .docx)")
    for offset, magic, what in _BINARY_MAGICS:
        if data[offset : offset + len(magic)] == magic:
            raise _unsupported(what)
    text = _decode(data)
    if not text.strip():
        raise EmptyDocumentError("The file holds no text.")
    if _MARKUP_RE.match(text):
        raise _unsupported("An HTML or XML file")
    name = (filename or "").lower()
    if name.endswith(_MARKDOWN_SUFFIXES) or looks_like_markdown(text):
        return Sniffed("markdown", text)
    return Sniffed("text", text)


def _zip_kind(data: bytes) -> SniffedFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise CorruptDocumentError("The file looks like a ZIP archive (DOCX) but is damaged.") from exc
    if "word/document.xml" in names or ("[Content_Types].xml" in names and any(n.startswith("word/") for n in names)):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        raise _unsupported("An Excel workbook")
    if any(n.startswith("ppt/") for n in names):
        raise _unsupported("A PowerPoint presentation")
    if "mimetype" in names:
        raise _unsupported("An OpenDocument file (save it as .docx)")
    raise _unsupported("A ZIP archive")


def _decode(data: bytes) -> str:
    """Decode text, refusing binary content (NUL bytes, many control characters)."""
    encoding = _bomless_utf16(data)
    if encoding:
        text = data.decode(encoding, errors="replace")
    elif b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _unsupported("A binary file")
    else:
        text = decode_text(data)
    sample = text[:65536]
    if sample:
        controls = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v") or ch in "\x7f\ufffd")
        if controls > _MAX_CONTROL_SHARE * len(sample):
            raise _unsupported("A binary file")
    return text


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for UTF-16 text without a byte-order mark (NULs in every other byte)."""
    if len(data) < 4 or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None
