"""Plain text and Markdown: decoding, normalising and splitting into lines with offsets.

``normalize_text`` is shared by every format (PDF and DOCX text goes through it too), so the same input
characters always come out the same way. It is idempotent (a property test checks it).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from parsers.models import Document, DocumentFormat, Line

__all__ = [
    "BULLET_RE",
    "decode_text",
    "document_from_markdown",
    "document_from_text",
    "looks_like_markdown",
    "markdown_to_text",
    "normalize_text",
]

# A list marker at the start of a line: a bullet glyph (a space after it is optional for real glyphs, required
# for ASCII look-alikes and dashes), or a number "1." / "2)" followed by a space.
_GLYPHS = "•●○◦▪■□◆◇♦►▸▹▶➢➣➤➔→✓✔✗❖∙⁃⦁⚫⬤"
_DASHES = "-*+–·"
BULLET_RE = re.compile(rf"^[ \t]*(?:[{_GLYPHS}]|[{_DASHES}](?=[ \t])|\d{{1,2}}[.)](?=[ \t]))[ \t]*")
# what a list marker opens with, digits aside: a line that opens otherwise needs no match
_MARKER_FIRST = frozenset(_GLYPHS + _DASHES)

# Symbol/Wingdings bullets that Word and PDF producers put in the private-use area.
_PUA_BULLETS = (0xF0B7, 0xF0A7, 0xF0D8, 0xF0FC, 0xF076, 0xF06C, 0xF06E, 0xF075, 0xF0A8, 0xF071, 0xF09F)
_LINE_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_DROPPED = "\u00ad\u200b\u2060\ufeff"


def _translation() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in range(0xE000, 0xF900):  # other private-use glyphs are icon fonts (envelope, phone, LinkedIn)
        table[cp] = None
    for cp in _PUA_BULLETS:
        table[cp] = "•"
    for cp in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
        table[cp] = None
    for cp in range(0xD800, 0xE000):  # lone surrogates cannot be encoded: make them visible instead
        table[cp] = "\ufffd"
    for ch in _LINE_BREAKS:
        table[ord(ch)] = "\n"
    for ch in _SPACES:
        table[ord(ch)] = " "
    for ch in _DROPPED:
        table[ord(ch)] = None
    table[ord("\n")] = "\n"
    table[0xFFFE] = None
    table[0xFFFF] = None
    return table


_TRANSLATION = _translation()


def _translated_class() -> re.Pattern[str]:
    """A character class of every character ``_TRANSLATION`` changes: most lines hold none, and a search is
    ten times cheaper than ``str.translate`` with a large table."""
    changed = sorted(cp for cp, to in _TRANSLATION.items() if to != chr(cp))
    ranges: list[tuple[int, int]] = []
    for cp in changed:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    parts = [re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges]
    return re.compile("[" + "".join(parts) + "]")


_TRANSLATED_RE = _translated_class()
_HYPHEN_JOIN_RE = re.compile(r"[\ufffe\x02]\n?(?=[a-zà-ÿ])")  # "imple-" + "mented": a word broken at a line end
_HYPHEN_KEEP_RE = re.compile(r"[\ufffe\x02]\n?")  # "Scikit-" + "Learn": keep the hyphen, join the lines
_HYPHENS_RE = re.compile(r"-?[\u2010\u2011]+-?")  # Unicode hyphens (Word maps one glyph to "-\u00ad\u2010")


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
    """Normalise characters, keeping one character per visible character where possible.

    CR/CRLF and other line separators to LF; PDFium's end-of-line hyphen marks (U+FFFE, \\x02) joined;
    Symbol/Wingdings private-use bullets to '•', other private-use icon glyphs and control characters dropped;
    tabs and odd spaces to ' '; soft hyphens and zero-width spaces dropped; Unicode hyphens to '-'; then NFKC
    (ligatures, full-width forms).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if "\ufffe" in text or "\x02" in text:
        text = _HYPHEN_JOIN_RE.sub("", text)
        text = _HYPHEN_KEEP_RE.sub("-", text)
    if _TRANSLATED_RE.search(text):
        text = text.translate(_TRANSLATION)
    if "\u2010" in text or "\u2011" in text:
        text = _HYPHENS_RE.sub("-", text)
    return unicodedata.normalize("NFKC", text)


def document_from_text(text: str, fmt: DocumentFormat = "text") -> Document:
    """Build a Document from already-decoded text: one Line per non-blank line, bullets marked."""
    return _document(normalize_text(text), fmt, frozenset())


