"""What the regional server's own AI pre-read did with a case's files, as its pulled
changes said (kept in each file's ``meta["preread_state"]``)."""

from __future__ import annotations

from sqlalchemy import select

from app.models import StoredObject

# states a clinic user should hear about: the server ran no AI, or its AI failed
TOLD = ("unsubscribed", "failed")


def server_preread_states(store, study_pk: int) -> list[str]:
    """The told states of the study's files, each once, in ``TOLD`` order."""
    with store.read_session() as s:
        metas = s.scalars(select(StoredObject.meta).where(StoredObject.study_pk == study_pk))
        seen = {(m or {}).get("preread_state") for m in metas}
    return [state for state in TOLD if state in seen]
