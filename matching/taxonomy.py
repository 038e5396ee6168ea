"""The compiled skills taxonomy: load it, look skills up, search them.

The taxonomy is built by ``scripts/build_taxonomy.py`` from ESCO, O*NET, GitHub Linguist and
``matching/data/curated.toml`` into ``matching/data/taxonomy.json.gz`` (shipped with the package). Besides the
skills it holds the matchable keys: normalised names and aliases (see ``matching.normalize``), each pointing to
one skill with how it was derived and whether it is ambiguous (a common word that needs evidence).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process

from matching.models import MatchKind, Skill, SkillKind
from matching.normalize import normalize

__all__ = ["DEFAULT_TAXONOMY_PATH", "ContextRule", "KeyEntry", "Taxonomy", "load_taxonomy"]

logger = logging.getLogger(__name__)

DEFAULT_TAXONOMY_PATH = Path(__file__).resolve().parent / "data" / "taxonomy.json.gz"
_MATCH_KINDS: tuple[MatchKind, ...] = ("exact", "alias", "variant", "fuzzy")
_SEARCH_FUZZY_CUTOFF = 80.0


@dataclass(frozen=True, slots=True)
class KeyEntry:
    """What a normalised key stands for."""

    skill: Skill
    match: MatchKind
    ambiguous: bool = False  # a common word: taken only with evidence (see matching.extract)
    case: Literal["", "upper", "title"] = ""  # the text must be in capitals ("SOAP") / capitalised ("Slack")


@dataclass(frozen=True, slots=True)
class ContextRule:
    """Words that, next to an ambiguous alias, show it is not the skill ("go" before "to")."""

    veto_before: frozenset[str] = frozenset()
    veto_after: frozenset[str] = frozenset()


class Taxonomy:
    """Skills by id, matchable keys, and search. Immutable once built; safe to share between threads."""

    def __init__(
        self,
        skills: Sequence[Skill],
        keys: Mapping[str, KeyEntry],
        contexts: Mapping[str, ContextRule] | None = None,
        vocab: Iterable[str] = (),
        attribution: str = "",
        prefixes: Iterable[str] | None = None,
    ) -> None:
        self.skills: tuple[Skill, ...] = tuple(skills)
        self._by_id: dict[str, Skill] = {s.id: s for s in self.skills}
        self.keys: Mapping[str, KeyEntry] = keys
        self.contexts: Mapping[str, ContextRule] = contexts or {}
        self.attribution = attribution
        if prefixes is None:
            prefixes = {k[:i] for k in keys for i, ch in enumerate(k) if ch == " "}
        self.prefixes: frozenset[str] = frozenset(prefixes)
        self.vocab: frozenset[str] = frozenset(vocab)
        self._search_index: tuple[list[str], list[Skill]] | None = None
        self._search_names: list[str] | None = None
        self._deletions: dict[str, tuple[str, ...]] | None = None

    @classmethod
    def from_json(cls, document: Mapping[str, object]) -> Taxonomy:
        """Build from the compiled document (the JSON written by the build script)."""
        rows = document["skills"]
        assert isinstance(rows, list)
        ids = [row[0] for row in rows]
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
                related=tuple(ids[i] for i in row[8]),
            )
            for row in rows
        ]
        key_text, key_skill, key_flags = document["keys"], document["key_skill"], document["key_flags"]
        assert isinstance(key_text, str) and isinstance(key_skill, list) and isinstance(key_flags, list)
        entries: dict[tuple[int, int], KeyEntry] = {}
        values: list[KeyEntry] = []
        for index, flags in zip(key_skill, key_flags, strict=True):
            entry = entries.get((index, flags))
            if entry is None:
                case: Literal["", "upper", "title"] = "upper" if flags & 2 else "title" if flags & 4 else ""
                entry = KeyEntry(skills[index], _MATCH_KINDS[flags >> 3], bool(flags & 1), case)
                entries[(index, flags)] = entry
            values.append(entry)
        keys = dict(zip(key_text.split("\n") if key_text else [], values, strict=True))
        raw_contexts = document.get("contexts") or {}
        assert isinstance(raw_contexts, dict)
        contexts = {
            key: ContextRule(frozenset(rule.get("veto_before", ())), frozenset(rule.get("veto_after", ())))
            for key, rule in raw_contexts.items()
        }
        vocab, prefixes = str(document.get("vocab") or ""), str(document.get("prefixes") or "")
        return cls(
            skills,
            keys,
            contexts,
            vocab.split("\n") if vocab else (),
            str(document.get("attribution", "")),
            prefixes.split("\n") if prefixes else (),
        )

    def __len__(self) -> int:
        return len(self.skills)

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
        """The skill a phrase names exactly (after normalisation), ignoring ambiguity."""
        entry = self.keys.get(normalize(phrase))
        return entry.skill if entry else None

    def search(self, q: str, limit: int = 10) -> list[Skill]:
        """Autocomplete: skills whose name or alias starts with ``q``, then fuzzy matches; hot first on ties."""
        query = normalize(q)
        if not query or limit <= 0:
            return []
        keys, owners = self._ensure_search_index()
        scored: dict[str, tuple[float, Skill]] = {}

        def offer(score: float, skill: Skill) -> None:
            old = scored.get(skill.id)
            if old is None or score > old[0]:
                scored[skill.id] = (score, skill)

        lo = bisect.bisect_left(keys, query)
        hi = bisect.bisect_left(keys, query + "\uffff")
        for i in range(lo, min(hi, lo + 2000)):
            skill = owners[i]
            exact = keys[i] == query
            offer(300.0 if exact else 200.0 - min(len(keys[i]) - len(query), 99) * 0.5, skill)
        if len(scored) < limit and len(query) >= 3:
            names = self._ensure_search_names()
            for _name, score, index in process.extract(
                query, names, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=_SEARCH_FUZZY_CUTOFF
            ):
                offer(float(score), self.skills[index])
        ranked = sorted(
            scored.values(),
            key=lambda sv: (-sv[0], not sv[1].hot, _kind_rank(sv[1].kind), len(sv[1].name), sv[1].name),
        )
        return [skill for _, skill in ranked[:limit]]

    def corrections(self, word: str, min_length: int = 6) -> tuple[str, ...]:
        """Words of matchable keys one edit (insertion, deletion, substitution) away from ``word``."""
        index = self._ensure_deletions(min_length)
        found: set[str] = set(index.get(word, ()))
        for k in range(len(word)):
            found.update(index.get(word[:k] + word[k + 1 :], ()))
        found.discard(word)
        return tuple(sorted(found))

    def _ensure_deletions(self, min_length: int) -> dict[str, tuple[str, ...]]:
        if self._deletions is None:
            words = {t for k, e in self.keys.items() if not e.ambiguous for t in k.split()}
            index: dict[str, set[str]] = {}
            for w in words:
                if len(w) < min_length or not w.isalpha():
                    continue
                index.setdefault(w, set()).add(w)
                for k in range(len(w)):
                    index.setdefault(w[:k] + w[k + 1 :], set()).add(w)
            self._deletions = {d: tuple(sorted(ws)) for d, ws in index.items()}
        return self._deletions

    def _ensure_search_index(self) -> tuple[list[str], list[Skill]]:
        if self._search_index is None:
            by_skill = {s.id: i for i, s in enumerate(self.skills)}
            pairs = {(normalize(s.name), i) for i, s in enumerate(self.skills)}
            pairs |= {(k, by_skill[e.skill.id]) for k, e in self.keys.items() if e.skill.id in by_skill}
            ordered = sorted(pairs)
            self._search_index = ([k for k, _ in ordered], [self.skills[i] for _, i in ordered])
        return self._search_index

    def _ensure_search_names(self) -> list[str]:
        if self._search_names is None:
            self._search_names = [normalize(s.name) for s in self.skills]
        return self._search_names


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
    logger.info("taxonomy loaded: %d skills, %d keys", len(taxonomy), len(taxonomy.keys))
    return taxonomy
