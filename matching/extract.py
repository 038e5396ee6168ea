"""Find skills in text: exact index of normalised aliases first, then variants, then near-misses.

How a mention is found, in order of trust:

1. *exact* / *alias*: a run of normalised tokens equal to a skill's name or one of its aliases. The taxonomy's
   index holds keys and their word prefixes in one dict, so the cost is about one lookup per token.
2. *variant*: the same with the last word's plural removed ("databases" -> "database"); other variants
   (dotted names split or joined, "use X" -> "X", gerunds of ESCO verb phrases) are keys of the compiled
   taxonomy already.
3. *fuzzy*: a token that is no known word, at least ``FUZZY_MIN_LENGTH`` characters long, one edit away from a
   distinctive word of a well-known technical skill ("Kubernets", "Javascipt"), is corrected and the n-gram
   looked up again; kept when rapidfuzz's ratio between surface and key is at least ``FUZZY_CUTOFF``.

Then context decides (``_apply_context``):

* keys the sources write in capitals or capitalised ("SOAP", "Slack") need the same case in the text;
* ambiguous keys (common words: Go, R, C, Swift, Spring, Excel, Access, Word...) are dropped next to a veto
  word ("go-to-market", "R&D", "excel at"); technical ones also need evidence: a capital and either another
  technical skill within ``EVIDENCE_WINDOW`` tokens, a cue before it ("Experience with Go"), a place in a list
  next to another skill, or a skills label on its line ("Libraries: requests, selenium");
* weak keys (domain words: "design", "testing", "sales") count only where the text claims them: after a cue
  ("experience in", "strong", "knowledge of"; not "a good sense of design"), before "skills", at the start of a
  clause, or in a list; never before a word naming a role or a unit ("frontend developer", "security service");
* knowledge or a language that names a field ("BSc in Computer Science", "Department of Political Science",
  "B.A. in English") is dropped;
* nothing inside a URL (http, www, ftp) or an e-mail address, nor a name followed by a company suffix ("Oracle
  Inc") or a word naming an organisation ("American Marketing Association", "Java Institute");
* an acronym's plural is not a skill whose acronym ends in S ("CVs" is not the CVS tool);
* a plural category name written as a label before the skills it lists is a label ("Operating Systems: Windows").

Overlapping candidates are resolved longest first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, compress
from typing import NamedTuple

from rapidfuzz import fuzz

from matching.lists import list_items, under_skills_label
from matching.models import MatchKind, Skill, SkillKind, SkillMention
from matching.normalize import normalize, scan, singular_forms
from matching.phrases import PHRASE_MAX_CONFIDENCE, PhraseMode, looks_like_resume, phrase_runs
from matching.taxonomy import CODE_IS_KEY, CODE_IS_PREFIX, ContextRule, KeyEntry, Taxonomy, load_taxonomy

__all__ = ["EVIDENCE_WINDOW", "FUZZY_CUTOFF", "FUZZY_MIN_LENGTH", "ExtraSkill", "extract_skills"]

EVIDENCE_WINDOW = 15  # tokens either side in which another technical skill counts as evidence
LIST_NEIGHBOUR_WINDOW = 3  # tokens to the nearest other skill for a list to count as evidence
FUZZY_MIN_LENGTH = 7
DEGREE_LOOKBACK = 5  # tokens before a knowledge mention in which a degree word makes it a degree's subject
GAP_MAX = 2  # words that may stand between two words of a soft-skill phrase
CUE_LOOKBACK = 6  # tokens before a domain word ("design") in which a cue ("experience in") claims it
FUZZY_CUTOFF = 90.0

_TECH_KINDS: frozenset[SkillKind] = frozenset({"tool", "programming_language", "certification"})
_LIST_PUNCT = frozenset(",;|•·:()[]")
_ITEM_OPEN = frozenset(",;|•·:([")
_ITEM_CLOSE = frozenset(",;|•·()]")
_CONFIDENCE: dict[str, float] = {"exact": 1.0, "alias": 0.95, "variant": 0.85, "fuzzy": 0.75, "gapped": 0.7}
_MATCH_RANK: dict[MatchKind, int] = {"exact": 0, "alias": 1, "variant": 2, "fuzzy": 3}
_AMBIGUOUS_FACTOR = 0.85
VERB_PHRASE_CONFIDENCE = 0.55  # an ESCO skill named as a verb phrase with words inserted or inflected
SECTION_ITEM_CONFIDENCE = 0.5  # an unlisted skill named in a skills section
LIST_MATE_CONFIDENCE = 0.45  # an unlisted skill in a list of known skills
_PLURAL_CACHE_SIZE = 50_000
_GAPPED_ORDER_CACHE_SIZE = 10_000
_GAPPED_ORDER: dict[tuple[tuple[tuple[str, ...], int], ...], tuple[tuple[tuple[str, ...], int], ...]] = {}
_MAYBE_PLURAL = -1  # in the word table: a plural of a one-word key (see ``_word_table``)
_CUES = frozenset(
    {
        "experience", "experienced", "knowledge", "knowledgeable", "expertise", "expert", "skills", "skill",
        "skilled", "proficient", "proficiency", "familiar", "familiarity", "understanding", "background",
        "strong", "solid", "good", "excellent", "competence", "competent", "hands", "know-how", "exposure",
        "specialist", "specialised", "specialized", "versed", "fluent", "mastery", "command",
    }
)  # fmt: skip
# Before a tool's name, "using" claims it as well ("a web crawler using Requests & Selenium")
_TOOL_CUES = _CUES | frozenset({"using", "leveraging", "utilizing", "utilising"})
_CUES_AFTER = frozenset({"skills", "skill", "experience", "expertise", "knowledge", "background"})
# A domain word before these names a role, a team or a service ("frontend developer", "QA lead", "the security
# service", "sales team"), not a skill the text claims.
_ROLE_NOUNS = frozenset(
    {
        "developer", "developers", "engineer", "engineers", "administrator", "administrators", "admin", "admins",
        "architect", "architects", "manager", "managers", "tester", "testers", "analyst", "analysts",
        "consultant", "consultants", "specialist", "specialists", "lead", "leads", "team", "teams", "department",
        "departments", "dept", "service", "services", "officer", "officers", "guard", "guards", "associate",
        "associates", "executive", "executives", "representative", "representatives", "rep", "reps",
        "assistant", "assistants", "intern", "interns", "internship", "staff", "director", "directors",
        "coordinator", "coordinators", "technician", "technicians", "clerk", "clerks", "agent", "agents",
        "personnel", "supervisor", "supervisors", "professional", "professionals", "company", "companies",
        "firm", "firms", "agency", "agencies", "vendor", "vendors", "provider", "providers",
    }
)  # fmt: skip
_CLAUSE_ENDS = frozenset({".", ";", ":", "•", "!", "?", "(", ")", "|"})
_COMPANY_SUFFIXES = frozenset(
    {"inc", "ltd", "pvt", "llc", "llp", "plc", "corp", "corporation", "limited", "gmbh", "india", "incorporated"}
)
_DEGREE_ABBREVIATIONS = frozenset({"be", "bs", "ms", "ba", "ma", "me", "ms.c", "ms.", "b", "m"})
_FIELD_BEFORE = frozenset(
    {
        "department", "dept", "faculty", "school", "institute", "college", "university", "professor",
        "lecturer", "laboratory", "laboratories", "lab", "journal", "diploma", "studied", "studying",
    }
)  # fmt: skip
_FIELD_AFTER = frozenset(
    {
        "student", "students", "society", "department", "industry", "graduate", "graduates", "review",
        "journal", "club", "faculty", "major", "degree", "engineering", "teacher", "lecturer", "professor",
    }
)  # fmt: skip
_DEGREE_WORDS = frozenset(
    {
        "bachelor", "bachelors", "bachelor's", "master", "masters", "master's", "degree", "degrees", "diploma",
        "doctorate", "phd", "ph.d", "mba", "bsc", "b.sc", "msc", "m.sc", "b.s", "m.s", "b.a", "m.a", "ba", "bs",
        "b.e", "m.e", "b.tech", "btech", "m.tech", "mtech", "b.com", "bcom", "m.com", "mcom", "bba", "bca", "mca",
        "b.eng", "beng", "m.eng", "meng", "major", "majored", "majoring", "minor", "undergraduate",
        "postgraduate", "honours", "honors", "hsc", "ssc", "a.a", "a.s", "aas", "b.ed", "m.ed", "llb", "llm",
    }
)  # fmt: skip


_FIELD_MARKS = _DEGREE_WORDS | _FIELD_BEFORE | _DEGREE_ABBREVIATIONS
_ORGANISATION_WORDS = frozenset(
    {
        "association", "institute", "institution", "university", "college", "academy", "foundation", "council",
        "society", "club", "center", "centre", "federation", "chamber", "guild", "consortium",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ExtraSkill:
    """A skill a caller adds for one call (e.g. a company's internal tool) with the aliases it goes by."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: SkillKind = "tool"
    id: str | None = None


class _Spans:
    """Token offsets as ``spans[i] == (start, end)`` over two lists (no tuple per token)."""

    __slots__ = ("ends", "starts")

    def __init__(self, starts: list[int], ends: list[int]) -> None:
        self.starts, self.ends = starts, ends

    def __getitem__(self, i: int) -> tuple[int, int]:
        return self.starts[i], self.ends[i]

    def __len__(self) -> int:
        return len(self.starts)


class _Candidate(NamedTuple):
    first: int  # token index
    last: int  # token index, exclusive
    entry: KeyEntry
    key: str
    match: MatchKind
    score: float


def extract_skills(
    text: str,
    *,
    extra_skills: Iterable[ExtraSkill | Mapping[str, object]] | None = None,
    taxonomy: Taxonomy | None = None,
    phrases: PhraseMode = "off",
) -> list[SkillMention]:
    """Skills mentioned in ``text``, sorted by start, without overlaps; ``text[m.start:m.end] == m.surface``.

    ``phrases`` adds a second tier of skills that no taxonomy key names, all with ``match="fuzzy"`` and a
    confidence below 0.6 (every taxonomy mention has 0.6 or more): ``"off"`` (default) none; ``"auto"`` list
    items the taxonomy does not know (``matching.lists``) and, unless the text reads like a resume, ESCO verb
    phrases with words inserted or inflected ("develop beautiful campaigns" is "develop campaigns",
    ``matching.verbs``) and requirement phrases ("communicate efficiently with people", ``matching.phrases``);
    ``"on"`` all of them, resume or not. Requirement phrases and list items have a ``"phrase:"`` skill id and
    no ESCO link, unless they end with an ESCO skill's label (``_linked_skill``: "economics", "degree Computer
    Science"): then they are that skill, still with a second-tier confidence."""
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    words, starts, ends = scan(text)
    if not words:
        return []
    spans = _Spans(starts, ends)
    extra_keys, extra_prefixes = _compile_extra(extra_skills) if extra_skills else ({}, frozenset())
    cands = _exact_candidates(words, tax, extra_keys, extra_prefixes)
    cands += _fuzzy_candidates(words, tax, cands)
    cands += _gapped_candidates(words, tax)
    if "@" in text or "http" in text or "www" in text or "ftp:" in text:
        cands = _outside_links(cands, text, spans)
    cands = _apply_context(cands, text, spans, words, tax.contexts)
    if not text.isascii():
        cands = _without_accent_collisions(cands, text, starts, ends)
    chosen = _select(cands)
    labels = _category_labels(chosen, text, spans, words) if ":" in text else frozenset()
    mentions = []
    if phrases != "off":
        mentions += _unlisted_mentions(text, spans, words, chosen, tax, phrases)
    for c in chosen:
        if labels and c.first in labels:
            continue  # a category label: covered (no second-tier mention there), not a skill
        start, end = starts[c.first], ends[c.last - 1]
        skill = c.entry.skill
        mentions.append(  # positional: a quarter faster than keywords for this frozen dataclass
            SkillMention(
                start,
                end,
                text[start:end],  # surface
                skill.name,
                skill.id,
                skill.kind,
                skill.esco_uri,
                skill.esco_label,
                c.match,
                round(c.score, 3),  # confidence
            )
        )
    mentions.sort(key=lambda m: m.start)
    return mentions


_NAMED_KINDS = frozenset({"tool", "programming_language", "certification"})


def _without_accent_collisions(
    cands: list[_Candidate], text: str, starts: Sequence[int], ends: Sequence[int]
) -> list[_Candidate]:
    """A one-word product name is not matched by an accented word that folds onto it: the Spanish degree field
    "Informática" is not the Informatica ETL tool. Accent folding stays for everything else."""
    return [
        c
        for c in cands
        if not (
            c.last - c.first == 1
            and c.entry.skill.kind in _NAMED_KINDS
            and not text[starts[c.first] : ends[c.first]].isascii()
            and c.key.isascii()
        )
    ]


def _unlisted_mentions(
    text: str, spans: _Spans, words: Sequence[str], chosen: Sequence[_Candidate], tax: Taxonomy, mode: PhraseMode
) -> list[SkillMention]:
    """The second tier: skills no taxonomy key names, between the taxonomy's mentions. Requirement phrases
    (``matching.phrases``; not in resumes unless ``mode == "on"``), then list items (``matching.lists``)."""
    covered = bytearray(len(words))
    known = sorted((c.first, c.last) for c in chosen)
    for first, last in known:
        covered[first:last] = b"\x01" * (last - first)
    found: list[tuple[int, int, float, Skill | None]] = []
    model = tax.phrase_model()
    if mode == "on" or ((model is not None or tax.verb_phrases() is not None) and not looks_like_resume(text, words)):
        verbs = tax.verb_phrases()
        for first, last, index in verbs.find(words, covered) if verbs is not None else ():
            found.append((first, last, VERB_PHRASE_CONFIDENCE, tax.skills[index]))
            covered[first:last] = b"\x01" * (last - first)
        for first, last, prob in phrase_runs(words, covered, model) if model is not None else ():
            found.append((first, last, PHRASE_MAX_CONFIDENCE * prob, None))
        if found:
            known = sorted([*known, *((a, b) for a, b, _, _ in found)])
    for first, last, section in list_items(text, words, spans.starts, spans.ends, known):
        found.append((first, last, SECTION_ITEM_CONFIDENCE if section else LIST_MATE_CONFIDENCE, None))
    out = []
    for first, last, confidence, skill in found:
        start, end = spans.starts[first], spans.ends[last - 1]
        surface = text[start:end]
        if skill is None:
            skill = _linked_skill(words[first:last], tax)
        if skill is None:
            key = "-".join(w for w in words[first:last] if w[:1].isalnum())
            skill = Skill(id="phrase:" + key, name=" ".join(surface.split()), kind="knowledge")
        out.append(  # positional, as in extract_skills
            SkillMention(
                start,
                end,
                surface,
                skill.name,
                skill.id,
                skill.kind,
                skill.esco_uri,
                skill.esco_label,
                "fuzzy",  # match
                round(confidence, 3),  # confidence
            )
        )
    return out


_LINK_EDGE_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "as"})


