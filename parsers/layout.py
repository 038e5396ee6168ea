"""Reading order for one page: words with boxes -> rows -> column gutters -> ordered lines.

Pure geometry, no PDF library: ``parsers.pdf`` feeds it words measured by PDFium. Coordinates are PDF points
with ``top``/``bottom``/``baseline`` measured from the page's top edge.

How a page is read:

1. Words are grouped into rows by baseline. A page header (the rows above the widest white gap in the top
   quarter) is read on its own, so a name and contact block is not cut by the body's gutter.
2. A *gutter* is a vertical strip, at least 0.6 of a text line wide, that no word covers in most rows, with
   real text (not bullets or list numbers) on both sides, side by side. Rows crossing it above or below the
   columns (a header, a summary, a footer) cut the page into bands; a full-width row between the columns
   means there are no columns (right-aligned dates over full-width bullets). Each band is split into its left
   and right side, and each side is read recursively (a side may have its own gutter).
3. The two sides of a band are joined in one of three ways:

   * *rows*: label/value rows ("Languages   Python, Go") whose lines pair up baseline by baseline and do not
     run on from line to line are read row by row;
   * *notes*: one side is short blocks (dates, places, degree labels), mostly beside a line of the other side,
     as in moderncv and RenderCV themes. Each block is read next to the line it sits beside (before it when on
     the left, after it when on the right), in the same paragraph, so "2021 –" / "Present" stays whole and
     next to the role it dates;
   * *sidebar*: otherwise the sides are independent flows, read one after the other, left first, so a
     sidebar's skills list is never cut by sentences of the main column.

A page counts two columns for a sidebar or for stacked notes; single-line notes read the same as rows do.
"""

from __future__ import annotations

import math
import re
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, pairwise
from operator import attrgetter
from statistics import median

__all__ = ["LaidLine", "PageLayout", "Word", "order_words"]

_MAX_DEPTH = 3
_ROW_TOLERANCE = 0.3  # of the smaller word height: baselines this close are one row
_GUTTER_MIN_WIDTH = 0.6  # of the median word height...
_SPAN_GAP = 4.0  # ...and never narrower than this, in points
_LINE_SPLIT_GAP = 2.0  # of the row height: a wider gap between words in a row starts a new line
_PARAGRAPH_GAP = 0.8  # of the line height: more white space above a line than this marks a paragraph
_MAX_ANNOTATION_BLOCK = 4  # lines
_MIN_ANCHORED = 0.6  # share of note blocks that must sit beside a main line...
_FEW_BLOCKS = 3  # ...unless there are no more blocks than this
_SIZE_RATIO = (0.65, 1.55)  # line heights this close are "the same size" for notes and their lines
_TABLE_PAIRED = 0.8  # share of rows on each side that must pair with a row on the other side
_MIN_SIDE_ALNUM = 12
_MIN_MEAN_SEGMENT_ALNUM = 3.0
_MAX_INTERIOR_CROSSING = 1  # rows crossing a gutter between lines of both sides
_WIDE_GUTTER = 3.0  # of a row height: a gutter this wide may separate just two lines on a side
_HEADER_SHARE = 0.25  # of the text height: where a page header may end
_HEADER_GAP = 1.5  # of the median word height: the least white space under a page header

_BY_BASELINE = attrgetter("baseline", "x0")
_BY_X = attrgetter("x0")


class Word:
    """A run of non-space characters on one line, with its box and its position in the page's char stream.

    A plain slotted class (not a dataclass): pages have hundreds of words and this is built for each.
    """

    __slots__ = ("_alnum", "baseline", "bottom", "end", "height", "index", "text", "top", "x0", "x1")

    def __init__(
        self,
        text: str,
        x0: float,
        x1: float,
        top: float,
        bottom: float,
        baseline: float,
        index: int = 0,
        end: int = 0,
    ) -> None:
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.top = top
        self.bottom = bottom
        self.baseline = baseline
        self.index = index  # the first char's index in the page's text stream
        self.end = end  # one past the last char's index
        self.height = bottom - top
        self._alnum = -1

    @property
    def alnum(self) -> int:
        """How many letters and digits the word has (counted when first asked)."""
        if self._alnum < 0:
            text = self.text
            self._alnum = len(text) if text.isalnum() else sum(map(str.isalnum, text))
        return self._alnum

    def __repr__(self) -> str:
        return f"Word({self.text!r}, x0={self.x0:.1f}, x1={self.x1:.1f}, top={self.top:.1f})"


