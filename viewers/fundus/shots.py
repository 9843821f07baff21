"""Fundus screenshots (``ui.screenshots``): a SYNTHETIC two-eye visit (the real
retina.jpg, mirrored with painted lesions for the right eye) with AI overlays and
per-eye results, the 12-category table, and the patient printout of the signed
report (drafted from the AI, the right eye corrected, signed by the demo specialist)."""

from __future__ import annotations

from pathlib import Path


def _visit(store, home: Path) -> list[int]:
    from app.importer import run_import
    from inference.fundus.synthetic import write_visit
    from inference.preread import run_preread

    rows = [r for r in store.worklist_rows() if r.modality == "OP"]
    mine = [
        r.study_pk
        for r in rows
        if "SYNTHETIC" in (r.description or "") or "real, scikit" in (r.description or "")
    ]
    if len(mine) >= 2:
        return sorted(mine)
    pks = run_import(store, write_visit(home / "fundus-visit")).study_pks
    run_preread(store, pks)
    return pks


def _printout(store, pk: int, lang: str):
    """The signed report (drafted from the AI, one eye corrected) as the patient reads it."""
    from app import reports
    from app.auth import authenticate, seed_demo_users

    seed_demo_users(store)
    user = authenticate(store, "specialist", "demo")
    r = reports.current_report(store, pk)
    if r is None or not r.locked:
        r = reports.create_draft(store, pk, language="zh_CN", user=user)
        values = dict(r.values)
        values["referral"] = (
            "右眼中度非增殖期糖网，疑似黄斑水肿：1 个月内转诊眼科。左眼 12 个月后复查。"
        )
        r = reports.edit(store, r.id, values=values, user=user)
        r = reports.confirm(store, r.id, user)
        r = reports.sign(store, r.id, user)
    return r


def fundus_shots(app, store, jobs, win, save, wait_until, lang: str, home: Path) -> None:
    from PySide6.QtWidgets import QTextBrowser

    from ui.report.pdf import patient_header
    from viewers.fundus.panels import CategoryTable
    from viewers.fundus.printout import patient_html

    pks = _visit(store, Path(home))
    # the left eye's study (the other screens draft reports on the most urgent case, OD)
    tab = win.cases.open_case(pks[1])
    wait_until(app, lambda: tab.viewer is not None, 30)
    viewer = tab.viewer
    wait_until(app, lambda: getattr(viewer, "images_shown", None) is not None, 60)
    save(win, f"fundus_visit_{lang}")
    table = CategoryTable()
    table.fill({eye: (p.ai if p else None) for eye, p in viewer.visit.eyes.items()})
    table.resize(760, 440)
    table.show()
    save(table, f"fundus_categories_{lang}")
    table.close()
    report = _printout(store, pks[1], lang)
    page = QTextBrowser()
    page.setHtml(patient_html(report, patient_header(store, pks[1])))
    page.resize(700, 620)
    page.show()
    save(page, f"fundus_printout_{lang}")
    page.close()
    win.cases.close_tab(win.cases.indexOf(tab))  # the next language opens it afresh
    win.cases.setCurrentIndex(0)
