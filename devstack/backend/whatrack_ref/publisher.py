"""Fire-and-forget publishing to Centrifugo's HTTP API.

Like the real backend, a failed publish never fails the request: the DB commit already happened
and clients refetch on the next event or reconnect. Unlike the real one we count every outcome
(`/api/v1/dev/publish-stats`) so tests can tell "not published" from "published but lost".
One worker thread keeps publications in commit order, which is what a client would see from a
single Next.js instance.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import Counter, deque
from typing import Any

import httpx

log = logging.getLogger("whatrack_ref.publisher")

_STOP = object()


class Publisher:
    """Queue + worker thread posting `{channel, data}` to `{api_url}/publish` with `X-API-Key`."""

    def __init__(
        self,
        api_url: str | None,
        api_key: str | None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 5.0,
        recent_size: int = 100,
    ):
        self._api_url = api_url.rstrip("/") if api_url else None
        self._api_key = api_key or ""
        self._transport = transport
        self._timeout = timeout
        self._queue: queue.Queue[Any] = queue.Queue()
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()
        self._by_type: dict[str, Counter[str]] = {}
        self._recent: deque[dict[str, Any]] = deque(maxlen=recent_size)
        self._last_error: str | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="centrifugo-publisher", daemon=True)
            self._thread.start()
            log.info("publisher started (api %s)", self._api_url or "disabled")

    def stop(self, timeout: float = 5.0) -> None:
        """Drain what is queued (bounded by `timeout`) and stop the worker."""
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(timeout)
            self._thread = None
            log.info("publisher stopped")

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Block until everything queued so far was attempted (tests use this, not sleeps)."""
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout)

    # -- API ------------------------------------------------------------------------------------
    def publish(self, channel: str, data: dict[str, Any]) -> None:
        """Queue a publication; never raises, never blocks on the network."""
        with self._lock:
            self._counts["queued"] += 1
        self._queue.put((channel, data))
        if self._thread is None:
            log.warning("publisher not started; publication to %s stays queued", channel)

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "enabled": self._api_url is not None,
                "queued": self._counts["queued"],
                "published": self._counts["published"],
                "failed": self._counts["failed"],
                "skipped": self._counts["skipped"],
                "pending": self._queue.qsize(),
                "byType": {t: dict(c) for t, c in self._by_type.items()},
                "lastError": self._last_error,
                "recent": list(self._recent),
            }

    # -- worker -----------------------------------------------------------------------------
    def _run(self) -> None:
        with httpx.Client(transport=self._transport, timeout=self._timeout) as client:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    return
                if isinstance(item, threading.Event):
                    item.set()
                    continue
                channel, data = item
                self._send(client, channel, data)

    def _send(self, client: httpx.Client, channel: str, data: dict[str, Any]) -> None:
        kind = str(data.get("type", "unknown"))
        if self._api_url is None:
            self._record(kind, channel, data, "skipped", None)
            return
        try:
            response = client.post(
                f"{self._api_url}/publish",
                json={"channel": channel, "data": data},
                headers={"X-API-Key": self._api_key},
            )
            error = _api_error(response)
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        if error is None:
            log.debug("published %s to %s", kind, channel)
            self._record(kind, channel, data, "published", None)
        else:
            log.warning("publish %s to %s failed: %s", kind, channel, error)
            self._record(kind, channel, data, "failed", error)

    def _record(self, kind: str, channel: str, data: dict[str, Any], outcome: str, error: str | None) -> None:
        with self._lock:
            self._counts[outcome] += 1
            self._by_type.setdefault(kind, Counter())[outcome] += 1
            if error:
                self._last_error = error
            self._recent.append({"channel": channel, "type": kind, "outcome": outcome, "data": data})


def _api_error(response: httpx.Response) -> str | None:
    """Centrifugo answers 200 with `{"error": {...}}` on API errors: check both layers."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    try:
        body = response.json()
    except ValueError:
        return "invalid JSON reply"
    if isinstance(body, dict) and body.get("error"):
        err = body["error"]
        return f"centrifugo error {err.get('code')}: {err.get('message')}" if isinstance(err, dict) else str(err)
    return None
