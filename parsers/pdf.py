"""PDF to Document with PDFium (pypdfium2): words with boxes, reading order by ``parsers.layout``.

Per page: the page's text stream in one call (``FPDFText_GetText``), split into words; for each word the loose
box of its first and last character, and the baseline (one origin per distinct loose top/bottom pair, which is
one per row and font). The PDFium calls are driven by ``map`` over plain addresses (``parsers.pdfium_calls``)
into one ctypes array read back in one step, so no Python loop runs per word until the words are built, and
pages are loaded through raw handles (no wrapper objects). ``parsers.layout`` then finds rows, column gutters
and the reading order, and each line's first word gives the font size and weight.

Three things the text stream does not say are read from elsewhere: list bullets drawn as shapes
(``parsers.pdf_bullets``: a "• " marker is written before such a line), icon glyphs that have no Unicode value
(TeX's FontAwesome: dropped before layout), and whether a hyphen at a line end belongs to the word
(``parsers.hyphenation``, for producers that hyphenate words themselves).

Before PDFium sees the bytes, ICC-based colour spaces are renamed as device spaces of the same length
(``_without_icc_profiles``): PDFium would otherwise build a colour transform for each as it loads a page.

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
from array import array
from collections import Counter, deque
from collections.abc import Container
from dataclasses import dataclass
from functools import partial
from itertools import compress, repeat
from operator import or_, sub

import pypdfium2.raw as pdfium_c

from parsers.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    NoTextError,
    ParserError,
    TooManyPagesError,
)
from parsers.hyphenation import keeps_hyphen
from parsers.layout import LaidLine, PageLayout, Word, order_words
from parsers.models import Document, Line, LineSource
from parsers.pdf_bullets import drawn_bullets, may_have_drawn_bullets
from parsers.pdfium_calls import (
    CHAR_ORIGIN,
    CLOSE_DOCUMENT,
    CLOSE_PAGE,
    CLOSE_TEXT_PAGE,
    COUNT_CHARS,
    FONT_INFO,
    FONT_SIZE,
    FONT_WEIGHT,
    GET_MATRIX,
    GET_META_TEXT,
    GET_TEXT,
    LAST_ERROR,
    LOAD_DOCUMENT,
    LOAD_PAGE,
    LOAD_TEXT_PAGE,
    LOOSE_CHAR_BOX,
    PAGE_COUNT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    UNICODE_MAP_ERROR,
    address,
)
from parsers.text import BULLET_RE, normalize_text

__all__ = ["parse_pdf"]

logger = logging.getLogger(__name__)

PDFIUM_LOCK = threading.Lock()

_WORD_RE = re.compile(r"[^\s\ufffe\x02]*[\ufffe\x02]|[^\s\ufffe\x02]+")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_BOLD_NAME_RE = re.compile(r"bold|black|heavy|semibold|demi|cmbx|-bd\b|,b\b", re.IGNORECASE)
_FORCE_BOLD_FLAG = 1 << 18
_HEADER_FOOTER_BAND = 0.08  # of the page height, at the top and at the bottom
_DIGITS_RE = re.compile(r"\d+")
_HYPHENATING_PRODUCER_RE = re.compile(r"tex\b|typst|groff|dvipdf", re.IGNORECASE)
# Producers that embed icon fonts without Unicode values (TeX's Type 1 FontAwesome), or none named: only their
# pages are searched for icon glyphs (browsers, Word and Typst map icons to private-use code points).
_ICON_PRODUCER_RE = re.compile(r"tex\b|dvipdf|^\s*$", re.IGNORECASE)
# A page's text holds no character beyond U+FFFF (``_page_text``), so a word sorts above this one exactly when
# its first character lies beyond ASCII.
_BEYOND_ASCII = "\x7f\U0010ffff"
_ICON_FONT_RE = re.compile(rb"awesome|icon|fontello|glyph|wingding|webding|dingbat|symbol|marvosym|bbding", re.I)
_WORD_PUNCTUATION = "([{\"'“‘.,;:!?)]}”’"
_DRAWN_MARKER = "• "  # written before a line that a drawn bullet precedes, as DOCX list items get one
_MATCH_START, _MATCH_END, _MATCH_GROUP = re.Match.start, re.Match.end, re.Match.group
# ICC-based colour spaces, rewritten as device spaces before PDFium sees them (``_without_icc_profiles``): the
# array, what may own it (an object "12 0 obj" or a dictionary key "/CS0"), the profile stream's dictionary
_ICC_ARRAY_RE = re.compile(rb"\[\s*/ICCBased\s+([0-9]+)\s+([0-9]+)\s+R\s*\]")
_ICC_OWNER_RE = re.compile(rb"(?:[0-9]\s+obj|/[^\s/\[\]<>()%]+)\s*\Z")
_ICC_PROFILE_RE = re.compile(rb"\s*<<(.{0,2000}?)>>\s*stream", re.DOTALL)
_ICC_COMPONENTS_RE = re.compile(rb"/N\s+([0-9]+)(?![0-9.])")
_DEVICE_SPACES = {b"1": b"/DeviceGray", b"3": b"/DeviceRGB", b"4": b"/DeviceCMYK"}


# Scratch buffers are arrays (``array.array``) or instances of ctypes types made once here: ``ctypes.c_float * n``
# makes a new type for each new ``n``, which ctypes caches only while one is alive, so each page paid for making
# types (about 20 us each) and the garbage collector for collecting them (their cycles, about 10 us each).
_FontName = ctypes.c_char * 128


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
    fonts: list[_Font]  # of each line of the layout (its first real word)
    surrogates: bool = True  # the page's text holds UTF-16 surrogates (characters beyond U+FFFF)
    drawn_bullets: frozenset[int] = frozenset()  # lines of the layout that a bullet drawn as a shape precedes


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


def _open(data: bytes) -> int:
    """A raw FPDF_DOCUMENT with at least one page, read from ``data`` (which must outlive it), as pypdfium2's
    ``PdfDocument`` opens one; the caller closes it with ``CLOSE_DOCUMENT``."""
    document = LOAD_DOCUMENT(data, len(data), None)
    if document and PAGE_COUNT(document) > 0:
        return int(document)
    error = LAST_ERROR()
    if document:
        CLOSE_DOCUMENT(document)
    if error in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
        raise EncryptedDocumentError("The PDF is password-protected. Remove the password and upload it again.")
    raise CorruptDocumentError("The PDF file is damaged and cannot be read.")


def _without_icc_profiles(data: bytes) -> bytes:
    """``data`` with each ICC-based colour space named as the device space of as many components.

    PDFium builds a colour transform (LittleCMS, tens of thousands of ``pow`` calls) for each ICC profile a
    page's content selects, as it loads the page: 2.3 ms of the 10-12 ms a Typst (RenderCV) resume takes, for
    colours that text extraction never reads. ``[/ICCBased 13 0 R]`` becomes ``[/DeviceRGB      ]``, of the same
    length, so every cross-reference offset stays right. Only an array that is an indirect object of its own
    (as Typst and macOS Quartz write it) or follows a name (a dictionary entry) is rewritten, not one quoted in
    text, and only when the profile's component count (``/N``) can be read. Profiles inside compressed object
    streams are left as they are.
    """
    at = data.find(b"/ICCBased")
    if at < 0:
        return data
    out = bytearray(data)
    while at >= 0:
        bracket = data.rfind(b"[", max(0, at - 8), at)
        icc = _ICC_ARRAY_RE.match(data, bracket) if bracket >= 0 else None
        if icc and _ICC_OWNER_RE.search(data[max(0, bracket - 64) : bracket]):
            space = _DEVICE_SPACES.get(_icc_components(data, icc[1], icc[2], bracket))
            if space:
                out[bracket : icc.end()] = b"[%s]" % space.ljust(len(icc[0]) - 2)
        at = data.find(b"/ICCBased", at + 1)
    return bytes(out)


def _icc_components(data: bytes, number: bytes, generation: bytes, near: int) -> bytes:
    """The ``/N`` of the profile stream ``number generation obj``, or b"" when it is not written out in ``data``.
    Looked for after ``near`` first: writers put the profile right after the colour space that names it."""
    head = b"%s %s obj" % (number, generation)
    for start in (near, 0):
        at = data.find(head, start)
        while at > 0 and data[at - 1 : at].isdigit():  # "1361 0 obj" is not object 361
            at = data.find(head, at + 1)
        if at >= 0:
            break
    profile = _ICC_PROFILE_RE.match(data, at + len(head)) if at >= 0 else None
    components = _ICC_COMPONENTS_RE.search(profile[1]) if profile else None
    return components[1] if components else b""


def _extract(data: bytes, max_pages: int) -> tuple[list[_Page], int, bool]:
    """Pages with their layout, the page count, and whether the producer hyphenates words itself."""
    data = _without_icc_profiles(data)
    document = _open(data)
    try:
        page_count = PAGE_COUNT(document)
        if page_count > max_pages:
            raise TooManyPagesError(f"The PDF has {page_count} pages; at most {max_pages} are accepted.")
        producer = f"{_metadata(document, b'Producer')} {_metadata(document, b'Creator')}"
        icons = bool(_ICON_PRODUCER_RE.search(producer))
        pages = [_read_page(document, i, icons) for i in range(page_count)]
        return pages, page_count, bool(_HYPHENATING_PRODUCER_RE.search(producer))
    finally:
        CLOSE_DOCUMENT(document)


def _metadata(document: int, key: bytes) -> str:
    """A value of the document information dictionary ("" when it is missing), as ``PdfDocument.get_metadata_value``
    reads it but into an array (see ``_FontName``)."""
    size = GET_META_TEXT(document, key + b"\0", 0, 0)  # bytes of UTF-16-LE, with the terminator
    buffer = array("B", bytes(size))
    GET_META_TEXT(document, key + b"\0", address(buffer), size)
    return buffer.tobytes()[: size - 2].decode("utf-16-le")


def _read_page(document: int, index: int, icons: bool) -> _Page:
    """Load one page and its text page, read them, and close both (raw handles: no wrapper objects). With
    ``icons``, icon glyphs without Unicode values are looked for and dropped."""
    page = LOAD_PAGE(document, index)
    if not page:
        raise CorruptDocumentError("A page of the PDF is damaged and cannot be read.")
    try:
        width, height = float(PAGE_WIDTH(page)), float(PAGE_HEIGHT(page))
        textpage = LOAD_TEXT_PAGE(page)
        if not textpage:
            raise CorruptDocumentError("A page of the PDF is damaged and cannot be read.")
        try:
            n_chars = COUNT_CHARS(textpage)
            text = _page_text(textpage, n_chars) if n_chars > 0 else ""
            layout = order_words(_words(textpage, text, height, icons))
            surrogates = bool(_SURROGATE_RE.search(text))
            fonts = _fonts(textpage, layout)
        finally:
            CLOSE_TEXT_PAGE(textpage)
        lines = layout.lines
        bullets = drawn_bullets(page, height, lines) if may_have_drawn_bullets(lines) else frozenset()
        return _Page(index + 1, width, height, layout, fonts, surrogates, bullets)
    finally:
        CLOSE_PAGE(page)


def _page_text(textpage: int, n_chars: int) -> str:
    """The page's characters, one str character per PDFium char index."""
    buffer = array("H", bytes(2 * (n_chars + 1)))
    written = GET_TEXT(textpage, 0, n_chars, address(buffer))
    if written == n_chars + 1:
        text = buffer.tobytes()[: 2 * n_chars].decode("utf-16-le", errors="surrogatepass")
        if len(text) == n_chars:
            return text
        return "".join(map(chr, buffer[:n_chars]))  # astral characters: keep the surrogates one per index
    get = pdfium_c.FPDFText_GetUnicode
    raw = ctypes.cast(textpage, pdfium_c.FPDF_TEXTPAGE)
    return "".join(chr(min(get(raw, i), 0x10FFFF)) for i in range(n_chars))


