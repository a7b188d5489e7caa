"""Request bodies above `--max-body-bytes` get 413 without being read whole (issue 8).

Before: a 48 MB unsigned webhook was read into memory and only then refused with 403.
"""

from __future__ import annotations

import asyncio
import json
import select
import socket
from collections.abc import Iterator

import pytest

from tests.helpers import CLINIC, WEBHOOK_SECRET, Backend
from tests.procs import Stack, running_stack
from whatrack_ref import metasig

WEBHOOK = "/api/v1/whatsapp/webhook"
MIB = 1024 * 1024


def _assert_413(response, limit: int) -> None:
    assert response.status_code == 413, response.text
    assert response.json() == {"error": f"Request body too large (limit {limit} bytes)", "limit": limit}


def test_default_limit_is_one_mebibyte(backend: Backend) -> None:
    assert backend.settings.max_body_bytes == MIB


def test_declared_oversize_webhook_is_413_before_the_signature_check(backend: Backend) -> None:
    body = b"x" * (MIB + 1)
    _assert_413(backend.client.post(WEBHOOK, content=body), MIB)  # unsigned: was 403 after reading it all
    signed = {metasig.HEADER: metasig.sign(WEBHOOK_SECRET, body)}
    _assert_413(backend.client.post(WEBHOOK, content=body, headers=signed), MIB)


def test_declared_length_is_enough_to_refuse(backend: Backend) -> None:
    # The header alone decides: the 3 bytes actually sent are never looked at.
    response = backend.client.post(WEBHOOK, content=b"abc", headers={"content-length": str(48 * MIB)})
    _assert_413(response, MIB)


def test_streamed_oversize_webhook_is_413(make_backend) -> None:
    backend = make_backend(max_body_bytes=64 * 1024)

    def chunks() -> Iterator[bytes]:  # no length announced: Transfer-Encoding chunked
        for _ in range(20):
            yield b" " * 4096

    response = backend.client.post(WEBHOOK, content=chunks(), headers={metasig.HEADER: "sha256=" + "0" * 64})
    _assert_413(response, 64 * 1024)


def test_streamed_body_is_not_read_past_the_limit(make_backend) -> None:
    """At the ASGI level (TestClient would buffer the whole body first): count what is pulled."""
    backend = make_backend(max_body_bytes=64 * 1024)
    chunk = 4096
    pulled = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal pulled
        pulled += chunk
        return {"type": "http.request", "body": b" " * chunk, "more_body": pulled < 48 * MIB}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": WEBHOOK,
        "raw_path": WEBHOOK.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"x"), (metasig.HEADER.lower().encode(), b"sha256=" + b"0" * 64)],
        "client": ("127.0.0.1", 1234),
        "server": ("x", 80),
    }
    asyncio.run(backend.app(scope, receive, send))
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 413
    assert pulled <= 64 * 1024 + chunk  # stopped one chunk past the limit, not at 48 MiB


def test_streamed_oversize_json_body_is_413_on_json_routes(make_backend) -> None:
    backend = make_backend(max_body_bytes=1000)
    backend.sign_in()
    ticket_id = "00000000-0000-0000-0000-000000000000"

    def chunks() -> Iterator[bytes]:
        yield b'{"closedReason": "'
        for _ in range(100):
            yield b"y" * 100
        yield b'", "reason": "won"}'

    response = backend.client.post(
        f"/api/v1/tickets/{ticket_id}/close",
        content=chunks(),
        headers={"x-organization-id": CLINIC.id, "content-type": "application/json"},
    )
    _assert_413(response, 1000)


def test_bodies_within_the_limit_still_work(make_backend) -> None:
    backend = make_backend(max_body_bytes=2000)
    body = json.dumps({"object": "whatsapp_business_account", "entry": [], "pad": "z" * 1500}).encode()
    assert len(body) < 2000
    response = backend.client.post(WEBHOOK, content=body, headers={metasig.HEADER: metasig.sign(WEBHOOK_SECRET, body)})
    assert response.status_code == 200, response.text


def test_invalid_content_length_is_400(backend: Backend) -> None:
    response = backend.client.post(WEBHOOK, content=b"{}", headers={"content-length": "+2"})
    assert response.status_code == 400 and response.json() == {"error": "Invalid Content-Length header"}


def test_zero_or_negative_limit_is_refused() -> None:
    from whatrack_ref.config import Settings

    for value in (0, -1):
        with pytest.raises(ValueError, match="max_body_bytes"):
            Settings(db_path="x", token_secret="y", max_body_bytes=value)


# -- against a real uvicorn, over a raw socket: proves the body is not read first -------------------


@pytest.fixture(scope="module")
def real_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("bodylimit"), None, ["--max-body-bytes", str(MIB)]) as stack:
        yield stack


def _address(stack: Stack) -> tuple[str, int]:
    host, port = stack.backend_url.removeprefix("http://").split(":")
    return host, int(port)


def _read_response(sock: socket.socket) -> tuple[int, bytes]:
    """Status and body of one HTTP/1.1 response with a Content-Length (what uvicorn sends)."""
    data = b""
    while b"\r\n\r\n" not in data:
        part = sock.recv(65536)
        assert part, f"connection closed before a response: {data!r}"
        data += part
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(v) for k, _, v in (line.partition(":") for line in lines[1:]) if k.lower() == "content-length")
    while len(rest) < length:
        part = sock.recv(65536)
        assert part
        rest += part
    return int(lines[0].split()[1]), rest[:length]


@pytest.mark.integration
def test_real_server_refuses_a_declared_48_mb_body_without_waiting_for_it(real_backend: Stack) -> None:
    with socket.create_connection(_address(real_backend), timeout=10) as sock:
        # Headers only: a server that reads the body first would wait here until the timeout.
        sock.sendall(
            f"POST {WEBHOOK} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {48 * MIB}\r\n\r\n".encode()
        )
        status, body = _read_response(sock)
    assert status == 413
    assert json.loads(body)["limit"] == MIB


@pytest.mark.integration
def test_real_server_stops_reading_a_chunked_body_past_the_limit(real_backend: Stack) -> None:
    chunk = b"x" * 65536
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    sent = 0
    with socket.create_connection(_address(real_backend), timeout=10) as sock:
        sock.sendall(
            f"POST {WEBHOOK} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"{metasig.HEADER}: sha256={'0' * 64}\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
        )
        # Send up to 48 MiB, stopping as soon as the server has answered.
        while sent < 48 * MIB and not select.select([sock], [], [], 0)[0]:
            try:
                sock.sendall(frame)
            except (BrokenPipeError, ConnectionResetError, TimeoutError):  # server stopped reading
                break
            sent += len(chunk)
        status, body = _read_response(sock)
    assert status == 413
    assert json.loads(body)["limit"] == MIB
    # The answer came long before the end: what was sent past the limit sits in socket buffers.
    assert sent < 24 * MIB, sent