def _document(text: str, fmt: DocumentFormat, headings: frozenset[int]) -> Document:
    lines: list[Line] = []
    pos = 0
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            first = stripped[0]
            lead = 0 if raw[0] == first else len(raw) - len(raw.lstrip())  # raw is stripped + blanks around it
            end = pos + lead + len(stripped)
            m = BULLET_RE.match(raw) if first in _MARKER_FIRST or first.isdecimal() else None
            if m and not raw[m.end() :].strip():
                m = None  # a lone "-" or "•" is not a list item
            if m:
                start = pos + m.end()
                line_text = text[start:end]
            else:
                start = pos + lead
                line_text = stripped
            lines.append(
                Line(
                    text=line_text,
                    start=start,
                    end=end,
                    list_item=bool(m),
                    bold=True if number in headings else None,
                )
            )
        pos += len(raw) + 1
    return Document(text=text, format=fmt, lines=tuple(lines))


# --- Markdown -------------------------------------------------------------------------------------------

_MD_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_EMPTY_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]*$")
_MD_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_MD_RULE_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_FENCE_RE = re.compile(r"^ {0,3}(?:```|~~~)")
_MD_TABLE_RULE_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_MD_QUOTE_RE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_MD_TASK_RE = re.compile(r"^([ \t]*[-*+][ \t]+)\[[ xX]\][ \t]+")
_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\(<?([^)\s>]+)>?(?:[ \t]+\"[^\"]*\")?\)")
_MD_AUTOLINK_RE = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_MD_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_STAR_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_EM_UNDERSCORE_RE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_MD_STRIKE_RE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MD_CODE_RE = re.compile(r"`+([^`]+?)`+")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_HTML_BREAK_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MD_CUE_RES = (
    re.compile(r"\*\*\S[^*\n]*\*\*"),
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),
    re.compile(r"^ {0,3}```", re.MULTILINE),
    re.compile(r"^\S[^\n]*\n {0,3}(?:={3,}|-{3,})[ \t]*$", re.MULTILINE),
    re.compile(r"^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]", re.MULTILINE),
    re.compile(r"^[ \t]*\|.*\|[ \t]*\n[ \t]*\|?[ \t]*:?-{3,}", re.MULTILINE),
)
_MD_ATX_CUE_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """An ATX heading ("# Experience"), or at least two other Markdown cues (bold, links, fences, tables)."""
    if _MD_ATX_CUE_RE.search(text):
        return True
    return sum(1 for cue in _MD_CUE_RES if cue.search(text)) >= 2


def _link(m: re.Match[str]) -> str:
    label, url = m.group(1), m.group(2)
    bare = url.removeprefix("mailto:").removeprefix("tel:")
    if label in (url, bare) or label.strip("<>") in (url, bare):
        return label
    return f"{label} ({bare})"


def _inline(line: str) -> str:
    line = _MD_HTML_BREAK_RE.sub(" ", line)
    line = _MD_IMAGE_RE.sub(r"\1", line)
    line = _MD_LINK_RE.sub(_link, line)
    line = _MD_AUTOLINK_RE.sub(lambda m: m.group(1).removeprefix("mailto:"), line)
    line = _MD_CODE_RE.sub(r"\1", line)
    line = _MD_STRONG_RE.sub(r"\2", line)
    line = _MD_EM_STAR_RE.sub(r"\1", line)
    line = _MD_EM_UNDERSCORE_RE.sub(r"\1", line)
    line = _MD_STRIKE_RE.sub(r"\1", line)
    return _MD_ESCAPE_RE.sub(r"\1", line)


def markdown_to_text(text: str) -> tuple[str, frozenset[int]]:
    """Markdown as a reader sees it: markers removed, one output line per input line (rules and fences blank).

    Returns the text and the numbers (0-based) of the lines that were headings.
    """
    out: list[str] = []
    headings: set[int] = set()
    in_fence = False
    for raw in normalize_text(text).split("\n"):
        if _MD_FENCE_RE.match(raw):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(raw)
            continue
        heading = _MD_HEADING_RE.match(raw)
        if heading:
            headings.add(len(out))
            out.append(_inline(heading.group(1)))
            continue
        if _MD_EMPTY_HEADING_RE.match(raw) or _MD_TABLE_RULE_RE.match(raw):
            out.append("")
            continue
        if _MD_SETEXT_RE.match(raw) and out and out[-1].strip() and not _MD_RULE_RE.match(out[-1]):
            headings.add(len(out) - 1)
            out.append("")
            continue
        if _MD_RULE_RE.match(raw):
            out.append("")
            continue
        line = _MD_QUOTE_RE.sub("", raw)
        line = _MD_TASK_RE.sub(r"\1", line)
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            line = " | ".join(cell.strip() for cell in stripped[1:-1].split("|"))
        out.append(_inline(line))
    return "\n".join(out), frozenset(headings)


def document_from_markdown(text: str) -> Document:
    """A Markdown document: headings, emphasis, link and table syntax removed; heading lines marked bold."""
    plain, headings = markdown_to_text(text)
    return _document(normalize_text(plain), "markdown", headings)
