"""Read-side queries for the inbox routes (chat list, message pages, tickets, stages)."""

from __future__ import annotations

import sqlite3
from typing import Any

from whatrack_ref.db import status_id
from whatrack_ref.serializers import message_row, stage_brief, tracking

#: Every column the ticket serializers need, under stable aliases.
TICKET_SELECT = """
SELECT t.*, s.name AS status_name,
       st.id AS stage_id, st.name AS stage_name, st.color AS stage_color,
       st."order" AS stage_order, st.is_closed AS stage_is_closed,
       u.name AS assignee_name, u.email AS assignee_email, u.image AS assignee_image,
       tr.ticket_id AS tr_ticket_id, tr.utm_source AS tr_utm_source, tr.utm_medium AS tr_utm_medium,
       tr.utm_campaign AS tr_utm_campaign, tr.source_type AS tr_source_type, tr.ctwaclid AS tr_ctwaclid,
       tr.referrer_url AS tr_referrer_url, tr.landing_page AS tr_landing_page,
       l.name AS lead_name, l.phone AS lead_phone, l.push_name AS lead_push_name,
       l.total_tickets AS lead_total_tickets, l.lifetime_value_cents AS lead_lifetime_value_cents,
       l.first_message_at AS lead_first_message_at
  FROM crm_tickets t
  JOIN crm_ticket_statuses s ON s.id = t.status_id
  JOIN crm_ticket_stages st ON st.id = t.stage_id
  JOIN crm_leads l ON l.id = t.lead_id
  LEFT JOIN "user" u ON u.id = t.assignee_id
  LEFT JOIN crm_ticket_tracking tr ON tr.ticket_id = t.id
"""

MESSAGE_SELECT = """
SELECT m.*, d.name AS direction_name
  FROM whatsapp_messages m
  JOIN crm_message_directions d ON d.id = m.direction_id
"""


def list_chats(
    conn: sqlite3.Connection, org_id: str, q: str | None, shape: str, instance_id: str | None = None
) -> list[dict[str, Any]]:
    """`listWhatsAppChats`: leads with messages, newest first, no pagination, unreadCount 0."""
    params: list[Any] = [org_id]
    search = ""
    if instance_id:
        search += " AND EXISTS (SELECT 1 FROM crm_conversations ci WHERE ci.lead_id = l.id AND ci.instance_id = ?)"
        params.append(instance_id)
    if q:
        needle = q.casefold()
        search += " AND (instr(fold(l.name), ?) > 0 OR instr(fold(l.push_name), ?) > 0 OR instr(fold(l.phone), ?) > 0)"
        params += [needle, needle, needle]
    leads = conn.execute(
        f"""SELECT l.*,
                   (SELECT c.id FROM crm_conversations c WHERE c.lead_id = l.id
                     ORDER BY c.created_at, c.id LIMIT 1) AS conversation_id,
                   (SELECT m.rowid FROM whatsapp_messages m WHERE m.lead_id = l.id
                     ORDER BY m.timestamp DESC, m.rowid DESC LIMIT 1) AS last_message_rowid
              FROM crm_leads l
             WHERE l.organization_id = ? AND l.last_message_at IS NOT NULL {search}
             ORDER BY l.last_message_at DESC, l.id""",
        params,
    ).fetchall()

    rowids = [r["last_message_rowid"] for r in leads if r["last_message_rowid"] is not None]
    messages = _messages_by_rowid(conn, rowids)
    conv_ids = [r["conversation_id"] for r in leads if r["conversation_id"] is not None]
    tickets = _open_tickets_by_conversation(conn, conv_ids)

    items = []
    for lead in leads:
        msg = messages.get(lead["last_message_rowid"])
        item: dict[str, Any] = {
            "id": lead["conversation_id"] or lead["id"],
            "name": lead["name"] or lead["push_name"] or lead["phone"],
            "phone": lead["phone"],
            "profilePicUrl": lead["profile_pic_url"],
            "lastMessageAt": lead["last_message_at"],
            "lastMessage": message_row(msg, shape) if msg is not None else None,
            "unreadCount": 0,
        }
        ticket = tickets.get(lead["conversation_id"])
        if ticket is not None:  # the real service leaves the key out (undefined) otherwise
            item["currentTicket"] = {
                "id": ticket["id"],
                "status": ticket["status_name"],
                "stage": stage_brief(ticket),
                "tracking": tracking(ticket, full=False),
            }
        items.append(item)
    return items


