"""Time helpers.

Timestamps are stored and served as JavaScript `Date.toISOString()` strings
(`2026-05-18T13:45:00.000Z`) because that is what the real backend's JSON carries, and because
that fixed-width UTC form sorts correctly as text in SQLite.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import overload


def utcnow() -> datetime:
    """Current time, timezone-aware UTC, truncated to milliseconds like a JS Date."""
    now = datetime.now(UTC)
    return now.replace(microsecond=(now.microsecond // 1000) * 1000)


@overload
def iso(dt: datetime) -> str: ...
@overload
def iso(dt: None) -> None: ...
@overload
def iso(dt: datetime | None) -> str | None: ...


def iso(dt: datetime | None) -> str | None:
    """Format like JS `toISOString()`; `None` passes through (nullable columns)."""
    if dt is None:
        return None
    dt = dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


@overload
def parse_iso(value: str) -> datetime: ...
@overload
def parse_iso(value: None) -> None: ...


def parse_iso(value: str | None) -> datetime | None:
    """Parse what `iso()` produced (and other ISO 8601 forms with a zone)."""
    if value is None:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def from_epoch(seconds: int | float) -> datetime:
    """Meta sends epoch seconds (as strings); convert to an aware datetime."""
    return datetime.fromtimestamp(float(seconds), tz=UTC)


def now_iso() -> str:
    """Shortcut for the common `iso(utcnow())`."""
    return iso(utcnow())


__all__ = ["utcnow", "iso", "parse_iso", "from_epoch", "now_iso", "timedelta"]
