"""What up, down and status share: exit codes, output, the run-dir lock and small file helpers."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from . import processes
from .paths import RunDir

#: Lines of a failing server's log printed by `up`.
LOG_TAIL_LINES = 40

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_ALREADY_RUNNING, EXIT_BUSY = 0, 1, 2, 3, 4


@dataclass
class Output:
    """Progress goes to stdout unless quiet; errors always go to stderr."""

    quiet: bool = False
    out: TextIO = sys.stdout
    err: TextIO = sys.stderr

    def info(self, text: str) -> None:
        if not self.quiet:
            print(text, file=self.out, flush=True)

    def error(self, text: str) -> None:
        print(text, file=self.err, flush=True)


class Busy(RuntimeError):
    """Another up/down holds the run dir's lock."""


@contextlib.contextmanager
def run_lock(run: RunDir) -> Iterator[None]:
    """Exclusive lock on RUN_DIR/.lock while up or down works on it.

    Several engineers share one machine and tree: two `devstack/up` on the default run dir at
    the same moment must not both pass the "already running" check.
    """
    run.root.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(run.root / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise Busy(f"another devstack/up or devstack/down is working on {run.root}") from exc
            raise
        yield
    finally:
        os.close(fd)  # closing releases the lock


def log_tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    """The last lines of a log (it can be large after a long demo, so read from the end)."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 64 * 1024))
            data = f.read().decode(errors="replace")
    except OSError as exc:
        return f"(cannot read {path}: {exc})"
    tail = data.splitlines()[-lines:]
    return "\n".join(tail) if tail else "(log is empty)"


def write_private_json(path: Path, data: dict[str, Any]) -> None:
    """Write JSON readable by the owner only, atomically (no moment where it is world-readable)."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def running_servers(run: RunDir) -> dict[str, int]:
    """name -> pid of the run's servers that are still alive (by pid file)."""
    return {name: pid for name, (pid, start) in processes.read_pidfiles(run).items() if processes.is_ours(pid, start)}
