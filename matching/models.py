"""Domain types of the skills engine: frozen dataclasses, no web or database types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SkillKind = Literal["knowledge", "tool", "programming_language", "certification", "soft", "language"]
MatchKind = Literal["exact", "alias", "variant", "fuzzy"]


@dataclass(frozen=True, slots=True)
class Skill:
    """One skill of the compiled taxonomy; one id across ESCO, O*NET, Linguist and the curated file."""

    id: str  # stable, e.g. "python" or "esco:<uuid>"-derived slug; never reused
    name: str  # canonical display name
    kind: SkillKind
    aliases: tuple[str, ...] = ()
    esco_uri: str | None = None
    esco_label: str | None = None  # ESCO preferred label
    group: str | None = None  # broader group (ESCO hierarchy or O*NET commodity class)
    hot: bool = False  # O*NET Hot Technology / In Demand
    related: tuple[str, ...] = ()  # ids of neighbouring skills (same group / broader), for gaps and plans


@dataclass(frozen=True, slots=True)
class SkillMention:
    """A skill found in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    name: str
    skill_id: str
    kind: SkillKind
    esco_uri: str | None
    esco_label: str | None
    match: MatchKind
    confidence: float  # 0..1