def _words(textpage: int, text: str, page_height: float, icons: bool = True) -> list[Word]:
    """The page's words: the loose box of the first character (left, top, bottom) and of the last (right), and
    the first character's origin on the baseline (a bullet glyph and its text share it, not their boxes).

    Calls are made in bulk: ``map`` drives the PDFium calls and the boxes land in one array read back in one
    step, so there is no Python-level loop per word until the ``Word`` objects are built. A loose box's
    top and bottom are the baseline plus the font's ascent and descent, so characters whose loose boxes have
    the same top and bottom share a baseline: the origin is asked for once per such pair.
    """
    matches = list(_WORD_RE.finditer(text))
    count = len(matches)
    if not count:
        return []
    starts = list(map(_MATCH_START, matches))
    ends = list(map(_MATCH_END, matches))
    texts = list(map(_MATCH_GROUP, matches))
    found = _icon_glyphs(textpage, text, texts, starts) if icons else None
    if found:
        count = _drop_icon_glyphs(found, texts, starts, ends)
    firsts = array("f", bytes(16 * count))  # per word: left, top, right, bottom in PDF user space (y up)
    lasts = array("f", bytes(16 * count))
    first_at, last_at = address(firsts), address(lasts)
    pages = repeat(textpage, count)
    deque(map(LOOSE_CHAR_BOX, pages, starts, range(first_at, first_at + 16 * count, 16)), maxlen=0)
    pages = repeat(textpage, count)
    last_chars = map(sub, ends, repeat(1, count))
    deque(map(LOOSE_CHAR_BOX, pages, last_chars, range(last_at, last_at + 16 * count, 16)), maxlen=0)
    lefts, tops, bottoms = firsts[0::4].tolist(), firsts[1::4].tolist(), firsts[3::4].tolist()
    rights = lasts[2::4].tolist()
    keys = list(zip(tops, bottoms, strict=True))
    first_of = dict(zip(reversed(keys), reversed(starts), strict=True))  # each key's first word
    n_keys = len(first_of)
    origins = array("d", bytes(16 * n_keys))  # x, y per key
    x_at = address(origins)
    xs = range(x_at, x_at + 16 * n_keys, 16)
    ys = range(x_at + 8, x_at + 8 + 16 * n_keys, 16)
    deque(map(CHAR_ORIGIN, repeat(textpage, n_keys), first_of.values(), xs, ys), maxlen=0)
    from_top = partial(sub, page_height)
    baseline_of = dict(zip(first_of, map(from_top, origins[1::2].tolist()), strict=True))
    return list(
        map(
            Word,
            texts,
            lefts,
            map(max, rights, lefts),
            map(from_top, tops),
            map(from_top, bottoms),
            map(baseline_of.__getitem__, keys),
            starts,
            ends,
        )
    )


