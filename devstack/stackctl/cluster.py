"""The Centrifugo nodes of a run: one by default, N with `devstack/up --cluster N`.

A cluster is how a real deployment outgrows one node: every node runs the same config on the
Redis engine (history, recovery and pub/sub are shared through Redis), nginx spreads the
WebSocket connections over the nodes (/connection/ has an upstream of all of them) and a
plain-HTTP loopback listener of nginx spreads the server API, so the backend keeps publishing
when one node dies. stack.json lists the nodes (name, pid, port, URLs) so a test can kill the
one its client is on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from . import config
from .common import write_private_json
from .paths import MAX_CLUSTER_NODES, RunDir, centrifugo_node_names

#: The port name of nginx's loopback listener for the server API of a cluster.
API_PORT = "centrifugo_api"


def check(cluster: int, engine: str) -> str | None:
    """Why `--cluster N` cannot run with these options, or None."""
    if not 1 <= cluster <= MAX_CLUSTER_NODES:
        return f"--cluster must be between 1 and {MAX_CLUSTER_NODES}, got {cluster}"
    if cluster > 1 and engine != "redis":
        return (
            f"--cluster {cluster} needs the Redis engine (the nodes share history and pub/sub "
            f"through Redis); drop --engine {engine} or use --engine redis"
        )
    return None


def port_names(cluster: int) -> list[str]:
    """The ports a run's Centrifugo part needs: one per node, plus nginx's API listener."""
    return centrifugo_node_names(cluster) + ([API_PORT] if cluster > 1 else [])


def write_configs(
    run: RunDir,
    cluster: int,
    port: dict[str, int],
    settings: config.CentrifugoSettings,
    overrides: list[tuple[str, Any]],
) -> None:
    """One config per node: the same settings but the node's port (and name in a cluster)."""
    for node in centrifugo_node_names(cluster):
        node_settings = dataclasses.replace(settings, port=port[node], node_name=node if cluster > 1 else None)
        write_private_json(run.node_config(node), config.render_centrifugo(node_settings, overrides))


def start_nodes(
    run: RunDir,
    cluster: int,
    port: dict[str, int],
    centrifugo_bin: str,
    start: Callable[[str, list[str], Callable[[], bool], str], object],
    http_ok: Callable[[str], bool],
) -> None:
    """Start every node, one at a time, each waited for by its /health."""

    def probe(url: str) -> Callable[[], bool]:
        return lambda: http_ok(url)

    for node in centrifugo_node_names(cluster):
        argv = [centrifugo_bin, "--config", str(run.node_config(node))]
        start(node, argv, probe(f"http://127.0.0.1:{port[node]}/health"), "GET /health")


def api_url(cluster: int, port: dict[str, int]) -> str:
    """Where the server API is called: the single node, or nginx's listener for a cluster."""
    if cluster > 1:
        return f"http://127.0.0.1:{port[API_PORT]}/api"
    return f"http://127.0.0.1:{port['centrifugo']}/api"


def stack_entries(cluster: int, port: dict[str, int], pids: dict[str, int]) -> list[dict[str, Any]]:
    """stack.json's `centrifugo_nodes`: what a test needs to find and kill one node."""
    entries = []
    for node in centrifugo_node_names(cluster):
        http = f"http://127.0.0.1:{port[node]}"
        entries.append(
            {
                "name": node,
                "pid": pids.get(node, 0),
                "port": port[node],
                "ws_url": f"ws://127.0.0.1:{port[node]}/connection/websocket",
                "api_url": f"{http}/api",
                "metrics_url": f"{http}/metrics",
            }
        )
    return entries
