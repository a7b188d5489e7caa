"""The traffic simulator against a real backend process: bounded runs and clean signal stops."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.helpers import CLINIC, DEMO
from tests.procs import BACKEND_DIR, ManagedProcess, Stack, running_stack

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def backend_only(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("sim"), None) as stack:
        yield stack


def _simulate_argv(stack: Stack, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "whatrack_ref",
        "simulate",
        "--backend-url",
        stack.backend_url,
        "--webhook-secret",
        stack.webhook_secret,
        *extra,
    ]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(BACKEND_DIR)}


def test_bounded_run_sends_signed_traffic_and_ticket_changes(backend_only: Stack) -> None:
    with httpx.Client(base_url=backend_only.backend_url) as http:
        http.post("/api/v1/auth/sign-in/email", json={"email": DEMO.email, "password": DEMO.password})
        before = {
            c["id"]: c["lastMessageAt"]
            for c in http.get("/api/v1/whatsapp/chats", headers={"x-organization-id": CLINIC.id}).json()["items"]
        }
        started = time.monotonic()
        result = subprocess.run(
            _simulate_argv(
                backend_only,
                "--rate",
                "40",
                "--duration",
                "2",
                "--email",
                DEMO.email,
                "--password",
                DEMO.password,
                "--seed",
                "3",
            ),
            cwd=BACKEND_DIR,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert time.monotonic() - started < 30
        summary = json.loads(result.stdout.strip().splitlines()[-1])
        assert summary["webhooks"] > 20 and summary.get("webhook_rejected", 0) == 0
        assert summary.get("http_errors", 0) == 0
        assert summary["inbound"] > 0 and summary["echo"] > 0 and summary["statuses"] > 0
        assert summary.get("ticket_patch", 0) + summary.get("ticket_close", 0) > 0
        assert not any(key.endswith("_error") for key in summary)
        after = http.get("/api/v1/whatsapp/chats", headers={"x-organization-id": CLINIC.id}).json()["items"]
        assert any(before.get(c["id"]) != c["lastMessageAt"] for c in after)  # the inbox moved


def test_sigterm_stops_an_unbounded_run_cleanly(backend_only: Stack, tmp_path) -> None:
    sim = ManagedProcess(
        "simulator", _simulate_argv(backend_only, "--rate", "20"), tmp_path, env=_env(), cwd=BACKEND_DIR
    )
    with httpx.Client(base_url=backend_only.backend_url) as http:
        queued_before = http.get("/api/v1/dev/publish-stats").json()["queued"]
        sim.start()
        try:
            deadline = time.monotonic() + 20
            while http.get("/api/v1/dev/publish-stats").json()["queued"] <= queued_before:
                assert sim.alive(), sim.log_tail()
                assert time.monotonic() < deadline, "simulator sent nothing"
                time.sleep(0.05)
            assert sim.proc is not None
            os.killpg(sim.proc.pid, signal.SIGTERM)
            assert sim.proc.wait(10) == 0
            summary = json.loads(_last_json(sim))
            assert summary["webhooks"] > 0
        finally:
            sim.stop()


def _last_json(proc: ManagedProcess) -> str:
    """The summary line (stdout and stderr share the log file)."""
    for line in reversed(proc.log_path.read_text("utf-8").splitlines()):
        if line.startswith("{"):
            return line
    raise AssertionError(f"no summary in simulator output:\n{proc.log_tail()}")