def _icon_glyphs(textpage: int, text: str, texts: list[str], starts: list[int]) -> set[int]:
    """Char indexes of icon glyphs: characters PDFium reads without a Unicode value from an icon font.

    TeX embeds FontAwesome with glyph names ("github", "envelope") that have no Unicode value, and PDFium falls
    back to the character code, which reads as a stray letter or sign ("ð", "§", "I"). Icons stand alone or
    open a word, so only words of one or two characters and words starting beyond ASCII are looked at (about a
    tenth of them): the first character of each is asked about in one ``map`` over PDFium, and only the words
    whose first character has no Unicode value go on to a Python loop (their other character, their font).
    """
    picked = list(map((3).__gt__, map(len, texts)))
    if not text.isascii():
        picked = list(map(or_, picked, map(_BEYOND_ASCII.__lt__, texts)))
    unmapped = list(map(UNICODE_MAP_ERROR, repeat(textpage), compress(starts, picked)))
    found: set[int] = set()
    if 1 not in unmapped:
        return found
    candidates = zip(compress(starts, picked), compress(texts, picked), strict=True)
    for start, word in compress(candidates, map((1).__eq__, unmapped)):
        index, end = start, start + (len(word) if len(word) <= 2 else 1)
        while index < end and UNICODE_MAP_ERROR(textpage, index) == 1 and _in_icon_font(textpage, index):
            found.add(index)
            index += 1
    return found


