"""Meta Cloud API webhook: GET verification handshake and signed POST deliveries."""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.concurrency import run_in_threadpool

from whatrack_ref import metasig
from whatrack_ref.config import Settings
from whatrack_ref.db import connect
from whatrack_ref.errors import ApiError
from whatrack_ref.schemas import ErrorBody, WebhookAck
from whatrack_ref.webhook_handler import process_payload

log = logging.getLogger("whatrack_ref.webhook")
router = APIRouter(prefix="/api/v1/whatsapp", tags=["webhook"])


@router.get("/webhook", response_class=PlainTextResponse, responses={403: {"model": ErrorBody}})
def verify_webhook(
    request: Request,
    mode: str | None = Query(default=None, alias="hub.mode"),
    verify_token: str | None = Query(default=None, alias="hub.verify_token"),
    challenge: str | None = Query(default=None, alias="hub.challenge"),
) -> PlainTextResponse:
    """Meta's subscription handshake: echo `hub.challenge` when the verify token matches."""
    settings: Settings = request.app.state.settings
    # Constant time, and as bytes: compare_digest refuses non-ASCII str (a 500 on hostile input).
    token_ok = verify_token is not None and hmac.compare_digest(
        verify_token.encode(), settings.webhook_verify_token.encode()
    )
    if mode == "subscribe" and token_ok:
        return PlainTextResponse(challenge or "")
    raise ApiError(403, "Verification failed")


@router.post(
    "/webhook",
    responses={
        200: {"model": WebhookAck},
        403: {"model": ErrorBody, "description": "missing or bad X-Hub-Signature-256"},
        400: {"model": ErrorBody, "description": "body is not JSON, or the signature header is not ASCII"},
        413: {"model": ErrorBody, "description": "body larger than --max-body-bytes"},
    },
)
async def receive_webhook(request: Request) -> JSONResponse:
    """Signed Meta delivery: `X-Hub-Signature-256: sha256=<hex HMAC of the raw body>`.

    Processed before answering (the real route may defer work), so a test that gets the 200
    knows the rows are committed; publications follow each commit.
    """
    settings: Settings = request.app.state.settings
    header = request.headers.get(metasig.HEADER)
    if header is not None and not metasig.well_formed(header):
        log.warning("webhook rejected: malformed signature header")
        raise ApiError(400, "Malformed X-Hub-Signature-256 header: expected sha256=<64 hex digits>")
    if not settings.webhook_secret or not header:
        # Refused before the body is read: an unsigned body is never worth receiving.
        log.warning("webhook rejected: missing signature or no secret configured")
        raise ApiError(403, "Invalid signature")
    raw = await request.body()  # bounded by bodylimit.BodySizeLimit
    if not metasig.verify(settings.webhook_secret, raw, header):
        log.warning("webhook rejected: bad signature")
        raise ApiError(403, "Invalid signature")
    try:
        payload: Any = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser's stack
        raise ApiError(400, "Invalid JSON") from None
    publisher = request.app.state.publisher

    def work() -> dict[str, int]:
        conn = connect(settings.db_path)
        try:
            return process_payload(conn, settings, payload, publisher.publish).as_json()
        finally:
            conn.close()

    processed = await run_in_threadpool(work)
    log.info("webhook processed: %s", processed)
    return JSONResponse({"received": True, "processed": processed})
