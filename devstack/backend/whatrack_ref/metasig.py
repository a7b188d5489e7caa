"""Meta webhook signatures: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`."""

from __future__ import annotations

import hashlib
import hmac

HEADER = "X-Hub-Signature-256"


def sign(secret: str, body: bytes) -> str:
    """Header value for `body` (what Meta sends, and what the simulator sends)."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def well_formed(header: str) -> bool:
    """ASCII, as every real signature is. Header values arrive decoded as Latin-1, and
    `hmac.compare_digest` raises on non-ASCII str, so anything else is refused up front."""
    return header.isascii()


def verify(secret: str | None, body: bytes, header: str | None) -> bool:
    """Constant-time check; a missing secret or header never verifies."""
    if not secret or not header or not well_formed(header) or not header.startswith("sha256="):
        return False
    # Compared as bytes: compare_digest on str raises TypeError for non-ASCII input.
    return hmac.compare_digest(sign(secret, body).encode(), header.strip().encode("ascii"))