def _in_icon_font(textpage: int, index: int) -> bool:
    name = _FontName()
    length = FONT_INFO(textpage, index, ctypes.addressof(name), ctypes.sizeof(name), None)
    return 0 < length <= ctypes.sizeof(name) and bool(_ICON_FONT_RE.search(name.value))


def _drop_icon_glyphs(icons: set[int], texts: list[str], starts: list[int], ends: list[int]) -> int:
    """Remove icon glyphs from the words (in place): a word of icons goes, an icon opening a word is cut off.
    Returns the number of words left."""
    keep = []
    for i, (text, start) in enumerate(zip(texts, starts, strict=True)):
        cut = 0
        while cut < len(text) and start + cut in icons:
            cut += 1
        if cut == 0:
            keep.append(i)
        elif text[cut:].strip("\ufffe\x02"):
            texts[i], starts[i] = text[cut:], start + cut
            keep.append(i)
    if len(keep) < len(texts):
        texts[:] = [texts[i] for i in keep]
        starts[:] = [starts[i] for i in keep]
        ends[:] = [ends[i] for i in keep]
    return len(keep)


def _fonts(textpage: int, layout: PageLayout) -> list[_Font]:
    """Font size (as drawn, in points) and boldness (weight 600+, ForceBold, or a bold font name) of each
    line's first real word."""
    fonts: list[_Font] = []
    by_index: dict[int, _Font] = {}
    bold_by_name: dict[bytes, bool] = {}
    name = _FontName()
    name_at, name_size = ctypes.addressof(name), ctypes.sizeof(name)
    flags = ctypes.c_int(0)
    flags_at = ctypes.addressof(flags)
    matrix = pdfium_c.FS_MATRIX()
    matrix_at = ctypes.addressof(matrix)
    font_size, get_matrix, font_info = FONT_SIZE, GET_MATRIX, FONT_INFO
    for line in layout.lines:
        index = _font_word(line).index
        font = by_index.get(index)
        if font is None:
            size = float(font_size(textpage, index))
            if get_matrix(textpage, index, matrix_at):  # "1 Tf" scaled by the text matrix: 12 pt
                size *= math.hypot(matrix.c, matrix.d) or 1.0
            length = font_info(textpage, index, name_at, name_size, flags_at)
            font_name = name.value if 0 < length <= name_size else b""
            bold = bold_by_name.get(font_name)
            if bold is None or not font_name:
                bold = bool(flags.value & _FORCE_BOLD_FLAG) or bool(_BOLD_NAME_RE.search(font_name.decode("latin-1")))
                bold = bold or int(FONT_WEIGHT(textpage, index)) >= 600
                bold_by_name[font_name] = bold
            font = by_index[index] = _Font(round(size, 2) if size > 0 else None, bold)
        fonts.append(font)
    return fonts


