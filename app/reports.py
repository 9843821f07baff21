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

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.domain import AuditAction, ReportState, Role, Status, check_transition
from app.models import AIResult, AuditEvent, Report, User, WorklistItem, utcnow

LANGUAGES = ("zh_CN", "en")

_T: dict[str, dict[str, str]] = {
    "ai_header": {
        "en": "[AI-suggested text — {model} — not for clinical use; must be confirmed by a doctor]",
        "zh_CN": "【AI 建议文本 — {model} — 非临床用途；须经医生确认】",
    },
    "measurements": {
        "en": "Measurements: HR {hr} bpm, PR {pr} ms, QRS {qrs} ms, QT/QTc {qt}/{qtc} ms "
        "(Fridericia {qtcf} ms); axes P {p}°, QRS {ax}°, T {t}°",
        "zh_CN": "测量：心率 {hr} 次/分，PR {pr} ms，QRS {qrs} ms，QT/QTc {qt}/{qtc} ms"
        "（Fridericia {qtcf} ms）；电轴 P {p}°，QRS {ax}°，T {t}°",
    },
    "findings": {"en": "Findings:", "zh_CN": "所见："},
    "none": {
        "en": "- No significant abnormality suggested by the AI.",
        "zh_CN": "- AI 未提示明显异常。",
    },
    "conclusion": {"en": "Conclusion: ", "zh_CN": "结论："},
}

# Finding templates keyed by rules code: (English, Chinese); {leads} and {territory} filled in.
# fmt: off
_FINDINGS: dict[str, tuple[str, str]] = {
    "STEMI": ("ST elevation {territory} ({leads}): meets STEMI criteria", "{territory}导联（{leads}）ST 段抬高：符合 STEMI 标准"),
    "ST_DEPRESSION": ("ST depression {territory} ({leads}): possible ischaemia", "{territory}导联（{leads}）ST 段压低：提示心肌缺血可能"),
    "T_INVERSION": ("T inversion {territory} ({leads}): possible ischaemia", "{territory}导联（{leads}）T 波倒置：提示心肌缺血可能"),
    "AFIB": ("Atrial fibrillation", "心房颤动"),
    "VENTRICULAR_RHYTHM": ("Ventricular rhythm", "室性心律"),
    "AV_BLOCK": ("AV block", "房室传导阻滞"),
    "AV_BLOCK_SLOW": ("AV block with slow ventricular rate", "房室传导阻滞伴慢心室率"),
    "BBB": ("Bundle branch block", "束支传导阻滞"),
    "WIDE_QRS": ("Wide QRS", "QRS 波增宽"),
    "PACED": ("Paced rhythm", "起搏心律"),
    "FIRST_DEGREE_AVB": ("Prolonged PR (first-degree AV block)", "PR 间期延长（一度房室传导阻滞）"),
    "QT_LONG": ("Long QTc", "QTc 间期延长"),
    "VPC": ("Ventricular premature complexes", "室性早搏"),
    "VPC_FREQUENT": ("Frequent ventricular premature complexes", "频发室性早搏"),
    "TACHY_SEVERE": ("Marked tachycardia", "显著心动过速"),
    "BRADY_SEVERE": ("Marked bradycardia", "显著心动过缓"),
    "TACHY": ("Tachycardia", "心动过速"),
    "BRADY": ("Bradycardia", "心动过缓"),
    "NO_QRS": ("No reliable QRS complexes detected", "未检出可靠的 QRS 波群"),
}
# fmt: on
FINDING_TEXT = {code: {"en": en, "zh_CN": zh} for code, (en, zh) in _FINDINGS.items()}
TERRITORY_TEXT = {
    "inferior": {"en": "inferior", "zh_CN": "下壁"},
    "lateral": {"en": "lateral", "zh_CN": "侧壁"},
    "anterior": {"en": "anterior/septal", "zh_CN": "前壁/前间壁"},
}


class ReportError(ValueError):
    """The operation does not fit the report's state."""


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

    @property
    def locked(self) -> bool:
        return self.state == ReportState.SIGNED.value


def finding_text(f: dict[str, Any], language: str) -> str:
    """A finding in ``language``: from its code's template, else its English text."""
    lang = language if language in LANGUAGES else "en"
    tpl = FINDING_TEXT.get(str(f.get("code", "")))
    if tpl is None:
        return str(f.get("text", ""))
    terr = TERRITORY_TEXT.get(str(f.get("territory", "")), {}).get(lang, f.get("territory", ""))
    return tpl[lang].format(territory=terr, leads=", ".join(f.get("leads") or []))


def _num(v: Any) -> str:
    return "—" if v is None else f"{float(v):.0f}"


