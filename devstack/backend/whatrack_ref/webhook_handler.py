"""Meta Cloud API webhook processing, following the ticket-era message/status handlers.

Inbound messages (and `message_echoes`, messages sent from the phone app) find or create the
lead and the lead×instance conversation, expire a 30-day-old open ticket, open a ticket if none
is open (default stage "Novo"), renew the 24 h window on inbound messages, insert the message and
update counters. Each message is its own transaction, as in the real handler, and its
`message_created` publication is returned to be sent after that commit. Statuses are ranked
(pending0 < sent1 < delivered2 < read3, failed always applies) and never downgrade.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlparse

from whatrack_ref.config import Settings
from whatrack_ref.db import direction_id, status_id, write_tx
from whatrack_ref.ids import new_id
from whatrack_ref.schemas import is_storable_text
from whatrack_ref.stages import default_stage_id
from whatrack_ref.timeutil import from_epoch, iso, parse_iso, utcnow

log = logging.getLogger("whatrack_ref.webhook")

Publication = tuple[str, dict[str, Any]]

WINDOW = timedelta(hours=24)
TICKET_EXPIRATION_DAYS = 30
STATUS_RANK = {"pending": 0, "sent": 1, "delivered": 2, "read": 3, "failed": -1}
MEDIA_KINDS = ("image", "video", "audio", "voice", "document", "sticker")
MEDIA_PLACEHOLDER = {
    "image": "Imagem",
    "video": "Vídeo",
    "audio": "Áudio",
    "voice": "Áudio",
    "document": "Documento",
    "sticker": "Sticker",
}


@dataclass
class WebhookResult:
    """Counters returned to the caller (and the simulator) for one webhook POST."""

    messages_created: int = 0
    messages_duplicate: int = 0
    statuses_applied: int = 0
    statuses_skipped: int = 0
    ignored: int = 0
    errors: int = 0

    def as_json(self) -> dict[str, int]:
        return {
            "messagesCreated": self.messages_created,
            "messagesDuplicate": self.messages_duplicate,
            "statusesApplied": self.statuses_applied,
            "statusesSkipped": self.statuses_skipped,
            "ignored": self.ignored,
            "errors": self.errors,
        }


def process_payload(conn: sqlite3.Connection, settings: Settings, payload: Any, publish: Any) -> WebhookResult:
    """Handle every entry/change; `publish(channel, data)` is called after each commit."""
    result = WebhookResult()
    entries = payload.get("entry") if isinstance(payload, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        changes = entry.get("changes") if isinstance(entry, dict) else None
        for change in changes if isinstance(changes, list) else []:
            value = change.get("value") if isinstance(change, dict) else None
            if isinstance(value, dict):
                _process_value(conn, settings, value, result, publish)
    return result


def _process_value(
    conn: sqlite3.Connection, settings: Settings, value: dict[str, Any], result: WebhookResult, publish: Any
) -> None:
    # Meta's payload is input like any other: a field of the wrong type is skipped or counted,
    # never an exception outside `_guard` (which would be a 500 and make Meta retry forever).
    metadata = value.get("metadata")
    phone_id = _scalar(metadata.get("phone_number_id")) if isinstance(metadata, dict) else None
    instance = (
        conn.execute("SELECT id, organization_id FROM whatsapp_configs WHERE phone_id = ?", (phone_id,)).fetchone()
        if phone_id
        else None
    )
    lists = {key: _items(value.get(key), result) for key in ("messages", "message_echoes", "statuses")}
    if instance is None:
        # The real handler ignores unknown numbers and still answers 200 so Meta does not retry.
        log.warning("ignoring webhook for unregistered phone_number_id")
        result.ignored += sum(len(items) for items in lists.values())
        return
    for is_echo, key in ((False, "messages"), (True, "message_echoes")):
        for message in lists[key]:
            _guard(
                result,
                lambda m=message, e=is_echo: _handle_message(conn, settings, instance, value, m, e, result, publish),
            )
    for status in lists["statuses"]:
        _guard(result, lambda s=status: _handle_status(conn, settings, s, result, publish))
    with write_tx(conn):
        conn.execute("UPDATE whatsapp_configs SET last_webhook_at = ? WHERE id = ?", (iso(utcnow()), instance["id"]))


def _scalar(raw: Any) -> str | None:
    """A string or integer field as text; None for anything else (objects, lists, booleans, text
    with lone surrogates, which SQLite cannot store)."""
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        return None
    text = str(raw)
    return text if is_storable_text(text) else None


def _items(raw: Any, result: WebhookResult) -> list[dict[str, Any]]:
    """The objects of a list field; a non-list field or a non-object item is counted as ignored."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        result.ignored += 1
        return []
    objects = [item for item in raw if isinstance(item, dict)]
    result.ignored += len(raw) - len(objects)
    return objects


