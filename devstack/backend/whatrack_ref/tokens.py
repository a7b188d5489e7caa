"""Centrifugo JWTs (HS256), with the claims the real token route signs."""

from __future__ import annotations

import logging
import time
import warnings

import jwt
from jwt.warnings import InsecureKeyLengthWarning

log = logging.getLogger("whatrack_ref.tokens")

# PyJWT warns on every signature with a key under 32 bytes; the CLI warns once at start instead
# (devstack secrets are generated long enough, tests and ad-hoc runs may use short ones).
warnings.filterwarnings("ignore", category=InsecureKeyLengthWarning)


def check_secret(name: str, secret: str | None) -> None:
    """Log once when an HMAC key is shorter than RFC 7518's recommended 32 bytes."""
    if secret is not None and len(secret.encode()) < 32:
        log.warning("%s is shorter than 32 bytes; fine for a dev stack, not for anything else", name)


def connection_token(secret: str, user_id: str, organization_id: str, ttl: int, now: int | None = None) -> str:
    """`{sub, exp, iat, info: {organizationId}}`: what /api/v1/centrifugo/token returns."""
    issued = int(time.time()) if now is None else now
    claims = {"sub": user_id, "exp": issued + ttl, "iat": issued, "info": {"organizationId": organization_id}}
    return jwt.encode(claims, secret, algorithm="HS256")


def subscription_token(secret: str, user_id: str, channel: str, ttl: int, now: int | None = None) -> str:
    """`{sub, channel, exp, iat}`: Centrifugo requires `sub` to equal the connection's user."""
    issued = int(time.time()) if now is None else now
    claims = {"sub": user_id, "channel": channel, "exp": issued + ttl, "iat": issued}
    return jwt.encode(claims, secret, algorithm="HS256")
