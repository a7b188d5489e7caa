"""Sign-in throttling: failed attempts counted per client address and per e-mail.

Per address stops one client from guessing many passwords or spraying many e-mails; per e-mail
stops a guess spread over many addresses. A per-e-mail limit alone would let anyone lock a real
user out by failing on purpose for as long as they keep at it, so a client that has signed in to
that e-mail before carries a "known device" cookie and is counted under its own key instead of
the e-mail's (the device-cookie scheme of OWASP's authentication cheat sheet): failures by
strangers cannot lock it out. Every key unlocks at most one window (60 s) after its oldest
counted failure; nothing is locked for good.

An attempt takes a slot under each of its keys *before* the password is checked, so concurrent
guesses cannot overshoot the limit and a throttled attempt costs no scrypt; a successful sign-in
gives its slots back, so only failures count and demo/test clients that sign in often are never
throttled.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request

from whatrack_ref.ratelimit import SlidingWindowLimiter

DEVICE_COOKIE = "whatrack_ref.known_device"
#: Only the sign-in route needs to see it.
DEVICE_COOKIE_PATH = "/api/v1/auth/sign-in"
DEVICE_COOKIE_MAX_AGE = 365 * 24 * 3600
WINDOW_SECONDS = 60.0
_MAX_ADDRESS_CHARS = 64  # a key from a header must not grow the limiter's memory without bound


@dataclass(frozen=True)
class Refusal:
    """Why an attempt was refused: goes into the 429 (`Retry-After`, `limit`)."""

    retry_after: int
    limit: int


class SignInThrottle:
    """`limit` failures per key per `window` seconds (0 = no throttling). Thread-safe."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic):
        self._limiter = SlidingWindowLimiter(limit, window, clock)

    @property
    def limit(self) -> int:
        return self._limiter.limit

    def acquire(self, keys: list[str]) -> Refusal | None:
        """Take a slot under every key, or none of them and say why."""
        taken: list[str] = []
        for key in keys:
            decision = self._limiter.hit(key)
            if not decision.allowed:
                self.release(taken)
                return Refusal(decision.retry_after, decision.limit)
            taken.append(key)
        return None

    def release(self, keys: list[str]) -> None:
        """Give back the slots of an attempt that succeeded."""
        for key in keys:
            self._limiter.release(key)


def attempt_keys(address: str, email: str, device_id: str | None) -> list[str]:
    """The keys one attempt is counted under: the address, and the device if known else the e-mail."""
    second = f"device:{device_id}" if device_id else f"email:{normalize_email(email)}"
    return [f"addr:{address}", second]


def normalize_email(email: str) -> str:
    return email.strip().casefold()


def throttle_address(request: Request) -> str:
    """The peer's address; behind a proxy on this host (the devstack's nginx) the one it saw.

    `X-Real-IP` (which our nginx sets, replacing the client's) is believed only from a loopback
    peer: from anywhere else it is whatever the client wants, and a throttle keyed by it is none.
    """
    peer = request.client.host if request.client else "unknown"
    if _is_loopback(peer):
        real_ip = request.headers.get("x-real-ip", "").strip()
        if real_ip:
            return real_ip[:_MAX_ADDRESS_CHARS]
    return peer[:_MAX_ADDRESS_CHARS]


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_device_cookie(secret: str, email: str) -> str:
    """Cookie value `<device id>.<HMAC>` binding a fresh device id to this e-mail."""
    device_id = secrets.token_urlsafe(16)
    return f"{device_id}.{_device_mac(secret, device_id, email)}"


def known_device(secret: str, raw: str | None, email: str) -> str | None:
    """The device id of a valid cookie issued for `email`, else None (missing, forged, other e-mail)."""
    if not raw or len(raw) > 200 or not raw.isascii():
        return None
    device_id, sep, mac = raw.partition(".")
    if not sep or not device_id:
        return None
    # Bytes, not str: compare_digest refuses non-ASCII str, and the cookie is client input.
    if hmac.compare_digest(mac.encode(), _device_mac(secret, device_id, email).encode()):
        return device_id
    return None


def _device_mac(secret: str, device_id: str, email: str) -> str:
    message = f"known-device\0{device_id}\0{normalize_email(email)}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
