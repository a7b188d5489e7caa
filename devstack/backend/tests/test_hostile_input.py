"""Hostile input gets a 400 in the `{"error"}` shape, never a 500 (issue 8, reference backend).

Each case here was a 500 before: an int64 overflow in SQLite, a Decimal/float cast of Infinity,
NaN or 1e308, `hmac.compare_digest` on a non-ASCII str, or unbounded JSON nesting.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers import CLINIC, WEBHOOK_SECRET, Backend, meta_payload, text_message
from whatrack_ref import metasig
from whatrack_ref.sessions import COOKIE_NAME

PHONE_ID = "104857600000001"


def _assert_400(response: Any, path: str | None = None) -> dict[str, Any]:
    """A 400 whose body is the usual shape and, for validation errors, names the field."""
    assert response.status_code == 400, response.text
    body = response.json()
    assert isinstance(body["error"], str) and body["error"]
    if path is not None:
        assert [d["path"] for d in body["details"]] == [path], body
        assert all(isinstance(d["message"], str) and d["message"] for d in body["details"])
    return body


def _first_chat(demo: Backend) -> dict[str, Any]:
    return demo.get("/api/v1/whatsapp/chats").json()["items"][0]


def _open_ticket_id(demo: Backend) -> str:
    items = demo.get("/api/v1/whatsapp/chats").json()["items"]
    return next(c for c in items if "currentTicket" in c)["currentTicket"]["id"]


@pytest.mark.parametrize("page", ["9223372036854775807", "9223372036854775808", "99999999999999999999999", "1000001"])
def test_out_of_range_message_page_is_400(demo: Backend, page: str) -> None:
    chat = _first_chat(demo)
    response = demo.get(f"/api/v1/whatsapp/chats/{chat['id']}/messages", params={"page": page})
    _assert_400(response, "query.page")


@pytest.mark.parametrize("page_size", ["9223372036854775807", "-9223372036854775809", "1e3"])
def test_out_of_range_page_size_is_400(demo: Backend, page_size: str) -> None:
    chat = _first_chat(demo)
    response = demo.get(f"/api/v1/whatsapp/chats/{chat['id']}/messages", params={"pageSize": page_size})
    _assert_400(response, "query.pageSize")


def test_highest_allowed_page_is_an_empty_page(demo: Backend) -> None:
    chat = _first_chat(demo)
    response = demo.get(f"/api/v1/whatsapp/chats/{chat['id']}/messages", params={"page": 1_000_000})
    assert response.status_code == 200 and response.json()["items"] == []


# Raw JSON text: Python's parser accepts Infinity/NaN literals, which json.dumps would not write.
HOSTILE_DEAL_VALUES = [
    "1e308",
    "1e19",
    "10000000000",  # one more than Decimal(12,2) holds
    "9999999999.995",
    "100000000000000000000000000000000000000",
    "Infinity",
    "-Infinity",
    "NaN",
    "1.005",  # more than 2 decimals
    "1e-7",
]


@pytest.mark.parametrize("raw", HOSTILE_DEAL_VALUES)
def test_patch_hostile_deal_value_is_400_and_changes_nothing(demo: Backend, raw: str) -> None:
    ticket_id = _open_ticket_id(demo)
    response = demo.client.patch(
        f"/api/v1/tickets/{ticket_id}",
        content=f'{{"dealValue": {raw}}}'.encode(),
        headers={"x-organization-id": CLINIC.id, "content-type": "application/json"},
    )
    _assert_400(response, "dealValue")
    assert demo.publications("ticket_updated") == []


@pytest.mark.parametrize("raw", HOSTILE_DEAL_VALUES)
def test_close_hostile_deal_value_is_400_and_leaves_the_ticket_open(demo: Backend, raw: str) -> None:
    ticket_id = _open_ticket_id(demo)
    response = demo.client.post(
        f"/api/v1/tickets/{ticket_id}/close",
        content=f'{{"reason": "won", "dealValue": {raw}}}'.encode(),
        headers={"x-organization-id": CLINIC.id, "content-type": "application/json"},
    )
    _assert_400(response, "dealValue")
    assert _open_ticket_id(demo) is not None
    assert demo.patch(f"/api/v1/tickets/{ticket_id}", {"dealValue": 1}).status_code == 200  # still open


@pytest.mark.parametrize("value", [0, 0.01, 1500.55, 9999999999.99, 9_999_999_999])
def test_money_at_the_bounds_is_kept_to_the_cent(demo: Backend, value: float) -> None:
    chat = next(c for c in demo.get("/api/v1/whatsapp/chats").json()["items"] if "currentTicket" in c)
    response = demo.patch(f"/api/v1/tickets/{chat['currentTicket']['id']}", {"dealValue": value})
    assert response.status_code == 200, response.text
    assert response.json()["dealValue"] == value
    ticket = demo.get(f"/api/v1/conversations/{chat['id']}/ticket").json()
    assert float(ticket["dealValue"]) == value


@pytest.mark.parametrize(
    "header",
    [
        "sha256=é".encode(),
        ("sha256=" + "0" * 63 + "\xff").encode("latin-1"),
        "sha256=ünïcødé".encode("latin-1"),
    ],
)
def test_non_ascii_signature_header_is_400_and_stores_nothing(backend: Backend, header: bytes) -> None:
    body = json.dumps(meta_payload(PHONE_ID, messages=[text_message("5511900000001", "wamid.NA1", "oi")])).encode()
    response = backend.client.post(
        "/api/v1/whatsapp/webhook",
        content=body,
        headers={"Content-Type": "application/json", metasig.HEADER: header},
    )
    body_json = _assert_400(response)
    assert "X-Hub-Signature-256" in body_json["error"]
    assert backend.publications() == []


@pytest.mark.parametrize("value", [b"tok.%C3%A9%C3%A9", "tok.é".encode(), b"tok.\xff\xfe", b"%FF%FE.%ED%A0%80"])
def test_non_ascii_session_cookie_is_no_session(backend: Backend, value: bytes) -> None:
    cookie = {"cookie": COOKIE_NAME.encode() + b"=" + value}
    assert backend.client.get("/api/v1/auth/get-session", headers=cookie).json() is None
    response = backend.client.get("/api/v1/whatsapp/chats", headers={**cookie, "x-organization-id": CLINIC.id})
    assert response.status_code == 401 and response.json() == {"error": "Usuário não autenticado"}


def test_deeply_nested_signed_webhook_is_400(backend: Backend) -> None:
    body = b'{"entry":[' * 50_000 + b"1" + b"]}" * 50_000  # under the 1 MiB body limit
    assert len(body) < backend.settings.max_body_bytes
    response = backend.client.post(
        "/api/v1/whatsapp/webhook", content=body, headers={metasig.HEADER: metasig.sign(WEBHOOK_SECRET, body)}
    )
    assert _assert_400(response)["error"] == "Invalid JSON"


def test_deeply_nested_ticket_patch_is_400(demo: Backend) -> None:
    ticket_id = _open_ticket_id(demo)
    body = b'{"dealValue":[' * 50_000 + b"1" + b"]}" * 50_000
    response = demo.client.patch(
        f"/api/v1/tickets/{ticket_id}",
        content=body,
        headers={"x-organization-id": CLINIC.id, "content-type": "application/json"},
    )
    _assert_400(response)


@pytest.mark.parametrize(
    "text",
    ['{"email": "\\ud800@x.test", "password": "x"}', '{"email": "a@x.test", "password": "\\udfff"}'],
)
def test_lone_surrogates_in_sign_in_are_400(backend: Backend, text: str) -> None:
    response = backend.client.post(
        "/api/v1/auth/sign-in/email", content=text.encode(), headers={"content-type": "application/json"}
    )
    _assert_400(response)