def _linked_skill(words: Sequence[str], tax: Taxonomy) -> Skill | None:
    """The ESCO skill a second-tier phrase ends with: the longest tail of its words that is an ESCO preferred
    label ("economics", which alone is too generic for the first tier) or an unflagged key of a skill linked to
    ESCO ("degree Computer Science": a field, dropped in the first tier after a degree word). A tail that is
    an ambiguous, weak or case-bound key ("go", "design") links nothing."""
    for i in range(len(words)):
        if words[i] in _LINK_EDGE_WORDS or not words[i][:1].isalnum():
            continue
        key = " ".join(words[i:])
        code = tax.index.get(key)
        if code is not None and code & CODE_IS_KEY:
            entry = tax.entry(code)
            if entry.ambiguous or entry.weak or entry.case or not entry.skill.esco_label:
                return None
            return entry.skill
        skill = tax.lookup(key)
        if skill is not None and skill.esco_label and normalize(skill.esco_label) == key:
            return skill
    return None


def _compile_extra(
    extra: Iterable[ExtraSkill | Mapping[str, object]],
) -> tuple[dict[str, KeyEntry], frozenset[str]]:
    keys: dict[str, KeyEntry] = {}
    for item in extra:
        spec = item if isinstance(item, ExtraSkill) else _extra_from_mapping(item)
        skill = Skill(
            id=spec.id or "extra:" + "-".join(normalize(spec.name).split()),
            name=spec.name,
            kind=spec.kind,
            aliases=tuple(spec.aliases),
        )
        for i, label in enumerate((spec.name, *spec.aliases)):
            key = normalize(label)
            if key and key not in keys:
                keys[key] = KeyEntry(skill, "exact" if i == 0 else "alias")
    prefixes = {k[:i] for k in keys for i, ch in enumerate(k) if ch == " "}
    return keys, frozenset(prefixes)


