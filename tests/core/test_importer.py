"""Import of real sample files and of bad ones."""

from pathlib import Path

import pytest
from pydicom.data import get_testdata_file

from app.blobstore import sha256_file
from app.importer import Outcome, run_import

ECG = get_testdata_file("waveform_ecg.dcm", download=False)
CR = get_testdata_file("RG1_UNCR.dcm", download=False)


def retina() -> Path:
    import skimage

    return Path(skimage.__file__).parent / "data" / "retina.jpg"


def test_real_files_become_studies(store):
    report = run_import(store, [ECG, CR, retina()])
    assert [e.outcome for e in report.entries] == [Outcome.IMPORTED] * 3
    assert sorted(e.modality for e in report.entries) == ["CR", "ECG", "OP"]
    rows = store.worklist_rows()
    assert len(rows) == 3
    # the bytes are in their series folder under their original name; the hash identifies them
    (row,) = [r for r in rows if r.modality == "CR"]
    ((obj, path),) = store.object_paths(row.study_pk)
    assert obj.sha256 == sha256_file(CR)
    assert path.name == "RG1_UNCR.dcm" and path.parent.parent.name == "series"
    assert path.read_bytes() == Path(CR).read_bytes()


def test_reimport_is_idempotent(store):
    run_import(store, [ECG, CR])
    again = run_import(store, [ECG, CR])
    assert [e.outcome for e in again.entries] == [Outcome.DUPLICATE, Outcome.DUPLICATE]
    assert len(store.worklist_rows()) == 2


def test_bad_files_are_reported_and_do_not_stop_the_rest(store, tmp_path):
    truncated = tmp_path / "truncated.dcm"
    data = Path(CR).read_bytes()
    truncated.write_bytes(data[:2000])
    garbage_dcm = tmp_path / "garbage.dcm"
    garbage_dcm.write_bytes(b"\0" * 128 + b"DICM" + b"\xff" * 50)
    empty = tmp_path / "empty.dcm"
    empty.write_bytes(b"")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    bad_jpeg = tmp_path / "eye_OD.jpg"
    bad_jpeg.write_bytes(retina().read_bytes()[:5000])
    report = run_import(store, [truncated, garbage_dcm, empty, text, bad_jpeg, ECG])
    by_name = {Path(e.path).name: e for e in report.entries}
    assert by_name["waveform_ecg.dcm"].outcome is Outcome.IMPORTED
    for name in ("truncated.dcm", "garbage.dcm", "empty.dcm", "eye_OD.jpg"):
        assert by_name[name].outcome is Outcome.FAILED, name
        assert by_name[name].reason, name
    assert by_name["notes.txt"].outcome is Outcome.UNSUPPORTED
    # a kind the UI can explain in the user's language
    assert by_name["truncated.dcm"].kind == "truncated"
    assert by_name["empty.dcm"].kind == "empty"
    assert by_name["garbage.dcm"].kind == "corrupt"
    assert by_name["eye_OD.jpg"].kind == "corrupt"
    assert len(store.worklist_rows()) == 1


def test_folder_import_and_sidecar_metadata(store, tmp_path):
    folder = tmp_path / "clinic"
    folder.mkdir()
    photo = folder / "fundus.jpg"
    photo.write_bytes(retina().read_bytes())
    (folder / "fundus.jpg.json").write_text(
        '{"patient_id": "P-77", "patient_name": "DEMO^Test", "extra": {"laterality": "L"}}'
    )
    report = run_import(store, [folder])
    assert [e.outcome for e in report.entries] == [Outcome.IMPORTED]
    (row,) = store.worklist_rows()
    assert row.patient_id == "P-77" and row.modality == "OP"
    ((obj, _path),) = store.object_paths(row.study_pk)
    assert obj.meta["laterality"] == "L"


def test_import_cancel_keeps_what_was_imported(store):
    from app.jobs import TaskState

    state = TaskState()
    calls = []

    def cancel_after_first(fraction, message):
        calls.append(message)
        if len(calls) == 2:
            state.cancel()

    state.events.progress.connect(cancel_after_first)
    report = run_import(store, [CR, ECG], state)
    assert report.cancelled
    assert len(store.worklist_rows()) == len(
        [e for e in report.entries if e.outcome is Outcome.IMPORTED]
    )


@pytest.mark.parametrize("name", ["ecg", "cr"])
def test_demo_patients_are_marked(store, tmp_path, name):
    from app.demo.build import build_crs, build_ecgs

    files = (build_ecgs if name == "ecg" else build_crs)(tmp_path)
    run_import(store, files)
    rows = store.worklist_rows()
    assert rows and all(r.is_demo and r.patient_id.startswith("DEMO") for r in rows)
