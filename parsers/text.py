"""Plain text and Markdown: decoding and splitting into lines with offsets."""

from __future__ import annotations

import codecs
import re
import unicodedata

from parsers.models import Document, DocumentFormat, Line

__all__ = ["decode_text", "document_from_text", "normalize_text"]

_BULLET_RE = re.compile(r"^\s*(?:[-*+•●▪■◦‣∙·➢➤►▶✓✔❖]|\d{1,2}[.)])\s+")
_PRIVATE_USE_BULLETS = dict.fromkeys(range(0xF000, 0xF100), "•")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def normalize_text(text: str) -> str:
    """CRLF/CR to LF, NFKC (ligatures), private-use bullet glyphs to '•', PDFium's U+FFFE hyphen marks removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufffe\n", "").replace("\ufffe", "").replace("\x02\n", "").replace("\x02", "")
    text = text.translate(_PRIVATE_USE_BULLETS)
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\u00a0", " ").replace("\t", " ")


def document_from_text(text: str, fmt: DocumentFormat = "text") -> Document:
    """Build a Document from already-decoded text: one Line per non-blank line, bullets marked."""
    text = normalize_text(text)
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            m = _BULLET_RE.match(raw)
            start = pos + (m.end() if m else lead)
            end = pos + len(raw.rstrip())
            lines.append(Line(text=text[start:end], start=start, end=end, list_item=bool(m)))
        pos += len(raw) + 1
    return Document(text=text, format=fmt, lines=tuple(lines))