def _extra_from_mapping(item: Mapping[str, object]) -> ExtraSkill:
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("an extra skill needs a non-empty 'name'")
    raw_aliases = item.get("aliases") or ()
    if isinstance(raw_aliases, str) or not isinstance(raw_aliases, Iterable):
        raise ValueError("'aliases' of an extra skill must be a list of strings")
    kind = item.get("kind", "tool")
    if kind not in ("knowledge", "tool", "programming_language", "certification", "soft", "language"):
        raise ValueError(f"unknown skill kind: {kind!r}")
    raw_id = item.get("id")
    return ExtraSkill(
        name=name,
        aliases=tuple(str(a) for a in raw_aliases),
        kind=kind,
        id=str(raw_id) if raw_id else None,
    )


def _exact_candidates(
    words: Sequence[str],
    tax: Taxonomy,
    extra_keys: Mapping[str, KeyEntry],
    extra_prefixes: frozenset[str],
) -> list[_Candidate]:
    if not extra_keys:
        return _index_candidates(words, tax)
    get, entry_of = tax.index.get, tax.entry
    out: list[_Candidate] = []
    append = out.append
    n = len(words)
    for i in range(n):
        key = words[i]
        code = get(key)
        j = i + 1
        while True:
            extra = extra_keys.get(key)
            if extra is not None:
                append(_Candidate(i, j, extra, key, extra.match, _CONFIDENCE[extra.match]))
            elif code is not None and code & CODE_IS_KEY:
                entry = entry_of(code)
                append(_Candidate(i, j, entry, key, entry.match, _CONFIDENCE[entry.match]))
            elif key[-1] == "s" and len(key) > 3:
                found = _plural_of(key, get, entry_of)
                if found is not None:
                    append(_Candidate(i, j, found[1], found[0], "variant", _CONFIDENCE["variant"]))
            if j >= n or not ((code or 0) & CODE_IS_PREFIX or key in extra_prefixes):
                break
            key = key + " " + words[j]
            j += 1
            code = get(key)
    return out


