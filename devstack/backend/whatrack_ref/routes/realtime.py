"""Centrifugo tokens: connection token (rate limited) and subscription token (secure profile)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Request, Response

from whatrack_ref.config import Settings
from whatrack_ref.deps import OrgAccess, client_ip, get_settings, optional_session, require_org
from whatrack_ref.errors import ApiError
from whatrack_ref.ratelimit import SlidingWindowLimiter
from whatrack_ref.schemas import ERRORS, ErrorBody, SubscriptionTokenBody, TokenResponse
from whatrack_ref.sessions import SessionInfo
from whatrack_ref.tokenfault import apply_fault, record_call
from whatrack_ref.tokens import connection_token, subscription_token

log = logging.getLogger("whatrack_ref.realtime")
router = APIRouter(prefix="/api/v1/centrifugo", tags=["centrifugo"])


def rate_limit_token_route(
    request: Request,
    session: SessionInfo | None = Depends(optional_session),
) -> None:
    """5/minute per client (session, else IP), checked before auth like the real middleware."""
    limiter: SlidingWindowLimiter = request.app.state.token_limiter
    key = f"session:{session.id}" if session is not None else f"ip:{client_ip(request)}"
    decision = limiter.hit(key)
    if not decision.allowed:
        log.warning(
            "token rate limit hit (%s/%s), retry after %ss", decision.current, decision.limit, decision.retry_after
        )
        raise ApiError(
            429,
            "Too many requests",
            headers={"Retry-After": str(decision.retry_after), "X-RateLimit-Limit": str(decision.limit)},
            retryAfter=decision.retry_after,
            limit=decision.limit,
        )


def record_token_call(settings: Settings = Depends(get_settings)) -> None:
    """TEST ONLY: with a fault file, every call is counted (tokenfault.py), limited or not."""
    if settings.token_fault_file:
        record_call(settings.token_fault_file)


async def injected_token_fault(request: Request, settings: Settings = Depends(get_settings)) -> Response | None:
    """TEST ONLY: what `token_fault_file` says the route answers instead (tokenfault.py)."""
    if not settings.token_fault_file:
        return None
    return await apply_fault(settings.token_fault_file, request)


@router.get(
    "/token",
    dependencies=[Depends(record_token_call), Depends(rate_limit_token_route)],
    response_model=None,
    responses={
        200: {"model": TokenResponse},
        401: ERRORS[401],
        403: ERRORS[403],
        429: {"model": ErrorBody, "description": "rate limited; see Retry-After (seconds)"},
    },
)
def centrifugo_token(
    fault: Response | None = Depends(injected_token_fault),
    access: OrgAccess = Depends(require_org),
    settings: Settings = Depends(get_settings),
) -> dict[str, str] | Response:
    """HS256 `{sub, exp, iat, info: {organizationId}}` for the Centrifugo connection."""
    if fault is not None:
        return fault
    token = connection_token(settings.token_secret, access.user_id, access.organization_id, settings.token_ttl)
    log.info("connection token issued for user %s org %s", access.user_id, access.organization_id)
    return {"token": token}


@router.post(
    "/subscription-token",
    responses={200: {"model": TokenResponse}, 401: ERRORS[401], 403: ERRORS[403], 400: ERRORS[400]},
)
def centrifugo_subscription_token(
    body: SubscriptionTokenBody,
    access: OrgAccess = Depends(require_org),
    settings: Settings = Depends(get_settings),
) -> dict[str, str]:
    """`{sub, channel, exp, iat}` for one of the caller's organization's channels, else 403.

    Not in the real backend (its namespace lets any client subscribe): this is what the `secure`
    profile of the devstack requires.
    """
    allowed = {
        settings.messages_channel_for(access.organization_id),
        settings.tickets_channel_for(access.organization_id),
    }
    if body.channel not in allowed:
        log.warning("subscription token refused for user %s", access.user_id)
        raise ApiError(403, "Canal não pertence a esta organização")
    token = subscription_token(settings.effective_subscription_secret, access.user_id, body.channel, settings.token_ttl)
    log.info("subscription token issued for user %s channel %s", access.user_id, body.channel)
    return {"token": token}
