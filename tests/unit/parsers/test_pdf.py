"""PDF reading: text, layout fields and reading order, on generated PDFs and on the real corpus.

Corpus checks avoid quoting resume text: expected content comes from the files themselves (RenderCV's YAML
sources, PDFium's own text for a page region) and structure (date ranges, hyphenated words).
"""

from __future__ import annotations

import ctypes
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from parsers.errors import TooManyPagesError
from parsers.models import Document
from parsers.pdf import _without_icc_profiles, parse_pdf
from scripts.make_fixtures import (
    ICC_QUOTE,
    ICON_FONT,
    MAIN_SENTENCES,
    SIDEBAR_SKILLS,
    TEXT_FONT_NO_UNICODE,
    Shape,
    Text,
    date_gutter_pdf,
    icc_colour_pdf,
    many_pages_pdf,
    pdf_bytes,
    sidebar_pdf,
)

DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data"
CORPUS = DATA / "corpus"
RESUME_PDFS = sorted((CORPUS / "resumes" / "pdf").glob("**/*.pdf"))
JOB_PDFS = sorted((CORPUS / "jobs" / "pdf").glob("*.pdf"))
RENDERCV = sorted((CORPUS / "resumes" / "pdf" / "rendercv").glob("*.yaml"))

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"real corpus not found at {CORPUS}")


def assert_offsets(doc: Document) -> None:
    for line in doc.lines:
        assert doc.text[line.start : line.end] == line.text


def line_texts(doc: Document) -> list[str]:
    return [ln.text for ln in doc.lines]


def contiguous(items: list[str], run: list[str] | tuple[str, ...]) -> bool:
    run = list(run)
    return any(items[i : i + len(run)] == run for i in range(len(items) - len(run) + 1))


def flat(text: str) -> str:
    """Letters and digits only, lower case: compares text across line breaks, spacing and hyphenation."""
    return re.sub(r"[^0-9a-z]+", "", text.lower())


# --- generated PDFs ------------------------------------------------------------------------------------


def test_sidebar_pdf_keeps_each_column_contiguous() -> None:
    doc = parse_pdf(sidebar_pdf())
    assert_offsets(doc)
    lines = line_texts(doc)
    assert lines[0] == "JORDAN EXAMPLE"
    assert contiguous(lines, MAIN_SENTENCES)
    assert contiguous(lines, SIDEBAR_SKILLS)
    assert doc.columns == 2
    skills = [ln for ln in doc.lines if ln.text in SIDEBAR_SKILLS]
    assert {ln.column for ln in skills} == {2}
    assert all(ln.x0 is not None and ln.x0 >= 399 for ln in skills)


def test_date_column_notes_stay_whole_next_to_their_roles() -> None:
    doc = parse_pdf(date_gutter_pdf())
    lines = line_texts(doc)
    assert contiguous(lines, ["2021 –", "Present", "Staff Engineer, Acme Robotics, Boston"])
    assert contiguous(lines, ["2017 –", "2021", "Software Engineer, Beta Labs, Denver"])
    # a date and its role are one paragraph: no blank line between them
    assert "2021 –\nPresent\nStaff Engineer" in doc.text


def test_layout_fields_come_from_the_page() -> None:
    doc = parse_pdf(
        pdf_bytes(
            [
                [Text(72, 100, "Heading In Bold", size=14, bold=True), Text(72, 130, "Plain body text", size=9)],
                [Text(300, 200, "Second page text")],
            ]
        )
    )
    heading, body, second = doc.lines
    assert (heading.bold, body.bold) == (True, False)
    assert heading.font_size == pytest.approx(14, abs=0.1)
    assert body.font_size == pytest.approx(9, abs=0.1)
    assert heading.x0 == pytest.approx(72, abs=1)
    assert heading.top is not None and heading.bottom is not None
    assert heading.top < 100 < heading.bottom  # the baseline lies inside the box
    assert (second.page, doc.page_count) == (2, 2)
    assert second.x0 == pytest.approx(300, abs=1)
    assert doc.format == "pdf"


def test_a_bullet_drawn_apart_in_another_size_stays_with_its_text() -> None:
    # Typst and LaTeX draw the bullet as its own glyph, often smaller; it shares the baseline, not the box
    items = [Text(72, 100, "\u2022", size=4), Text(80, 100, "Cut latency by 40%", size=14)]
    items += [Text(72, 120, "\u2022", size=4), Text(80, 120, "Led a team of five", size=14)]
    doc = parse_pdf(pdf_bytes([items]))
    assert [(ln.text, ln.list_item) for ln in doc.lines] == [("Cut latency by 40%", True), ("Led a team of five", True)]


