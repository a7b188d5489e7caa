"""Idempotent demo data: two organizations, agents, 240 + 80 chats with tickets in every stage.

`seed_database()` writes everything in one transaction and records `seeded_at` in `meta`; a
second call is a no-op, so `serve --seed` can run on every start. Randomness comes from
`random.Random` seeded with fixed strings: ids, names and texts are identical on every seed;
times are relative to the moment of seeding so 24 h windows are realistic.
"""

from __future__ import annotations

import json
import logging
import random
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from whatrack_ref.db import connect, direction_id, get_meta, init_db, set_meta, status_id, write_tx
from whatrack_ref.ids import new_media_id, new_wamid, seeded_id, stable_id
from whatrack_ref.passwords import hash_password
from whatrack_ref.seed_data import AGENTS, DEFAULT_SEED, ORGS, Contact, OrgDef, contacts_for, org_by_key
from whatrack_ref.stages import ensure_default_stages, stage_id_for
from whatrack_ref.timeutil import iso, utcnow

log = logging.getLogger("whatrack_ref.seed")

WON_REASONS = ("Fechou o tratamento", "Compra realizada", "Pagamento via pix confirmado")
LOST_REASONS = ("Achou caro", "Sem resposta do cliente", "Fechou com concorrente", "Desistiu")
CAMPAIGNS = ("clareamento-maio", "implante-2026", "colecao-inverno", "black-friday", "avaliacao-gratis")


@dataclass
class _Msg:
    at: datetime
    inbound: bool
    conv: int = 0
    ticket: int | None = None


@dataclass
class _Rows:
    """Rows collected for executemany, one list per table."""

    leads: list[tuple[Any, ...]] = field(default_factory=list)
    convs: list[tuple[Any, ...]] = field(default_factory=list)
    tickets: list[tuple[Any, ...]] = field(default_factory=list)
    tracking: list[tuple[Any, ...]] = field(default_factory=list)
    messages: list[tuple[Any, ...]] = field(default_factory=list)
    media: list[tuple[Any, ...]] = field(default_factory=list)


def seed_database(path: str, seed: int = DEFAULT_SEED, now: datetime | None = None) -> bool:
    """Seed `path` unless already seeded. Returns True when data was written."""
    init_db(path)
    now = now or utcnow()
    conn = connect(path)
    try:
        with write_tx(conn):
            if get_meta(conn, "seeded_at"):
                log.info("database already seeded; nothing to do")
                return False
            _seed_users_and_orgs(conn, now)
            for org in ORGS:
                if conn.execute("SELECT 1 FROM crm_leads WHERE organization_id = ? LIMIT 1", (org.id,)).fetchone():
                    continue  # an org that already has traffic keeps it
                rows = _Rows()
                _generate_org(org, random.Random(f"{seed}:{org.key}:chats"), contacts_for(org, seed), now, rows)
                _insert(conn, rows)
                log.info("seeded %s: %d chats, %d messages", org.slug, len(rows.leads), len(rows.messages))
            set_meta(conn, "seeded_at", iso(now))
            set_meta(conn, "seed", str(seed))
    finally:
        conn.close()
    return True


def is_empty(path: str) -> bool:
    """True when no organization exists (what `serve --seed` checks)."""
    init_db(path)
    conn = connect(path)
    try:
        return conn.execute("SELECT 1 FROM organization LIMIT 1").fetchone() is None
    finally:
        conn.close()


def _seed_users_and_orgs(conn: sqlite3.Connection, now: datetime) -> None:
    created = iso(now - timedelta(days=120))
    for index, org in enumerate(ORGS):  # the demo org is the oldest, so it is listed first
        conn.execute(
            "INSERT OR IGNORE INTO organization(id, name, slug, logo, created_at) VALUES (?, ?, ?, NULL, ?)",
            (org.id, org.name, org.slug, iso(now - timedelta(days=130 - index))),
        )
        ensure_default_stages(conn, org.id)
        for index, inst in enumerate(org.instances):
            conn.execute(
                """INSERT OR IGNORE INTO whatsapp_configs(id, organization_id, phone_id, display_phone, verified_name,
                                                          status, created_at) VALUES (?, ?, ?, ?, ?, 'connected', ?)""",
                (org.instance_id(index), org.id, inst.phone_id, inst.display_phone, inst.verified_name, created),
            )
    for agent in AGENTS:
        conn.execute(
            """INSERT OR IGNORE INTO "user"(id, name, email, email_verified, image, created_at, updated_at)
               VALUES (?, ?, ?, 1, NULL, ?, ?)""",
            (agent.id, agent.name, agent.email, created, created),
        )
        conn.execute(
            """INSERT OR IGNORE INTO account(id, user_id, provider_id, password, created_at)
               VALUES (?, ?, 'credential', ?, ?)""",
            (stable_id(f"account:{agent.key}"), agent.id, hash_password(agent.password), created),
        )
        for org_key, role in agent.memberships:
            conn.execute(
                "INSERT OR IGNORE INTO member(id, organization_id, user_id, role, created_at) VALUES (?, ?, ?, ?, ?)",
                (stable_id(f"member:{org_key}:{agent.key}"), org_by_key(org_key).id, agent.id, role, created),
            )


