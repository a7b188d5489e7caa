"""`devstack/down`, `devstack/status` and `stackctl reap`: find a run's processes and stop them."""

from __future__ import annotations

import json

from . import processes
from .common import EXIT_BUSY, EXIT_FAILED, EXIT_OK, Busy, Output, run_lock
from .paths import START_ORDER, RunDir


def down(run: RunDir, out: Output | None = None) -> int:
    """Stop every process of the run and verify that none is left."""
    out = out or Output()
    if not run.root.is_dir():
        # Nothing to lock, but a server may still name the deleted directory: look anyway.
        return down_locked(run, out)
    try:
        with run_lock(run):
            return down_locked(run, out)
    except Busy as exc:
        out.error(f"devstack/down: {exc}; try again when it has finished")
        return EXIT_BUSY


def down_locked(run: RunDir, out: Output) -> int:
    pidfiles = processes.read_pidfiles(run)
    order = [n for n in reversed(START_ORDER) if n in pidfiles]
    order += [n for n in pidfiles if n not in order]
    survivors: list[str] = []
    stopped = []
    for name in order:
        pid, start_time = pidfiles[name]
        if processes.is_ours(pid, start_time) or processes.group_members(pid):
            stopped.append(name)
        survivors += processes.stop_group(pid, start_time)

    # Anything of the run that no pid file accounted for (a crashed `up`, a lost pid file).
    leftovers = processes.find_run_processes(run, {pid for pid, _ in pidfiles.values()})
    if leftovers:
        out.info("devstack/down: stopping processes no pid file listed: " + "; ".join(p.describe() for p in leftovers))
        survivors += processes.kill_processes(leftovers)

    remaining = processes.find_run_processes(run, {pid for pid, _ in pidfiles.values()})
    if survivors or remaining:
        listing = sorted(set(survivors) | {p.describe() for p in remaining})
        out.error(f"devstack/down: FAILED: still running in {run.root}:\n  " + "\n  ".join(listing))
        return EXIT_FAILED
    for name in pidfiles:
        run.pidfile(name).unlink(missing_ok=True)
    run.stack_json.unlink(missing_ok=True)
    if stopped:
        out.info(f"devstack/down: stopped {', '.join(stopped)} of {run.root}; nothing left running")
    else:
        out.info(f"devstack/down: nothing was running in {run.root}")
    return EXIT_OK


def status(run: RunDir, out: Output | None = None) -> int:
    """Which servers of the run are alive; exit 0 only when all of them are."""
    out = out or Output()
    pidfiles = processes.read_pidfiles(run)
    if not pidfiles:
        out.info(f"devstack/status: nothing running in {run.root}")
        return EXIT_FAILED
    all_alive = True
    for name in [n for n in START_ORDER if n in pidfiles] + [n for n in pidfiles if n not in START_ORDER]:
        pid, start_time = pidfiles[name]
        alive = processes.is_ours(pid, start_time)
        all_alive &= alive
        out.info(f"  {name:<10} pid {pid:<7} {'running' if alive else 'NOT running'}")
    if run.stack_json.is_file():
        try:
            stack = json.loads(run.stack_json.read_text())
            out.info(f"  https {stack['https_url']}  backend {stack['backend_url']}  ws {stack['centrifugo_ws_url']}")
        except (OSError, ValueError, KeyError):
            pass
    return EXIT_OK if all_alive else EXIT_FAILED


def reap_env(entry: str, cmdline_contains: str | None = None, out: Output | None = None) -> int:
    """Stop every process whose environment holds KEY=VALUE or whose command line contains
    `cmdline_contains` (scripts/test's safety net for servers the tests started themselves)."""
    out = out or Output()
    procs = processes.find_by_env(entry, cmdline_contains)
    if not procs:
        return EXIT_OK
    out.error("stackctl reap: stopping leftover processes: " + "; ".join(p.describe() for p in procs))
    survivors = processes.kill_processes(procs)
    if survivors:
        out.error("stackctl reap: FAILED: still running: " + "; ".join(survivors))
        return EXIT_FAILED
    return EXIT_OK
