"""List bullets drawn as shapes: small filled paths just left of a line's first word.

Chromium, and so every HTML-to-PDF resume builder, draws ``<li>`` bullets as filled circles (or squares), not
as glyphs, so the text has no marker at all. A bullet here is a path that is

* filled and not stroked (outlined icons are stroked; filled icons are as tall as the text),
* small and roughly square: at least a tenth and at most 0.6 of the line's height, sides within a 1:1.7
  ratio (a background band or a rule is neither),
* vertically centred within the line's box, and
* left of the line's first word by at most twice the line's height, with no other line in between.

Reading the page's objects costs about 0.5 µs each through ``parsers.pdfium_calls`` (most are text objects:
Chromium writes one per glyph run, up to 3,000 a page), so a page is only scanned when no line starts with a
bullet glyph (producers draw all their bullets one way) and a line is indented relative to the row above it:
the first item of a drawn list always is (the line above it is a heading or a role title).
"""

from __future__ import annotations

import ctypes
from array import array
from collections.abc import Sequence
from itertools import compress, repeat

import pypdfium2.raw as pdfium_c

from parsers.layout import LaidLine
from parsers.pdfium_calls import COUNT_OBJECTS, GET_OBJECT, OBJECT_BOUNDS, OBJECT_TYPE, PATH_DRAW_MODE, address
from parsers.text import BULLET_RE

__all__ = ["drawn_bullets", "may_have_drawn_bullets"]

_MIN_SIZE, _MAX_SIZE = 0.1, 0.6  # of the line's height
_MAX_ASPECT = 1.7
_MAX_GAP = 2.0  # of the line's height, between the shape's right edge and the line
_MIN_INDENT = 4.0  # points: a line this far right of the line before it is indented


def may_have_drawn_bullets(lines: Sequence[LaidLine]) -> bool:
    """Whether a line is indented relative to the leftmost line of the row above it in the same column,
    neither starting with a marker glyph (see the module docstring): the cheap test that decides whether to
    scan the page. Lines that overlap vertically, in one column, are one row. A page whose lists have bullet
    glyphs is not scanned: producers draw all their bullets one way."""
    if any(map(_starts_with_marker, lines)):
        return False
    above: LaidLine | None = None  # the leftmost line of the previous row
    row: LaidLine | None = None  # the leftmost line of the current row
    for ln in lines:
        if row is not None and ln.column == row.column and ln.top < row.bottom and ln.bottom > row.top:
            if ln.x0 < row.x0:
                row = ln
            continue
        above = row if row is not None and row.column == ln.column and row.bottom <= ln.top + 1 else None
        row = ln
        if (
            above is not None
            and ln.x0 >= above.x0 + _MIN_INDENT
            and not _starts_with_marker(ln)
            and not _starts_with_marker(above)
        ):
            return True
    return False


def _starts_with_marker(line: LaidLine) -> bool:
    return bool(BULLET_RE.match(line.words[0].text))


def drawn_bullets(page: int, page_height: float, lines: Sequence[LaidLine]) -> frozenset[int]:
    """Indexes of the ``lines`` that a drawn bullet precedes. ``page`` is a raw FPDF_PAGE address."""
    shapes = _small_filled_paths(page, page_height)
    if not shapes:
        return frozenset()
    found: set[int] = set()
    for left, top, right, bottom in shapes:
        centre = (top + bottom) / 2
        width, height = right - left, bottom - top
        best: int | None = None
        for i, ln in enumerate(lines):
            if not ln.top <= centre <= ln.bottom or ln.x0 < right:
                continue
            size = max(width, height)
            if not _MIN_SIZE * ln.height <= size <= _MAX_SIZE * ln.height:
                continue
            if ln.x0 - right > _MAX_GAP * ln.height:
                continue
            if best is None or ln.x0 < lines[best].x0:
                best = i
        if best is not None and not _anything_between(lines, lines[best], right, centre):
            found.add(best)
    return frozenset(found)


def _anything_between(lines: Sequence[LaidLine], target: LaidLine, right: float, centre: float) -> bool:
    """Another line on the same row ends between the shape and ``target``."""
    return any(
        ln is not target and ln.top <= centre <= ln.bottom and right < ln.x1 and ln.x0 < target.x0 for ln in lines
    )


def _small_filled_paths(page: int, page_height: float) -> list[tuple[float, float, float, float]]:
    """Boxes (left, top, right, bottom; from the page's top edge) of filled, unstroked, small square-ish paths."""
    count = COUNT_OBJECTS(page)
    if count <= 0:
        return []
    objects = list(map(GET_OBJECT, repeat(page, count), range(count)))
    is_path = map(pdfium_c.FPDF_PAGEOBJ_PATH.__eq__, map(OBJECT_TYPE, objects))
    bounds = array("f", bytes(16))
    left_at = address(bounds)
    bottom_at, right_at, top_at = left_at + 4, left_at + 8, left_at + 12
    fill, stroke = ctypes.c_int(0), ctypes.c_int(0)
    fill_at, stroke_at = ctypes.addressof(fill), ctypes.addressof(stroke)
    shapes: list[tuple[float, float, float, float]] = []
    for obj in compress(objects, is_path):
        if not OBJECT_BOUNDS(obj, left_at, bottom_at, right_at, top_at):
            continue
        left, bottom, right, top = bounds
        width, height = right - left, top - bottom
        if not (0 < width <= 12 and 0 < height <= 12) or max(width, height) > _MAX_ASPECT * min(width, height):
            continue
        if not PATH_DRAW_MODE(obj, fill_at, stroke_at) or not fill.value or stroke.value:
            continue
        shapes.append((left, page_height - top, right, page_height - bottom))
    return shapes
