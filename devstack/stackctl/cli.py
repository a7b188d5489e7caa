"""Command line of devstack/up, devstack/down and devstack/status (docs/devstack.md)."""

from __future__ import annotations

import argparse
import sys

from . import config, down, up
from .common import EXIT_USAGE, Output
from .paths import MAX_CLUSTER_NODES, RunDir


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be > 0, got {text}")
    return value


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be > 0, got {text}")
    return value


def _override(text: str) -> tuple[str, object]:
    try:
        return config.parse_override(text)
    except config.ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stackctl", description="Start and stop the local WhaTrack stack (docs/devstack.md)."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run_dir_help = "run directory (default devstack/.run/default)"
    up_cmd = sub.add_parser(
        "up", prog="devstack/up", help="start Centrifugo, nginx (TLS), the backend and optional Redis/simulator"
    )
    up_cmd.add_argument(
        "--profile",
        choices=config.PROFILES,
        default="whatrack",
        help="Centrifugo profile: whatrack (like production) or secure (subscription tokens, history, recovery)",
    )
    up_cmd.add_argument(
        "--engine",
        choices=config.ENGINES,
        default=None,
        help="Centrifugo engine; redis starts a Redis server for this run (default: memory, redis with --cluster)",
    )
    up_cmd.add_argument(
        "--cluster",
        type=_positive_int,
        default=1,
        metavar="N",
        help=f"start N Centrifugo nodes (at most {MAX_CLUSTER_NODES}) on the Redis engine behind nginx; "
        "stack.json lists them under centrifugo_nodes",
    )
    up_cmd.add_argument("--run-dir", help=run_dir_help)
    up_cmd.add_argument(
        "--simulate",
        type=_positive_float,
        metavar="RATE",
        help="also run the traffic simulator at RATE events per second",
    )
    up_cmd.add_argument(
        "--token-ttl",
        type=_positive_int,
        metavar="SECONDS",
        help="lifetime of the Centrifugo tokens the backend issues",
    )
    up_cmd.add_argument(
        "--channel-style",
        choices=sorted(config.CHANNEL_STYLES),
        default="colon",
        help="colon: org:{org}:messages (a namespace); dot: org.{org}.messages",
    )
    up_cmd.add_argument(
        "--token-fault-file",
        metavar="FILE",
        help="TEST ONLY: the backend's token route misbehaves as FILE says while it exists "
        "(devstack/backend/README.md)",
    )
    up_cmd.add_argument("--quiet", action="store_true", help="print errors only")
    up_cmd.add_argument(
        "--no-backend", dest="backend", action="store_false", help="start Centrifugo, nginx (and Redis) only"
    )
    up_cmd.add_argument(
        "--centrifugo-set",
        dest="centrifugo_overrides",
        action="append",
        type=_override,
        default=[],
        metavar="KEY=JSON",
        help="override one key of the rendered Centrifugo config, e.g. "
        "client.ping_interval='\"10s\"' (repeatable; for tests and experiments)",
    )
    up_cmd.add_argument(
        "--health-timeout",
        type=_positive_float,
        default=60.0,
        metavar="SECONDS",
        help="how long each server may take to become healthy (default 60)",
    )

    down_cmd = sub.add_parser("down", prog="devstack/down", help="stop every process of a run")
    down_cmd.add_argument("--run-dir", help=run_dir_help)
    down_cmd.add_argument("--quiet", action="store_true", help="print errors only")

    status = sub.add_parser("status", prog="devstack/status", help="show which servers run")
    status.add_argument("--run-dir", help=run_dir_help)

    reap = sub.add_parser(
        "reap", help="stop every process whose environment contains KEY=VALUE (safety net for test harnesses)"
    )
    reap.add_argument("entry", metavar="KEY=VALUE")
    reap.add_argument(
        "--cmdline-contains",
        metavar="TEXT",
        help="also stop processes whose command line contains TEXT (nginx hides its environment)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "up":
        return up.up(
            up.UpOptions(
                run=RunDir.at(args.run_dir),
                profile=args.profile,
                engine=args.engine or ("redis" if args.cluster > 1 else "memory"),
                cluster=args.cluster,
                token_fault_file=args.token_fault_file,
                simulate=args.simulate,
                token_ttl=args.token_ttl,
                channel_style=args.channel_style,
                quiet=args.quiet,
                backend=args.backend,
                centrifugo_overrides=args.centrifugo_overrides,
                health_timeout=args.health_timeout,
            )
        )
    if args.command == "down":
        return down.down(RunDir.at(args.run_dir), Output(quiet=args.quiet))
    if args.command == "status":
        return down.status(RunDir.at(args.run_dir))
    if args.command == "reap":
        if "=" not in args.entry:
            print("stackctl reap: expected KEY=VALUE", file=sys.stderr)
            return EXIT_USAGE
        return down.reap_env(args.entry, args.cmdline_contains)
    return EXIT_USAGE
