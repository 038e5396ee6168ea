"""The skills taxonomy: extract skills from text, search (autocomplete), look one up."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from matching import ExtraSkill, Skill, SkillMention, extract_skills, load_taxonomy
from matching.models import SkillKind
from service.deps import SettingsDep
from service.problems import ProblemError, problem_openapi
from service.uploads import check_text
from service.wire import out_model

router = APIRouter(prefix="/v1/skills", tags=["skills"])

SkillOut = out_model(Skill)
SkillMentionOut = out_model(SkillMention)


class ExtraSkillIn(BaseModel):
    """A skill to recognise for this call only (a company's internal tool, say)."""

    name: str = Field(min_length=1, max_length=200)
    aliases: list[str] = Field(default_factory=list, max_length=50)
    kind: SkillKind = "tool"


class ExtractIn(BaseModel):
    text: str = Field(description="Any text: a resume, a job ad, a cover letter.")
    extra_skills: list[ExtraSkillIn] = Field(default_factory=list, max_length=200)
    phrases: Literal["off", "auto", "on"] = Field(
        default="off",
        description="Also return skill phrases the taxonomy does not list (confidence < 0.6, ids 'phrase:...'): "
        "'auto' does so for job-ad-like text, 'on' always.",
    )


class ExtractOut(BaseModel):
    mentions: list[SkillMentionOut]  # type: ignore[valid-type]
    taxonomy_skills: int


@router.post("/extract", response_model=ExtractOut, responses=problem_openapi("validation-error", "too-large"))
def extract(settings: SettingsDep, body: ExtractIn) -> ExtractOut:
    """Skills mentioned in a text, with character offsets (``text[start:end] == surface``) and how each matched."""
    text = check_text(body.text, settings.max_text_chars, field="text")
    extra = [ExtraSkill(e.name, tuple(e.aliases), e.kind) for e in body.extra_skills]
    mentions = extract_skills(text, extra_skills=extra or None, phrases=body.phrases)
    return ExtractOut(
        mentions=[SkillMentionOut.model_validate(m) for m in mentions], taxonomy_skills=len(load_taxonomy())
    )


@router.get("", response_model=list[SkillOut])  # type: ignore[valid-type]
def search(
    q: Annotated[str, Query(min_length=1, max_length=100, description="What the user typed.")],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[BaseModel]:
    """Autocomplete for frontends: skills whose name or alias starts with ``q``, then close matches."""
    return [SkillOut.model_validate(s) for s in load_taxonomy().search(q, limit=limit)]


@router.get("/{skill_id}", response_model=SkillOut, responses=problem_openapi("not-found"))
def get_skill(skill_id: str) -> BaseModel:
    """One skill: canonical name, kind, aliases, ESCO URI and label, group, related skills."""
    skill = load_taxonomy().get(skill_id)
    if skill is None:
        raise ProblemError("not-found", f"No skill with id '{skill_id}'.")
    return SkillOut.model_validate(skill)