def _timeline(rng: random.Random, last_at: datetime, count: int) -> list[_Msg]:
    """Message times going back from `last_at`, with chat-like gaps, and turn-taking directions."""
    times = [last_at]
    for _ in range(count - 1):
        roll = rng.random()
        if roll < 0.6:
            gap = rng.uniform(20, 300)
        elif roll < 0.9:
            gap = rng.uniform(300, 3 * 3600)
        else:
            gap = rng.uniform(3 * 3600, 2 * 86400)
        times.insert(0, times[0] - timedelta(seconds=gap))
    msgs, inbound = [], True
    for at in times:
        msgs.append(_Msg(at=at, inbound=inbound))
        if rng.random() < 0.6:
            inbound = not inbound
    return msgs


def _generate_org(org: OrgDef, rng: random.Random, contacts: list[Contact], now: datetime, rows: _Rows) -> None:
    agents = [a.id for a in AGENTS if any(k == org.key for k, _ in a.memberships)]
    for index, contact in enumerate(contacts):
        if index < 12:  # a few chats active in the last minutes, so the list looks alive
            age = rng.uniform(60, 40 * 60)
        else:
            age = min(rng.expovariate(1 / (2.5 * 86400)), 45 * 86400)
        msgs = _timeline(rng, now - timedelta(seconds=age), rng.randint(3, 30))
        _generate_chat(org, rng, contact, msgs, agents, now, rows)


