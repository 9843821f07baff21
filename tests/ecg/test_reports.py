"""Report flow (app.reports): AI draft -> edit -> confirm -> sign -> locked -> amend."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import reports
from app.domain import AuditAction, ReportState, Status


@pytest.fixture
def case(store, tmp_path):
    """(study_pk, specialist) for the SYNTHETIC STEMI demo ECG, pre-read by the AI."""
    import pydicom

    from app.auth import authenticate, seed_demo_users
    from app.demo.build import build_stemi_ecg, sample_path
    from app.importer import run_import
    from inference.preread import run_preread

    path = build_stemi_ecg(pydicom.dcmread(sample_path("waveform_ecg.dcm")), tmp_path)
    pk = run_import(store, [path]).study_pks[0]
    run_preread(store, [pk])
    seed_demo_users(store)
    return pk, authenticate(store, "specialist", "demo")


def _status(store, pk):
    return store.study(pk).item.status


def _audit(store, pk, action):
    from app.models import AuditEvent

    with store.read_session() as s:
        q = select(AuditEvent).where(AuditEvent.study_pk == pk, AuditEvent.action == action.value)
        return [(e.username, e.detail) for e in s.scalars(q.order_by(AuditEvent.id))]


def test_draft_is_marked_ai_in_both_languages(store, case):
    pk, user = case
    zh = reports.create_draft(store, pk, language="zh_CN", user=user)
    assert zh.state == ReportState.DRAFT and zh.ai_result_id is not None
    first = zh.text.splitlines()[0]
    assert "AI 建议文本" in first and "OpenECG" in first and "v6" in first
    assert "下壁导联（II, III, aVF）ST 段抬高" in zh.text
    assert all(f["confirmed"] is None and f["source"].startswith("AI ") for f in zh.findings)
    assert reports.create_draft(store, pk, user=user).id == zh.id  # one open draft per study
    _id, summary = reports.latest_ai_result(store, pk)
    en = reports.draft_text(summary, "en")
    assert en.startswith("[AI-suggested text") and "ST elevation inferior (II, III, aVF)" in en
    unknown = {"code": "NEW_CODE", "text": "Something new", "leads": []}
    assert reports.finding_text(unknown, "zh_CN") == "Something new"


def test_sign_flow_locks_and_audits(store, case):
    pk, user = case
    r = reports.create_draft(store, pk, language="en", user=user)
    with pytest.raises(reports.ReportError, match="confirm"):
        reports.sign(store, r.id, user)
    with pytest.raises(reports.ReportError, match="not yet confirmed"):
        reports.confirm(store, r.id, user)
    decided = [dict(f, confirmed=True) for f in r.findings]
    r = reports.edit(store, r.id, text=r.text + "\nDoctor's note.", findings=decided, user=user)
    assert reports.autosave(store, r.id, r.text, decided, user).text == r.text  # unchanged
    r = reports.confirm(store, r.id, user)
    assert r.state == ReportState.CONFIRMED and _status(store, pk) == Status.REPORTED
    s = reports.sign(store, r.id, user)
    assert s.state == ReportState.SIGNED and s.locked
    assert s.signed_by == user.id and s.signed_at is not None
    assert "Dr Wang" in s.signed_by_name
    assert _status(store, pk) == Status.SIGNED
    with pytest.raises(reports.ReportLocked):
        reports.edit(store, s.id, text="changed after signing", user=user)
    with pytest.raises(reports.ReportLocked):
        reports.sign(store, s.id, user)
    assert reports.autosave(store, s.id, "x", None, user) is None
    assert reports.get_report(store, s.id).text.endswith("Doctor's note.")
    signs = _audit(store, pk, AuditAction.SIGN)
    assert signs == [("specialist", {"report_id": s.id, "version": 1})]
    ops = [d["op"] for _u, d in _audit(store, pk, AuditAction.REPORT_EDIT)]
    assert ops == ["create", "edit", "confirm"]
    moves = [(d["old"], d["new"]) for _u, d in _audit(store, pk, AuditAction.STATUS)]
    assert moves[-2:] == [("awaiting_review", "reported"), ("reported", "signed")]


def test_amend_makes_a_new_version(store, case):
    pk, user = case
    r = reports.create_draft(store, pk, user=user)
    r = reports.edit(store, r.id, findings=[dict(f, confirmed=False) for f in r.findings])
    signed = reports.sign(store, reports.confirm(store, r.id, user).id, user)
    with pytest.raises(reports.ReportLocked):
        reports.create_draft(store, pk, user=user)
    new = reports.amend(store, signed.id, user)
    assert new.version == 2 and new.state == ReportState.DRAFT and new.id != signed.id
    assert reports.current_report(store, pk).id == new.id
    assert reports.get_report(store, signed.id).locked  # the signed version is kept
    assert _status(store, pk) == Status.REPORTED
    # a confirmed report edited again goes back to draft (confirmation must be redone)
    again = reports.confirm(store, new.id, user)
    assert again.state == ReportState.CONFIRMED
    back = reports.edit(store, new.id, text="corrected", user=user)
    assert back.state == ReportState.DRAFT and _status(store, pk) == Status.AWAITING_REVIEW
    with pytest.raises(reports.ReportError):
        reports.amend(store, new.id, user)


def test_admin_cannot_sign(store, case):
    from app.auth import authenticate

    pk, user = case
    r = reports.create_draft(store, pk, user=user)
    r = reports.edit(store, r.id, findings=[dict(f, confirmed=True) for f in r.findings])
    r = reports.confirm(store, r.id, user)
    admin = authenticate(store, "admin", "demo")
    with pytest.raises(reports.ReportError, match="administrator"):
        reports.sign(store, r.id, admin)
    assert reports.get_report(store, r.id).state == ReportState.CONFIRMED


def test_amendment_stays_current_when_sync_renumbers_it(store, case):
    """The server numbers its copy of an amendment from 1; the local row must stay current."""
    from app.models import Report

    pk, user = case
    r = reports.create_draft(store, pk, user=user)
    r = reports.edit(store, r.id, findings=[dict(f, confirmed=False) for f in r.findings])
    signed = reports.sign(store, reports.confirm(store, r.id, user).id, user)
    new = reports.amend(store, signed.id, user)
    with store.session() as s:  # what a pull of the server's copy does to the version
        s.get(Report, new.id).version = 1
    assert reports.current_report(store, pk).id == new.id
