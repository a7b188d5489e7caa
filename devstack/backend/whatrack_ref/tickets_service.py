"""Ticket mutations (PATCH and close), mirroring the ticket-era ticket.service.ts rules.

Both return the publications to send after the commit: the real backend publishes nothing here,
we publish `ticket_updated` (with `conversationId`, which the real payload lacks) so clients can
be tested against it; they must still refetch, as against the real server.
"""

from __future__ import annotations

import sqlite3
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from whatrack_ref.config import Settings
from whatrack_ref.db import status_id, write_tx
from whatrack_ref.errors import ApiError
from whatrack_ref.queries import ticket_by_id
from whatrack_ref.serializers import money_number, stage_brief, ticket_summary
from whatrack_ref.timeutil import iso, parse_iso, utcnow

Publication = tuple[str, dict[str, Any]]


def to_cents(value: float | int | None) -> int | None:
    """Decimal(12,2) semantics: round half up to cents."""
    if value is None:
        return None
    return int((Decimal(str(value)) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _load_open(conn: sqlite3.Connection, org_id: str, ticket_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        """SELECT t.id, t.stage_id, t.lead_id, t.conversation_id, t.created_at, s.name AS status_name
             FROM crm_tickets t JOIN crm_ticket_statuses s ON s.id = t.status_id
            WHERE t.id = ? AND t.organization_id = ?""",
        (ticket_id, org_id),
    ).fetchone()
    if row is None:
        raise ApiError(404, "Ticket não encontrado")
    if row["status_name"] != "open":
        raise ApiError(409, "Ticket já está fechado", currentStatus=row["status_name"])
    return row


def update_ticket(
    conn: sqlite3.Connection, settings: Settings, org_id: str, ticket_id: str, changes: dict[str, Any]
) -> tuple[dict[str, Any], list[Publication]]:
    """Apply `{stageId?, assigneeId?, dealValue?}`; keys absent from `changes` are untouched."""
    now = iso(utcnow())
    with write_tx(conn):
        existing = _load_open(conn, org_id, ticket_id)
        sets: list[str] = []
        params: list[Any] = []
        if "stageId" in changes:
            stage = conn.execute(
                "SELECT id FROM crm_ticket_stages WHERE id = ? AND organization_id = ?", (changes["stageId"], org_id)
            ).fetchone()
            if stage is None:
                raise ApiError(404, "Estágio não encontrado")
            sets += ["stage_id = ?", "stage_entered_at = ?"]
            params += [changes["stageId"], now]
        if "assigneeId" in changes:
            if changes["assigneeId"] is not None:
                member = conn.execute(
                    "SELECT 1 FROM member WHERE user_id = ? AND organization_id = ?", (changes["assigneeId"], org_id)
                ).fetchone()
                if member is None:
                    raise ApiError(404, "Atribuído não encontrado")
            sets.append("assignee_id = ?")
            params.append(changes["assigneeId"])
        if "dealValue" in changes:
            sets.append("deal_value_cents = ?")
            params.append(to_cents(changes["dealValue"]))
        sets.append("updated_at = ?")
        params.append(now)
        conn.execute(f"UPDATE crm_tickets SET {', '.join(sets)} WHERE id = ?", [*params, ticket_id])
    row = ticket_by_id(conn, org_id, ticket_id)
    assert row is not None
    updates: dict[str, Any] = {}
    if "stageId" in changes:
        updates["stageId"] = row["stage_id"]
        updates["stage"] = stage_brief(row)
    if "assigneeId" in changes:
        updates["assigneeId"] = row["assignee_id"]
    if "dealValue" in changes:
        updates["dealValue"] = money_number(row["deal_value_cents"])
    return ticket_summary(row), [_ticket_event(settings, org_id, ticket_id, existing["conversation_id"], updates)]


def close_ticket(
    conn: sqlite3.Connection,
    settings: Settings,
    org_id: str,
    ticket_id: str,
    reason: str,
    closed_reason: str | None,
    deal_value: tuple[bool, float | int | None],
) -> tuple[dict[str, Any], list[Publication]]:
    """Close as won/lost; `deal_value` is (given, value) so an explicit null can clear it."""
    now_dt = utcnow()
    now = iso(now_dt)
    new_status = "closed_won" if reason == "won" else "closed_lost"
    given, value = deal_value
    with write_tx(conn):
        existing = _load_open(conn, org_id, ticket_id)
        resolution = int((now_dt - parse_iso(existing["created_at"])).total_seconds())
        sets = ["status_id = ?", "closed_at = ?", "closed_reason = ?", "resolution_time_sec = ?", "updated_at = ?"]
        params: list[Any] = [status_id(new_status), now, closed_reason, resolution, now]
        if given:
            sets.append("deal_value_cents = ?")
            params.append(to_cents(value))
        conn.execute(f"UPDATE crm_tickets SET {', '.join(sets)} WHERE id = ?", [*params, ticket_id])
        won_cents = to_cents(value) if given and new_status == "closed_won" and value else 0
        conn.execute(
            """UPDATE crm_leads SET total_tickets = total_tickets + 1,
                      lifetime_value_cents = lifetime_value_cents + ?, updated_at = ? WHERE id = ?""",
            (won_cents or 0, now, existing["lead_id"]),
        )
    row = ticket_by_id(conn, org_id, ticket_id)
    assert row is not None
    updates: dict[str, Any] = {
        "status": new_status,
        "closedAt": row["closed_at"],
        "closedReason": row["closed_reason"],
        "dealValue": money_number(row["deal_value_cents"]),
    }
    event = _ticket_event(settings, org_id, ticket_id, existing["conversation_id"], updates)
    return ticket_summary(row, closed=True), [event]


def _ticket_event(
    settings: Settings, org_id: str, ticket_id: str, conversation_id: str, updates: dict[str, Any]
) -> Publication:
    return (
        settings.tickets_channel_for(org_id),
        {"type": "ticket_updated", "ticketId": ticket_id, "conversationId": conversation_id, "updates": updates},
    )
