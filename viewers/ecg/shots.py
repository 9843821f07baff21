"""ECG screenshots (``ui.screenshots``): four real records from tests/data/ecg (sources
and licences in its README) opened as cases: the MIMIC-style bedside record whose
ABP, Pleth and Resp channels are left out of the analysis, and the GE MUSE export
with its pacer-spike list (REBUILT: the list added to the real export), LUDB 138
whose T wave in lead II is lost in tremor (the AI's analysis notes say so), the 16 s
MIMIC 041s (3 leads, opened at the 10 s the AI analysed, its measurement table); then the
worklist's ECG cases with the descriptions their readers made up."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "ecg"
RECORDS = {
    "leftout": ["wfdb/mixedsignals.hea", *(f"wfdb/mixedsignals_{c}.dat" for c in "epr")],
    "paced": ["muse/muse_ecg1_pacespikes.xml"],
    "qtnote": ["wfdb/ludb/138.hea", "wfdb/ludb/138.dat"],  # the AI's note: QT without lead II
    # 16 s, 3 leads: opens at the analysed 6-16 s, marked; its measurements; its title
    "window": [f"wfdb/041s/{n}" for n in ("041s.hea", "041s01.hea", "041s01.dat", "041s02.hea",
                                          "041s02.dat")],
}  # fmt: skip


def ecg_shots(app, store, win, save, wait_until, lang: str) -> None:
    from app.importer import run_import

    for name, rel in RECORDS.items():
        files = [DATA / r for r in rel]
        if not all(f.is_file() for f in files):
            continue  # an installed copy without the test data
        pks = run_import(store, files).study_pks  # the second language finds the duplicate
        if not pks:
            continue
        tab = win.cases.open_case(pks[0])
        wait_until(app, lambda t=tab: t.viewer is not None, 30)
        viewer = tab.viewer
        wait_until(app, lambda v=viewer: getattr(v, "analysis", None) is not None, 60)
        if name == "window":  # the measurement table (a missing value says why)
            viewer.panel_btn.setChecked(True)
            viewer.tabs.setCurrentWidget(viewer.measurements)
        app.processEvents()
        save(win, f"case_ecg_{name}_{lang}")
        win.cases.close_tab(win.cases.indexOf(tab))
        if name in ("qtnote", "window"):
            notes_draft_shot(app, store, win, save, wait_until, lang, pks[0], name)
    win.cases.setCurrentIndex(0)
    worklist_shot(app, win, save, wait_until, lang)


def notes_draft_shot(app, store, win, save, wait_until, lang: str, pk: int, name: str) -> None:
    """``report_ecg_<name>_<lang>``: the draft from the stored pre-read (LUDB 138,
    041s), quoting the AI's analysis notes in the report's language."""
    from inference.preread import run_preread
    from ui.report.shots import _draft, _open

    run_preread(store, [pk])
    _draft(store, pk, lang, win.user)
    tab, panel = _open(app, win, pk, wait_until)
    if panel is None:
        return
    wait_until(app, lambda: panel.report is not None, 20)
    viewer = tab.viewer
    wait_until(app, lambda: getattr(viewer, "analysis", None) is not None, 60)
    viewer.panel_btn.setChecked(True)
    viewer.tabs.setCurrentWidget(panel)
    app.processEvents()
    save(win, f"report_ecg_{name}_{lang}")
    win.cases.close_tab(win.cases.indexOf(tab))


def worklist_shot(app, win, save, wait_until, lang: str) -> None:
    """The worklist filtered to ECG, its description column in view."""
    from ui.worklist_model import COLUMNS

    panel = win.worklist
    ids = {"mixedsignals", "JAX01234"}  # the two records above
    win.reload_worklist()
    model = panel.model
    wait_until(
        app, lambda: ids <= {model.row_at(i).patient_id for i in range(model.rowCount())}, 20
    )
    panel.modality.setCurrentIndex(panel.modality.findData("ECG"))
    panel.apply_filter()
    panel.table.resizeColumnToContents(COLUMNS.index("description"))
    bar = panel.table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    app.processEvents()
    save(win, f"worklist_ecg_{lang}")
    panel.modality.setCurrentIndex(0)
    panel.apply_filter()
    bar.setValue(0)
