"""Fixtures for the contract tests: a seeded DB made once, copied per test."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.helpers import TOKEN_SECRET, WEBHOOK_SECRET, Backend
from whatrack_ref.app import create_app
from whatrack_ref.config import Settings
from whatrack_ref.seed import seed_database


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, seeded once per run and checkpointed so a file copy is complete."""
    path = tmp_path_factory.mktemp("template") / "seeded.sqlite"
    assert seed_database(str(path))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture
def make_backend(tmp_path: Path, seeded_template: Path) -> Iterator[Callable[..., Backend]]:
    """Factory for in-process backends on a private copy of the seeded DB."""
    started: list[Backend] = []

    def factory(api_reply: Callable[[httpx.Request], httpx.Response] | None = None, **overrides: Any) -> Backend:
        """`api_reply` replaces Centrifugo's answer (e.g. to simulate publish failures)."""
        db = tmp_path / f"backend{len(started)}.sqlite"
        shutil.copyfile(seeded_template, db)
        options: dict[str, Any] = {
            "db_path": str(db),
            "token_secret": TOKEN_SECRET,
            "webhook_secret": WEBHOOK_SECRET,
            "centrifugo_api_url": "http://centrifugo.invalid/api",
            "centrifugo_api_key": "test-api-key",
        }
        options.update(overrides)
        settings = Settings(**options)
        captured: list[dict[str, Any]] = []

        def centrifugo_api(request: httpx.Request) -> httpx.Response:
            assert request.url.path == "/api/publish"
            assert request.headers["X-API-Key"] == "test-api-key"
            captured.append(json.loads(request.content))
            return api_reply(request) if api_reply else httpx.Response(200, json={"result": {}})

        app = create_app(settings, publisher_transport=httpx.MockTransport(centrifugo_api))
        client = TestClient(app)
        client.__enter__()  # runs the lifespan: starts the publisher thread
        backend = Backend(app=app, client=client, settings=settings, captured=captured)
        started.append(backend)
        return backend

    try:
        yield factory
    finally:
        for backend in started:
            backend.client.__exit__(None, None, None)


@pytest.fixture
def backend(make_backend: Callable[..., Backend]) -> Backend:
    return make_backend()


@pytest.fixture
def demo(backend: Backend) -> Backend:
    """A backend with the demo agent signed in."""
    backend.sign_in()
    return backend
