"""Inbox reads: chat list and message pages (whatsapp-chat-query.service.ts)."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Depends, Query

from whatrack_ref.config import Settings
from whatrack_ref.deps import OrgAccess, get_db, get_settings, require_org
from whatrack_ref.errors import ApiError
from whatrack_ref.queries import list_chats, message_page, resolve_conversation
from whatrack_ref.schemas import ERRORS, ChatList, ErrorBody, MessagePage

router = APIRouter(prefix="/api/v1/whatsapp", tags=["inbox"])

#: Highest message page. The offset (page - 1) * pageSize must fit SQLite's int64, and no chat
#: has a hundred million messages: a larger page is a client bug, answered 400 (not a 500).
MAX_PAGE = 1_000_000


@router.get("/chats", responses={200: {"model": ChatList}, **ERRORS})
def get_chats(
    q: str | None = Query(
        default=None, max_length=200, description="name, pushName or phone contains (case-insensitive)"
    ),
    instanceId: str | None = Query(
        default=None, max_length=200, description="only chats with a conversation on this instance ('all' = no filter)"
    ),
    access: OrgAccess = Depends(require_org),
    db: sqlite3.Connection = Depends(get_db),
    settings: Settings = Depends(get_settings),
) -> dict[str, Any]:
    """All chats of the organization, newest `lastMessageAt` first; no pagination."""
    instance = instanceId if instanceId and instanceId != "all" else None
    items = list_chats(db, access.organization_id, q.strip() if q else None, settings.message_shape, instance)
    return {"items": items}


@router.get(
    "/chats/{conversation_or_lead_id}/messages",
    responses={
        200: {"model": MessagePage},
        404: {"model": ErrorBody, "description": "no such conversation/lead"},
        **ERRORS,
    },
)
def get_messages(
    conversation_or_lead_id: str,
    page: int = Query(default=1, ge=1, le=MAX_PAGE),
    pageSize: int = Query(default=50, ge=1, le=100),
    access: OrgAccess = Depends(require_org),
    db: sqlite3.Connection = Depends(get_db),
    settings: Settings = Depends(get_settings),
) -> dict[str, Any]:
    """Messages of the lead behind a conversation id or lead id, across all its conversations.

    Page 1 is the newest page; items are oldest→newest within a page.
    """
    conversation = resolve_conversation(db, access.organization_id, conversation_or_lead_id)
    if conversation is None:
        raise ApiError(404, "Conversa não encontrada")
    return message_page(db, conversation["lead_id"], page, pageSize, settings.message_shape)