def _index_candidates(words: Sequence[str], tax: Taxonomy) -> list[_Candidate]:
    """The hot path: keys of the taxonomy only, one lookup per token in a table of one-word phrases (codes pack
    key/prefix bits), and a lookup of a longer phrase only where the next word may extend it."""
    get, entry_of, entries = tax.index.get, tax.entry, tax.entries
    singles, nexts = tax.word_table or _word_table(tax)
    plurals = tax.plurals
    if len(plurals) > _PLURAL_CACHE_SIZE:
        plurals = tax.plurals = {}  # replaced, not cleared: another thread's call keeps the one it reads
    out: list[_Candidate] = []
    append = out.append
    n = len(words)
    codes = list(map(singles.get, words))
    variant_score = _CONFIDENCE["variant"]
    new = tuple.__new__  # new(_Candidate, (...)): a candidate without the NamedTuple's Python-level __new__
    is_key, is_prefix = CODE_IS_KEY, CODE_IS_PREFIX
    last = n - 1
    for i, code in zip(compress(range(n), codes), filter(None, codes), strict=True):
        if code == _MAYBE_PLURAL:  # a lone plural ("APIs", "databases"): its singular may be a key (cached)
            word = words[i]
            if word in plurals:
                found = plurals[word]
            else:
                found = plurals[word] = _plural_of(word, get, entry_of) if len(word) > 3 else None
            if found is not None:
                append(new(_Candidate, (i, i + 1, found[1], found[0], "variant", variant_score)))
            continue
        if code & is_key:
            entry = entries.get(code) or entry_of(code)
            append(new(_Candidate, (i, i + 1, entry, words[i], entry.match, _CONFIDENCE[entry.match])))
        if not code & is_prefix or i == last or words[i + 1] not in nexts[words[i]]:
            continue  # no phrase of the index, nor its plural, starts with these two words
        key = words[i] + " " + words[i + 1]
        j = i + 2
        while True:
            next_code = get(key)
            if next_code is None:
                if key[-1] == "s":  # "relational databases"
                    if key in plurals:
                        found = plurals[key]
                    else:
                        found = plurals[key] = _plural_of(key, get, entry_of)
                    if found is not None:
                        append(new(_Candidate, (i, j, found[1], found[0], "variant", variant_score)))
                break
            code = next_code
            if code & is_key:
                entry = entries.get(code) or entry_of(code)
                append(new(_Candidate, (i, j, entry, key, entry.match, _CONFIDENCE[entry.match])))
            if not code & is_prefix or j >= n:
                break
            key = key + " " + words[j]
            j += 1
    return out


