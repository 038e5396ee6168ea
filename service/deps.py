"""Shared dependencies as ``Annotated`` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from service.settings import Settings, get_settings
from service.store import ResumeStore

__all__ = ["SettingsDep", "StoreDep"]

SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_store(request: Request) -> ResumeStore:
    store = request.app.state.store
    assert isinstance(store, ResumeStore)
    return store


StoreDep = Annotated[ResumeStore, Depends(get_store)]