def _font_word(line: LaidLine) -> Word:
    for w in line.words:
        if w.alnum:
            return w
    return line.words[0]


@dataclass(slots=True)
class _Pending:
    text: str
    marker_end: int  # where the text after a list marker starts (0: not a list item)
    page: _Page
    laid: LaidLine
    font: _Font
    paragraph_before: bool
    source: LineSource = "body"


def _line_texts(page: _Page, hyphenating: bool, seen: Container[str]) -> list[_Pending]:
    """Each laid-out line's normalised text, with words broken by an end-of-line hyphen joined again.

    The hyphen is dropped ("imple-" + "mented") only when the producer hyphenates words itself (TeX, Typst),
    the word goes on in lower case, and it is not a compound broken at its own hyphen ("production-" +
    "quality": ``parsers.hyphenation``, with ``seen`` the document's other words); word processors and
    browsers only break lines at hyphens that belong to the word.
    """
    laid = list(page.layout.lines)
    words_of = [list(ln.words) for ln in laid]
    surrogates = page.surrogates
    drawn = page.drawn_bullets
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
                head = last.text[:-1]
                tex_hyphen = hyphenating and cont.text[:1].islower() and not keeps_hyphen(head, cont.text, seen)
                joiner = "" if tex_hyphen else "-"
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
        if surrogates and _SURROGATE_RE.search(raw):  # beyond U+FFFF: one UTF-16 unit per char index
            raw = raw.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        text = " ".join(normalize_text(raw).split())
        if not text:
            continue
        m = BULLET_RE.match(text)
        marker_end = m.end() if m and m.end() < len(text) else 0  # the marker is followed by text (stripped)
        if not m and i in drawn:
            text = _DRAWN_MARKER + text
            marker_end = len(_DRAWN_MARKER)
        out.append(_Pending(text, marker_end, page, laid[i], page.fonts[i], laid[i].paragraph_before))
    return out


class _DocumentWords(Container[str]):
    """The document's words, lower case, without surrounding punctuation: collected on first look-up (only
    documents with a word broken by a hyphenating producer need them)."""

    def __init__(self, pages: list[_Page]) -> None:
        self._pages = pages
        self._words: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = {
                w.text.lower().strip(_WORD_PUNCTUATION)
                for page in self._pages
                for line in page.layout.lines
                for w in line.words
                if w.text[-1] not in "\ufffe\x02"
            }
        return word in self._words


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
    seen = _DocumentWords(pages)
    for page in pages:
        page_lines = _line_texts(page, hyphenating, seen)
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
        offset = p.marker_end
        parts.append(p.text)
        font = p.font
        laid = p.laid
        lines.append(
            Line(
                text=p.text[offset:] if offset else p.text,
                start=pos + offset,
                end=pos + len(p.text),
                page=p.page.number,
                x0=round(laid.x0, 2),
                top=round(laid.top, 2),
                x1=round(laid.x1, 2),
                bottom=round(laid.bottom, 2),
                font_size=font.size,
                bold=font.bold,
                column=laid.column,
                list_item=offset > 0,
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