def draft_text(summary: dict[str, Any], language: str = "zh_CN") -> str:
    """The AI-suggested report text for one analysis summary (``EcgAnalysis.summary()``)."""
    lang = language if language in LANGUAGES else "en"
    model = summary.get("model") or {}
    label = f"{model.get('name', '?')} {model.get('version', '?')} + {summary.get('rules', '')}"
    m = summary.get("measurements") or {}
    lines = [_T["ai_header"][lang].format(model=label.strip(" +"))]
    lines.append(
        _T["measurements"][lang].format(
            hr=_num(m.get("hr_bpm")),
            pr=_num(m.get("pr_ms")),
            qrs=_num(m.get("qrs_ms")),
            qt=_num(m.get("qt_ms")),
            qtc=_num(m.get("qtc_ms")),
            qtcf=_num(m.get("qtc_fridericia_ms")),
            p=_num(m.get("p_axis_deg")),
            ax=_num(m.get("qrs_axis_deg")),
            t=_num(m.get("t_axis_deg")),
        )
    )
    lines.append(_T["findings"][lang])
    texts = [finding_text(f, lang) for f in summary.get("findings") or []]
    lines += [f"- {t}" for t in texts] or [_T["none"][lang]]
    sep = "；" if lang == "zh_CN" else "; "
    lines.append(_T["conclusion"][lang] + (sep.join(texts) if texts else ""))
    return "\n".join(lines)


def ai_findings(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """The checklist: every AI finding undecided (``confirmed`` None) until a doctor decides."""
    model = summary.get("model") or {}
    src = f"AI {model.get('name', '?')} {model.get('version', '?')}"
    return [
        {
            "code": f.get("code", ""),
            "text": f.get("text", ""),
            "severity": f.get("severity", "routine"),
            "territory": f.get("territory", ""),
            "leads": list(f.get("leads") or []),
            "source": src,
            "confirmed": None,
        }
        for f in summary.get("findings") or []
    ]


# ---- store access ------------------------------------------------------------
def _view(s, r: Report) -> ReportView:
    signer = s.get(User, r.signed_by) if r.signed_by else None
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
        ai = s.scalars(
            select(AIResult).where(AIResult.study_pk == study_pk).order_by(AIResult.id.desc())
        ).first()
        return (ai.id, dict(ai.payload or {})) if ai is not None else None


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
) -> ReportView:
    """A draft from an AI result (the study's latest when ``summary`` is None).

    Returns the open draft when the study already has an unsigned report.
    """
    existing = current_report(store, study_pk)
    if existing is not None and not existing.locked:
        return existing
    if existing is not None:
        raise ReportLocked("the study's report is signed; amend it to make a new version")
    if summary is None:
        found = latest_ai_result(store, study_pk)
        if found is None:
            raise ReportError("this study has no AI result to start a report from")
        ai_result_id, summary = found
    who = user if user is not None else store.user
    with store.session() as s:
        r = Report(
            study_pk=study_pk,
            state=ReportState.DRAFT.value,
            language=language if language in LANGUAGES else "en",
            text=draft_text(summary, language),
            findings=ai_findings(summary),
            ai_result_id=ai_result_id,
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
) -> ReportView:
    """Change text and/or findings; a confirmed report goes back to draft."""
    with store.session() as s:
        r = _get(s, report_id)
        if r.state == ReportState.SIGNED.value:
            raise ReportLocked("a signed report cannot be edited; amend it to make a new version")
        changed = (text is not None and text != r.text) or (
            findings is not None and findings != list(r.findings or [])
        )
        if not changed:
            return _view(s, r)
        if text is not None:
            r.text = text
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


def autosave(store, report_id: int, text: str, findings=None, user=None) -> ReportView | None:
    """Save a draft in progress; a no-op (None) for signed reports."""
    try:
        return edit(store, report_id, text, findings, user, op="autosave")
    except ReportLocked:
        return None


def confirm(store, report_id: int, user=None) -> ReportView:
    """The doctor takes responsibility for the text and the decided findings."""
    with store.session() as s:
        r = _get(s, report_id)
        if r.state == ReportState.SIGNED.value:
            raise ReportLocked("the report is already signed")
        undecided = [f.get("text", "") for f in r.findings or [] if f.get("confirmed") is None]
        if undecided:
            raise ReportError(f"{len(undecided)} AI finding(s) not yet confirmed or rejected")
        if not (r.text or "").strip():
            raise ReportError("the report text is empty")
        r.state = ReportState.CONFIRMED.value
        _move(s, store, r.study_pk, Status.REPORTED, user)
        _audit(s, store, AuditAction.REPORT_EDIT, r.study_pk, user, report_id=r.id, op="confirm")
        view = _view(s, r)
    store.events.changed.emit([view.study_pk])
    store.events.report.emit(view.study_pk, view.id, "confirm")
    return view


def sign(store, report_id: int, user) -> ReportView:
    """Sign a confirmed report: records signer and time, locks it, worklist -> signed."""
    if user is None:
        raise ReportError("signing needs a signed-in user")
    if user.role == Role.ADMIN.value:
        raise ReportError("an administrator account cannot sign clinical reports")
    with store.session() as s:
        r = _get(s, report_id)
        if r.state == ReportState.SIGNED.value:
            raise ReportLocked("the report is already signed")
        if r.state != ReportState.CONFIRMED.value:
            raise ReportError("confirm the report before signing it")
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