def _plural_forms(word: str) -> list[str]:
    """The plurals that ``_plural_of`` reads back to ``word`` ("database" -> "databases", "technology" ->
    "technologies", "approach" -> "approaches")."""
    forms = [word + "s"]
    if word.endswith("y"):
        forms.append(word[:-1] + "ies")
    elif word.endswith(("ch", "sh", "x", "ss", "z")):
        forms.append(word + "es")
    return forms


def _word_table(tax: Taxonomy) -> tuple[dict[str, int], dict[str, frozenset[str]]]:
    """Extraction's tables, built once per taxonomy: the one-word phrases of the index with their codes, plus
    ``_MAYBE_PLURAL`` for the plurals of one-word keys that are no phrase themselves (a twentieth of the index, so
    the table stays in the processor's cache where every token is looked up); and for each one-word prefix, the
    words that may follow it (second words of its phrases and their plurals: another word extends none)."""
    singles, pairs = tax.short_phrases()
    table = dict.fromkeys(
        [form for word, code in singles.items() if code & CODE_IS_KEY for form in _plural_forms(word)], _MAYBE_PLURAL
    )
    table.update(singles)
    # Each second word with its plurals, one string object per word (the pairs repeat them).
    forms = {word: [word, *_plural_forms(word)] for word in set(chain.from_iterable(pairs.values()))}
    nexts = {first: frozenset(chain.from_iterable(map(forms.__getitem__, seconds))) for first, seconds in pairs.items()}
    tax.word_table = (table, nexts)
    return tax.word_table


def _plural_of(
    key: str, get: Callable[[str], int | None], entry_of: Callable[[int], KeyEntry]
) -> tuple[str, KeyEntry] | None:
    """The key whose plural ``key`` is ("databases" -> "database", "technologies" -> "technology")."""
    if key.endswith(("ss", "us", "as", "os")):  # "class", "status", "canvas", "kudos"
        return None
    forms = [key[:-1]]
    if key.endswith("ies"):
        forms.append(key[:-3] + "y")
    elif key.endswith(("ches", "shes", "xes", "sses", "zes")):
        forms.append(key[:-2])
    for form in forms:
        code = get(form)
        if code is not None and code & CODE_IS_KEY:
            entry = entry_of(code)
            if not entry.ambiguous and not entry.case and entry.skill.kind != "soft":  # not "initiatives"
                return form, entry
    return None


def _fuzzy_candidates(words: Sequence[str], tax: Taxonomy, found: Sequence[_Candidate]) -> list[_Candidate]:
    """Near-misses: unknown long tokens corrected to a key word one edit away, then looked up again."""
    out: list[_Candidate] = []
    fixes_of = tax.misspellings.current()
    unknown_words = set(words).difference(tax.vocab)
    for w in unknown_words.difference(fixes_of):  # first seen: worked out once, then kept a while
        fixes = tax.corrections(w) if len(w) >= FUZZY_MIN_LENGTH and w.isalpha() else ()
        if fixes and any(f in tax.vocab for f in singular_forms(w)):
            fixes = ()  # a plural of a known word is no misspelling (tested second: corrections are rarer)
        fixes_of[w] = fixes
    unknown = {w: fixes_of[w] for w in filter(fixes_of.get, unknown_words)}
    if not unknown:
        return out
    covered: set[int] = set()
    for c in found:
        covered.update(range(c.first, c.last))
    for i in compress(range(len(words)), map(unknown.__contains__, words)):
        word = words[i]
        if i in covered:
            continue
        for fix in unknown[word]:
            fixed = [*words[max(0, i - 3) : i], fix, *words[i + 1 : i + 4]]
            offset = max(0, i - 3)
            for c in _exact_candidates(fixed, tax, {}, frozenset()):
                if not c.first <= i - offset < c.last or c.entry.ambiguous or c.entry.case:
                    continue
                if c.entry.skill.kind not in _TECH_KINDS:  # misspelt tool names, not misspelt prose
                    continue
                surface = " ".join(words[offset + c.first : offset + c.last])
                score = fuzz.ratio(surface, c.key)
                if score >= FUZZY_CUTOFF:
                    out.append(
                        _Candidate(
                            offset + c.first,
                            offset + c.last,
                            c.entry,
                            c.key,
                            "fuzzy",
                            _CONFIDENCE["fuzzy"] * score / 100.0,
                        )
                    )
    return out


