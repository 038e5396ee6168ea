"""matching.evaluate: readers of the labelled sets and the overlap scores, on small files made here."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from matching import evaluate as ev
from matching.models import SkillMention


def mention(start: int, end: int, text: str, esco_label: str | None = None) -> SkillMention:
    return SkillMention(start, end, text[start:end], "x", "x", "tool", None, esco_label, "exact", 1.0)


def fake_extractor(words: dict[str, str | None]) -> ev.Extractor:
    """Mentions of the given words wherever they occur, with the given ESCO label."""

    def extract(text: str) -> Sequence[SkillMention]:
        out = []
        for word, label in words.items():
            at = text.find(word)
            if at >= 0:
                out.append(mention(at, at + len(word), text, label))
        return sorted(out, key=lambda m: m.start)

    return extract


def test_skillspan_reader_joins_tokens_and_reads_bio_spans(tmp_path: Path) -> None:
    row = {
        "idx": 1,
        "tokens": ["Strong", "Python", "and", "team", "work", "skills"],
        "tags_skill": ["O", "O", "O", "B", "I", "O"],
        "tags_knowledge": ["O", "B", "O", "O", "O", "O"],
        "source": "tech",
    }
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(row) + "\n")
    (example,) = ev.read_skillspan(path)
    assert example.text == "Strong Python and team work skills"
    spans = {(example.text[g.start : g.end], g.label) for g in example.gold}
    assert spans == {("Python", "KNOWLEDGE"), ("team work", "SKILL")}


def test_span_scores_count_overlaps_both_ways(tmp_path: Path) -> None:
    row = {
        "tokens": ["Python", "and", "team", "work", "and", "golf"],
        "tags_skill": ["O", "O", "B", "I", "O", "O"],
        "tags_knowledge": ["B", "O", "O", "O", "O", "O"],
    }
    path = tmp_path / "dev.json"
    path.write_text(json.dumps([row]))
    scores = ev.evaluate_skillspan(path, fake_extractor({"Python": None, "work": None, "golf": None}))
    assert scores["recall"] == 1.0  # "work" overlaps "team work"
    assert scores["precision"] == pytest.approx(2 / 3, abs=1e-3)  # "golf" overlaps nothing
    assert scores["recall_per_label"] == {"KNOWLEDGE": 1.0, "SKILL": 1.0}


def test_dotin_reader_strips_tags_and_keeps_skill_spans(tmp_path: Path) -> None:
    folder = tmp_path / "train"
    folder.mkdir()
    (folder / "1.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<cv>\n<label type="Name">A B</label>\n'
        'Skills: <label type="Tech Tools">Java</label>, <label type="Soft Skills">R&amp;D leadership</label>\n'
        '<label type="Designation">Engineer</label>\n</cv>\n'
    )
    (example,) = ev.read_dotin(folder)
    assert "<label" not in example.text and "R&D leadership" in example.text
    assert {(example.text[g.start : g.end], g.label) for g in example.gold} == {
        ("Java", "Tech Tools"),
        ("R&D leadership", "Soft Skills"),
    }


def test_decorte_scores_linked_labels_per_sentence(tmp_path: Path) -> None:
    (tmp_path / "tech_validation_annotations.csv").write_text(
        "sentence,span,sub_span,label\n"
        "Java and HTML,Java,,Java (computer programming)\n"
        "Java and HTML,HTML,,LABEL NOT PRESENT\n"
        "Be motivated,motivated,,show determination\n"
    )
    extract = fake_extractor({"Java": "Java (computer programming)", "HTML": "markup languages"})
    scores = ev.evaluate_decorte(tmp_path, extract)["all"]
    assert isinstance(scores, dict)
    assert scores["gold"] == 2 and scores["predicted"] == 2
    assert scores["recall"] == 0.5 and scores["precision"] == 0.5


def test_sayfullina_puts_the_phrase_back_and_scores_both_classes(tmp_path: Path) -> None:
    path = tmp_path / "job_train.csv"
    path.write_text(
        "is_soft_skill,soft_skill,context\n"
        "1,team player,be a xxx xxx with us\n"
        "0,dynamic,join a xxx team\n"
        "1,able to multitask,you be xxx xxx xxx\n"
    )
    rows = ev.read_sayfullina(path)
    assert rows[0][1].text == "be a team player with us"
    scores = ev.evaluate_sayfullina(path, fake_extractor({"team player": None, "dynamic": None}))
    assert scores["recall"] == 0.5
    assert scores["precision_proxy"] == 0.5
    assert scores["negatives_flagged"] == 1.0


def test_main_prints_every_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[Path] = []
    saved = list(ev.SECTIONS)
    ev.SECTIONS[:] = [lambda d: calls.append(d) or "## fake section"]
    try:
        assert ev.main(["--data", str(tmp_path)]) == 0
    finally:
        ev.SECTIONS[:] = saved
    assert calls == [tmp_path]
    assert "## fake section" in capsys.readouterr().out


def test_the_second_tier_is_measured_unless_turned_off(tmp_path: Path) -> None:
    tokens = ["You", "will", "develop", "beautiful", "campaigns", "."]
    row = {"tokens": tokens, "tags_skill": ["O", "O", "B", "I", "I", "O"], "tags_knowledge": ["O"] * 6}
    folder = tmp_path / "skills" / "skillspan"
    folder.mkdir(parents=True)
    (folder / "dev.json").write_text(json.dumps([row]))
    auto = ev.evaluate_skills(tmp_path)["skillspan_dev"]
    off = ev.evaluate_skills(tmp_path, phrases="off")["skillspan_dev"]
    assert isinstance(auto, dict) and isinstance(off, dict)
    assert (auto["recall"], off["recall"]) == (1.0, 0.0)


def test_main_reports_missing_data(tmp_path: Path) -> None:
    assert ev.main(["--data", str(tmp_path / "absent")]) == 2


@pytest.mark.corpus
@pytest.mark.slow
def test_real_sets_beat_the_exact_dictionary_baselines(shared_data: Path) -> None:
    results = ev.evaluate_skills(shared_data / "eval")
    skillspan, dotin, decorte = results["skillspan_dev"], results["dotin"], results["decorte"]
    assert isinstance(skillspan, dict) and isinstance(dotin, dict) and isinstance(decorte, dict)
    # Exact dictionary lookup (pyresparser-like) reaches ~0.38 recall at 0.51 precision on job-ad spans and
    # exact ESCO labels link ~0.13 at 0.33; regressions below these mean the extractor broke.
    assert skillspan["precision"] > 0.51 and skillspan["recall"] > 0.3
    assert dotin["recall"] > 0.51
    assert decorte["all"]["precision"] > 0.33 and decorte["all"]["recall"] > 0.13
