"""FastAPI dependencies: DB connection, settings, session and organization access.

Organization resolution follows the real `validateFullAccess()`: the `x-organization-id`
header first, then `?organizationId=`/`?orgId=`, then the session's active organization.
Status codes follow our contract (401 no session, 403 no organization or no membership); the
real server answers 403 on most routes and 401 on the token route for all of these.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import Depends, Request

from whatrack_ref.config import Settings
from whatrack_ref.db import connect
from whatrack_ref.errors import ApiError
from whatrack_ref.sessions import COOKIE_NAME, SECURE_COOKIE_NAME, SessionInfo, find_session, unsign_cookie_value

ORGANIZATION_HEADER = "x-organization-id"


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_db(request: Request) -> Iterator[sqlite3.Connection]:
    """One connection per request, closed when the response is done."""
    conn = connect(request.app.state.settings.db_path)
    try:
        yield conn
    finally:
        conn.close()


def client_ip(request: Request) -> str:
    """Client address for rate limiting; honours X-Forwarded-For as the real middleware does."""
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded:
        return forwarded.split(",")[0].strip()
    real_ip = request.headers.get("x-real-ip")
    if real_ip:
        return real_ip.strip()
    return request.client.host if request.client else "unknown-ip"


def optional_session(
    request: Request,
    db: sqlite3.Connection = Depends(get_db),
    settings: Settings = Depends(get_settings),
) -> SessionInfo | None:
    """The caller's session from the better-auth cookie, or None."""
    raw = request.cookies.get(COOKIE_NAME) or request.cookies.get(SECURE_COOKIE_NAME)
    token = unsign_cookie_value(settings.effective_auth_secret, raw)
    if token is None:
        return None
    return find_session(db, token)


def require_session(session: SessionInfo | None = Depends(optional_session)) -> SessionInfo:
    if session is None:
        raise ApiError(401, "Usuário não autenticado")
    return session


@dataclass(frozen=True)
class OrgAccess:
    """An authenticated member acting inside one organization."""

    session: SessionInfo
    user_id: str
    organization_id: str
    role: str


def requested_organization(request: Request, session: SessionInfo) -> str | None:
    return (
        request.headers.get(ORGANIZATION_HEADER)
        or request.query_params.get("organizationId")
        or request.query_params.get("orgId")
        or session.active_organization_id
    )


def require_org(
    request: Request,
    session: SessionInfo = Depends(require_session),
    db: sqlite3.Connection = Depends(get_db),
) -> OrgAccess:
    """Authenticated member of the requested organization, else 401/403."""
    org_id = requested_organization(request, session)
    if not org_id:
        raise ApiError(403, "Organização não especificada")
    row = db.execute(
        "SELECT role FROM member WHERE organization_id = ? AND user_id = ?", (org_id, session.user_id)
    ).fetchone()
    if row is None:
        raise ApiError(403, "Usuário não é membro desta organização")
    return OrgAccess(session=session, user_id=session.user_id, organization_id=org_id, role=row["role"])