_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)\S+", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _outside_links(cands: list[_Candidate], text: str, spans: _Spans) -> list[_Candidate]:
    """Drop candidates inside URLs and e-mail addresses ("https", "ftp", "indeed", "gmail")."""
    links = []
    lowered = text.lower()
    for marker in ("http", "www.", "ftp:"):
        at = lowered.find(marker)
        while at != -1:  # URLs: matched where one may start only (a regex over the whole text is slow)
            m = _URL_RE.match(text, at)
            if m:
                links.append(m.span())
            at = lowered.find(marker, m.end() if m else at + 1)
    at = text.find("@")
    while at != -1:  # e-mail addresses: matched around each "@" only (a regex over the text is slow)
        line_start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        m = _EMAIL_RE.match(text, line_start)
        if m and m.start() <= at < m.end():
            links.append(m.span())
        at = text.find("@", at + 1)
    masked: set[int] = set()
    for start, end in links:
        masked.update(range(bisect.bisect_right(spans.ends, start), bisect.bisect_left(spans.starts, end)))
    if not masked:
        return cands
    return [c for c in cands if c.first not in masked and c.last - 1 not in masked]


def _gapped_candidates(words: Sequence[str], tax: Taxonomy) -> list[_Candidate]:
    """Soft-skill phrases with up to ``GAP_MAX`` words inserted between their words, within a clause
    ("work in small agile teams" for "work in teams")."""
    gapped = tax.gapped_keys()
    out: list[_Candidate] = []
    n = len(words)
    order = _GAPPED_ORDER
    for i in compress(range(n), map(gapped.__contains__, words)):
        by_second = gapped[words[i]]
        after = words[i + 1 : i + 2 + GAP_MAX]
        if by_second.keys().isdisjoint(after):
            continue  # most places: no second word of a key follows
        keys: tuple[tuple[tuple[str, ...], int], ...] = ()
        for w in after:
            got = by_second.get(w)
            if got and got is not keys:
                keys = keys + got if keys else got
        if len(keys) > 1:
            merged = order.get(keys)
            if merged is None:
                if len(order) > _GAPPED_ORDER_CACHE_SIZE:
                    order.clear()
                merged = order[keys] = tuple(sorted(set(keys), key=lambda kc: (-len(kc[0]), kc[0])))
            keys = merged
        # The words a key can take: each within GAP_MAX + 1 of the one before (keys[0] is the longest key).
        reach = frozenset(words[i : i + 1 + (GAP_MAX + 1) * (len(keys[0][0]) - 1)])
        for key_words, code in keys:
            if not reach.issuperset(key_words):
                continue  # a word of the key is out of reach (most keys)
            j = i
            for want in key_words[1:]:
                found = -1
                for k in range(j + 1, min(n, j + 2 + GAP_MAX)):
                    word = words[k]
                    if word == want:
                        found = k
                        break
                    if word in _CLAUSE_ENDS or word == ",":
                        break
                if found < 0:
                    break
                j = found
            else:
                if j - i + 1 > len(key_words):  # words were inserted (else the exact index has it)
                    entry = tax.entry(code)
                    out.append(_Candidate(i, j + 1, entry, " ".join(key_words), "variant", _CONFIDENCE["gapped"]))
                    break
    return out


