"""The parts of a cover letter: sender block, greeting, body paragraphs, sentences and sign-off.

A letter arrives as plain text or as a parsed :class:`~parsers.models.Document` (DOCX paragraphs become lines,
PDF lines are visual lines). :func:`segment_letter` finds its paragraphs (blank lines first; otherwise lines,
re-joined when a PDF wrapped a paragraph over several lines), marks the greeting ("Dear ...") and the sign-off
("Sincerely," and what follows), and cuts the body into sentences. Every span is a pair of offsets into the
letter's text, so ``text[start:end]`` is always the quoted words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from parsers.models import Document

__all__ = [
    "GREETING_RE",
    "SIGN_OFF_RE",
    "LetterLayout",
    "Paragraph",
    "ParagraphRole",
    "Sentence",
    "segment_letter",
    "split_sentences",
    "word_count",
]

ParagraphRole = Literal["header", "greeting", "body", "sign_off"]

GREETING_RE = re.compile(
    r"^(?:dear|hello|hi|hey|greetings|good\s+(?:morning|afternoon|day)|to\s+whom\s+it\s+may\s+concern)\b",
    re.IGNORECASE,
)
SIGN_OFF_RE = re.compile(
    r"^(?:(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully)(?:\s+yours)?|"
    r"(?:with\s+)?(?:best|kind|kindest|warm|warmest|many)?\s*(?:regards|wishes|thanks)|"
    r"best|cheers|thank\s+you(?:\s+for\s+your\s+(?:time|consideration))?|thanks|respectfully|cordially|"
    r"with\s+(?:gratitude|appreciation|thanks))\s*[,.!]?\s*$",
    re.IGNORECASE,
)
_ABBREVIATIONS = frozenset(
    {
        *("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "e.g", "i.e", "vs", "approx", "no", "dept", "fig"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k"),
        *("a.m", "p.m", "ph.d", "b.sc", "m.sc", "b.a", "m.a"),
    }
)
# Company suffixes and "etc." end a sentence when a usual sentence opener follows ("at Acme Inc. I built").
_SOFT_ABBREVIATIONS = frozenset({"inc", "ltd", "co", "corp", "llc", "plc", "etc"})
_OPENERS = frozenset(
    {
        *("I", "We", "My", "Our", "The", "This", "That", "These", "In", "At", "As", "With", "For", "During"),
        *("Since", "When", "While", "After", "Before", "It", "You", "Your", "Thank", "Please", "There", "Then"),
    }
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+|$)")
_WORD = re.compile(r"[A-Za-z0-9À-ÿ]+(?:['’.\-][A-Za-z0-9À-ÿ]+)*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the letter body: ``text == letter_text[start:end]``."""

    text: str
    start: int
    end: int
    paragraph: int  # index into LetterLayout.paragraphs
    list_item: bool = False  # written as a bullet point


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the letter and what it is."""

    start: int
    end: int
    role: ParagraphRole
    list_item: bool = False


@dataclass(frozen=True, slots=True)
class LetterLayout:
    """A letter cut into its parts; offsets index ``text``."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]  # body sentences only
    greeting: tuple[int, int] | None  # the greeting line
    sign_off: tuple[int, int] | None  # the sign-off line ("Sincerely,")

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.role == "body")

    def body_indexes(self) -> tuple[int, ...]:
        return tuple(i for i, p in enumerate(self.paragraphs) if p.role == "body")

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]


def word_count(text: str) -> int:
    """Words as a reader counts them (numbers and hyphenated words are one word each)."""
    return len(_WORD.findall(text))


