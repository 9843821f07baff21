"""Serial comparison: the demo record vs its SYNTHETIC ST-elevation variant."""

from __future__ import annotations

import copy

import pytest

from inference.ecg.compare import ST_CHANGE_MV, compare, find_prior


@pytest.fixture(scope="module")
def pair():
    """(prior, current) analyses: the real record and the same with +0.3 mV ST in II/III/aVF."""
    import pydicom

    from app.demo.build import STEMI_LEADS, sample_path
    from app.demo.ecg_variants import add_st_elevation
    from app.ecg.readers.dicom_ecg import read_dicom_ecg
    from inference.ecg import analyze

    src = pydicom.dcmread(sample_path("waveform_ecg.dcm"))
    st = copy.deepcopy(src)
    add_st_elevation(st, STEMI_LEADS, 0.3)
    return analyze(read_dicom_ecg(None, ds=src)), analyze(read_dicom_ecg(None, ds=st))


def test_st_change_in_inferior_leads(pair):
    prior, current = pair
    cmp = compare(current, prior)
    for lead in ("II", "III", "aVF"):
        assert cmp.delta(lead) == pytest.approx(0.3, abs=0.05), lead
        assert cmp.leads[lead].delta_j60_mv == pytest.approx(0.3, abs=0.05)
    # the frontal vector that raises II, III, aVF lowers aVR and aVL by half (Einthoven)
    for lead in ("aVR", "aVL"):
        assert cmp.delta(lead) == pytest.approx(-0.15, abs=0.05), lead
    others = [n for n in cmp.leads if n not in ("II", "III", "aVF", "aVR", "aVL")]
    assert len(others) == 7
    assert all(abs(cmp.delta(n)) < ST_CHANGE_MV / 2 for n in others)
    assert sorted(cmp.changed_leads()) == ["II", "III", "aVF", "aVL", "aVR"]
    assert "STEMI" in cmp.new_codes and not cmp.resolved_codes
    hr_now, hr_before = cmp.intervals["hr_bpm"]
    assert hr_now == pytest.approx(hr_before, abs=2)


def test_compare_accepts_summaries_and_is_antisymmetric(pair):
    prior, current = pair
    back = compare(prior.summary(), current.summary())
    assert back.delta("II") == pytest.approx(-compare(current, prior).delta("II"))
    assert back.resolved_codes == ["STEMI"]


def _import(store, tmp_path, ds, name):
    from app.importer import run_import

    path = tmp_path / name
    ds.save_as(path, enforce_file_format=True)
    return run_import(store, [path]).study_pks[0]


def test_find_prior_picks_older_ecg_of_same_patient(store, tmp_path):
    import pydicom

    from app.demo.build import ECG_PATIENTS, STEMI_PATIENT, relabel, sample_path

    src = pydicom.dcmread(sample_path("waveform_ecg.dcm"))
    studies = {}
    for i, date in enumerate(("20250101", "20260301", "20261122")):
        ds = copy.deepcopy(src)
        relabel(ds, STEMI_PATIENT, 10 + i, f"ECG {date}")
        ds.StudyDate = ds.ContentDate = ds.AcquisitionDateTime = date
        studies[date] = _import(store, tmp_path, ds, f"{date}.dcm")
    other = copy.deepcopy(src)
    relabel(other, ECG_PATIENTS[0], 0, "other patient")
    other.StudyDate = other.ContentDate = other.AcquisitionDateTime = "20261001"
    _import(store, tmp_path, other, "other.dcm")
    found = find_prior(store, studies["20261122"])
    assert found is not None and found.study_pk == studies["20260301"]
    assert found.path.exists() and found.study_time.year == 2026
    assert find_prior(store, studies["20260301"]).study_pk == studies["20250101"]
    assert find_prior(store, studies["20250101"]) is None


def test_compare_panel_in_the_viewer(qtbot, qapp, store, tmp_path):
    """The viewer finds the prior ECG in the store and shows the ST change per lead."""
    pytest.importorskip("pyqtgraph")
    import pydicom

    from app.demo.build import STEMI_PATIENT, build_stemi_ecg, relabel, sample_path
    from app.domain import Modality
    from app.jobs import JobRunner
    from ui.qt_jobs import QtJobs
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    src = pydicom.dcmread(sample_path("waveform_ecg.dcm"))
    old = copy.deepcopy(src)
    relabel(old, STEMI_PATIENT, 5, "12-lead ECG, last year")
    old.StudyDate = old.ContentDate = old.AcquisitionDateTime = "20251001"
    _import(store, tmp_path, old, "prior.dcm")
    from app.importer import run_import

    pk = run_import(store, [build_stemi_ecg(src, tmp_path)]).study_pks[0]
    jobs = QtJobs(JobRunner(max_workers=2))
    try:
        ctx = ViewerContext(store, pk, Modality.ECG, store.object_paths(pk), jobs)
        v = EcgViewer(ctx)
        qtbot.addWidget(v)
        with qtbot.waitSignal(v.compare_panel.compared, timeout=60000) as sig:
            pass
        cmp = sig.args[0]
        assert cmp.delta("aVF") == pytest.approx(0.3, abs=0.05)
        panel = v.compare_panel
        rows = {panel.table.item(i, 0).text(): i for i in range(panel.table.rowCount())}
        assert float(panel.table.item(rows["III"], 3).text()) == pytest.approx(0.3, abs=0.05)
        assert len(panel.trace_items) == 24 and "2025-10-01" in panel.caption.text()
        stacked_y = panel.trace_items[1].yData.mean() - panel.trace_items[0].yData.mean()
        panel.mode_box.setCurrentIndex(1)  # side by side: prior to the right, same row
        assert panel.trace_items[1].xData.min() > panel.trace_items[0].xData.max()
        assert abs(stacked_y) > 10 and len(panel.trace_items) == 24
    finally:
        jobs.shutdown()
        qapp.processEvents()


def test_demo_st_elevation_keeps_the_limb_leads_consistent(pair):
    """The SYNTHETIC variant moves all six limb leads as one frontal vector: the
    analysis' Einthoven check finds nothing to say about it (it did when only
    II, III and aVF were raised)."""
    prior, current = pair
    for analysis in (prior, current):
        assert not [w for w in analysis.warnings if "limb_leads_inconsistent" in w]
    assert "STEMI" in {f.code for f in current.findings}
