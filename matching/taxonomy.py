"""The compiled skills taxonomy: load it, look skills up, search them.

The taxonomy is built by ``scripts/build_taxonomy.py`` from ESCO, O*NET, GitHub Linguist and
``matching/data/curated.toml`` into ``matching/data/taxonomy.json.gz`` (shipped with the package). Besides the
skills it holds the matchable keys: normalised names and aliases (see ``matching.normalize``), each pointing to
one skill with how it was derived and whether it is ambiguous (a common word that needs evidence).

Keys and their word prefixes share one table, ``Taxonomy.index``: normalised phrase -> packed int code (see
``CODE_*``), so matching costs one dict lookup per token and loading is a split and a zip.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby, repeat
from operator import itemgetter
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process

from matching.models import MatchKind, Skill, SkillKind
from matching.normalize import WordCache, normalize
from matching.phrases import PhraseModel
from matching.verbs import VerbPhrases

__all__ = [
    "CODE_IS_KEY",
    "CODE_IS_PREFIX",
    "DEFAULT_TAXONOMY_PATH",
    "ContextRule",
    "KeyEntry",
    "Taxonomy",
    "load_taxonomy",
]

logger = logging.getLogger(__name__)

DEFAULT_TAXONOMY_PATH = Path(__file__).resolve().parent / "data" / "taxonomy.json.gz"
CODE_IS_PREFIX = 1  # a longer key starts with this phrase followed by a space
CODE_IS_KEY = 2  # this phrase is a key; bits 2-5 flags, 6-7 match kind, 8+ skill index
_F_AMBIGUOUS, _F_UPPER, _F_TITLE, _F_WEAK = 1, 2, 4, 8
_MATCH_KINDS: tuple[MatchKind, ...] = ("exact", "alias", "variant", "fuzzy")
_SEARCH_FUZZY_CUTOFF = 80.0
_CORRECTIONS_CACHE_SIZE = 20_000
_DELETION_HEAD = 4  # ``Taxonomy.corrections`` tries deletions among a word's first four letters apart from the rest

CaseRule = Literal["", "upper", "title"]


@dataclass(frozen=True, slots=True)
class KeyEntry:
    """What a normalised key stands for."""

    skill: Skill
    match: MatchKind
    ambiguous: bool = False  # a common word: taken only with evidence (see matching.extract)
    case: CaseRule = ""  # the text must be in capitals ("SOAP") / capitalised ("Slack")
    weak: bool = False  # a domain word ("design", "testing"): taken where the text claims it as a skill


@dataclass(frozen=True, slots=True)
class ContextRule:
    """Words that, next to an ambiguous alias, show it is not the skill ("go" before "to")."""

    veto_before: frozenset[str] = frozenset()
    veto_after: frozenset[str] = frozenset()
    # The same phrases as word tuples, by their word next to the alias (last word before, first word after).
    before_by_last: Mapping[str, tuple[tuple[str, ...], ...]] = field(init=False, repr=False, compare=False)
    after_by_first: Mapping[str, tuple[tuple[str, ...], ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        before: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(self.veto_before):
            parts = tuple(phrase.split())
            if parts:
                before.setdefault(parts[-1], []).append(parts)
        after: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(self.veto_after):
            parts = tuple(phrase.split())
            if parts:
                after.setdefault(parts[0], []).append(parts)
        object.__setattr__(self, "before_by_last", {k: tuple(v) for k, v in before.items()})
        object.__setattr__(self, "after_by_first", {k: tuple(v) for k, v in after.items()})


def _encode(index: int, entry: KeyEntry) -> int:
    flags = (
        (_F_AMBIGUOUS if entry.ambiguous else 0)
        | (_F_UPPER if entry.case == "upper" else _F_TITLE if entry.case == "title" else 0)
        | (_F_WEAK if entry.weak else 0)
    )
    return (index << 8) | (_MATCH_KINDS.index(entry.match) << 6) | (flags << 2) | CODE_IS_KEY


class _KeyView(Mapping[str, KeyEntry]):
    """The keys of a taxonomy as a read-only mapping of ``KeyEntry`` (decoded on access)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._tax = taxonomy
        self._len: int | None = None

    def __getitem__(self, key: str) -> KeyEntry:
        code = self._tax.index.get(key, 0)
        if not code & CODE_IS_KEY:
            raise KeyError(key)
        return self._tax.entry(code)

    def __iter__(self) -> Iterator[str]:
        return (k for k, code in self._tax.index.items() if code & CODE_IS_KEY)

    def __len__(self) -> int:
        if self._len is None:
            self._len = sum(1 for code in self._tax.index.values() if code & CODE_IS_KEY)
        return self._len

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self._tax.index.get(key, 0) & CODE_IS_KEY)


