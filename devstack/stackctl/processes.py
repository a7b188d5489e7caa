"""Starting servers in their own process groups, and finding and stopping them again.

Every server gets its own session (setsid), so one killpg reaches it and all its children
(nginx workers, uvicorn reloaders) and a Ctrl-C in the terminal that ran `up` does not. Each
child also carries INBOX_STACK_RUN_DIR in its environment: `down` finds a run's processes by
pid file, by process group, by that marker and by the run directory in the command line, so a
lost pid file cannot leave a server behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .paths import RunDir

#: Marks every process a run starts (the value is the run directory).
RUN_MARKER = "INBOX_STACK_RUN_DIR"
#: Inherited variables that would silently change a server's configuration.
_SCRUBBED_PREFIXES = ("CENTRIFUGO_", "WHATRACK_")

TERM_TIMEOUT_S = 10.0
KILL_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class ProcInfo:
    """What /proc says about one live process."""

    pid: int
    pgid: int
    state: str
    start_time: int
    cmdline: tuple[str, ...]

    def describe(self) -> str:
        cmd = " ".join(self.cmdline)[:160] or "?"
        return f"pid {self.pid} (pgid {self.pgid}): {cmd}"


def read_proc(pid: int) -> ProcInfo | None:
    """ProcInfo for pid, or None when it is gone or a zombie (a zombie runs nothing)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        raw_cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    # The command name is in parentheses and may itself contain spaces or parentheses.
    fields = stat[stat.rfind(")") + 2 :].split()
    state, pgid, start_time = fields[0], int(fields[2]), int(fields[19])
    if state in ("Z", "X"):
        return None
    cmdline = tuple(a.decode(errors="replace") for a in raw_cmd.split(b"\0") if a)
    return ProcInfo(pid=pid, pgid=pgid, state=state, start_time=start_time, cmdline=cmdline)


def all_pids() -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def _environ_has(pid: int, entry: bytes) -> bool:
    try:
        return entry in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return False


def _is_stackctl(info: ProcInfo) -> bool:
    """Another up/down/status invocation: it names the run dir but is not part of the run."""
    args = info.cmdline
    return any(a == "-m" and b == "stackctl" for a, b in zip(args, args[1:], strict=False))


def _ancestors_and_self() -> set[int]:
    """Our pid and our parents': the shell or test that runs `down` may name the run dir too."""
    pids = set()
    pid = os.getpid()
    while pid > 1 and pid not in pids:
        pids.add(pid)
        info = Path(f"/proc/{pid}/stat").read_text()
        pid = int(info[info.rfind(")") + 2 :].split()[1])
    return pids


def child_env(run: RunDir, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a server: ours minus CENTRIFUGO_*/WHATRACK_*, plus the run marker."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_SCRUBBED_PREFIXES)}
    env.update(extra or {})
    env[RUN_MARKER] = str(run.root)
    return env


def write_pidfile(run: RunDir, name: str, pid: int) -> None:
    """'pid start_time': the start time guards `down` against a recycled pid."""
    info = read_proc(pid)
    start = info.start_time if info else 0
    run.pids.mkdir(mode=0o700, parents=True, exist_ok=True)
    run.pidfile(name).write_text(f"{pid} {start}\n")


def read_pidfiles(run: RunDir) -> dict[str, tuple[int, int]]:
    """name -> (pid, start_time) for every pid file of the run."""
    result: dict[str, tuple[int, int]] = {}
    if not run.pids.is_dir():
        return result
    for f in sorted(run.pids.glob("*.pid")):
        try:
            parts = f.read_text().split()
            result[f.stem] = (int(parts[0]), int(parts[1]) if len(parts) > 1 else 0)
        except (OSError, ValueError, IndexError):
            continue
    return result


def spawn(
    run: RunDir, name: str, argv: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.Popen[bytes]:
    """Start one server in a new session, output to logs/<name>.log, and record its pid."""
    run.logs.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open(run.log(name), "ab") as log:
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=child_env(run, env),
            cwd=str(cwd) if cwd else None,
            close_fds=True,
        )
    write_pidfile(run, name, proc.pid)
    return proc


def group_members(pgid: int) -> list[ProcInfo]:
    """Live processes whose process group is pgid."""
    members = []
    for pid in all_pids():
        info = read_proc(pid)
        if info and info.pgid == pgid:
            members.append(info)
    return members


def is_ours(pid: int, start_time: int) -> bool:
    """True when pid is alive and is the process we started (not a recycled pid)."""
    info = read_proc(pid)
    return info is not None and (start_time == 0 or info.start_time == start_time)


def _wait_gone(check: Callable[[], bool], timeout: float, reap: subprocess.Popen[bytes] | None) -> bool:
    """Wait until check() says nothing is left. Reaps our own child so it cannot linger as a zombie."""
    deadline = time.monotonic() + timeout
    while True:
        if reap is not None:
            reap.poll()
        if check():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)  # polling /proc: there is no event to wait on for a foreign process group


