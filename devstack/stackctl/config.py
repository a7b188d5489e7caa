"""Renders the per-run server configurations: Centrifugo (from a template), nginx and Redis.

Rendering is pure (strings in, strings out) so the tests can check what a profile means
without starting anything.
"""

from __future__ import annotations

import copy
import getpass
import grp
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .paths import TEMPLATE_DIR

PROFILES = ("whatrack", "secure")
ENGINES = ("memory", "redis")
CHANNEL_STYLES = {
    # colon: `org` is a Centrifugo namespace (what production uses).
    "colon": ("org:{org}:messages", "org:{org}:tickets"),
    # dot: no namespace; the org namespace's options are copied to `channel.without_namespace`.
    "dot": ("org.{org}.messages", "org.{org}.tickets"),
}


class ConfigError(ValueError):
    """A template or an override is malformed; the message names which and why."""


@dataclass(frozen=True)
class CentrifugoSettings:
    """Everything that differs between runs of the same profile."""

    profile: str
    engine: str
    port: int
    token_hmac_secret: str
    subscription_token_hmac_secret: str
    api_key: str
    redis_port: int | None = None
    channel_style: str = "colon"
    #: Set for the nodes of a cluster (`--cluster N`): each node's `node.name`, which
    #: Centrifugo's `info` API lists, so a log or a test can tell the nodes apart.
    node_name: str | None = None


def _substitute(node: Any, values: dict[str, Any]) -> Any:
    """Replace every string that is exactly "{{name}}" by values[name] (any JSON type)."""
    if isinstance(node, dict):
        return {k: _substitute(v, values) for k, v in node.items()}
    if isinstance(node, list):
        return [_substitute(v, values) for v in node]
    if isinstance(node, str) and node.startswith("{{") and node.endswith("}}"):
        name = node[2:-2].strip()
        if name not in values:
            raise ConfigError(f"template placeholder {node} has no value")
        return values[name]
    return node


def _strip_comments(node: dict[str, Any]) -> dict[str, Any]:
    """Drop "_comment"-style keys: Centrifugo would log a warning for each unknown key."""
    return {k: v for k, v in node.items() if not k.startswith("_")}


def set_dotted(config: dict[str, Any], dotted_key: str, value: Any) -> None:
    """config["a"]["b"]["c"] = value for "a.b.c", creating objects on the way."""
    parts = dotted_key.split(".")
    node = config
    for part in parts[:-1]:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise ConfigError(f"cannot set {dotted_key}: {part} is not an object")
        node = child
    node[parts[-1]] = value


def parse_override(text: str) -> tuple[str, Any]:
    """Parse a `--centrifugo-set KEY=JSON` option (a bare word that is not JSON is a string)."""
    key, sep, raw = text.partition("=")
    if not sep or not key:
        raise ConfigError(f"--centrifugo-set expects KEY=JSON, got {text!r}")
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return key.strip(), value