def _generate_chat(
    org: OrgDef, rng: random.Random, contact: Contact, msgs: list[_Msg], agents: list[str], now: datetime, rows: _Rows
) -> None:
    lead_id = seeded_id(rng)
    two_instances = len(org.instances) > 1 and rng.random() < 0.1
    first_instance = 1 if len(org.instances) > 1 and rng.random() < 0.2 else 0
    roll = rng.random()
    # ticket segments: (start index, end index exclusive, status, stage name)
    if two_instances or 0.62 <= roll < 0.72:
        split = max(1, len(msgs) // 2)
        msgs[split].inbound = True
        old_status = rng.choice(("closed_won", "closed_lost"))
        segments = [
            (0, split, old_status, "Fechado/Ganho" if old_status == "closed_won" else "Fechado/Perdido"),
            (split, len(msgs), "open", rng.choices(("Novo", "Em Atendimento", "Negociação"), (3, 4, 3))[0]),
        ]
    elif roll < 0.62:
        segments = [(0, len(msgs), "open", rng.choices(("Novo", "Em Atendimento", "Negociação"), (3, 4, 3))[0])]
    elif roll < 0.82:
        segments = [(0, len(msgs), "closed_won", "Fechado/Ganho")]
    elif roll < 0.90:
        segments = [(0, len(msgs), "closed_lost", "Fechado/Perdido")]
    else:
        segments = [(0, len(msgs), "closed", "Novo")]  # expired attribution: no open ticket

    conv_ids = [seeded_id(rng)]
    instances = [first_instance]
    if two_instances:
        conv_ids.append(seeded_id(rng))
        instances.append(1 - first_instance)
    for seg_index, (start, end, _, _) in enumerate(segments):
        for m in msgs[start:end]:
            m.ticket = seg_index
            m.conv = 1 if two_instances and seg_index == 1 else 0

    ticket_ids = [seeded_id(rng) for _ in segments]
    first_name = (contact.name or contact.push_name or "").split(" ")[0] or "tudo bem"
    total_closed, lifetime = 0, 0
    for seg_index, (start, end, status, stage) in enumerate(segments):
        seg_msgs = msgs[start:end]
        deal = _deal_value(rng, stage)
        closed_at = None
        if status != "open":
            total_closed += 1
            closed_at = min(now, seg_msgs[-1].at + timedelta(minutes=rng.randint(5, 240)))
            if status == "closed_won" and deal:
                lifetime += deal
        _ticket_row(
            org,
            rng,
            rows,
            ticket_ids[seg_index],
            lead_id,
            conv_ids[msgs[start].conv],
            seg_msgs,
            status,
            stage,
            deal,
            closed_at,
            agents,
            now,
        )

    for m in msgs:
        _message_row(
            org,
            rng,
            rows,
            m,
            lead_id,
            conv_ids[m.conv],
            org.instance_id(instances[m.conv]),
            ticket_ids[m.ticket or 0],
            contact,
            first_name,
            now,
            m is msgs[-1],
        )

    for conv_index, conv_id in enumerate(conv_ids):
        conv_msgs = [m for m in msgs if m.conv == conv_index]
        inbound = [m for m in conv_msgs if m.inbound]
        outbound = [m for m in conv_msgs if not m.inbound]
        last_out = outbound[-1].at if outbound else None
        unread = sum(1 for m in inbound if last_out is None or m.at > last_out)
        rows.convs.append(
            (
                conv_id,
                org.id,
                lead_id,
                org.instance_id(instances[conv_index]),
                None,
                len(conv_msgs),
                len(inbound),
                len(outbound),
                unread,
                iso(inbound[-1].at) if inbound else None,
                iso(last_out),
                None,
                iso(conv_msgs[0].at),
                iso(conv_msgs[-1].at),
            )
        )
    rows.leads.append(
        (
            lead_id,
            org.id,
            contact.name,
            contact.push_name,
            contact.wa_id,
            contact.wa_id,
            None,
            iso(msgs[-1].at),
            iso(msgs[0].at),
            total_closed,
            lifetime,
            iso(msgs[0].at),
            iso(msgs[-1].at),
        )
    )


def _deal_value(rng: random.Random, stage: str) -> int | None:
    """Deal value in cents, or None, depending on how far the ticket got."""
    chance = {"Negociação": 0.6, "Fechado/Ganho": 1.0, "Fechado/Perdido": 0.5, "Em Atendimento": 0.15}.get(stage, 0.0)
    if rng.random() >= chance:
        return None
    cents = rng.randrange(150, 6000) * 100
    return cents + (rng.choice((0, 0, 50, 90)) if rng.random() < 0.3 else 0)


def _ticket_row(
    org: OrgDef,
    rng: random.Random,
    rows: _Rows,
    ticket_id: str,
    lead_id: str,
    conv_id: str,
    seg: list[_Msg],
    status: str,
    stage: str,
    deal: int | None,
    closed_at: datetime | None,
    agents: list[str],
    now: datetime,
) -> None:
    created = seg[0].at
    inbound = [m for m in seg if m.inbound]
    outbound = [m for m in seg if not m.inbound]
    first_response = int((outbound[0].at - created).total_seconds()) if outbound else None
    assignee = rng.choice(agents) if stage != "Novo" or rng.random() < 0.3 else None
    closed_reason = None
    if status == "closed_won":
        closed_reason = rng.choice(WON_REASONS)
    elif status == "closed_lost":
        closed_reason = rng.choice(LOST_REASONS)
    elif status == "closed":
        closed_reason = "expired_attribution"
    rows.tickets.append(
        (
            ticket_id,
            org.id,
            lead_id,
            conv_id,
            stage_id_for(org.id, stage),
            status_id(status),
            assignee,
            deal,
            0 if status == "closed" else 1,
            iso(inbound[-1].at + timedelta(hours=24)) if inbound else None,
            iso(created + timedelta(minutes=rng.randint(1, 120))),
            len(seg),
            len(inbound),
            len(outbound),
            first_response,
            int((closed_at - created).total_seconds()) if closed_at else None,
            iso(inbound[-1].at) if inbound else None,
            iso(outbound[-1].at) if outbound else None,
            iso(closed_at),
            closed_reason,
            iso(created),
            iso(closed_at or seg[-1].at),
        )
    )
    if rng.random() < 0.45:
        paid = rng.random() < 0.5
        source = rng.choice(("facebook", "instagram", "google"))
        rows.tracking.append(
            (
                ticket_id,
                source,
                "cpc" if paid else "social",
                rng.choice(CAMPAIGNS),
                "paid" if paid else "organic",
                ("ARA" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(20)))
                if paid
                else None,
                None,
                None,
            )
        )