def test_bullets_drawn_as_small_filled_shapes_make_list_items() -> None:
    # Chromium (and so every HTML-to-PDF resume builder) draws list bullets as filled circles, not glyphs
    items: list[Text | Shape] = [
        Text(72, 100, "Staff Engineer, Acme Robotics", bold=True),
        Shape(80, 111, 3, 3, circle=True),
        Text(90, 115, "Cut latency by 40%"),
        Shape(80, 125, 3, 3, circle=True),
        Text(90, 129, "Led a team of five engineers"),
        Text(90, 143, "across two sites"),
        Shape(80, 153, 3, 3),  # square bullets
        Text(90, 157, "Shipped the billing API"),
    ]
    doc = parse_pdf(pdf_bytes([items]))
    assert_offsets(doc)
    assert [(ln.text, ln.list_item) for ln in doc.lines] == [
        ("Staff Engineer, Acme Robotics", False),
        ("Cut latency by 40%", True),
        ("Led a team of five engineers", True),
        ("across two sites", False),
        ("Shipped the billing API", True),
    ]
    assert "• Cut latency by 40%" in doc.text  # a marker in the text, as for glyph bullets and Word lists


@pytest.mark.parametrize(
    "shape",
    [
        Shape(72, 106, 9, 9, fill=False, stroke=True),  # an outlined icon before a contact line
        Shape(72, 106, 9, 9),  # an icon-sized filled square, as big as the text
        Shape(20, 95, 40, 25),  # a coloured band behind a margin label
        Shape(40, 111, 3, 3, circle=True),  # a dot far from the text
        Shape(80, 118, 3, 3, circle=True),  # a dot beside the line below, on no line
    ],
    ids=["stroked-icon", "big-square", "band", "far-dot", "dot-below"],
)
def test_shapes_that_are_not_bullets_leave_lines_alone(shape: Shape) -> None:
    doc = parse_pdf(pdf_bytes([[shape, Text(90, 115, "jordan@example.com")]]))
    assert [(ln.text, ln.list_item) for ln in doc.lines] == [("jordan@example.com", False)]


def test_icon_glyphs_without_unicode_are_dropped() -> None:
    # moderncv draws FontAwesome icons through TeX: glyphs named "github" or "envelope" with no Unicode value,
    # which PDFium reads as their character codes ("A", "C")
    items = [
        Text(72, 100, "A ", font=ICON_FONT),
        Text(84, 100, "github.com/jordan"),
        Text(200, 100, "C ", font=ICON_FONT),
        Text(212, 100, "jordan@example.com"),
    ]
    doc = parse_pdf(pdf_bytes([items]))
    assert_offsets(doc)
    assert " ".join(line_texts(doc)) == "github.com/jordan jordan@example.com"


def test_characters_without_unicode_in_a_text_font_are_kept() -> None:
    # outside icon fonts the character code is the best reading there is
    doc = parse_pdf(pdf_bytes([[Text(72, 100, "AB CD efg", font=TEXT_FONT_NO_UNICODE)]]))
    assert line_texts(doc) == ["AB CD efg"]


def test_font_size_is_the_size_as_drawn_when_the_text_matrix_scales_it() -> None:
    doc = parse_pdf(pdf_bytes([[Text(72, 100, "Scaled twelve point text", size=12, scaled=True)]]))
    assert doc.lines[0].font_size == pytest.approx(12, abs=0.1)


def test_bullets_become_list_items_with_the_marker_outside_the_line() -> None:
    doc = parse_pdf(pdf_bytes([[Text(72, 100, "\u2022 Shipped the API"), Text(72, 114, "Not a list item")]]))
    item, plain = doc.lines
    assert (item.text, item.list_item) == ("Shipped the API", True)
    assert doc.text[: item.start].rstrip().endswith("•")
    assert plain.list_item is False


def test_lines_repeated_at_the_top_or_bottom_of_pages_are_headers_and_footers() -> None:
    pages = [
        [
            Text(72, 30, "Alex Example - Resume", size=8),
            Text(72, 200, f"Body text of page {n}"),
            Text(280, 770, f"Page {n} of 3", size=8),
        ]
        for n in (1, 2, 3)
    ]
    doc = parse_pdf(pdf_bytes(pages))
    sources = {(ln.page, ln.text): ln.source for ln in doc.lines}
    assert sources[(2, "Alex Example - Resume")] == "header"
    assert sources[(3, "Page 3 of 3")] == "footer"
    assert sources[(2, "Body text of page 2")] == "body"


