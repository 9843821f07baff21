"""Fundus screenshots (``ui.screenshots``): a SYNTHETIC two-eye visit (the real
retina.jpg, mirrored with painted lesions for the right eye; a disc-centred field
of each eye cut from it) with AI overlays and per-eye results, the disc-centred
fields, the doctor's lesion review, the 12-category table, and the patient
printout of the signed report (drafted from the AI and the review, signed by the
demo specialist)."""

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
    pks = run_import(store, write_visit(home / "fundus-visit", both_fields=True)).study_pks
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


def _review(app, viewer, wait_until) -> None:
    """The doctor rejects the weakest haemorrhage candidate of the right eye and
    confirms the rest (as a specialist would after looking)."""
    od = viewer.views["OD"]
    marks = sorted(od.lesion_items.items(), key=lambda kv: kv[1][1]["confidence"])
    for i, (key, _mark) in enumerate(marks):
        want = "rejected" if i == 0 else "confirmed"
        if od.decisions.get(key) != want:
            done = []
            viewer.reviewed.connect(lambda _e, d=done: d.append(1))
            viewer.decide("OD", key, want)
            wait_until(app, lambda d=done: bool(d), 20)


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
    _review(app, viewer, wait_until)
    save(win, f"fundus_review_{lang}")
    viewer.a_field.setChecked(True)
    wait_until(app, lambda: viewer.images_shown and viewer.images_shown[-1] == "disc", 60)
    save(win, f"fundus_fields_{lang}")
    viewer.a_field.setChecked(False)
    if viewer.visit.prior:  # the previous visit photographed one eye: the other pane says so
        viewer.a_prior.setChecked(True)
        wait_until(app, lambda: viewer.images_shown and viewer.images_shown[3], 60)
        save(win, f"fundus_prior_{lang}")
        viewer.a_prior.setChecked(False)
    table = CategoryTable()
    table.fill(dict(viewer.visit.combined))  # each eye over both its fields
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
