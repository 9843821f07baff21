"""What the ECG report says it is and what it could measure, on real records
(tests/data/ecg/README.md): the title names a record that is not 12-lead by its
leads (MIMIC ``041s``: I, III, V); "no clear abnormality" is qualified when the
analysis notes say part of the record could not be measured or trusted (LUDB 138:
limb leads against Einthoven's law); a missing QT says why, in the measurement table
and in the draft, in zh_CN and en (``041s01``, the first 8 s segment of 041s alone: no
lead's T wave clear of the noise; the whole record's QT is measured since its QRS end
no longer runs 190 ms into the ST segment)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.ecg.analysis_notes import limits_reading, notes_of_result
from app.ecg.readers import read_ecg
from app.report_drafts import draft_text, measurement_line
from inference.ecg import analyze
from inference.ecg.preread import result_of

WFDB = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb"
LUDB_138, S041 = WFDB / "ludb" / "138.hea", WFDB / "041s" / "041s.hea"
S041_FIRST = WFDB / "041s" / "041s01.hea"


@pytest.fixture(scope="module")
def stored():
    return {
        p.stem: json.loads(json.dumps(result_of(analyze(read_ecg(p))).to_dict()))
        for p in (LUDB_138, S041, S041_FIRST)
    }


def test_title_names_the_leads_of_a_record_that_is_not_12_lead(qapp):
    from ui import i18n
    from viewers.ecg.report_title import ecg_report_title

    twelve = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"]
    assert ecg_report_title(twelve) == "12-lead ECG report"
    assert ecg_report_title(["II", "III", "V"]) == "ECG report (3 leads: II, III, V)"
    assert ecg_report_title(["MLII"]) == "ECG report (1 lead: MLII)"
    try:
        i18n.install("zh_CN")
        assert ecg_report_title(["II", "III", "V"]) == "心电图报告（3 个导联：II, III, V）"
        assert ecg_report_title(twelve) == "12 导联心电图报告"
    finally:
        i18n.install("en")


def test_printed_report_and_panel_title_a_3_lead_record(store, qapp, zh, tmp_path, qtbot, jobs):
    from PySide6.QtPdf import QPdfDocument

    from app import reports
    from app.auth import authenticate, seed_demo_users
    from app.importer import run_import
    from viewers.ecg.pdf_report import patient_header, render_pdf

    signal = read_ecg(S041)
    [pk] = run_import(store, [S041]).study_pks
    seed_demo_users(store)
    user = authenticate(store, "specialist", "demo")
    r = reports.create_draft(store, pk, language="zh_CN", user=user)
    r = reports.sign(store, reports.confirm(store, r.id, user).id, user)
    path = tmp_path / "041s.pdf"
    path.write_bytes(render_pdf(signal, analyze(signal).summary(), r, patient_header(store, pk)))
    doc = QPdfDocument()
    doc.load(str(path))
    text = "".join(doc.getAllText(0).text().split())
    doc.close()
    assert "心电图报告（3个导联：I,III,V）" in text and "12导联心电图报告" not in text

    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    v = EcgViewer(ViewerContext(None, 1, Modality.ECG, [(None, S041_FIRST)], jobs, extra={}))
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60000)
    assert v.report_panel.title.text() == "心电图报告（3 个导联：I, III, V）"


def test_no_clear_abnormality_is_qualified_when_a_measurement_is_not_trusted(stored):
    s = stored["138"]
    assert not s["findings"]
    assert "limb_leads_inconsistent" in [
        (c or {}).get("code") for c in s["details"]["analysis"]["warning_codes"]
    ]
    assert limits_reading(notes_of_result(s))
    zh, en = draft_text(s, "zh_CN"), draft_text(s, "en")
    assert "- 在可测量的范围内 AI 未提示明显异常，不能视为心电图正常：见下方 AI 分析说明。" in zh
    assert "- AI 未提示明显异常。" not in zh
    assert (
        "- No clear abnormality suggested by the AI in what it could measure; "
        "not a normal ECG: see the AI analysis notes below." in en
    )
    # without those notes the plain sentence stays
    clean = json.loads(json.dumps(s))
    a = clean["details"]["analysis"]
    keep = [i for i, c in enumerate(a["warning_codes"]) if (c or {}).get("code") == "qt_leads"]
    a["warnings"] = [a["warnings"][i] for i in keep]
    a["warning_codes"] = [a["warning_codes"][i] for i in keep]
    assert not limits_reading(notes_of_result(clean))
    assert "- AI 未提示明显异常。" in draft_text(clean, "zh_CN")


def test_a_missing_qt_says_why_in_the_draft(stored):
    assert "P 电轴 未测得：未检出 P 波" in measurement_line(stored["041s"], "zh_CN")
    s = stored["041s01"]
    assert s["measurements"]["qt_ms"] is None
    zh = measurement_line(s, "zh_CN")
    # the values missing for one reason are named once, with it
    assert "QT、QTc（Bazett）、QTc（Fridericia） 未测得：各导联的 T 波均未明显高于噪声，" in zh
    en = measurement_line(s, "en")
    assert "QT, QTc (Bazett), QTc (Fridericia) not measured: QT not measurable: no lead's" in en
    # an unknown reason is not shown in English inside a Chinese report
    odd = dict(s, missing=dict(s["missing"], qt_ms="something new"))
    assert "，QT 未测得，QTc（Bazett）" in measurement_line(odd, "zh_CN")
    assert measurement_line(None, "zh_CN").endswith("T 电轴 未测得：无 AI 结果")


def test_measurement_table_says_why_qt_is_missing(qtbot, jobs):
    from app.domain import Modality
    from ui import i18n
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    v = EcgViewer(ViewerContext(None, 1, Modality.ECG, [(None, S041_FIRST)], jobs, extra={}))
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60000)
    t = v.measurements
    assert t.value("QT interval") == "— (T wave not clear of the noise)"
    row = [t.table.item(i, 0).text() for i in range(t.table.rowCount())].index("QT interval")
    assert t.table.item(row, 1).toolTip().startswith("QT not measurable: no lead's T wave")
    assert t.value("T axis") == "— (T wave end not found)"  # as the stored result says
    try:
        i18n.install("zh_CN")

        def names():
            return [t.table.item(i, 0).text() for i in range(t.table.rowCount())]

        qtbot.waitUntil(lambda: "QT 间期" in names(), timeout=60_000)
        row = names().index("QT 间期")
        assert t.table.item(row, 1).text() == "—（T 波未明显高于噪声）"
        assert t.table.item(row, 1).toolTip().startswith("QT 间期无法测量")
    finally:
        i18n.install("en")


def test_signed_report_is_archived_under_the_records_title(qtbot, store, jobs):
    """Signed in the viewer's report panel: the PDF stored with the case (DICOM
    Encapsulated PDF) is titled by the record's leads too (real 041s)."""
    import pydicom
    from PySide6.QtCore import Qt

    from app.auth import authenticate, seed_demo_users
    from app.domain import Modality
    from app.importer import run_import
    from tests.ui.report_helpers import WAIT_MS, confirm_and_sign
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    seed_demo_users(store)
    user = authenticate(store, "specialist", "demo")
    [pk] = run_import(store, [S041]).study_pks
    ctx = ViewerContext(store, pk, Modality.ECG, store.object_paths(pk), jobs, user=user,
                        extra={"px_per_mm": 4.0})  # fmt: skip
    v = EcgViewer(ctx)
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60000)
    panel = v.report_panel
    assert panel.title.text() == "ECG report (3 leads: I, III, V)"
    qtbot.waitUntil(lambda: panel.start_btn.isEnabled(), timeout=WAIT_MS)
    panel.start_btn.click()
    qtbot.waitUntil(lambda: panel.report is not None, timeout=WAIT_MS)
    for i in range(panel.checklist.count()):
        panel.checklist.item(i).setCheckState(Qt.CheckState.Checked)
    before = {o.id for o, _p in store.object_paths(pk)}
    with qtbot.waitSignal(panel.pdf_archived, timeout=WAIT_MS):
        confirm_and_sign(qtbot, panel)
    [path] = [p for o, p in store.object_paths(pk) if o.id not in before]
    assert pydicom.dcmread(path).DocumentTitle == "ECG report (3 leads: I, III, V)"
