"""better-auth endpoints under /api/v1/auth (email+password and the organization plugin).

The desktop app relies on the HttpOnly session cookie, exactly as it must against the real
server (there is no bearer plugin there). The `token` in the sign-in reply is what better-auth
returns too; it is the same opaque session token the cookie carries.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from whatrack_ref.config import Settings
from whatrack_ref.db import write_tx
from whatrack_ref.deps import client_ip, get_db, get_settings, optional_session, require_session
from whatrack_ref.errors import ApiError
from whatrack_ref.passwords import verify_password
from whatrack_ref.schemas import (
    ERRORS,
    ErrorBody,
    GetSessionResponse,
    OrganizationOut,
    SetActiveOrganizationBody,
    SignInBody,
    SignInResponse,
)
from whatrack_ref.serializers import organization_json, user_json
from whatrack_ref.sessions import COOKIE_NAME, SessionInfo, create_session, delete_session, sign_cookie_value
from whatrack_ref.signin_throttle import (
    DEVICE_COOKIE,
    DEVICE_COOKIE_MAX_AGE,
    DEVICE_COOKIE_PATH,
    SignInThrottle,
    attempt_keys,
    known_device,
    new_device_cookie,
    throttle_address,
)

log = logging.getLogger("whatrack_ref.auth")
router = APIRouter(prefix="/api/v1/auth", tags=["auth (better-auth)"])


def _set_cookie(response: JSONResponse, settings: Settings, token: str) -> None:
    response.set_cookie(
        COOKIE_NAME,
        sign_cookie_value(settings.effective_auth_secret, token),
        max_age=settings.session_ttl,
        path="/",
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
    )


_THROTTLED = {"model": ErrorBody, "description": "too many failed sign-ins; see Retry-After (seconds)"}


@router.post(
    "/sign-in/email", responses={200: {"model": SignInResponse}, 401: ERRORS[401], 400: ERRORS[400], 429: _THROTTLED}
)
def sign_in_email(
    body: SignInBody,
    request: Request,
    db: sqlite3.Connection = Depends(get_db),
    settings: Settings = Depends(get_settings),
) -> JSONResponse:
    """Check email+password, create a session, set `better-auth.session_token`.

    Failures are throttled per client address and per e-mail (see signin_throttle.py).
    """
    email = body.email.strip()
    throttle: SignInThrottle = request.app.state.sign_in_throttle
    device = known_device(settings.effective_auth_secret, request.cookies.get(DEVICE_COOKIE), email)
    keys = attempt_keys(throttle_address(request), email, device)
    refusal = throttle.acquire(keys)
    if refusal is not None:
        log.warning("sign-in throttled, retry after %ss", refusal.retry_after)
        message = f"Too many failed sign-in attempts; try again in {refusal.retry_after} s"
        raise ApiError(
            429,
            message,
            headers={"Retry-After": str(refusal.retry_after), "X-RateLimit-Limit": str(refusal.limit)},
            code="TOO_MANY_REQUESTS",
            message=message,
            retryAfter=refusal.retry_after,
            limit=refusal.limit,
        )
    user = db.execute(
        """SELECT u.*, a.password FROM "user" u
             LEFT JOIN account a ON a.user_id = u.id AND a.provider_id = 'credential'
            WHERE u.email = ? COLLATE NOCASE""",
        (email,),
    ).fetchone()
    # One scrypt whether or not the e-mail exists (a dummy hash otherwise): equal timing.
    if not verify_password(body.password, user["password"] if user is not None else None) or user is None:
        log.info("sign-in rejected")
        # `error` for our decoder, `code`/`message` as better-auth itself answers
        raise ApiError(
            401, "Invalid email or password", code="INVALID_EMAIL_OR_PASSWORD", message="Invalid email or password"
        )
    throttle.release(keys)
    with write_tx(db):
        session = create_session(
            db, user["id"], settings.session_ttl, client_ip(request), request.headers.get("user-agent")
        )
    log.info("sign-in ok for user %s", user["id"])
    response = JSONResponse({"redirect": False, "token": session.token, "user": user_json(user)})
    _set_cookie(response, settings, session.token)
    if device is None:
        response.set_cookie(
            DEVICE_COOKIE,
            new_device_cookie(settings.effective_auth_secret, email),
            max_age=DEVICE_COOKIE_MAX_AGE,
            path=DEVICE_COOKIE_PATH,
            httponly=True,
            samesite="lax",
            secure=settings.cookie_secure,
        )
    return response


@router.get(
    "/get-session", responses={200: {"model": GetSessionResponse, "description": "or `null` without a session"}}
)
def get_session(
    session: SessionInfo | None = Depends(optional_session),
    db: sqlite3.Connection = Depends(get_db),
) -> Any:
    """`{session, user}` for a valid cookie, else `null` (status 200, like better-auth)."""
    if session is None:
        return JSONResponse(None)
    row = db.execute("SELECT * FROM session WHERE id = ?", (session.id,)).fetchone()
    user = db.execute('SELECT * FROM "user" WHERE id = ?', (session.user_id,)).fetchone()
    return {
        "session": {
            "id": row["id"],
            "token": row["token"],
            "userId": row["user_id"],
            "expiresAt": row["expires_at"],
            "ipAddress": row["ip_address"],
            "userAgent": row["user_agent"],
            "activeOrganizationId": row["active_organization_id"],
            "createdAt": row["created_at"],
            "updatedAt": row["updated_at"],
        },
        "user": user_json(user),
    }


@router.post("/sign-out")
def sign_out(
    session: SessionInfo | None = Depends(optional_session),
    db: sqlite3.Connection = Depends(get_db),
) -> JSONResponse:
    """Delete the session and expire the cookie; succeeds without a session too."""
    if session is not None:
        with write_tx(db):
            delete_session(db, session.token)
        log.info("sign-out for user %s", session.user_id)
    response = JSONResponse({"success": True})
    response.delete_cookie(COOKIE_NAME, path="/")
    return response


@router.get("/organization/list", responses={200: {"model": list[OrganizationOut]}, 401: ERRORS[401]})
def list_organizations(
    session: SessionInfo = Depends(require_session),
    db: sqlite3.Connection = Depends(get_db),
) -> list[dict[str, Any]]:
    """Organizations the user is a member of (better-auth returns a bare array)."""
    rows = db.execute(
        """SELECT o.* FROM organization o JOIN member m ON m.organization_id = o.id
            WHERE m.user_id = ? ORDER BY o.created_at, o.name""",
        (session.user_id,),
    ).fetchall()
    return [organization_json(r) for r in rows]


@router.post(
    "/organization/set-active", responses={200: {"model": OrganizationOut}, 401: ERRORS[401], 403: ERRORS[403]}
)
def set_active_organization(
    body: SetActiveOrganizationBody,
    session: SessionInfo = Depends(require_session),
    db: sqlite3.Connection = Depends(get_db),
) -> Any:
    """Store the active organization on the session (the fallback when no header is sent)."""
    org = None
    if body.organizationId is not None:
        org = db.execute(
            """SELECT o.* FROM organization o JOIN member m ON m.organization_id = o.id
                WHERE o.id = ? AND m.user_id = ?""",
            (body.organizationId, session.user_id),
        ).fetchone()
        if org is None:
            raise ApiError(403, "Usuário não é membro desta organização")
    with write_tx(db):
        db.execute("UPDATE session SET active_organization_id = ? WHERE id = ?", (body.organizationId, session.id))
    return organization_json(org) if org is not None else JSONResponse(None)


@router.get("/organization/get-full-organization", responses={401: ERRORS[401], 403: ERRORS[403]})
def get_full_organization(
    request: Request,
    session: SessionInfo = Depends(require_session),
    db: sqlite3.Connection = Depends(get_db),
) -> dict[str, Any]:
    """Organization with its members (for assignee pickers): `?organizationId=` or the active one."""
    org_id = (
        request.query_params.get("organizationId")
        or request.headers.get("x-organization-id")
        or session.active_organization_id
    )
    if not org_id:
        raise ApiError(403, "Organização não especificada")
    org = db.execute(
        """SELECT o.* FROM organization o JOIN member m ON m.organization_id = o.id
            WHERE o.id = ? AND m.user_id = ?""",
        (org_id, session.user_id),
    ).fetchone()
    if org is None:
        raise ApiError(403, "Usuário não é membro desta organização")
    members = db.execute(
        """SELECT m.id, m.role, m.created_at, u.id AS user_id, u.name, u.email, u.image
             FROM member m JOIN "user" u ON u.id = m.user_id WHERE m.organization_id = ? ORDER BY u.name""",
        (org_id,),
    ).fetchall()
    return {
        **organization_json(org),
        "members": [
            {
                "id": m["id"],
                "organizationId": org_id,
                "userId": m["user_id"],
                "role": m["role"],
                "createdAt": m["created_at"],
                "user": {"id": m["user_id"], "name": m["name"], "email": m["email"], "image": m["image"]},
            }
            for m in members
        ],
        "invitations": [],
    }
