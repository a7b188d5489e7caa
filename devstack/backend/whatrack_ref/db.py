"""SQLite access.

One connection per request (opened by a FastAPI dependency, closed after the response) instead
of a shared connection: sqlite3 connections are not meant to be shared across threads, and
FastAPI runs sync handlers in a thread pool. WAL lets readers proceed while a writer commits;
writers take the lock up front (`BEGIN IMMEDIATE`) so two writers queue on `busy_timeout`
instead of failing with "database is locked" when a read transaction tries to upgrade.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

from whatrack_ref.ids import stable_id

SCHEMA_VERSION = "1"
MESSAGE_DIRECTIONS = ("INBOUND", "OUTBOUND")
TICKET_STATUSES = ("open", "closed", "pending", "closed_won", "closed_lost")


def _fold(value: Any) -> str | None:
    """Unicode-aware lower-casing for search: SQLite's lower() only folds ASCII ('JOÃO')."""
    return value.casefold() if isinstance(value, str) else None


def connect(path: str) -> sqlite3.Connection:
    """Open a connection in autocommit mode; write transactions go through `write_tx`."""
    conn = sqlite3.connect(path, timeout=15.0, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 15000")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.create_function("fold", 1, _fold, deterministic=True)
    return conn


@contextmanager
def write_tx(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block in one write transaction; rolls back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def init_db(path: str) -> None:
    """Create the schema and the lookup rows (idempotent)."""
    conn = connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.executescript(resources.files("whatrack_ref").joinpath("schema.sql").read_text("utf-8"))
        with write_tx(conn):
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            conn.executemany(
                "INSERT OR IGNORE INTO crm_message_directions(id, name) VALUES (?, ?)",
                [(stable_id(f"direction:{name}"), name) for name in MESSAGE_DIRECTIONS],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO crm_ticket_statuses(id, name) VALUES (?, ?)",
                [(stable_id(f"ticket-status:{name}"), name) for name in TICKET_STATUSES],
            )
    finally:
        conn.close()


def direction_id(name: str) -> str:
    """Id of a row in crm_message_directions (stable, so no lookup query is needed)."""
    return stable_id(f"direction:{name}")


def status_id(name: str) -> str:
    """Id of a row in crm_ticket_statuses."""
    return stable_id(f"ticket-status:{name}")


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row["value"] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