@dataclass(slots=True)
class LaidLine:
    """Words read as one line, in reading order, with the column they were read in (0 = full width)."""

    words: list[Word]
    column: int = 0
    paragraph_before: bool = False  # white space, a column switch or a jump back up precedes this line
    fixed: bool = False  # paragraph_before was decided when notes were placed beside their lines
    x0: float = field(init=False)
    x1: float = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)
    height: float = field(init=False)

    def __post_init__(self) -> None:
        first = self.words[0]
        x0, x1, top, bottom = first.x0, first.x1, first.top, first.bottom
        for w in self.words:
            if w.x0 < x0:
                x0 = w.x0
            if w.x1 > x1:
                x1 = w.x1
            if w.top < top:
                top = w.top
            if w.bottom > bottom:
                bottom = w.bottom
        self.x0, self.x1, self.top, self.bottom, self.height = x0, x1, top, bottom, bottom - top

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class PageLayout:
    """The lines of a page in reading order and how many columns were found (1 or 2)."""

    lines: tuple[LaidLine, ...]
    columns: int = 1


@dataclass(slots=True)
class _Row:
    words: list[Word]  # sorted by x0
    baseline: float
    top: float
    bottom: float
    x1: float
    spans: list[tuple[float, float]]


def order_words(words: list[Word]) -> PageLayout:
    """Put a page's words into lines in reading order (see the module docstring)."""
    words = [w for w in words if w.x1 >= w.x0 and w.bottom >= w.top]
    if not words:
        return PageLayout(lines=())
    heights = [w.height for w in words if w.height > 0]
    unit = median(heights) if heights else 10.0
    rows = _rows(words)
    state = _State(unit=unit)
    head, body = _split_header(rows, unit)
    lines = _order(head, column=0, depth=0, state=state) + _order(body, column=0, depth=0, state=state)
    _mark_paragraphs(lines)
    return PageLayout(lines=tuple(lines), columns=2 if state.split else 1)


@dataclass(slots=True)
class _State:
    unit: float
    split: bool = False


def _rows(words: list[Word]) -> list[_Row]:
    """Group words whose baselines agree into rows, top to bottom; words in a row left to right."""
    rows: list[_Row] = []
    current: list[Word] = []
    ref_base = ref_height = 0.0
    for w in sorted(words, key=_BY_BASELINE):
        if current:
            height = w.height if 0 < w.height < ref_height else ref_height
            if w.baseline - ref_base <= _ROW_TOLERANCE * (height if height > 1.0 else 1.0):
                current.append(w)
                continue
            rows.append(_make_row(current))
        current = [w]
        ref_base = w.baseline
        ref_height = w.height
    if current:
        rows.append(_make_row(current))
    return rows


def _make_row(words: list[Word]) -> _Row:
    """A row of words sorted left to right, with its extent and its *spans*: runs of words with gaps narrower
    than the narrowest gutter (``_SPAN_GAP`` points), which is all that gutter search needs to look at."""
    words.sort(key=_BY_X)
    first = words[0]
    top, bottom = first.top, first.bottom
    spans: list[tuple[float, float]] = []
    span_start, span_end = first.x0, first.x1
    for w in words:
        if w.top < top:
            top = w.top
        if w.bottom > bottom:
            bottom = w.bottom
        if w.x0 - span_end >= _SPAN_GAP:
            spans.append((span_start, span_end))
            span_start = w.x0
        if w.x1 > span_end:
            span_end = w.x1
    spans.append((span_start, span_end))
    return _Row(words, first.baseline, top, bottom, span_end, spans)  # span_end: the row's right edge


