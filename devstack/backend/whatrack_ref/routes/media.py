"""Media proxy stand-in: `/api/v1/whatsapp/media/{id}` serves a generated placeholder."""

from __future__ import annotations

import sqlite3
from urllib.parse import quote

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from whatrack_ref.deps import OrgAccess, get_db, require_org
from whatrack_ref.errors import ApiError
from whatrack_ref.mediagen import render
from whatrack_ref.schemas import ERRORS, ErrorBody

router = APIRouter(prefix="/api/v1/whatsapp", tags=["inbox"])


@router.get(
    "/media/{media_id:path}",
    response_class=Response,
    responses={
        200: {"content": {"image/png": {}, "audio/wav": {}, "application/pdf": {}}, "description": "media bytes"},
        404: {"model": ErrorBody},
        **ERRORS,
    },
)
def get_media(
    media_id: str,
    access: OrgAccess = Depends(require_org),
    db: sqlite3.Connection = Depends(get_db),
) -> Response:
    """Bytes for `mediaUrl: meta_id:<id>` (pass `<id>`); only media of the caller's organization."""
    row = db.execute(
        "SELECT kind, filename FROM whatsapp_media WHERE id = ? AND organization_id = ?",
        (media_id, access.organization_id),
    ).fetchone()
    if row is None:
        raise ApiError(404, "Mídia não encontrada")
    data, content_type = render(media_id, row["kind"], row["filename"])
    headers = {"Cache-Control": "private, max-age=86400"}
    if row["filename"]:
        headers["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(row['filename'])}"
    return Response(content=data, media_type=content_type, headers=headers)
