"""Shared fixtures for stackctl's tests: a run directory that is always brought down."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

DEVSTACK_DIR = Path(__file__).resolve().parents[2]
if str(DEVSTACK_DIR) not in sys.path:
    sys.path.insert(0, str(DEVSTACK_DIR))

from stackctl import paths  # noqa: E402  (needs the sys.path entry above)
from stackctl.paths import RunDir, ToolMissing  # noqa: E402


def _servers_missing() -> str | None:
    try:
        paths.centrifugo_binary()
        paths.system_binary("nginx", "nginx-light")
        paths.system_binary("redis-server", "redis-server")
        paths.system_binary("openssl", "openssl")
    except ToolMissing as exc:
        return str(exc)
    return None


SERVERS_MISSING = _servers_missing()
needs_servers = pytest.mark.skipif(SERVERS_MISSING is not None, reason=f"servers not installed: {SERVERS_MISSING}")


def stackctl(
    *args: str, timeout: float = 180, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m stackctl ARGS` the way devstack/up does, capturing its output."""
    env = dict(os.environ)
    env.update(extra_env or {})
    env["PYTHONPATH"] = str(DEVSTACK_DIR) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return subprocess.run(
        [sys.executable, "-m", "stackctl", *args],
        env=env,
        text=True,
        capture_output=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def run_dir(tmp_path: Path) -> Iterator[RunDir]:
    """A fresh run directory; whatever a test leaves running there is stopped afterwards."""
    run = RunDir.at(tmp_path / "run")
    yield run
    result = stackctl("down", "--run-dir", str(run.root), "--quiet")
    assert result.returncode == 0, f"down after the test failed:\n{result.stderr}"
