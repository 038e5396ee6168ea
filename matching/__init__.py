"""Skills taxonomy, skill extraction and resume-to-job alignment. Pure: no web or database imports."""

from matching.extract import ExtraSkill, extract_skills
from matching.models import Skill, SkillMention
from matching.normalize import normalize
from matching.rank import RankedItem, rank, rank_resumes
from matching.render import render_html, render_markdown
from matching.report import (
    AtsCheck,
    Evidence,
    Gap,
    RequirementMatch,
    ScorePart,
    SkillCheck,
    Suggestion,
    TailoringReport,
)
from matching.scoring import SCORE_VERSION, WEIGHTS
from matching.tailor import TailorOptions, prepare_job, prepare_resume, tailor
from matching.taxonomy import Taxonomy, load_taxonomy

__all__ = [
    "SCORE_VERSION",
    "WEIGHTS",
    "AtsCheck",
    "Evidence",
    "ExtraSkill",
    "Gap",
    "RankedItem",
    "RequirementMatch",
    "ScorePart",
    "Skill",
    "SkillCheck",
    "SkillMention",
    "Suggestion",
    "TailorOptions",
    "TailoringReport",
    "Taxonomy",
    "extract_skills",
    "load_taxonomy",
    "normalize",
    "prepare_job",
    "prepare_resume",
    "rank",
    "rank_resumes",
    "render_html",
    "render_markdown",
    "tailor",
]
