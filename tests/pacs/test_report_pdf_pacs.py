"""Issue 14: a report signed in the workstation's report panel reaches the PACS as
DICOM Encapsulated PDF of the case's study: the clinic's store syncs it to a real
Huizhen server process, whose PACS worker stores it in a real Orthanc.
Real ECG: pydicom's waveform_ecg.dcm."""

from __future__ import annotations

import io

import pydicom
from hzserver_helpers import wait_until
from pydicom.data import get_testdata_file

from app.auth import authenticate, seed_demo_users
from app.importer import run_import
from app.sync import SyncState, run_sync_once
from app.sync.client import SyncClient
from app.sync.outbox import request_consult
from app.wrap.pdf import ENCAPSULATED_PDF, unwrap_pdf
from tests.ui.report_helpers import WAIT_MS, confirm_and_sign, start


def test_signed_report_pdf_is_archived_in_the_pacs(qtbot, jobs, store, hz, orthanc):
    from ui.report.panel import ReportPanel
    from viewers.registry import ViewerContext

    ecg = get_testdata_file("waveform_ecg.dcm", download=False)
    pk = run_import(store, [ecg]).study_pks[0]
    request_consult(store, pk, "ECG?", "routine", "cardiology")
    client = SyncClient(hz.url)
    client.login("doctor", "demo")
    assert run_sync_once(store, client).state == SyncState.SYNCED
    seed_demo_users(store)
    user = authenticate(store, "doctor", "demo")  # the same doctor signed in to sync
    study = store.study(pk)
    ctx = ViewerContext(store, pk, study.modality, store.object_paths(pk), jobs, user=user)
    panel = ReportPanel(ctx)
    qtbot.addWidget(panel)
    start(qtbot, panel)
    panel.text.setPlainText("Sinus rhythm. No acute change.")
    with qtbot.waitSignal(panel.pdf_archived, timeout=WAIT_MS) as got:
        confirm_and_sign(qtbot, panel)
    out = got.args[0]
    assert out["queued"]
    assert run_sync_once(store, client).state == SyncState.SYNCED

    def archived():
        with orthanc.http() as http:
            r = http.get(f"/dicom-web/studies/{study.uid}/instances")
        uids = [i["00080018"]["Value"][0] for i in r.json()] if r.status_code == 200 else []
        return out["sop_uid"] in uids or None

    assert wait_until(archived, 60)
    with orthanc.http() as http:  # read back from the PACS
        r = http.post(
            "/tools/find", json={"Level": "Instance", "Query": {"SOPInstanceUID": out["sop_uid"]}}
        )
        (oid,) = r.json()
        data = http.get(f"/instances/{oid}/file").content
    ds = pydicom.dcmread(io.BytesIO(data))
    assert ds.SOPClassUID == ENCAPSULATED_PDF and ds.StudyInstanceUID == study.uid
    assert unwrap_pdf(ds) == out["pdf"] and out["pdf"].startswith(b"%PDF-")
    client.close()