def test_a_page_without_text_is_a_warning_when_others_have_text() -> None:
    doc = parse_pdf(pdf_bytes([[Text(72, 72, "Page one has text")], []]))
    assert doc.page_count == 2
    assert [ln.text for ln in doc.lines] == ["Page one has text"]
    assert any("Page 2" in w for w in doc.warnings)


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_rotated_pages_still_give_their_text(rotate: int) -> None:
    doc = parse_pdf(pdf_bytes([[Text(72, 100, "Turned page"), Text(72, 114, "second line")]], rotate=rotate))
    assert_offsets(doc)
    assert flat(doc.text) in (flat("Turned page second line"), flat("second line Turned page"))


def test_page_limit_is_checked_before_reading() -> None:
    data = many_pages_pdf(21)
    with pytest.raises(TooManyPagesError, match="21 pages"):
        parse_pdf(data, max_pages=20)
    assert parse_pdf(data, max_pages=21).page_count == 21


def _fill_colours(data: bytes) -> list[tuple[int, int, int, int]]:
    """The fill colour (RGBA) of each object on the first page, as PDFium reads it."""
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[0]
        colours = []
        for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            assert pdfium_c.FPDFPageObj_GetFillColor(pdfium_c.FPDFPage_GetObject(page.raw, i), r, g, b, a)
            colours.append((r.value, g.value, b.value, a.value))
        page.close()
        return colours
    finally:
        pdf.close()


def test_icc_colour_spaces_are_read_as_device_spaces_with_the_same_colours_and_text() -> None:
    data = icc_colour_pdf()
    rewritten = _without_icc_profiles(data)
    assert len(rewritten) == len(data)  # the cross-reference offsets stay right
    assert rewritten.count(b"[/DeviceRGB") == 2
    assert rewritten.count(b"/ICCBased") == 1  # the quoted array is text: left alone
    assert _fill_colours(rewritten) == _fill_colours(data)
    assert line_texts(parse_pdf(data))[-1] == ICC_QUOTE


