"""Conversation ticket, stages, PATCH and close, and the ticket_updated publication."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.helpers import BOUTIQUE, CLINIC, DEMO, OUTSIDER, Backend, meta_payload, text_message
from whatrack_ref.stages import DEFAULT_STAGES, stage_id_for

TICKET_KEYS = {
    "id",
    "status",
    "windowOpen",
    "windowExpiresAt",
    "dealValue",
    "stage",
    "assignee",
    "tracking",
    "closedReason",
    "closedAt",
    "kpis",
    "leadInsights",
}
SUMMARY_KEYS = {
    "id",
    "lead",
    "stage",
    "assignee",
    "tracking",
    "project",
    "status",
    "windowOpen",
    "windowExpiresAt",
    "dealValue",
    "messagesCount",
    "createdAt",
    "updatedAt",
}


def _chat_with_ticket(backend: Backend, stage: str | None = None) -> dict:
    items = backend.get("/api/v1/whatsapp/chats").json()["items"]
    return next(
        c for c in items if "currentTicket" in c and (stage is None or c["currentTicket"]["stage"]["name"] == stage)
    )


def _chat_without_ticket(backend: Backend) -> dict:
    items = backend.get("/api/v1/whatsapp/chats").json()["items"]
    return next(c for c in items if "currentTicket" not in c and c["lastMessage"]["appConversationId"] == c["id"])


def test_conversation_ticket_shape(demo: Backend) -> None:
    chat = _chat_with_ticket(demo, "Negociação")
    response = demo.get(f"/api/v1/conversations/{chat['id']}/ticket")
    assert response.status_code == 200
    ticket = response.json()
    assert set(ticket) == TICKET_KEYS
    assert ticket["id"] == chat["currentTicket"]["id"] and ticket["status"] == "open"
    assert set(ticket["stage"]) == {"id", "name", "color", "order", "isClosed"}
    assert ticket["stage"]["name"] == "Negociação" and ticket["stage"]["isClosed"] is False
    assert ticket["dealValue"] is None or isinstance(ticket["dealValue"], str)
    assert isinstance(ticket["windowOpen"], bool)
    assert set(ticket["kpis"]) == {
        "messagesCount",
        "inboundMessagesCount",
        "outboundMessagesCount",
        "firstResponseTimeSec",
        "resolutionTimeSec",
        "createdAt",
    }
    assert (
        ticket["kpis"]["messagesCount"]
        == ticket["kpis"]["inboundMessagesCount"] + ticket["kpis"]["outboundMessagesCount"]
    )
    assert set(ticket["leadInsights"]) == {"totalTickets", "lifetimeValue", "firstMessageAt"}
    assert isinstance(ticket["leadInsights"]["lifetimeValue"], str)
    assert ticket["assignee"] is None or set(ticket["assignee"]) == {"id", "name", "email", "image"}


def test_no_open_ticket_is_404_with_body_null(demo: Backend) -> None:
    chat = _chat_without_ticket(demo)
    response = demo.get(f"/api/v1/conversations/{chat['id']}/ticket")
    assert response.status_code == 404
    assert response.text == "null"


def test_unknown_conversation_ticket_is_404_error(demo: Backend) -> None:
    response = demo.get("/api/v1/conversations/00000000-0000-4000-8000-000000000000/ticket")
    assert response.status_code == 404
    assert response.json() == {"error": "Conversa não encontrada"}


def test_ticket_stages(demo: Backend) -> None:
    items = demo.get("/api/v1/ticket-stages").json()["items"]
    assert [s["name"] for s in items] == [s[0] for s in DEFAULT_STAGES]
    assert [s["order"] for s in items] == [1, 2, 3, 4, 5]
    assert [s["isClosed"] for s in items] == [False, False, False, True, True]
    assert items[0]["isDefault"] is True
    assert all(s["ticketsCount"] > 0 for s in items)  # the seed has tickets in every stage
    assert all(set(s) == {"id", "name", "color", "order", "isDefault", "isClosed", "ticketsCount"} for s in items)
    other = demo.get("/api/v1/ticket-stages", org=BOUTIQUE.id).json()["items"]
    assert {s["id"] for s in other}.isdisjoint({s["id"] for s in items})


def test_patch_stage_assignee_and_deal_value(demo: Backend) -> None:
    chat = _chat_with_ticket(demo, "Novo")
    ticket_id = chat["currentTicket"]["id"]
    target = stage_id_for(CLINIC.id, "Em Atendimento")
    response = demo.patch(
        f"/api/v1/tickets/{ticket_id}", {"stageId": target, "assigneeId": DEMO.id, "dealValue": 1500.5}
    )
    assert response.status_code == 200, response.text
    summary = response.json()
    assert set(summary) == SUMMARY_KEYS
    assert summary["stage"]["id"] == target and summary["stage"]["name"] == "Em Atendimento"
    assert summary["assignee"] == {"id": DEMO.id, "name": DEMO.name}
    assert summary["dealValue"] == 1500.5  # a number in mutation responses
    ticket = demo.get(f"/api/v1/conversations/{chat['id']}/ticket").json()
    assert ticket["dealValue"] == "1500.5"  # a string in the conversation ticket
    assert ticket["stage"]["name"] == "Em Atendimento" and ticket["assignee"]["id"] == DEMO.id
    item = next(c for c in demo.get("/api/v1/whatsapp/chats").json()["items"] if c["id"] == chat["id"])
    assert item["currentTicket"]["stage"]["id"] == target

    events = demo.publications("ticket_updated")
    assert len(events) == 1
    assert events[0]["channel"] == f"org:{CLINIC.id}:tickets"
    data = events[0]["data"]
    assert data["ticketId"] == ticket_id and data["conversationId"] == chat["id"]
    assert data["updates"]["stageId"] == target and data["updates"]["assigneeId"] == DEMO.id
    assert data["updates"]["dealValue"] == 1500.5


def test_patch_only_touches_given_fields_and_null_unassigns(demo: Backend) -> None:
    chat = _chat_with_ticket(demo, "Em Atendimento")
    ticket_id = chat["currentTicket"]["id"]
    before = demo.get(f"/api/v1/conversations/{chat['id']}/ticket").json()
    response = demo.patch(f"/api/v1/tickets/{ticket_id}", {"assigneeId": None, "unknownKey": 1})
    assert response.status_code == 200
    after = demo.get(f"/api/v1/conversations/{chat['id']}/ticket").json()
    assert after["assignee"] is None
    assert after["stage"] == before["stage"] and after["dealValue"] == before["dealValue"]
    assert demo.publications("ticket_updated")[0]["data"]["updates"] == {"assigneeId": None}


@pytest.mark.parametrize(
    "body",
    [
        {"stageId": "not-a-uuid"},
        {"stageId": None},
        {"assigneeId": "nope"},
        {"dealValue": -1},
        {"dealValue": "100"},
        {"dealValue": True},
    ],
)
def test_patch_validation_is_400(demo: Backend, body: dict) -> None:
    ticket_id = _chat_with_ticket(demo)["currentTicket"]["id"]
    response = demo.patch(f"/api/v1/tickets/{ticket_id}", body)
    assert response.status_code == 400
    assert isinstance(response.json()["error"], str)


def test_patch_invalid_json_is_400(demo: Backend) -> None:
    ticket_id = _chat_with_ticket(demo)["currentTicket"]["id"]
    response = demo.client.patch(
        f"/api/v1/tickets/{ticket_id}",
        content=b"{nope",
        headers={"x-organization-id": CLINIC.id, "content-type": "application/json"},
    )
    assert response.status_code == 400 and "error" in response.json()


def test_patch_not_found_cases(demo: Backend) -> None:
    ticket_id = _chat_with_ticket(demo)["currentTicket"]["id"]
    missing = demo.patch("/api/v1/tickets/00000000-0000-4000-8000-000000000000", {"dealValue": 1})
    assert missing.status_code == 404 and missing.json() == {"error": "Ticket não encontrado"}
    foreign_stage = demo.patch(f"/api/v1/tickets/{ticket_id}", {"stageId": stage_id_for(BOUTIQUE.id, "Novo")})
    assert foreign_stage.status_code == 404 and foreign_stage.json() == {"error": "Estágio não encontrado"}
    non_member = demo.patch(f"/api/v1/tickets/{ticket_id}", {"assigneeId": OUTSIDER.id})
    assert non_member.status_code == 404 and non_member.json() == {"error": "Atribuído não encontrado"}
    other_org = demo.patch(f"/api/v1/tickets/{ticket_id}", {"dealValue": 1}, org=BOUTIQUE.id)
    assert other_org.status_code == 404
    assert demo.publications("ticket_updated") == []


def test_patch_requires_membership(backend: Backend) -> None:
    backend.sign_in()
    ticket_id = _chat_with_ticket(backend)["currentTicket"]["id"]
    backend.client.cookies.clear()
    assert backend.patch(f"/api/v1/tickets/{ticket_id}", {"dealValue": 1}).status_code == 401
    backend.sign_in(OUTSIDER)
    assert backend.patch(f"/api/v1/tickets/{ticket_id}", {"dealValue": 1}).status_code == 403


def test_close_won_then_conflict(demo: Backend) -> None:
    chat = _chat_with_ticket(demo)
    ticket_id = chat["currentTicket"]["id"]
    before = demo.get(f"/api/v1/conversations/{chat['id']}/ticket").json()
    response = demo.post(
        f"/api/v1/tickets/{ticket_id}/close", {"reason": "won", "closedReason": "Fechou", "dealValue": 2500}
    )
    assert response.status_code == 200, response.text
    closed = response.json()
    assert set(closed) == SUMMARY_KEYS | {"closedAt", "closedReason", "salesCount"}
    assert closed["status"] == "closed_won" and closed["closedReason"] == "Fechou" and closed["dealValue"] == 2500
    assert closed["closedAt"]
    # the conversation has no open ticket any more, and the chat list drops currentTicket
    assert demo.get(f"/api/v1/conversations/{chat['id']}/ticket").text == "null"
    item = next(c for c in demo.get("/api/v1/whatsapp/chats").json()["items"] if c["id"] == chat["id"])
    assert "currentTicket" not in item
    again = demo.post(f"/api/v1/tickets/{ticket_id}/close", {"reason": "lost"})
    assert again.status_code == 409
    assert again.json() == {"error": "Ticket já está fechado", "currentStatus": "closed_won"}
    patch = demo.patch(f"/api/v1/tickets/{ticket_id}", {"dealValue": 1})
    assert patch.status_code == 409
    events = demo.publications("ticket_updated")
    assert len(events) == 1
    assert events[0]["data"]["conversationId"] == chat["id"]
    assert events[0]["data"]["updates"]["status"] == "closed_won"

    # the customer writes again: a new ticket opens and its leadInsights count the won one
    phone_id = next(
        inst.phone_id
        for i, inst in enumerate(CLINIC.instances)
        if CLINIC.instance_id(i) == chat["lastMessage"]["instanceId"]
    )
    hook = demo.webhook(meta_payload(phone_id, messages=[text_message(chat["phone"], "wamid.AGAIN", "Oi de novo")]))
    assert hook.status_code == 200 and hook.json()["processed"]["messagesCreated"] == 1
    reopened = demo.get(f"/api/v1/conversations/{chat['id']}/ticket").json()
    assert reopened["id"] != ticket_id and reopened["stage"]["name"] == "Novo"
    insights, old = reopened["leadInsights"], before["leadInsights"]
    assert insights["totalTickets"] == old["totalTickets"] + 1
    assert Decimal(insights["lifetimeValue"]) == Decimal(old["lifetimeValue"]) + 2500


def test_close_lost_without_reason(demo: Backend) -> None:
    chat = _chat_with_ticket(demo)
    ticket_id = chat["currentTicket"]["id"]
    response = demo.post(f"/api/v1/tickets/{ticket_id}/close", {"reason": "lost"})
    assert response.status_code == 200
    assert response.json()["status"] == "closed_lost" and response.json()["closedReason"] is None


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"reason": "maybe"},
        {"reason": "won", "dealValue": -3},
        {"reason": "won", "closedReason": "x" * 501},
        {"reason": "won", "closedReason": None},
    ],
)
def test_close_validation_is_400(demo: Backend, body: dict) -> None:
    ticket_id = _chat_with_ticket(demo)["currentTicket"]["id"]
    response = demo.post(f"/api/v1/tickets/{ticket_id}/close", body)
    assert response.status_code == 400 and "error" in response.json()


def test_ticket_channel_template_is_configurable(make_backend) -> None:
    backend = make_backend(tickets_channel="org.{org}.tickets")
    backend.sign_in()
    ticket_id = _chat_with_ticket(backend)["currentTicket"]["id"]
    assert backend.patch(f"/api/v1/tickets/{ticket_id}", {"dealValue": 10}).status_code == 200
    assert backend.publications("ticket_updated")[0]["channel"] == f"org.{CLINIC.id}.tickets"
