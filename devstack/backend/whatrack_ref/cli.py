"""Command line: `python -m whatrack_ref {serve,seed,simulate,openapi,demo-info}`.

Every option can also come from the environment as `WHATRACK_<OPTION>` (dashes become
underscores, e.g. `--token-secret` ↔ `WHATRACK_TOKEN_SECRET`), so secrets need not appear in
process listings. A flag on the command line wins over the environment.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from dataclasses import dataclass
from typing import Any

from whatrack_ref.config import MESSAGE_SHAPES, Settings
from whatrack_ref.seed_data import DEFAULT_SEED

log = logging.getLogger("whatrack_ref.cli")
_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class _Spec:
    dest: str
    env: str
    type: Any
    default: Any
    required: bool
    flag: bool
    choices: Any = None


def _env_name(flag: str) -> str:
    return "WHATRACK_" + flag.lstrip("-").replace("-", "_").upper()


_SPEC_KEYS = ("_env_specs_root", "_env_specs")


def _specs(parser: argparse.ArgumentParser, key: str) -> list[_Spec]:
    """Specs live in the parser's defaults; the top-level parser uses its own key because a
    sub-parser's defaults would overwrite a shared one."""
    specs: list[_Spec] | None = parser.get_default(key)
    if specs is None:
        specs = []
        parser.set_defaults(**{key: specs})
    return specs


def _opt(
    parser: argparse.ArgumentParser,
    flag: str,
    *,
    type: Any = str,
    default: Any = None,
    required: bool = False,
    help: str = "",
    choices: Any = None,
    key: str = "_env_specs",
) -> None:
    """Add `--flag`; when absent, WHATRACK_<FLAG> and then `default` apply (see `_apply_env`).

    The environment is read only for the sub-command being run, so e.g. WHATRACK_SEED=1 (serve's
    switch) does not break `simulate --seed N` parsing in another process's environment.
    """
    env = _env_name(flag)
    parser.add_argument(
        flag,
        type=type,
        default=None,
        choices=choices,
        help=f"{help} [env {env}]"
        + (f" (default: {default})" if default not in (None, "") else "")
        + (" (required)" if required else ""),
    )
    _specs(parser, key).append(_Spec(flag.lstrip("-").replace("-", "_"), env, type, default, required, False, choices))


def _flag(parser: argparse.ArgumentParser, flag: str, help: str) -> None:
    """Boolean switch, also enabled by WHATRACK_<FLAG>=1/true/yes/on."""
    env = _env_name(flag)
    parser.add_argument(flag, action="store_const", const=True, default=None, help=f"{help} [env {env}]")
    _specs(parser, "_env_specs").append(_Spec(flag.lstrip("-").replace("-", "_"), env, bool, False, False, True))


