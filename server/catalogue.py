"""The AI catalogue's rows as API bodies and back (``server/routes/catalogue.py``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ai.products import Product
from server.catalogue_models import AiProduct, AiSubscription
from server.serialize import ts

EDITABLE = (
    "name",
    "vendor",
    "version",
    "modality",
    "intended_use",
    "licence",
    "not_for_clinical_use",
    "runs",
    "analyzer",
    "model_id",
    "endpoint_url",
    "remote_model",
    "remote_version",
    "fallback",
    "auto_subscribe",
    "active",
)


def product_out(p: AiProduct, subscribers: list[int] | None = None) -> dict:
    body = Product(
        id=p.id,
        code=p.code,
        builtin=p.builtin,
        subscribers=sorted(subscribers or []),
        **{k: getattr(p, k) for k in EDITABLE},
    ).to_dict()
    body.update(row_version=p.row_version, updated_at=ts(p.updated_at))
    if subscribers is None:
        body.pop("subscribers")
    return body


def subscribers_of(s: Session) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for product_id, org_id in s.execute(select(AiSubscription.product_id, AiSubscription.org_id)):
        out.setdefault(product_id, []).append(org_id)
    return out


def subscribed(s: Session, org_id: int) -> list[AiProduct]:
    rows = s.scalars(
        select(AiProduct)
        .join(AiSubscription, AiSubscription.product_id == AiProduct.id)
        .where(AiSubscription.org_id == org_id, AiProduct.active.is_(True))
        .order_by(AiProduct.modality, AiProduct.name)
    )
    return list(rows)
