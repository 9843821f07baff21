"""The city AI platform's catalogue: admins manage AI products and which clinics
subscribe; a workstation lists its own organisation's subscriptions.

Every admin change is audited (``ai_catalogue``) like the other admin routes.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field, HttpUrl, model_validator
from sqlalchemy import select

from app.domain import OrgKind, Role
from app.ormbase import utcnow
from server.catalogue import EDITABLE, product_out, subscribed, subscribers_of
from server.catalogue_models import AiProduct, AiSubscription
from server.deps import Ctx, CtxDep
from server.errors import ApiError, not_found
from server.models import Organisation

router = APIRouter(prefix="/api/v1", tags=["ai catalogue"])


class ProductIn(BaseModel):
    code: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")
    name: str = Field(min_length=1, max_length=200)
    vendor: str = Field(min_length=1, max_length=200)
    version: str = Field(min_length=1, max_length=64)
    modality: str = Field(min_length=1, max_length=16)
    intended_use: str = Field("", max_length=4000)
    licence: str = Field("", max_length=200)
    not_for_clinical_use: bool = True
    runs: Literal["local", "remote"] = "local"
    analyzer: str = Field("", max_length=64)
    model_id: str = Field("", max_length=64)
    endpoint_url: HttpUrl | Literal[""] = ""
    remote_model: str = Field("", max_length=200)
    remote_version: str = Field("", max_length=64)
    fallback: Literal["local", "none"] = "local"
    auto_subscribe: bool = False
    active: bool = True
    row_version: int | None = Field(None, description="for updates: the version you edited")

    @model_validator(mode="after")
    def _where(self):
        if self.runs == "remote" and not (self.endpoint_url and self.remote_model):
            raise ValueError("a remote product needs endpoint_url and remote_model")
        if self.runs == "remote" and not self.model_id:
            raise ValueError("a remote product needs the model_id of the slot it fills")
        if self.runs == "local" and not self.analyzer:
            raise ValueError("a local product needs the analyzer it runs")
        return self

    def values(self) -> dict:
        d = self.model_dump(include=set(EDITABLE))
        d["endpoint_url"] = str(self.endpoint_url).rstrip("/") if self.endpoint_url else ""
        d["modality"] = self.modality.upper()
        return d


class SubscriptionIn(BaseModel):
    org_id: int


def _product(c: Ctx, product_id: int) -> AiProduct:
    p = c.s.get(AiProduct, product_id)
    if p is None:
        raise not_found("AI product", product_id)
    return p


def _check_row_version(c: Ctx, p: AiProduct, sent: int | None) -> None:
    """Optimistic concurrency on ``row_version`` (``version`` is the product's own)."""
    header = c.request.headers.get("if-match", "").strip().removeprefix("W/").strip('"')
    if header:
        if not header.isdigit():
            raise ApiError(400, "bad_if_match", "If-Match must be a row_version number")
        sent = int(header)
    if sent is None:
        raise ApiError(
            428, "version_required", "send the row_version you edited", current=p.row_version
        )
    if sent != p.row_version:
        raise ApiError(409, "conflict", "the AI product changed meanwhile", current=product_out(p))


@router.get("/ai-products", summary="The AI products your organisation subscribes to")
def my_products(c: CtxDep):
    products = subscribed(c.s, c.user.org_id)
    org = c.s.get(Organisation, c.user.org_id)
    body = {"org_id": org.id, "org_kind": org.kind, "products": [product_out(p) for p in products]}
    return c.done(body)


@router.get("/admin/ai-products", summary="The whole AI catalogue with subscribers (admin)")
def list_products(c: CtxDep):
    c.require_role(Role.ADMIN)
    subs = subscribers_of(c.s)
    rows = c.s.scalars(select(AiProduct).order_by(AiProduct.modality, AiProduct.name))
    return c.done({"products": [product_out(p, subs.get(p.id, [])) for p in rows]})


@router.post("/admin/ai-products", status_code=201, summary="Add an AI product (admin)")
def create_product(body: ProductIn, c: CtxDep):
    c.require_role(Role.ADMIN)
    if c.s.scalar(select(AiProduct).where(AiProduct.code == body.code)):
        raise ApiError(409, "code_taken", f"an AI product with code {body.code!r} exists")
    p = AiProduct(code=body.code, **body.values())
    c.s.add(p)
    c.s.flush()
    c.audit("ai_catalogue", "ai_product", p.id, op="create", code=p.code, runs=p.runs)
    return c.done(product_out(p, []), 201)


@router.put("/admin/ai-products/{product_id}", summary="Change an AI product (admin, If-Match)")
def update_product(product_id: int, body: ProductIn, c: CtxDep):
    c.require_role(Role.ADMIN)
    p = _product(c, product_id)
    _check_row_version(c, p, body.row_version)
    if body.code != p.code:
        raise ApiError(422, "code_fixed", "an AI product's code cannot change")
    changed = {k: v for k, v in body.values().items() if getattr(p, k) != v}
    for k, v in changed.items():
        setattr(p, k, v)
    if changed:
        p.row_version += 1
        p.updated_at = utcnow()
    c.audit("ai_catalogue", "ai_product", p.id, op="update", fields=sorted(changed))
    return c.done(product_out(p, subscribers_of(c.s).get(p.id, [])))


@router.post(
    "/admin/ai-products/{product_id}/subscriptions",
    status_code=201,
    summary="Subscribe a clinic to an AI product (admin)",
)
def subscribe(product_id: int, body: SubscriptionIn, c: CtxDep):
    c.require_role(Role.ADMIN)
    p = _product(c, product_id)
    org = c.s.get(Organisation, body.org_id)
    if org is None:
        raise not_found("organisation", body.org_id)
    if org.kind != OrgKind.CLINIC.value:
        raise ApiError(422, "not_a_clinic", f"{org.name} is not a clinic")
    found = c.s.scalar(
        select(AiSubscription).where(
            AiSubscription.org_id == org.id, AiSubscription.product_id == p.id
        )
    )
    if found is None:
        c.s.add(AiSubscription(org_id=org.id, product_id=p.id, created_by=c.user.username))
        c.s.flush()
    c.audit("ai_catalogue", "ai_product", p.id, op="subscribe", org_id=org.id)
    return c.done(product_out(p, subscribers_of(c.s).get(p.id, [])), 201)


@router.delete(
    "/admin/ai-products/{product_id}/subscriptions/{org_id}",
    summary="End a clinic's subscription (admin)",
)
def unsubscribe(product_id: int, org_id: int, c: CtxDep):
    c.require_role(Role.ADMIN)
    p = _product(c, product_id)
    found = c.s.scalar(
        select(AiSubscription).where(
            AiSubscription.org_id == org_id, AiSubscription.product_id == p.id
        )
    )
    if found is None:
        raise not_found("subscription", f"{product_id}/{org_id}")
    c.s.delete(found)
    c.s.flush()
    c.audit("ai_catalogue", "ai_product", p.id, op="unsubscribe", org_id=org_id)
    return c.done(product_out(p, subscribers_of(c.s).get(p.id, [])))
