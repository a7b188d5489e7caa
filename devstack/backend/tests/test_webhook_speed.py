"""What keeps a webhook's cost flat as the organization grows (the 5,000-chat soak, issue 12)."""

from __future__ import annotations

import os
import sqlite3

from tests.helpers import CLINIC, Backend, meta_payload, text_message
from whatrack_ref.db import connect
from whatrack_ref.webhook_handler import process_payload


def _plans(conn: sqlite3.Connection, statements: list[str]) -> list[str]:
    details = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            details += [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
    return details


def test_a_delivery_looks_its_lead_up_by_index_not_by_scanning_the_organization(backend: Backend) -> None:
    conn = connect(backend.settings.db_path)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)  # expanded SQL, values included
    try:
        payload = meta_payload(CLINIC.instances[0].phone_id, messages=[text_message("5511977770001", "wamid.s1", "oi")])
        process_payload(conn, backend.settings, payload, lambda channel, data: None)
        conn.set_trace_callback(None)
        plans = _plans(conn, statements)
    finally:
        conn.close()
    lead_plans = [p for p in plans if "crm_leads" in p]
    assert lead_plans
    # Searching by organization alone reads every lead of it: O(chats) per delivery.
    assert not [p for p in lead_plans if p.startswith("SCAN") or p.endswith("(organization_id=?)")], lead_plans


def test_the_wal_survives_between_requests(backend: Backend) -> None:
    """A request closing the only connection would checkpoint and delete the WAL every time."""
    payload = meta_payload(CLINIC.instances[0].phone_id, messages=[text_message("5511977770002", "wamid.s2", "oi")])
    assert backend.webhook(payload).status_code == 200
    assert os.path.exists(backend.settings.db_path + "-wal")