def stop_group(pid: int, start_time: int, reap: subprocess.Popen[bytes] | None = None) -> list[str]:
    """SIGTERM the process group led by pid, SIGKILL after TERM_TIMEOUT_S; return what survived.

    The group is signalled when its leader is still the process we started, or when the leader
    is gone but members remain (orphaned nginx workers, say).
    """
    leader_ours = is_ours(pid, start_time)
    if not leader_ours and (read_proc(pid) is not None or not group_members(pid)):
        return []  # already gone, or the pid now belongs to someone else
    empty = lambda: not group_members(pid)  # noqa: E731 - tiny predicate
    for sig, timeout in ((signal.SIGTERM, TERM_TIMEOUT_S), (signal.SIGKILL, KILL_TIMEOUT_S)):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            pass
        if _wait_gone(empty, timeout, reap):
            return []
    return [m.describe() for m in group_members(pid)]


def find_run_processes(run: RunDir, pgids: set[int] | None = None) -> list[ProcInfo]:
    """Every live process that belongs to the run, except ourselves and our ancestors.

    A process belongs to the run when it is in one of the run's process groups, carries the
    run marker in its environment, or names the run directory in its command line.
    """
    root = str(run.root)
    marker = f"{RUN_MARKER}={root}".encode()
    skip = _ancestors_and_self()
    found = []
    for pid in all_pids():
        if pid in skip:
            continue
        info = read_proc(pid)
        if info is None or _is_stackctl(info):
            continue
        names_run = any(a == root or root + "/" in a for a in info.cmdline)
        if (pgids and info.pgid in pgids) or names_run or _environ_has(pid, marker):
            found.append(info)
    return _with_group_members(found, skip)


def _with_group_members(found: list[ProcInfo], skip: set[int]) -> list[ProcInfo]:
    """Add the members of every process group whose leader was found.

    nginx workers carry neither the marker (nginx overwrites its environment with its process
    title) nor the run dir in their command line; they are in their master's group.
    """
    leaders = {p.pid for p in found if p.pgid == p.pid}
    seen = {p.pid for p in found}
    for pid in all_pids():
        if pid in skip or pid in seen:
            continue
        info = read_proc(pid)
        if info and info.pgid in leaders:
            found.append(info)
    return found


def kill_processes(procs: list[ProcInfo]) -> list[str]:
    """SIGTERM then SIGKILL individual processes (the leftovers no pid file accounted for)."""

    def alive() -> list[ProcInfo]:
        return [p for p in procs if (i := read_proc(p.pid)) and i.start_time == p.start_time]

    for sig, timeout in ((signal.SIGTERM, TERM_TIMEOUT_S), (signal.SIGKILL, KILL_TIMEOUT_S)):
        for p in alive():
            try:
                os.kill(p.pid, sig)
            except ProcessLookupError:
                pass
        if _wait_gone(lambda: not alive(), timeout, None):
            return []
    return [p.describe() for p in alive()]


def find_by_env(entry: str, cmdline_contains: str | None = None) -> list[ProcInfo]:
    """Live processes (not us, not our ancestors) whose environment contains KEY=VALUE, or
    whose command line contains `cmdline_contains`.

    The command-line test is for nginx: it writes its process title over its environment, so
    /proc/PID/environ no longer shows the marker; its command line still names its config.
    """
    skip = _ancestors_and_self()
    wanted = entry.encode()
    found = []
    for pid in all_pids():
        if pid in skip:
            continue
        info = read_proc(pid)
        if info is None or _is_stackctl(info):
            continue
        named = cmdline_contains is not None and any(cmdline_contains in a for a in info.cmdline)
        if named or _environ_has(pid, wanted):
            found.append(info)
    return _with_group_members(found, skip)
