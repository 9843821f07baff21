"""Which analyzer the server's pre-read runs for a case: only the AI products the
case's clinic subscribes to (``server/catalogue.py``).

- A clinic's case: the first analyzer of the modality that one of the clinic's
  active subscribed products runs (a local product's ``analyzer``; a remote
  product's model slot when its fallback is ``local`` -- the server runs the
  slot's local model, which the product allows when its endpoint is away).
- No subscribed product for the modality: nothing runs, the object is marked
  ``unsubscribed`` and says why (``preread_note``); no result is made up.
- A case of another organisation (the regional hospital's): every built-in, as
  on its workstations (subscriptions are the clinics').
- An analyzer no catalogue product names (an operator's ``--plugin``) is the
  server's own installation, not a product: it runs as before.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ai import registry
from app.domain import OrgKind
from server.catalogue import subscribed
from server.catalogue_models import AiProduct
from server.models import Organisation

UNSUBSCRIBED = "unsubscribed"  # its note: server.serialize.PREREAD_NOTES


def _slot_analyzers(model_id: str) -> set[str]:
    from app.modalities import DESCRIPTORS

    return {
        spec.name for d in DESCRIPTORS.values() for spec in d.analyzers if spec.model_id == model_id
    }


def _names(products: list[AiProduct]) -> set[str]:
    names = {p.analyzer for p in products if p.runs == "local" and p.analyzer}
    for p in products:
        if p.runs == "remote" and p.model_id and p.fallback == "local":
            names |= _slot_analyzers(p.model_id)
    return names


def choose(
    s: Session, org_id: int, candidates: list[registry.Analyzer]
) -> tuple[registry.Analyzer | None, str]:
    """(the analyzer to run, the object state when none): ``candidates`` are the
    modality's analyzers in registry order."""
    if not candidates:
        return None, "none"
    org = s.get(Organisation, org_id)
    if org is None or org.kind != OrgKind.CLINIC.value:
        return candidates[0], ""
    catalogued = set(s.scalars(select(AiProduct.analyzer).where(AiProduct.analyzer != "")))
    for p in s.scalars(select(AiProduct).where(AiProduct.runs == "remote")):
        catalogued |= _slot_analyzers(p.model_id)
    allowed = _names(subscribed(s, org_id))
    for a in candidates:
        if a.name in allowed or a.name not in catalogued:
            return a, ""
    return None, UNSUBSCRIBED
