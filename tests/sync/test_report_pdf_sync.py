"""Issue 14: the report PDF a specialist signs in the panel reaches the requesting clinic
through a real regional server process, as DICOM Encapsulated PDF of the case
(real ECG sample waveform_ecg.dcm from pydicom's test files)."""

from __future__ import annotations

from pathlib import Path

from sync_helpers import ecg_consult_at_specialist

from app import reports
from app.sync import SyncState, run_sync_once
from app.sync.files import download_study
from tests.ui.report_helpers import WAIT_MS, confirm_and_sign

SUMMARY = {"model": {"name": "test", "version": "1"}, "measurements": {}, "findings": []}


def test_signed_report_pdf_reaches_the_clinic(
    server, clinic_store, specialist_store, qtbot, make_jobs
):
    import pydicom

    from app.wrap.pdf import ENCAPSULATED_PDF, unwrap_pdf
    from ui.report.panel import ReportPanel
    from viewers.registry import ViewerContext

    clinic, specialist, pk, spk, user = ecg_consult_at_specialist(
        server.url, clinic_store, specialist_store
    )
    r = reports.create_draft(specialist_store, spk, SUMMARY, language="en", user=user)
    reports.edit(specialist_store, r.id, text=r.text + "\nSinus rhythm.", user=user)
    study = specialist_store.study(spk)
    ctx = ViewerContext(specialist_store, spk, study.modality, [], make_jobs(), user=user)
    panel = ReportPanel(ctx)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.report is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.pdf_archived, timeout=WAIT_MS) as got:
        confirm_and_sign(qtbot, panel)
    out = got.args[0]
    assert out["queued"]
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    download_study(clinic_store, clinic, pk)
    docs = []
    for _o, path in clinic_store.object_paths(pk):
        if Path(path).exists():
            ds = pydicom.dcmread(path, stop_before_pixels=False)
            if ds.SOPClassUID == ENCAPSULATED_PDF:
                docs.append(ds)
    assert [d.SOPInstanceUID for d in docs] == [out["sop_uid"]]
    assert unwrap_pdf(docs[0]) == out["pdf"]
    assert docs[0].PatientID == clinic_store.study(pk).patient.patient_id
