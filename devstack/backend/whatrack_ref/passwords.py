"""Password hashing with scrypt (what better-auth uses), from the standard library."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# N=2^14, r=8, p=1 (16 MiB): the common interactive-login setting; better-auth uses r=16, which
# doubles the cost of every sign-in without making a dev stack's demo passwords any safer.
_N, _R, _P, _DKLEN = 16384, 8, 1, 64


def hash_password(password: str) -> str:
    """Return `scrypt$N$r$p$salt_hex$hash_hex`; the parameters travel with the hash."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=_DKLEN, maxmem=64 * 1024 * 1024)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    """Constant-time check of `password` against a `hash_password()` string."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(hash_hex)
        digest = hashlib.scrypt(
            password.encode(),
            salt=bytes.fromhex(salt_hex),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=64 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)
