"""Structured reports: AI-suggested draft -> doctor's edits -> confirm -> sign (Qt-free).

A draft made from an AI result is marked as AI-suggested text with the model
name and version, in Chinese or English.  Every AI finding must be confirmed
or rejected by the doctor before the report can be confirmed; only a confirmed
report can be signed.  Signing stores who and when and locks the report:
editing a signed report raises ``ReportLocked``; ``amend`` makes a new version.
Each operation is one database transaction with its audit row and the
worklist status change (checked by ``domain.check_transition``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app import report_templates as rt
from app.domain import AuditAction, ReportState, Role, Status, check_transition
from app.models import AIResult, AuditEvent, Report, User, WorklistItem, utcnow
from app.report_drafts import (  # noqa: F401
    ai_findings,
    build_draft,
    draft_context,
    draft_text,
    finding_text,
    from_clinic,
    reviewed_text,
)

LANGUAGES = ("zh_CN", "en")


class ReportError(ValueError):
    """The operation does not fit the report's state; ``code`` says which rule
    (the UI words it in the user's language), ``items`` what is missing."""

    def __init__(self, message: str, code: str = "", items: list[str] | None = None) -> None:
        super().__init__(message)
        self.code, self.items = code, list(items or [])


class ReportLocked(ReportError):
    """The report is signed: it can only be amended (new version)."""


@dataclass(frozen=True)
class ReportView:
    """A detached snapshot of one report row."""

    id: int
    study_pk: int
    state: str
    language: str
    text: str
    findings: list[dict[str, Any]]
    ai_result_id: int | None
    author_id: int | None
    signed_by: int | None
    signed_by_name: str
    signed_at: datetime | None
    version: int
    template: str = "generic"
    values: dict[str, str] = field(default_factory=dict)  # field key -> text
    ai_values: dict[str, str] = field(default_factory=dict)  # what the AI wrote there
    model: str = ""  # "name version" of the AI result the draft came from
    conclusion: str = ""
    consult_pk: int | None = None

    @property
    def locked(self) -> bool:
        return self.state == ReportState.SIGNED.value

    def from_ai(self, key: str) -> bool:
        """The field still holds the AI's text (not yet changed by a doctor)."""
        ai = self.ai_values.get(key)
        return ai is not None and self.values.get(key) == ai


# ---- store access ------------------------------------------------------------
def _values(r: Report) -> tuple[str, dict, dict, str]:
    """Template id and field values; a report that came without fields (an older
    client or the server's text only) shows its text in the template's first field."""
    f = dict(r.fields or {})
    template = rt.get(r.template or _modality_template(r)).id
    values = {k: str(v) for k, v in (f.get("values") or {}).items()}
    if not values:
        values = {rt.get(template).field_keys()[0]: r.text or ""}
        if r.conclusion and template != "ecg":
            values[rt.get(template).conclusion] = r.conclusion
    return template, values, dict(f.get("ai") or {}), str(f.get("model") or "")


def _modality_template(r: Report) -> str:
    """A report that arrived without a template id (pulled, or written before templates)."""
    from sqlalchemy.orm import object_session

    from app.models import Study

    s = object_session(r)
    study = s.get(Study, r.study_pk) if s is not None else None
    return rt.template_for_modality(study.modality).id if study is not None else "generic"


def _view(s, r: Report) -> ReportView:
    signer = s.get(User, r.signed_by) if r.signed_by else None
    template, values, ai_values, model = _values(r)
    return ReportView(
        r.id,
        r.study_pk,
        r.state,
        r.language,
        r.text,
        [dict(f) for f in r.findings or []],
        r.ai_result_id,
        r.author_id,
        r.signed_by,
        signer.display_name if signer else "",
        r.signed_at,
        r.version,
        template,
        values,
        ai_values,
        model,
        r.conclusion or "",
        r.consult_pk,
    )


def _audit(s, store, action: AuditAction, study_pk: int, user, **detail) -> None:
    who = user if user is not None else store.user
    s.add(
        AuditEvent(
            username=who.username if who else "",
            action=action.value,
            study_pk=study_pk,
            detail=detail,
        )
    )


def _move(s, store, study_pk: int, target: Status, user) -> None:
    """Move the worklist item to ``target`` through allowed steps (audited)."""
    item = s.scalars(select(WorklistItem).where(WorklistItem.study_pk == study_pk)).first()
    if item is None or item.status == target.value:
        return
    path = [target]
    if target == Status.REPORTED and item.status in (Status.NEW.value, Status.AI_PREREAD.value):
        path = [Status.AWAITING_REVIEW, Status.REPORTED]
    for new in path:
        old = Status(item.status)
        check_transition(old, new)
        item.status = new.value
        item.version += 1
        _audit(s, store, AuditAction.STATUS, study_pk, user, old=old.value, new=new.value)


def _get(s, report_id: int) -> Report:
    r = s.get(Report, report_id)
    if r is None:
        raise ReportError(f"report {report_id} does not exist")
    return r


def latest_ai_result(store, study_pk: int) -> tuple[int, dict[str, Any]] | None:
    with store.read_session() as s:
        ai = _latest_ai_row(s, study_pk)
        return (ai.id, dict(ai.payload or {})) if ai is not None else None


def _latest_ai_row(s, study_pk: int) -> AIResult | None:
    q = select(AIResult).where(AIResult.study_pk == study_pk)
    return s.scalars(q.order_by(AIResult.id.desc())).first()


def current_report(store, study_pk: int) -> ReportView | None:
    """The newest version of the study's report, or None.

    Rows are ordered by creation (an amendment is a new row), not by ``version``:
    sync replaces local version numbers with the server's own, which restart at 1
    for the server's copy of an amendment.
    """
    with store.read_session() as s:
        r = s.scalars(
            select(Report).where(Report.study_pk == study_pk).order_by(Report.id.desc())
        ).first()
        return _view(s, r) if r is not None else None


def get_report(store, report_id: int) -> ReportView:
    with store.read_session() as s:
        return _view(s, _get(s, report_id))


def create_draft(
    store,
    study_pk: int,
    summary: dict[str, Any] | None = None,
    ai_result_id: int | None = None,
    language: str = "zh_CN",
    user=None,
    start_from: dict[str, Any] | None = None,
) -> ReportView:
    """A draft in the study's template from its latest AI result (or ``summary``, an
    ECG analysis the viewer made), or from ``start_from`` (a consult's clinic draft:
    ``{"template", "fields", "text"}``).  Without either, every field says why it is
    empty.  Returns the open draft when the study already has an unsigned report.
    """
    from app.models import Study

    existing = current_report(store, study_pk)
    if existing is not None and not existing.locked:
        return existing
    if existing is not None:
        raise ReportLocked("the study's report is signed; amend it to make a new version", "locked")
    lang = language if language in LANGUAGES else "en"
    who = user if user is not None else store.user
    with store.session() as s:
        study = s.get(Study, study_pk)
        if study is None:
            raise ReportError(f"study {study_pk} does not exist")
        template = rt.template_for_study(s, study)
        if summary is not None:
            model = " ".join(str((summary.get("model") or {}).get(k) or "")
                             for k in ("name", "version")).strip()  # fmt: skip
            ai = rt.AiInput(ai_result_id, model, list(summary.get("findings") or []),
                            dict(summary.get("measurements") or {}), dict(summary))  # fmt: skip
        else:
            ai = rt.ai_input(_latest_ai_row(s, study_pk))
        draft = build_draft(template, ai, lang, draft_context(s, study, store))
        if start_from:
            draft = from_clinic(template, draft, start_from, lang)
        r = Report(
            study_pk=study_pk,
            state=ReportState.DRAFT.value,
            language=lang,
            template=template.id,
            text=draft["text"],
            conclusion=draft["conclusion"],
            fields=draft["fields"],
            findings=draft["findings"],
            ai_result_id=ai.result_id if ai is not None else None,
            author_id=who.id if who else None,
        )
        s.add(r)
        s.flush()
        _audit(s, store, AuditAction.REPORT_EDIT, study_pk, user, report_id=r.id, op="create")
        view = _view(s, r)
    store.events.changed.emit([study_pk])
    store.events.report.emit(study_pk, view.id, "create")
    return view


def edit(
    store,
    report_id: int,
    text: str | None = None,
    findings: list[dict[str, Any]] | None = None,
    user=None,
    op: str = "edit",
    values: dict[str, str] | None = None,
) -> ReportView:
    """Change field values (or the whole text) and/or findings; a confirmed report
    goes back to draft."""
    with store.session() as s:
        r = _get(s, report_id)
        if r.state == ReportState.SIGNED.value:
            raise ReportLocked(
                "a signed report cannot be edited; amend it to make a new version", "locked"
            )
        template = rt.get(r.template or _modality_template(r))
        fields = dict(r.fields or {})
        if values is None and text is not None and template.id == "ecg":
            values = {"interpretation": text}
        if values is not None:
            merged = dict(_values(r)[1])
            merged.update({k: str(v) for k, v in values.items() if k in template.field_keys()})
            text = rt.compose_text(template, merged, r.language)
            fields["values"] = merged
        elif text is not None:
            fields.pop("values", None)  # free text replaces the fields (e.g. a conflict kept)
        changed = (text is not None and text != r.text) or (
            findings is not None and findings != list(r.findings or [])
        )
        if not changed and fields == dict(r.fields or {}):
            return _view(s, r)
        if text is not None:
            r.text = text
            r.fields = fields
            if values is not None:
                r.conclusion = fields["values"].get(template.conclusion, "")
        if findings is not None:
            r.findings = [dict(f) for f in findings]
        if r.state == ReportState.CONFIRMED.value:
            r.state = ReportState.DRAFT.value
            _move(s, store, r.study_pk, Status.AWAITING_REVIEW, user)
        _audit(s, store, AuditAction.REPORT_EDIT, r.study_pk, user, report_id=r.id, op=op)
        view = _view(s, r)
    store.events.changed.emit([view.study_pk])
    store.events.report.emit(view.study_pk, view.id, op)
    return view


def autosave(
    store, report_id: int, text: str | None, findings=None, user=None, values=None
) -> ReportView | None:
    """Save a draft in progress; a no-op (None) for signed reports."""
    try:
        return edit(store, report_id, text, findings, user, op="autosave", values=values)
    except ReportLocked:
        return None


def unfinished_fields(r: Report) -> list[str]:
    """Fields still empty or still asking for the doctor's words."""
    template = rt.get(r.template or _modality_template(r))
    if template.id == "ecg":
        return []
    values = _values(r)[1]
    asks = {rt.text("doctor", lang) for lang in LANGUAGES}
    return [
        f.key
        for f in template.fields
        if f.kind == "text" and (not values.get(f.key, "").strip() or values[f.key] in asks)
    ]


def confirm(store, report_id: int, user=None) -> ReportView:
    """The doctor takes responsibility for the text and the decided findings."""
    with store.session() as s:
        r = _get(s, report_id)
        if r.state == ReportState.SIGNED.value:
            raise ReportLocked("the report is already signed", "locked")
        undecided = [f.get("text", "") for f in r.findings or [] if f.get("confirmed") is None]
        if undecided:
            raise ReportError(
                f"{len(undecided)} AI finding(s) not yet confirmed or rejected",
                "undecided",
                undecided,
            )
        if (r.template or "") == "chest":  # every AI nodule accepted or rejected first
            from app.chest_report import undecided_nodules

            left = undecided_nodules(s, r.study_pk)
            if left:
                raise ReportError(
                    f"{len(left)} AI nodule(s) not yet accepted or rejected", "undecided", left
                )
        from app.cxr_review import undecided_findings  # chest X-ray model findings

        left = undecided_findings(s, r.study_pk)
        if left:
            raise ReportError(
                f"{len(left)} AI finding(s) not yet accepted or rejected", "undecided", left
            )
        if not (r.text or "").strip():
            raise ReportError("the report text is empty", "empty")
        todo = unfinished_fields(r)
        if todo:
            names = ", ".join(rt.label(k, "en") for k in todo)
            raise ReportError(f"write these fields before confirming: {names}", "unfinished", todo)
        r.state = ReportState.CONFIRMED.value
        if rt.get(r.template or _modality_template(r)).id == "ecg":
            r.text = reviewed_text(r.text or "")
            if r.fields and (r.fields.get("values") or {}).get("interpretation"):
                r.fields = dict(r.fields, values={"interpretation": r.text})
        _move(s, store, r.study_pk, Status.REPORTED, user)
        _audit(s, store, AuditAction.REPORT_EDIT, r.study_pk, user, report_id=r.id, op="confirm")
        view = _view(s, r)
    store.events.changed.emit([view.study_pk])
    store.events.report.emit(view.study_pk, view.id, "confirm")
    return view


def sign(store, report_id: int, user) -> ReportView:
    """Sign a confirmed report: records signer and time, locks it, worklist -> signed."""
    if user is None:
        raise ReportError("signing needs a signed-in user", "no_user")
    if user.role == Role.ADMIN.value:
        raise ReportError("an administrator account cannot sign clinical reports", "admin")
    with store.session() as s:
        r = _get(s, report_id)
        if r.state == ReportState.SIGNED.value:
            raise ReportLocked("the report is already signed", "locked")
        if r.state != ReportState.CONFIRMED.value:
            raise ReportError("confirm the report before signing it", "not_confirmed")
        r.state = ReportState.SIGNED.value
        r.signed_by = user.id
        r.signed_at = utcnow()
        _move(s, store, r.study_pk, Status.SIGNED, user)
        _audit(s, store, AuditAction.SIGN, r.study_pk, user, report_id=r.id, version=r.version)
        view = _view(s, r)
    store.events.changed.emit([view.study_pk])
    store.events.report.emit(view.study_pk, view.id, "sign")
    return view


def amend(store, report_id: int, user=None) -> ReportView:
    """A new draft version of a signed report (the signed one stays as it was)."""
    with store.session() as s:
        old = _get(s, report_id)
        if old.state != ReportState.SIGNED.value:
            raise ReportError("only a signed report is amended; edit the draft instead")
        who = user if user is not None else store.user
        r = Report(
            study_pk=old.study_pk,
            state=ReportState.DRAFT.value,
            language=old.language,
            text=old.text,
            conclusion=old.conclusion,
            template=old.template,
            fields=dict(old.fields or {}),
            findings=[dict(f) for f in old.findings or []],
            ai_result_id=old.ai_result_id,
            author_id=who.id if who else old.author_id,
            version=old.version + 1,
        )
        s.add(r)
        s.flush()
        _move(s, store, old.study_pk, Status.REPORTED, user)
        _audit(
            s, store, AuditAction.REPORT_EDIT, old.study_pk, user,
            report_id=r.id, op="amend", amends=old.id, version=r.version,
        )  # fmt: skip
        view = _view(s, r)
    store.events.changed.emit([view.study_pk])
    store.events.report.emit(view.study_pk, view.id, "amend")
    return view
