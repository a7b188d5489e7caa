"""Ticket routes of the ticket era: conversation ticket, stages, PATCH, close."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from whatrack_ref.config import Settings
from whatrack_ref.deps import OrgAccess, get_db, get_settings, require_org
from whatrack_ref.errors import ApiError
from whatrack_ref.queries import conversation_exists, list_stages, open_ticket_for_conversation
from whatrack_ref.schemas import (
    ERRORS,
    ConversationTicket,
    ErrorBody,
    StageList,
    TicketCloseBody,
    TicketPatchBody,
    TicketSummary,
)
from whatrack_ref.serializers import conversation_ticket
from whatrack_ref.tickets_service import close_ticket, update_ticket

log = logging.getLogger("whatrack_ref.tickets")
router = APIRouter(prefix="/api/v1", tags=["tickets"])

_NOT_FOUND = {"model": ErrorBody, "description": "ticket/stage/assignee not found"}
_CONFLICT = {"model": ErrorBody, "description": "ticket already closed (`currentStatus` included)"}


def _publish_all(request: Request, publications: list[tuple[str, dict[str, Any]]]) -> None:
    for channel, data in publications:
        request.app.state.publisher.publish(channel, data)


@router.get(
    "/conversations/{conversation_id}/ticket",
    responses={
        200: {"model": ConversationTicket},
        404: {"description": "body `null`: no open ticket; `{error}`: no such conversation"},
        **ERRORS,
    },
)
def get_conversation_ticket(
    conversation_id: str,
    access: OrgAccess = Depends(require_org),
    db: sqlite3.Connection = Depends(get_db),
) -> Any:
    """The open ticket; **404 with body `null`** when none is open (treat as "no ticket")."""
    if not conversation_exists(db, access.organization_id, conversation_id):
        raise ApiError(404, "Conversa não encontrada")
    row = open_ticket_for_conversation(db, access.organization_id, conversation_id)
    if row is None:
        return JSONResponse(None, status_code=404)
    return conversation_ticket(row)


@router.get("/ticket-stages", responses={200: {"model": StageList}, **ERRORS})
def get_ticket_stages(
    access: OrgAccess = Depends(require_org),
    db: sqlite3.Connection = Depends(get_db),
) -> dict[str, Any]:
    """Stages of the organization in order (`{items}` with `ticketsCount`)."""
    return {"items": list_stages(db, access.organization_id)}


@router.patch(
    "/tickets/{ticket_id}",
    responses={200: {"model": TicketSummary}, 404: _NOT_FOUND, 409: _CONFLICT, **ERRORS},
)
def patch_ticket(
    ticket_id: str,
    body: TicketPatchBody,
    request: Request,
    access: OrgAccess = Depends(require_org),
    db: sqlite3.Connection = Depends(get_db),
    settings: Settings = Depends(get_settings),
) -> dict[str, Any]:
    """Change stage, assignee and/or deal value of an open ticket; publishes `ticket_updated`."""
    changes: dict[str, Any] = {}
    if "stageId" in body.model_fields_set:
        changes["stageId"] = str(body.stageId)
    if "assigneeId" in body.model_fields_set:
        changes["assigneeId"] = str(body.assigneeId) if body.assigneeId is not None else None
    if "dealValue" in body.model_fields_set:
        changes["dealValue"] = body.dealValue
    summary, publications = update_ticket(db, settings, access.organization_id, ticket_id, changes)
    log.info("ticket %s updated by user %s (%s)", ticket_id, access.user_id, ",".join(sorted(changes)) or "nothing")
    _publish_all(request, publications)
    return summary


@router.post(
    "/tickets/{ticket_id}/close",
    responses={200: {"model": TicketSummary}, 404: _NOT_FOUND, 409: _CONFLICT, **ERRORS},
)
def post_close_ticket(
    ticket_id: str,
    body: TicketCloseBody,
    request: Request,
    access: OrgAccess = Depends(require_org),
    db: sqlite3.Connection = Depends(get_db),
    settings: Settings = Depends(get_settings),
) -> dict[str, Any]:
    """Close as `won` (closed_won) or `lost` (closed_lost); publishes `ticket_updated`."""
    summary, publications = close_ticket(
        db,
        settings,
        access.organization_id,
        ticket_id,
        body.reason,
        body.closedReason,
        ("dealValue" in body.model_fields_set, body.dealValue),
    )
    log.info("ticket %s closed (%s) by user %s", ticket_id, body.reason, access.user_id)
    _publish_all(request, publications)
    return summary
