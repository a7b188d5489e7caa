"""Request-body size limit: 413 before a large body is read.

A body can announce its size or not, so the guard checks both:
- a `Content-Length` above the limit is answered 413 at once, before any route code runs and
  without reading a byte of the body (a `Content-Length` that is not one plain decimal number is
  a 400);
- a streamed (chunked) body is counted as the route reads it, and reading stops with a 413 as
  soon as the count passes the limit.

Not FastAPI's `max_body_size` (Starlette's RequestBodyLimitMiddleware): its 413 is plain text,
not our `{"error"}` shape, and a declared oversize body is refused only once a route reads it.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from whatrack_ref.errors import BodyTooLarge, error_response, too_large_response

_MAX_LENGTH_DIGITS = 20  # beyond any real body; keeps int() of a hostile header cheap


class BodySizeLimit:
    """Pure ASGI middleware: at most `max_bytes` of request body, declared or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).getlist("content-length")
        if declared:
            values = {value.strip() for value in declared}
            text = values.pop()
            if values or not (text.isascii() and text.isdigit()) or len(text) > _MAX_LENGTH_DIGITS:
                await error_response(400, "Invalid Content-Length header")(scope, receive, send)
                return
            if int(text) > self.max_bytes:
                await too_large_response(self.max_bytes)(scope, receive, send)
                return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # An HTTPException, so FastAPI's body parsing passes it on untouched and the
                    # exception handler in errors.py answers 413.
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited_receive, send)
