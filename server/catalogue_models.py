"""ORM of the city AI platform's catalogue: AI products and clinic subscriptions.

Imported at the end of ``server/models.py`` so that ``Base.metadata`` (the
migrations' reference) always holds these tables.  A product marked
``auto_subscribe`` is subscribed by every clinic created after it (the
built-in analyzers keep working for new clinics until an admin says otherwise).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    insert,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.domain import OrgKind
from app.ormbase import utcnow
from server.models import Base, Organisation

RUNS = ("local", "remote")  # local: ONNX/classical in the workstation; remote: an OIP v2 endpoint
FALLBACKS = ("local", "none")  # when the remote endpoint is unavailable


class AiProduct(Base):
    __tablename__ = "ai_products"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    vendor: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(64))  # the product's version
    modality: Mapped[str] = mapped_column(String(16), index=True)
    intended_use: Mapped[str] = mapped_column(Text, default="")
    licence: Mapped[str] = mapped_column(String(200), default="")
    not_for_clinical_use: Mapped[bool] = mapped_column(Boolean, default=True)
    runs: Mapped[str] = mapped_column(String(16), default="local")
    analyzer: Mapped[str] = mapped_column(String(64), default="")  # registry analyzer name
    model_id: Mapped[str] = mapped_column(String(64), default="")  # manifest slot id
    endpoint_url: Mapped[str] = mapped_column(String(500), default="")
    remote_model: Mapped[str] = mapped_column(String(200), default="")
    remote_version: Mapped[str] = mapped_column(String(64), default="")
    fallback: Mapped[str] = mapped_column(String(16), default="local")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    auto_subscribe: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AiSubscription(Base):
    __tablename__ = "ai_subscriptions"
    __table_args__ = (UniqueConstraint("org_id", "product_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int] = mapped_column(
        ForeignKey("ai_products.id", ondelete="CASCADE"), index=True
    )
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


@event.listens_for(Organisation, "after_insert")
def _subscribe_new_clinic(_mapper, connection, org: Organisation) -> None:
    if org.kind != OrgKind.CLINIC.value:
        return
    ids = connection.scalars(
        select(AiProduct.id).where(AiProduct.auto_subscribe.is_(True), AiProduct.active.is_(True))
    ).all()
    if ids:
        connection.execute(
            insert(AiSubscription),
            [
                {"org_id": org.id, "product_id": i, "created_by": "auto", "created_at": utcnow()}
                for i in ids
            ],
        )
