"""Runtime settings, read from the environment (prefix ``TAILOR_``) by pydantic-settings."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    """Every setting has a safe embedded default: ``make run`` needs no configuration."""

    model_config = SettingsConfigDict(env_prefix="TAILOR_", env_file=".env", extra="ignore")

    max_upload_bytes: int = Field(default=10 * 1024 * 1024, ge=1, description="Largest accepted file, in bytes.")
    max_pages: int = Field(default=20, ge=1, description="Most pages accepted in a PDF.")
    max_text_chars: int = Field(default=200_000, ge=1, description="Longest accepted pasted text, in characters.")
    max_rank_items: int = Field(default=500, ge=1, description="Most jobs (or resumes) in one /v1/rank call.")
    cors_origins: list[str] = Field(
        default_factory=list,
        description='Origins allowed to call the API from a browser, e.g. ["http://localhost:5173"]; empty = none.',
    )
    database_url: str = Field(default="sqlite:///./tailor.db", description="SQLAlchemy URL of the store.")
    log_level: str = Field(default="INFO", description="Log level of the service's own loggers.")
    memo_seconds: float = Field(
        default=300,
        ge=0,
        description="How long a parsed and analysed document is kept in memory for repeated requests (0 = off).",
    )
    memo_entries: int = Field(default=64, ge=0, description="Most documents kept in that memory, per process.")


@lru_cache
def get_settings() -> Settings:
    return Settings()
