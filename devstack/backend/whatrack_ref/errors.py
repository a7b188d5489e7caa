"""Error shape: always `{"error": "...", ...extra}` like the real `apiError()` helper.

FastAPI's defaults (`{"detail": ...}` and 422 for validation) are replaced so the desktop client
only needs one error decoder. Validation details never echo the offending input, because the
input can be a password.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("whatrack_ref.errors")


class ApiError(Exception):
    """Raised by handlers and services; rendered as `{"error": message, **extra}`."""

    def __init__(self, status: int, error: str, /, headers: dict[str, str] | None = None, **extra: Any):
        super().__init__(error)
        self.status = status
        self.error = error
        self.headers = headers
        self.extra = extra


class BodyTooLarge(StarletteHTTPException):
    """Raised while reading a request body that has grown past the limit (bodylimit.py)."""

    def __init__(self, limit: int):
        super().__init__(413, "Request body too large")
        self.limit = limit


def error_response(status: int, error: str, /, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": error, **extra}, status_code=status, headers=headers)


def too_large_response(limit: int) -> JSONResponse:
    return error_response(413, f"Request body too large (limit {limit} bytes)", limit=limit)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ()) if part != "body"]
        details.append({"path": ".".join(loc), "message": err.get("msg", "invalid")})
    return details


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the `{"error"}` shape."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.error, exc.headers, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(400, "Dados inválidos", details=_validation_details(exc))

    @app.exception_handler(BodyTooLarge)
    async def _body_too_large(_: Request, exc: BodyTooLarge) -> JSONResponse:
        return too_large_response(exc.limit)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "Erro"
        return error_response(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "Erro interno do servidor")
