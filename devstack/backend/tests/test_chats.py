"""Chat list and message pages: sorting, search, paging, both message shapes."""

from __future__ import annotations

import pytest

from tests.helpers import BOUTIQUE, CLINIC, Backend
from whatrack_ref.db import direction_id

RAW_MESSAGE_KEYS = {
    "id",
    "wamid",
    "leadId",
    "instanceId",
    "appConversationId",
    "ticketId",
    "directionId",
    "type",
    "body",
    "mediaUrl",
    "status",
    "timestamp",
    "metaConversationId",
    "rawMeta",
    "createdAt",
    "updatedAt",
}
CHAT_KEYS = {"id", "name", "phone", "profilePicUrl", "lastMessageAt", "lastMessage", "unreadCount"}


def _chats(backend: Backend, org: str = CLINIC.id, **params) -> list[dict]:
    response = backend.get("/api/v1/whatsapp/chats", org=org, params=params)
    assert response.status_code == 200
    assert set(response.json()) == {"items"}
    return response.json()["items"]


def test_chat_list_is_complete_sorted_and_unpaginated(demo: Backend) -> None:
    items = _chats(demo)
    assert len(items) == CLINIC.chats >= 200
    stamps = [c["lastMessageAt"] for c in items]
    assert stamps == sorted(stamps, reverse=True)
    assert len({c["id"] for c in items}) == len(items)
    assert len(_chats(demo, org=BOUTIQUE.id)) == BOUTIQUE.chats


def test_chat_item_shape(demo: Backend) -> None:
    items = _chats(demo)
    for chat in items:
        assert CHAT_KEYS <= set(chat) <= CHAT_KEYS | {"currentTicket"}
        assert chat["unreadCount"] == 0  # hard-coded like the real service
        assert chat["name"]
        assert set(chat["lastMessage"]) == RAW_MESSAGE_KEYS  # ticket era: no `direction` name
        assert chat["lastMessage"]["directionId"] in {direction_id("INBOUND"), direction_id("OUTBOUND")}
        assert chat["lastMessage"]["timestamp"] == chat["lastMessageAt"]
    with_ticket = [c for c in items if "currentTicket" in c]
    without = [c for c in items if "currentTicket" not in c]
    assert with_ticket and without  # some chats have no open ticket: the key is absent, not null
    for chat in with_ticket:
        ticket = chat["currentTicket"]
        assert set(ticket) == {"id", "status", "stage", "tracking"}
        assert ticket["status"] == "open"
        assert set(ticket["stage"]) == {"id", "name", "color"}
        assert ticket["tracking"] is None or set(ticket["tracking"]) == {"sourceType", "utmSource", "ctwaclid"}


def test_chat_name_falls_back_to_push_name_then_phone(demo: Backend) -> None:
    items = _chats(demo)
    assert any(c["name"] == c["phone"] for c in items)  # neither CRM name nor push name
    assert any(c["name"] != c["phone"] and " " not in c["name"] for c in items)  # push name only


def test_search_is_unicode_case_insensitive(demo: Backend) -> None:
    items = _chats(demo)
    accented = "áâãéêíóôúç"
    target = next(c for c in items if c["name"] != c["phone"] and any(ch in c["name"] for ch in accented))
    word = next(w for w in target["name"].split(" ") if any(ch in w for ch in accented))
    found = _chats(demo, q=word.upper())  # "JOÃO" must find "João": SQLite's lower() would not
    assert target["id"] in {c["id"] for c in found}
    assert len(found) < len(items)
    by_phone = _chats(demo, q=target["phone"][-6:])
    assert target["id"] in {c["id"] for c in by_phone}
    assert _chats(demo, q="zzzz-no-such-name") == []


def test_normalized_shape_adds_direction_name(make_backend) -> None:
    backend = make_backend(message_shape="normalized")
    backend.sign_in()
    for chat in _chats(backend):
        message = chat["lastMessage"]
        assert set(message) == RAW_MESSAGE_KEYS | {"direction"}
        expected = "INBOUND" if message["directionId"] == direction_id("INBOUND") else "OUTBOUND"
        assert message["direction"] == expected


def _busiest_chat(backend: Backend) -> dict:
    items = _chats(backend)
    totals = {
        c["id"]: backend.get(f"/api/v1/whatsapp/chats/{c['id']}/messages", params={"pageSize": 1}).json()["total"]
        for c in items[:40]
    }
    chat_id = max(totals, key=totals.get)
    return {"id": chat_id, "total": totals[chat_id], "chat": next(c for c in items if c["id"] == chat_id)}


