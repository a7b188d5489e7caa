"""Where things are: the repository, the run directory layout and the server binaries.

Kept in one place so the layout a run directory has is written down once; `down` must find the
pid files that `up` wrote even when `up` crashed half way.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

DEVSTACK_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = DEVSTACK_DIR.parent
BACKEND_DIR = DEVSTACK_DIR / "backend"
VENV_PYTHON = DEVSTACK_DIR / ".venv" / "bin" / "python"
TEMPLATE_DIR = DEVSTACK_DIR / "centrifugo"
DEFAULT_RUN_DIR = DEVSTACK_DIR / ".run" / "default"
SEED_CONSTANTS = BACKEND_DIR / "whatrack_ref" / "seed_constants.py"

#: Where scripts/bootstrap builds Centrifugo; INBOX_CENTRIFUGO overrides it.
DEFAULT_CENTRIFUGO = Path.home() / ".cache" / "whatrack-inbox" / "tools" / "bin" / "centrifugo"

#: Most Centrifugo nodes `devstack/up --cluster N` starts.
MAX_CLUSTER_NODES = 5


def centrifugo_node_names(count: int) -> list[str]:
    """Server names of a cluster's nodes: the first keeps the single node's name "centrifugo"
    (so tools that stop or restart "centrifugo" work on either), the others "centrifugo2"..."""
    return ["centrifugo"] + [f"centrifugo{i}" for i in range(2, count + 1)]


#: Servers in start order; `down` stops them in reverse so clients go before what they use.
START_ORDER = ("redis", *centrifugo_node_names(MAX_CLUSTER_NODES), "backend", "nginx", "simulator")


class ToolMissing(RuntimeError):
    """A server binary the stack needs is not installed; the message says how to get it."""


@dataclass(frozen=True)
class RunDir:
    """The files of one run. Everything a run writes lives under `root` (mode 0700)."""

    root: Path

    @classmethod
    def at(cls, path: str | os.PathLike[str] | None) -> RunDir:
        """Resolve to an absolute path: /proc scans compare it against command lines."""
        return cls(Path(path if path else DEFAULT_RUN_DIR).expanduser().resolve())

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def pids(self) -> Path:
        return self.root / "pids"

    @property
    def tls(self) -> Path:
        return self.root / "tls"

    @property
    def nginx(self) -> Path:
        return self.root / "nginx"

    @property
    def redis(self) -> Path:
        return self.root / "redis"

    @property
    def stack_json(self) -> Path:
        return self.root / "stack.json"

    @property
    def centrifugo_config(self) -> Path:
        return self.root / "centrifugo.json"

    def node_config(self, node: str) -> Path:
        """The config of one Centrifugo node: centrifugo.json, centrifugo2.json, ..."""
        return self.root / f"{node}.json"

    @property
    def database(self) -> Path:
        return self.root / "whatrack.db"

    def log(self, name: str) -> Path:
        return self.logs / f"{name}.log"

    def pidfile(self, name: str) -> Path:
        return self.pids / f"{name}.pid"


def centrifugo_binary() -> Path:
    """The Centrifugo binary: $INBOX_CENTRIFUGO, else the one scripts/bootstrap builds."""
    override = os.environ.get("INBOX_CENTRIFUGO")
    path = Path(override) if override else DEFAULT_CENTRIFUGO
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise ToolMissing(
            f"Centrifugo binary not found at {path}; run scripts/bootstrap "
            "(or set INBOX_CENTRIFUGO to a Centrifugo v6.9.6 binary)"
        )
    return path


def system_binary(name: str, package: str) -> Path:
    """A binary from a Debian package, looked up on PATH and in the sbin directories."""
    search = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    found = shutil.which(name, path=search)
    if not found:
        raise ToolMissing(f"'{name}' not found; run scripts/bootstrap (Debian package {package})")
    return Path(found)
