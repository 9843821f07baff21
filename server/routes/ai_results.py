"""AI results a clinic computed, sent with its case (one shape: ``app.ai.AiResult``)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import select

from app.ai.result import AiResult, Source
from server.ai_results import add_result
from server.deps import CtxDep
from server.errors import ApiError
from server.models import StoredObject
from server.routes.common import load_case
from server.serialize import ai_out

router = APIRouter(prefix="/api/v1", tags=["ai results"])


class AckIn(BaseModel):
    finding_code: str = Field(max_length=64)
    acknowledged_at: str | None = None
    acknowledged_by_name: str = Field("", max_length=200)


class AiResultIn(BaseModel):
    result: dict = Field(description="an AI result in the shape of app.ai.AiResult.to_dict()")
    acknowledged: list[AckIn] = Field(
        default_factory=list, description="alerts of this result the clinic acknowledged"
    )


@router.post(
    "/cases/{case_id}/ai-results",
    status_code=201,
    summary="Add the clinic's AI result to a case (idempotent by result uid and model)",
)
def add_ai_result(case_id: int, body: AiResultIn, c: CtxDep):
    case = load_case(c, case_id, write=True)
    try:
        result = AiResult.from_dict(body.result)
    except (TypeError, ValueError) as err:
        raise ApiError(422, "invalid_ai_result", str(err)) from err
    if not result.model.name or not result.model.version:
        raise ApiError(422, "invalid_ai_result", "an AI result must name its model and version")
    result.source = Source.CLINIC
    obj = None
    if result.object_sha256:
        obj = c.s.scalar(
            select(StoredObject.id).where(
                StoredObject.case_id == case.id, StoredObject.sha256 == result.object_sha256
            )
        )
    acks = {a.finding_code: a.model_dump() for a in body.acknowledged}
    row, created = add_result(c.s, case, result, obj, acks, c.user.id)
    return c.done(ai_out(row), 201 if created else 200)
