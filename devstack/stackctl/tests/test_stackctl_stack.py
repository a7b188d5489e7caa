"""devstack/up and devstack/down against the real servers (Centrifugo, nginx, Redis)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import socket
import ssl
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from conftest import needs_servers, stackctl
from stackctl import common, processes, up
from stackctl.paths import RunDir

pytestmark = needs_servers

STACK_KEYS = {
    "profile",
    "engine",
    "backend_url",
    "https_url",
    "centrifugo_ws_url",
    "centrifugo_wss_url",
    "centrifugo_api_url",
    "centrifugo_api_key",
    "ca_cert",
    "messages_channel",
    "tickets_channel",
    "webhook_secret",
    "demo",
    "pids",
    "centrifugo_nodes",
}


def _up(run: RunDir, *extra: str) -> dict[str, Any]:
    result = stackctl("up", "--run-dir", str(run.root), "--no-backend", *extra)
    assert result.returncode == 0, f"up failed:\n{result.stdout}\n{result.stderr}"
    info: dict[str, Any] = json.loads(run.stack_json.read_text())
    return info


def _alive(pid: int) -> bool:
    return processes.read_proc(pid) is not None


def _assert_nothing_left(run: RunDir, pids: list[int]) -> None:
    assert not [p for p in pids if _alive(p)], "a server of the run is still alive"
    leftovers = processes.find_run_processes(run, set(pids))
    assert not leftovers, "processes of the run left: " + "; ".join(p.describe() for p in leftovers)
    assert not list(run.pids.glob("*.pid")), "pid files left behind"


# ----------------------------------------------------------------- minimal WebSocket client


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _hs256_jwt(secret: str, claims: dict[str, Any]) -> str:
    """A connection token as the backend would mint it (HS256)."""
    head = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = _b64url(json.dumps(claims).encode())
    sig = hmac.new(secret.encode(), f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{_b64url(sig)}"


class RawWebSocket:
    """Just enough RFC 6455 to speak Centrifugo's JSON protocol over nginx's TLS."""

    def __init__(self, url_host: str, port: int, path: str, cafile: str) -> None:
        context = ssl.create_default_context(cafile=cafile)
        raw = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock = context.wrap_socket(raw, server_hostname=url_host)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET {path} HTTP/1.1\r\nHost: {url_host}:{port}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                "Sec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        self.reader: BinaryIO = self.sock.makefile("rb")
        self.status_line = self.reader.readline().decode().strip()
        self.headers: dict[str, str] = {}
        while line := self.reader.readline().decode().strip():
            name, _, value = line.partition(":")
            self.headers[name.strip().lower()] = value.strip()
        expected = base64.b64encode(
            hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()
        ).decode()
        self.accept_ok = self.headers.get("sec-websocket-accept") == expected

    def send_json(self, message: dict[str, Any]) -> None:
        payload = json.dumps(message).encode()
        mask = os.urandom(4)
        header = bytearray([0x81])
        if len(payload) < 126:
            header.append(0x80 | len(payload))
        else:
            header.append(0x80 | 126)
            header += len(payload).to_bytes(2, "big")
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes(header) + mask + masked)

    def recv_json(self) -> list[dict[str, Any]]:
        """One text frame; Centrifugo may batch several JSON replies in it, one per line."""
        first, second = self.reader.read(2)
        assert first & 0x0F == 0x1, f"expected a text frame, got opcode {first & 0x0F}"
        length = second & 0x7F
        if length == 126:
            length = int.from_bytes(self.reader.read(2), "big")
        elif length == 127:
            length = int.from_bytes(self.reader.read(8), "big")
        data = self.reader.read(length).decode()
        return [json.loads(line) for line in data.splitlines() if line.strip()]

    def close(self) -> None:
        self.reader.close()
        self.sock.close()


def _reply(ws: RawWebSocket, command_id: int) -> dict[str, Any]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for message in ws.recv_json():
            if message.get("id") == command_id:
                return message
    raise AssertionError(f"no reply to command {command_id}")


def _wss_session(stack_info: dict[str, Any], run: RunDir) -> RawWebSocket:
    port = int(stack_info["https_url"].rsplit(":", 1)[1])
    ws = RawWebSocket("localhost", port, "/connection/websocket", stack_info["ca_cert"])
    assert ws.status_line.startswith("HTTP/1.1 101"), ws.status_line
    assert ws.accept_ok
    secret = json.loads(run.centrifugo_config.read_text())["client"]["token"]["hmac_secret_key"]
    ws.send_json(
        {
            "id": 1,
            "connect": {
                "token": _hs256_jwt(secret, {"sub": "agent-1", "exp": int(time.time()) + 300}),
                "name": "stackctl-test",
            },
        }
    )
    connected = _reply(ws, 1)
    assert "client" in connected.get("connect", {}), connected
    return ws


# ----------------------------------------------------------------- tests


def test_up_then_down_leaves_nothing_running(run_dir: RunDir) -> None:
    info = _up(run_dir, "--engine", "redis")
    assert set(info) == STACK_KEYS
    assert stat.S_IMODE(run_dir.stack_json.stat().st_mode) == 0o600
    assert set(info["pids"]) == {"redis", "centrifugo", "nginx"}
    assert all(_alive(pid) for pid in info["pids"].values())
    assert info["engine"] == "redis" and info["profile"] == "whatrack"
    with urllib.request.urlopen(info["centrifugo_api_url"].replace("/api", "/health"), timeout=5) as response:
        assert response.status == 200

    result = stackctl("down", "--run-dir", str(run_dir.root))
    assert result.returncode == 0, result.stderr
    assert "nothing left running" in result.stdout
    _assert_nothing_left(run_dir, list(info["pids"].values()))
    assert not run_dir.stack_json.exists()


def test_broken_centrifugo_config_fails_with_log_tail_and_stops_everything(run_dir: RunDir) -> None:
    result = stackctl(
        "up",
        "--run-dir",
        str(run_dir.root),
        "--no-backend",
        "--engine",
        "redis",
        "--centrifugo-set",
        'client.ping_interval="1s"',
    )
    assert result.returncode == common.EXIT_FAILED
    assert "centrifugo exited with code" in result.stderr
    assert f"last {common.LOG_TAIL_LINES} lines of {run_dir.log('centrifugo')}" in result.stderr
    assert "ping_interval must be greater than pong_timeout" in result.stderr
    assert not run_dir.stack_json.exists()
    # Redis had started before Centrifugo failed: it must be gone too.
    assert "redis" in run_dir.log("redis").read_text().lower()
    _assert_nothing_left(run_dir, [])


def test_wss_through_nginx_with_the_run_ca_reaches_centrifugo(run_dir: RunDir) -> None:
    info = _up(run_dir)
    ws = _wss_session(info, run_dir)
    try:
        channel = info["messages_channel"].replace("{org}", "org_test")
        ws.send_json({"id": 2, "subscribe": {"channel": channel}})
        assert "error" not in _reply(ws, 2)

        request = urllib.request.Request(
            info["centrifugo_api_url"] + "/publish",
            method="POST",
            data=json.dumps({"channel": channel, "data": {"text": "hello"}}).encode(),
            headers={"X-API-Key": info["centrifugo_api_key"], "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            assert "error" not in json.loads(response.read())

        deadline = time.monotonic() + 10
        pushed = None
        while pushed is None and time.monotonic() < deadline:
            pushed = next((m["push"] for m in ws.recv_json() if "push" in m), None)
        assert pushed is not None, "no publication arrived through wss"
        assert pushed["channel"] == channel and pushed["pub"]["data"] == {"text": "hello"}
    finally:
        ws.close()


def test_secure_profile_refuses_subscribe_without_token(run_dir: RunDir) -> None:
    info = _up(run_dir, "--profile", "secure")
    ws = _wss_session(info, run_dir)
    try:
        ws.send_json({"id": 2, "subscribe": {"channel": "org:org_test:messages"}})
        reply = _reply(ws, 2)
        assert reply.get("error", {}).get("code") == 103, reply  # permission denied
    finally:
        ws.close()


def test_up_on_a_running_run_dir_says_so(run_dir: RunDir) -> None:
    info = _up(run_dir)
    again = stackctl("up", "--run-dir", str(run_dir.root), "--no-backend")
    assert again.returncode == common.EXIT_ALREADY_RUNNING
    assert "already running" in again.stderr
    assert all(_alive(pid) for pid in info["pids"].values()), "the running stack must be untouched"


def test_two_concurrent_ups_start_one_stack(run_dir: RunDir) -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(up.__file__).resolve().parents[1]))
    argv = [sys.executable, "-m", "stackctl", "up", "--run-dir", str(run_dir.root), "--no-backend", "--quiet"]
    procs = [
        subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    codes = sorted(p.wait(timeout=120) for p in procs)
    for p in procs:
        p.communicate()
    assert codes[0] == 0 and codes[1] in (common.EXIT_ALREADY_RUNNING, common.EXIT_BUSY), codes
    info = json.loads(run_dir.stack_json.read_text())
    assert all(_alive(pid) for pid in info["pids"].values()), "the winner's stack must be intact"
    assert len(processes.find_run_processes(run_dir)) == 3  # centrifugo, nginx master + worker


def test_down_finds_servers_whose_pid_files_were_lost(run_dir: RunDir) -> None:
    info = _up(run_dir)
    for pidfile in run_dir.pids.glob("*.pid"):
        pidfile.unlink()
    result = stackctl("down", "--run-dir", str(run_dir.root))
    assert result.returncode == 0, result.stderr
    assert "no pid file listed" in result.stdout
    _assert_nothing_left(run_dir, list(info["pids"].values()))


def test_status_reports_each_server(run_dir: RunDir) -> None:
    info = _up(run_dir)
    result = stackctl("status", "--run-dir", str(run_dir.root))
    assert result.returncode == 0
    for name, pid in info["pids"].items():
        assert f"{name:<10} pid {pid:<7} running" in result.stdout


def test_reap_stops_everything_started_under_a_test_session(run_dir: RunDir) -> None:
    session = f"stackctl-test-{os.getpid()}-{time.monotonic_ns()}"
    result = stackctl(
        "up", "--run-dir", str(run_dir.root), "--no-backend", "--quiet", extra_env={"INBOX_TEST_SESSION": session}
    )
    assert result.returncode == 0, result.stderr
    pids = list(json.loads(run_dir.stack_json.read_text())["pids"].values())
    reaped = stackctl("reap", f"INBOX_TEST_SESSION={session}", "--cmdline-contains", f"{run_dir.root}/")
    assert reaped.returncode == 0, reaped.stderr
    assert not [p for p in pids if _alive(p)]
    assert not processes.find_run_processes(run_dir, set(pids))


def test_full_stack_with_backend(run_dir: RunDir) -> None:
    missing = up.backend_available()
    if missing:
        pytest.skip(f"reference backend not available: {missing}")
    result = stackctl("up", "--run-dir", str(run_dir.root))
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    info = json.loads(run_dir.stack_json.read_text())
    assert set(info["pids"]) == {"centrifugo", "backend", "nginx"}
    assert info["demo"]["password"] in result.stdout, "up prints the demo credentials"
    for secret in (info["centrifugo_api_key"], info["webhook_secret"]):
        assert secret not in result.stdout + result.stderr
        backend = processes.read_proc(info["pids"]["backend"])
        assert backend is not None, "the backend runs"
        assert secret not in " ".join(backend.cmdline)
    context = ssl.create_default_context(cafile=info["ca_cert"])
    with urllib.request.urlopen(info["https_url"] + "/api/v1/health", context=context, timeout=5) as response:
        assert response.status == 200
