"""Skills taxonomy, skill extraction and resume-to-job alignment. Pure: no web or database imports."""

from matching.models import Skill, SkillMention

__all__ = ["Skill", "SkillMention"]
