"""Real-server plumbing for integration tests: free ports, managed subprocesses, readiness.

Every process runs in its own session (process group) so `stop()` reaches children too, and
fixtures stop processes in `finally` blocks so nothing survives a failing test.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

BACKEND_DIR = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A currently free TCP port on 127.0.0.1 (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def centrifugo_binary() -> str:
    """INBOX_CENTRIFUGO, else scripts/bootstrap's cache path, else `centrifugo` on PATH.

    Fails if there is none: a skipped integration test would hide a broken set-up.
    """
    candidates = [
        os.environ.get("INBOX_CENTRIFUGO"),
        str(Path.home() / ".cache/whatrack-inbox/tools/bin/centrifugo"),
        shutil.which("centrifugo"),
    ]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail("Centrifugo binary not found: run scripts/bootstrap (or set INBOX_CENTRIFUGO)")
    raise AssertionError("unreachable")


class ManagedProcess:
    """A subprocess with its output in a log file, stopped by process group."""

    def __init__(
        self, name: str, argv: list[str], log_dir: Path, env: dict[str, str] | None = None, cwd: Path | None = None
    ):
        self.name = name
        self.argv = argv
        self.log_path = log_dir / f"{name}.log"
        self.env = env
        self.cwd = cwd
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ManagedProcess:
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                self.argv, stdout=log, stderr=subprocess.STDOUT, env=self.env, cwd=self.cwd, start_new_session=True
            )
        return self

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout: float = 10.0) -> int | None:
        """SIGTERM the group, wait, then SIGKILL. Returns the exit code."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            _signal_group(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                _signal_group(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        _signal_group(self.proc.pid, signal.SIGKILL)  # leftovers in the group, if any
        return self.proc.returncode

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text("utf-8", "replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _signal_group(pid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def wait_until_healthy(url: str, proc: ManagedProcess, timeout: float = 30.0) -> None:
    """Poll `url` until it answers 200; fail early (with the log) if the process dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not proc.alive():
            pytest.fail(f"{proc.name} exited early:\n{proc.log_tail()}")
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)  # polling interval, bounded by the deadline
    pytest.fail(f"{proc.name} not healthy within {timeout}s:\n{proc.log_tail()}")


@dataclass
class Stack:
    """A running Centrifugo (optional) and backend, with what tests need to talk to them."""

    backend_url: str
    ws_url: str | None
    webhook_secret: str
    processes: list[ManagedProcess]


def centrifugo_config(profile: str, port: int, token_secret: str, sub_secret: str, api_key: str) -> dict[str, Any]:
    """Centrifugo v6 config for the `whatrack` (open namespace) or `secure` (sub tokens) profile."""
    namespace: dict[str, Any] = {"name": "org"}
    client: dict[str, Any] = {"token": {"hmac_secret_key": token_secret}}
    if profile == "whatrack":
        namespace["allow_subscribe_for_client"] = True
    else:
        namespace.update(allow_subscribe_for_client=False, history_size=100, history_ttl="300s", force_recovery=True)
        client["subscription_token"] = {"enabled": True, "hmac_secret_key": sub_secret}
    return {
        "http_server": {"address": "127.0.0.1", "port": port},
        "client": client,
        "http_api": {"key": api_key},
        "health": {"enabled": True},
        "log": {"level": "info"},
        "channel": {"namespaces": [namespace]},
    }


@contextmanager
def running_stack(tmp: Path, profile: str | None, extra_backend_args: list[str] | None = None) -> Iterator[Stack]:
    """Start Centrifugo (`profile` None: none) and a seeded backend; stop both whatever happens."""
    token_secret, sub_secret = "it-token-secret-" + "x" * 24, "it-sub-secret-" + "y" * 24
    api_key, webhook_secret = "it-api-key", "it-webhook-secret"
    processes: list[ManagedProcess] = []
    try:
        env = {
            **os.environ,
            "WHATRACK_TOKEN_SECRET": token_secret,
            "WHATRACK_WEBHOOK_SECRET": webhook_secret,
            "WHATRACK_SUBSCRIPTION_TOKEN_SECRET": sub_secret,
            "PYTHONPATH": str(BACKEND_DIR),
        }
        ws_url = None
        backend_args = ["--db", str(tmp / "backend.sqlite"), "--seed", "--token-rate-limit", "100"]
        if profile is not None:
            binary = centrifugo_binary()
            cport = free_port()
            config = tmp / f"centrifugo-{profile}.json"
            config.write_text(json.dumps(centrifugo_config(profile, cport, token_secret, sub_secret, api_key)))
            centrifugo = ManagedProcess("centrifugo", [binary, "--config", str(config)], tmp).start()
            processes.append(centrifugo)
            wait_until_healthy(f"http://127.0.0.1:{cport}/health", centrifugo)
            ws_url = f"ws://127.0.0.1:{cport}/connection/websocket"
            env["WHATRACK_CENTRIFUGO_API_KEY"] = api_key
            backend_args += ["--centrifugo-api-url", f"http://127.0.0.1:{cport}/api"]
        bport = free_port()
        backend = ManagedProcess(
            "backend",
            [
                sys.executable,
                "-m",
                "whatrack_ref",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(bport),
                *backend_args,
                *(extra_backend_args or []),
            ],
            tmp,
            env=env,
            cwd=BACKEND_DIR,
        ).start()
        processes.append(backend)
        backend_url = f"http://127.0.0.1:{bport}"
        wait_until_healthy(f"{backend_url}/api/v1/health", backend)
        yield Stack(backend_url, ws_url, webhook_secret, processes)
    finally:
        for proc in reversed(processes):
            proc.stop()
