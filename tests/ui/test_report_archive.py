"""Issue 14: signing a report in the panel stores its PDF with the case as DICOM
Encapsulated PDF (read back with pydicom: the PDF the panel rendered, the case's
patient and study), queued for the regional server when the case is there."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.ui.report_helpers import WAIT_MS, confirm_and_sign, start, write


@pytest.fixture
def user(store):
    from app.auth import authenticate, seed_demo_users

    seed_demo_users(store)
    return authenticate(store, "specialist", "demo")


def recording(rendered: list):
    """The generic report PDF writer, keeping the bytes it wrote."""
    from ui.report.pdf import write_pdf

    def writer(path, report, header, state=None):
        out = write_pdf(path, report, header, state=state)
        rendered.append(Path(out).read_bytes())
        return out

    return writer


def test_signing_stores_the_report_pdf_with_the_case(qtbot, store, jobs, user, tmp_path):
    import pydicom

    from app.demo.build import build_fundus
    from app.importer import run_import
    from app.models import Outbox, Study
    from app.sync.outbox import ensure_on_server
    from app.wrap.pdf import ENCAPSULATED_PDF, unwrap_pdf
    from ui.report.panel import ReportPanel
    from viewers.registry import ViewerContext

    pk = run_import(store, [build_fundus(tmp_path)]).study_pks[0]  # real photo, left eye
    with store.session() as s:  # the case is queued for the regional server
        ensure_on_server(s, s.get(Study, pk), "specialist")
    study = store.study(pk)
    ctx = ViewerContext(store, pk, study.modality, store.object_paths(pk), jobs, user=user)
    panel = ReportPanel(ctx)
    qtbot.addWidget(panel)
    rendered: list[bytes] = []
    panel.pdf_writer = recording(rendered)
    start(qtbot, panel)
    write(panel, "os_findings", "No retinopathy.")
    write(panel, "referral", "Screen again in 12 months.")
    before = {o.id for o, _p in store.object_paths(pk)}
    with qtbot.waitSignal(panel.pdf_archived, timeout=WAIT_MS) as got:
        confirm_and_sign(qtbot, panel)
    out = got.args[0]
    assert out["queued"] and len(rendered) == 1
    qtbot.waitUntil(lambda: "stored with the case" in panel.message.text(), timeout=WAIT_MS)
    new = [(o, p) for o, p in store.object_paths(pk) if o.id not in before]
    assert len(new) == 1 and new[0][1] == out["path"]
    ds = pydicom.dcmread(new[0][1])
    assert ds.SOPClassUID == ENCAPSULATED_PDF and ds.SOPInstanceUID == out["sop_uid"]
    assert unwrap_pdf(ds) == rendered[0] == out["pdf"] and rendered[0].startswith(b"%PDF-")
    assert ds.PatientID == study.patient.patient_id and ds.StudyInstanceUID == study.uid
    assert ds.DocumentTitle == "Fundus photography report" and ds.InstanceNumber == 1
    with store.read_session() as s:  # queued for upload like the case's other objects
        q = select(Outbox).where(Outbox.kind == "object.upload", Outbox.study_pk == pk)
        assert new[0][0].id in {r.payload["object_pk"] for r in s.scalars(q)}
    # the viewers' object readers skip it: the study's images open as before
    assert store.open_source(pk) is not None
    # an amended report signed again: a second instance of the same report series
    panel.amend_btn.click()
    qtbot.waitUntil(lambda: panel.report.state == "draft", timeout=WAIT_MS)
    write(panel, "referral", "Screen again in 6 months.")
    with qtbot.waitSignal(panel.pdf_archived, timeout=WAIT_MS) as got:
        confirm_and_sign(qtbot, panel)
    v2 = pydicom.dcmread(got.args[0]["path"])
    assert v2.InstanceNumber == 2 and v2.SeriesInstanceUID == ds.SeriesInstanceUID
    assert v2.SOPInstanceUID != ds.SOPInstanceUID and unwrap_pdf(v2) == rendered[1]


def test_a_case_not_on_the_server_keeps_the_pdf_unqueued(store, tmp_path):
    from app.demo.build import build_fundus
    from app.importer import run_import
    from app.wrap.report_object import store_report_pdf

    pk = run_import(store, [build_fundus(tmp_path)]).study_pks[0]
    pdf = b"%PDF-1.4\n% SYNTHETIC minimal document\n%%EOF\n"
    out = store_report_pdf(store, pk, pdf, title="Report")
    assert not out["queued"] and out["path"].exists()
    again = store_report_pdf(store, pk, pdf, title="Report")  # the same PDF: the same object
    assert again["sop_uid"] == out["sop_uid"]
    assert len(store.object_paths(pk)) == 2  # the photo and one PDF


def test_a_pdf_that_cannot_be_stored_says_so_and_the_report_stays_signed(
    qtbot, store, jobs, user, tmp_path
):
    from app.demo.build import build_fundus
    from app.importer import run_import
    from ui.report.panel import ReportPanel
    from viewers.registry import ViewerContext

    pk = run_import(store, [build_fundus(tmp_path)]).study_pks[0]
    ctx = ViewerContext(store, pk, store.study(pk).modality, [], jobs, user=user)
    panel = ReportPanel(ctx)
    qtbot.addWidget(panel)

    def broken(path, report, header, state=None):  # a writer that writes no PDF
        Path(path).write_bytes(b"not a PDF")
        return path

    panel.pdf_writer = broken
    start(qtbot, panel)
    write(panel, "os_findings", "No retinopathy.")
    write(panel, "referral", "Screen again in 12 months.")
    confirm_and_sign(qtbot, panel)
    qtbot.waitUntil(lambda: "could not be stored" in panel.message.text(), timeout=WAIT_MS)
    assert "not a PDF" in panel.message.text() and panel.report.state == "signed"
    assert len(store.object_paths(pk)) == 1  # only the photo
