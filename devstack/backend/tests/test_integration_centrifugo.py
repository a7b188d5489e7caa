"""End to end against a real Centrifugo v6: token → connect → subscribe → webhook → publication."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.centrifugo_ws import CentrifugoWs
from tests.helpers import BOUTIQUE, CLINIC, DEMO, meta_payload, text_message
from tests.procs import Stack, running_stack
from whatrack_ref import metasig

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def whatrack_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("whatrack"), "whatrack") as stack:
        yield stack


@pytest.fixture(scope="module")
def secure_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("secure"), "secure") as stack:
        yield stack


def _agent(stack: Stack) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=stack.backend_url, timeout=10.0)


async def _sign_in(http: httpx.AsyncClient) -> None:
    response = await http.post("/api/v1/auth/sign-in/email", json={"email": DEMO.email, "password": DEMO.password})
    assert response.status_code == 200
    assert "better-auth.session_token" in http.cookies


async def _post_inbound(http: httpx.AsyncClient, secret: str, phone_id: str, wa_id: str, wamid: str) -> None:
    body = json.dumps(
        meta_payload(phone_id, messages=[text_message(wa_id, wamid, "Olá, teste de integração")])
    ).encode()
    response = await http.post(
        "/api/v1/whatsapp/webhook",
        content=body,
        headers={"Content-Type": "application/json", metasig.HEADER: metasig.sign(secret, body)},
    )
    assert response.status_code == 200 and response.json()["processed"]["messagesCreated"] == 1


async def _conversation_of(http: httpx.AsyncClient, org: str, phone: str) -> str:
    items = (await http.get("/api/v1/whatsapp/chats", headers={"x-organization-id": org})).json()["items"]
    return next(c["id"] for c in items if c["phone"] == phone)


def test_message_created_reaches_a_subscribed_client(whatrack_stack: Stack) -> None:
    async def scenario() -> None:
        async with _agent(whatrack_stack) as http:
            await _sign_in(http)
            token = (await http.get("/api/v1/centrifugo/token", headers={"x-organization-id": CLINIC.id})).json()[
                "token"
            ]
            client = await CentrifugoWs.open(whatrack_stack.ws_url)
            try:
                connected = await client.command("connect", {"token": token, "name": "pytest"})
                assert "error" not in connected, connected
                assert connected["connect"]["client"]
                channel = f"org:{CLINIC.id}:messages"
                subscribed = await client.command("subscribe", {"channel": channel})
                assert "error" not in subscribed, subscribed

                wa_id = "55119" + str(uuid.uuid4().int)[:8]
                await _post_inbound(
                    http,
                    whatrack_stack.webhook_secret,
                    CLINIC.instances[0].phone_id,
                    wa_id,
                    f"wamid.IT{uuid.uuid4().hex}",
                )
                conversation_id = await _conversation_of(http, CLINIC.id, wa_id)
                data = await client.publication(
                    channel, lambda d: d.get("type") == "message_created" and d.get("conversationId") == conversation_id
                )
                assert data["direction"] == "INBOUND" and data["body"] == "Olá, teste de integração"
                stats = (await http.get("/api/v1/dev/publish-stats")).json()
                assert stats["published"] >= 1 and stats["failed"] == 0
            finally:
                await client.close()

    asyncio.run(scenario())


def test_other_orgs_publications_do_not_arrive_on_this_channel(whatrack_stack: Stack) -> None:
    """A boutique message is published on the boutique channel only."""

    async def scenario() -> None:
        async with _agent(whatrack_stack) as http:
            await _sign_in(http)
            token = (await http.get("/api/v1/centrifugo/token", headers={"x-organization-id": CLINIC.id})).json()[
                "token"
            ]
            client = await CentrifugoWs.open(whatrack_stack.ws_url)
            try:
                assert "error" not in await client.command("connect", {"token": token})
                clinic, boutique = f"org:{CLINIC.id}:messages", f"org:{BOUTIQUE.id}:messages"
                assert "error" not in await client.command("subscribe", {"channel": clinic})
                assert "error" not in await client.command("subscribe", {"channel": boutique})
                wa_id = "55219" + str(uuid.uuid4().int)[:8]
                await _post_inbound(
                    http,
                    whatrack_stack.webhook_secret,
                    BOUTIQUE.instances[0].phone_id,
                    wa_id,
                    f"wamid.IT{uuid.uuid4().hex}",
                )
                conversation_id = await _conversation_of(http, BOUTIQUE.id, wa_id)
                await client.publication(boutique, lambda d: d.get("conversationId") == conversation_id)
                # then a clinic message: the first clinic publication seen must be that one
                clinic_wa = "55119" + str(uuid.uuid4().int)[:8]
                await _post_inbound(
                    http,
                    whatrack_stack.webhook_secret,
                    CLINIC.instances[0].phone_id,
                    clinic_wa,
                    f"wamid.IT{uuid.uuid4().hex}",
                )
                clinic_conv = await _conversation_of(http, CLINIC.id, clinic_wa)
                first = await client.publication(clinic, lambda d: True)
                assert first["conversationId"] == clinic_conv
            finally:
                await client.close()

    asyncio.run(scenario())


def test_secure_profile_subscription_tokens(secure_stack: Stack) -> None:
    async def scenario() -> None:
        async with _agent(secure_stack) as http:
            await _sign_in(http)
            headers = {"x-organization-id": CLINIC.id}
            token = (await http.get("/api/v1/centrifugo/token", headers=headers)).json()["token"]
            own, foreign = f"org:{CLINIC.id}:messages", f"org:{BOUTIQUE.id}:messages"
            client = await CentrifugoWs.open(secure_stack.ws_url)
            try:
                assert "error" not in await client.command("connect", {"token": token})
                # without a subscription token the namespace refuses: 103 permission denied
                refused = await client.command("subscribe", {"channel": foreign})
                assert refused["error"]["code"] == 103
                # the backend refuses to sign another organization's channel
                denied = await http.post(
                    "/api/v1/centrifugo/subscription-token", json={"channel": foreign}, headers=headers
                )
                assert denied.status_code == 403
                sub = await http.post("/api/v1/centrifugo/subscription-token", json={"channel": own}, headers=headers)
                assert sub.status_code == 200
                subscribed = await client.command("subscribe", {"channel": own, "token": sub.json()["token"]})
                assert "error" not in subscribed, subscribed
                assert subscribed["subscribe"].get("recoverable") is True  # secure profile forces recovery

                wa_id = "55119" + str(uuid.uuid4().int)[:8]
                await _post_inbound(
                    http,
                    secure_stack.webhook_secret,
                    CLINIC.instances[0].phone_id,
                    wa_id,
                    f"wamid.IT{uuid.uuid4().hex}",
                )
                conversation_id = await _conversation_of(http, CLINIC.id, wa_id)
                data = await client.publication(own, lambda d: d.get("conversationId") == conversation_id)
                assert data["type"] == "message_created"
            finally:
                await client.close()

    asyncio.run(scenario())


def test_expired_connection_token_is_refused(tmp_path: Path, whatrack_stack: Stack) -> None:
    """Centrifugo validates `exp`: a token signed with a past expiry fails with 109."""
    import jwt

    async def scenario() -> None:
        token = jwt.encode(
            {"sub": DEMO.id, "exp": int(time.time()) - 10, "iat": int(time.time()) - 100},
            "it-token-secret-" + "x" * 24,
            algorithm="HS256",
        )
        client = await CentrifugoWs.open(whatrack_stack.ws_url)
        try:
            reply = await client.command("connect", {"token": token})
            assert reply["error"]["code"] == 109
        finally:
            await client.close()

    asyncio.run(scenario())