def test_message_pages_newest_first_oldest_to_newest_within(demo: Backend) -> None:
    busiest = _busiest_chat(demo)
    total = busiest["total"]
    assert total >= 10
    page_size = 4
    pages = []
    page = 1
    while True:
        body = demo.get(
            f"/api/v1/whatsapp/chats/{busiest['id']}/messages", params={"page": page, "pageSize": page_size}
        ).json()
        assert body["total"] == total and body["page"] == page and body["pageSize"] == page_size
        if not body["items"]:
            break
        stamps = [m["timestamp"] for m in body["items"]]
        assert stamps == sorted(stamps)  # oldest -> newest within a page
        pages.append(body["items"])
        page += 1
    assert len(pages) == -(-total // page_size)
    # page 1 ends with the chat's last message; later pages are strictly older
    assert pages[0][-1]["id"] == busiest["chat"]["lastMessage"]["id"]
    for newer, older in zip(pages, pages[1:], strict=False):
        assert older[-1]["timestamp"] <= newer[0]["timestamp"]
    all_ids = [m["id"] for p in pages for m in p]
    assert len(all_ids) == len(set(all_ids)) == total


def test_message_page_defaults(demo: Backend) -> None:
    chat = _chats(demo)[0]
    body = demo.get(f"/api/v1/whatsapp/chats/{chat['id']}/messages").json()
    assert body["page"] == 1 and body["pageSize"] == 50
    assert len(body["items"]) == min(50, body["total"])
    assert all(set(m) == RAW_MESSAGE_KEYS for m in body["items"])


def test_messages_in_normalized_shape(make_backend) -> None:
    backend = make_backend(message_shape="normalized")
    backend.sign_in()
    chat = _chats(backend)[0]
    items = backend.get(f"/api/v1/whatsapp/chats/{chat['id']}/messages").json()["items"]
    assert {m["direction"] for m in items} <= {"INBOUND", "OUTBOUND"}
    assert all(set(m) == RAW_MESSAGE_KEYS | {"direction"} for m in items)


@pytest.mark.parametrize("params", [{"page": 0}, {"pageSize": 0}, {"pageSize": 101}, {"page": "abc"}, {"pageSize": -5}])
def test_message_paging_validation_is_400(demo: Backend, params: dict) -> None:
    chat = _chats(demo)[0]
    response = demo.get(f"/api/v1/whatsapp/chats/{chat['id']}/messages", params=params)
    assert response.status_code == 400
    assert isinstance(response.json()["error"], str)


def test_page_size_100_is_allowed(demo: Backend) -> None:
    chat = _chats(demo)[0]
    assert demo.get(f"/api/v1/whatsapp/chats/{chat['id']}/messages", params={"pageSize": 100}).status_code == 200


def test_messages_accept_a_lead_id(demo: Backend) -> None:
    chat = _chats(demo)[0]
    lead_id = chat["lastMessage"]["leadId"]
    by_conversation = demo.get(f"/api/v1/whatsapp/chats/{chat['id']}/messages").json()
    by_lead = demo.get(f"/api/v1/whatsapp/chats/{lead_id}/messages").json()
    assert by_lead == by_conversation


def test_messages_are_listed_by_lead_across_conversations(demo: Backend) -> None:
    """A lead on two WhatsApp numbers: both conversation ids give the same merged list."""
    items = _chats(demo)
    for chat in items:
        body = demo.get(f"/api/v1/whatsapp/chats/{chat['id']}/messages", params={"pageSize": 100}).json()
        conversations = {m["appConversationId"] for m in body["items"]}
        if len(conversations) > 1:
            other = (conversations - {chat["id"]}).pop()
            assert demo.get(f"/api/v1/whatsapp/chats/{other}/messages", params={"pageSize": 100}).json() == body
            return
    pytest.fail("seed should contain a lead with conversations on two instances")


def test_messages_unknown_or_foreign_chat_is_404(demo: Backend) -> None:
    response = demo.get("/api/v1/whatsapp/chats/00000000-0000-4000-8000-000000000000/messages")
    assert response.status_code == 404 and response.json() == {"error": "Conversa não encontrada"}
    boutique_chat = _chats(demo, org=BOUTIQUE.id)[0]
    assert demo.get(f"/api/v1/whatsapp/chats/{boutique_chat['id']}/messages", org=CLINIC.id).status_code == 404


def test_instance_filter(demo: Backend) -> None:
    everything = _chats(demo)
    first = _chats(demo, instanceId=CLINIC.instance_id(0))
    second = _chats(demo, instanceId=CLINIC.instance_id(1))
    assert first and second and len(first) < len(everything) and len(second) < len(everything)
    assert _chats(demo, instanceId="all") == everything
