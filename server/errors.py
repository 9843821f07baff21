"""API errors: one JSON shape ``{"error": code, "detail": message, ...}``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError, StatementError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from server.dbgate import DatabaseBusy

BUSY_RETRY_S = 2  # Retry-After of a 503 when the database is overloaded


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        headers: dict[str, str] | None = None,
        **extra,
    ) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail
        self.headers, self.extra = headers, extra


class Replay(Exception):
    """Raised by the request context when an Idempotency-Key was seen before."""

    def __init__(self, response: JSONResponse) -> None:
        super().__init__("idempotent replay")
        self.response = response


def not_found(what: str, ident) -> ApiError:
    return ApiError(404, "not_found", f"{what} {ident} does not exist")


def conflict(what: str, current_version: int, current: dict) -> ApiError:
    return ApiError(
        409,
        "version_conflict",
        f"the {what} was changed by someone else (now at version {current_version}); "
        "reload it and apply your change again",
        current_version=current_version,
        current=current,
    )


SERIALIZATION_FAILURES = ("40001", "40P01")  # serialization failure, deadlock detected


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        body = {"error": exc.code, "detail": exc.detail, **exc.extra}
        return JSONResponse(body, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(validation_body(exc.errors()), status_code=422)

    @app.exception_handler(Replay)
    async def _replay(_request: Request, exc: Replay) -> JSONResponse:
        return exc.response

    @app.exception_handler(DatabaseBusy)
    @app.exception_handler(PoolTimeout)
    async def _busy(_request: Request, exc: Exception) -> JSONResponse:
        return busy(str(exc))

    @app.exception_handler(OverflowError)
    @app.exception_handler(DataError)
    async def _out_of_range(_request: Request, exc: Exception) -> JSONResponse:
        return out_of_range()

    @app.exception_handler(StatementError)
    async def _statement(_request: Request, exc: StatementError) -> JSONResponse:
        if isinstance(exc.orig, OverflowError):  # an id or number beyond 64 bits
            return out_of_range()
        raise exc

    @app.exception_handler(OperationalError)
    async def _operational(_request: Request, exc: OperationalError) -> JSONResponse:
        if "locked" in str(exc.orig) or "busy" in str(exc.orig):
            return busy("the database is locked by another process")
        if getattr(exc.orig, "sqlstate", None) in SERIALIZATION_FAILURES:  # PostgreSQL
            return busy("a concurrent change got in the way; try again")
        raise exc


def out_of_range() -> JSONResponse:
    """A number from the request does not fit the database (an id >= 2**63): nothing
    can have it, so the answer is 422, never a 500."""
    body = {"error": "out_of_range", "detail": "a number in the request is out of range"}
    return JSONResponse(body, status_code=422)


def validation_body(errors) -> dict:
    """A 422 that names each bad field and why, never echoing what was sent
    (a password or token sent in the wrong shape must not come back)."""
    problems = []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ())]
        problems.append({"loc": loc, "msg": str(e.get("msg", ""))[:300], "type": e.get("type")})
    where = "; ".join(f"{'.'.join(p['loc'])}: {p['msg']}" for p in problems[:5])
    return {"error": "invalid_request", "detail": f"invalid request: {where}", "errors": problems}


def busy(detail: str) -> JSONResponse:
    """503 with Retry-After: overload, nothing was written; the client retries later."""
    body = {"error": "server_busy", "detail": detail, "retry_after": BUSY_RETRY_S}
    return JSONResponse(body, status_code=503, headers={"Retry-After": str(BUSY_RETRY_S)})
