"""Skills taxonomy, skill extraction and resume-to-job alignment. Pure: no web or database imports."""

from matching.extract import ExtraSkill, extract_skills
from matching.models import Skill, SkillMention
from matching.normalize import normalize
from matching.taxonomy import Taxonomy, load_taxonomy

__all__ = ["ExtraSkill", "Skill", "SkillMention", "Taxonomy", "extract_skills", "load_taxonomy", "normalize"]
