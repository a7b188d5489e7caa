"""Centrifugo connection/subscription tokens and the token route's rate limit."""

from __future__ import annotations

import time

import jwt
import pytest

from tests.helpers import BOUTIQUE, CLINIC, DEMO, TOKEN_SECRET, Backend


def _decode(token: str, secret: str = TOKEN_SECRET) -> dict:
    return jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp", "iat", "sub"]})


def test_connection_token_claims(demo: Backend) -> None:
    before = int(time.time())
    response = demo.get("/api/v1/centrifugo/token", org=BOUTIQUE.id)
    assert response.status_code == 200
    assert set(response.json()) == {"token"}
    token = response.json()["token"]
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    claims = _decode(token)
    assert claims["sub"] == DEMO.id
    assert claims["info"] == {"organizationId": BOUTIQUE.id}
    assert before <= claims["iat"] <= int(time.time())
    assert claims["exp"] - claims["iat"] == 3600
    assert "channel" not in claims  # forbidden in connection tokens


def test_token_ttl_is_configurable(make_backend) -> None:
    backend = make_backend(token_ttl=90)
    backend.sign_in()
    claims = _decode(backend.get("/api/v1/centrifugo/token").json()["token"])
    assert claims["exp"] - claims["iat"] == 90


def test_sixth_token_call_in_a_minute_is_429_with_retry_after(demo: Backend) -> None:
    for _ in range(5):
        assert demo.get("/api/v1/centrifugo/token").status_code == 200
    response = demo.get("/api/v1/centrifugo/token")
    assert response.status_code == 429
    assert "error" in response.json()
    retry_after = int(response.headers["Retry-After"])
    assert 1 <= retry_after <= 60
    assert response.json()["retryAfter"] == retry_after


def test_rate_limit_is_per_session(make_backend) -> None:
    backend = make_backend()
    backend.sign_in()
    for _ in range(5):
        assert backend.get("/api/v1/centrifugo/token").status_code == 200
    assert backend.get("/api/v1/centrifugo/token").status_code == 429
    backend.client.cookies.clear()
    backend.sign_in()  # a new session is a new client
    assert backend.get("/api/v1/centrifugo/token").status_code == 200


def test_rate_limit_is_configurable(make_backend) -> None:
    backend = make_backend(token_rate_limit=20)
    backend.sign_in()
    codes = [backend.get("/api/v1/centrifugo/token").status_code for _ in range(21)]
    assert codes == [200] * 20 + [429]
    unlimited = make_backend(token_rate_limit=0)
    unlimited.sign_in()
    assert {unlimited.get("/api/v1/centrifugo/token").status_code for _ in range(12)} == {200}


def test_subscription_token_for_own_channel(demo: Backend) -> None:
    channel = f"org:{CLINIC.id}:messages"
    response = demo.post("/api/v1/centrifugo/subscription-token", {"channel": channel})
    assert response.status_code == 200
    claims = _decode(response.json()["token"])
    assert claims["sub"] == DEMO.id and claims["channel"] == channel
    assert claims["exp"] > claims["iat"]
    tickets = demo.post("/api/v1/centrifugo/subscription-token", {"channel": f"org:{CLINIC.id}:tickets"})
    assert tickets.status_code == 200


def test_subscription_token_uses_its_own_secret_when_configured(make_backend) -> None:
    backend = make_backend(subscription_token_secret="another-secret-of-at-least-32-bytes")
    backend.sign_in()
    token = backend.post("/api/v1/centrifugo/subscription-token", {"channel": f"org:{CLINIC.id}:messages"}).json()[
        "token"
    ]
    assert _decode(token, "another-secret-of-at-least-32-bytes")["channel"] == f"org:{CLINIC.id}:messages"
    with pytest.raises(jwt.InvalidSignatureError):
        _decode(token)


@pytest.mark.parametrize(
    "channel",
    [f"org:{BOUTIQUE.id}:messages", "org:someone-else:messages", f"{CLINIC.id}:messages", f"org.{CLINIC.id}.messages"],
)
def test_subscription_token_refused_for_other_channels(demo: Backend, channel: str) -> None:
    response = demo.post("/api/v1/centrifugo/subscription-token", {"channel": channel}, org=CLINIC.id)
    assert response.status_code == 403
    assert "error" in response.json()


def test_subscription_token_follows_channel_template(make_backend) -> None:
    backend = make_backend(messages_channel="org.{org}.messages", tickets_channel="org.{org}.tickets")
    backend.sign_in()
    assert (
        backend.post("/api/v1/centrifugo/subscription-token", {"channel": f"org.{CLINIC.id}.messages"}).status_code
        == 200
    )
    assert (
        backend.post("/api/v1/centrifugo/subscription-token", {"channel": f"org:{CLINIC.id}:messages"}).status_code
        == 403
    )


def test_subscription_token_validation_and_auth(backend: Backend) -> None:
    assert backend.post("/api/v1/centrifugo/subscription-token", {"channel": "x"}).status_code == 401
    backend.sign_in()
    response = backend.post("/api/v1/centrifugo/subscription-token", {})
    assert response.status_code == 400 and "error" in response.json()


def test_token_fault_file_injects_a_status_while_it_exists(make_backend, tmp_path) -> None:
    fault = tmp_path / "token-fault"
    backend = make_backend(token_fault_file=str(fault))
    backend.sign_in()
    assert backend.get("/api/v1/centrifugo/token").status_code == 200
    fault.write_text("500")
    response = backend.get("/api/v1/centrifugo/token")
    assert response.status_code == 500
    assert "error" in response.json()
    fault.write_text("503\n")
    assert backend.get("/api/v1/centrifugo/token").status_code == 503
    fault.unlink()
    assert backend.get("/api/v1/centrifugo/token").status_code == 200