class Taxonomy:
    """Skills by id, matchable keys, and search. Immutable once built; safe to share between threads."""

    def __init__(
        self,
        skills: Sequence[Skill],
        keys: Mapping[str, KeyEntry] | None = None,
        contexts: Mapping[str, ContextRule] | None = None,
        vocab: Iterable[str] = (),
        attribution: str = "",
        *,
        index: dict[str, int] | None = None,
        fuzzy_targets: Iterable[str] | None = None,
        gapped: Iterable[str] | None = None,
        phrases: Mapping[str, object] | None = None,
        verb_phrases: str | None = None,
    ) -> None:
        """Either ``keys`` (small taxonomies, tests) or a packed ``index`` (the compiled file)."""
        self.skills: tuple[Skill, ...] = tuple(skills)
        self._by_id: dict[str, Skill] = {s.id: s for s in self.skills}
        if index is None:
            position = {s.id: i for i, s in enumerate(self.skills)}
            index = {}
            for key, entry in (keys or {}).items():
                for i, ch in enumerate(key):
                    if ch == " ":
                        index[key[:i]] = index.get(key[:i], 0) | CODE_IS_PREFIX
                index[key] = _encode(position[entry.skill.id], entry) | (index.get(key, 0) & CODE_IS_PREFIX)
        self.index: dict[str, int] = index
        self.word_table: tuple[dict[str, int], dict[str, frozenset[str]]] | None = None  # extraction's tables
        self.keys: Mapping[str, KeyEntry] = _KeyView(self)
        self.contexts: Mapping[str, ContextRule] = contexts or {}
        self.vocab: frozenset[str] = frozenset(vocab)
        self.attribution = attribution
        self.entries: dict[int, KeyEntry] = {}  # decoded codes (see ``entry``)
        self._by_esco_label: dict[str, Skill] | None = None
        self._search_index: tuple[list[str], list[Skill], list[bool]] | None = None
        self._search_names: list[str] | None = None
        self._deletions: dict[str, tuple[str, ...]] | None = None
        self._deletion_heads: frozenset[str] = frozenset()  # the deletions' keys' first four letters
        self._deletion_tails: frozenset[str] = frozenset()  # the deletions' keys from their fourth letter on
        self._corrections: dict[str, tuple[str, ...]] = {}
        self.plurals: dict[str, tuple[str, KeyEntry] | None] = {}  # extraction's cache of plural lookups
        self.misspellings: WordCache[tuple[str, ...]] = WordCache()  # extraction's: unknown word -> corrections
        self._fuzzy_targets = frozenset(fuzzy_targets) if fuzzy_targets is not None else None
        self._gapped: dict[str, dict[str, tuple[tuple[tuple[str, ...], int], ...]]] | None = None
        self._gapped_source = tuple(gapped) if gapped is not None else None
        self._phrase_source = phrases
        self._phrase_model: PhraseModel | None = None
        self._verb_source = verb_phrases
        self._verb_phrases: VerbPhrases | None = None

    @classmethod
    def from_json(cls, document: Mapping[str, object]) -> Taxonomy:
        """Build from the compiled document (the JSON written by the build script)."""
        rows = document["skills"]
        assert isinstance(rows, list)
        skills = [
            Skill(
                id=row[0],
                name=row[1],
                kind=row[2],
                aliases=tuple(row[3]),
                esco_uri=row[4],
                esco_label=row[5],
                group=row[6],
                hot=bool(row[7]),
                related=tuple(row[8]),
            )
            for row in rows
        ]
        phrases, codes = document["index"], document["codes"]
        assert isinstance(phrases, str) and isinstance(codes, list)
        index = dict(zip(phrases.split("\n") if phrases else [], codes, strict=True))
        raw_contexts = document.get("contexts") or {}
        assert isinstance(raw_contexts, dict)
        contexts = {
            key: ContextRule(frozenset(rule.get("veto_before", ())), frozenset(rule.get("veto_after", ())))
            for key, rule in raw_contexts.items()
        }
        vocab = str(document.get("vocab") or "")
        targets = str(document.get("fuzzy_targets") or "")
        gapped = str(document.get("gapped") or "")
        tagger = document.get("phrases")
        verb_phrases = document.get("verb_phrases")
        return cls(
            skills,
            contexts=contexts,
            vocab=vocab.split("\n") if vocab else (),
            attribution=str(document.get("attribution", "")),
            index=index,
            fuzzy_targets=targets.split("\n") if targets else (),
            gapped=gapped.split("\n") if gapped else None,
            phrases=tagger if isinstance(tagger, Mapping) else None,
            verb_phrases=verb_phrases if isinstance(verb_phrases, str) else None,
        )

    def __len__(self) -> int:
        return len(self.skills)

    def entry(self, code: int) -> KeyEntry:
        """Decode a key's packed code (see ``CODE_IS_KEY``)."""
        entry = self.entries.get(code)
        if entry is None:
            flags = (code >> 2) & 15
            case: CaseRule = "upper" if flags & _F_UPPER else "title" if flags & _F_TITLE else ""
            entry = KeyEntry(
                self.skills[code >> 8],
                _MATCH_KINDS[(code >> 6) & 3],
                bool(flags & _F_AMBIGUOUS),
                case,
                bool(flags & _F_WEAK),
            )
            self.entries[code] = entry
        return entry

    def short_phrases(self) -> tuple[dict[str, int], dict[str, list[str]]]:
        """The one-word phrases of ``index`` with their codes, and its two-word phrases as first word -> second
        words (for ``matching.extract``'s lookup tables). Worked out on each call."""
        words = {k: code for k, code in self.index.items() if " " not in k}
        pairs = sorted([k for k in self.index if k.count(" ") == 1])
        seconds = groupby(map(str.partition, pairs, repeat(" ")), itemgetter(0))
        return words, {first: [second for _, _, second in group] for first, group in seconds}

    def get(self, skill_id: str) -> Skill | None:
        """The skill with this id, or None."""
        return self._by_id.get(skill_id)

    def related(self, skill_id: str) -> list[Skill]:
        """Neighbouring skills (same ESCO group or O*NET commodity class), most relevant first."""
        skill = self._by_id.get(skill_id)
        if skill is None:
            return []
        return [s for s in (self._by_id.get(r) for r in skill.related) if s is not None]

    def lookup(self, phrase: str) -> Skill | None:
        """The skill a phrase names exactly (after normalisation), ignoring ambiguity; also by ESCO label."""
        entry = self.keys.get(normalize(phrase))
        if entry is not None:
            return entry.skill
        if self._by_esco_label is None:
            self._by_esco_label = {normalize(s.esco_label): s for s in self.skills if s.esco_label}
        return self._by_esco_label.get(normalize(phrase))

    def search(self, q: str, limit: int = 10) -> list[Skill]:
        """Autocomplete: exact names and aliases first, then names starting with ``q`` (shorter first, a hot
        skill's as if :data:`_HOT_LEAD` characters shorter: "postg" is PostgreSQL before PostGIS), then aliases
        starting with it (shorter first), then near-misses of names (rapidfuzz ratio >= 80); ties go to hot
        skills."""
        query = normalize(q)
        if not query or limit <= 0:
            return []
        keys, owners, is_name = self._ensure_search_index()
        scored: dict[str, tuple[float, Skill]] = {}

        def offer(score: float, skill: Skill) -> None:
            old = scored.get(skill.id)
            if old is None or score > old[0]:
                scored[skill.id] = (score, skill)

        lo = bisect.bisect_left(keys, query)
        hi = bisect.bisect_left(keys, query + "\uffff")
        for i in range(lo, min(hi, lo + 5000)):
            extra = min(len(keys[i]) - len(query), 80)
            if extra == 0:
                offer(400.0 if is_name[i] else 350.0, owners[i])
            elif is_name[i]:
                offer(300.0 - extra + (_HOT_LEAD if owners[i].hot else 0.0), owners[i])
            else:  # an alias: better when the query ends a word ("react" in "react js", not "excel" in "excellent")
                offer((200.0 if keys[i][len(query)] == " " else 150.0) - extra, owners[i])
        if len(scored) < limit and len(query) >= 3:
            names = self._ensure_search_names()
            for _name, score, index in process.extract(
                query, names, scorer=fuzz.ratio, limit=limit * 2, score_cutoff=_SEARCH_FUZZY_CUTOFF
            ):
                offer(float(score), self.skills[index])
        ranked = sorted(
            scored.values(),
            key=lambda sv: (-sv[0], not sv[1].hot, _kind_rank(sv[1].kind), len(sv[1].name), sv[1].name),
        )
        return [skill for _, skill in ranked[:limit]]

    def corrections(self, word: str, min_length: int = 6) -> tuple[str, ...]:
        """Words one edit (insertion, deletion, substitution) away from ``word`` that a misspelling may stand
        for: distinctive words of well-known technical skills ("kubernetes", "javascript")."""
        cached = self._corrections.get(word)
        if cached is not None:
            return cached
        index = self._ensure_deletions(min_length)
        # Two set lookups rule most words out: a deletion past the fourth letter (or none) keeps the word's first
        # four letters; one among them leaves its letters from the fifth on as the entry's from the fourth on.
        head = _DELETION_HEAD
        variants = []
        if word[head:] in self._deletion_tails:
            variants += [word[:k] + word[k + 1 :] for k in range(min(head, len(word)))]
        if word[:head] in self._deletion_heads:
            variants += [word[:k] + word[k + 1 :] for k in range(head, len(word))]
            variants.append(word)
        hits = list(filter(None, map(index.get, variants)))
        result: tuple[str, ...] = ()
        if hits:
            found = set().union(*hits)
            found.discard(word)
            result = tuple(sorted(found))
        if len(self._corrections) >= _CORRECTIONS_CACHE_SIZE:
            self._corrections.clear()
        self._corrections[word] = result
        return result

    def gapped_keys(self) -> dict[str, dict[str, tuple[tuple[tuple[str, ...], int], ...]]]:
        """Multi-word soft-skill keys (3-5 words, no flags) by first and second word, for matching with words
        inserted ("work in a dynamic team" for "work in team"). Built on first use."""
        if self._gapped is None:
            found: dict[str, dict[str, list[tuple[tuple[str, ...], int]]]] = {}
            if self._gapped_source is not None:  # chosen by the build: led by a verb or curated
                pairs = [(key, self.index[key]) for key in self._gapped_source if key in self.index]
            else:
                pairs = [
                    (key, code)
                    for key, code in self.index.items()
                    if code & CODE_IS_KEY and not (code >> 2) & 15 and self.skills[code >> 8].kind == "soft"
                ]
            for key, code in pairs:
                words = tuple(key.split())
                if 3 <= len(words) <= 5:
                    found.setdefault(words[0], {}).setdefault(words[1], []).append((words, code))
            self._gapped = {
                first: {second: tuple(sorted(keys, key=lambda kc: (-len(kc[0]), kc[0]))) for second, keys in by.items()}
                for first, by in found.items()
            }
        return self._gapped

    def phrase_model(self) -> PhraseModel | None:
        """The requirement-phrase tagger shipped with the taxonomy (see ``matching.phrases``), decoded on first
        use; None for a taxonomy built without one."""
        if self._phrase_model is None and self._phrase_source is not None:
            self._phrase_model = PhraseModel.from_json(self._phrase_source)
        return self._phrase_model

    def verb_phrases(self) -> VerbPhrases | None:
        """Verb-led ESCO skill labels as stems (see ``matching.verbs``), decoded on first use; None for a
        taxonomy built without them."""
        if self._verb_phrases is None and self._verb_source is not None:
            self._verb_phrases = VerbPhrases.from_text(self._verb_source)
        return self._verb_phrases

    def _ensure_deletions(self, min_length: int) -> dict[str, tuple[str, ...]]:
        if self._deletions is None:
            words = self._fuzzy_targets
            if words is None:
                words = frozenset(
                    t
                    for k, code in self.index.items()
                    if code & CODE_IS_KEY and not (code >> 2) & 15
                    for t in k.split()
                    if len(t) >= min_length and t.isalpha()
                )
            index: dict[str, set[str]] = {}
            for w in words:
                index.setdefault(w, set()).add(w)
                for k in range(len(w)):
                    index.setdefault(w[:k] + w[k + 1 :], set()).add(w)
            self._deletions = {d: tuple(sorted(ws)) for d, ws in index.items()}
            self._deletion_heads = frozenset(d[:_DELETION_HEAD] for d in index)
            self._deletion_tails = frozenset(d[_DELETION_HEAD - 1 :] for d in index)
        return self._deletions

    def _ensure_search_index(self) -> tuple[list[str], list[Skill], list[bool]]:
        if self._search_index is None:
            names = {(normalize(s.name), i, True) for i, s in enumerate(self.skills)}
            named = {(k, i) for k, i, _ in names}
            aliases = {
                (k, code >> 8, False)
                for k, code in self.index.items()
                if code & CODE_IS_KEY and (k, code >> 8) not in named
            }
            ordered = sorted(names | aliases)
            self._search_index = (
                [k for k, _, _ in ordered],
                [self.skills[i] for _, i, _ in ordered],
                [flag for _, _, flag in ordered],
            )
        return self._search_index

    def _ensure_search_names(self) -> list[str]:
        if self._search_names is None:
            self._search_names = [normalize(s.name) for s in self.skills]
        return self._search_names


_HOT_LEAD = 5.0  # characters a hot skill's name may be longer and still come first in autocomplete (a few: not a word)


def _kind_rank(kind: SkillKind) -> int:
    order = ("programming_language", "tool", "certification", "knowledge", "soft", "language")
    return order.index(kind) if kind in order else len(order)


@functools.lru_cache(maxsize=4)
def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load the compiled taxonomy (cached: one instance per path)."""
    target = Path(path) if path is not None else DEFAULT_TAXONOMY_PATH
    with gzip.open(target, "rb") as fh:
        document = json.loads(fh.read())
    taxonomy = Taxonomy.from_json(document)
    logger.info("taxonomy loaded: %d skills, %d index entries", len(taxonomy), len(taxonomy.index))
    return taxonomy
