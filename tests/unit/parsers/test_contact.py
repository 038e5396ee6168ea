"""Contact details: emails, phones, links, locations, names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.contact import (
    _BARE_DOMAIN_RE,
    _EMAIL_RE,
    _PHONE_RE,
    _URL_RE,
    _has_digit,
    _location_at,
    extract_contact,
    find_emails,
    find_links,
    find_locations,
    find_phones,
    looks_like_name,
    looks_like_title,
)
from parsers.text import document_from_text
from tests.unit.parsers.token_text import token_text


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Phone: +1 (415) 555-0142", "+1 (415) 555-0142"),
        ("(+91) 8087996634 | me@x.in", "(+91) 8087996634"),
        ("Tel 0044 20 7946 0958", "0044 20 7946 0958"),
        ("+49 30 12345678", "+49 30 12345678"),
        ("call 555-123-4567 anytime", "555-123-4567"),
        ("Mob. +7 916 123-45-67", "+7 916 123-45-67"),
    ],
)
def test_phone_numbers_in_international_and_national_formats(text: str, phone: str) -> None:
    assert [p.text for p in find_phones(text)] == [phone]


@pytest.mark.parametrize("text", ["Google PhD Fellowship (2020 – 2023)", "2014 - 2019", "GPA 3.97/4.00", "15/03/2019"])
def test_year_ranges_and_other_numbers_are_not_phones(text: str) -> None:
    assert find_phones(text) == []


def test_emails_are_found_and_their_domain_is_not_a_link() -> None:
    text = "john.doe+cv@mail.example.co.uk | rendercv.com"
    assert [e.text for e in find_emails(text)] == ["john.doe+cv@mail.example.co.uk"]
    assert [link.url for link in find_links(text)] == ["rendercv.com"]


def test_links_are_classified() -> None:
    links = find_links(
        "linkedin.com/in/jane-doe • https://github.com/jdoe • www.janedoe.dev • https://twitter.com/jd • Node.js"
    )
    assert [(link.kind, link.url) for link in links] == [
        ("linkedin", "linkedin.com/in/jane-doe"),
        ("github", "https://github.com/jdoe"),
        ("portfolio", "www.janedoe.dev"),
        ("other", "https://twitter.com/jd"),
    ]


@pytest.mark.parametrize(
    ("text", "locations"),
    [
        ("San Francisco, CA  john@x.io", ["San Francisco, CA"]),
        ("Google, Mountain View, CA, USA", ["Mountain View, CA, USA"]),
        ("Istanbul, Türkiye", ["Istanbul, Türkiye"]),
        ("Russia, Fryazino | +7 916", ["Russia, Fryazino"]),
        ("Inetex (Rehovot , Israel)", ["Rehovot , Israel"]),
        ("ABC Company, USA, June 2018", ["USA"]),
        ("Princeton, NJ Sept 2018 – May 2023", ["Princeton, NJ"]),
        ("Remote", ["Remote"]),
        ("Spring Boot, Hibernate", []),
    ],
)
def test_locations(text: str, locations: list[str]) -> None:
    assert [loc.text for loc in find_locations(text)] == locations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Doe", True),
        ("LISA POLOTCKAIA", True),
        ("María José de la Cruz", True),
        ("J. R. Smith", True),
        ("Jean-Luc O'Brien McDonald", True),
        ("CONTACTS MOTOVILOV PAVEL", False),
        ("Data Analyst", False),
        ("Last updated in Mar 2026", False),
        ("San Francisco, CA", False),
        ("Curriculum Vitae", False),
        ("Work Experience", False),
    ],
)
def test_looks_like_name(text: str, expected: bool) -> None:
    assert looks_like_name(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Co-Founder & CTO", True),
        ("Senior Data Engineer", True),
        ("Nexus AI", False),
        ("Desarrollador Full Stack", True),
    ],
)
def test_looks_like_title(text: str, expected: bool) -> None:
    assert looks_like_title(text) is expected


def test_extract_contact_reads_the_top_lines() -> None:
    doc = document_from_text(
        "Last updated in Mar 2026\nJane Q. Public\nSenior Data Engineer\n"
        "Austin, TX | jane.public@example.com | +1 512 555 0100 | linkedin.com/in/janeqp\nEXPERIENCE\n"
    )
    contact = extract_contact(doc, doc.lines[:4])
    assert contact.name == "Jane Q. Public"
    assert contact.email == "jane.public@example.com"
    assert contact.phone == "+1 512 555 0100"
    assert contact.location == "Austin, TX"
    assert [link.kind for link in contact.links] == ["linkedin"]


def test_extract_contact_takes_a_labelled_residence() -> None:
    doc = document_from_text("Phone: 054-123-4567  Birth year: 1991\nE-mail: a@b.io  Residence: Rehovot.\n")
    contact = extract_contact(doc, doc.lines)
    assert contact.location == "Rehovot"
    assert contact.phone == "054-123-4567"
    assert contact.name is None


_CONTACT_TOKENS = (
    "Austin",
    "TX",
    "San Francisco",
    "CA",
    "USA",
    "Rio de Janeiro",
    "Brazil",
    "Pune",
    "Remote",
    "+1",
    "(415)",
    "555-0142",
    "0044",
    "2019",
    "jane@doe.dev",
    "www.x.io",
    "https://github.com/jd",
    "github.com/jd",
    "node.js",
    "Acme Inc",
)


@given(token_text(_CONTACT_TOKENS))
def test_a_place_needs_a_comma_unless_it_is_remote(text: str) -> None:
    if "," not in text:
        assert all(_location_at(text, pos) is None for pos in range(len(text)))


@given(token_text(_CONTACT_TOKENS))
def test_quick_tests_never_hide_a_link_an_email_or_a_phone(text: str) -> None:
    if "." not in text and "://" not in text:
        assert _URL_RE.search(text) is None and _BARE_DOMAIN_RE.search(text) is None
    if "@" not in text:
        assert _EMAIL_RE.search(text) is None
    plain = re.compile(_PHONE_RE.pattern.removeprefix("(?=[(+\\d])"), _PHONE_RE.flags)
    assert [m.span() for m in _PHONE_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(st.text(alphabet="Ab1 ²٣", max_size=8))
def test_digit_test_agrees_with_str_isdigit(text: str) -> None:
    assert _has_digit(text) is any(ch.isdigit() for ch in text)


@pytest.mark.parametrize(
    ("text", "locations"),
    [
        ("Pune, Maharashtra, India", ["Pune, Maharashtra, India"]),
        ("Chennai, Tamil Nadu, India | +91 98400 12345", ["Chennai, Tamil Nadu, India"]),
        ("Mountain View, California, USA", ["Mountain View, California, USA"]),
        ("Toronto, Ontario, Canada", ["Toronto, Ontario, Canada"]),
        ("Hyderabad, Telangana", ["Hyderabad, Telangana"]),
        ("Austin, Texas Sept 2018 – May 2020", ["Austin, Texas"]),
    ],
)
def test_a_city_before_its_state_or_province_is_kept(text: str, locations: list[str]) -> None:
    assert [loc.text for loc in find_locations(text)] == locations


@pytest.mark.parametrize(
    "text",
    [
        "BSc, Ohio State University",
        "Engineer, Texas Instruments",
        "Intern, Washington Post",
        "Analyst, Texas Marketing",
    ],
)
def test_a_state_name_that_starts_an_organisation_is_no_place(text: str) -> None:
    assert find_locations(text) == []


def test_contact_location_keeps_the_city() -> None:
    doc = document_from_text("Asha Patil\nPune, Maharashtra, India | asha@example.com\n\nEXPERIENCE\n")
    assert extract_contact(doc, doc.lines[:2]).location == "Pune, Maharashtra, India"


@pytest.mark.parametrize(
    ("text", "expected"), [("Web-developer", True), ("Front-End Developer", True), ("Self-employed", False)]
)
def test_a_hyphenated_title_reads_as_a_title(text: str, expected: bool) -> None:
    assert looks_like_title(text) is expected
