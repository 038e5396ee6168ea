"""Build the parser test fixtures: small PDFs, DOCX files and malformed inputs, as bytes.

The tests call these builders directly, so no binary fixture is committed. To look at the files (open them in
a viewer, feed them to another tool), write them out::

    python -m scripts.make_fixtures /tmp/tailor-fixtures

PDFs are written by a tiny writer here (standard Helvetica, WinAnsi text, exact positions), DOCX files with
python-docx plus raw WordprocessingML for what python-docx cannot write (text boxes with Word's fallback copy,
content controls, tracked deletions).
"""

from __future__ import annotations

import copy
import io
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ICC_QUOTE",
    "ICON_FONT",
    "TEXT_FONT_NO_UNICODE",
    "Shape",
    "Text",
    "date_gutter_pdf",
    "docx_with_everything",
    "encrypted_ooxml",
    "encrypted_pdf",
    "icc_colour_pdf",
    "image_only_pdf",
    "legacy_doc",
    "many_entries_docx",
    "many_pages_pdf",
    "minimal_docx",
    "pdf_bytes",
    "png_bytes",
    "random_bytes",
    "sidebar_pdf",
    "table_layout_docx",
    "zip_bomb_docx",
]

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0


# --- PDF -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A line of text placed on a page: ``x`` from the left edge, ``y`` of the baseline from the top edge."""

    x: float
    y: float
    text: str
    size: float = 10.0
    bold: bool = False
    scaled: bool = False  # drawn as "1 Tf" with the size in the text matrix, as Word for Mac does
    font: str | None = None  # another font: ICON_FONT (glyph names without Unicode) or TEXT_FONT_NO_UNICODE


@dataclass(frozen=True)
class Shape:
    """A path drawn on a page: a circle (as Chromium draws list bullets) or a rectangle; ``x``/``y`` are its top
    left corner, ``y`` from the top edge."""

    x: float
    y: float
    width: float
    height: float
    fill: bool = True
    stroke: bool = False
    circle: bool = False


# Simple fonts whose /Differences name glyphs that have no Unicode value, as TeX embeds FontAwesome: PDFium
# falls back to the character code ("A"), which is what shows up as stray letters in the text.
ICON_FONT = "FontAwesome5Brands-Regular"
TEXT_FONT_NO_UNICODE = "CustomSerif-Regular"
_EXTRA_FONTS = {ICON_FONT: b"/F3", TEXT_FONT_NO_UNICODE: b"/F4"}
_ODD_GLYPH_NAMES = b"[65 /github /linkedin /envelope /phone]"


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _shape_ops(shape: Shape) -> bytes:
    x, y, w, h = shape.x, PAGE_HEIGHT - shape.y - shape.height, shape.width, shape.height
    if shape.circle:  # four Bézier quarters
        k = 0.5523
        cx, cy, rx, ry = x + w / 2, y + h / 2, w / 2, h / 2
        path = b"%.2f %.2f m " % (cx + rx, cy)
        for (x1, y1), (x2, y2), (x3, y3) in (
            ((cx + rx, cy + k * ry), (cx + k * rx, cy + ry), (cx, cy + ry)),
            ((cx - k * rx, cy + ry), (cx - rx, cy + k * ry), (cx - rx, cy)),
            ((cx - rx, cy - k * ry), (cx - k * rx, cy - ry), (cx, cy - ry)),
            ((cx + k * rx, cy - ry), (cx + rx, cy - k * ry), (cx + rx, cy)),
        ):
            path += b"%.2f %.2f %.2f %.2f %.2f %.2f c " % (x1, y1, x2, y2, x3, y3)
        path += b"h"
    else:
        path = b"%.2f %.2f %.2f %.2f re" % (x, y, w, h)
    paint = b"B" if shape.fill and shape.stroke else b"f" if shape.fill else b"S"
    return b"q 0 0 0 rg 0 0 0 RG 0.5 w %s %s Q" % (path, paint)


def _content(items: Sequence[Text | Shape]) -> bytes:
    ops = []
    for item in items:
        if isinstance(item, Shape):
            ops.append(_shape_ops(item))
            continue
        font = _EXTRA_FONTS[item.font] if item.font else b"/F2" if item.bold else b"/F1"
        y = PAGE_HEIGHT - item.y
        size, scale = (1.0, item.size) if item.scaled else (item.size, 1.0)
        ops.append(
            b"BT %s %.2f Tf %.2f 0 0 %.2f %.2f %.2f Tm %s Tj ET"
            % (font, size, scale, scale, item.x, y, _pdf_string(item.text))
        )
    return b"\n".join(ops)


