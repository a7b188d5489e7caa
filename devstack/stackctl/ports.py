"""Free loopback ports, picked at start so several stacks (and tests) can run side by side."""

from __future__ import annotations

import contextlib
import socket


def ipv6_loopback_available() -> bool:
    """True when ::1 can be bound: nginx then listens there too, because `localhost` may resolve to it."""
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


def _port_free_on_ipv6(port: int) -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", port))
        return True
    except OSError:
        return False


def pick_free_ports(names: list[str], also_ipv6: frozenset[str] = frozenset()) -> dict[str, int]:
    """Return a distinct free port on 127.0.0.1 for every name.

    All sockets stay bound until every port is picked, so the kernel never hands out the same
    port twice in one call. Names in `also_ipv6` get a port that is also free on ::1. There is
    still a window between closing these sockets and the server binding; a clash there shows up
    as a failed start with the server's log, which is the honest outcome.
    """
    ports: dict[str, int] = {}
    with contextlib.ExitStack() as held:
        for name in names:
            for _attempt in range(50):
                s = held.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
                if name not in also_ipv6 or _port_free_on_ipv6(port):
                    ports[name] = port
                    break
            else:
                raise RuntimeError(f"could not find a free port for {name} on 127.0.0.1 and ::1")
    return ports