def test_concurrent_parsing_gives_the_same_documents() -> None:
    inputs = [sidebar_pdf(), date_gutter_pdf(), many_pages_pdf(3)] * 4
    sequential = [parse_pdf(d) for d in inputs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        concurrent = list(pool.map(parse_pdf, inputs))
    assert concurrent == sequential


# --- real corpus ---------------------------------------------------------------------------------------


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("path", RESUME_PDFS + JOB_PDFS, ids=lambda p: p.name)
def test_every_corpus_pdf_parses_with_consistent_lines(path: Path) -> None:
    doc = parse_pdf(path.read_bytes())
    assert_offsets(doc)
    assert doc.lines and doc.page_count >= 1
    assert all(1 <= ln.page <= doc.page_count for ln in doc.lines)
    assert all(ln.text == ln.text.strip() and ln.text for ln in doc.lines)
    assert all(not ln.text.startswith(("•", "\uf0b7")) for ln in doc.lines if ln.list_item)
    assert "\ufffe" not in doc.text and "\r" not in doc.text
    pages = [ln.page for ln in doc.lines]
    assert pages == sorted(pages)


def _pdfium_region_text(path: Path, page: int, left: float, top: float, right: float, bottom: float) -> str:
    """PDFium's own text for a region (``top``/``bottom`` measured from the page's top edge)."""
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        p = pdf[page - 1]
        textpage = p.get_textpage()
        height = p.get_height()
        text: str = textpage.get_text_bounded(left=left, bottom=height - bottom, right=right, top=height - top)
        textpage.close()
        p.close()
        return text
    finally:
        pdf.close()


@needs_corpus
@pytest.mark.corpus
def test_two_column_template_reads_the_sidebar_and_the_main_column_each_in_one_piece() -> None:
    path = CORPUS / "resumes" / "pdf" / "misc" / "two_column_template.pdf"
    doc = parse_pdf(path.read_bytes())
    text = flat(doc.text)
    sidebar = flat(_pdfium_region_text(path, 1, 380, 120, 600, 760))
    main = flat(_pdfium_region_text(path, 1, 0, 120, 375, 760))
    assert len(sidebar) > 500 and len(main) > 1500  # the regions hold the two columns
    assert sidebar in text
    assert main in text
    assert doc.columns == 2


DATE_RANGE_CUT = re.compile(
    r"\b(?:19|20)\d\d\s*[–-]\s+(?!(?:19|20)\d\d|present|current|now|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(
    "name",
    [
        "misc/harvey_dent_mle.pdf",
        "misc/barry_allen_fe.pdf",
        "rendercv/John_Doe_ModerncvTheme_CV.pdf",
        "rendercv/John_Doe_ClassicTheme_CV.pdf",
    ],
)
def test_date_columns_keep_every_date_range_whole(name: str) -> None:
    """Row-by-row readers cut "2021 –" / "Present" apart with a sentence of the main column in between."""
    doc = parse_pdf((CORPUS / "resumes" / "pdf" / name).read_bytes())
    joined = " ".join(doc.text.split())
    assert re.search(r"(?:19|20)\d\d\s*[–-]\s*(?:(?:19|20)\d\d|present)", joined, re.IGNORECASE)
    assert DATE_RANGE_CUT.search(joined) is None


def _rendercv_facts(yaml_path: Path) -> list[str]:
    """Values the PDF must contain: name, email, institutions, companies, and every highlight sentence."""
    facts: list[str] = []
    in_highlights = False
    for line in yaml_path.read_text(encoding="utf-8").splitlines():
        field = re.match(r"^\s*-?\s*(name|email|institution|company):\s*(\S.*)$", line)
        if field:
            facts.append(field.group(2).strip().strip("'\""))
        if re.match(r"^\s*highlights:\s*$", line):
            in_highlights = True
            continue
        item = re.match(r"^\s*- (.+)$", line)
        if in_highlights and item and not re.match(r"^\w+:\s", item.group(1)):
            facts.append(item.group(1).strip().strip("'\""))
        elif line.strip() and not line.strip().startswith("- "):
            in_highlights = False
    return facts


def _markdown_free(text: str) -> str:
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("*", "")


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("yaml_path", RENDERCV, ids=lambda p: p.stem)
def test_rendercv_pdf_contains_its_yaml_source_in_order(yaml_path: Path) -> None:
    doc = parse_pdf(yaml_path.with_suffix(".pdf").read_bytes())
    text = flat(doc.text)
    facts = _rendercv_facts(yaml_path)
    assert len(facts) > 20
    missing = [f for f in facts if flat(_markdown_free(f)) not in text]
    assert not missing, f"{len(missing)} of {len(facts)} YAML values not found as contiguous text"
    name = re.search(r"^\s*name:\s*(.+)$", yaml_path.read_text(encoding="utf-8"), re.MULTILINE)
    email = re.search(r"^\s*email:\s*(.+)$", yaml_path.read_text(encoding="utf-8"), re.MULTILINE)
    assert name and name.group(1).strip() in doc.text
    assert email and email.group(1).strip() in doc.text


@needs_corpus
@pytest.mark.corpus
def test_words_hyphenated_at_a_line_end_are_read_whole() -> None:
    """Every word PDFium marks as broken by an end-of-line hyphen appears whole, on one line."""
    checked = 0
    for path in RESUME_PDFS:
        pdf = pdfium.PdfDocument(path.read_bytes())
        broken: list[tuple[str, str]] = []
        try:
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                broken += re.findall(r"(\w+)\ufffe\s*(\w+)", textpage.get_text_range())
                textpage.close()
                page.close()
        finally:
            pdf.close()
        lines = line_texts(parse_pdf(path.read_bytes()))
        for head, tail in broken:
            whole = (head + tail, f"{head}-{tail}")
            assert any(w in ln for ln in lines for w in whole), f"{path.name}: a hyphenated word is split"
            checked += 1
    assert checked >= 8  # the corpus has TeX, Typst, Word and Chromium PDFs with such breaks


@pytest.mark.parametrize(
    ("producer", "expected"),
    [
        ("pdfTeX-1.40.24", ["The team implemented", "the tool"]),  # TeX hyphenates words: drop its hyphens
        ("Typst 0.14.2", ["The team implemented", "the tool"]),
        ("Microsoft® Word 2016", ["The team imple-mented", "the tool"]),  # a break at a real hyphen
        (None, ["The team imple-mented", "the tool"]),
    ],
)
def test_end_of_line_hyphens_are_dropped_only_for_hyphenating_producers(
    producer: str | None, expected: list[str]
) -> None:
    lines = [Text(72, 100, "The team imple-"), Text(72, 112, "mented the tool")]
    doc = parse_pdf(pdf_bytes([lines], producer=producer))
    assert line_texts(doc) == expected
    assert_offsets(doc)


@pytest.mark.parametrize(
    ("head", "tail", "expected"),
    [
        ("production-", "quality code", ["Ships production-quality", "code"]),
        ("real-", "time systems", ["Ships real-time", "systems"]),
        ("cross-", "functional teams", ["Ships cross-functional", "teams"]),
        ("data-", "driven tools", ["Ships data-driven", "tools"]),
        ("imple-", "mented code", ["Ships implemented", "code"]),  # TeX hyphenated the word itself
        ("data-", "base tools", ["Ships database", "tools"]),
        ("some-", "thing new", ["Ships something", "new"]),
    ],
)
def test_tex_keeps_the_hyphen_of_a_compound_broken_at_its_hyphen(head: str, tail: str, expected: list[str]) -> None:
    lines = [Text(72, 100, f"Ships {head}"), Text(72, 112, tail)]
    doc = parse_pdf(pdf_bytes([lines], producer="pdfTeX-1.40.24"))
    assert line_texts(doc) == expected


def test_a_compound_broken_at_its_hyphen_by_a_word_processor_keeps_the_hyphen() -> None:
    lines = [Text(72, 100, "Ships production-"), Text(72, 112, "quality code")]
    doc = parse_pdf(pdf_bytes([lines], producer="Skia/PDF m143"))
    assert line_texts(doc) == ["Ships production-quality", "code"]


def _small_filled_dots(path: Path) -> list[tuple[int, float, float, float]]:
    """Filled paths under 5 points square: (page, right edge, top, bottom), ``top``/``bottom`` from the top."""
    dots = []
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            height = page.get_height()
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
                left, bottom, right, top = obj.get_bounds()
                fill, stroke = ctypes.c_int(), ctypes.c_int()
                pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill, stroke)
                if fill.value and not stroke.value and 1 < right - left < 5 and 1 < top - bottom < 5:
                    dots.append((i + 1, right, height - top, height - bottom))
            page.close()
    finally:
        pdf.close()
    return dots


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("name", ["two_column_template.pdf", "single_column_template.pdf"])
def test_every_drawn_dot_bullet_in_the_chromium_templates_makes_a_list_item(name: str) -> None:
    path = CORPUS / "resumes" / "pdf" / "misc" / name
    doc = parse_pdf(path.read_bytes())
    dots = _small_filled_dots(path)
    assert len(dots) >= 5
    unmarked = 0
    for page, right, top, bottom in dots:
        centre = (top + bottom) / 2
        beside = [
            ln
            for ln in doc.lines
            if ln.page == page
            and ln.top is not None
            and ln.bottom is not None
            and ln.x0 is not None
            and ln.top <= centre <= ln.bottom
            and 0 <= ln.x0 - right < 20
        ]
        unmarked += not (len(beside) == 1 and beside[0].list_item)
    assert unmarked == 0, f"{unmarked} of {len(dots)} drawn bullets give no list item"