def _assemble(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """Number the objects 1..n, write the xref table and trailer (object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf_bytes(pages: Sequence[Sequence[Text | Shape]], *, producer: str | None = None, rotate: int = 0) -> bytes:
    """A PDF with one page per item of ``pages``, each showing its texts in Helvetica (bold: Helvetica-Bold, or
    one of the fonts without Unicode values) and its shapes, with a document information ``/Producer`` when
    given, pages turned by ``rotate`` degrees."""
    n = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 bold font, 5 icon font, 6 text font without Unicode, then (page, contents)
    kids = b" ".join(b"%d 0 R" % (7 + 2 * i) for i in range(n))
    odd_encoding = b"<< /Type /Encoding /Differences %s >>" % _ODD_GLYPH_NAMES
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding %s >>" % (ICON_FONT.encode(), odd_encoding),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding %s >>" % (TEXT_FONT_NO_UNICODE.encode(), odd_encoding),
    ]
    fonts = b"/F1 3 0 R /F2 4 0 R /F3 5 0 R /F4 6 0 R"
    for i, items in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << %s >> >>"
            b" /Rotate %d /Contents %d 0 R >>" % (PAGE_WIDTH, PAGE_HEIGHT, fonts, rotate, 8 + 2 * i)
        )
        objects.append(_stream(_content(items)))
    if producer is None:
        return _assemble(objects)
    objects.append(b"<< /Producer %s >>" % _pdf_string(producer))
    return _assemble(objects, b"/Info %d 0 R " % len(objects))


def encrypted_pdf() -> bytes:
    """A PDF under the standard security handler whose user password is not empty: it needs a password."""
    rng = random.Random(7)
    owner, user = rng.randbytes(32).hex().encode(), rng.randbytes(32).hex().encode()
    base = pdf_bytes([[Text(72, 72, "Secret resume")]])
    body, _, _ = base.rpartition(b"xref\n")
    encrypt_number = base.count(b" 0 obj\n") + 1
    objects_end = len(body)
    encrypt = b"%d 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>\nendobj\n" % (
        encrypt_number,
        owner,
        user,
    )
    out = bytearray(body + encrypt)
    offsets = [int(m) for m in _object_offsets(base)] + [objects_end]
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    file_id = rng.randbytes(16).hex().encode()
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        encrypt_number,
        file_id,
        file_id,
        xref,
    )
    return bytes(out)


def _object_offsets(pdf: bytes) -> list[int]:
    offsets: list[int] = []
    number = 1
    while True:
        at = pdf.find(b"\n%d 0 obj\n" % number)
        if at < 0:
            return offsets
        offsets.append(at + 1)
        number += 1


def image_only_pdf() -> bytes:
    """A one-page PDF that only draws an image (a scan has no text layer)."""
    pixels = bytes((x * 37 + y * 11) % 256 for y in range(16) for x in range(16))
    image = _stream(
        zlib.compress(pixels),
        b"/Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8"
        b" /Filter /FlateDecode ",
    )
    content = _stream(b"q 400 0 0 500 100 150 cm /Im0 Do Q")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im0 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        image,
        content,
    ]
    return _assemble(objects)


ICC_QUOTE = "The array [/ICCBased 7 0 R] quoted in a line of text"


def icc_colour_pdf() -> bytes:
    """A page whose text is coloured in two ICC-based colour spaces, one an object of its own (as Typst and macOS
    Quartz write it, here after its profile) and one written into the page's resources (before it), and whose
    last line quotes such an array."""
    profile = _stream(bytes(range(256)) * 2, b"/N 3 /Alternate /DeviceRGB ")
    content = _stream(
        b"/CS0 cs 0.1 0.3 0.5 sc BT /F1 10 Tf 72 700 Td (Coloured in a profile of its own) Tj ET\n"
        b"/CS1 cs 0.6 0.2 0.1 sc BT /F1 10 Tf 72 680 Td (Coloured in a profile named in the resources) Tj ET\n"
        b"0 g BT /F1 10 Tf 72 660 Td %s Tj ET" % _pdf_string(ICC_QUOTE)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >>"
        b" /ColorSpace << /CS0 7 0 R /CS1 [/ICCBased 6 0 R] >> >> >>",
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        profile,
        b"[/ICCBased 6 0 R]",
    ]
    return _assemble(objects)


def many_pages_pdf(count: int) -> bytes:
    return pdf_bytes([[Text(72, 72, f"Page {i + 1} of a long document")] for i in range(count)])


SIDEBAR_SKILLS = ("Python", "Go", "Kubernetes", "PostgreSQL", "Terraform", "GraphQL", "Kafka", "Redis")
MAIN_SENTENCES = (
    "Designed and built a payment reconciliation service that processes",
    "two million ledger entries every night across four regions.",
    "Led the migration from a monolith to event-driven services and",
    "cut the median checkout latency from 900 ms to 240 ms.",
    "Mentored five engineers and introduced design reviews that",
    "reduced production incidents by a third over two quarters.",
    "Built the internal deployment tool used by forty teams daily.",
    "Wrote the on-call handbook and the incident review template.",
)


def sidebar_pdf() -> bytes:
    """A resume with a full-width header, a main column on the left and a skills sidebar on the right.

    Sidebar lines sit at the same heights as main lines (the hard case for row-by-row readers).
    """
    items = [
        Text(200, 60, "JORDAN EXAMPLE", size=22, bold=True),
        Text(72, 90, "jordan@example.com | +1 555 0100 | Springfield | github.com/jordan-example", size=9),
        Text(72, 130, "EXPERIENCE", size=12, bold=True),
        Text(400, 130, "SKILLS", size=12, bold=True),
        Text(72, 150, "Senior Engineer, Example Corp", size=10, bold=True),
    ]
    y = 166.0
    for i, sentence in enumerate(MAIN_SENTENCES):
        items.append(Text(72, y, sentence, size=9))
        if i < len(SIDEBAR_SKILLS):
            items.append(Text(400, y, SIDEBAR_SKILLS[i], size=9))
        y += 13
    items.append(Text(400, y + 20, "LANGUAGES", size=12, bold=True))
    items.append(Text(400, y + 36, "English, Spanish", size=9))
    items.append(Text(72, y + 20, "EDUCATION", size=12, bold=True))
    items.append(Text(72, y + 36, "BSc Computer Science, State University, 2015", size=9))
    return pdf_bytes([items])


def date_gutter_pdf() -> bytes:
    """A moderncv-style resume: dates in a narrow left column, two lines each, beside roles on the right."""
    items = [Text(72, 60, "Casey Example", size=20), Text(150, 110, "Experience", size=13)]
    rows = [
        ("2021 \u2013", "Present", "Staff Engineer, Acme Robotics, Boston", "Leads the perception team of nine."),
        ("2017 \u2013", "2021", "Software Engineer, Beta Labs, Denver", "Built the sensor fusion pipeline in C++."),
        ("2015 \u2013", "2017", "Junior Developer, Gamma Soft, Austin", "Maintained the billing system in Java."),
    ]
    y = 135.0
    for start, end, role, detail in rows:
        items += [
            Text(90, y, start),
            Text(90, y + 13, end),
            Text(150, y, role, bold=True),
            Text(150, y + 13, detail),
            Text(150, y + 26, "Reviewed designs, mentored new hires and ran the weekly planning."),
        ]
        y += 52
    return pdf_bytes([items])


# --- DOCX ----------------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _xml(fragment: str) -> object:
    from lxml import etree

    wrapped = etree.fromstring(f"<root {_NS}>{fragment}</root>")
    return copy.deepcopy(wrapped[0])


def _text_box_run(text: str) -> str:
    """A run holding a text box the way Word writes it: a DrawingML shape and a VML fallback copy."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        "</mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def _save(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def minimal_docx(paragraphs: Sequence[str] = ("Alex Example", "Software engineer")) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return _save(document)


TABLE_LEFT = ("Alex Example", "alex@example.com", "Skills", "Python", "SQL", "Airflow")
TABLE_RIGHT_ROLE = "Data Engineer, Example Analytics, 2019 - Present"
TABLE_RIGHT_BULLETS = (
    "Built the nightly ELT pipeline that loads 40 million rows.",
    "Cut warehouse costs by 30% by partitioning the largest tables.",
)
NESTED_CELLS = ("Certified Data Engineer", "2022")


def table_layout_docx() -> bytes:
    """A resume laid out in a two-column table (sidebar cell, main cell), a nested table and merged cells.

    Only the merged title row is outside the table's cells in python-docx's ``paragraphs``: nearly all the
    text is invisible to ``Document.paragraphs``.
    """
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    title = table.cell(0, 0).merge(table.cell(0, 1))  # horizontally merged title row
    title.text = "CURRICULUM VITAE"
    left = table.cell(1, 0)
    left.text = TABLE_LEFT[0]
    for text in TABLE_LEFT[1:]:
        left.add_paragraph(text)
    right = table.cell(1, 1)
    right.text = TABLE_RIGHT_ROLE
    for text in TABLE_RIGHT_BULLETS:
        right.add_paragraph(text, style="List Bullet")
    nested = right.add_table(rows=1, cols=2)
    nested.cell(0, 0).text, nested.cell(0, 1).text = NESTED_CELLS
    merged = table.cell(1, 0).merge(table.cell(2, 0))  # vertically merged sidebar
    del merged
    table.cell(2, 1).text = "References available on request."
    return _save(document)


def docx_with_everything() -> bytes:
    """Header, footer, body paragraphs, a text box (with Word's fallback copy), a content control, a tracked
    deletion, a soft line break, a tab, numbered and bulleted paragraphs."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Alex Example - Resume"
    section.footer.paragraphs[0].text = "alex@example.com - page 1"
    document.add_heading("Summary", level=1)
    p = document.add_paragraph("Backend engineer")
    run = p.add_run()
    run.add_break()  # soft line break: a new line in the same paragraph
    p.add_run("Python\tGo")
    anchor = document.add_paragraph("Contact:")
    anchor._p.append(_xml(_text_box_run("Text box phone 555 0100")))
    body = document.element.body
    sdt = _xml(
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Inside a content control</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    body.insert(len(body) - 1, sdt)
    tracked = document.add_paragraph("Kept text")
    tracked._p.append(_xml("<w:del><w:r><w:delText> deleted words</w:delText></w:r></w:del>"))
    document.add_paragraph("First bullet", style="List Bullet")
    document.add_paragraph("Second bullet", style="List Bullet")
    document.add_paragraph("\u2022 Typed bullet")
    return _save(document)


def _zip(entries: Sequence[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buffer.getvalue()


def _docx_entries() -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(minimal_docx())) as zf:
        return [(i.filename, zf.read(i.filename)) for i in zf.infolist()]


def zip_bomb_docx(uncompressed: int = 60 * 1024 * 1024) -> bytes:
    """A DOCX carrying one highly compressible entry of ``uncompressed`` zero bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in _docx_entries():
            zf.writestr(name, data)
        with zf.open("word/media/padding.bin", "w", force_zip64=True) as handle:
            chunk = bytes(1024 * 1024)
            for _ in range(uncompressed // len(chunk)):
                handle.write(chunk)
    return buffer.getvalue()


def many_entries_docx(count: int = 2100) -> bytes:
    return _zip(_docx_entries() + [(f"word/media/e{i}.txt", b"x") for i in range(count)])


# --- other formats and junk ----------------------------------------------------------------------------


def _cfb(names: Sequence[str]) -> bytes:
    """A compound-file (OLE2) header and a directory sector naming the given streams."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[24:26] = struct.pack("<H", 0x3E)
    header[26:28] = struct.pack("<H", 3)
    header[28:30] = b"\xfe\xff"
    header[30:32] = struct.pack("<H", 9)
    header[32:34] = struct.pack("<H", 6)
    directory = bytearray()
    for name in ("Root Entry", *names):
        entry = bytearray(128)
        encoded = (name + "\x00").encode("utf-16-le")
        entry[0 : len(encoded)] = encoded
        entry[64:66] = struct.pack("<H", len(encoded))
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    directory += bytes(512 - len(directory) % 512)
    return bytes(header) + bytes(directory)


def encrypted_ooxml() -> bytes:
    """What Word writes for a password-protected .docx: an OLE2 container with EncryptionInfo and
    EncryptedPackage streams."""
    return _cfb(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"])


def legacy_doc() -> bytes:
    """A Word 97-2003 .doc: an OLE2 container with a WordDocument stream."""
    return _cfb(["WordDocument", "1Table", "\x05SummaryInformation"])


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(4) for _ in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def random_bytes(size: int = 4096, seed: int = 0) -> bytes:
    return random.Random(seed).randbytes(size)


FIXTURES: dict[str, Callable[[], bytes]] = {
    "sidebar.pdf": sidebar_pdf,
    "date_gutter.pdf": date_gutter_pdf,
    "encrypted.pdf": encrypted_pdf,
    "image_only.pdf": image_only_pdf,
    "icc_colour.pdf": icc_colour_pdf,
    "too_many_pages.pdf": lambda: many_pages_pdf(25),
    "table_layout.docx": table_layout_docx,
    "everything.docx": docx_with_everything,
    "zip_bomb.docx": zip_bomb_docx,
    "many_entries.docx": many_entries_docx,
    "encrypted.docx": encrypted_ooxml,
    "legacy.doc": legacy_doc,
    "image.png": png_bytes,
    "random.pdf": random_bytes,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m scripts.make_fixtures OUTPUT_DIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    for name, build in FIXTURES.items():
        data = build()
        (out / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
