#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_restcodec (tests/fuzz/corpus/restcodec/<sha1>).

Each input is one byte choosing the decoder (see fuzz_restcodec.cpp) followed by a body: the
fixtures of tests/data/models, the shapes of docs/api.md, wrong types and ranges, and deep and
large bodies. Re-run after changing the contract: python3 tests/fuzz/make_restcodec_seeds.py
"""

import hashlib
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fuzz/corpus/restcodec"
DATA = ROOT / "tests/data/models"

CHATS, MESSAGES, TICKET, STAGES, SESSION, ORGS, TOKEN, ERROR, CACHE, STAGE_TIME = range(10)

T = "2026-05-18T10:00:00.000Z"
MESSAGE = {
    "id": "m1",
    "wamid": "wamid.1",
    "leadId": "L1",
    "instanceId": "i1",
    "appConversationId": "C1",
    "ticketId": "T1",
    "directionId": "dir-in",
    "type": "text",
    "body": "Olá",
    "mediaUrl": None,
    "status": "delivered",
    "timestamp": T,
    "metaConversationId": None,
    "rawMeta": {"from": "5511999990001", "to": "5511000000000"},
    "createdAt": T,
    "updatedAt": T,
}
CHAT = {
    "id": "C1",
    "name": "Ana",
    "phone": "5511999990001",
    "profilePicUrl": None,
    "lastMessageAt": T,
    "lastMessage": MESSAGE,
    "unreadCount": 0,
    "currentTicket": {
        "id": "T1",
        "status": "open",
        "stage": {"id": "s1", "name": "Novo", "color": "#3b82f6"},
        "tracking": {"sourceType": "organic", "utmSource": None, "ctwaclid": None},
    },
}
TICKET_FULL = {
    "id": "T1",
    "status": "open",
    "windowOpen": True,
    "windowExpiresAt": T,
    "dealValue": "1500",
    "stage": {"id": "s2", "name": "Em Atendimento", "color": "#f59e0b", "order": 2, "isClosed": False},
    "assignee": {"id": "u1", "name": "Ana", "email": "ana@x", "image": None},
    "tracking": {
        "utmSource": "google",
        "utmMedium": "cpc",
        "utmCampaign": "x",
        "sourceType": "paid",
        "ctwaclid": None,
        "referrerUrl": None,
        "landingPage": None,
    },
    "closedReason": None,
    "closedAt": None,
    "kpis": {
        "messagesCount": 3,
        "inboundMessagesCount": 2,
        "outboundMessagesCount": 1,
        "firstResponseTimeSec": 120,
        "resolutionTimeSec": None,
        "createdAt": T,
    },
    "leadInsights": {"totalTickets": 1, "lifetimeValue": "0", "firstMessageAt": T},
}
SUMMARY = {
    "id": "T1",
    "lead": {"id": "L1", "name": "Ana", "phone": "55", "pushName": None},
    "stage": {"id": "s1", "name": "Novo", "color": "#000"},
    "assignee": None,
    "tracking": None,
    "project": None,
    "status": "closed_won",
    "windowOpen": False,
    "windowExpiresAt": None,
    "dealValue": 1500.5,
    "messagesCount": 4,
    "createdAt": T,
    "updatedAt": T,
    "closedAt": T,
    "closedReason": "ok",
    "salesCount": 1,
}
USER = {"id": "u1", "name": "Ana", "email": "ana@x", "image": None}
SESSION_BODY = {"session": {"id": "s", "expiresAt": T, "activeOrganizationId": "o1"}, "user": USER}


def deep(key, levels, inner="[]"):
    return f'{{"{key}":' * levels + inner + "}" * levels


def j(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def seeds():
    for name in ("chats_ticket_era.json",):
        yield CHATS, (DATA / name).read_text()
    for name in ("messages_ticket_era.json", "messages_shapes.json"):
        yield MESSAGES, (DATA / name).read_text()
    yield TICKET, (DATA / "ticket.json").read_text()

    yield CHATS, j({"items": [CHAT, {**CHAT, "id": "L2", "lastMessage": None}]})
    yield CHATS, j([CHAT])
    yield CHATS, j({"data": [CHAT]})
    yield CHATS, j({"items": [{"id": "C1", "name": 123}]})
    yield CHATS, j({"items": [{"id": "C1", "lastMessageAt": 1e300}]})
    yield CHATS, '{"items":[{"id":"C1","lastMessage":{"id":"m","timestamp":9223372036854775807}}]}'
    yield CHATS, j({"items": [{"id": "C1", "unreadCount": 1e300}]})
    yield CHATS, j({"items": {"a": CHAT}})
    yield CHATS, j({"items": [{**CHAT, "id": f"C{i}"} for i in range(100)]})  # wide
    yield CHATS, deep("data", 10000)
    yield CHATS, "[" * 20000
    yield (
        MESSAGES,
        j(
            {
                "items": [MESSAGE, {**MESSAGE, "id": "m2", "direction": "OUTBOUND", "timestamp": "1716026460"}],
                "total": 2,
                "page": 1,
                "pageSize": 50,
            }
        ),
    )
    yield MESSAGES, j({"data": {"items": [MESSAGE]}, "total": -1})
    yield MESSAGES, deep("items", 10000)
    yield TICKET, j(TICKET_FULL)
    yield TICKET, j(SUMMARY)
    yield TICKET, "null"
    yield TICKET, j({"ticket": None})
    yield TICKET, j({"id": "T1", "dealValue": 1e308, "kpis": {"firstResponseTimeSec": 1e19}})
    yield TICKET, j({"id": "T1", "status": {"name": "open"}, "windowOpen": "yes"})
    yield TICKET, deep("ticket", 10000, "null")
    yield (
        STAGES,
        j(
            {
                "items": [
                    {
                        "id": "s1",
                        "name": "Novo",
                        "color": "#3b82f6",
                        "order": 1,
                        "isDefault": True,
                        "isClosed": False,
                        "ticketsCount": 3,
                    }
                ]
            }
        ),
    )
    yield STAGES, j({"items": [{"id": "s1", "order": 1.5}]})
    yield SESSION, j({"redirect": False, "token": "tok", "user": USER})
    yield SESSION, j(SESSION_BODY)
    yield SESSION, "null"
    yield ORGS, j([{"id": "o1", "name": "Acme", "slug": "acme", "logo": None, "createdAt": T, "metadata": None}])
    yield ORGS, deep("data", 10000)  # the sign-in crash loop, smaller
    yield ORGS, j([{"id": "o1", "name": 5}])
    yield TOKEN, j({"token": "eyJhbGciOiJIUzI1NiJ9.e30.x"})
    yield TOKEN, j({"token": 12345})
    yield ERROR, j({"error": "Dados inválidos", "details": [{"path": "x", "message": "y"}]})
    yield ERROR, j({"error": {"message": "nested"}})
    yield ERROR, "<html>gateway</html>"
    yield CACHE, j({**CHAT, "leadId": "L1", "conversationId": "C1"})
    yield CACHE, j({**MESSAGE, "direction": "inbound", "optimistic": True})
    yield (
        STAGE_TIME,
        j({"id": "s1", "name": "Novo", "color": "#000", "order": -3, "isClosed": False, "isDefault": False}),
    )
    for t in (
        T,
        "1716026460",
        "1716026460123",
        "-9223372036854775808",
        "2026-05-18T10:00:00",
        "2026-05-18T10:00:00+14:00",
        "9999-12-31T23:59:59Z",
    ):
        yield STAGE_TIME, t


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    count = 0
    for decoder, body in seeds():
        data = bytes([decoder]) + body.encode("utf-8")
        (OUT / hashlib.sha1(data).hexdigest()).write_bytes(data)
        count += 1
    print(f"{count} seeds in {OUT}")


if __name__ == "__main__":
    main()