def _guard(result: WebhookResult, fn: Any) -> None:
    """One bad item must not stop the others (the real handler logs and continues)."""
    try:
        fn()
    except Exception:  # noqa: BLE001 - logged and counted, like the real handler
        log.exception("webhook item failed")
        result.errors += 1


def _timestamp(raw: Any) -> datetime:
    try:
        return from_epoch(int(str(raw)))
    except (TypeError, ValueError, OverflowError, OSError):  # not a number, or out of datetime's range
        return utcnow()


def _content(message: dict[str, Any]) -> tuple[str, str | None, dict[str, Any] | None]:
    """(type, body, media) of a Meta message; media = {kind, id, mime_type, filename}."""
    mtype = message.get("type") or "text"
    body: str | None = None
    media = None
    if isinstance(message.get("text"), dict):
        body = message["text"].get("body")
    for kind in MEDIA_KINDS:
        obj = message.get(kind)
        if isinstance(obj, dict):
            body = obj.get("caption") or body
            if obj.get("id"):
                media = {
                    "kind": kind,
                    "id": str(obj["id"]),
                    "mime_type": obj.get("mime_type"),
                    "filename": obj.get("filename"),
                }
            if not body:
                body = obj.get("filename") if kind == "document" and obj.get("filename") else MEDIA_PLACEHOLDER[kind]
            break
    if mtype == "button":
        body = (message.get("button") or {}).get("text") or "Botão clicado"
    elif mtype == "interactive":
        interactive = message.get("interactive") or {}
        if interactive.get("type") == "button_reply":
            body = (interactive.get("button_reply") or {}).get("title") or "Resposta de botão"
        elif interactive.get("type") == "list_reply":
            body = (interactive.get("list_reply") or {}).get("title") or "Opção de lista selecionada"
        else:
            body = "Mensagem interativa"
    return mtype, body or None, media


def _tracking(message: dict[str, Any]) -> dict[str, Any] | None:
    """Click-to-WhatsApp / UTM attribution from `referral`, as extractTrackingFromMessage does."""
    referral = message.get("referral")
    if not isinstance(referral, dict):
        return None
    out: dict[str, Any] = {}
    if referral.get("ctwa_clid"):
        out["ctwaclid"] = referral["ctwa_clid"]
    url = referral.get("source_url")
    if url:
        out["referrer_url"] = out["landing_page"] = url
        query = parse_qs(urlparse(url).query)
        for name in ("source", "medium", "campaign"):
            if query.get(f"utm_{name}"):
                out[f"utm_{name}"] = query[f"utm_{name}"][0]
        clids = query.get("ctwaclid") or query.get("ctwa_clid")
        if clids:
            out["ctwaclid"] = clids[0]
    if not out:
        return None
    paid = referral.get("source_type") == "ad" or out.get("ctwaclid") or referral.get("source_id")
    out["source_type"] = "paid" if paid else "organic"
    return out


