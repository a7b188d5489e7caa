"""Shared test helpers: demo identities, an in-process backend harness, webhook builders."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from whatrack_ref import metasig
from whatrack_ref.config import Settings
from whatrack_ref.seed_data import AGENTS, ORGS

TOKEN_SECRET = "test-token-secret-0123456789abcdef"
WEBHOOK_SECRET = "test-webhook-secret"

DEMO = AGENTS[0]  # member of both organizations
OUTSIDER = next(a for a in AGENTS if a.key == "diego")  # boutique only
CLINIC = ORGS[0]
BOUTIQUE = ORGS[1]


@dataclass
class Backend:
    """An app under TestClient whose publications are captured instead of sent."""

    app: FastAPI
    client: TestClient
    settings: Settings
    captured: list[dict[str, Any]] = field(default_factory=list)

    def sign_in(self, agent: Any = DEMO) -> dict[str, Any]:
        response = self.client.post(
            "/api/v1/auth/sign-in/email", json={"email": agent.email, "password": agent.password}
        )
        assert response.status_code == 200, response.text
        return response.json()

    def get(self, path: str, org: str | None = CLINIC.id, **kwargs: Any) -> Any:
        return self.client.get(path, headers=_org_headers(org, kwargs.pop("headers", None)), **kwargs)

    def patch(self, path: str, body: Any, org: str | None = CLINIC.id) -> Any:
        return self.client.patch(path, json=body, headers=_org_headers(org))

    def post(self, path: str, body: Any, org: str | None = CLINIC.id) -> Any:
        return self.client.post(path, json=body, headers=_org_headers(org))

    def publications(self, kind: str | None = None) -> list[dict[str, Any]]:
        """Publications sent so far (waits for the publisher queue to drain first)."""
        assert self.app.state.publisher.wait_idle(5.0)
        return [p for p in self.captured if kind is None or p["data"].get("type") == kind]

    def webhook(self, payload: dict[str, Any], secret: str = WEBHOOK_SECRET) -> Any:
        body = json.dumps(payload).encode()
        return self.client.post(
            "/api/v1/whatsapp/webhook",
            content=body,
            headers={"Content-Type": "application/json", metasig.HEADER: metasig.sign(secret, body)},
        )


def _org_headers(org: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    headers = dict(extra or {})
    if org is not None:
        headers["x-organization-id"] = org
    return headers


def meta_payload(
    phone_id: str,
    *,
    messages: list[dict[str, Any]] | None = None,
    statuses: list[dict[str, Any]] | None = None,
    echoes: list[dict[str, Any]] | None = None,
    contacts: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A Meta Cloud API webhook envelope for one phone number."""
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "5511400289", "phone_number_id": phone_id},
    }
    if messages is not None:
        value["messages"] = messages
        value["contacts"] = contacts or [{"profile": {"name": "Cliente Teste"}, "wa_id": messages[0]["from"]}]
    if statuses is not None:
        value["statuses"] = statuses
    if echoes is not None:
        value["message_echoes"] = echoes
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}],
    }


def text_message(wa_id: str, wamid: str, body: str, ts: int | None = None) -> dict[str, Any]:
    return {
        "from": wa_id,
        "id": wamid,
        "timestamp": str(ts or int(time.time())),
        "type": "text",
        "text": {"body": body},
    }


def status_entry(wamid: str, status: str, ts: int, recipient: str = "5511999990000") -> dict[str, Any]:
    return {"id": wamid, "status": status, "timestamp": str(ts), "recipient_id": recipient}
