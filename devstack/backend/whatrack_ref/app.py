"""Application factory: wires settings, DB, publisher, rate limiter, routes and error shape."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request, Response

from whatrack_ref import __version__
from whatrack_ref.bodylimit import BodySizeLimit
from whatrack_ref.config import Settings
from whatrack_ref.db import connect, init_db
from whatrack_ref.errors import install_error_handlers
from whatrack_ref.passwords import dummy_hash
from whatrack_ref.publisher import Publisher
from whatrack_ref.ratelimit import SlidingWindowLimiter
from whatrack_ref.routes import auth, chats, media, realtime, system, tickets, webhook
from whatrack_ref.signin_throttle import SignInThrottle

access_log = logging.getLogger("whatrack_ref.access")


def create_app(
    settings: Settings, publisher_transport: httpx.BaseTransport | None = None, init: bool = True
) -> FastAPI:
    """Build the app. `publisher_transport` lets tests capture publications without Centrifugo."""
    if init:
        init_db(settings.db_path)
    publisher = Publisher(settings.centrifugo_api_url, settings.centrifugo_api_key, transport=publisher_transport)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Requests open and close their own connection (db.py). When the last connection to a WAL
        # database closes, SQLite checkpoints the WAL into the file and deletes it: with no other
        # connection open, every webhook paid that (~9 ms of its ~25 ms at 5,000 chats). This one
        # stays open while the app runs, so closing a request's connection is cheap; the WAL is
        # still checkpointed automatically every 1,000 pages.
        keeper = connect(settings.db_path)
        publisher.start()
        try:
            yield
        finally:
            publisher.stop()
            keeper.close()

    app = FastAPI(
        title="WhaTrack reference backend (ticket era)",
        version=__version__,
        description=(
            "Follows the real WhaTrack API (tjgontijo/whatrack @ 6fda984f) for the desktop inbox. "
            'Errors are `{"error": string, ...}`. Org routes need the better-auth session cookie and '
            "`x-organization-id` (or `?organizationId=`). See docs/api.md."
        ),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.publisher = publisher
    app.state.token_limiter = SlidingWindowLimiter(settings.token_rate_limit, 60.0)
    app.state.sign_in_throttle = SignInThrottle(settings.sign_in_rate_limit)
    dummy_hash()  # computed now, so the first sign-in with an unknown e-mail is not slower
    install_error_handlers(app)
    for module in (auth, realtime, chats, tickets, media, webhook, system):
        app.include_router(module.router)
    # Added before the logging middleware, so it runs inside it and refused bodies are logged.
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)

    @app.middleware("http")
    async def log_requests(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        # Path only: query strings may carry ids we do not want in logs, never cookies/tokens.
        started = time.perf_counter()
        response: Response = await call_next(request)
        access_log.info(
            "%s %s -> %d (%.1f ms)",
            request.method,
            request.url.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response

    return app
