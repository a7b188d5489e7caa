"""Health probes with a deadline: a server counts as started only once it answers.

Each wait also watches the server's process, so a server that dies at start fails in
milliseconds with its own exit code instead of after the whole deadline.
"""

from __future__ import annotations

import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

#: Pause between two probes; the wait is on the process, so an exit ends it early.
PROBE_INTERVAL_S = 0.1


class HealthError(RuntimeError):
    """A server did not become healthy; `name` says which, the message why."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def http_ok(url: str, cafile: Path | None = None, timeout: float = 2.0) -> bool:
    """True when GET url answers 2xx. With cafile, HTTPS is verified against that CA only.

    Proxies from the environment are bypassed: they must never see loopback probes.
    """
    context = ssl.create_default_context(cafile=str(cafile)) if cafile else None
    handlers: list[urllib.request.BaseHandler] = [urllib.request.ProxyHandler({})]
    if context is not None:
        handlers.append(urllib.request.HTTPSHandler(context=context))
    opener = urllib.request.build_opener(*handlers)
    try:
        with opener.open(url, timeout=timeout) as response:
            return bool(200 <= response.status < 300)
    except urllib.error.HTTPError:
        return False


def redis_ping(port: int, timeout: float = 1.0) -> bool:
    """True when Redis on 127.0.0.1:port answers PING with PONG (inline command, no client library)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(b"PING\r\n")
        return s.recv(64).startswith(b"+PONG")


def wait_healthy(
    name: str, probe: Callable[[], bool], proc: subprocess.Popen[bytes], timeout: float, what: str
) -> float:
    """Probe until healthy; raise HealthError on exit or deadline. Returns the seconds it took."""
    start = time.monotonic()
    deadline = start + timeout
    last_error = "no answer yet"
    while True:
        code = proc.poll()
        if code is not None:
            raise HealthError(name, f"{name} exited with code {code} before {what} answered")
        try:
            if probe():
                return time.monotonic() - start
            last_error = "not healthy yet"
        except (OSError, ssl.SSLError, ValueError) as exc:
            last_error = str(exc) or exc.__class__.__name__
        if time.monotonic() >= deadline:
            raise HealthError(name, f"{name} not healthy after {timeout:.0f}s ({what}: {last_error})")
        try:
            proc.wait(timeout=PROBE_INTERVAL_S)
        except subprocess.TimeoutExpired:
            pass