def _messages_by_rowid(conn: sqlite3.Connection, rowids: list[int]) -> dict[int, sqlite3.Row]:
    """Last messages for the chat list, fetched in chunks (SQLite caps bound parameters)."""
    out: dict[int, sqlite3.Row] = {}
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        rows = conn.execute(
            f"""SELECT m.rowid AS msg_rowid, m.*, d.name AS direction_name
                  FROM whatsapp_messages m JOIN crm_message_directions d ON d.id = m.direction_id
                 WHERE m.rowid IN ({",".join("?" * len(chunk))})""",
            chunk,
        )
        for row in rows:
            out[row["msg_rowid"]] = row
    return out


def _open_tickets_by_conversation(conn: sqlite3.Connection, conv_ids: list[str]) -> dict[str, sqlite3.Row]:
    out: dict[str, sqlite3.Row] = {}
    for start in range(0, len(conv_ids), 500):
        chunk = conv_ids[start : start + 500]
        rows = conn.execute(
            f"""{TICKET_SELECT} WHERE t.status_id = ? AND t.conversation_id IN ({",".join("?" * len(chunk))})
                ORDER BY t.created_at""",
            [status_id("open"), *chunk],
        )
        for row in rows:  # newest open ticket wins, as `orderBy createdAt desc, take 1`
            out[row["conversation_id"]] = row
    return out


def resolve_conversation(conn: sqlite3.Connection, org_id: str, conversation_or_lead_id: str) -> sqlite3.Row | None:
    """A conversation by id, else the first conversation of a lead with that id (same org)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT id, lead_id FROM crm_conversations WHERE id = ? AND organization_id = ?",
        (conversation_or_lead_id, org_id),
    ).fetchone()
    if row is not None:
        return row
    row = conn.execute(
        """SELECT c.id, c.lead_id FROM crm_conversations c JOIN crm_leads l ON l.id = c.lead_id
            WHERE l.id = ? AND l.organization_id = ? ORDER BY c.created_at, c.id LIMIT 1""",
        (conversation_or_lead_id, org_id),
    ).fetchone()
    return row


def message_page(conn: sqlite3.Connection, lead_id: str, page: int, page_size: int, shape: str) -> dict[str, Any]:
    """Page 1 is the newest page; items are oldest→newest within the page. Lists by lead."""
    total = conn.execute("SELECT COUNT(*) FROM whatsapp_messages WHERE lead_id = ?", (lead_id,)).fetchone()[0]
    rows = conn.execute(
        f"{MESSAGE_SELECT} WHERE m.lead_id = ? ORDER BY m.timestamp DESC, m.rowid DESC LIMIT ? OFFSET ?",
        (lead_id, page_size, (page - 1) * page_size),
    ).fetchall()
    items = [message_row(r, shape) for r in reversed(rows)]
    return {"items": items, "total": total, "page": page, "pageSize": page_size}


def open_ticket_for_conversation(conn: sqlite3.Connection, org_id: str, conversation_id: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        f"""{TICKET_SELECT} WHERE t.conversation_id = ? AND t.organization_id = ? AND t.status_id = ?
            ORDER BY t.created_at DESC LIMIT 1""",
        (conversation_id, org_id, status_id("open")),
    ).fetchone()
    return row


def ticket_by_id(conn: sqlite3.Connection, org_id: str, ticket_id: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        f"{TICKET_SELECT} WHERE t.id = ? AND t.organization_id = ?", (ticket_id, org_id)
    ).fetchone()
    return row


def conversation_exists(conn: sqlite3.Connection, org_id: str, conversation_id: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM crm_conversations WHERE id = ? AND organization_id = ?", (conversation_id, org_id)
        ).fetchone()
        is not None
    )


def list_stages(conn: sqlite3.Connection, org_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        """SELECT st.*, (SELECT COUNT(*) FROM crm_tickets t WHERE t.stage_id = st.id) AS tickets_count
             FROM crm_ticket_stages st WHERE st.organization_id = ? ORDER BY st."order" """,
        (org_id,),
    ).fetchall()
    return [
        {
            "id": r["id"],
            "name": r["name"],
            "color": r["color"],
            "order": r["order"],
            "isDefault": bool(r["is_default"]),
            "isClosed": bool(r["is_closed"]),
            "ticketsCount": r["tickets_count"],
        }
        for r in rows
    ]
