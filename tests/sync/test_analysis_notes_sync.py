"""The ECG analysis' notes travel with the AI result (their codes inside it) and the
specialist opening the synced case sees them in their own language, under the model
that wrote them (real server process; the real LUDB record 138, whose T wave in
lead II does not stand clear of the noise: tests/data/ecg/README.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select
from sync_helpers import signed_in

from app.importer import run_import
from app.models import ConsultRequest
from app.sync import SyncState, run_sync_once
from app.sync.files import download_study
from app.sync.outbox import request_consult

LUDB = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb" / "ludb"


def test_the_specialist_sees_the_clinics_analysis_notes_translated(
    qtbot, server, clinic_store, specialist_store, make_jobs, tmp_path
):
    from app.ai.result import ModelInfo
    from app.domain import Modality
    from app.ecg.warning_codes import code_of
    from inference.preread import run_preread
    from ui import i18n
    from viewers.ecg.qt_ecg_viewer import EcgViewer, stored_analysis
    from viewers.registry import ViewerContext

    clinic, specialist = signed_in(server.url, "doctor"), signed_in(server.url, "specialist")
    folder = tmp_path / "ludb138"
    folder.mkdir()
    for ext in ("hea", "dat"):
        shutil.copy(LUDB / f"138.{ext}", folder)
    [pk] = run_import(clinic_store, [folder]).study_pks
    run_preread(clinic_store, [pk])  # the clinic's AI result, with its notes' codes
    request_consult(clinic_store, pk, "QT?", "routine", "cardiology")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    with specialist_store.read_session() as s:
        spk = s.scalars(select(ConsultRequest)).one().study_pk
    download_study(specialist_store, specialist, spk)
    files = specialist_store.object_paths(spk)
    jobs = make_jobs()
    try:
        i18n.install("zh_CN")
        ctx = ViewerContext(specialist_store, spk, Modality.ECG, files, jobs)
        v = EcgViewer(ctx)
        qtbot.addWidget(v)

        def notes() -> dict:
            return next((f for f in v.findings if f.get("code") == "ANALYSIS_NOTES"), {})

        qtbot.waitUntil(lambda: bool(notes()), timeout=60000)
        limb, qt = notes()["notes"]
        assert limb.startswith("• 肢体导联不符合 Einthoven 定律")
        assert (
            qt
            == "• QT 间期在 T 波清晰的导联上测量：I, V1, V2, V3, V4, V5, V6（II 导联的 T 波未明显高于噪声）"
        )
        assert "OpenECG" in notes()["source"]  # the clinic's result, its model named
        # shown from the synced result, not from the model run again here
        assert isinstance(v.ran_at, ModelInfo) and v.ran_at.name.startswith("OpenECG")
        stored = stored_analysis(specialist_store, spk)
        # LUDB's published per-lead gains break Einthoven's law (tests/data/ecg/README.md)
        assert [code_of(w) for w in stored.warnings] == ["limb_leads_inconsistent", "qt_leads"]
    finally:
        i18n.install("en")
        clinic.close()
        specialist.close()