def render_centrifugo(
    settings: CentrifugoSettings,
    overrides: list[tuple[str, Any]] | None = None,
    template_dir: Path = TEMPLATE_DIR,
) -> dict[str, Any]:
    """The Centrifugo v6 config for one run, as a dict (written with json.dumps)."""
    if settings.profile not in PROFILES:
        raise ConfigError(f"unknown profile {settings.profile!r} (expected one of {PROFILES})")
    if settings.engine not in ENGINES:
        raise ConfigError(f"unknown engine {settings.engine!r} (expected one of {ENGINES})")
    template_path = template_dir / f"{settings.profile}.json"
    try:
        template = json.loads(template_path.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read Centrifugo template {template_path}: {exc}") from exc

    engine: dict[str, Any] = {"type": settings.engine}
    if settings.engine == "redis":
        if settings.redis_port is None:
            raise ConfigError("engine redis needs a Redis port")
        engine["redis"] = {"address": f"redis://127.0.0.1:{settings.redis_port}"}

    config = _strip_comments(
        _substitute(
            template,
            {
                "port": settings.port,
                "token_hmac_secret": settings.token_hmac_secret,
                "subscription_token_hmac_secret": settings.subscription_token_hmac_secret,
                "api_key": settings.api_key,
                "engine": engine,
            },
        )
    )

    if settings.channel_style == "dot":
        namespaces = config.get("channel", {}).get("namespaces", [])
        org = next((ns for ns in namespaces if ns.get("name") == "org"), None)
        if org is None:
            raise ConfigError(f"{template_path} has no 'org' namespace to copy for dot channels")
        without = {k: copy.deepcopy(v) for k, v in org.items() if k != "name"}
        config["channel"]["without_namespace"] = without
    elif settings.channel_style != "colon":
        raise ConfigError(f"unknown channel style {settings.channel_style!r}")

    if settings.node_name:
        config["node"] = {"name": settings.node_name}
    for key, value in overrides or []:
        set_dotted(config, key, value)
    return config


def _q(path: Path) -> str:
    """A path as a quoted nginx/redis string, so a run dir with spaces still works."""
    text = str(path)
    if any(c in text for c in '"\\\n'):
        raise ConfigError(f"unsupported character in path {text!r}")
    return f'"{text}"'


def render_nginx(
    *,
    run_root: Path,
    nginx_dir: Path,
    log_dir: Path,
    port: int,
    ipv6: bool,
    backend_port: int,
    centrifugo_port: int,
    server_cert: Path,
    server_key: Path,
    more_centrifugo_ports: tuple[int, ...] = (),
    api_port: int | None = None,
) -> str:
    """nginx as the TLS front: /api/ to the backend, /connection/ to Centrifugo.

    With `more_centrifugo_ports` (a cluster, `--cluster N`) /connection/ goes to an upstream
    of every node, and `api_port` opens a plain-HTTP loopback listener that spreads
    Centrifugo's server API (/api) over the same nodes: the backend and the tests publish
    through it, so a dead node costs neither a WebSocket nor a publish more than one retry.

    Runs in the foreground (`daemon off`) as the current user with every path (pid, temp,
    logs) inside the run directory, so it needs no root and touches nothing of the system's
    nginx. The proxy settings are the ones Centrifugo documents for WebSocket behind nginx;
    proxy_read_timeout is well above Centrifugo's 25 s ping interval.
    """
    user_line = ""
    if os.geteuid() == 0:
        # As root nginx would switch its workers to 'nobody', who cannot read the run dir.
        user_line = f"user {getpass.getuser()} {grp.getgrgid(os.getegid()).gr_name};\n"
    tmp = nginx_dir / "tmp"
    listen = f"        listen 127.0.0.1:{port} ssl;\n"
    if ipv6:
        listen += f"        listen [::1]:{port} ssl;\n"
    proxy_common = (
        "            proxy_http_version 1.1;\n"
        "            proxy_set_header Upgrade $http_upgrade;\n"
        "            proxy_set_header Connection $connection_upgrade;\n"
        "            proxy_set_header Host $http_host;\n"
        "            proxy_set_header X-Real-IP $remote_addr;\n"
        "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
        "            proxy_set_header X-Forwarded-Proto https;\n"
        "            proxy_buffering off;\n"
        "            proxy_read_timeout 120s;\n"
        "            proxy_send_timeout 120s;\n"
    )
    ws_target = f"http://127.0.0.1:{centrifugo_port}"
    upstream = api_server = ""
    if more_centrifugo_ports:
        ws_target, upstream = "http://centrifugo_nodes", _nginx_upstream((centrifugo_port, *more_centrifugo_ports))
        # A node that refuses or does not answer within 2 s is skipped for the next one; a
        # failure benches it for 5 s (then nginx tries it again: a restarted node comes back).
        proxy_common += "            proxy_connect_timeout 2s;\n            proxy_next_upstream error timeout;\n"
    if api_port is not None:
        api_server = _nginx_api_server(api_port, ws_target)
    return (
        f"# Generated by devstack/stackctl for run {run_root}; rewritten on every `up`.\n"
        f"{user_line}"
        "daemon off;\n"
        "master_process on;\n"
        "worker_processes 1;\n"
        f"pid {_q(nginx_dir / 'nginx.pid')};\n"
        "error_log stderr info;\n"
        "events { worker_connections 512; }\n"
        "http {\n"
        f"    access_log {_q(log_dir / 'nginx-access.log')};\n"
        f"    client_body_temp_path {_q(tmp / 'client_body')};\n"
        f"    proxy_temp_path {_q(tmp / 'proxy')};\n"
        f"    fastcgi_temp_path {_q(tmp / 'fastcgi')};\n"
        f"    uwsgi_temp_path {_q(tmp / 'uwsgi')};\n"
        f"    scgi_temp_path {_q(tmp / 'scgi')};\n"
        "    client_max_body_size 25m;\n"
        f"{upstream}"
        "    map $http_upgrade $connection_upgrade {\n"
        "        default upgrade;\n"
        "        ''      close;\n"
        "    }\n"
        "    server {\n"
        f"{listen}"
        "        server_name localhost;\n"
        f"        ssl_certificate {_q(server_cert)};\n"
        f"        ssl_certificate_key {_q(server_key)};\n"
        "        ssl_protocols TLSv1.2 TLSv1.3;\n"
        "        location = /_devstack/health {\n"
        "            access_log off;\n"
        "            default_type text/plain;\n"
        '            return 200 "ok\\n";\n'
        "        }\n"
        "        location /api/ {\n"
        f"            proxy_pass http://127.0.0.1:{backend_port};\n"
        f"{proxy_common}"
        "        }\n"
        "        location /connection/ {\n"
        f"            proxy_pass {ws_target};\n"
        f"{proxy_common}"
        "        }\n"
        "    }\n"
        f"{api_server}"
        "}\n"
    )


def _nginx_upstream(node_ports: tuple[int, ...]) -> str:
    servers = "".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n" for p in node_ports)
    return f"    upstream centrifugo_nodes {{\n{servers}    }}\n"


def _nginx_api_server(api_port: int, target: str) -> str:
    """Plain HTTP on loopback only, like each node's own API port; the key travels as a header."""
    return (
        "    server {\n"
        f"        listen 127.0.0.1:{api_port};\n"
        "        location /api {\n"
        f"            proxy_pass {target};\n"
        "            proxy_connect_timeout 2s;\n"
        "            proxy_next_upstream error timeout;\n"
        "        }\n"
        "    }\n"
    )


def nginx_temp_dirs(nginx_dir: Path) -> list[Path]:
    """The temp directories render_nginx points at (nginx will not create missing parents)."""
    tmp = nginx_dir / "tmp"
    return [tmp / d for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")]


def render_redis(*, port: int, data_dir: Path) -> str:
    """A Redis config without persistence, bound to loopback.

    The process title template includes the config file path: Redis rewrites its title, and
    `down` finds a run's processes partly by the run directory in their command line.
    """
    return (
        "# Generated by devstack/stackctl; rewritten on every `up`.\n"
        f"port {port}\n"
        "bind 127.0.0.1\n"
        "protected-mode yes\n"
        "daemonize no\n"
        'save ""\n'
        "appendonly no\n"
        f"dir {_q(data_dir)}\n"
        'logfile ""\n'
        'proc-title-template "{title} {listen-addr} {server-mode} {config-file}"\n'
    )