def _apply_context(
    cands: list[_Candidate],
    text: str,
    spans: _Spans,
    words: Sequence[str],
    contexts: Mapping[str, ContextRule],
) -> list[_Candidate]:
    """Drop candidates their context rules out: wrong case, veto words, no evidence, a degree's subject."""
    starts, ends = spans.starts, spans.ends
    anchors = sorted([c.first for c in cands if not c.entry.ambiguous and c.entry.skill.kind in _TECH_KINDS])
    positions = sorted([c.first for c in cands])
    kept: list[_Candidate] = []
    for c in cands:
        entry = c.entry
        if entry.case and not _case_ok(entry.case, text[starts[c.first] : ends[c.last - 1]]):
            continue
        if c.key[-1] == "s" and c.last - c.first == 1 and _acronym_plural(text[starts[c.first] : ends[c.first]], entry):
            continue  # "CVs" (resumes) is not the CVS tool, nor "CRs" the CRS
        following = words[c.last] if c.last < len(words) else ""
        if following in _COMPANY_SUFFIXES:
            continue  # "Oracle Inc", "Oracle India Pvt Ltd": an employer, not a skill
        if following in _ORGANISATION_WORDS:
            continue  # "American Marketing Association", "Java Institute": an organisation's name
        kind = entry.skill.kind
        if (kind == "knowledge" or kind == "language") and _names_a_field(text, spans, words, c.first, c.last):
            continue  # "BSc in Computer Science", "Department of Political Science": a field, not a claim
        if following == ":" and (entry.weak or entry.ambiguous) and c.last - c.first == 1:
            continue  # "Mobile:", "Source:", "Office:": a label, not the skill
        if entry.weak:
            if following in _ROLE_NOUNS and _same_phrase(text, spans, c.last):
                continue  # "frontend developer", "QA lead", "the security service": a role or a unit, not a claim
            if (
                _claimed(words, c.first, c.last)
                or _bare_item(text, spans, words, c.first, c.last)
                or (_in_list(text, spans, words, c.first, c.last) and _has_near(positions, c.first, 2, c))
            ):
                kept.append(_Candidate(c.first, c.last, entry, c.key, c.match, c.score * _AMBIGUOUS_FACTOR))
            continue
        if not entry.ambiguous:
            kept.append(c)
            continue
        rule = contexts.get(c.key)
        if rule is not None and _vetoed(rule, words, c.first, c.last):
            continue
        if entry.skill.kind not in _TECH_KINDS:
            kept.append(_Candidate(c.first, c.last, entry, c.key, c.match, c.score * _AMBIGUOUS_FACTOR))
            continue
        surface = text[starts[c.first] : ends[c.last - 1]]
        letters = [ch for ch in surface if ch.isalpha()]
        if len(letters) <= 1 and not surface.isupper():
            continue
        capitalised = any(ch.isupper() for ch in letters)
        near_anchor = _has_near(anchors, c.first, EVIDENCE_WINDOW, c)
        if not (capitalised or near_anchor):
            continue
        in_list = (capitalised and near_anchor) or (
            _in_list(text, spans, words, c.first, c.last) and _has_near(positions, c.first, LIST_NEIGHBOUR_WINDOW, c)
        )
        # "Experience with Go", "built using Selenium": a capitalised name after a cue is claimed on its own;
        # "Libraries: requests, selenium": a skills label says its items name tools
        if in_list or (capitalised and _cued(words, c.first, _TOOL_CUES)) or under_skills_label(text, starts[c.first]):
            kept.append(_Candidate(c.first, c.last, entry, c.key, c.match, c.score * _AMBIGUOUS_FACTOR))
    return kept


def _same_phrase(text: str, spans: _Spans, k: int) -> bool:
    """Token ``k`` continues the phrase before it: on the same line, or on the next in lower case (a wrapped
    line: "security\nservice"), not the next item of a list written one per line ("Testing\nTeam lead")."""
    gap = text[spans.ends[k - 1] : spans.starts[k]]
    return "\n" not in gap or text[spans.starts[k]].islower()


def _acronym_plural(surface: str, entry: KeyEntry) -> bool:
    """``surface`` is the plural of an acronym ("CVs", "CRs") while the skill's own acronym ends in a capital S
    ("CVS", "CRS"): another acronym, not the skill (unless the skill is also named by the singular: "OOPs")."""
    if len(surface) < 3 or surface[-1] != "s" or not surface[:-1].isalpha() or not surface[:-1].isupper():
        return False
    acronym, singular = surface.upper(), surface[:-1]
    words = {word for label in (entry.skill.name, *entry.skill.aliases) for word in label.split()}
    return acronym in words and singular not in words


def _case_ok(case: str, surface: str) -> bool:
    letters = [ch for ch in surface if ch.isalpha()]
    if not letters:
        return True
    if case == "upper":  # as the source writes it: "SOAP", "SAFe" (two capitals at least), not "soap"
        return all(ch.isupper() for ch in letters) if len(letters) < 2 else sum(map(str.isupper, letters)) >= 2
    return letters[0].isupper()


def _claimed(words: Sequence[str], first: int, last: int) -> bool:
    """A cue before the words in the same clause ("experience in", "knowledge of", "strong"), "skills" after,
    or the word opens a clause ("Design and build data pipelines")."""
    if last < len(words) and words[last] in _CUES_AFTER:
        return True
    if first == 0 or words[first - 1] in _CLAUSE_ENDS:
        return True
    return _cued(words, first)


def _cued(words: Sequence[str], first: int, cues: frozenset[str] = _CUES) -> bool:
    """A cue ("experience with", "knowledge of", "strong") before token ``first`` in the same clause."""
    for k in range(first - 1, max(-1, first - CUE_LOOKBACK - 1), -1):
        word = words[k]
        if word in cues:
            return True
        if word in _CLAUSE_ENDS or (word == "of" and k > 0 and words[k - 1] not in _CUES):
            return False  # "a good sense of design": the cue claims the noun before "of", not the word
    return False


