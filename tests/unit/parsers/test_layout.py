"""Reading order from word boxes alone (no PDF library): rows, gutters, sidebars and date notes."""

from __future__ import annotations

from parsers.layout import PageLayout, Word, order_words

CHAR = 5.0  # points per character of the synthetic font
HEIGHT = 10.0


def words_at(x: float, baseline: float, text: str, *, height: float = HEIGHT) -> list[Word]:
    """The words of ``text`` laid left to right from ``x`` on ``baseline``."""
    out: list[Word] = []
    for token in text.split():
        width = CHAR * len(token)
        out.append(Word(token, x, x + width, baseline - 0.8 * height, baseline + 0.2 * height, baseline))
        x += width + CHAR
    return out


def texts(layout: PageLayout) -> list[str]:
    return [" ".join(w.text for w in line.words) for line in layout.lines]


def contiguous(lines: list[str], run: list[str]) -> bool:
    """``run`` appears in ``lines`` as consecutive items."""
    return any(lines[i : i + len(run)] == run for i in range(len(lines) - len(run) + 1))


MAIN = [
    "Designed the billing service that handles all invoices",
    "for the company and its forty thousand customers today.",
    "Migrated the reporting jobs from cron scripts to Airflow",
    "and cut the nightly batch window from six hours to two.",
    "Mentored three junior engineers through their first year.",
    "Wrote the incident review template used by every team.",
]
SIDEBAR = ["Python", "PostgreSQL", "Kubernetes", "Terraform", "Airflow", "GraphQL"]


def test_sidebar_lines_beside_main_lines_are_read_as_a_separate_column() -> None:
    words = words_at(50, 40, "Alex Example Senior Backend Engineer and Data Platform Lead Springfield")
    for i, (main, side) in enumerate(zip(MAIN, SIDEBAR, strict=True)):
        words += words_at(50, 80 + 14 * i, main) + words_at(380, 80 + 14 * i, side)
    layout = order_words(words)
    lines = texts(layout)
    assert contiguous(lines, MAIN)
    assert contiguous(lines, SIDEBAR)
    assert lines.index(MAIN[-1]) < lines.index(SIDEBAR[0])  # left column first
    assert layout.columns == 2
    assert {ln.column for ln in layout.lines if " ".join(w.text for w in ln.words) in SIDEBAR} == {2}


def test_full_width_header_is_read_first_and_not_split_by_the_gutter() -> None:
    header = "Alex Example | alex@example.com | +1 555 0100 | Springfield, Illinois"
    words = words_at(50, 40, header)
    for i, (main, side) in enumerate(zip(MAIN, SIDEBAR, strict=True)):
        words += words_at(50, 80 + 14 * i, main) + words_at(380, 80 + 14 * i, side)
    lines = texts(order_words(words))
    assert lines[0] == header


def test_two_line_date_notes_stay_whole_and_precede_the_role_they_date() -> None:
    words: list[Word] = []
    entries = [("2021 –", "Present", "Staff Engineer, Acme"), ("2017 –", "2021", "Engineer, Beta Labs")]
    y = 60.0
    for start, end, role in entries:
        words += words_at(60, y, start) + words_at(60, y + 14, end)
        words += words_at(150, y, role) + words_at(150, y + 14, "Built the data platform used by all teams")
        words += words_at(150, y + 28, "and ran the weekly planning meeting for the group")
        y += 60
    layout = order_words(words)
    lines = texts(layout)
    for start, end, role in entries:
        i = lines.index(start)
        assert lines[i : i + 3] == [start, end, role]
    assert layout.columns == 2


def test_label_value_rows_inside_a_page_are_read_row_by_row() -> None:
    rows = [
        ("Languages", "Python, Go, TypeScript, SQL"),
        ("Tools", "Docker, Kubernetes, Terraform"),
        ("Databases", "PostgreSQL, Redis, Kafka"),
        ("Cloud", "AWS, GCP, Azure"),
        ("Methods", "Scrum, Kanban, TDD"),
        ("Spoken", "English, Spanish, German"),
    ]
    words = words_at(50, 40, "Alex Example Senior Backend Engineer at Example Corp in Springfield")
    for i, (label, value) in enumerate(rows):
        words += words_at(50, 80 + 14 * i, label) + words_at(160, 80 + 14 * i, value)
    words += words_at(50, 180, "Experience")
    words += words_at(50, 196, "Built the payment service used by every team at the company")
    lines = texts(order_words(words))
    assert contiguous(lines, [item for row in rows for item in row])


def test_right_aligned_dates_over_full_width_bullets_are_one_column() -> None:
    words: list[Word] = []
    y = 60.0
    for role, dates in (("Engineer, Acme", "2019 - 2023"), ("Developer, Beta", "2016 - 2019")):
        words += words_at(50, y, role) + words_at(480, y, dates)
        words += words_at(50, y + 14, "• Shipped the checkout redesign that raised conversion by six percent")
        words += words_at(50, y + 28, "• Automated the release process and removed the manual sign off")
        y += 50
    layout = order_words(words)
    lines = texts(layout)
    assert layout.columns == 1
    assert lines[:2] == ["Engineer, Acme", "2019 - 2023"]  # a wide gap splits the row, in order
    assert all(ln.column == 0 for ln in layout.lines)


def test_bullet_glyphs_in_their_own_strip_are_not_a_column() -> None:
    words: list[Word] = []
    for i, item in enumerate(MAIN):
        words += words_at(50, 60 + 14 * i, "•") + words_at(66, 60 + 14 * i, item)
    layout = order_words(words)
    assert layout.columns == 1
    assert texts(layout) == [f"• {item}" for item in MAIN]


def test_rows_group_words_by_baseline_not_by_overlapping_boxes() -> None:
    # a tall name overlaps two small contact lines on the right; each keeps its own row
    words = words_at(50, 60, "Alex Example", height=24)
    words += words_at(400, 50, "+1 555 0100") + words_at(400, 62, "alex@example.com")
    lines = texts(order_words(words))
    assert "+1 555 0100" in lines and "alex@example.com" in lines
    assert not any("Alex" in ln and "@" in ln for ln in lines)


def test_paragraph_breaks_mark_white_space_and_column_switches() -> None:
    words = words_at(50, 60, "First paragraph line") + words_at(50, 74, "second line")
    words += words_at(50, 120, "Next paragraph after a gap")
    layout = order_words(words)
    assert [ln.paragraph_before for ln in layout.lines] == [False, False, True]


def test_empty_page_has_no_lines() -> None:
    assert order_words([]).lines == ()
