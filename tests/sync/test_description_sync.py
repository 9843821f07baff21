"""A description the clinic's reader made up travels with its coded parts, so the
specialist's workstation shows it in its own language (real server process; the
real GE MUSE export tests/data/ecg/muse/muse_ecg1.xml)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sync_helpers import Api, import_sample, signed_in

from app.models import ConsultRequest, Study
from app.sync import SyncState, run_sync_once
from app.sync.outbox import request_consult

MUSE = Path(__file__).resolve().parents[1] / "data" / "ecg" / "muse" / "muse_ecg1.xml"


def test_specialist_sees_the_clinics_made_up_description_translated(
    qapp, server, clinic_store, specialist_store
):
    from ui import i18n
    from ui.description_text import description_text

    clinic, specialist = signed_in(server.url, "doctor"), signed_in(server.url, "specialist")
    pk = import_sample(clinic_store, str(MUSE))
    request_consult(clinic_store, pk, "QRS?", "routine", "cardiology")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    (case,) = Api(server.url, "doctor").ok("GET", "/cases")["cases"]
    assert case["study"]["description"] == "ECG (GE MUSE XML)"  # the text, as before
    assert case["study"]["description_facts"] == [
        {"code": "ecg_format", "params": {"format": "GE MUSE XML"}}
    ]
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    with specialist_store.read_session() as s:
        spk = s.scalars(select(ConsultRequest)).one().study_pk
    (row,) = [r for r in specialist_store.worklist_rows() if r.study_pk == spk]
    try:
        i18n.install("zh_CN")
        assert description_text(row.description) == "心电图（GE MUSE XML）"
    finally:
        i18n.install("en")
    assert description_text(row.description) == "ECG (GE MUSE XML)"
    clinic.close()
    specialist.close()


def test_the_server_refuses_malformed_parts_and_the_text_stays(server, specialist_store):
    api = Api(server.url, "doctor")
    patient = {"id": "DEMO-DESC-1", "name": "DEMO^Desc"}

    def create(facts):
        study = {"uid": "1.2.3.4.5", "description": "ECG (odd)", "description_facts": facts}
        return api.request("POST", "/cases", json={"patient": patient, "study": study,
                                                  "modality": "ECG"})  # fmt: skip

    for bad in (
        [{"code": "ecg_format", "params": {"format": {"nested": 1}}}],
        [{"code": "x" * 65, "params": {}}],
        [{"code": "ecg_format", "params": {str(i): i for i in range(9)}}],
    ):
        assert create(bad).status_code == 422
    # a code this version does not know is kept by the server but not shown by the UI
    assert create([{"code": "from_a_later_version", "params": {}}]).status_code in (200, 201)
    specialist = signed_in(server.url, "doctor")
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    with specialist_store.read_session() as s:
        st = s.scalars(select(Study)).one()
        assert st.description == "ECG (odd)" and st.description_facts is None
    specialist.close()
