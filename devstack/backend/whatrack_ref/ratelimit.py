"""Sliding-window rate limiter for the Centrifugo token route and the sign-in throttle.

The real route allows a burst of 5 per minute (plus 60 per hour) per client. A desktop client's
reconnect loop must reuse its token and back off on 429, and our tests need to prove it does, so
the limit is real here too (configurable, 0 = off).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    current: int
    #: Whole seconds until a slot frees up (0 when allowed); goes into `Retry-After`.
    retry_after: int


class SlidingWindowLimiter:
    """At most `limit` hits per `window` seconds per key. Thread-safe."""

    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self._limit = limit
        self._window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    @property
    def limit(self) -> int:
        return self._limit

    def hit(self, key: str) -> Decision:
        """Record an attempt for `key`; rejected attempts are not recorded."""
        if self._limit <= 0:
            return Decision(True, 0, 0, 0)
        now = self._clock()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self._window:
                hits.popleft()
            if len(hits) >= self._limit:
                retry = max(1, math.ceil(hits[0] + self._window - now))
                return Decision(False, self._limit, len(hits), retry)
            hits.append(now)
            if len(self._hits) > 10_000:  # keep memory bounded under a flood of distinct keys
                self._prune(now)
            return Decision(True, self._limit, len(hits), 0)

    def release(self, key: str) -> None:
        """Give back the newest hit of `key` (an attempt that turned out not to count)."""
        with self._lock:
            hits = self._hits.get(key)
            if hits:
                hits.pop()

    def _prune(self, now: float) -> None:
        for key in [k for k, v in self._hits.items() if not v or v[-1] <= now - self._window]:
            del self._hits[key]
