"""devstack/up --cluster N: the rendered configs, and two real nodes behind nginx losing one."""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.request
from pathlib import Path
from typing import Any

from conftest import needs_servers, stackctl
from stackctl import cluster, config, processes
from stackctl.paths import RunDir
from test_stackctl_stack import _reply, _up, _wss_session


def _nginx(tmp_path: Path, **extra: Any) -> str:
    return config.render_nginx(
        run_root=tmp_path,
        nginx_dir=tmp_path / "nginx",
        log_dir=tmp_path / "logs",
        port=18443,
        ipv6=False,
        backend_port=18001,
        centrifugo_port=18000,
        server_cert=tmp_path / "s.pem",
        server_key=tmp_path / "s.key",
        **extra,
    )


def test_cluster_nginx_spreads_websockets_and_the_api_over_every_node(tmp_path: Path) -> None:
    text = _nginx(tmp_path, more_centrifugo_ports=(18002,), api_port=18003)
    upstream = text[text.index("upstream centrifugo_nodes {") : text.index("map $http_upgrade")]
    assert "server 127.0.0.1:18000 " in upstream and "server 127.0.0.1:18002 " in upstream
    ws = text[text.index("location /connection/") :]
    assert "proxy_pass http://centrifugo_nodes;" in ws
    # A dead node is skipped at connect time, so the client's reconnect lands on a live one.
    assert "proxy_next_upstream error timeout;" in ws and "proxy_connect_timeout 2s;" in ws
    api = text[text.index("listen 127.0.0.1:18003;") :]
    assert "location /api {" in api and "proxy_pass http://centrifugo_nodes;" in api
    assert "ssl" not in api.split("}")[0]  # loopback plain HTTP, like a node's own API port


def test_single_node_nginx_is_unchanged(tmp_path: Path) -> None:
    text = _nginx(tmp_path)
    assert "upstream" not in text and "proxy_pass http://127.0.0.1:18000;" in text


def test_every_node_gets_its_port_and_name(tmp_path: Path) -> None:
    run = RunDir.at(tmp_path / "run")
    run.root.mkdir()
    port = {"centrifugo": 18000, "centrifugo2": 18002, cluster.API_PORT: 18003}
    settings = config.CentrifugoSettings(
        profile="whatrack",
        engine="redis",
        port=0,
        token_hmac_secret="t" * 64,
        subscription_token_hmac_secret="s" * 64,
        api_key="k" * 48,
        redis_port=16379,
    )
    cluster.write_configs(run, 2, port, settings, [("client.ping_interval", "5s")])
    first = json.loads(run.node_config("centrifugo").read_text())
    second = json.loads(run.node_config("centrifugo2").read_text())
    assert (first["http_server"]["port"], second["http_server"]["port"]) == (18000, 18002)
    assert (first["node"]["name"], second["node"]["name"]) == ("centrifugo", "centrifugo2")
    assert first["engine"] == second["engine"] == {"type": "redis", "redis": {"address": "redis://127.0.0.1:16379"}}
    assert first["client"]["ping_interval"] == second["client"]["ping_interval"] == "5s"
    assert cluster.api_url(2, port) == "http://127.0.0.1:18003/api"


def test_cluster_refuses_the_memory_engine(tmp_path: Path) -> None:
    assert cluster.check(2, "memory") is not None and cluster.check(2, "redis") is None
    assert cluster.check(9, "redis") is not None
    result = stackctl("up", "--run-dir", str(tmp_path / "run"), "--cluster", "2", "--engine", "memory")
    assert result.returncode == 2
    assert "needs the Redis engine" in result.stderr


def _api(info: dict[str, Any], method: str, params: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{info['centrifugo_api_url']}/{method}",
        method="POST",
        data=json.dumps(params).encode(),
        headers={"X-API-Key": info["centrifugo_api_key"], "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        answer: dict[str, Any] = json.loads(response.read())
    return answer


def _websocket_clients(node: dict[str, Any]) -> int:
    """The node's own count of open WebSocket connections (updated at once, unlike num_clients)."""
    with urllib.request.urlopen(node["metrics_url"], timeout=5) as response:
        text = response.read().decode()
    return sum(
        int(float(line.rsplit(" ", 1)[1]))
        for line in text.splitlines()
        if line.startswith("centrifugo_client_connections_inflight{") and 'transport="websocket"' in line
    )


@needs_servers
def test_two_nodes_behind_nginx_survive_the_loss_of_one(run_dir: RunDir) -> None:
    info = _up(run_dir, "--cluster", "2")
    nodes = info["centrifugo_nodes"]
    assert info["engine"] == "redis" and [n["name"] for n in nodes] == ["centrifugo", "centrifugo2"]
    assert all(processes.read_proc(n["pid"]) is not None for n in nodes)
    assert set(info["pids"]) == {"redis", "centrifugo", "centrifugo2", "nginx"}
    listed = {n["name"] for n in _api(info, "info", {})["result"]["nodes"]}
    assert listed == {"centrifugo", "centrifugo2"}, "the nodes do not see each other through Redis"

    ws = _wss_session(info, run_dir)
    try:
        on = [n for n in nodes if _websocket_clients(n) == 1]
        assert len(on) == 1, "exactly one node holds the connection"
        os.kill(on[0]["pid"], signal.SIGKILL)
    finally:
        ws.close()

    # Both round-robin picks of nginx now land on the live node, and publishing through the API
    # listener still reaches a subscriber.
    channel = info["messages_channel"].replace("{org}", "org_test")
    for attempt in range(2):
        ws = _wss_session(info, run_dir)
        try:
            ws.send_json({"id": 2, "subscribe": {"channel": channel}})
            assert "error" not in _reply(ws, 2)
            assert "error" not in _api(info, "publish", {"channel": channel, "data": {"n": attempt}})
            deadline = time.monotonic() + 10
            pushed = None
            while pushed is None and time.monotonic() < deadline:
                pushed = next((m["push"] for m in ws.recv_json() if "push" in m), None)
            assert pushed is not None and pushed["pub"]["data"] == {"n": attempt}
        finally:
            ws.close()
