"""Build ``Document`` objects with a layout (as the PDF reader gives) for structure tests."""

from __future__ import annotations

from typing import Any

from parsers.models import Document, Line


def laid_out(rows: list[tuple[str, dict[str, Any]]], *, columns: int = 1) -> Document:
    """One line per row, ``text`` joined by newlines; each row's dict sets Line fields (x0, top, font_size...).

    Rows without ``top`` are stacked 12 points apart; without ``font_size`` they are 10 pt, not bold.
    """
    text = "\n".join(r[0] for r in rows)
    lines: list[Line] = []
    pos = 0
    for n, (row, attrs) in enumerate(rows):
        fields: dict[str, Any] = {"x0": 50.0, "top": 50.0 + 12 * n, "font_size": 10.0, "bold": False}
        fields.update(attrs)
        fields.setdefault("bottom", fields["top"] + fields["font_size"])
        fields.setdefault("x1", fields["x0"] + 5.0 * len(row))
        if row.strip():
            lines.append(Line(text=row, start=pos, end=pos + len(row), **fields))
        pos += len(row) + 1
    return Document(text=text, format="pdf", lines=tuple(lines), columns=columns)