ICON_FONT_RE = re.compile(rb"awesome|icon", re.IGNORECASE)


def _icon_glyphs_before_words(path: Path) -> list[tuple[str, str]]:
    """(glyph, next word) for every character PDFium reads without a Unicode value from an icon font."""
    found: list[tuple[str, str]] = []
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            name = ctypes.create_string_buffer(128)
            for k, ch in enumerate(text):
                if pdfium_c.FPDFText_HasUnicodeMapError(textpage.raw, k) != 1:
                    continue
                pdfium_c.FPDFText_GetFontInfo(textpage.raw, k, name, 128, None)
                following = text[k + 1 :].split()
                if ICON_FONT_RE.search(name.value) and following:
                    found.append((ch, following[0]))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return found


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("name", ["barry_allen_fe.pdf", "harvey_dent_mle.pdf"])
def test_moderncv_icon_glyphs_do_not_reach_the_text(name: str) -> None:
    path = CORPUS / "resumes" / "pdf" / "misc" / name
    glyphs = _icon_glyphs_before_words(path)
    assert len(glyphs) >= 3
    text = parse_pdf(path.read_bytes()).text
    missing = [word for _, word in glyphs if word not in text]
    leaked = [glyph for glyph, word in glyphs if f"{glyph} {word}" in text or f"{glyph}{word}" in text]
    assert not missing, f"{len(missing)} words after icons are missing"  # counts only: no resume text in logs
    assert not leaked, f"{len(leaked)} of {len(glyphs)} icon glyphs reach the text"
