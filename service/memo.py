"""A short-lived, in-process memo of parsed and analysed documents, keyed by the SHA-256 of their content.

A frontend asks several questions of the same two documents in a row: the report as JSON, then as HTML, then a
cover-letter draft and interview prep. Parsing a two-page PDF and analysing both documents is most of each
answer's cost (about 10 of 13 ms), so the memo keeps the results for a few minutes.

Privacy: an entry is found only by presenting the same bytes again (the key is their SHA-256, with the filename
and the options that shape the result), so it reveals nothing to a caller who does not already hold the document.
Entries live in this process's memory only (never on disk, never logged), expire after ``seconds`` and are
evicted at once when a stored resume with the same content is deleted in this process; another worker process
drops its copy when the entry expires. ``seconds=0`` turns the memo off.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from cachetools import TTLCache

__all__ = ["Memo", "digest"]

T = TypeVar("T")


def digest(data: bytes | str) -> bytes:
    """The content key of a document: SHA-256 of its bytes (text as UTF-8)."""
    return hashlib.sha256(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data).digest()


class Memo:
    """At most ``entries`` results, each kept ``seconds``; thread-safe (FastAPI runs routes in a thread pool).

    Keys are tuples whose second item is the content digest, so that :meth:`forget` can find every entry made
    from one document.
    """

    def __init__(self, *, seconds: float, entries: int, timer: Callable[[], float] = time.monotonic) -> None:
        self.enabled = seconds > 0 and entries > 0
        self._cache: TTLCache[tuple[Hashable, ...], Any] = TTLCache(
            maxsize=max(entries, 1), ttl=max(seconds, 1e-9), timer=timer
        )
        self._lock = threading.Lock()

    def get(self, key: tuple[Hashable, ...], make: Callable[[], T]) -> T:
        """The memoised result for ``key``, else ``make()`` (called outside the lock: two threads may both make
        it, which is harmless because results are deterministic). Exceptions are not memoised."""
        if not self.enabled:
            return make()
        with self._lock:
            found = self._cache.get(key)
        if found is not None:
            return found
        value = make()
        with self._lock:
            self._cache[key] = value
        return value

    def forget(self, content: bytes) -> int:
        """Drop every entry made from the document whose digest is ``content``; returns how many."""
        with self._lock:
            keys = [k for k in self._cache if len(k) > 1 and k[1] == content]
            for key in keys:
                del self._cache[key]
        return len(keys)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._cache)