def _apply_env(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Fill options not given on the command line from the environment, then defaults."""
    specs = [spec for key in _SPEC_KEYS for spec in getattr(args, key, None) or []]
    for spec in specs:
        if getattr(args, spec.dest) is not None:
            continue
        raw = os.environ.get(spec.env, "")
        if spec.flag:
            value: Any = raw.strip().lower() in _TRUE
        elif raw != "":
            try:
                value = spec.type(raw)
            except ValueError:
                parser.error(f"{spec.env}={raw!r} is not a valid value")
        else:
            value = spec.default
        if spec.choices is not None and value is not None and value not in spec.choices:
            parser.error(f"{spec.env}={value!r}: choose from {', '.join(map(str, spec.choices))}")
        if spec.required and value is None:
            parser.error(f"--{spec.dest.replace('_', '-')} (or {spec.env}) is required")
        setattr(args, spec.dest, value)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m whatrack_ref", description=__doc__.splitlines()[0])
    _opt(
        parser,
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="log level",
        key="_env_specs_root",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the HTTP server")
    _opt(serve, "--host", default="127.0.0.1", help="bind address")
    _opt(serve, "--port", type=int, default=8080, help="TCP port")
    _opt(serve, "--db", required=True, help="SQLite file (created if missing)")
    _opt(serve, "--centrifugo-api-url", help="Centrifugo HTTP API base, e.g. http://127.0.0.1:8000/api")
    _opt(serve, "--centrifugo-api-key", help="Centrifugo http_api.key")
    _opt(serve, "--token-secret", required=True, help="HMAC key of Centrifugo connection tokens")
    _opt(serve, "--subscription-token-secret", help="HMAC key of subscription tokens (default: token secret)")
    _opt(serve, "--token-ttl", type=int, default=3600, help="token lifetime in seconds")
    _opt(serve, "--token-rate-limit", type=int, default=5, help="token calls per client per minute (0 = off)")
    _opt(
        serve,
        "--sign-in-rate-limit",
        type=int,
        default=5,
        help="failed sign-ins per minute per client address and per e-mail, then 429 (0 = off)",
    )
    _opt(serve, "--max-body-bytes", type=int, default=1024 * 1024, help="largest request body accepted, else 413")
    _opt(serve, "--messages-channel", default="org:{org}:messages", help="messages channel template")
    _opt(serve, "--tickets-channel", default="org:{org}:tickets", help="tickets channel template")
    _opt(serve, "--webhook-secret", help="Meta app secret for X-Hub-Signature-256 (unset: webhooks rejected)")
    _opt(serve, "--webhook-verify-token", default="whatrack_verify_token", help="hub.verify_token for GET")
    _opt(serve, "--message-shape", default="ticket-era", choices=list(MESSAGE_SHAPES), help="message row shape")
    _opt(serve, "--auth-secret", help="session cookie signing secret (default: derived from token secret)")
    _flag(serve, "--cookie-secure", "mark the session cookie Secure (behind TLS)")
    _flag(serve, "--seed", "seed demo data when the database is empty")
    _opt(
        serve,
        "--token-fault-file",
        help="TEST ONLY: while FILE exists, the token route misbehaves as it says: a status "
        "(500), '429 SECONDS', garbage, no-token or hang (whatrack_ref/tokenfault.py)",
    )

    seed = sub.add_parser("seed", help="write demo data (idempotent)")
    _opt(seed, "--db", required=True, help="SQLite file")
    _opt(seed, "--seed-value", type=int, default=DEFAULT_SEED, help="random seed of the demo data")

    sim = sub.add_parser("simulate", help="play Meta and an agent against a running backend")
    _opt(sim, "--backend-url", required=True, help="e.g. http://127.0.0.1:8080")
    _opt(sim, "--webhook-secret", required=True, help="same secret the backend verifies")
    _opt(sim, "--rate", type=float, default=2.0, help="events per second")
    _opt(sim, "--duration", type=float, help="stop after this many seconds (default: until SIGINT/SIGTERM)")
    _opt(sim, "--email", help="agent email for ticket changes (none: no ticket changes)")
    _opt(sim, "--password", help="agent password")
    _opt(sim, "--seed", type=int, default=1, help="random seed of the simulated traffic")
    _opt(sim, "--data-seed", type=int, default=DEFAULT_SEED, help="seed the demo data was made with")
    _opt(sim, "--ca-cert", help="CA bundle when --backend-url is https")

    sub.add_parser("openapi", help="print the OpenAPI document as JSON")
    sub.add_parser("demo-info", help="print the demo credentials, organizations and phone ids as JSON")
    return parser


def _configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(), stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # httpx logs every request at INFO (the publisher's and the simulator's): keep only problems.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))


def _settings_from(args: argparse.Namespace) -> Settings:
    return Settings(
        db_path=args.db,
        token_secret=args.token_secret,
        token_ttl=args.token_ttl,
        token_rate_limit=args.token_rate_limit,
        sign_in_rate_limit=args.sign_in_rate_limit,
        max_body_bytes=args.max_body_bytes,
        subscription_token_secret=args.subscription_token_secret,
        centrifugo_api_url=args.centrifugo_api_url,
        centrifugo_api_key=args.centrifugo_api_key,
        messages_channel=args.messages_channel,
        tickets_channel=args.tickets_channel,
        webhook_secret=args.webhook_secret,
        webhook_verify_token=args.webhook_verify_token,
        message_shape=args.message_shape,
        auth_secret=args.auth_secret,
        cookie_secure=args.cookie_secure,
        token_fault_file=args.token_fault_file,
    )


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from whatrack_ref.app import create_app
    from whatrack_ref.seed import is_empty, seed_database
    from whatrack_ref.tokens import check_secret

    try:
        settings = _settings_from(args)
    except ValueError as exc:
        log.error("invalid configuration: %s", exc)
        return 2
    check_secret("--token-secret", settings.token_secret)
    check_secret("--subscription-token-secret", settings.subscription_token_secret)
    if args.seed and is_empty(args.db):
        seed_database(args.db)
    if not settings.webhook_secret:
        log.warning("no --webhook-secret: every webhook POST will be rejected with 403")
    if not settings.centrifugo_api_url:
        log.warning("no --centrifugo-api-url: publications are counted but not sent")
    app = create_app(settings)
    log.info("serving on http://%s:%d (db %s, shape %s)", args.host, args.port, args.db, args.message_shape)
    uvicorn.run(
        app, host=args.host, port=args.port, log_level=args.log_level, access_log=False, timeout_graceful_shutdown=5
    )
    return 0


def _openapi() -> int:
    import tempfile

    from whatrack_ref.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(db_path=f"{tmp}/openapi.db", token_secret="x"), init=False)
        json.dump(app.openapi(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line and apply WHATRACK_* fallbacks."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _apply_env(parser, args)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    _configure_logging(args.log_level)
    if args.command == "serve":
        return _serve(args)
    if args.command == "seed":
        from whatrack_ref.seed import seed_database

        written = seed_database(args.db, seed=args.seed_value)
        print("seeded" if written else "already seeded")
        return 0
    if args.command == "demo-info":
        from whatrack_ref.seed_data import demo_info

        print(json.dumps(demo_info(), indent=2, ensure_ascii=False))
        return 0
    if args.command == "simulate":
        from whatrack_ref.simulator import run_simulator

        return run_simulator(args)
    return _openapi()
