"""Shared dependencies as ``Annotated`` aliases.

Dependencies that only read the app's state are ``async def``: FastAPI runs a plain ``def`` dependency in its
thread pool, a round trip through another thread (and the GIL) per dependency and request for a lookup.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from service.memo import Memo
from service.settings import Settings
from service.store import ResumeStore

__all__ = ["MemoDep", "SettingsDep", "StoreDep"]


async def app_settings(request: Request) -> Settings:
    """The settings the app was created with (``create_app(settings)``). Not a ``dependency_overrides`` entry:
    while any override is set, FastAPI analyses every dependency's signature again on every request (pydantic
    builds a validator per form field), which cost about 5 ms per ``/v1/tailor``."""
    settings = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings


SettingsDep = Annotated[Settings, Depends(app_settings)]


async def get_store(request: Request) -> ResumeStore:
    store = request.app.state.store
    assert isinstance(store, ResumeStore)
    return store


StoreDep = Annotated[ResumeStore, Depends(get_store)]


async def get_memo(request: Request) -> Memo:
    memo = request.app.state.memo
    assert isinstance(memo, Memo)
    return memo


MemoDep = Annotated[Memo, Depends(get_memo)]
