"""`devstack/up`: start the servers of docs/devstack.md and write stack.json.

The servers start one at a time in dependency order, each waited for by its health probe
before the next, so a failure names the server that caused it. Whatever goes wrong, `up`
stops everything it started before it returns.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import cluster, config, health, ports, processes, seed, tls
from .common import (
    EXIT_ALREADY_RUNNING,
    EXIT_BUSY,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    LOG_TAIL_LINES,
    Busy,
    Output,
    log_tail,
    run_lock,
    running_servers,
    write_private_json,
)
from .down import down_locked
from .paths import (
    BACKEND_DIR,
    MAX_CLUSTER_NODES,
    VENV_PYTHON,
    RunDir,
    ToolMissing,
    centrifugo_binary,
    centrifugo_node_names,
    system_binary,
)
from .secrets_gen import RunSecrets

#: When set, `up` appends each run directory to this file, so a test harness can `down` them all.
REGISTRY_ENV = "INBOX_STACK_REGISTRY"

# Files and directories of a previous run that `up` clears; nothing else in the run dir is touched.
_PREVIOUS_RUN = (
    "logs",
    "pids",
    "tls",
    "nginx",
    "redis",
    "stack.json",
    *(f"{node}.json" for node in centrifugo_node_names(MAX_CLUSTER_NODES)),
    "whatrack.db",
    "whatrack.db-wal",
    "whatrack.db-shm",
    "whatrack.db-journal",
)


class StackError(RuntimeError):
    """A server failed to start; `name` is the server whose log explains it."""

    def __init__(self, name: str | None, message: str) -> None:
        super().__init__(message)
        self.name = name


class Interrupted(RuntimeError):
    """SIGINT/SIGTERM/SIGHUP arrived while `up` was starting servers."""


@dataclass
class UpOptions:
    run: RunDir
    profile: str = "whatrack"
    engine: str = "memory"
    simulate: float | None = None
    token_ttl: int | None = None
    channel_style: str = "colon"
    quiet: bool = False
    backend: bool = True
    centrifugo_overrides: list[tuple[str, Any]] = field(default_factory=list)
    health_timeout: float = 60.0
    #: Centrifugo nodes (Redis engine, behind nginx); 1 is the plain single node.
    cluster: int = 1
    #: TEST ONLY: passed to the backend's --token-fault-file (faults of the token route).
    token_fault_file: str | None = None


@dataclass
class Started:
    name: str
    proc: subprocess.Popen[bytes]


def register_run(run: RunDir) -> None:
    registry = os.environ.get(REGISTRY_ENV)
    if registry:
        with open(registry, "a") as f:
            f.write(f"{run.root}\n")


def backend_available() -> str | None:
    """None when the reference backend can run, else what is missing."""
    if not (BACKEND_DIR / "whatrack_ref" / "__main__.py").is_file():
        return f"{BACKEND_DIR / 'whatrack_ref'} does not exist yet"
    if not VENV_PYTHON.exists():
        return f"{VENV_PYTHON} does not exist; run scripts/bootstrap"
    return None


def _prepare_run_dir(run: RunDir) -> None:
    run.root.mkdir(mode=0o700, parents=True, exist_ok=True)
    run.root.chmod(0o700)  # holds secrets (configs, keys, stack.json)
    for name in _PREVIOUS_RUN:
        path = run.root / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    for d in (run.logs, run.pids, run.tls, run.nginx, run.redis):
        d.mkdir(mode=0o700, parents=True, exist_ok=True)


class _Launcher:
    """Starts servers for one `up` and remembers them so a failure can stop them all."""

    def __init__(self, opts: UpOptions, out: Output) -> None:
        self.opts = opts
        self.run = opts.run
        self.out = out
        self.started: list[Started] = []

    def start(
        self,
        name: str,
        argv: list[str],
        probe: Callable[[], bool],
        what: str,
        *,
        env: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> Started:
        proc = processes.spawn(self.run, name, argv, env=env, cwd=self.run.root)
        started = Started(name, proc)
        self.started.append(started)
        try:
            took = health.wait_healthy(name, probe, proc, timeout or self.opts.health_timeout, what)
        except health.HealthError as exc:
            raise StackError(name, str(exc)) from exc
        self.out.info(f"  {name:<11} pid {proc.pid:<7} healthy in {took:.1f}s")
        return started

    def stop_all(self) -> list[str]:
        """Stop what this `up` started, newest first. Returns descriptions of survivors."""
        survivors: list[str] = []
        for s in reversed(self.started):
            start_time = processes.read_pidfiles(self.run).get(s.name, (s.proc.pid, 0))[1]
            survivors += processes.stop_group(s.proc.pid, start_time, reap=s.proc)
            self.run.pidfile(s.name).unlink(missing_ok=True)
        return survivors


def up(opts: UpOptions, out: Output | None = None) -> int:
    """Start the stack; see docs/devstack.md. Returns the process exit code."""
    out = out or Output(opts.quiet)
    try:
        with run_lock(opts.run):
            return _up_locked(opts, out)
    except Busy as exc:
        out.error(f"devstack/up: {exc}; try again when it has finished")
        return EXIT_BUSY


def _up_locked(opts: UpOptions, out: Output) -> int:
    run = opts.run

    alive = running_servers(run)
    if alive:
        listing = ", ".join(f"{n} (pid {p})" for n, p in alive.items())
        out.error(
            f"devstack/up: {run.root} is already running: {listing}.\n"
            f"  Use it as is (stack.json is in that directory), or stop it first: "
            f"devstack/down --run-dir {run.root}"
        )
        return EXIT_ALREADY_RUNNING
    if opts.simulate is not None and not opts.backend:
        out.error("devstack/up: --simulate needs the backend; drop --no-backend")
        return EXIT_USAGE
    if cluster_problem := cluster.check(opts.cluster, opts.engine):
        out.error(f"devstack/up: {cluster_problem}")
        return EXIT_USAGE
    if opts.backend and (missing := backend_available()):
        out.error(
            f"devstack/up: the reference backend cannot start: {missing}.\n"
            "  Run scripts/bootstrap, or start without it: devstack/up --no-backend"
        )
        return EXIT_FAILED

    # A previous run that died without `down` may have left servers; clear them first.
    if processes.read_pidfiles(run) or processes.find_run_processes(run):
        if down_locked(run, Output(quiet=True, err=out.err)) != EXIT_OK:
            out.error(f"devstack/up: cannot clear the previous run in {run.root}; see above")
            return EXIT_FAILED
    _prepare_run_dir(run)
    register_run(run)

    launcher = _Launcher(opts, out)
    previous_handlers = _install_signal_handlers()
    try:
        stack = _start_everything(opts, launcher, out)
    except (StackError, Interrupted, ToolMissing, config.ConfigError, tls.TlsError, OSError) as exc:
        # A second Ctrl-C must not abort the cleanup half way.
        for sig in previous_handlers:
            signal.signal(sig, signal.SIG_IGN)
        _report_failure(exc, run, out)
        survivors = launcher.stop_all()
        if survivors:
            out.error("devstack/up: could not stop: " + "; ".join(survivors))
        else:
            out.error("devstack/up: stopped everything this run had started.")
        return EXIT_FAILED
    except BaseException:
        # A bug must not leave servers behind either; the traceback follows.
        launcher.stop_all()
        raise
    finally:
        _restore_signal_handlers(previous_handlers)

    write_private_json(run.stack_json, stack)
    _print_summary(stack, run, out)
    return EXIT_OK


def _start_everything(opts: UpOptions, launcher: _Launcher, out: Output) -> dict[str, Any]:
    run = opts.run
    use_redis = opts.engine == "redis"
    ipv6 = ports.ipv6_loopback_available()
    names = cluster.port_names(opts.cluster) + ["nginx", "backend"] + (["redis"] if use_redis else [])
    port = ports.pick_free_ports(names, also_ipv6=frozenset({"nginx"}) if ipv6 else frozenset())
    secrets = RunSecrets.generate()
    messages_channel, tickets_channel = config.CHANNEL_STYLES[opts.channel_style]
    nodes = f", {opts.cluster} Centrifugo nodes" if opts.cluster > 1 else ""
    out.info(f"devstack/up: profile {opts.profile}, engine {opts.engine}{nodes}, run dir {run.root}")

    # Resolve every binary before starting anything: a missing tool is not a server failure.
    centrifugo_bin = centrifugo_binary()
    nginx_bin = system_binary("nginx", "nginx-light")
    redis_bin = system_binary("redis-server", "redis-server") if use_redis else None

    certs = tls.make_certificates(run.tls, ipv6=ipv6)
    cluster.write_configs(
        run,
        opts.cluster,
        port,
        config.CentrifugoSettings(
            profile=opts.profile,
            engine=opts.engine,
            port=port["centrifugo"],
            token_hmac_secret=secrets.token_hmac_secret,
            subscription_token_hmac_secret=secrets.subscription_token_hmac_secret,
            api_key=secrets.api_key,
            redis_port=port.get("redis"),
            channel_style=opts.channel_style,
        ),
        opts.centrifugo_overrides,
    )
    for d in config.nginx_temp_dirs(run.nginx):
        d.mkdir(mode=0o700, parents=True, exist_ok=True)
    nginx_conf = run.nginx / "nginx.conf"
    nginx_conf.write_text(
        config.render_nginx(
            run_root=run.root,
            nginx_dir=run.nginx,
            log_dir=run.logs,
            port=port["nginx"],
            ipv6=ipv6,
            backend_port=port["backend"],
            centrifugo_port=port["centrifugo"],
            server_cert=certs.server_cert,
            server_key=certs.server_key,
            more_centrifugo_ports=tuple(port[n] for n in centrifugo_node_names(opts.cluster)[1:]),
            api_port=port.get(cluster.API_PORT),
        )
    )

    backend_url = f"http://127.0.0.1:{port['backend']}"
    https_url = f"https://localhost:{port['nginx']}"
    centrifugo_api = cluster.api_url(opts.cluster, port)
    demo, demo_note = seed.demo_credentials()
    if demo_note:
        out.error(f"devstack/up: note: {demo_note}")

    if redis_bin is not None:
        redis_conf = run.redis / "redis.conf"
        redis_conf.write_text(config.render_redis(port=port["redis"], data_dir=run.redis))
        launcher.start(
            "redis",
            [
                str(redis_bin),
                str(redis_conf),
                "--port",
                str(port["redis"]),
                "--save",
                "",
                "--appendonly",
                "no",
                "--bind",
                "127.0.0.1",
            ],
            lambda: health.redis_ping(port["redis"]),
            "PING",
            timeout=15,
        )

    cluster.start_nodes(run, opts.cluster, port, str(centrifugo_bin), launcher.start, health.http_ok)

    if opts.backend:
        backend_argv = [
            str(VENV_PYTHON),
            "-m",
            "whatrack_ref",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port["backend"]),
            "--db",
            str(run.database),
            "--seed",
            "--centrifugo-api-url",
            centrifugo_api,
            "--messages-channel",
            messages_channel,
            "--tickets-channel",
            tickets_channel,
        ]
        if opts.token_ttl is not None:
            backend_argv += ["--token-ttl", str(opts.token_ttl)]
        if opts.token_fault_file is not None:
            backend_argv += ["--token-fault-file", opts.token_fault_file]
        launcher.start(
            "backend",
            backend_argv,
            lambda: health.http_ok(f"{backend_url}/api/v1/health"),
            "GET /api/v1/health",
            env={
                "PYTHONPATH": str(BACKEND_DIR),
                # Secrets travel in the environment, never in argv (visible in `ps`).
                "WHATRACK_CENTRIFUGO_API_KEY": secrets.api_key,
                "WHATRACK_TOKEN_SECRET": secrets.token_hmac_secret,
                "WHATRACK_WEBHOOK_SECRET": secrets.webhook_secret,
            },
        )
        nginx_probe_path = "/api/v1/health"
    else:
        nginx_probe_path = "/_devstack/health"

    launcher.start(
        "nginx",
        [str(nginx_bin), "-p", f"{run.nginx}/", "-c", str(nginx_conf), "-e", "stderr"],
        lambda: health.http_ok(f"{https_url}{nginx_probe_path}", cafile=certs.ca_cert),
        f"GET {https_url}{nginx_probe_path} (verified with the run's CA)",
        timeout=15,
    )

    if opts.simulate is not None:
        sim = processes.spawn(
            run,
            "simulator",
            [
                str(VENV_PYTHON),
                "-m",
                "whatrack_ref",
                "simulate",
                "--backend-url",
                backend_url,
                "--rate",
                f"{opts.simulate:g}",
                "--email",
                demo["email"],
            ],
            env={
                "PYTHONPATH": str(BACKEND_DIR),
                "WHATRACK_WEBHOOK_SECRET": secrets.webhook_secret,
                "WHATRACK_PASSWORD": demo["password"],
            },
            cwd=run.root,
        )
        launcher.started.append(Started("simulator", sim))
        if sim.poll() is not None:
            raise StackError("simulator", f"simulator exited with code {sim.returncode} at start")
        out.info(f"  {'simulator':<10} pid {sim.pid:<7} started ({opts.simulate:g}/s)")

    return {
        "profile": opts.profile,
        "engine": opts.engine,
        "backend_url": backend_url,
        "https_url": https_url,
        "centrifugo_ws_url": f"ws://127.0.0.1:{port['centrifugo']}/connection/websocket",
        "centrifugo_wss_url": f"wss://localhost:{port['nginx']}/connection/websocket",
        "centrifugo_api_url": centrifugo_api,
        "centrifugo_api_key": secrets.api_key,
        "ca_cert": str(certs.ca_cert),
        "messages_channel": messages_channel,
        "tickets_channel": tickets_channel,
        "webhook_secret": secrets.webhook_secret,
        "demo": demo,
        "pids": {s.name: s.proc.pid for s in launcher.started},
        "centrifugo_nodes": cluster.stack_entries(opts.cluster, port, {s.name: s.proc.pid for s in launcher.started}),
    }


def _report_failure(exc: Exception, run: RunDir, out: Output) -> None:
    name = getattr(exc, "name", None)
    if isinstance(exc, Interrupted):
        out.error("devstack/up: interrupted; stopping what was started")
        return
    out.error(f"devstack/up: FAILED: {exc}")
    if name:
        log = run.log(name)
        out.error(f"--- last {LOG_TAIL_LINES} lines of {log} ---\n{log_tail(log)}\n--- end of {name} log ---")


def _print_summary(stack: dict[str, Any], run: RunDir, out: Output) -> None:
    demo = stack["demo"]
    orgs = ", ".join(f"{o['name']} ({o['id']})" for o in demo["organizations"])
    out.info(
        "devstack/up: stack is up\n"
        f"  backend        {stack['backend_url']}\n"
        f"  https (nginx)  {stack['https_url']}   CA: {stack['ca_cert']}\n"
        f"  websocket      {stack['centrifugo_ws_url']}\n"
        f"  websocket TLS  {stack['centrifugo_wss_url']}{_nodes_note(stack)}\n"
        f"  demo login     {demo['email']} / {demo['password']}   organizations: {orgs}\n"
        f"  stack.json     {run.stack_json}\n"
        f"  logs           {run.logs}/\n"
        f"  stop with      devstack/down --run-dir {run.root}"
    )


def _nodes_note(stack: dict[str, Any]) -> str:
    nodes = stack["centrifugo_nodes"]
    if len(nodes) < 2:
        return ""
    return "   nodes: " + ", ".join(f"{n['name']} (port {n['port']})" for n in nodes)


def _raise_interrupted(signum: int, _frame: object) -> None:
    raise Interrupted(signal.Signals(signum).name)


def _install_signal_handlers() -> dict[int, Any]:
    previous: dict[int, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        previous[sig] = signal.signal(sig, _raise_interrupted)
    return previous


def _restore_signal_handlers(previous: dict[int, Any]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)
