"""matching.taxonomy: the compiled taxonomy shipped with the package, lookups and search."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from matching.models import Skill
from matching.normalize import normalize
from matching.taxonomy import KeyEntry, Taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


def test_load_is_cached(tax: Taxonomy) -> None:
    assert load_taxonomy() is tax


def test_taxonomy_holds_every_source(tax: Taxonomy) -> None:
    kinds = {s.kind for s in tax.skills}
    assert {"knowledge", "tool", "programming_language", "certification", "soft", "language"} <= kinds
    assert sum(1 for s in tax.skills if s.esco_uri) >= 13000
    assert len({s.id for s in tax.skills}) == len(tax.skills)


def test_python_from_esco_linguist_and_onet_is_one_skill(tax: Taxonomy) -> None:
    by_esco = tax.lookup("Python (computer programming)")
    by_linguist_alias = tax.lookup("python3")
    by_name = tax.lookup("Python")
    assert by_esco is not None and by_name is not None and by_linguist_alias is not None
    assert by_esco.id == by_name.id == by_linguist_alias.id == "python"
    assert by_name.kind == "programming_language"
    assert by_name.esco_label == "Python (computer programming)"
    assert by_name.hot  # O*NET Hot Technology
    assert [s.id for s in tax.skills if s.name.lower() == "python"] == ["python"]


def test_acronyms_and_variants_resolve_to_their_skill(tax: Taxonomy) -> None:
    assert tax.lookup("k8s") == tax.lookup("Kubernetes")
    assert tax.lookup("Postgres") == tax.lookup("PostgreSQL")
    assert tax.lookup("ReactJS") == tax.lookup("React.js") == tax.lookup("react js")
    assert tax.lookup("NodeJS") == tax.lookup("Node.js")


def test_curated_skill_absorbs_its_esco_concept(tax: Taxonomy) -> None:
    excel = tax.lookup("Excel spreadsheets")
    assert excel is not None and excel.id == "microsoft-excel"
    assert excel.esco_label == "use spreadsheets software"
    assert tax.lookup("use spreadsheets software") == excel
    assert [s.id for s in tax.skills if s.esco_label == "use spreadsheets software"] == ["microsoft-excel"]


def test_esco_uris_are_unique(tax: Taxonomy) -> None:
    uris = [s.esco_uri for s in tax.skills if s.esco_uri]
    assert len(uris) == len(set(uris))


@pytest.mark.corpus
def test_every_esco_skill_keeps_its_uri(tax: Taxonomy, shared_data: Path) -> None:
    with gzip.open(shared_data / "taxonomy" / "esco" / "esco_skills_aliases.jsonl.gz", "rt") as fh:
        source = {json.loads(line)["uri"] for line in fh if line.strip()}
    assert source == {s.esco_uri for s in tax.skills if s.esco_uri}


def test_lookup_by_esco_preferred_label(tax: Taxonomy) -> None:
    skill = tax.lookup("Java (computer programming)")
    assert skill is not None and skill.id == "java"


def test_generic_words_are_not_keys(tax: Taxonomy) -> None:
    for word in ("team", "work", "ability", "experience"):
        assert word not in tax.keys


def test_get_and_related(tax: Taxonomy) -> None:
    python = tax.get("python")
    assert python is not None and python.name == "Python"
    related = tax.related("python")
    assert related and all(isinstance(s, Skill) for s in related)
    assert "python" not in {s.id for s in related}
    assert tax.get("no-such-skill") is None
    assert tax.related("no-such-skill") == []


def test_search_prefix_puts_the_named_skill_first(tax: Taxonomy) -> None:
    results = tax.search("pyth", limit=5)
    assert results and results[0].id == "python"
    assert len(results) <= 5


def test_search_tolerates_a_typo(tax: Taxonomy) -> None:
    assert "kubernetes" in [s.id for s in tax.search("kubernets", limit=10)]


def test_search_prefers_names_to_aliases_and_never_returns_noise(tax: Taxonomy) -> None:
    results = [s.name for s in tax.search("project man", limit=3)]
    assert results[0] == "Project management"
    assert all(len(s.name) > 1 for s in tax.search("postgres", limit=10))


def test_search_empty_query_returns_nothing(tax: Taxonomy) -> None:
    assert tax.search("  ", limit=5) == []


def test_search_ranks_hot_skills_first_on_ties() -> None:
    cold = Skill(id="a-tool", name="Zeta Alpha", kind="tool")
    hot = Skill(id="b-tool", name="Zeta Beta", kind="tool", hot=True)
    small = Taxonomy([cold, hot], {"zeta alpha": KeyEntry(cold, "exact"), "zeta beta": KeyEntry(hot, "exact")})
    assert [s.id for s in small.search("zeta")] == ["b-tool", "a-tool"]


def test_search_puts_a_hot_name_first_while_it_is_at_most_a_few_characters_longer(tax: Taxonomy) -> None:
    assert tax.search("postg", limit=3)[0].id == "postgresql"  # not PostGIS, three characters shorter
    cold = Skill(id="a-tool", name="Zeta", kind="tool")
    near = Skill(id="b-tool", name="Zeta Abcd", kind="tool", hot=True)  # 5 characters longer: first
    far = Skill(id="c-tool", name="Zeta Abcde", kind="tool", hot=True)  # 6 longer: after the cold name
    for hot, expected in ((near, ["b-tool", "a-tool"]), (far, ["a-tool", "c-tool"])):
        small = Taxonomy([cold, hot], {normalize(s.name): KeyEntry(s, "exact") for s in (cold, hot)})
        assert [s.id for s in small.search("ze")] == expected


def test_corrections_find_words_one_edit_away(tax: Taxonomy) -> None:
    assert "kubernetes" in tax.corrections("kubernets")
    assert "javascript" in tax.corrections("javascipt")


def test_corrections_find_an_edit_at_any_letter(tax: Taxonomy) -> None:
    # the first four letters take another path than the rest (see Taxonomy.corrections)
    word = "kubernetes"
    for k in range(len(word)):
        edits = (word[:k] + word[k + 1 :], word[:k] + "q" + word[k + 1 :], word[:k] + "q" + word[k:])
        assert [word in tax.corrections(w) for w in edits] == [True, True, True], k
    assert tax.corrections("qqqqqqqqq") == ()


@pytest.mark.slow
@pytest.mark.corpus
def test_build_is_deterministic_and_matches_the_committed_file(shared_data: Path, tmp_path: Path) -> None:
    if importlib.util.find_spec("english_words") is None:
        pytest.skip("english-words (a dev dependency of the build) is not installed")
    from scripts.build_taxonomy import build, write_compiled

    args = (shared_data / "taxonomy", ROOT / "matching" / "data" / "curated.toml")
    train = shared_data / "eval" / "skills" / "skillspan" / "train.json"
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    write_compiled(build(*args, train), first)
    write_compiled(build(*args, train), second)
    assert first.read_bytes() == second.read_bytes()
    committed = ROOT / "matching" / "data" / "taxonomy.json.gz"
    assert json.loads(gzip.decompress(first.read_bytes())) == json.loads(gzip.decompress(committed.read_bytes())), (
        "matching/data/taxonomy.json.gz is stale: run .venv/bin/python -m scripts.build_taxonomy"
    )


def test_alternative_labels_that_name_other_things_are_not_aliases(tax: Taxonomy) -> None:
    javascript, java, php = tax.get("javascript"), tax.get("java"), tax.get("php")
    assert javascript is not None and java is not None and php is not None
    assert {"Mocha", "node", "Live script"}.isdisjoint(javascript.aliases)
    assert {"JS", "Client-side JavaScript", "JavaScripts"} <= set(javascript.aliases)
    assert "Java Posse" not in java.aliases and "ElePHPant" not in php.aliases
    node = tax.lookup("node")
    assert node is not None and node.name == "Node.js"
    assert tax.lookup("elephant") is None


def test_build_drops_labels_that_are_another_skills_name_or_not_written_from_the_name() -> None:
    from scripts.build_taxonomy import Builder, drop_foreign_aliases

    b = Builder(vendors=[], generic=set(), common=set(), vocab=set(), lower_phrases=set())
    javascript = b.new("JavaScript", "programming_language", "linguist")
    javascript.labels = [
        ("JavaScript", 1, "linguist"),
        ("js", 2, "linguist_alias"),
        ("node", 2, "linguist_alias"),
        ("Client-side JavaScript", 3, "esco_alt"),
        ("Mocha", 3, "esco_alt"),
        ("Java Posse", 3, "esco_alt"),
    ]
    node = b.new("Node.js", "tool", "curated")
    node.labels = [("Node.js", 0, "curated"), ("Node", 0, "curated")]
    ios = b.new("iOS", "tool", "esco")
    ios.labels = [("iOS", 1, "esco_pref"), ("iPhone OS", 3, "esco_alt"), ("Mac OS X", 3, "esco_alt")]
    b.register(javascript, "JavaScript")
    b.register(node, "Node.js", "Node")
    b.register(ios, "iOS")
    assert drop_foreign_aliases(b, {"java posse"}) == 4
    assert [label for label, _, _ in javascript.labels] == ["JavaScript", "js", "Client-side JavaScript"]
    assert [label for label, _, _ in ios.labels] == ["iOS", "iPhone OS"]