def _message_row(
    org: OrgDef,
    rng: random.Random,
    rows: _Rows,
    m: _Msg,
    lead_id: str,
    conv_id: str,
    instance_id: str,
    ticket_id: str,
    contact: Contact,
    first_name: str,
    now: datetime,
    is_last: bool,
) -> None:
    msg_id, wamid = seeded_id(rng), new_wamid(rng)
    mtype, body, media_url, media_id = "text", None, None, ""
    if rng.random() < 0.1:
        mtype = rng.choice(("image", "image", "audio")) if m.inbound else rng.choice(("document", "image"))
        media_id = new_media_id(rng)
        media_url = f"meta_id:{media_id}"
        filename = rng.choice(org.documents) if mtype == "document" else None
        if mtype == "image":
            body = rng.choice(org.captions) or "Imagem"
        elif mtype == "audio":
            body = "Áudio"
        else:
            body = filename
        mime = {"image": "image/jpeg", "audio": "audio/ogg; codecs=opus", "document": "application/pdf"}[mtype]
        rows.media.append((media_id, org.id, mtype, mime, filename, iso(m.at)))
    else:
        body = rng.choice(org.inbound if m.inbound else org.outbound).replace("{first}", first_name)
    if m.inbound:
        status = "delivered"
    elif is_last and (now - m.at) < timedelta(minutes=30):
        status = rng.choice(("sent", "delivered"))
    else:
        status = rng.choices(("read", "delivered", "failed"), (70, 25, 5))[0]
    raw = None
    if m.inbound:
        raw_obj: dict[str, Any] = {
            "from": contact.wa_id,
            "id": wamid,
            "timestamp": str(int(m.at.timestamp())),
            "type": mtype,
        }
        if mtype == "text":
            raw_obj["text"] = {"body": body}
        else:
            raw_obj[mtype] = {
                "id": media_id,
                "mime_type": "image/jpeg" if mtype == "image" else "audio/ogg; codecs=opus",
            }
        raw = json.dumps(raw_obj, ensure_ascii=False)
    created = iso(m.at + timedelta(seconds=1))
    rows.messages.append(
        (
            msg_id,
            wamid,
            lead_id,
            instance_id,
            conv_id,
            ticket_id,
            direction_id("INBOUND" if m.inbound else "OUTBOUND"),
            mtype,
            body,
            media_url,
            status,
            iso(m.at),
            None,
            raw,
            created,
            created,
        )
    )


def _insert(conn: sqlite3.Connection, rows: _Rows) -> None:
    conn.executemany(
        """INSERT INTO crm_leads(id, organization_id, name, push_name, phone, wa_id, profile_pic_url, last_message_at,
                                 first_message_at, total_tickets, lifetime_value_cents, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows.leads,
    )
    conn.executemany(
        """INSERT INTO crm_conversations(id, organization_id, lead_id, instance_id, meta_conversation_id,
               messages_count, inbound_messages_count, outbound_messages_count, unread_count, last_inbound_at,
               last_outbound_at, first_response_time_sec, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows.convs,
    )
    conn.executemany(
        """INSERT INTO crm_tickets(id, organization_id, lead_id, conversation_id, stage_id, status_id, assignee_id,
               deal_value_cents, window_open, window_expires_at, stage_entered_at, messages_count,
               inbound_messages_count, outbound_messages_count, first_response_time_sec, resolution_time_sec,
               last_inbound_at, last_outbound_at, closed_at, closed_reason, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows.tickets,
    )
    conn.executemany(
        """INSERT INTO crm_ticket_tracking(ticket_id, utm_source, utm_medium, utm_campaign, source_type, ctwaclid,
               referrer_url, landing_page) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        rows.tracking,
    )
    conn.executemany(
        """INSERT INTO whatsapp_messages(id, wamid, lead_id, instance_id, app_conversation_id, ticket_id, direction_id,
               type, body, media_url, status, timestamp, meta_conversation_id, raw_meta, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows.messages,
    )
    conn.executemany(
        """INSERT OR IGNORE INTO whatsapp_media(id, organization_id, kind, mime_type, filename, created_at)
           VALUES (?, ?, ?, ?, ?, ?)""",
        rows.media,
    )
