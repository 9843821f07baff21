"""Report panel in the ECG viewer and the signed report's PDF (QPdfWriter)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

pytest.importorskip("pyqtgraph")


@pytest.fixture
def case(store, tmp_path):
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


def _ink(pdf_path, qapp) -> float:
    """Fraction of non-white pixels on page 1, rendered with QPdfDocument."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(pdf_path)) == QPdfDocument.Error.None_
    assert doc.pageCount() == 1
    size = doc.pagePointSize(0)
    assert size.width() > size.height()  # A4 landscape
    from PySide6.QtGui import QImage

    img = doc.render(0, QSize(1169, 826))  # transparent where nothing is drawn
    img = img.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    px = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4).astype(int)
    on_white = px[..., :3] + (255 - px[..., 3:4])  # composite over white paper
    doc.close()
    return float(np.mean(on_white.min(axis=2) < 200))


def test_sign_in_the_panel_then_pdf(qtbot, jobs, store, case, tmp_path, qapp):
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    pk, user = case
    ctx = ViewerContext(store, pk, Modality.ECG, store.object_paths(pk), jobs, user=user,
                        extra={"px_per_mm": 4.0})  # fmt: skip
    v = EcgViewer(ctx)
    qtbot.addWidget(v)
    with qtbot.waitSignal(v.analysed, timeout=60_000):
        pass
    panel = v.report_panel
    qtbot.waitUntil(lambda: panel.start_btn.isEnabled(), timeout=60_000)
    assert panel.report is None
    panel.start_btn.click()  # the store call runs on the job runner
    qtbot.waitUntil(lambda: panel.report is not None, timeout=60_000)
    r = panel.report
    assert r.state == "draft" and "OpenECG" in panel.text.toPlainText()
    assert panel.ai_notice.isVisible() or not v.isVisible()
    assert panel.checklist.count() == len(r.findings) >= 1
    assert "ST elevation inferior" in panel.checklist.item(0).text()
    panel.confirm_btn.click()  # findings still undecided
    qtbot.waitUntil(lambda: "AI finding" in panel.message.text(), timeout=60_000)
    assert panel.report.state == "draft"
    for i in range(panel.checklist.count()):
        panel.checklist.item(i).setCheckState(Qt.CheckState.Checked)
    panel.text.appendPlainText("Urgent cath lab referral.")
    panel.confirm_btn.click()  # saves the pending edit, then confirms
    qtbot.waitUntil(lambda: panel.report.state == "confirmed", timeout=60_000)
    assert panel.sign_btn.isEnabled()
    assert all(f["confirmed"] for f in panel.report.findings)
    assert "must be confirmed" not in panel.report.text and "OpenECG" in panel.report.text
    panel.sign_btn.click()  # asks first: nothing is signed yet
    assert panel.sign_bar.isVisibleTo(panel) and not panel.report.locked
    panel.sign_no_btn.click()
    assert not panel.sign_bar.isVisibleTo(panel) and panel.report.state == "confirmed"
    panel.sign_btn.click()
    panel.sign_yes_btn.click()
    qtbot.waitUntil(lambda: panel.report.locked, timeout=60_000)
    r = panel.report
    assert panel.text.isReadOnly() and not panel.checklist.isEnabled()
    assert "Dr Wang" in panel.state_label.text() and panel.amend_btn.isEnabled()
    assert not panel.ai_notice.isVisibleTo(panel)  # no "must be confirmed" once signed
    assert r.text.endswith("Urgent cath lab referral.")
    out = tmp_path / "out" / "report.pdf"
    with qtbot.waitSignal(panel.pdf_written, timeout=60_000):
        panel.export_pdf(str(out))
    assert out.read_bytes().startswith(b"%PDF")
    assert not list(out.parent.glob(".*.tmp"))  # atomic write left no temp file
    assert 0.02 < _ink(out, qapp) < 0.6


def test_render_pdf_directly_and_unsigned_refused(store, case, real_signal, tmp_path, qapp):
    from app import reports
    from inference.ecg import analyze
    from viewers.ecg.pdf_report import patient_header, render_pdf, write_report_pdf

    pk, user = case
    r = reports.create_draft(store, pk, language="zh_CN", user=user)
    with pytest.raises(ValueError):
        write_report_pdf(tmp_path / "x.pdf", real_signal, {}, r, {})
    r = reports.edit(store, r.id, findings=[dict(f, confirmed=True) for f in r.findings])
    r = reports.sign(store, reports.confirm(store, r.id, user).id, user)
    summary = analyze(real_signal).summary()
    data = render_pdf(real_signal, summary, r, patient_header(store, pk))
    path = tmp_path / "zh.pdf"
    path.write_bytes(data)
    assert _ink(path, qapp) > 0.02
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(path))
    text = doc.getAllText(0).text()
    assert "Signed by" in text and "OpenECG" in text and "not for clinical use" in text
    assert "HR 61 bpm" in text
    doc.close()
