"""PDF to Document with PDFium (pypdfium2): words with boxes, reading order by ``parsers.layout``.

Per page: the page's text stream in one call (``FPDFText_GetText``), split into words; for each word the loose
box of its first and last character and the first character's origin. That is about a third of the
per-character calls a full character walk needs, and keeps extraction under 1 ms per page on top of PDFium's
own page and text-page loading. ``parsers.layout`` then finds rows, column gutters and the reading order, and
each line's first word gives the font size and weight.

PDFium is not thread-safe: every PDFium call happens under one module-level lock, and every PDFium object is
closed before the lock is released (layout runs inside it too, between the calls it needs, so that a page is
loaded once).
"""

from __future__ import annotations

import ctypes
import logging
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    NoTextError,
    ParserError,
    TooManyPagesError,
)
from parsers.layout import LaidLine, PageLayout, Word, order_words
from parsers.models import Document, Line, LineSource
from parsers.text import BULLET_RE, normalize_text

__all__ = ["parse_pdf"]

logger = logging.getLogger(__name__)

PDFIUM_LOCK = threading.Lock()

_WORD_RE = re.compile(r"[^\s\ufffe\x02]*[\ufffe\x02]|[^\s\ufffe\x02]+")
_SPACES_RE = re.compile(r"\s+")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_BOLD_NAME_RE = re.compile(r"bold|black|heavy|semibold|demi|cmbx|-bd\b|,b\b", re.IGNORECASE)
_FORCE_BOLD_FLAG = 1 << 18
_HEADER_FOOTER_BAND = 0.08  # of the page height, at the top and at the bottom
_DIGITS_RE = re.compile(r"\d+")
_HYPHENATING_PRODUCER_RE = re.compile(r"tex\b|typst|groff|dvipdf", re.IGNORECASE)


# Direct prototypes taking plain addresses: much cheaper per call than pypdfium2's typed wrappers.
def _address(function: Any) -> int:
    address = ctypes.cast(function, ctypes.c_void_p).value
    if not address:
        raise ImportError("PDFium function not found")
    return int(address)


_LOOSE_BOX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)(
    _address(pdfium_c.FPDFText_GetLooseCharBox)
)


_CHAR_ORIGIN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(
    _address(pdfium_c.FPDFText_GetCharOrigin)
)


@dataclass(slots=True)
class _Font:
    size: float | None
    bold: bool | None


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    layout: PageLayout
    fonts: dict[int, _Font]  # by char index of each line's first real word


def parse_pdf(data: bytes, *, max_pages: int = 20) -> Document:
    """Read a PDF's text in reading order.

    Raises ``EncryptedDocumentError`` (a password is needed), ``TooManyPagesError`` (checked before any text
    is read), ``NoTextError`` (pages but no text: a scan) and ``CorruptDocumentError`` for anything PDFium
    cannot read. No other exception escapes.
    """
    try:
        return _parse(data, max_pages)
    except ParserError:
        raise
    except Exception as exc:  # a damaged file can make any library call fail
        logger.info("pdf unreadable: %s (%d bytes)", type(exc).__name__, len(data))
        raise CorruptDocumentError("The PDF file is damaged and cannot be read.") from exc


def _parse(data: bytes, max_pages: int) -> Document:
    with PDFIUM_LOCK:
        pages, page_count, hyphenating = _extract(data, max_pages)
    warnings = [
        f"Page {p.number} has no extractable text (it may be a scanned image)." for p in pages if not p.layout.lines
    ]
    return _build(pages, page_count, warnings, hyphenating)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedDocumentError(
                "The PDF is password-protected. Remove the password and upload it again."
            ) from exc
        raise CorruptDocumentError("The PDF file is damaged and cannot be read.") from exc


def _extract(data: bytes, max_pages: int) -> tuple[list[_Page], int, bool]:
    """Pages with their layout, the page count, and whether the producer hyphenates words itself."""
    pdf = _open(data)
    try:
        page_count = len(pdf)
        if page_count > max_pages:
            raise TooManyPagesError(f"The PDF has {page_count} pages; at most {max_pages} are accepted.")
        if page_count == 0:
            raise CorruptDocumentError("The PDF has no pages.")
        producer = f"{pdf.get_metadata_value('Producer')} {pdf.get_metadata_value('Creator')}"
        pages = []
        for i in range(page_count):
            page = pdf[i]
            try:
                pages.append(_read_page(page, i + 1))
            finally:
                page.close()
        return pages, page_count, bool(_HYPHENATING_PRODUCER_RE.search(producer))
    finally:
        pdf.close()


