"""State changes checked against the record, not only the status graph.

``app.domain.TRANSITIONS`` says which status may follow which; these rules add
what must be true of the case for a status set by hand (PATCH): a case is
"signed" only with a signed report and only by a specialist or pathologist,
"reported" only with a report beyond draft; a consult is "reported" only with
its report beyond draft (signing a report moves it there by itself).
"""

from __future__ import annotations

from sqlalchemy import select

from app.domain import ReportState, Status
from server.access import can_sign
from server.errors import ApiError
from server.models import Case, Consult, Report

WRITTEN = (ReportState.CONFIRMED.value, ReportState.SIGNED.value)


def _has_report(s, *where, states=WRITTEN) -> bool:
    q = select(Report.id).where(*where, Report.state.in_(states)).limit(1)
    return s.scalar(q) is not None


def check_case_status(c, case: Case, new: Status) -> None:
    """Raise 403/422 unless the caller may set ``case`` to ``new`` now."""
    old = Status(case.status)
    signer_only = new == Status.SIGNED or (old == Status.SIGNED and new == Status.REPORTED)
    if signer_only and not can_sign(c.user):
        raise c.forbid("only specialists and pathologists sign or amend reports", "case", case.id)
    if new == Status.SIGNED and not _has_report(
        c.s, Report.case_id == case.id, states=(ReportState.SIGNED.value,)
    ):
        raise ApiError(422, "bad_transition", "the case has no signed report; sign it first")
    if new == Status.REPORTED and not _has_report(c.s, Report.case_id == case.id):
        raise ApiError(422, "bad_transition", "the case has no report yet; write one first")


def check_consult_status(c, consult: Consult, new: str) -> None:
    if new == "reported" and not _has_report(c.s, Report.consult_id == consult.id):
        raise ApiError(
            422, "bad_transition", "this consult has no report yet; write and sign one first"
        )
