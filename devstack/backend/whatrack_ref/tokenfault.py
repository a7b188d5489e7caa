"""TEST ONLY: faults of GET /api/v1/centrifugo/token, read from `--token-fault-file`.

The desktop client must survive a token route that misbehaves (anchors: 5 calls a minute, back
off, honour Retry-After, tell the agent why). While the file exists its first line says what
the route does instead of issuing a token:

    500            any status 400-599: that status with an `{"error"}` body
    429 30         429 with `Retry-After: 30` (seconds)
    garbage        200 with a body that is not JSON (a proxy's error page, say)
    no-token       200 with JSON that has no `token`
    hang           accept the request and never answer, until the client gives up, the file
                   changes or HANG_LIMIT_S passes

Every call of the route (faulty or not) is appended to `<file>.calls` as one line of epoch
seconds, so a test counts the calls the server saw, not the ones the client meant to make.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Literal

from fastapi import Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from whatrack_ref.errors import ApiError

log = logging.getLogger("whatrack_ref.tokenfault")

#: A hanging request gives up after this long even if nobody cleared the fault.
HANG_LIMIT_S = 300.0
#: How often a hanging request looks at the file and at its client.
HANG_POLL_S = 0.2

Kind = Literal["status", "garbage", "no-token", "hang"]


@dataclass(frozen=True)
class TokenFault:
    kind: Kind
    status: int = 200
    retry_after: int | None = None


def parse_fault(text: str) -> TokenFault | None:
    """The fault a file's text describes; None for text that describes none (ignored)."""
    words = text.strip().split()
    if not words:
        return TokenFault("status", 500)
    head = words[0].lower()
    if head in ("garbage", "no-token", "hang"):
        kind: Kind = "garbage" if head == "garbage" else "no-token" if head == "no-token" else "hang"
        return TokenFault(kind)
    try:
        status = int(head)
        retry_after = int(words[1]) if len(words) > 1 else None
    except ValueError:
        return None
    if not 400 <= status <= 599 or (retry_after is not None and retry_after < 0):
        return None
    return TokenFault("status", status, retry_after)


def read_fault(path: str) -> TokenFault | None:
    """The fault in effect now: None when the file does not exist or says nothing we know."""
    try:
        with open(path, encoding="ascii") as f:
            return parse_fault(f.readline(64))
    except (OSError, ValueError):
        return None


def record_call(path: str) -> None:
    try:
        with open(path + ".calls", "a", encoding="ascii") as f:
            f.write(f"{time.time():.3f}\n")
    except OSError as exc:
        log.warning("cannot record a token call next to the fault file: %s", exc)


async def apply_fault(path: str, request: Request) -> Response | None:
    """What the token route answers instead of a token, or None to issue one normally.

    Raises ApiError for the status faults; returns the body faults as a Response.
    """
    fault = read_fault(path)
    deadline = time.monotonic() + HANG_LIMIT_S
    if fault is not None and fault.kind == "hang":
        log.warning("token route: injected fault hang (test only)")
    while fault is not None and fault.kind == "hang":
        if await request.is_disconnected():
            log.info("token route: the client gave up on a hanging request")
            raise ApiError(408, "Client gave up (test only)")
        if time.monotonic() >= deadline:
            raise ApiError(504, "Injected hang timed out (test only)")
        await asyncio.sleep(HANG_POLL_S)
        fault = read_fault(path)
    if fault is None:
        return None
    log.warning("token route: injected fault %s %s (test only)", fault.kind, fault.status)
    if fault.kind == "garbage":
        return PlainTextResponse("<html><body>502 Bad Gateway</body></html>", status_code=200)
    if fault.kind == "no-token":
        return JSONResponse({"ok": True}, status_code=200)
    headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else None
    extra = {"retryAfter": fault.retry_after} if fault.retry_after is not None else {}
    raise ApiError(fault.status, "Injected fault (test only)", headers=headers, **extra)