def _page_text(textpage: pdfium.PdfTextPage, n_chars: int) -> str:
    """The page's characters, one str character per PDFium char index."""
    buffer = (ctypes.c_ushort * (n_chars + 1))()
    written = pdfium_c.FPDFText_GetText(textpage.raw, 0, n_chars, buffer)
    if written == n_chars + 1:
        text = bytes(buffer)[: 2 * n_chars].decode("utf-16-le", errors="surrogatepass")
        if len(text) == n_chars:
            return text
        return "".join(map(chr, buffer[:n_chars]))  # astral characters: keep the surrogates one per index
    get = pdfium_c.FPDFText_GetUnicode
    return "".join(chr(min(get(textpage.raw, i), 0x10FFFF)) for i in range(n_chars))


def _read_page(page: pdfium.PdfPage, number: int) -> _Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        layout = order_words(_words(textpage, float(pdfium_c.FPDF_GetPageHeightF(page.raw))))
        return _Page(number, width, height, layout, _fonts(textpage, layout))
    finally:
        textpage.close()


def _words(textpage: pdfium.PdfTextPage, page_height: float) -> list[Word]:
    """The page's words: the loose box of the first character (left, top, bottom) and of the last (right), and
    the first character's origin on the baseline (a bullet glyph and its text share it, not their boxes)."""
    n_chars = pdfium_c.FPDFText_CountChars(textpage.raw)
    if n_chars <= 0:
        return []
    text = _page_text(textpage, n_chars)
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    box = (ctypes.c_float * 4)()  # left, top, right, bottom in PDF user space (y up)
    box_at = ctypes.addressof(box)
    origin = (ctypes.c_double * 2)()
    origin_x_at = ctypes.addressof(origin)
    origin_y_at = origin_x_at + ctypes.sizeof(ctypes.c_double)
    loose, char_origin = _LOOSE_BOX, _CHAR_ORIGIN
    words: list[Word] = []
    append = words.append
    for m in _WORD_RE.finditer(text):
        a, b = m.span()
        loose(handle, a, box_at)
        left, top, right, bottom = box
        char_origin(handle, a, origin_x_at, origin_y_at)
        if b - a > 1:
            loose(handle, b - 1, box_at)
            right = box[2]
        append(
            Word(
                m.group(),
                left,
                right if right > left else left,
                page_height - top,
                page_height - bottom,
                page_height - origin[1],
                a,
                b,
            )
        )
    return words


def _fonts(textpage: pdfium.PdfTextPage, layout: PageLayout) -> dict[int, _Font]:
    """Font size (as drawn, in points) and boldness (weight 600+, ForceBold, or a bold font name) of each
    line's first real word."""
    fonts: dict[int, _Font] = {}
    bold_by_name: dict[bytes, bool] = {}
    raw = textpage.raw
    name = ctypes.create_string_buffer(128)
    name_size = ctypes.sizeof(name)
    flags = ctypes.c_int(0)
    flags_ref = ctypes.byref(flags)
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    for line in layout.lines:
        index = _font_word(line).index
        if index in fonts:
            continue
        size = float(pdfium_c.FPDFText_GetFontSize(raw, index))
        if pdfium_c.FPDFText_GetMatrix(raw, index, matrix_ref):  # "1 Tf" scaled by the text matrix: 12 pt
            size *= math.hypot(matrix.c, matrix.d) or 1.0
        length = pdfium_c.FPDFText_GetFontInfo(raw, index, name, name_size, flags_ref)
        font_name = name.value if 0 < length <= name_size else b""
        bold = bold_by_name.get(font_name)
        if bold is None or not font_name:
            bold = bool(flags.value & _FORCE_BOLD_FLAG) or bool(_BOLD_NAME_RE.search(font_name.decode("latin-1")))
            bold = bold or int(pdfium_c.FPDFText_GetFontWeight(raw, index)) >= 600
            bold_by_name[font_name] = bold
        fonts[index] = _Font(round(size, 2) if size > 0 else None, bold)
    return fonts


def _font_word(line: LaidLine) -> Word:
    for w in line.words:
        if any(ch.isalnum() for ch in w.text):
            return w
    return line.words[0]


@dataclass(slots=True)
class _Pending:
    text: str
    list_item: bool
    page: _Page
    laid: LaidLine
    paragraph_before: bool
    source: LineSource = "body"


