"""Password hashing with scrypt (what better-auth uses), from the standard library."""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets

# N=2^14, r=8, p=1 (16 MiB): the common interactive-login setting; better-auth uses r=16, which
# doubles the cost of every sign-in without making a dev stack's demo passwords any safer.
_N, _R, _P, _DKLEN = 16384, 8, 1, 64
_MAXMEM = 64 * 1024 * 1024


def hash_password(password: str) -> str:
    """Return `scrypt$N$r$p$salt_hex$hash_hex`; the parameters travel with the hash."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=_DKLEN, maxmem=_MAXMEM)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


@functools.cache
def dummy_hash() -> str:
    """A hash nobody knows the password of, made with the current parameters.

    Checked when there is no usable stored hash (unknown e-mail, account without a password), so
    those sign-ins cost one scrypt like a wrong password does and their timing does not tell which
    e-mails exist. The app factory calls this once so the first request does not pay for it.
    """
    return hash_password(secrets.token_hex(32))


def _parse(stored: str | None) -> tuple[int, int, int, bytes, bytes] | None:
    if not stored:
        return None
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        if scheme != "scrypt":
            return None
        return int(n), int(r), int(p), bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
    except ValueError:
        return None


def verify_password(password: str, stored: str | None) -> bool:
    """Constant-time check of `password` against a `hash_password()` string.

    Always runs exactly one scrypt, also when `stored` is missing or unreadable (then against
    `dummy_hash()`, and the answer is False).
    """
    parsed = _parse(stored)
    usable = parsed is not None
    if parsed is None:
        parsed = _parse(dummy_hash())
        assert parsed is not None
    n, r, p, salt, expected = parsed
    try:
        digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=len(expected), maxmem=_MAXMEM)
    except (ValueError, TypeError, OverflowError, MemoryError):
        return False
    return usable and hmac.compare_digest(digest, expected)