def _marks_a_field(text: str, spans: _Spans, words: Sequence[str], k: int) -> bool:
    """Word ``k`` makes what follows a field of study: a degree, "Department", "studied"."""
    word = words[k]
    if word in _DEGREE_WORDS or word in _FIELD_BEFORE:
        return True
    # "BE", "BS", "MS", "BA", "MA" written as degrees, not the verb "be"
    return word in _DEGREE_ABBREVIATIONS and text[spans.starts[k] : spans.ends[k]].replace(".", "").isupper()


def _names_a_field(text: str, spans: _Spans, words: Sequence[str], first: int, last: int) -> bool:
    """The words name a field of study or an organisation's subject: after a degree or "Department of"
    (``DEGREE_LOOKBACK`` words at most), or before "student", "society", "industry"."""
    if last < len(words) and words[last] in _FIELD_AFTER:
        return True
    lo = max(0, first - DEGREE_LOOKBACK)
    if _FIELD_MARKS.isdisjoint(words[lo:first]):
        return False  # most places: no degree nor field word just before
    return any(_marks_a_field(text, spans, words, k) for k in range(lo, first))


def _vetoed(rule: ContextRule, words: Sequence[str], first: int, last: int) -> bool:
    if last < len(words):
        for parts in rule.after_by_first.get(words[last], ()):
            if tuple(words[last : last + len(parts)]) == parts:
                return True
    if first > 0:
        for parts in rule.before_by_last.get(words[first - 1], ()):
            if first >= len(parts) and tuple(words[first - len(parts) : first]) == parts:
                return True
    return False


def _has_near(positions: Sequence[int], at: int, window: int, me: _Candidate) -> bool:
    lo = bisect.bisect_left(positions, at - window)
    hi = bisect.bisect_right(positions, at + window)
    return any(not me.first <= positions[k] < me.last for k in range(lo, hi))


def _in_list(text: str, spans: _Spans, words: Sequence[str], first: int, last: int) -> bool:
    """The tokens stand between list separators (commas, slashes, bullets, brackets, line breaks)."""
    starts, ends = spans.starts, spans.ends
    before = text[ends[first - 1] : starts[first]] if first > 0 else "\n"
    after = text[ends[last - 1] : starts[last]] if last < len(starts) else "\n"
    prev_word = words[first - 1] if first > 0 else ""
    next_word = words[last] if last < len(words) else ""
    return _separates(before, prev_word) or _separates(after, next_word)


def _separates(gap: str, word: str) -> bool:
    """The space and the token between two list items separate them."""
    return "/" in gap or "\n" in gap or word in _LIST_PUNCT or word in ("and", "or")


def _bare_item(text: str, spans: _Spans, words: Sequence[str], first: int, last: int) -> bool:
    """The words are an item on their own: a separator or line break on both sides ("Skills: Testing,
    Programming (3 years)")."""
    starts, ends = spans.starts, spans.ends
    if first > 0 and not ("\n" in text[ends[first - 1] : starts[first]] or words[first - 1] in _ITEM_OPEN):
        return False
    return last >= len(words) or "\n" in text[ends[last - 1] : starts[last]] or words[last] in _ITEM_CLOSE


_LABEL_KINDS = frozenset({"knowledge", "tool"})


def _category_labels(chosen: list[_Candidate], text: str, spans: _Spans, words: Sequence[str]) -> frozenset[int]:
    """First tokens of the chosen candidates that are a plural category name written as a label before the
    skills it lists: "Operating Systems: Windows, Linux", "Scripting Languages: Perl, Bash" (not "Risk
    Management: ...", nor an acronym, "DBMS: Oracle")."""
    firsts = sorted(c.first for c in chosen)
    out = []
    for c in chosen:
        if c.last >= len(words) or words[c.last] != ":" or c.entry.skill.kind not in _LABEL_KINDS:
            continue
        last_word = words[c.last - 1]
        if len(last_word) <= 3 or not last_word.endswith("s") or last_word.endswith(("ss", "us", "is")):
            continue  # not a plural noun
        if text[spans.starts[c.last - 1] : spans.ends[c.last - 1]].isupper():
            continue  # an acronym: "DBMS", "AWS"
        line_end = text.find("\n", spans.ends[c.last])
        k = bisect.bisect_right(firsts, c.last)
        if k < len(firsts) and (line_end < 0 or spans.starts[firsts[k]] < line_end):
            out.append(c.first)  # another skill follows on the label's line
    return frozenset(out)


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest (in tokens, then characters of key) first."""
    order = sorted(
        cands,
        key=lambda c: (-(c.last - c.first), -len(c.key), _MATCH_RANK[c.match], -c.score, c.first),
    )
    taken = bytearray(max((c.last for c in cands), default=0))
    out = []
    for c in order:
        if 1 in taken[c.first : c.last]:
            continue
        taken[c.first : c.last] = b"\x01" * (c.last - c.first)
        out.append(c)
    return out
