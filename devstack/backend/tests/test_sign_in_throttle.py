"""Sign-in throttling and e-mail enumeration by timing (issue 8, reference backend).

Before: 30 wrong passwords got 30 answers, and an unknown e-mail was answered without a password
hash (5 ms against 155 ms), which told an attacker which e-mails have accounts.
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.helpers import DEMO, OUTSIDER, Backend
from whatrack_ref.cli import _settings_from, parse_args
from whatrack_ref.signin_throttle import DEVICE_COOKIE, SignInThrottle

SIGN_IN = "/api/v1/auth/sign-in/email"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _client(backend: Backend, address: str) -> TestClient:
    """Another client of the same app, seen from `address`."""
    return TestClient(backend.app, client=(address, 40000))


def _attempt(client: TestClient, email: str = DEMO.email, password: str = "wrong-password") -> Any:
    return client.post(SIGN_IN, json={"email": email, "password": password})


def _assert_throttled(response: Any, limit: int = 5) -> int:
    assert response.status_code == 429, response.text
    retry_after = int(response.headers["Retry-After"])
    assert 1 <= retry_after <= 60
    body = response.json()
    assert body["code"] == "TOO_MANY_REQUESTS" and body["limit"] == limit and body["retryAfter"] == retry_after
    assert f"try again in {retry_after} s" in body["error"]
    return retry_after


@pytest.fixture
def clocked(backend: Backend) -> tuple[Backend, FakeClock]:
    """The backend with a throttle on a clock the test moves."""
    clock = FakeClock()
    backend.app.state.sign_in_throttle = SignInThrottle(backend.settings.sign_in_rate_limit, clock=clock)
    return backend, clock


def test_thirty_wrong_passwords_get_five_answers_then_429(backend: Backend) -> None:
    statuses = [_attempt(backend.client).status_code for _ in range(30)]
    assert statuses == [401] * 5 + [429] * 25
    _assert_throttled(_attempt(backend.client))
    # The right password does not get through a throttled client either: no guessing past 429.
    _assert_throttled(_attempt(backend.client, password=DEMO.password))


def test_throttled_attempts_cost_no_password_hash(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real_scrypt = hashlib.scrypt
    monkeypatch.setattr(hashlib, "scrypt", lambda *a, **k: calls.append(1) or real_scrypt(*a, **k))
    for _ in range(12):
        _attempt(backend.client)
    assert len(calls) == 5


def test_per_address_limit_counts_every_email(backend: Backend) -> None:
    client = _client(backend, "198.51.100.7")
    for i in range(5):
        assert _attempt(client, f"nobody{i}@whatrack.test").status_code == 401
    _assert_throttled(_attempt(client, "someone-else@whatrack.test"))
    # Other addresses are not affected.
    assert (
        _client(backend, "198.51.100.8")
        .post(SIGN_IN, json={"email": OUTSIDER.email, "password": OUTSIDER.password})
        .status_code
        == 200
    )


def test_per_email_limit_counts_every_address(backend: Backend) -> None:
    for i in range(5):
        assert _attempt(_client(backend, f"203.0.113.{i}")).status_code == 401
    _assert_throttled(_attempt(_client(backend, "203.0.113.99"), DEMO.email.upper()))  # case-insensitive
    # Other e-mails are not affected.
    assert _attempt(_client(backend, "203.0.113.100"), OUTSIDER.email, OUTSIDER.password).status_code == 200


def test_spoofed_forwarding_headers_do_not_escape_the_address_limit(backend: Backend) -> None:
    client = _client(backend, "198.51.100.20")
    for i in range(5):
        response = client.post(
            SIGN_IN,
            json={"email": f"x{i}@whatrack.test", "password": "p"},
            headers={"x-forwarded-for": f"10.0.0.{i}", "x-real-ip": f"10.0.1.{i}"},
        )
        assert response.status_code == 401
    response = client.post(
        SIGN_IN, json={"email": "y@whatrack.test", "password": "p"}, headers={"x-real-ip": "10.9.9.9"}
    )
    _assert_throttled(response)


def test_proxy_on_loopback_is_believed_for_the_client_address(backend: Backend) -> None:
    # devstack's nginx connects from 127.0.0.1 and sets X-Real-IP to the address it saw.
    proxy = _client(backend, "127.0.0.1")
    for i in range(5):
        assert (
            proxy.post(
                SIGN_IN, json={"email": f"z{i}@whatrack.test", "password": "p"}, headers={"x-real-ip": "192.0.2.1"}
            ).status_code
            == 401
        )
    _assert_throttled(
        proxy.post(SIGN_IN, json={"email": "w@whatrack.test", "password": "p"}, headers={"x-real-ip": "192.0.2.1"})
    )
    other = proxy.post(
        SIGN_IN, json={"email": DEMO.email, "password": DEMO.password}, headers={"x-real-ip": "192.0.2.2"}
    )
    assert other.status_code == 200


def test_an_attacker_cannot_lock_out_a_user_on_a_known_device(backend: Backend) -> None:
    user = _client(backend, "192.0.2.50")
    first = _attempt(user, password=DEMO.password)
    assert first.status_code == 200
    assert DEVICE_COOKIE in first.cookies  # "this client has signed in to this e-mail before"
    assert user.post("/api/v1/auth/sign-out").status_code == 200

    for i in range(20):  # strangers hammer the user's e-mail from many addresses
        _attempt(_client(backend, f"203.0.113.{i}"))
    _assert_throttled(_attempt(_client(backend, "203.0.113.200")))

    # The real user, on the device they signed in with, still gets in (and mistypes count apart).
    assert _attempt(user).status_code == 401
    assert _attempt(user, password=DEMO.password).status_code == 200


def test_a_device_cookie_is_bound_to_its_email(backend: Backend) -> None:
    user = _client(backend, "192.0.2.60")
    cookie = _attempt(user, OUTSIDER.email, OUTSIDER.password).cookies[DEVICE_COOKIE]
    for i in range(5):
        _attempt(_client(backend, f"203.0.113.{i}"))
    attacker = _client(backend, "203.0.113.77")
    attacker.cookies.set(DEVICE_COOKIE, cookie)  # OUTSIDER's device cookie does not unlock DEMO
    _assert_throttled(_attempt(attacker, password=DEMO.password))
    attacker.cookies.set(DEVICE_COOKIE, "forged." + "0" * 64)
    _assert_throttled(_attempt(attacker, password=DEMO.password))


def test_the_lock_ends_after_the_window(clocked: tuple[Backend, FakeClock]) -> None:
    backend, clock = clocked
    for _ in range(5):
        assert _attempt(backend.client).status_code == 401
    retry_after = _assert_throttled(_attempt(backend.client, password=DEMO.password))
    assert retry_after == 60
    clock.now += 30
    assert _assert_throttled(_attempt(backend.client, password=DEMO.password)) == 30
    clock.now += 30
    assert _attempt(backend.client, password=DEMO.password).status_code == 200


def test_successful_sign_ins_do_not_count(backend: Backend) -> None:
    for _ in range(25):  # tests and demos sign in often: never throttled
        backend.sign_in()
    for _ in range(4):
        assert _attempt(backend.client).status_code == 401
    backend.sign_in()
    assert _attempt(backend.client).status_code == 401  # the 5th failure
    _assert_throttled(_attempt(backend.client))


def test_limit_is_configurable_and_zero_turns_it_off(make_backend) -> None:
    off = make_backend(sign_in_rate_limit=0)
    assert [_attempt(off.client).status_code for _ in range(30)] == [401] * 30
    two = make_backend(sign_in_rate_limit=2)
    assert [_attempt(two.client).status_code for _ in range(3)] == [401, 401, 429]
    _assert_throttled(_attempt(two.client), limit=2)


def test_cli_option_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHATRACK_TOKEN_SECRET", "x" * 32)
    monkeypatch.setenv("WHATRACK_DB", "/tmp/x.sqlite")
    assert _settings_from(parse_args(["serve"])).sign_in_rate_limit == 5
    assert _settings_from(parse_args(["serve", "--sign-in-rate-limit", "50"])).sign_in_rate_limit == 50
    monkeypatch.setenv("WHATRACK_SIGN_IN_RATE_LIMIT", "0")
    monkeypatch.setenv("WHATRACK_MAX_BODY_BYTES", "4096")
    settings = _settings_from(parse_args(["serve"]))
    assert (settings.sign_in_rate_limit, settings.max_body_bytes) == (0, 4096)


# -- e-mail enumeration by timing -------------------------------------------------------------


def _scrypt_calls(backend: Backend, monkeypatch: pytest.MonkeyPatch, email: str, password: str) -> list[tuple]:
    """The work parameters of every scrypt run while answering one sign-in."""
    calls: list[tuple] = []
    real_scrypt = hashlib.scrypt

    def counting(password_bytes: bytes, **kwargs: Any) -> bytes:
        calls.append((kwargs["n"], kwargs["r"], kwargs["p"], kwargs["dklen"], len(kwargs["salt"])))
        return real_scrypt(password_bytes, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    response = _attempt(backend.client, email, password)
    monkeypatch.setattr(hashlib, "scrypt", real_scrypt)
    assert response.status_code == 401
    assert response.json()["code"] == "INVALID_EMAIL_OR_PASSWORD"
    return calls


def test_unknown_email_costs_the_same_password_hash_as_a_wrong_password(
    make_backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = make_backend(sign_in_rate_limit=0)
    wrong_password = _scrypt_calls(backend, monkeypatch, DEMO.email, "wrong-password")
    unknown_email = _scrypt_calls(backend, monkeypatch, "nobody@whatrack.test", "wrong-password")
    assert len(wrong_password) == 1
    assert unknown_email == wrong_password  # one scrypt, same n/r/p/dklen/salt size


def test_account_without_password_costs_the_same_too(make_backend, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = make_backend(sign_in_rate_limit=0)
    conn = sqlite3.connect(backend.settings.db_path)
    with conn:
        conn.execute("DELETE FROM account WHERE user_id = ? AND provider_id = 'credential'", (OUTSIDER.id,))
    conn.close()
    expected = _scrypt_calls(backend, monkeypatch, DEMO.email, "wrong-password")
    assert _scrypt_calls(backend, monkeypatch, OUTSIDER.email, OUTSIDER.password) == expected
