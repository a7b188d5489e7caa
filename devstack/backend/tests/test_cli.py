"""Command line: options from WHATRACK_* environment variables, openapi output, seed command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from whatrack_ref.cli import parse_args

BACKEND_DIR = Path(__file__).resolve().parents[1]


def test_options_fall_back_to_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHATRACK_TOKEN_SECRET", "from-env")
    monkeypatch.setenv("WHATRACK_TOKEN_TTL", "120")
    monkeypatch.setenv("WHATRACK_DB", "/tmp/env.sqlite")
    monkeypatch.setenv("WHATRACK_SEED", "true")
    monkeypatch.setenv("WHATRACK_MESSAGE_SHAPE", "normalized")
    args = parse_args(["serve"])
    assert (args.token_secret, args.token_ttl, args.db, args.seed, args.message_shape) == (
        "from-env",
        120,
        "/tmp/env.sqlite",
        True,
        "normalized",
    )
    flagged = parse_args(["serve", "--token-ttl", "60"])
    assert flagged.token_ttl == 60  # the command line wins
    # WHATRACK_SEED means "seed the db" to serve; it must not break simulate's integer --seed
    simulate = parse_args(["simulate", "--backend-url", "http://x", "--webhook-secret", "s", "--seed", "7"])
    assert simulate.seed == 7 and simulate.rate == 2.0 and simulate.log_level == "info"


def test_invalid_env_values_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHATRACK_TOKEN_SECRET", "x")
    monkeypatch.setenv("WHATRACK_DB", "/tmp/x.sqlite")
    monkeypatch.setenv("WHATRACK_MESSAGE_SHAPE", "weird")
    with pytest.raises(SystemExit):
        parse_args(["serve"])
    monkeypatch.setenv("WHATRACK_MESSAGE_SHAPE", "ticket-era")
    monkeypatch.setenv("WHATRACK_PORT", "eighty")
    with pytest.raises(SystemExit):
        parse_args(["serve"])


def test_required_options_without_env_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WHATRACK_TOKEN_SECRET", raising=False)
    monkeypatch.delenv("WHATRACK_DB", raising=False)
    with pytest.raises(SystemExit):
        parse_args(["serve"])


@pytest.fixture(scope="module")
def openapi_output() -> str:
    result = subprocess.run(
        [sys.executable, "-m", "whatrack_ref", "openapi"],
        cwd=BACKEND_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


def test_openapi_command_prints_the_document(openapi_output: str) -> None:
    document = json.loads(openapi_output)
    assert document["openapi"].startswith("3.")
    for path in (
        "/api/v1/whatsapp/chats",
        "/api/v1/centrifugo/token",
        "/api/v1/tickets/{ticket_id}/close",
        "/api/v1/whatsapp/webhook",
        "/api/v1/auth/sign-in/email",
    ):
        assert path in document["paths"]


def test_checked_in_openapi_is_current(openapi_output: str) -> None:
    """docs/api/openapi.json must be regenerated when routes change."""
    checked_in = BACKEND_DIR.parents[1] / "docs" / "api" / "openapi.json"
    assert json.loads(checked_in.read_text("utf-8")) == json.loads(openapi_output), (
        "run: python -m whatrack_ref openapi > docs/api/openapi.json"
    )


def test_seed_command(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite"
    run = [sys.executable, "-m", "whatrack_ref", "seed", "--db", str(db)]
    first = subprocess.run(run, cwd=BACKEND_DIR, capture_output=True, text=True, timeout=60, check=True)
    second = subprocess.run(run, cwd=BACKEND_DIR, capture_output=True, text=True, timeout=60, check=True)
    assert first.stdout.strip() == "seeded" and second.stdout.strip() == "already seeded"


def test_demo_info_matches_the_seed(backend) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "whatrack_ref", "demo-info"],
        cwd=BACKEND_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    info = json.loads(result.stdout)
    response = backend.client.post(
        "/api/v1/auth/sign-in/email", json={"email": info["email"], "password": info["password"]}
    )
    assert response.status_code == 200
    listed = backend.client.get("/api/v1/auth/organization/list").json()
    assert [o["id"] for o in listed] == [o["id"] for o in info["organizations"]]
    assert {i["phoneNumberId"] for i in info["instances"]} == {"104857600000001", "104857600000002", "104857600000003"}
