"""The ECG viewer shows the case's stored AI result and does not run the model on
open; it runs it again only when the user asks (pytest-qt, real record)."""

from __future__ import annotations

import pytest

pytest.importorskip("pyqtgraph")


def test_ecg_viewer_shows_the_stored_result_without_running_the_model(
    qtbot, jobs, store, monkeypatch
):
    from pydicom.data import get_testdata_file

    import inference.ecg
    from app.domain import Modality
    from app.importer import run_import
    from inference.preread import run_preread
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    [pk] = run_import(store, [get_testdata_file("waveform_ecg.dcm", download=False)]).study_pks
    stored = run_preread(store, [pk])[pk]
    real, calls = inference.ecg.analyze, []

    def counted(signal, state=None, **kw):
        calls.append(1)
        return real(signal, state=state, **kw)

    monkeypatch.setattr(inference.ecg, "analyze", counted)
    ctx = ViewerContext(store, pk, Modality.ECG, store.object_paths(pk), jobs,
                        extra={"px_per_mm": 4.0})  # fmt: skip
    v = EcgViewer(ctx)
    qtbot.addWidget(v)
    with qtbot.waitSignals([v.analysed, v.medians_ready], timeout=60_000):
        pass
    assert calls == []  # opening the case did not run the model
    assert v.analysis.model.version == stored.model.version
    assert v.analysis.measurements.hr_bpm == stored.measurements["hr_bpm"]
    assert v._overlay_items and v.analysis.beats  # overlays from the stored fiducials
    with qtbot.waitSignals([v.analysed, v.medians_ready], timeout=60_000):
        v.rerun_btn.click()  # the user asks for a new run
    assert calls == [1]
