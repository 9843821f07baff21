"""Request body limits, enforced while the body streams in.

A ``Content-Length`` above the limit is refused before any byte is read; a
body without one (``Transfer-Encoding: chunked``) is counted as it arrives and
refused (413) the moment it passes the limit, so nothing beyond the limit is
ever buffered.  Uploads of file bytes may be as large as one upload chunk
(``--chunk-max``); every other request is JSON and much smaller.
"""

from __future__ import annotations

import json

from server.errors import ApiError

JSON_MAX_BYTES = 2 << 20  # everything but file bytes and annotation documents


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413, "body_too_large", f"this request may carry at most {limit} bytes", limit=limit
        )


def limit_for(path: str, method: str, chunk_max: int) -> int:
    """The largest body accepted for ``method path``."""
    if method == "PUT" and path.startswith("/api/v1/uploads/"):
        return chunk_max
    if method == "POST" and path.startswith("/api/v1/cases/") and path.endswith("/objects"):
        return chunk_max
    if path.endswith("/annotations"):
        return chunk_max
    return JSON_MAX_BYTES


class BodyLimit:
    """ASGI middleware: ``app = BodyLimit(app, chunk_max)``."""

    def __init__(self, app, chunk_max: int) -> None:
        self.app, self.chunk_max = app, chunk_max

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = limit_for(scope["path"], scope["method"], self.chunk_max)
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await _answer(
                        send, 400, "bad_content_length", "Content-Length is not a number"
                    )
                if declared > limit:
                    err = BodyTooLarge(limit)
                    return await _answer(send, 413, err.code, err.detail, limit=limit)
        received = 0

        async def counted():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)  # answered by the ApiError handler
            return message

        return await self.app(scope, counted, send)


async def _answer(send, status: int, code: str, detail: str, **extra) -> None:
    body = json.dumps({"error": code, "detail": detail, **extra}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