def _handle_message(
    conn: sqlite3.Connection,
    settings: Settings,
    instance: sqlite3.Row,
    value: dict[str, Any],
    message: dict[str, Any],
    is_echo: bool,
    result: WebhookResult,
    publish: Any,
) -> None:
    contact = _scalar(message.get("to") if is_echo else message.get("from"))
    wamid = _scalar(message.get("id"))
    if not contact or not wamid:
        result.ignored += 1
        return
    ts_dt = _timestamp(message.get("timestamp"))
    ts = iso(ts_dt)
    now = iso(utcnow())
    org_id = instance["organization_id"]
    contacts = value.get("contacts")
    contact_info = (
        next(
            (c for c in contacts if isinstance(c, dict) and _scalar(c.get("wa_id")) == contact),
            None,
        )
        if isinstance(contacts, list)
        else None
    )
    profile = contact_info.get("profile") if contact_info is not None else None
    push_name = profile.get("name") if isinstance(profile, dict) and isinstance(profile.get("name"), str) else None
    mtype, body, media = _content(message)
    direction = "OUTBOUND" if is_echo else "INBOUND"

    with write_tx(conn):
        if conn.execute("SELECT 1 FROM whatsapp_messages WHERE wamid = ?", (wamid,)).fetchone():
            result.messages_duplicate += 1  # Meta retries deliveries: dedupe by wamid
            return
        # By wa_id (the unique index), else by phone (idx_leads_org_phone): one indexed lookup
        # each. `organization_id = ? AND (wa_id = ? OR phone = ?)` read every lead of the
        # organization (O(chats) per delivery), and SQLite's plan for a single OR query depends
        # on how its values are bound.
        lead = None
        for column in ("wa_id", "phone"):
            lead = conn.execute(
                f"SELECT id, first_message_at FROM crm_leads WHERE organization_id = ? AND {column} = ?",
                (org_id, contact),
            ).fetchone()
            if lead is not None:
                break
        if lead is None:
            lead_id = new_id()
            conn.execute(
                """INSERT INTO crm_leads(id, organization_id, phone, wa_id, push_name, last_message_at,
                                         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (lead_id, org_id, contact, contact, push_name, ts, now, now),
            )
            first_message_at = None
        else:
            lead_id, first_message_at = lead["id"], lead["first_message_at"]
            conn.execute(
                """UPDATE crm_leads SET last_message_at = max(coalesce(last_message_at, ''), ?),
                          push_name = coalesce(?, push_name), updated_at = ? WHERE id = ?""",
                (ts, push_name, now, lead_id),
            )

        conv = conn.execute(
            "SELECT * FROM crm_conversations WHERE lead_id = ? AND instance_id = ?", (lead_id, instance["id"])
        ).fetchone()
        if conv is None:
            conv_id = new_id()
            conn.execute(
                """INSERT INTO crm_conversations(id, organization_id, lead_id, instance_id, meta_conversation_id,
                                                 created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (conv_id, org_id, lead_id, instance["id"], value.get("conversation_id"), now, now),
            )
            conv = conn.execute("SELECT * FROM crm_conversations WHERE id = ?", (conv_id,)).fetchone()

        ticket = conn.execute(
            """SELECT id, created_at, first_response_time_sec FROM crm_tickets
                WHERE conversation_id = ? AND status_id = ? ORDER BY created_at DESC LIMIT 1""",
            (conv["id"], status_id("open")),
        ).fetchone()
        if ticket is not None and not is_echo:
            age = ts_dt - parse_iso(ticket["created_at"])
            if age > timedelta(days=TICKET_EXPIRATION_DAYS):
                conn.execute(
                    """UPDATE crm_tickets SET status_id = ?, closed_reason = 'expired_attribution', closed_at = ?,
                              updated_at = ? WHERE id = ?""",
                    (status_id("closed"), ts, now, ticket["id"]),
                )
                ticket = None
        window_expires = iso(ts_dt + WINDOW)
        if ticket is None:
            ticket_id = new_id()
            conn.execute(
                """INSERT INTO crm_tickets(id, organization_id, lead_id, conversation_id, stage_id, status_id,
                                           window_open, window_expires_at, stage_entered_at, source, created_by,
                                           created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 'incoming_message', 'SYSTEM', ?, ?)""",
                (
                    ticket_id,
                    org_id,
                    lead_id,
                    conv["id"],
                    default_stage_id(conn, org_id),
                    status_id("open"),
                    window_expires,
                    now,
                    ts,
                    now,
                ),
            )
            first_response = None
            ticket_created = ts
        else:
            ticket_id, first_response, ticket_created = (
                ticket["id"],
                ticket["first_response_time_sec"],
                ticket["created_at"],
            )
            if not is_echo:
                conn.execute(
                    "UPDATE crm_tickets SET window_expires_at = ?, window_open = 1, updated_at = ? WHERE id = ?",
                    (window_expires, now, ticket_id),
                )

        message_id = new_id()
        conn.execute(
            """INSERT INTO whatsapp_messages(id, wamid, lead_id, instance_id, app_conversation_id, ticket_id,
                                             direction_id, type, body, media_url, status, timestamp,
                                             meta_conversation_id, raw_meta, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                message_id,
                wamid,
                lead_id,
                instance["id"],
                conv["id"],
                ticket_id,
                direction_id(direction),
                mtype,
                body,
                f"meta_id:{media['id']}" if media else None,
                "sent" if is_echo else "delivered",
                ts,
                value.get("conversation_id"),
                json.dumps(message, ensure_ascii=False),
                now,
                now,
            ),
        )
        if media:
            conn.execute(
                """INSERT OR IGNORE INTO whatsapp_media(id, organization_id, kind, mime_type, filename, created_at)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                (media["id"], org_id, media["kind"], media["mime_type"], media["filename"], now),
            )
        _update_counters(
            conn, conv, ticket_id, ticket_created, first_response, lead_id, first_message_at, ts_dt, is_echo
        )
        tracking = None if is_echo else _tracking(message)
        if tracking:
            _upsert_tracking(conn, ticket_id, tracking)
    result.messages_created += 1
    publish(
        settings.messages_channel_for(org_id),
        {
            "type": "message_created",
            "conversationId": conv["id"],
            "messageId": message_id,
            "leadId": lead_id,
            "body": body or "",
            "timestamp": ts,
            "direction": direction,
        },
    )


def _update_counters(
    conn: sqlite3.Connection,
    conv: sqlite3.Row,
    ticket_id: str,
    ticket_created: str,
    first_response: int | None,
    lead_id: str,
    first_message_at: str | None,
    ts_dt: datetime,
    is_echo: bool,
) -> None:
    ts = iso(ts_dt)
    if not is_echo:
        conn.execute(
            """UPDATE crm_tickets SET messages_count = messages_count + 1,
                      inbound_messages_count = inbound_messages_count + 1, last_inbound_at = ? WHERE id = ?""",
            (ts, ticket_id),
        )
        conn.execute(
            """UPDATE crm_conversations SET messages_count = messages_count + 1,
                      inbound_messages_count = inbound_messages_count + 1, last_inbound_at = ?,
                      unread_count = unread_count + 1, updated_at = ? WHERE id = ?""",
            (ts, ts, conv["id"]),
        )
        if not first_message_at:
            conn.execute("UPDATE crm_leads SET first_message_at = ? WHERE id = ?", (ts, lead_id))
        return
    response_sec = None
    if first_response is None:
        response_sec = max(0, int((ts_dt - parse_iso(ticket_created)).total_seconds()))
    conn.execute(
        """UPDATE crm_tickets SET messages_count = messages_count + 1,
                  outbound_messages_count = outbound_messages_count + 1, last_outbound_at = ?,
                  first_response_time_sec = coalesce(first_response_time_sec, ?) WHERE id = ?""",
        (ts, response_sec, ticket_id),
    )
    conv_first = None
    if conv["first_response_time_sec"] is None:
        conv_first = max(0, int((ts_dt - parse_iso(conv["created_at"])).total_seconds()))
    conn.execute(
        """UPDATE crm_conversations SET messages_count = messages_count + 1,
                  outbound_messages_count = outbound_messages_count + 1, last_outbound_at = ?, unread_count = 0,
                  first_response_time_sec = coalesce(first_response_time_sec, ?), updated_at = ? WHERE id = ?""",
        (ts, conv_first, ts, conv["id"]),
    )


def _upsert_tracking(conn: sqlite3.Connection, ticket_id: str, tracking: dict[str, Any]) -> None:
    """Last-touch attribution: a new referral overwrites the fields it carries."""
    columns = ["utm_source", "utm_medium", "utm_campaign", "source_type", "ctwaclid", "referrer_url", "landing_page"]
    present = [c for c in columns if c in tracking]
    conn.execute(
        f"""INSERT INTO crm_ticket_tracking(ticket_id, {", ".join(present)}) VALUES (?, {", ".join("?" * len(present))})
            ON CONFLICT(ticket_id) DO UPDATE SET {", ".join(f"{c} = excluded.{c}" for c in present)}""",
        [ticket_id, *(tracking[c] for c in present)],
    )


def _handle_status(
    conn: sqlite3.Connection, settings: Settings, status: dict[str, Any], result: WebhookResult, publish: Any
) -> None:
    wamid, new_status = _scalar(status.get("id")), _scalar(status.get("status"))
    if not wamid or not new_status:
        result.ignored += 1
        return
    with write_tx(conn):
        row = conn.execute(
            """SELECT m.id, m.status, m.app_conversation_id, l.organization_id
                 FROM whatsapp_messages m JOIN crm_leads l ON l.id = m.lead_id WHERE m.wamid = ?""",
            (str(wamid),),
        ).fetchone()
        if row is None:
            result.ignored += 1  # status for a message we never stored (e.g. sent elsewhere)
            return
        current_rank = STATUS_RANK.get(row["status"], 0)
        new_rank = STATUS_RANK.get(new_status, 0)
        if new_status != "failed" and new_rank <= current_rank:
            result.statuses_skipped += 1
            return
        conn.execute(
            "UPDATE whatsapp_messages SET status = ?, updated_at = ? WHERE id = ?",
            (new_status, iso(utcnow()), row["id"]),
        )
    result.statuses_applied += 1
    timestamp = status.get("timestamp")
    publish(
        settings.messages_channel_for(row["organization_id"]),
        {
            "type": "message_status_updated",
            "messageId": row["id"],
            "wamid": str(wamid),
            "conversationId": row["app_conversation_id"],
            "status": new_status,
            "timestamp": str(timestamp) if timestamp is not None else str(int(utcnow().timestamp())),
        },
    )
