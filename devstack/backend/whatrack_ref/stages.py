"""Default ticket stages (src/lib/constants/ticket-stages.ts of the ticket era)."""

from __future__ import annotations

import sqlite3

from whatrack_ref.ids import stable_id

#: name, color, order, isDefault, isClosed
DEFAULT_STAGES: tuple[tuple[str, str, int, bool, bool], ...] = (
    ("Novo", "#6366f1", 1, True, False),
    ("Em Atendimento", "#f59e0b", 2, False, False),
    ("Negociação", "#8b5cf6", 3, False, False),
    ("Fechado/Ganho", "#22c55e", 4, False, True),
    ("Fechado/Perdido", "#ef4444", 5, False, True),
)


def stage_id_for(org_id: str, name: str) -> str:
    """Stable id of a default stage, so seeds and docs can name it."""
    return stable_id(f"stage:{org_id}:{name}")


def ensure_default_stages(conn: sqlite3.Connection, org_id: str) -> None:
    """Create the default stages of an organization if missing (caller owns the transaction)."""
    conn.executemany(
        """INSERT OR IGNORE INTO crm_ticket_stages(id, organization_id, name, color, "order", is_default, is_closed)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [(stage_id_for(org_id, n), org_id, n, c, o, int(d), int(cl)) for n, c, o, d, cl in DEFAULT_STAGES],
    )


def default_stage_id(conn: sqlite3.Connection, org_id: str) -> str:
    """`getDefaultTicketStage`: the default stage, else the first by order; creates them if none."""
    ensure_default_stages(conn, org_id)
    row = conn.execute(
        """SELECT id FROM crm_ticket_stages WHERE organization_id = ?
            ORDER BY is_default DESC, "order" LIMIT 1""",
        (org_id,),
    ).fetchone()
    stage_id: str = row["id"]
    return stage_id
