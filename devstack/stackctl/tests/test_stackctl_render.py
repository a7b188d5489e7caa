"""Configuration rendering, ports, certificates and seed parsing: no servers started."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
from stackctl import config, ports, seed, tls


def _settings(**overrides: object) -> config.CentrifugoSettings:
    values: dict[str, object] = dict(
        profile="whatrack",
        engine="memory",
        port=18000,
        token_hmac_secret="t" * 64,
        subscription_token_hmac_secret="s" * 64,
        api_key="k" * 48,
    )
    values.update(overrides)
    return config.CentrifugoSettings(**values)  # type: ignore[arg-type]


def _org(cfg: dict[str, Any]) -> dict[str, Any]:
    org: dict[str, Any] = next(ns for ns in cfg["channel"]["namespaces"] if ns["name"] == "org")
    return org


def test_whatrack_profile_is_like_production() -> None:
    cfg = config.render_centrifugo(_settings())
    assert cfg["http_server"] == {"address": "127.0.0.1", "port": 18000}
    assert cfg["client"]["token"]["hmac_secret_key"] == "t" * 64
    assert "subscription_token" not in cfg["client"]
    assert cfg["http_api"]["key"] == "k" * 48
    assert cfg["health"]["enabled"] and cfg["prometheus"]["enabled"]
    org = _org(cfg)
    assert org["allow_subscribe_for_client"] is True
    assert org["history_size"] == 0 and org["force_recovery"] is False
    assert cfg["engine"] == {"type": "memory"}
    assert not any(key.startswith("_") for key in cfg), "template comments must not reach Centrifugo"


def test_secure_profile_requires_subscription_tokens_and_keeps_history() -> None:
    cfg = config.render_centrifugo(_settings(profile="secure", engine="redis", redis_port=16379))
    assert cfg["client"]["subscription_token"] == {"enabled": True, "hmac_secret_key": "s" * 64}
    org = _org(cfg)
    assert org["allow_subscribe_for_client"] is False
    assert (org["history_size"], org["history_ttl"]) == (100, "300s")
    assert org["force_recovery"] is True and org["force_positioning"] is True
    assert cfg["engine"] == {"type": "redis", "redis": {"address": "redis://127.0.0.1:16379"}}


def test_dot_channel_style_applies_org_options_without_namespace() -> None:
    cfg = config.render_centrifugo(_settings(profile="secure", channel_style="dot"))
    without = cfg["channel"]["without_namespace"]
    assert without["history_size"] == 100 and without["allow_subscribe_for_client"] is False
    assert "name" not in without
    assert config.CHANNEL_STYLES["dot"] == ("org.{org}.messages", "org.{org}.tickets")


def test_overrides_reach_nested_keys() -> None:
    key, value = config.parse_override('client.ping_interval="10s"')
    cfg = config.render_centrifugo(_settings(), [(key, value), config.parse_override("log.level=debug")])
    assert cfg["client"]["ping_interval"] == "10s"
    assert cfg["log"]["level"] == "debug"
    with pytest.raises(config.ConfigError):
        config.parse_override("no-equals-sign")


def test_unknown_profile_is_rejected() -> None:
    with pytest.raises(config.ConfigError, match="unknown profile"):
        config.render_centrifugo(_settings(profile="nope"))


def test_nginx_config_proxies_websockets_with_long_timeouts(tmp_path: Path) -> None:
    text = config.render_nginx(
        run_root=tmp_path,
        nginx_dir=tmp_path / "nginx",
        log_dir=tmp_path / "logs",
        port=18443,
        ipv6=True,
        backend_port=18001,
        centrifugo_port=18000,
        server_cert=tmp_path / "s.pem",
        server_key=tmp_path / "s.key",
    )
    assert "daemon off;" in text and f'pid "{tmp_path / "nginx" / "nginx.pid"}";' in text
    assert "listen 127.0.0.1:18443 ssl;" in text and "listen [::1]:18443 ssl;" in text
    api = text[text.index("location /api/") : text.index("location /connection/")]
    ws = text[text.index("location /connection/") :]
    assert "proxy_pass http://127.0.0.1:18001;" in api
    assert "proxy_pass http://127.0.0.1:18000;" in ws
    for directive in (
        "proxy_http_version 1.1;",
        "proxy_set_header Upgrade $http_upgrade;",
        "proxy_set_header Connection $connection_upgrade;",
        "proxy_buffering off;",
        "proxy_read_timeout 120s;",
    ):
        assert directive in ws


def test_free_ports_are_distinct_and_bindable() -> None:
    picked = ports.pick_free_ports(["a", "b", "c", "d"])
    assert len(set(picked.values())) == 4
    for port in picked.values():
        with socket.socket() as s:
            s.bind(("127.0.0.1", port))


def test_certificate_verifies_for_localhost_and_ip_with_the_run_ca(tmp_path: Path) -> None:
    files = tls.make_certificates(tmp_path / "tls", ipv6=False)
    assert not (tmp_path / "tls" / "ca.key").exists(), "the CA key must not outlive signing"
    assert oct(files.server_key.stat().st_mode & 0o777) == "0o600"

    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(files.server_cert, files.server_key)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        for _ in range(2):
            conn, _addr = listener.accept()
            try:
                with server_ctx.wrap_socket(conn, server_side=True):
                    pass
            except (ssl.SSLError, OSError):
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    client_ctx = ssl.create_default_context(cafile=str(files.ca_cert))
    for host in ("localhost", "127.0.0.1"):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
            with client_ctx.wrap_socket(raw, server_hostname=host) as tls_sock:
                assert tls_sock.version() is not None
    thread.join(timeout=5)
    listener.close()

    # The system trust store does not know the per-run CA.
    text = subprocess.run(["openssl", "verify", str(files.server_cert)], capture_output=True, text=True)
    assert text.returncode != 0


def test_seed_constants_are_parsed_without_importing(tmp_path: Path) -> None:
    constants = tmp_path / "seed_constants.py"
    constants.write_text(
        "import does_not_exist  # never executed: the file is parsed, not imported\n"
        "DEMO_EMAIL = 'agent@example.com'\n"
        "DEMO_PASSWORD: str = 'demo-password'\n"
        "DEMO_ORGANIZATIONS = [{'id': 'org_1', 'name': 'Acme'}, {'id': 'org_2', 'name': 'Beta'}]\n"
    )
    demo, note = seed.demo_credentials(constants)
    assert note is None
    assert demo == {
        "email": "agent@example.com",
        "password": "demo-password",
        "organizations": [{"id": "org_1", "name": "Acme"}, {"id": "org_2", "name": "Beta"}],
    }


def test_missing_seed_constants_give_placeholders_and_a_note(tmp_path: Path) -> None:
    demo, note = seed.demo_credentials(tmp_path / "absent.py")
    assert demo["email"] == seed.PLACEHOLDER and note and "does not exist" in note
    json.dumps(demo)
