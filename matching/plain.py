"""Domain dataclasses to JSON-ready values: the one ``to_dict`` every result type uses."""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = ["to_plain"]

_LEAVES = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # per dataclass, its field names in order (a report has ~800 objects)


def to_plain(value: Any) -> Any:
    """Dataclasses to dicts (keys in field order), tuples and lists to lists, dict keys to strings."""
    cls = type(value)
    if cls in _LEAVES:
        return value
    names = _FIELD_NAMES.get(cls)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value
