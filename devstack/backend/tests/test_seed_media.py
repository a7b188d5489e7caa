"""Seed content and idempotency, and the media placeholders it references."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers import BOUTIQUE, CLINIC, DEMO, Backend
from whatrack_ref.seed import seed_database
from whatrack_ref.seed_data import ORGS, contacts_for


def _count(db: Path, sql: str, *params: object) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def test_seed_is_idempotent_and_deterministic(tmp_path: Path, seeded_template: Path) -> None:
    db = tmp_path / "seed.sqlite"
    assert seed_database(str(db)) is True
    counts = [_count(db, f"SELECT COUNT(*) FROM {t}") for t in ("crm_leads", "whatsapp_messages", "crm_tickets")]
    assert seed_database(str(db)) is False
    assert counts == [
        _count(db, f"SELECT COUNT(*) FROM {t}") for t in ("crm_leads", "whatsapp_messages", "crm_tickets")
    ]
    # same seed, same data (ids, names, texts), whatever the moment of seeding
    query = "SELECT group_concat(id || coalesce(body, ''), ',') FROM (SELECT * FROM whatsapp_messages ORDER BY id)"
    assert _count(db, query) == _count(seeded_template, query)


def test_seed_volume_and_variety(seeded_template: Path) -> None:
    db = seeded_template
    assert _count(db, "SELECT COUNT(*) FROM crm_leads WHERE organization_id = ?", CLINIC.id) >= 200
    assert _count(db, "SELECT COUNT(*) FROM crm_leads WHERE organization_id = ?", BOUTIQUE.id) >= 50
    for kind in ("image", "audio", "document"):
        assert (
            _count(db, "SELECT COUNT(*) FROM whatsapp_messages WHERE type = ? AND media_url LIKE 'meta_id:%'", kind) > 0
        )
    for status in ("open", "closed_won", "closed_lost", "closed"):
        assert (
            _count(
                db,
                """SELECT COUNT(*) FROM crm_tickets t JOIN crm_ticket_statuses s ON s.id = t.status_id
                             WHERE s.name = ?""",
                status,
            )
            > 0
        )
    assert _count(db, "SELECT COUNT(DISTINCT stage_id) FROM crm_tickets WHERE organization_id = ?", CLINIC.id) == 5
    assert _count(db, "SELECT COUNT(*) FROM member WHERE user_id = ?", DEMO.id) == 2
    assert _count(db, "SELECT COUNT(*) FROM whatsapp_messages WHERE body LIKE '%ã%' OR body LIKE '%ç%'") > 0


def test_contacts_are_stable_for_the_simulator() -> None:
    first = contacts_for(ORGS[0])
    assert first == contacts_for(ORGS[0])
    assert len({c.wa_id for c in first}) == len(first) == ORGS[0].chats
    assert all(c.wa_id.startswith("55") and len(c.wa_id) == 13 for c in first)


@pytest.mark.parametrize(
    "kind,content_type,magic",
    [
        ("image", "image/png", b"\x89PNG"),
        ("audio", "audio/wav", b"RIFF"),
        ("document", "application/pdf", b"%PDF"),
    ],
)
def test_seeded_media_is_served_with_its_content_type(
    demo: Backend, seeded_template: Path, kind: str, content_type: str, magic: bytes
) -> None:
    conn = sqlite3.connect(seeded_template)
    media_url = conn.execute(
        """SELECT m.media_url FROM whatsapp_messages m JOIN crm_leads l ON l.id = m.lead_id
                                 WHERE m.type = ? AND l.organization_id = ? LIMIT 1""",
        (kind, CLINIC.id),
    ).fetchone()[0]
    conn.close()
    media_id = media_url.split(":", 1)[1]
    response = demo.get(f"/api/v1/whatsapp/media/{media_id}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(content_type)
    assert response.content.startswith(magic) and len(response.content) > 100
    assert demo.get(f"/api/v1/whatsapp/media/{media_id}", org=BOUTIQUE.id).status_code == 404  # other org's media


def test_media_needs_session_and_known_id(backend: Backend) -> None:
    assert backend.get("/api/v1/whatsapp/media/123").status_code == 401
    backend.sign_in()
    missing = backend.get("/api/v1/whatsapp/media/123")
    assert missing.status_code == 404 and "error" in missing.json()


def test_seed_constants_are_literals_that_match_the_seed() -> None:
    """devstack/up reads seed_constants.py with ast.literal_eval; it must agree with the data."""
    import ast

    from whatrack_ref import seed_constants
    from whatrack_ref.seed_data import AGENTS

    tree = ast.parse(Path(seed_constants.__file__).read_text("utf-8"))
    literals = {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
    }
    assert literals["DEMO_EMAIL"] == AGENTS[0].email == DEMO.email
    assert literals["DEMO_PASSWORD"] == AGENTS[0].password
    assert [o["id"] for o in literals["DEMO_ORGANIZATIONS"]] == [CLINIC.id, BOUTIQUE.id]
    assert [o["name"] for o in literals["DEMO_ORGANIZATIONS"]] == [CLINIC.name, BOUTIQUE.name]