def _line_texts(page: _Page, hyphenating: bool) -> list[_Pending]:
    """Each laid-out line's normalised text, with words broken by an end-of-line hyphen joined again.

    The hyphen is dropped ("imple-" + "mented") only when the producer hyphenates words itself (TeX, Typst)
    and the word goes on in lower case; word processors and browsers break lines at hyphens that belong to the
    word ("production-" + "quality").
    """
    laid = list(page.layout.lines)
    words_of = [list(ln.words) for ln in laid]
    out: list[_Pending] = []
    for i, words in enumerate(words_of):
        if not words:
            continue
        last = words[-1]
        if last.text[-1] in "\ufffe\x02":
            # the rest of the word starts a later line: usually the next, but a note read beside this line
            # (a date on the right) can come in between
            nxt = next(
                (ws for ws in words_of[i + 1 : i + 4] if ws and ws[0].index == last.end),
                [],
            )
            if nxt:
                # PDFium joined the word across the break; read it whole on the first line
                cont = nxt.pop(0)
                joiner = "" if hyphenating and cont.text[:1].islower() else "-"
                words[-1] = Word(
                    last.text[:-1] + joiner + cont.text,
                    last.x0,
                    last.x1,
                    last.top,
                    last.bottom,
                    last.baseline,
                    last.index,
                    cont.end,
                )
        raw = " ".join([w.text for w in words])
        if _SURROGATE_RE.search(raw):  # characters beyond U+FFFF come one UTF-16 unit per char index
            raw = raw.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        text = _SPACES_RE.sub(" ", normalize_text(raw)).strip()
        if not text:
            continue
        m = BULLET_RE.match(text)
        list_item = bool(m and text[m.end() :].strip())
        out.append(_Pending(text, list_item, page, laid[i], laid[i].paragraph_before))
    return out


def _mark_running_heads(pending: list[_Pending], page_count: int) -> None:
    """Lines repeated near the top or bottom edge of two or more pages are page headers or footers."""
    if page_count < 2:
        return
    seen: Counter[str] = Counter()
    keys: list[str | None] = []
    for p in pending:
        band = _HEADER_FOOTER_BAND * p.page.height
        edge = p.laid.top < band or p.laid.bottom > p.page.height - band
        key = _DIGITS_RE.sub("#", p.text.casefold()) if edge else None
        keys.append(key)
    for key, pages in _pages_by_key(pending, keys).items():
        seen[key] = len(pages)
    for p, key in zip(pending, keys, strict=True):
        if key is not None and seen[key] >= 2:
            p.source = "header" if p.laid.top < p.page.height / 2 else "footer"


def _pages_by_key(pending: list[_Pending], keys: list[str | None]) -> dict[str, set[int]]:
    pages: dict[str, set[int]] = {}
    for p, key in zip(pending, keys, strict=True):
        if key is not None:
            pages.setdefault(key, set()).add(p.page.number)
    return pages


def _build(pages: list[_Page], page_count: int, warnings: list[str], hyphenating: bool) -> Document:
    pending: list[_Pending] = []
    for page in pages:
        page_lines = _line_texts(page, hyphenating)
        if page_lines:
            page_lines[0].paragraph_before = True
        pending.extend(page_lines)
    if not any(any(ch.isalnum() for ch in p.text) for p in pending):
        raise NoTextError("The PDF has no extractable text; it may be a scanned image. Upload a text PDF or DOCX.")
    _mark_running_heads(pending, page_count)
    parts: list[str] = []
    lines: list[Line] = []
    pos = 0
    for i, p in enumerate(pending):
        if i:
            sep = "\n\n" if p.paragraph_before else "\n"
            parts.append(sep)
            pos += len(sep)
        m = BULLET_RE.match(p.text) if p.list_item else None
        offset = m.end() if m else 0
        parts.append(p.text)
        font = p.page.fonts.get(_font_word(p.laid).index)
        lines.append(
            Line(
                text=p.text[offset:],
                start=pos + offset,
                end=pos + len(p.text),
                page=p.page.number,
                x0=round(p.laid.x0, 2),
                top=round(p.laid.top, 2),
                x1=round(p.laid.x1, 2),
                bottom=round(p.laid.bottom, 2),
                font_size=font.size if font else None,
                bold=font.bold if font else None,
                column=p.laid.column,
                list_item=p.list_item,
                source=p.source,
            )
        )
        pos += len(p.text)
    columns = max((p.layout.columns for p in pages), default=1)
    return Document(
        text="".join(parts),
        format="pdf",
        lines=tuple(lines),
        page_count=page_count,
        columns=columns,
        warnings=tuple(warnings),
    )
