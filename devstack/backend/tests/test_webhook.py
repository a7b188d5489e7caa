"""Meta webhook: signature, inbound messages, echoes, statuses and their publications."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.helpers import BOUTIQUE, CLINIC, WEBHOOK_SECRET, Backend, meta_payload, status_entry, text_message
from whatrack_ref import metasig

PHONE_ID = CLINIC.instances[0].phone_id
NEW_CUSTOMER = "5511988887777"


def _chat_by_phone(backend: Backend, phone: str, org: str = CLINIC.id) -> dict | None:
    items = backend.get("/api/v1/whatsapp/chats", org=org).json()["items"]
    return next((c for c in items if c["phone"] == phone), None)


def _echo(to: str, wamid: str, body: str = "Resposta do celular") -> dict:
    return {
        "from": PHONE_ID,
        "to": to,
        "id": wamid,
        "timestamp": str(int(time.time())),
        "type": "text",
        "text": {"body": body},
    }


@pytest.mark.parametrize("header", [None, "sha256=" + "0" * 64, "sha1=abc", "garbage"])
def test_bad_or_missing_signature_is_403(backend: Backend, header: str | None) -> None:
    body = json.dumps(meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.X1", "oi")])).encode()
    headers = {"Content-Type": "application/json"}
    if header:
        headers[metasig.HEADER] = header
    response = backend.client.post("/api/v1/whatsapp/webhook", content=body, headers=headers)
    assert response.status_code == 403
    assert response.json() == {"error": "Invalid signature"}
    backend.sign_in()
    assert _chat_by_phone(backend, NEW_CUSTOMER) is None
    assert backend.publications() == []


def test_signature_with_another_secret_is_403(backend: Backend) -> None:
    response = backend.webhook(
        meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.X2", "oi")]), secret="not-the-secret"
    )
    assert response.status_code == 403


def test_webhooks_are_refused_without_a_configured_secret(make_backend) -> None:
    backend = make_backend(webhook_secret=None)
    response = backend.webhook(meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.X3", "oi")]))
    assert response.status_code == 403


def test_signed_non_json_is_400(backend: Backend) -> None:
    body = b"not json"
    response = backend.client.post(
        "/api/v1/whatsapp/webhook", content=body, headers={metasig.HEADER: metasig.sign(WEBHOOK_SECRET, body)}
    )
    assert response.status_code == 400 and "error" in response.json()


def test_verification_handshake(backend: Backend) -> None:
    ok = backend.client.get(
        "/api/v1/whatsapp/webhook",
        params={"hub.mode": "subscribe", "hub.verify_token": "whatrack_verify_token", "hub.challenge": "1158201444"},
    )
    assert ok.status_code == 200 and ok.text == "1158201444"
    bad = backend.client.get(
        "/api/v1/whatsapp/webhook", params={"hub.mode": "subscribe", "hub.verify_token": "x", "hub.challenge": "1"}
    )
    assert bad.status_code == 403


def test_inbound_message_creates_lead_conversation_ticket_and_publishes(demo: Backend) -> None:
    ts = int(time.time())
    response = demo.webhook(
        meta_payload(
            PHONE_ID,
            messages=[text_message(NEW_CUSTOMER, "wamid.NEW1", "Olá!", ts)],
            contacts=[{"profile": {"name": "Joana Prado"}, "wa_id": NEW_CUSTOMER}],
        )
    )
    assert response.status_code == 200
    assert response.json() == {
        "received": True,
        "processed": {
            "messagesCreated": 1,
            "messagesDuplicate": 0,
            "statusesApplied": 0,
            "statusesSkipped": 0,
            "ignored": 0,
            "errors": 0,
        },
    }

    chats = demo.get("/api/v1/whatsapp/chats").json()["items"]
    assert chats[0]["phone"] == NEW_CUSTOMER  # newest chat first
    chat = chats[0]
    assert chat["name"] == "Joana Prado"  # pushName, since there is no CRM name
    assert chat["lastMessage"]["body"] == "Olá!" and chat["lastMessage"]["status"] == "delivered"
    assert chat["lastMessage"]["rawMeta"]["id"] == "wamid.NEW1"
    assert chat["currentTicket"]["stage"]["name"] == "Novo"

    ticket = demo.get(f"/api/v1/conversations/{chat['id']}/ticket").json()
    expires = datetime.fromisoformat(ticket["windowExpiresAt"].replace("Z", "+00:00"))
    assert expires == datetime.fromtimestamp(ts, UTC) + timedelta(hours=24)
    assert ticket["windowOpen"] is True and ticket["kpis"]["inboundMessagesCount"] == 1

    events = demo.publications("message_created")
    assert len(events) == 1
    assert events[0]["channel"] == f"org:{CLINIC.id}:messages"
    data = events[0]["data"]
    assert data == {
        "type": "message_created",
        "conversationId": chat["id"],
        "messageId": chat["lastMessage"]["id"],
        "leadId": chat["lastMessage"]["leadId"],
        "body": "Olá!",
        "timestamp": chat["lastMessage"]["timestamp"],
        "direction": "INBOUND",
    }


def test_inbound_on_existing_ticket_renews_window_and_keeps_ticket(demo: Backend) -> None:
    chat = next(
        c
        for c in demo.get("/api/v1/whatsapp/chats").json()["items"]
        if "currentTicket" in c and c["lastMessage"]["instanceId"] == CLINIC.instance_id(0)
    )
    before = demo.get(f"/api/v1/conversations/{chat['id']}/ticket").json()
    ts = int(time.time()) + 5
    demo.webhook(
        meta_payload(PHONE_ID, messages=[text_message(chat["phone"], "wamid.RENEW", "Ainda tem horário?", ts)])
    )
    after = demo.get(f"/api/v1/conversations/{chat['id']}/ticket").json()
    assert after["id"] == before["id"]
    assert after["windowExpiresAt"] > before["windowExpiresAt"]
    assert after["kpis"]["messagesCount"] == before["kpis"]["messagesCount"] + 1
    assert demo.publications("message_created")[0]["data"]["conversationId"] == chat["id"]


def test_duplicate_wamid_is_ignored(demo: Backend) -> None:
    payload = meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.DUP", "oi")])
    assert demo.webhook(payload).json()["processed"]["messagesCreated"] == 1
    assert demo.webhook(payload).json()["processed"]["messagesDuplicate"] == 1
    chat = _chat_by_phone(demo, NEW_CUSTOMER)
    assert demo.get(f"/api/v1/whatsapp/chats/{chat['id']}/messages").json()["total"] == 1
    assert len(demo.publications("message_created")) == 1


def test_unknown_phone_number_id_is_ignored_with_200(demo: Backend) -> None:
    response = demo.webhook(meta_payload("999999999", messages=[text_message(NEW_CUSTOMER, "wamid.U", "oi")]))
    assert response.status_code == 200 and response.json()["processed"]["ignored"] == 1
    assert demo.publications() == []


def test_media_message_is_stored_with_meta_id_and_served(demo: Backend) -> None:
    message = {
        "from": NEW_CUSTOMER,
        "id": "wamid.IMG",
        "timestamp": str(int(time.time())),
        "type": "image",
        "image": {"id": "998877665544", "mime_type": "image/jpeg"},
    }
    demo.webhook(meta_payload(PHONE_ID, messages=[message]))
    last = _chat_by_phone(demo, NEW_CUSTOMER)["lastMessage"]
    assert last["type"] == "image" and last["mediaUrl"] == "meta_id:998877665544" and last["body"] == "Imagem"
    media = demo.get("/api/v1/whatsapp/media/998877665544")
    assert media.status_code == 200 and media.headers["content-type"] == "image/png"
    assert media.content.startswith(b"\x89PNG")


def test_echo_creates_outbound_message(demo: Backend) -> None:
    demo.webhook(meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.IN", "Oi")]))
    demo.webhook(meta_payload(PHONE_ID, echoes=[_echo(NEW_CUSTOMER, "wamid.OUT")]))
    chat = _chat_by_phone(demo, NEW_CUSTOMER)
    assert chat["lastMessage"]["wamid"] == "wamid.OUT" and chat["lastMessage"]["status"] == "sent"
    events = demo.publications("message_created")
    assert [e["data"]["direction"] for e in events] == ["INBOUND", "OUTBOUND"]
    ticket = demo.get(f"/api/v1/conversations/{chat['id']}/ticket").json()
    assert ticket["kpis"]["outboundMessagesCount"] == 1 and ticket["kpis"]["firstResponseTimeSec"] is not None


def _message_status(backend: Backend, phone: str, wamid: str) -> str:
    chat = _chat_by_phone(backend, phone)
    items = backend.get(f"/api/v1/whatsapp/chats/{chat['id']}/messages").json()["items"]
    return next(m["status"] for m in items if m["wamid"] == wamid)


def test_statuses_are_monotonic_and_out_of_order_is_skipped(demo: Backend) -> None:
    demo.webhook(meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.IN2", "Oi")]))
    demo.webhook(meta_payload(PHONE_ID, echoes=[_echo(NEW_CUSTOMER, "wamid.S1")]))
    t = int(time.time())
    # read arrives before delivered, and "sent" repeats: only read is applied
    result = demo.webhook(
        meta_payload(
            PHONE_ID,
            statuses=[
                status_entry("wamid.S1", "read", t + 2),
                status_entry("wamid.S1", "delivered", t + 1),
                status_entry("wamid.S1", "sent", t),
            ],
        )
    ).json()["processed"]
    assert result["statusesApplied"] == 1 and result["statusesSkipped"] == 2
    assert _message_status(demo, NEW_CUSTOMER, "wamid.S1") == "read"
    events = demo.publications("message_status_updated")
    assert len(events) == 1
    chat = _chat_by_phone(demo, NEW_CUSTOMER)
    assert events[0]["channel"] == f"org:{CLINIC.id}:messages"
    assert events[0]["data"] == {
        "type": "message_status_updated",
        "messageId": chat["lastMessage"]["id"],
        "wamid": "wamid.S1",
        "conversationId": chat["id"],
        "status": "read",
        "timestamp": str(t + 2),
    }


def test_statuses_in_order_each_publish(demo: Backend) -> None:
    demo.webhook(meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.IN3", "Oi")]))
    demo.webhook(meta_payload(PHONE_ID, echoes=[_echo(NEW_CUSTOMER, "wamid.S2")]))
    t = int(time.time())
    for offset, status in enumerate(("sent", "delivered", "read")):
        demo.webhook(meta_payload(PHONE_ID, statuses=[status_entry("wamid.S2", status, t + offset)]))
    statuses = [e["data"]["status"] for e in demo.publications("message_status_updated")]
    assert statuses == ["delivered", "read"]  # "sent" equals the echo's stored status: skipped


def test_failed_always_applies(demo: Backend) -> None:
    demo.webhook(meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.IN4", "Oi")]))
    demo.webhook(meta_payload(PHONE_ID, echoes=[_echo(NEW_CUSTOMER, "wamid.S3")]))
    t = int(time.time())
    demo.webhook(meta_payload(PHONE_ID, statuses=[status_entry("wamid.S3", "read", t)]))
    failed = status_entry("wamid.S3", "failed", t + 1)
    failed["errors"] = [{"code": 131026, "title": "Message undeliverable"}]
    assert demo.webhook(meta_payload(PHONE_ID, statuses=[failed])).json()["processed"]["statusesApplied"] == 1
    assert _message_status(demo, NEW_CUSTOMER, "wamid.S3") == "failed"
    assert [e["data"]["status"] for e in demo.publications("message_status_updated")] == ["read", "failed"]


def test_status_for_unknown_message_is_ignored(demo: Backend) -> None:
    result = demo.webhook(meta_payload(PHONE_ID, statuses=[status_entry("wamid.NOPE", "read", 1)])).json()
    assert result["processed"]["ignored"] == 1 and demo.publications() == []


def test_webhook_routes_by_phone_number_id_to_each_org(demo: Backend) -> None:
    boutique_phone = BOUTIQUE.instances[0].phone_id
    demo.webhook(meta_payload(boutique_phone, messages=[text_message(NEW_CUSTOMER, "wamid.B1", "Oi loja")]))
    assert _chat_by_phone(demo, NEW_CUSTOMER, org=BOUTIQUE.id) is not None
    assert _chat_by_phone(demo, NEW_CUSTOMER, org=CLINIC.id) is None
    assert demo.publications("message_created")[0]["channel"] == f"org:{BOUTIQUE.id}:messages"


def test_dot_channel_template(make_backend) -> None:
    backend = make_backend(messages_channel="org.{org}.messages")
    backend.webhook(meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.D1", "oi")]))
    assert backend.publications("message_created")[0]["channel"] == f"org.{CLINIC.id}.messages"


def test_referral_creates_tracking(demo: Backend) -> None:
    message = text_message(NEW_CUSTOMER, "wamid.REF", "Vi o anúncio")
    message["referral"] = {
        "source_type": "ad",
        "source_id": "123",
        "ctwa_clid": "ARAxyz",
        "source_url": "https://fb.me/x?utm_source=facebook&utm_medium=cpc&utm_campaign=maio",
    }
    demo.webhook(meta_payload(PHONE_ID, messages=[message]))
    chat = _chat_by_phone(demo, NEW_CUSTOMER)
    assert chat["currentTicket"]["tracking"] == {"sourceType": "paid", "utmSource": "facebook", "ctwaclid": "ARAxyz"}
    tracking = demo.get(f"/api/v1/conversations/{chat['id']}/ticket").json()["tracking"]
    assert tracking["utmCampaign"] == "maio" and tracking["landingPage"].startswith("https://fb.me/x")


def test_publish_stats_count_outcomes(demo: Backend) -> None:
    demo.webhook(meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.ST", "oi")]))
    demo.publications()
    stats = demo.client.get("/api/v1/dev/publish-stats").json()
    assert stats["published"] == 1 and stats["failed"] == 0 and stats["byType"]["message_created"]["published"] == 1
    assert stats["recent"][-1]["data"]["type"] == "message_created"


@pytest.mark.parametrize(
    "reply,expected",
    [
        (lambda r: httpx.Response(200, json={"error": {"code": 102, "message": "unknown channel"}}), "102"),
        (lambda r: httpx.Response(401), "HTTP 401"),
        (lambda r: (_ for _ in ()).throw(httpx.ConnectError("refused")), "ConnectError"),
    ],
)
def test_publish_failures_are_counted_not_raised(make_backend, reply, expected: str) -> None:
    backend = make_backend(api_reply=reply)
    response = backend.webhook(meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.F", "oi")]))
    assert response.status_code == 200  # the webhook does not fail because publishing did
    backend.publications()
    stats = backend.client.get("/api/v1/dev/publish-stats").json()
    assert stats["failed"] == 1 and stats["published"] == 0
    assert expected in stats["lastError"]


def test_publishing_disabled_without_api_url(make_backend) -> None:
    backend = make_backend(centrifugo_api_url=None)
    backend.webhook(meta_payload(PHONE_ID, messages=[text_message(NEW_CUSTOMER, "wamid.G", "oi")]))
    assert backend.app.state.publisher.wait_idle(5)
    stats = backend.client.get("/api/v1/dev/publish-stats").json()
    assert stats["enabled"] is False and stats["skipped"] == 1 and backend.captured == []
