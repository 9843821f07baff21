"""Screenshots of the report panel for each modality and of the specialist's
consult view (called by ``ui.screenshots``): a draft started from the stored
AI result in the shot's language, at the clinic PC size (1366x768)."""

from __future__ import annotations

from sqlalchemy import select

QUESTION = {
    "zh_CN": "患者胸闷 2 周，胸片是否提示肺部感染或心影增大？是否需要转诊？",
    "en": "Two weeks of chest tightness: does the film show infection or an enlarged heart? "
    "Should we refer?",
}
CLINIC_FINDINGS = {
    "zh_CN": "右下肺野可疑斑片影，心影大小大致正常。",
    "en": "Possible patchy opacity in the right lower zone; heart size looks normal.",
}
CLINIC_IMPRESSION = {
    "zh_CN": "考虑右下肺炎可能，请专家会诊。",
    "en": "Possible right lower lobe pneumonia; specialist opinion requested.",
}


def _case(store, modality: str):
    rows = sorted((r for r in store.worklist_rows() if r.modality == modality),
                  key=lambda r: r.priority)  # fmt: skip
    return rows[0].study_pk if rows else None


def _open(app, win, pk: int, wait_until):
    tab = win.cases.open_case(pk)
    wait_until(app, lambda: tab.viewer is not None, 20)
    panel = getattr(tab.viewer, "report_panel", None)
    if panel is not None:
        wait_until(app, lambda: panel.report is not None or panel.start_btn.isEnabled(), 20)
    return tab, panel


def _draft(store, pk: int, lang: str, user) -> None:
    """A fresh AI draft in the shot's language (a report keeps the language it was
    written in)."""
    from app import reports
    from app.models import Report

    with store.session() as s:
        for r in s.scalars(select(Report).where(Report.study_pk == pk)):
            s.delete(r)
    reports.create_draft(store, pk, language=lang, user=user)


def report_shots(app, store, jobs, win, save, wait_until, lang: str) -> None:
    """``report_<modality>_<lang>``: the panel with an AI draft, for every modality."""
    for modality in ("CR", "OP", "ECG", "SM"):
        pk = _case(store, modality)
        if pk is None:
            continue
        _draft(store, pk, lang, win.user)
        tab, panel = _open(app, win, pk, wait_until)
        if panel is None:
            continue
        wait_until(app, lambda p=panel: p.report is not None, 20)
        if hasattr(tab.viewer, "canvas"):  # a slide: wait until it is open
            v = tab.viewer
            wait_until(app, lambda v=v: v.canvas is not None or bool(v.error), 60)
        wait_until(app, lambda: not jobs.runner.active, 60)  # the viewer has laid itself out
        tabs = getattr(tab.viewer, "tabs", None)
        if tabs is not None:  # ECG: the report is one tab of the side panel
            tabs.setCurrentWidget(panel)
        if hasattr(tab.viewer, "a_report"):
            tab.viewer.a_report.setChecked(True)
        if hasattr(tab.viewer, "panel_btn"):  # ECG: the side panel may start hidden
            tab.viewer.panel_btn.setChecked(True)
        save(win, f"report_{modality.lower()}_{lang}")
        win.cases.close_tab(win.cases.indexOf(tab))


def consult_shot(app, store, jobs, settings, save, wait_until, lang: str) -> None:
    """``consult_view_<lang>``: the specialist's case with the clinic's question and
    its confirmed draft, before accepting (a consult as a sync would bring it)."""
    from app.auth import authenticate
    from app.models import ConsultRequest, Report
    from ui.main_window import MainWindow

    pk = _case(store, "CR")
    if pk is None:
        return
    with store.session() as s:
        for old in s.scalars(select(ConsultRequest).where(ConsultRequest.study_pk == pk)):
            s.delete(old)
        s.flush()
        s.add(
            ConsultRequest(
                study_pk=pk,
                question=QUESTION[lang],
                urgency="urgent",
                target_department="radiology",
                status="sent",
                server_id=990001,  # as pulled from the server
                timeline=[{"status": "sent", "at": "2026-11-30T02:15:00Z", "note": ""}],
                draft={
                    "template": "imaging",
                    "fields": {
                        "values": {
                            "findings": CLINIC_FINDINGS[lang],
                            "impression": CLINIC_IMPRESSION[lang],
                        }
                    },
                    "text": CLINIC_FINDINGS[lang],
                    "by": "doctor",
                },  # fmt: skip
            )
        )
    with store.session() as s:
        for r in s.scalars(select(Report).where(Report.study_pk == pk)):
            s.delete(r)
    user = authenticate(store, "specialist", "demo")
    win = MainWindow(store, jobs, settings, user)
    win.resize(1366, 768)
    win.show()
    tab, panel = _open(app, win, pk, wait_until)
    if panel is not None:
        wait_until(app, lambda: panel.consult_view.consult is not None, 20)
        save(win, f"consult_view_{lang}")
    win.close()
