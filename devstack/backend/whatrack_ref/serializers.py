"""Row → JSON shapes of the ticket-era API (anchors §1.7).

Kept apart from the queries so the exact wire shapes are in one place: the desktop client's
tolerant decoder is tested against these, in both message shapes.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from decimal import Decimal
from typing import Any

from whatrack_ref.timeutil import parse_iso, utcnow


def money_string(cents: int | None) -> str | None:
    """Decimal as Prisma/Decimal.js prints it: no trailing zeros ("1500", "99.9")."""
    if cents is None:
        return None
    value = (Decimal(cents) / 100).normalize()
    return f"{value:f}"


def money_number(cents: int | None) -> float | int | None:
    """`Number(decimal)`: what the ticket list/PATCH/close responses carry."""
    if cents is None:
        return None
    return cents // 100 if cents % 100 == 0 else cents / 100


def window_is_open(stored_open: int | bool, expires_at: str | None, now: datetime | None = None) -> bool:
    """The real backend flips windowOpen with a job; we compute it at read time instead."""
    if not stored_open:
        return False
    if expires_at is None:
        return True
    return parse_iso(expires_at) > (now or utcnow())


def message_row(row: sqlite3.Row, shape: str) -> dict[str, Any]:
    """A `whatsapp_messages` row as Prisma returned it in the ticket era (`directionId`, no name).

    `normalized` adds `direction: 'INBOUND'|'OUTBOUND'` (what commit 1d8fab03 introduced);
    the query must select the direction name as `direction_name`.
    """
    item: dict[str, Any] = {
        "id": row["id"],
        "wamid": row["wamid"],
        "leadId": row["lead_id"],
        "instanceId": row["instance_id"],
        "appConversationId": row["app_conversation_id"],
        "ticketId": row["ticket_id"],
        "directionId": row["direction_id"],
        "type": row["type"],
        "body": row["body"],
        "mediaUrl": row["media_url"],
        "status": row["status"],
        "timestamp": row["timestamp"],
        "metaConversationId": row["meta_conversation_id"],
        "rawMeta": json.loads(row["raw_meta"]) if row["raw_meta"] else None,
        "createdAt": row["created_at"],
        "updatedAt": row["updated_at"],
    }
    if shape == "normalized":
        item["direction"] = row["direction_name"]
    return item


def stage_brief(row: sqlite3.Row, prefix: str = "stage_") -> dict[str, Any]:
    return {"id": row[f"{prefix}id"], "name": row[f"{prefix}name"], "color": row[f"{prefix}color"]}


def stage_full(row: sqlite3.Row, prefix: str = "stage_") -> dict[str, Any]:
    return {
        **stage_brief(row, prefix),
        "order": row[f"{prefix}order"],
        "isClosed": bool(row[f"{prefix}is_closed"]),
    }


def tracking(row: sqlite3.Row, full: bool) -> dict[str, Any] | None:
    """TicketTracking relation; None when the ticket has no tracking row (Prisma null)."""
    if row["tr_ticket_id"] is None:
        return None
    brief = {"sourceType": row["tr_source_type"], "utmSource": row["tr_utm_source"], "ctwaclid": row["tr_ctwaclid"]}
    if not full:
        return brief
    return {
        "utmSource": row["tr_utm_source"],
        "utmMedium": row["tr_utm_medium"],
        "utmCampaign": row["tr_utm_campaign"],
        "sourceType": row["tr_source_type"],
        "ctwaclid": row["tr_ctwaclid"],
        "referrerUrl": row["tr_referrer_url"],
        "landingPage": row["tr_landing_page"],
    }


def assignee(row: sqlite3.Row, full: bool = True) -> dict[str, Any] | None:
    if row["assignee_id"] is None:
        return None
    if not full:
        return {"id": row["assignee_id"], "name": row["assignee_name"]}
    return {
        "id": row["assignee_id"],
        "name": row["assignee_name"],
        "email": row["assignee_email"],
        "image": row["assignee_image"],
    }


def conversation_ticket(row: sqlite3.Row) -> dict[str, Any]:
    """GET /api/v1/conversations/{id}/ticket (conversation-ticket.service.ts)."""
    return {
        "id": row["id"],
        "status": row["status_name"],
        "windowOpen": window_is_open(row["window_open"], row["window_expires_at"]),
        "windowExpiresAt": row["window_expires_at"],
        "dealValue": money_string(row["deal_value_cents"]),
        "stage": stage_full(row),
        "assignee": assignee(row),
        "tracking": tracking(row, full=True),
        "closedReason": row["closed_reason"],
        "closedAt": row["closed_at"],
        "kpis": {
            "messagesCount": row["messages_count"],
            "inboundMessagesCount": row["inbound_messages_count"],
            "outboundMessagesCount": row["outbound_messages_count"],
            "firstResponseTimeSec": row["first_response_time_sec"],
            "resolutionTimeSec": row["resolution_time_sec"],
            "createdAt": row["created_at"],
        },
        "leadInsights": {
            "totalTickets": row["lead_total_tickets"],
            "lifetimeValue": money_string(row["lead_lifetime_value_cents"]) or "0",
            "firstMessageAt": row["lead_first_message_at"],
        },
    }


def ticket_summary(row: sqlite3.Row, closed: bool = False) -> dict[str, Any]:
    """PATCH /tickets/{id} and POST /tickets/{id}/close responses (mapTicketSummary/mapClosedTicket).

    Note: here `dealValue` is a number (`Number(decimal)`), unlike the conversation ticket.
    """
    data: dict[str, Any] = {
        "id": row["id"],
        "lead": {
            "id": row["lead_id"],
            "name": row["lead_name"],
            "phone": row["lead_phone"],
            "pushName": row["lead_push_name"],
        },
        "stage": stage_brief(row),
        "assignee": assignee(row, full=False),
        "tracking": tracking(row, full=False),
        "project": None,
        "status": row["status_name"],
        "windowOpen": window_is_open(row["window_open"], row["window_expires_at"]),
        "windowExpiresAt": row["window_expires_at"],
        "dealValue": money_number(row["deal_value_cents"]),
        "messagesCount": row["messages_count"],
        "createdAt": row["created_at"],
        "updatedAt": row["updated_at"],
    }
    if closed:
        data["closedAt"] = row["closed_at"]
        data["closedReason"] = row["closed_reason"]
        data["salesCount"] = 1 if row["status_name"] == "closed_won" and row["deal_value_cents"] else 0
    return data


def user_json(row: sqlite3.Row) -> dict[str, Any]:
    """better-auth's user object."""
    return {
        "id": row["id"],
        "name": row["name"],
        "email": row["email"],
        "emailVerified": bool(row["email_verified"]),
        "image": row["image"],
        "createdAt": row["created_at"],
        "updatedAt": row["updated_at"],
    }


def organization_json(row: sqlite3.Row) -> dict[str, Any]:
    """better-auth organization plugin's organization object."""
    return {
        "id": row["id"],
        "name": row["name"],
        "slug": row["slug"],
        "logo": row["logo"],
        "createdAt": row["created_at"],
        "metadata": None,
    }
