"""matching.extract: skills found in text, precise offsets, context for ambiguous words."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import matching.extract as extract_module
from matching.extract import ExtraSkill, extract_skills
from matching.models import SkillMention
from matching.taxonomy import Taxonomy, load_taxonomy

normalize_module = importlib.import_module("matching.normalize")  # the package exports a function of that name


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


def ids(text: str, **kwargs: object) -> list[str]:
    return [m.skill_id for m in extract_skills(text, **kwargs)]  # type: ignore[arg-type]


def by_surface(text: str) -> dict[str, SkillMention]:
    return {m.surface: m for m in extract_skills(text)}


def test_exact_names_aliases_and_spelling_variants() -> None:
    found = by_surface("Python, k8s, ReactJS, node js, Postgres and CI/CD pipelines")
    assert found["Python"].skill_id == "python" and found["Python"].match == "exact"
    assert found["k8s"].skill_id == "kubernetes" and found["k8s"].match == "alias"
    assert found["ReactJS"].name == "React"
    assert found["node js"].name == "Node.js"
    assert found["Postgres"].name == "PostgreSQL"
    assert "CI/CD pipelines" in found


def test_mentions_carry_the_esco_link_when_there_is_one() -> None:
    python = by_surface("Python")["Python"]
    assert python.esco_label == "Python (computer programming)"
    assert python.esco_uri and python.esco_uri.startswith("http://data.europa.eu/esco/skill/")
    k8s = by_surface("Kubernetes")["Kubernetes"]
    assert k8s.esco_uri is None and k8s.esco_label is None


def test_plural_of_an_alias_is_a_variant() -> None:
    mention = by_surface("Designed data warehouses")["data warehouses"]
    assert mention.match == "variant"
    assert mention.name == by_surface("a data warehouse")["data warehouse"].name


def test_plurals_of_keys_are_variants_in_each_plural_form() -> None:
    # +s, +es and -y/-ies, of a one-word key and of the last word of a longer one (the word table of
    # matching.extract lists these plurals, and a prefix is extended by a plural of the word that may follow it)
    found = by_surface("Skills: AJAXes, allergologies, data warehouses, 3D printing processes, abstract philosophies")
    expected = {
        "AJAXes": "AJAX",
        "allergologies": "allergology",
        "data warehouses": by_surface("a data warehouse")["data warehouse"].name,
        "3D printing processes": "3D printing process",
        "abstract philosophies": "metaphysics",
    }
    assert {surface: (found[surface].name, found[surface].match) for surface in expected} == {
        surface: (name, "variant") for surface, name in expected.items()
    }


def test_caches_replaced_when_full_leave_the_results_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # plurals, misspellings, gapped keys' order, verb stems: every call of this text overflows a cache of one
    text = (
        "You will develop beautiful campaigns, work in small agile teams and deploy services on Kubernets. "
        "Skills: relational databases, AJAXes, allergologies, REST APIs."
    )
    expected = extract_skills(text, phrases="on")
    assert {"Kubernets", "AJAXes", "work in small agile teams", "develop beautiful campaigns"} <= {
        m.surface for m in expected
    }
    for name in ("_PLURAL_CACHE_SIZE", "_GAPPED_ORDER_CACHE_SIZE"):
        monkeypatch.setattr(extract_module, name, 1)
    monkeypatch.setattr(normalize_module, "WORD_CACHE_SIZE", 1)  # misspellings and verb stems are word caches
    assert extract_skills(text, phrases="on") == expected
    assert extract_skills(text, phrases="on") == expected


def test_misspelt_tool_is_found_fuzzily() -> None:
    found = by_surface("Deployed services on Kubernets and wrote Javascipt")
    assert found["Kubernets"].name == "Kubernetes" and found["Kubernets"].match == "fuzzy"
    assert found["Javascipt"].name == "JavaScript"
    assert found["Kubernets"].confidence < 0.9


def test_longest_match_wins() -> None:
    mentions = extract_skills("Experience with Microsoft SQL Server")
    assert [m.surface for m in mentions] == ["Microsoft SQL Server"]


@pytest.mark.parametrize(
    ("text", "surface", "skill_id"),
    [
        ("Backend services in Go and Python on Kubernetes", "Go", "go"),
        ("Languages: R, Python, SQL", "R", "r"),
        ("Embedded firmware in C and C++", "C", "c"),
        ("Skills: Excel, Word, PowerPoint", "Excel", "microsoft-excel"),
        ("Java 11, Spring, Hibernate", "Spring", "spring"),
        ("iOS apps in Swift and Objective-C", "Swift", "swift"),
        ("Experience with one of Java, C# or Go", "Go", "go"),  # "or" before it is no veto
        ("Experience with Go", "Go", "go"),  # capitalised after a cue: claimed on its own
        ("Strong Spring skills", "Spring", "spring"),
        ("Libraries: Pandas, NumPy, requests, jmespath, selenium, mitmproxy", "selenium", "selenium"),
        ("Testing: Cypress, Jest", "Jest", "jest"),
        ("Developed a web crawler using Requests & Selenium", "Selenium", "selenium"),
    ],
)
def test_ambiguous_word_is_a_skill_in_technical_context(text: str, surface: str, skill_id: str) -> None:
    assert by_surface(text)[surface].skill_id == skill_id


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Own the go-to-market plan and go live in May", "go"),
        ("Managed the R&D budget of the division", "r"),
        ("Candidates who excel at building relationships", "excel"),
        ("We expect you to excel in a fast-paced environment", "excel"),
        ("Spring semester internship in the sales team", "spring"),
        ("Grade C in mathematics", "c"),
        ("A swift response to customer complaints", "swift"),
        ("Give customers access to their records", "access"),
        ("Decide whether to stay or go", "go"),
        ("Go to our careers page to apply", "go"),
        ("Good experience with excel at scale", "excel"),
        ("Note: the cypress trees along the road", "cypress"),  # a colon, but no skills label
        ("We are using spring break to plan the year", "spring"),  # a season: no capital, nothing technical
        ("The playwright wrote a jest about mercurial moods", "playwright"),
    ],
)
def test_ambiguous_word_is_not_a_skill_in_ordinary_prose(text: str, word: str) -> None:
    surfaces = [m.surface.lower() for m in extract_skills(text)]
    assert word not in surfaces


def test_generic_words_alone_are_not_skills() -> None:
    assert ids("The team will work with ability and experience") == []


def test_communication_skills_is_a_soft_skill() -> None:
    mentions = extract_skills("Excellent communication skills and a team player")
    names = {m.name: m for m in mentions}
    assert names["Communication skills"].kind == "soft"
    assert names["Communication skills"].esco_label == "communication"
    assert names["Teamwork"].esco_label == "work in teams"


def test_degree_subject_is_not_a_claimed_skill() -> None:
    assert "political science" not in [m.surface.lower() for m in extract_skills("BA in Political Science, 2015")]


def test_department_of_a_field_is_not_a_claimed_skill() -> None:
    text = "Visiting Professor, Department of Political Science"
    assert "political science" not in [m.surface.lower() for m in extract_skills(text)]


def test_language_studied_for_a_degree_is_a_field_not_a_claim() -> None:
    assert "English" not in {m.name for m in extract_skills("B.A. in English, Delhi University, 2012")}
    assert "English" in {m.name for m in extract_skills("Languages: English, Hindi")}


def test_a_name_before_an_organisation_word_is_the_organisation() -> None:
    assert "Project management" not in {m.name for m in extract_skills("Member, Project Management Institute")}
    assert "Linux" not in {m.name for m in extract_skills("Member of the Linux Foundation")}
    assert "Java" not in {m.name for m in extract_skills("Trainee at the Java Institute, 2014")}
    assert "Java" in {m.name for m in extract_skills("Java, Spring and Oracle at a large bank")}


def test_domain_word_counts_where_the_text_claims_it() -> None:
    claimed = extract_skills("Strong experience in testing and design of APIs")
    assert {"Software testing", "Software design"} <= {m.name for m in claimed}
    listed = extract_skills("Skills: Java, testing, Linux")
    assert "Software testing" in {m.name for m in listed}


def test_domain_word_in_passing_is_not_a_skill() -> None:
    text = "We moved into an office whose interior design won an award after testing times."
    assert {m.name for m in extract_skills(text)}.isdisjoint({"Software design", "Software testing"})


def test_personal_quality_describes_a_person_not_an_employer() -> None:
    assert "Self-motivation" in {m.name for m in extract_skills("We want a motivated engineer.")}
    assert "Self-motivation" not in {m.name for m in extract_skills("Join a motivated team in London.")}


def test_soft_skill_phrase_with_words_inserted() -> None:
    found = {m.name: m for m in extract_skills("You like to work in small agile teams.")}
    assert found["Teamwork"].surface == "work in small agile teams"
    assert found["Teamwork"].match == "variant"


def test_links_and_addresses_are_not_mined_for_skills() -> None:
    text = "Portfolio: https://github.com/jdoe/python-utils and mail java.dev@example.com"
    assert extract_skills(text) == []


def test_extra_skills_apply_to_one_call_only(tax: Taxonomy) -> None:
    text = "Shipped features behind Flagr and the Zorblax pipeline"
    assert "extra:zorblax" not in ids(text)
    extra = [ExtraSkill(name="Zorblax", aliases=("Zorblax pipeline",)), {"name": "Flagr", "kind": "tool"}]
    found = {m.surface: m for m in extract_skills(text, extra_skills=extra)}
    assert found["Zorblax pipeline"].skill_id == "extra:zorblax"
    assert found["Zorblax pipeline"].match == "alias"
    assert found["Flagr"].kind == "tool" and found["Flagr"].match == "exact"
    assert "zorblax" not in tax.keys and "extra:zorblax" not in ids(text)


def test_extra_skill_mapping_needs_a_name() -> None:
    with pytest.raises(ValueError, match="name"):
        extract_skills("anything", extra_skills=[{"aliases": ["x"]}])


def test_empty_text_has_no_skills() -> None:
    assert extract_skills("") == []
    assert extract_skills("  \n ") == []


def _check_mentions(text: str, mentions: list[SkillMention]) -> None:
    last_end = -1
    for m in mentions:
        assert text[m.start : m.end] == m.surface
        assert m.start >= last_end, "mentions overlap or are out of order"
        assert 0.0 < m.confidence <= 1.0
        last_end = m.end


_WORDS = st.sampled_from(
    ["Python", "go", "Go", "R", "&", "D", "excel", "Excel", "at", "node.js", "C++", ",", ".", "/", "team",
     "machine", "learning", "SQL", "Server", "Kubernets", "—", "é", "\n", "  ", "Spring", "Boot", "(", ")"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_offsets_match_surfaces_on_random_skill_text(text: str) -> None:
    _check_mentions(text, extract_skills(text))


@given(st.text(max_size=200))
def test_offsets_match_surfaces_on_random_text(text: str) -> None:
    _check_mentions(text, extract_skills(text))


def test_an_accented_word_is_not_the_product_it_folds_onto() -> None:
    text = "Bachiller en Ingeniería de Sistemas, Informática o Estadística; experiencia con Informatica PowerCenter."
    mentions = extract_skills(text)
    informatica = [m for m in mentions if m.name == "Informatica"]
    assert [m.surface for m in informatica] == ["Informatica PowerCenter"]


@pytest.mark.parametrize("text", ["event-driven programming", "data-driven decisions", "a test-driven workflow"])
def test_a_driven_compound_is_not_self_motivation(text: str) -> None:
    assert "Self-motivation" not in {m.name for m in extract_skills(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Participating in development of several services: employer service, cv service, security\nservice, schedule;",
        "- Security service migrated to Kubernetes",
        "Frontend developer, React",
        "UI Developer",
        "QA lead, Security Officer",
    ],
)
def test_a_domain_word_naming_a_role_or_a_service_is_not_a_claim(text: str) -> None:
    found = {m.name for m in extract_skills(text)}
    assert found.isdisjoint({"Information security", "Web development", "User interface design", "Quality assurance"})


def test_a_domain_word_claimed_in_a_list_is_still_a_skill() -> None:
    found = {m.name for m in extract_skills("Experience in security, networking and Linux.")}
    assert {"Information security", "Computer networking", "Linux"} <= found


def test_a_cue_before_another_noun_does_not_claim_the_word() -> None:
    assert "Software design" not in {m.name for m in extract_skills("• A good sense of design and aesthetics.")}
    assert "Information security" in {m.name for m in extract_skills("Strong knowledge of security.")}


def test_ftp_links_are_not_mined_for_skills() -> None:
    text = "CAM Training: ftp://ftp.example.net/pub/users/jdoe/CAM_Training.pdf\nSet up FTP servers on Linux"
    found = [(m.surface, m.name) for m in extract_skills(text)]
    assert [surface for surface, _ in found if "ftp" in surface.lower()] == ["FTP"]


def test_plural_of_another_acronym_is_not_the_skill() -> None:
    assert "Apache Subversion" not in {m.name for m in extract_skills("Templates to help you write your own CVs.")}
    assert "Apache Subversion" in {m.name for m in extract_skills("Version control: CVS, SVN")}
    assert "Object-oriented programming" in {m.name for m in extract_skills("Java, OOPs, SQL")}


def test_a_role_noun_starting_the_next_list_line_does_not_veto_the_item() -> None:
    assert "Software testing" in {m.name for m in extract_skills("SKILLS\nTesting\nTeam Lead\nJava")}


def test_a_second_tier_item_that_is_an_esco_label_is_linked_to_it() -> None:
    found = {m.surface: m for m in extract_skills("Skills: Java, Python, economics, SQL", phrases="auto")}
    economics = found["economics"]
    assert economics.esco_label == "economics" and economics.skill_id == "economics"
    assert economics.confidence < 0.6  # still the second tier
    unlinked = {m.surface: m for m in extract_skills("Skills: Java, Python, Zorblax tuning, SQL", phrases="auto")}
    assert unlinked["Zorblax tuning"].skill_id.startswith("phrase:") and unlinked["Zorblax tuning"].esco_uri is None


def test_a_plural_category_label_before_its_skills_is_not_a_skill() -> None:
    found = {m.name for m in extract_skills("Operating Systems: Windows, Linux\nScripting Languages: Perl, Bash")}
    assert {"Microsoft Windows", "Linux", "Perl"} <= found
    assert found.isdisjoint({"Operating systems", "Scripting"})
    assert "risk management" in {m.name for m in extract_skills("Risk Management: audits with SAP")}
