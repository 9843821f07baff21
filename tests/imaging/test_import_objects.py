"""SEG, SR (incl. TID 1500), GSPS and KOS files are imported with their study:
pydicom's real SEG and SR test files, and a GSPS / KOS / TID 1500 SR that
highdicom writes over the real CT slices (synthetic objects, labelled so)."""

from __future__ import annotations

from pathlib import Path

import pydicom
from pydicom.data import get_testdata_file

from app.importer import Outcome, run_import
from tests.imaging import object_samples
from tests.samples import ct_series


def _objects(ct: list[Path], folder: Path) -> list[Path]:
    return object_samples.write_objects(ct, folder)


def test_objects_join_the_study_of_their_images(store, tmp_path):
    ct = ct_series(tmp_path / "ct")
    run_import(store, ct)
    (row,) = store.worklist_rows()
    report = run_import(store, _objects(ct, tmp_path / "objects"))
    assert [e.outcome for e in report.entries] == [Outcome.IMPORTED] * 4, report.entries
    assert sorted(e.modality for e in report.entries) == ["KO", "PR", "SEG", "SR"]
    assert {e.study_pk for e in report.entries} == {row.study_pk}
    assert report.new_study_pks == []  # no new image: no second AI pre-read
    (row,) = store.worklist_rows()
    assert row.modality == "CT"
    kinds = sorted(s.modality for s in store.series_list(row.study_pk))
    assert kinds == ["CT", "KO", "PR", "SEG", "SR"]
    names = {p.name for _o, p in store.object_paths(row.study_pk)}
    assert {"sr.dcm", "pr.dcm", "kos.dcm", "seg.dcm"} <= names
    # the case still opens on its images
    assert len(store.open_source(row.study_pk)) == len(ct)
    again = run_import(store, _objects(ct, tmp_path / "again"))
    assert all(e.outcome is Outcome.IMPORTED for e in again.entries)  # new UIDs, new files


def test_objects_before_their_images_make_the_study(store, tmp_path):
    ct = ct_series(tmp_path / "ct")
    objs = _objects(ct, tmp_path / "objects")
    report = run_import(store, objs)
    assert [e.outcome for e in report.entries] == [Outcome.IMPORTED] * 4
    (row,) = store.worklist_rows()
    assert row.modality == "OT"
    run_import(store, ct)
    (row,) = store.worklist_rows()  # the images joined the same study
    assert row.modality == "CT"
    assert len(store.open_source(row.study_pk)) == len(ct)
    uid = str(pydicom.dcmread(ct[0], stop_before_pixels=True).StudyInstanceUID)
    assert store.study(row.study_pk).uid == uid


def test_real_seg_and_sr_files(store):
    files = [
        get_testdata_file(n, download=False)
        for n in ("liver_1frame.dcm", "reportsi.dcm", "test-SR.dcm")
    ]
    report = run_import(store, files)
    by_name = {Path(e.path).name: e for e in report.entries}
    assert by_name["liver_1frame.dcm"].outcome is Outcome.IMPORTED
    assert by_name["liver_1frame.dcm"].modality == "SEG"
    for name in ("reportsi.dcm", "test-SR.dcm"):
        assert by_name[name].outcome is Outcome.IMPORTED, by_name[name]
        assert by_name[name].modality == "SR"