def _split_header(rows: list[_Row], unit: float) -> tuple[list[_Row], list[_Row]]:
    """Split off a page header (name, title, contact lines) that sits above a column layout.

    The header is the rows above the widest white gap (no text in any column) in the top quarter of the text.
    Read on its own, a header spanning the page is not cut in two by the body's gutter. On a single-column
    page the split changes nothing; where a sidebar starts at the top, the cut falls between blocks of both
    columns, never inside one.
    """
    if len(rows) < 6:
        return [], rows
    limit = rows[0].top + _HEADER_SHARE * (rows[-1].bottom - rows[0].top)
    best_gap, cut = _HEADER_GAP * unit, 0
    bottom = rows[0].bottom
    for i in range(1, len(rows)):
        if rows[i].top > limit:
            break
        gap = rows[i].top - bottom
        if gap > best_gap:
            best_gap, cut = gap, i
        bottom = max(bottom, rows[i].bottom)
    return rows[:cut], rows[cut:]


def _crosses(row: _Row, g0: float, g1: float) -> bool:
    return any(w.x1 >= g0 and w.x0 < g1 for w in row.words)


def _find_gutter(rows: list[_Row], unit: float) -> tuple[float, float] | None:
    """The best vertical strip that separates two columns in these rows, or None.

    Coverage is counted per 1-point bin: how many rows have a word over it. Each run of bins covered by at
    most a quarter of the rows is narrowed to its least-covered part; the valid candidate crossed by the fewest
    rows (then the widest) wins.
    """
    if len(rows) < 3:
        return None
    x_min = min(r.words[0].x0 for r in rows)
    x_max = max(r.x1 for r in rows)
    if x_max - x_min < 10 * unit:
        return None
    n_bins = int(x_max - x_min) + 2
    diff = [0] * (n_bins + 1)
    for r in rows:
        for x0, x1 in r.spans:
            diff[int(x0 - x_min)] += 1
            diff[int(x1 - x_min) + 1] -= 1
    # one character per bin, its code point the count (see _runs); "I" items are 4 bytes wherever CPython runs
    coverage = array("I", accumulate(diff[:n_bins])).tobytes().decode("utf-32-le", "surrogatepass")
    allowance = max(1, len(rows) // 4)
    min_width = max(_SPAN_GAP, _GUTTER_MIN_WIDTH * unit)
    best: tuple[int, float, float, float] | None = None  # (crossing rows, -width, g0, g1)
    for b0, b1 in _runs(coverage, allowance, 0, n_bins, min_width):
        strip = _narrow(coverage, b0, b1, min_width)
        if strip[0] == 0 or strip[1] >= n_bins - 1:
            continue
        g0, g1 = x_min + strip[0], x_min + strip[1]
        crossing = _valid_split(rows, g0, g1, allowance)
        if crossing is not None:
            candidate = (crossing, -(g1 - g0), g0, g1)
            if best is None or candidate < best:
                best = candidate
    return (best[2], best[3]) if best else None


def _runs(coverage: str, level: int, lo: int, hi: int, min_width: float = 1.0) -> list[tuple[int, int]]:
    """Maximal runs [b0, b1) of at least ``min_width`` bins in [lo, hi) whose coverage is at most ``level``.

    ``coverage`` holds one character per bin whose code point is the bin's count, so that a regular expression
    (a character range, up to ``level``) finds the runs at C speed.
    """
    pattern = _run_pattern(level, max(1, math.ceil(min_width)))
    return [(m.start(), m.end()) for m in pattern.finditer(coverage, lo, hi)]


@lru_cache(maxsize=256)
def _run_pattern(level: int, width: int) -> re.Pattern[str]:
    return re.compile(f"[\\x00-\\U{level:08x}]{{{width},}}")


def _narrow(coverage: str, b0: int, b1: int, min_width: float) -> tuple[int, int]:
    """The widest sub-run of [b0, b1) at the lowest coverage level that is still at least ``min_width`` wide."""
    for level in sorted(set(coverage[b0:b1])):
        runs = _runs(coverage, ord(level), b0, b1, min_width)
        if runs:
            return max(runs, key=lambda r: r[1] - r[0])
    return b0, b1


def _valid_split(rows: list[_Row], g0: float, g1: float, allowance: int) -> int | None:
    """How many rows cross the strip, when both sides hold real text side by side; else None.

    Rows may cross the strip above or below the columns (a header, a footer, a summary), not between them.

    A side needs two or more row segments with 12+ letters or digits, 3+ per segment on average (so a strip
    between bullets or list numbers and their text is no gutter). With only two segments on a side, the strip
    must be wide (a name beside a contact block), not a gap in a contact line.
    """
    crossing_rows: list[_Row] = []
    left_alnum = right_alnum = left_segments = right_segments = 0
    left_top = right_top = float("inf")
    left_bottom = right_bottom = float("-inf")
    for r in rows:
        has_left = has_right = False
        for w in r.words:
            if w.x1 < g0:
                left_alnum += w.alnum
                has_left = True
            elif w.x0 >= g1:
                right_alnum += w.alnum
                has_right = True
            else:
                crossing_rows.append(r)
                break
        else:
            if has_left:
                left_segments += 1
                left_top = min(left_top, r.top)
                left_bottom = max(left_bottom, r.bottom)
            if has_right:
                right_segments += 1
                right_top = min(right_top, r.top)
                right_bottom = max(right_bottom, r.bottom)
            continue
        if len(crossing_rows) > allowance:
            return None
    wide = g1 - g0 >= _WIDE_GUTTER * (rows[0].bottom - rows[0].top)
    for alnum, segments in ((left_alnum, left_segments), (right_alnum, right_segments)):
        if segments < 2 or (segments < 3 and not wide):
            return None
        if alnum < _MIN_SIDE_ALNUM or alnum / segments < _MIN_MEAN_SEGMENT_ALNUM:
            return None
    overlap_top, overlap_bottom = max(left_top, right_top), min(left_bottom, right_bottom)
    shorter = min(left_bottom - left_top, right_bottom - right_top)
    if overlap_bottom - overlap_top <= 0.3 * shorter:
        return None
    # Full-width lines between the two sides' lines (bullets under right-aligned dates) mean one column.
    interior = sum(1 for r in crossing_rows if r.top > overlap_top and r.bottom < overlap_bottom)
    if interior > _MAX_INTERIOR_CROSSING:
        return None
    return len(crossing_rows)


def _order(rows: list[_Row], column: int, depth: int, state: _State) -> list[LaidLine]:
    gutter = _find_gutter(rows, state.unit) if depth < _MAX_DEPTH else None
    if gutter is None:
        return [line for r in rows for line in _row_lines(r.words, column, state.unit)]
    g0, g1 = gutter
    out: list[LaidLine] = []
    band: list[_Row] = []
    for r in rows:
        if _crosses(r, g0, g1):
            out.extend(_order_band(band, g0, g1, column, depth, state))
            band = []
            out.extend(_row_lines(r.words, column, state.unit))
        else:
            band.append(r)
    out.extend(_order_band(band, g0, g1, column, depth, state))
    return out


def _order_band(rows: list[_Row], g0: float, g1: float, column: int, depth: int, state: _State) -> list[LaidLine]:
    """Read a band that no row crosses: its left side and right side, joined (see module docstring)."""
    if not rows:
        return []
    left_rows: list[_Row] = []
    right_rows: list[_Row] = []
    for r in rows:
        left = [w for w in r.words if w.x1 < g0]
        right = [w for w in r.words if w.x0 >= g1]
        if left:
            left_rows.append(_make_row(left))
        if right:
            right_rows.append(_make_row(right))
    if not left_rows or not right_rows:
        return _order(left_rows or right_rows, column, depth + 1, state)
    if (len(left_rows) < 2 and len(right_rows) < 2) or _table_like(left_rows, right_rows, state.unit):
        # one row beside one row, or label/value rows ("Languages   Python, Go"): read row by row
        return [line for r in rows for line in _row_lines(r.words, column, state.unit)]
    left_col, right_col = (1, 2) if column == 0 else (column, column)
    left_lines = _order(left_rows, left_col, depth + 1, state)
    right_lines = _order(right_rows, right_col, depth + 1, state)
    lines, columns = _join_sides(left_lines, right_lines, state.unit)
    if columns:
        state.split = True
    else:
        for ln in lines:
            ln.column = column
    return lines


def _table_like(left: list[_Row], right: list[_Row], unit: float) -> bool:
    """The two sides are rows of one table: nearly every row on each side shares its baseline with a row on the
    other side, and neither side is running text (a line going on in lower case on the next row)."""
    pairs: list[tuple[int, int]] = []
    i = j = 0
    tolerance = _ROW_TOLERANCE * unit
    while i < len(left) and j < len(right):
        delta = left[i].baseline - right[j].baseline
        if abs(delta) <= tolerance:
            pairs.append((i, j))
            i += 1
            j += 1
        elif delta < 0:
            i += 1
        else:
            j += 1
    if len(pairs) < 3 or len(pairs) < _TABLE_PAIRED * max(len(left), len(right)):
        return False
    for (i0, j0), (i1, j1) in pairwise(pairs):
        if i1 == i0 + 1 and _runs_on(left[i0], left[i1]):
            return False
        if j1 == j0 + 1 and _runs_on(right[j0], right[j1]):
            return False
    return True


def _runs_on(row: _Row, nxt: _Row) -> bool:
    """``nxt`` continues the sentence of ``row``: no closing punctuation, then a lower-case start."""
    return nxt.words[0].text[:1].islower() and not row.words[-1].text.endswith((".", ":", ";", "!", "?"))


def _join_sides(left: list[LaidLine], right: list[LaidLine], unit: float) -> tuple[list[LaidLine], bool]:
    """Join the two sides' lines; say whether they are real columns.

    Single-line notes beside main lines (right-aligned or moderncv-style dates) read the same as rows: they
    are not counted as columns; stacked notes ("2021 –" over "Present") and sidebars are.
    """
    left_alnum = sum(w.alnum for ln in left for w in ln.words)
    right_alnum = sum(w.alnum for ln in right for w in ln.words)
    narrow_is_left = left_alnum <= right_alnum
    narrow, main = (left, right) if narrow_is_left else (right, left)
    if min(left_alnum, right_alnum) <= 0.6 * max(left_alnum, right_alnum):
        anchored = _annotation_anchors(narrow, main, unit)
        if anchored is not None:
            stacked = any(len(block) > 1 for block, _ in anchored)
            return _interleave(narrow, main, anchored, unit, before=narrow_is_left), stacked
    return left + right, True


def _blocks(lines: list[LaidLine], unit: float) -> list[list[LaidLine]]:
    """Consecutive lines with no paragraph gap between them."""
    blocks: list[list[LaidLine]] = []
    for ln in lines:
        if blocks:
            prev = blocks[-1][-1]
            gap = ln.top - prev.bottom
            if ln.top >= prev.top and gap <= 0.5 * max(unit, min(prev.height, ln.height)):
                blocks[-1].append(ln)
                continue
        blocks.append([ln])
    return blocks


def _annotation_anchors(
    narrow: list[LaidLine], main: list[LaidLine], unit: float
) -> list[tuple[list[LaidLine], int | None]] | None:
    """When ``narrow`` is short blocks, mostly beside a line of ``main`` (or just a few blocks of text the size of
    main's): each block with the index of the main line it sits beside, if any."""
    blocks = _blocks(narrow, unit)
    if not blocks or max(len(b) for b in blocks) > _MAX_ANNOTATION_BLOCK:
        return None
    main_height = median(ln.height for ln in main)
    result: list[tuple[list[LaidLine], int | None]] = []
    hits = 0
    for block in blocks:
        anchor = _anchor(block[0], main)
        if anchor is None and not _similar_size(block[0].height, main_height):
            return None  # a big name beside a contact block: not a note on it
        hits += anchor is not None
        result.append((block, anchor))
    if hits < _MIN_ANCHORED * len(blocks) and len(blocks) > _FEW_BLOCKS:
        return None
    return result


def _similar_size(a: float, b: float) -> bool:
    return _SIZE_RATIO[0] * b <= a <= _SIZE_RATIO[1] * b


def _anchor(first: LaidLine, main: list[LaidLine]) -> int | None:
    """The main line that ``first`` sits beside: most vertical overlap (half a line or more), similar size."""
    best: int | None = None
    best_overlap = 0.0
    for i, ln in enumerate(main):
        if ln.bottom <= first.top or ln.top >= first.bottom:
            continue
        overlap = min(ln.bottom, first.bottom) - max(ln.top, first.top)
        if (
            overlap > best_overlap
            and overlap >= 0.5 * min(ln.height, first.height)
            and _similar_size(ln.height, first.height)
        ):
            best, best_overlap = i, overlap
    return best


def _interleave(
    narrow: list[LaidLine],
    main: list[LaidLine],
    anchored: list[tuple[list[LaidLine], int | None]],
    unit: float,
    *,
    before: bool,
) -> list[LaidLine]:
    """Main lines in order, each narrow block beside its anchor; a block without one goes before the first
    paragraph of ``main`` that starts below it (never inside a paragraph), or at the end.

    A note and the line it annotates stay in one paragraph: the paragraph break that preceded the main line
    precedes the note placed before it, and no break separates a line from the note placed after it.
    """
    breaks = [i == 0 or _paragraph_between(main[i - 1], ln) for i, ln in enumerate(main)]
    starts = [i for i, brk in enumerate(breaks) if brk]
    placed_before: dict[int, list[list[LaidLine]]] = {}
    placed_after: dict[int, list[list[LaidLine]]] = {}
    tail: list[list[LaidLine]] = []
    for block, anchor in anchored:
        if anchor is None:
            below = [i for i in starts if main[i].top > block[0].top]
            if below:
                placed_before.setdefault(below[0], []).append(block)
            else:
                tail.append(block)
        elif before:
            placed_before.setdefault(anchor, []).append(block)
        else:
            placed_after.setdefault(anchor, []).append(block)
    out: list[LaidLine] = []
    for i, ln in enumerate(main):
        brk = breaks[i]
        for block in placed_before.get(i, ()):
            _fix(block, brk)
            out.extend(block)
            brk = False
        ln.paragraph_before, ln.fixed = brk, True
        out.append(ln)
        for block in placed_after.get(i, ()):
            _fix(block, False)
            out.extend(block)
    for block in tail:
        _fix(block, True)
        out.extend(block)
    if out:
        out[0].fixed = False  # its break depends on what comes before this band
    return out


def _fix(block: list[LaidLine], first_break: bool) -> None:
    for k, ln in enumerate(block):
        ln.paragraph_before = first_break if k == 0 else False
        ln.fixed = True


def _is_marker(text: str) -> bool:
    """A bullet, dash or separator glyph: no letters or digits, at most two characters."""
    return len(text) <= 2 and not any(ch.isalnum() for ch in text)


def _row_lines(words: list[Word], column: int, unit: float) -> list[LaidLine]:
    """Split a row at wide gaps (right-aligned dates, tab stops) into lines, keeping bullets with their text."""
    lines: list[LaidLine] = []
    current: list[Word] = [words[0]]
    prev = words[0]
    least = _LINE_SPLIT_GAP * unit  # the split gap is never narrower than this
    for w in words[1:]:
        gap = w.x0 - prev.x1
        if gap > least:
            height = min(prev.height, w.height)
            if height < unit:
                height = unit
            if gap > _LINE_SPLIT_GAP * height and not _is_marker(prev.text):
                lines.append(LaidLine(current, column))
                current = []
        current.append(w)
        prev = w
    lines.append(LaidLine(current, column))
    return lines


def _paragraph_between(prev: LaidLine, ln: LaidLine) -> bool:
    """White space above ``ln`` (more than a normal line gap), or a jump back up the page."""
    height = max(1.0, min(prev.height, ln.height))
    return ln.top < prev.top - 0.5 * height or ln.top - prev.bottom > _PARAGRAPH_GAP * height


def _mark_paragraphs(lines: list[LaidLine]) -> None:
    for prev, ln in pairwise(lines):
        if not ln.fixed:
            ln.paragraph_before = ln.column != prev.column or _paragraph_between(prev, ln)