def _tight(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _raw_blocks(text: str, document: Document | None) -> list[tuple[int, int, bool]]:
    """(start, end, list_item) blocks.

    A DOCX paragraph is a line of its own; plain text and Markdown are cut at blank lines (lines inside a block
    are one paragraph, wrapped by hand), with a sign-off line split from the block it ends; PDF lines that run
    to the right margin are joined with the next one (a paragraph the layout wrapped).
    """
    fmt = document.format if document is not None and document.text == text else None
    if fmt != "docx" and fmt != "pdf" and re.search(r"\n[ \t]*\n", text):
        blocks: list[tuple[int, int, bool]] = []
        pos = 0
        for m in re.finditer(r"\n[ \t]*\n\s*", text):
            blocks.append((pos, m.start(), False))
            pos = m.end()
        blocks.append((pos, len(text), False))
        out: list[tuple[int, int, bool]] = []
        for start, end, _ in blocks:
            for block in _split_list_lines(text, start, end):
                out.extend(_split_sign_off(text, block))
        return [b for b in out if b[1] > b[0]]
    lines = _lines(text, document)
    if not lines or fmt != "pdf":
        return lines
    longest = max(e - s for s, e, _ in lines)
    merged: list[tuple[int, int, bool]] = []
    for start, end, item in lines:
        if merged and not item:
            p_start, p_end, p_item = merged[-1]
            prev = text[p_start:p_end]
            full = (p_end - p_start) >= 0.8 * longest  # the previous line ran to the margin: a wrapped paragraph
            if full and not (GREETING_RE.match(prev) or SIGN_OFF_RE.match(prev)):
                merged[-1] = (p_start, end, p_item)
                continue
        merged.append((start, end, item))
    return merged


def _split_sign_off(text: str, block: tuple[int, int, bool]) -> list[tuple[int, int, bool]]:
    """'... I look forward to hearing from you.\nSincerely,\nJane' in one block: the sign-off starts a block."""
    start, end, item = block
    pos = start
    for raw in text[start:end].split("\n"):
        line_start, line_end = _tight(text, pos, pos + len(raw))
        if pos > start and line_end > line_start and SIGN_OFF_RE.match(text[line_start:line_end]):
            head = _tight(text, start, pos)
            return [(*head, item), (line_start, end, item)] if head[1] > head[0] else [(line_start, end, item)]
        pos += len(raw) + 1
    return [block]


def _lines(text: str, document: Document | None) -> list[tuple[int, int, bool]]:
    if document is not None and document.text == text and document.lines:
        return [(*_tight(text, ln.start, ln.end), ln.list_item) for ln in document.lines if ln.end > ln.start]
    out: list[tuple[int, int, bool]] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = _tight(text, pos, pos + len(raw))
        if end > start:
            bullet = re.match(r"[-*•●▪‣◦]\s+", text[start:end])
            out.append((start + (bullet.end() if bullet else 0), end, bool(bullet)))
        pos += len(raw) + 1
    return out


def _split_list_lines(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """A blank-line block whose lines are bullet points becomes one block per bullet."""
    block = text[start:end]
    if not re.search(r"^\s*[-*•●▪‣◦]\s+", block, re.MULTILINE):
        return [(*_tight(text, start, end), False)]
    out: list[tuple[int, int, bool]] = []
    pos = start
    for raw in block.split("\n"):
        s, e = _tight(text, pos, pos + len(raw))
        pos += len(raw) + 1
        if e <= s:
            continue
        bullet = re.match(r"[-*•●▪‣◦]\s+", text[s:e])
        if bullet:
            out.append((s + bullet.end(), e, True))
        elif out and not out[-1][2]:
            out[-1] = (out[-1][0], e, False)
        elif out and out[-1][2]:
            out[-1] = (out[-1][0], e, True)  # a bullet continued on the next line
        else:
            out.append((s, e, False))
    return out


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (abbreviations such as 'Dr.' or 'e.g.' do not end one)."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.end()
        before = text[pos : m.start()]
        last = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
        word = last.group(1).lower().rstrip(".") if last else ""
        if m.group().startswith(".") and word in _ABBREVIATIONS:
            continue
        if m.group().startswith(".") and word in _SOFT_ABBREVIATIONS:
            nxt = re.match(r"\s*([A-Za-z]+)", text[m.end() : end])
            if not nxt or nxt.group(1) not in _OPENERS:
                continue
        if m.group().startswith(".") and last and len(last.group(1)) == 1 and last.group(1).isupper():
            continue  # an initial: "J. Smith"
        following = text[stop:end].lstrip()
        if following and not (following[0].isupper() or following[0].isdigit() or following[0] in "\"“‘('["):
            continue
        s, e = _tight(text, pos, stop)
        if e > s:
            spans.append((s, e))
        pos = stop
    s, e = _tight(text, pos, end)
    if e > s:
        spans.append((s, e))
    return spans


def _greeting_index(text: str, blocks: list[tuple[int, int, bool]]) -> int | None:
    for i, (start, end, _) in enumerate(blocks[:12]):
        if GREETING_RE.match(text[start:end]):
            return i
    return None


def _sign_off_index(text: str, blocks: list[tuple[int, int, bool]], after: int) -> int | None:
    for i in range(len(blocks) - 1, after, -1):
        start, end, _ = blocks[i]
        first_line = text[start:end].split("\n", 1)[0].strip()
        if SIGN_OFF_RE.match(first_line) and len(blocks) - i <= 6:
            return i
    return None


def _split_greeting(text: str, block: tuple[int, int, bool]) -> list[tuple[int, int, bool]]:
    """'Dear Ms Lee,\\nI am writing...' in one block: the greeting line becomes a block of its own."""
    start, end, item = block
    newline = text.find("\n", start, end)
    first = text[start:newline] if newline >= 0 else text[start:end]
    if newline >= 0 and len(first) <= 80:
        return [(*_tight(text, start, newline), False), (*_tight(text, newline, end), item)]
    m = re.match(r"[^,:\n]{0,60}[,:](?=\s)", text[start:end])
    if m and newline < 0 and end - start > m.end() + 20:
        return [(start, start + m.end(), False), (*_tight(text, start + m.end(), end), item)]
    return [block]


def segment_letter(letter: Document | str) -> LetterLayout:
    """Cut a letter into header, greeting, body paragraphs (with sentences) and sign-off."""
    document = letter if isinstance(letter, Document) else None
    text = letter.text if isinstance(letter, Document) else letter
    blocks = _raw_blocks(text, document)
    g = _greeting_index(text, blocks)
    if g is not None:
        parts = _split_greeting(text, blocks[g])
        blocks[g : g + 1] = parts
    s = _sign_off_index(text, blocks, g if g is not None else -1)
    if s is not None:
        start, end, item = blocks[s]
        newline = text.find("\n", start, end)
        if newline >= 0:  # "Sincerely,\nJane Doe" in one block
            blocks[s : s + 1] = [(*_tight(text, start, newline), item), (*_tight(text, newline, end), item)]
    paragraphs: list[Paragraph] = []
    first_body = (g + 1) if g is not None else _first_body(text, blocks)
    for i, (start, end, item) in enumerate(blocks):
        role: ParagraphRole
        if g is not None and i == g:
            role = "greeting"
        elif i < first_body:
            role = "header"
        elif s is not None and i >= s:
            role = "sign_off"
        else:
            role = "body"
        paragraphs.append(Paragraph(start, end, role, item))
    sentences: list[Sentence] = []
    for index, para in enumerate(paragraphs):
        if para.role != "body":
            continue
        for start, end in split_sentences(text, para.start, para.end):
            sentences.append(Sentence(text[start:end], start, end, index, para.list_item))
    greeting = (blocks[g][0], blocks[g][1]) if g is not None else None
    sign_off = (blocks[s][0], blocks[s][1]) if s is not None else None
    return LetterLayout(text, tuple(paragraphs), tuple(sentences), greeting, sign_off)


def _first_body(text: str, blocks: list[tuple[int, int, bool]]) -> int:
    """Without a greeting, the body starts at the first block that reads like prose (a sentence of 8+ words)."""
    for i, (start, end, _) in enumerate(blocks):
        chunk = text[start:end]
        if word_count(chunk) >= 8 and re.search(r"[a-z]{3,}\s+[a-z]{2,}\s+[a-z]{2,}", chunk):
            return i
    return 0
