"""Wire schemas derived from domain dataclasses: ``out_model(TailoringReport)`` -> a pydantic ``TailoringReportOut``.

The report types are large and change with the engine; mirroring them by hand would drift. These models are made
from the dataclasses' type hints (tuples become lists), named ``...Out`` and owned by the web layer, so the
committed OpenAPI document shows every change of the domain as a diff (``tests/service/test_openapi.py``).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, create_model

__all__ = ["out_model"]


class _WireBase(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _wire_type(tp: Any) -> Any:
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return out_model(tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is tuple:
        return list[_wire_type(args[0])] if args else list[Any]  # type: ignore[misc]
    if origin in (list, typing.Sequence):
        return list[_wire_type(args[0])]  # type: ignore[misc]
    if origin is dict:
        return dict[_wire_type(args[0]), _wire_type(args[1])]  # type: ignore[misc]
    if origin in (typing.Union, types.UnionType):
        wired = tuple(_wire_type(a) for a in args)
        return typing.Union[wired]  # noqa: UP007
    return tp


@cache
def out_model(cls: type) -> type[BaseModel]:
    """The ``<cls>Out`` pydantic model mirroring dataclass ``cls`` (recursively)."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        if field.default is not dataclasses.MISSING:
            default: Any = field.default
        elif field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        else:
            default = ...
        if isinstance(default, tuple):
            default = list(default)
        fields[field.name] = (_wire_type(hints[field.name]), default)
    model: type[BaseModel] = create_model(f"{cls.__name__}Out", __base__=_WireBase, __doc__=cls.__doc__, **fields)
    return model
