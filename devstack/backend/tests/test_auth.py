"""better-auth routes, session cookie, organization access and the error shape."""

from __future__ import annotations

import pytest

from tests.helpers import BOUTIQUE, CLINIC, DEMO, OUTSIDER, Backend
from whatrack_ref.sessions import COOKIE_NAME


def test_sign_in_sets_httponly_session_cookie_and_returns_user(backend: Backend) -> None:
    response = backend.client.post("/api/v1/auth/sign-in/email", json={"email": DEMO.email, "password": DEMO.password})
    assert response.status_code == 200
    body = response.json()
    assert body["user"]["email"] == DEMO.email
    assert body["user"]["id"] == DEMO.id
    assert set(body["user"]) == {"id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt"}
    assert body["redirect"] is False and body["token"]
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE_NAME}=")
    assert "HttpOnly" in cookie and "Path=/" in cookie and "SameSite=lax" in cookie
    # the cookie value is the token plus a signature, like better-auth's signed cookies
    assert body["token"] in backend.client.cookies[COOKIE_NAME]


def test_email_is_case_insensitive(backend: Backend) -> None:
    response = backend.client.post(
        "/api/v1/auth/sign-in/email", json={"email": DEMO.email.upper(), "password": DEMO.password}
    )
    assert response.status_code == 200


@pytest.mark.parametrize("email,password", [(DEMO.email, "wrong-password"), ("nobody@whatrack.test", "x" * 10)])
def test_sign_in_rejects_bad_credentials_with_401(backend: Backend, email: str, password: str) -> None:
    response = backend.client.post("/api/v1/auth/sign-in/email", json={"email": email, "password": password})
    assert response.status_code == 401
    assert response.json() == {
        "error": "Invalid email or password",
        "code": "INVALID_EMAIL_OR_PASSWORD",
        "message": "Invalid email or password",
    }
    assert COOKIE_NAME not in backend.client.cookies


@pytest.mark.parametrize("body", [{}, {"email": DEMO.email}, {"email": 1, "password": 2}])
def test_sign_in_validation_errors_are_400_and_never_echo_input(backend: Backend, body: dict) -> None:
    response = backend.client.post("/api/v1/auth/sign-in/email", json=body)
    assert response.status_code == 400
    assert isinstance(response.json()["error"], str)
    assert "input" not in response.text


def test_get_session_is_null_without_cookie(backend: Backend) -> None:
    response = backend.client.get("/api/v1/auth/get-session")
    assert response.status_code == 200
    assert response.text == "null"


def test_get_session_returns_session_and_user(demo: Backend) -> None:
    body = demo.client.get("/api/v1/auth/get-session").json()
    assert body["user"]["id"] == DEMO.id
    assert body["session"]["userId"] == DEMO.id
    assert body["session"]["expiresAt"] > body["session"]["createdAt"]


def test_tampered_cookie_is_not_a_session(demo: Backend) -> None:
    value = demo.client.cookies[COOKIE_NAME]
    demo.client.cookies.set(COOKIE_NAME, "x" + value)
    assert demo.client.get("/api/v1/auth/get-session").text == "null"
    assert demo.get("/api/v1/whatsapp/chats").status_code == 401


def test_sign_out_ends_the_session(demo: Backend) -> None:
    stolen = demo.client.cookies[COOKIE_NAME]
    response = demo.client.post("/api/v1/auth/sign-out")
    assert response.status_code == 200 and response.json() == {"success": True}
    assert demo.client.get("/api/v1/auth/get-session").text == "null"
    # the old cookie value no longer works either: the session row is gone
    demo.client.cookies.set(COOKIE_NAME, stolen)
    assert demo.get("/api/v1/whatsapp/chats").status_code == 401


def test_organization_list_has_both_demo_orgs_demo_first(demo: Backend) -> None:
    orgs = demo.client.get("/api/v1/auth/organization/list").json()
    assert [o["id"] for o in orgs] == [CLINIC.id, BOUTIQUE.id]
    assert set(orgs[0]) >= {"id", "name", "slug", "logo", "createdAt"}


def test_organization_list_needs_a_session(backend: Backend) -> None:
    response = backend.client.get("/api/v1/auth/organization/list")
    assert response.status_code == 401
    assert response.json() == {"error": "Usuário não autenticado"}


def test_full_organization_lists_members(demo: Backend) -> None:
    body = demo.client.get(
        "/api/v1/auth/organization/get-full-organization", params={"organizationId": CLINIC.id}
    ).json()
    assert body["id"] == CLINIC.id
    assert DEMO.id in {m["userId"] for m in body["members"]}
    assert all(set(m["user"]) == {"id", "name", "email", "image"} for m in body["members"])


@pytest.mark.parametrize("path", ["/api/v1/whatsapp/chats", "/api/v1/ticket-stages", "/api/v1/centrifugo/token"])
def test_org_routes_answer_401_without_session(backend: Backend, path: str) -> None:
    response = backend.get(path)
    assert response.status_code == 401
    assert "error" in response.json()


@pytest.mark.parametrize("path", ["/api/v1/whatsapp/chats", "/api/v1/ticket-stages", "/api/v1/centrifugo/token"])
def test_org_routes_answer_403_for_non_members(backend: Backend, path: str) -> None:
    backend.sign_in(OUTSIDER)
    response = backend.get(path, org=CLINIC.id)
    assert response.status_code == 403
    assert response.json() == {"error": "Usuário não é membro desta organização"}


def test_org_routes_answer_403_without_any_organization(demo: Backend) -> None:
    response = demo.get("/api/v1/whatsapp/chats", org=None)
    assert response.status_code == 403
    assert response.json() == {"error": "Organização não especificada"}


def test_query_parameter_is_the_fallback_for_the_org_header(demo: Backend) -> None:
    response = demo.get("/api/v1/ticket-stages", org=None, params={"organizationId": BOUTIQUE.id})
    assert response.status_code == 200
    header_wins = demo.get("/api/v1/ticket-stages", org=CLINIC.id, params={"organizationId": BOUTIQUE.id})
    clinic = demo.get("/api/v1/ticket-stages", org=CLINIC.id)
    assert header_wins.json() == clinic.json() != response.json()


def test_active_organization_is_the_last_fallback(demo: Backend) -> None:
    response = demo.client.post("/api/v1/auth/organization/set-active", json={"organizationId": BOUTIQUE.id})
    assert response.status_code == 200 and response.json()["id"] == BOUTIQUE.id
    assert demo.get("/api/v1/whatsapp/chats", org=None).status_code == 200
    assert demo.client.get("/api/v1/auth/get-session").json()["session"]["activeOrganizationId"] == BOUTIQUE.id


def test_set_active_refuses_foreign_org(backend: Backend) -> None:
    backend.sign_in(OUTSIDER)
    response = backend.client.post("/api/v1/auth/organization/set-active", json={"organizationId": CLINIC.id})
    assert response.status_code == 403


def test_unknown_routes_and_methods_use_the_error_shape(backend: Backend) -> None:
    missing = backend.client.get("/api/v1/nope")
    assert missing.status_code == 404 and set(missing.json()) == {"error"}
    wrong_method = backend.client.delete("/api/v1/health")
    assert wrong_method.status_code == 405 and set(wrong_method.json()) == {"error"}


def test_health_needs_no_session(backend: Backend) -> None:
    body = backend.client.get("/api/v1/health").json()
    assert body["status"] == "ok"
