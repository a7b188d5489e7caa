"""Health and development-only introspection."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, Depends, Request

from whatrack_ref import __version__
from whatrack_ref.deps import get_db
from whatrack_ref.timeutil import now_iso

router = APIRouter(prefix="/api/v1", tags=["system"])


@router.get("/health")
def health(db: sqlite3.Connection = Depends(get_db)) -> dict[str, Any]:
    """Liveness plus a trivial DB query, for devstack/up's readiness wait."""
    db.execute("SELECT 1").fetchone()
    return {"status": "ok", "version": __version__, "time": now_iso()}


@router.get("/dev/publish-stats")
def publish_stats(request: Request) -> dict[str, Any]:
    """Publisher counters and the last 100 publications (reference backend only)."""
    stats: dict[str, Any] = request.app.state.publisher.stats()
    return stats
