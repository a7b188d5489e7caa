"""better-auth style sessions: an opaque token in the DB, sent as a signed HttpOnly cookie.

better-auth stores `token` in the `session` table and sets the cookie
`better-auth.session_token=<token>.<base64 HMAC-SHA256(secret, token)>` (URL-encoded). We do
the same, so a cookie jar that works here works against the real server.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import sqlite3
import string
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote, unquote

from whatrack_ref.ids import new_id
from whatrack_ref.timeutil import iso, now_iso, utcnow

COOKIE_NAME = "better-auth.session_token"
SECURE_COOKIE_NAME = "__Secure-better-auth.session_token"
_TOKEN_ALPHABET = string.ascii_letters + string.digits


@dataclass(frozen=True)
class SessionInfo:
    """What a request learns from a valid session cookie."""

    id: str
    token: str
    user_id: str
    expires_at: str
    active_organization_id: str | None


def _signature(secret: str, token: str) -> str:
    mac = hmac.new(secret.encode(), token.encode(), hashlib.sha256).digest()
    return base64.b64encode(mac).decode()


def sign_cookie_value(secret: str, token: str) -> str:
    """Cookie value for `token` (URL-encoded, like better-call's signed cookies)."""
    return quote(f"{token}.{_signature(secret, token)}", safe="")


def unsign_cookie_value(secret: str, raw: str | None) -> str | None:
    """Token inside a signed cookie value, or None when missing or tampered with."""
    if not raw:
        return None
    value = unquote(raw)
    token, sep, signature = value.rpartition(".")
    if not sep or not token:
        return None
    # Bytes, not str: compare_digest raises TypeError on non-ASCII str, and the cookie is client
    # input (a UTF-8 %-escape or a Latin-1 byte in it must be "no session", not a 500).
    presented = signature.encode("utf-8", "surrogatepass")
    if not hmac.compare_digest(presented, _signature(secret, token).encode()):
        return None
    return token


def create_session(
    conn: sqlite3.Connection, user_id: str, ttl_seconds: int, ip: str | None, user_agent: str | None
) -> SessionInfo:
    """Insert a session row (caller owns the transaction) and return it."""
    token = "".join(secrets.choice(_TOKEN_ALPHABET) for _ in range(32))
    now = utcnow()
    session_id = new_id()
    expires = iso(now + timedelta(seconds=ttl_seconds))
    conn.execute(
        """INSERT INTO session(id, token, user_id, expires_at, ip_address, user_agent,
                               active_organization_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)""",
        (session_id, token, user_id, expires, ip, user_agent, iso(now), iso(now)),
    )
    return SessionInfo(session_id, token, user_id, expires, None)


def find_session(conn: sqlite3.Connection, token: str) -> SessionInfo | None:
    """Valid (unexpired) session for a token."""
    row = conn.execute(
        "SELECT id, token, user_id, expires_at, active_organization_id FROM session WHERE token = ? AND expires_at > ?",
        (token, now_iso()),
    ).fetchone()
    if row is None:
        return None
    return SessionInfo(row["id"], row["token"], row["user_id"], row["expires_at"], row["active_organization_id"])


def delete_session(conn: sqlite3.Connection, token: str) -> None:
    conn.execute("DELETE FROM session WHERE token = ?", (token,))
