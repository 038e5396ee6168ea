"""Shared dependencies as ``Annotated`` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from service.memo import Memo
from service.settings import Settings, get_settings
from service.store import ResumeStore

__all__ = ["MemoDep", "SettingsDep", "StoreDep"]

SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_store(request: Request) -> ResumeStore:
    store = request.app.state.store
    assert isinstance(store, ResumeStore)
    return store


StoreDep = Annotated[ResumeStore, Depends(get_store)]


def get_memo(request: Request) -> Memo:
    memo = request.app.state.memo
    assert isinstance(memo, Memo)
    return memo


MemoDep = Annotated[Memo, Depends(get_memo)]
