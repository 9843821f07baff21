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
    """ASGI middleware: ``app = BodyLimit(app, chunk_max)``.

    A declared length is checked up front (the HTTP parser then enforces it).
    A chunked body is read here, at most ``limit`` bytes, and handed on whole;
    one byte more and the answer is 413 with ``Connection: close``, so the
    server neither buffers nor drains the rest.
    """

    def __init__(self, app, chunk_max: int) -> None:
        self.app, self.chunk_max = app, chunk_max

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = limit_for(scope["path"], scope["method"], self.chunk_max)
        declared = None
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await _answer(send, 400, "bad_content_length", "bad Content-Length")
        if declared is not None:
            if declared > limit:
                return await _too_large(send, limit)
            return await self.app(scope, receive, send)
        chunks, total = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            total += len(message.get("body", b""))
            if total > limit:
                return await _too_large(send, limit)
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)


async def _too_large(send, limit: int) -> None:
    err = BodyTooLarge(limit)
    await _answer(send, 413, err.code, err.detail, close=True, limit=limit)


async def _answer(send, status: int, code: str, detail: str, close: bool = False, **extra):
    body = json.dumps({"error": code, "detail": detail, **extra}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:  # uvicorn then closes instead of reading the rest of the body
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
