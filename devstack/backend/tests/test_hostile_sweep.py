"""The class, not the instance: hostile values in every parameter of every route, never a 500.

Values that overflow SQLite's int64, floats that break a cast, lone surrogates SQLite cannot store,
objects where text is expected, non-ASCII bytes in headers, and Meta payload fields of the wrong
type. A 4xx (or a 200 that ignores the value) is fine; a 500 fails.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers import CLINIC, WEBHOOK_SECRET, Backend
from whatrack_ref import metasig

PHONE_ID = "104857600000001"
TEXT_VALUES = ["9223372036854775808", "-9223372036854775809", "1e308", "NaN", "Infinity", "é", "a" * 5000, "%ff"]
JSON_VALUES: list[Any] = [
    9223372036854775808,
    -9223372036854775809,
    1e308,
    "x" * 20000,
    [],
    {"a": {"b": 1}},
    True,
    None,
    "\ud800",
    1.5,
]
HEADER_VALUES = [b"\xff\xfe", "é".encode(), b"a" * 4000, b"9223372036854775808"]


def _ok(response: Any) -> None:
    assert response.status_code < 500, response.text
    if response.status_code >= 400 and response.content != b"null":  # null: "no open ticket"
        assert isinstance(response.json()["error"], str)


def _json(body: Any, **headers: str) -> dict[str, Any]:
    # json.dumps escapes a lone surrogate as \ud800, as a hostile client would send it.
    return {"content": json.dumps(body).encode(), "headers": {"content-type": "application/json", **headers}}


@pytest.fixture
def ids(demo: Backend) -> dict[str, str]:
    items = demo.get("/api/v1/whatsapp/chats").json()["items"]
    return {"chat": items[0]["id"], "ticket": next(c for c in items if "currentTicket" in c)["currentTicket"]["id"]}


@pytest.mark.parametrize("value", TEXT_VALUES)
def test_query_and_path_values(demo: Backend, ids: dict[str, str], value: str) -> None:
    for name in ("page", "pageSize"):
        _ok(demo.get(f"/api/v1/whatsapp/chats/{ids['chat']}/messages", params={name: value}))
    for name in ("q", "instanceId"):
        _ok(demo.get("/api/v1/whatsapp/chats", params={name: value}))
    for name in ("organizationId", "orgId"):
        _ok(demo.get("/api/v1/whatsapp/chats", org=None, params={name: value}))
    _ok(demo.client.get("/api/v1/auth/organization/get-full-organization", params={"organizationId": value}))
    for path in (
        f"/api/v1/whatsapp/chats/{value}/messages",
        f"/api/v1/conversations/{value}/ticket",
        f"/api/v1/whatsapp/media/{value}",
    ):
        _ok(demo.get(path))
    _ok(demo.client.patch(f"/api/v1/tickets/{value}", **_json({}, **{"x-organization-id": CLINIC.id})))
    verify = demo.client.get(
        "/api/v1/whatsapp/webhook", params={"hub.mode": value, "hub.verify_token": value, "hub.challenge": value}
    )
    assert verify.status_code == 403


@pytest.mark.parametrize("value", JSON_VALUES, ids=repr)
def test_json_body_values(demo: Backend, ids: dict[str, str], value: Any) -> None:
    org = {"x-organization-id": CLINIC.id}
    for key in ("stageId", "assigneeId", "dealValue", "projectId"):
        _ok(demo.client.patch(f"/api/v1/tickets/{ids['ticket']}", **_json({key: value}, **org)))
    for body in ({"reason": value}, {"reason": "won", "closedReason": value}, {"reason": "won", "dealValue": value}):
        _ok(demo.client.post("/api/v1/tickets/00000000-0000-0000-0000-000000000000/close", **_json(body, **org)))
    _ok(demo.client.post("/api/v1/auth/organization/set-active", **_json({"organizationId": value})))
    _ok(demo.client.post("/api/v1/centrifugo/subscription-token", **_json({"channel": value}, **org)))
    _ok(demo.client.post("/api/v1/auth/sign-in/email", **_json({"email": value, "password": value})))


def test_lone_surrogate_in_an_unconstrained_field_is_400(demo: Backend) -> None:
    response = demo.client.post("/api/v1/auth/organization/set-active", **_json({"organizationId": "\ud800"}))
    assert response.status_code == 400 and response.json()["details"][0]["path"] == "organizationId"


@pytest.mark.parametrize("value", HEADER_VALUES, ids=repr)
def test_header_values(demo: Backend, value: bytes) -> None:
    _ok(demo.client.get("/api/v1/whatsapp/chats", headers={"x-organization-id": value}))
    _ok(demo.client.get("/api/v1/centrifugo/token", headers={"x-forwarded-for": value, "x-organization-id": CLINIC.id}))
    _ok(demo.client.get("/api/v1/auth/get-session", headers={"cookie": b"better-auth.session_token=" + value}))
    _ok(
        demo.client.post(
            "/api/v1/auth/sign-in/email",
            content=b'{"email": "a@b.c", "password": "x"}',
            headers={"content-type": "application/json", "cookie": b"whatrack_ref.known_device=" + value},
        )
    )


def _value(**fields: Any) -> dict[str, Any]:
    return {"object": "whatsapp_business_account", "entry": [{"changes": [{"value": fields}]}]}


META = {"phone_number_id": PHONE_ID}
BAD_PAYLOADS = [
    [],
    1.5,
    {"entry": 7},
    {"entry": [7]},
    {"entry": [{"changes": "x"}]},
    {"entry": [{"changes": [{"value": []}]}]},
    _value(metadata=[]),
    _value(metadata={"phone_number_id": {"a": 1}}),
    _value(metadata={"phone_number_id": "\ud800"}),
    _value(metadata=META, messages=1.5, statuses=True, message_echoes="abc"),
    _value(metadata=META, messages=[1, "x", None], statuses=[[]]),
    _value(metadata=META, messages=[{"from": {"x": 1}, "id": [1], "timestamp": 1e400}]),
    _value(metadata=META, messages=[{"from": "5511900000009", "id": "wamid.H1", "timestamp": "9" * 30}], contacts=7),
    _value(
        metadata=META,
        messages=[{"from": "5511900000009", "id": "wamid.H2", "timestamp": 1}],
        contacts=[{"wa_id": "5511900000009", "profile": []}],
    ),
    _value(metadata=META, statuses=[{"id": "\ud800", "status": {"x": 1}, "timestamp": "9" * 30}]),
]


@pytest.mark.parametrize("payload", BAD_PAYLOADS, ids=lambda p: json.dumps(p)[-60:])
def test_webhook_fields_of_the_wrong_type_are_skipped_or_counted(backend: Backend, payload: Any) -> None:
    body = json.dumps(payload).encode()
    response = backend.client.post(
        "/api/v1/whatsapp/webhook", content=body, headers={metasig.HEADER: metasig.sign(WEBHOOK_SECRET, body)}
    )
    assert response.status_code == 200, response.text
    assert response.json()["received"] is True


def test_a_timestamp_out_of_range_is_stored_as_now(demo: Backend) -> None:
    payload = _value(
        metadata=META,
        messages=[{"from": "5511900000010", "id": "wamid.T1", "timestamp": "9" * 30, "text": {"body": "oi"}}],
    )
    body = json.dumps(payload).encode()
    response = demo.client.post(
        "/api/v1/whatsapp/webhook", content=body, headers={metasig.HEADER: metasig.sign(WEBHOOK_SECRET, body)}
    )
    assert response.json()["processed"]["messagesCreated"] == 1
