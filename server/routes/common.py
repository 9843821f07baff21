"""Helpers shared by the resource routes: loading with access checks, changes."""

from __future__ import annotations

from sqlalchemy import select

from server.access import can_write_clinical, case_filter, consult_filter
from server.changes import record
from server.deps import Ctx
from server.errors import not_found
from server.models import Case, Consult


def load_case(
    c: Ctx, case_id: int, write: bool = False, shown: tuple[str, object] | None = None
) -> Case:
    """The case, if the caller may see it; else 404 exactly as for a missing one.

    ``shown`` names what the caller asked for (e.g. ``("object", 7)``) so the
    answer about a hidden object never mentions its case.
    """
    what, ident = shown or ("case", case_id)
    case = c.s.get(Case, case_id)
    if case is None:
        raise not_found(what, ident)
    if c.s.scalar(select(Case.id).where(Case.id == case_id, case_filter(c.user))) is None:
        raise c.hide(what, ident)
    if write and not can_write_clinical(c.user):
        raise c.forbid("your role cannot change clinical data", "case", case_id)
    return case


def load_consult(c: Ctx, consult_id: int) -> Consult:
    consult = c.s.get(Consult, consult_id)
    if consult is None:
        raise not_found("consult", consult_id)
    visible = select(Consult.id).where(Consult.id == consult_id, consult_filter(c.user))
    if c.s.scalar(visible) is None:
        raise c.hide("consult", consult_id)
    return consult


def record_for_case(c: Ctx, kind: str, rid, op: str, data: dict, case: Case, **kw) -> None:
    """Record a change of a resource that belongs to ``case`` (visible like the case)."""
    record(c.s, kind, rid, op, data, case_id=case.id, org_id=case.org_id, **kw)
