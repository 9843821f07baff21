"""Camera photos wrapped as DICOM Ophthalmic Photography (app/wrap/op.py), read back
with pydicom and highdicom; and sent that way to a real server process, so the eye
of a bare photo (given at import, not in its name) reaches the server.

Photos: scikit-image's real retina.jpg (a camera JPEG, CC0) and microaneurysms.png."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from datetime import datetime
from pathlib import Path

import numpy as np
import pydicom
import pytest
from PIL import Image

from app.wrap import op

CASE = op.Case(
    patient_id="P-0042",
    patient_name="王^小明",
    sex="M",
    birth_date="19580304",
    study_uid="1.2.826.0.1.3680043.8.498.4242",
    study_time=datetime(2026, 11, 18, 9, 30),
    description="DR screening",
)


def _retina_jpeg() -> bytes:
    from skimage import data_dir

    return (Path(data_dir) / "retina.jpg").read_bytes()


def test_camera_jpeg_is_wrapped_without_reencoding(tmp_path):
    import highdicom as hd

    jpeg = _retina_jpeg()
    wrapped = op.wrap_photo(jpeg, "OS", CASE, camera=("Canon", "CR-2 AF"), field_deg=45.0)
    assert wrapped == op.wrap_photo(jpeg, "L", CASE, camera=("Canon", "CR-2 AF"), field_deg=45.0)
    path = tmp_path / "os.dcm"
    path.write_bytes(wrapped)
    ds = pydicom.dcmread(path)
    assert ds.SOPClassUID == op.OP_8BIT and ds.Modality == "OP"
    assert ds.file_meta.TransferSyntaxUID == pydicom.uid.JPEGBaseline8Bit
    assert ds.ImageLaterality == "L"  # type 1
    assert str(ds.PatientName) == "王^小明" and ds.PatientID == "P-0042"
    assert ds.PatientBirthDate == "19580304" and ds.PatientSex == "M"
    assert ds.StudyInstanceUID == CASE.study_uid and ds.StudyDate == "20261118"
    assert ds.AnatomicRegionSequence[0].CodeMeaning == "Retina"
    assert float(ds.HorizontalFieldOfView) == 45.0 and ds.Manufacturer == "Canon"
    assert ds.LossyImageCompression == "01" and ds.BitsStored == 8
    # the camera's own bytes, not a re-encoded copy
    frames = list(pydicom.encaps.generate_frames(ds.PixelData, number_of_frames=1))
    assert frames[0].rstrip(b"\x00") == jpeg.rstrip(b"\x00")
    with Image.open(io.BytesIO(jpeg)) as im:
        original = np.asarray(im.convert("RGB"), np.int16)
    decoded = ds.pixel_array.astype(np.int16)
    assert decoded.shape == original.shape
    assert float(np.abs(decoded - original).mean()) < 2.0  # same JPEG, another decoder
    image = hd.imread(str(path))
    assert image.SOPClassUID == op.OP_8BIT and image.ImageLaterality == "L"


def test_png_is_wrapped_losslessly_and_the_eye_is_required(tmp_path):
    from skimage import data

    crop = np.ascontiguousarray(data.microaneurysms())  # real, greyscale
    buf = io.BytesIO()
    Image.fromarray(crop).save(buf, format="PNG")
    ds = pydicom.dcmread(io.BytesIO(op.wrap_photo(buf.getvalue(), "R", CASE)))
    assert ds.file_meta.TransferSyntaxUID == pydicom.uid.ExplicitVRLittleEndian
    assert ds.PhotometricInterpretation == "MONOCHROME2" and ds.LossyImageCompression == "00"
    assert ds.ImageLaterality == "R" and ds.SeriesNumber == 1
    assert np.array_equal(ds.pixel_array, crop)
    with pytest.raises(op.WrapError, match="eye"):
        op.wrap_photo(buf.getvalue(), "", CASE)
    with pytest.raises(op.WrapError, match="not a photo"):
        op.wrap_photo(b"\x89PNG\r\n\x1a\n broken", "R", CASE)
    # a case whose study UID is not a DICOM UID gets a valid one, the same every time
    odd = op.Case(patient_id="X", study_uid="local-study-7")
    a = pydicom.dcmread(io.BytesIO(op.wrap_photo(buf.getvalue(), "R", odd)))
    assert a.StudyInstanceUID.startswith("2.25.") and pydicom.uid.UID(a.StudyInstanceUID).is_valid
    b = pydicom.dcmread(io.BytesIO(op.wrap_photo(buf.getvalue(), "R", odd)))
    assert a.StudyInstanceUID == b.StudyInstanceUID


@pytest.fixture
def server(tmp_path):
    sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))
    sys.path.insert(0, str(Path(__file__).parents[1] / "server"))
    from sync_helpers import make_server

    srv = make_server(tmp_path / "srv").start()
    yield srv
    srv.stop()


def test_a_bare_photo_reaches_the_server_as_dicom_op_with_its_eye(server, tmp_path):
    from hzserver_helpers import wait_until
    from sync_helpers import make_store, signed_in

    from app.importer import run_import
    from app.models import Study
    from app.sync import SyncState, run_sync_once
    from app.sync.outbox import ensure_on_server

    photo = tmp_path / "IMG_0031.jpg"  # a camera's name: no eye in it
    photo.write_bytes(_retina_jpeg())
    side = {"patient_id": "P-0042", "patient_name": "王^小明", "extra": {"laterality": "L"}}
    photo.with_name(photo.name + ".json").write_text(json.dumps(side), "utf-8")
    store = make_store(tmp_path / "clinic")
    try:
        [pk] = run_import(store, [photo]).study_pks  # no clinic pre-read: the server reads it
        with store.session() as s:
            ensure_on_server(s, s.get(Study, pk), "doctor")
        client = signed_in(server.url, "doctor")
        assert run_sync_once(store, client).state == SyncState.SYNCED
        case_id = store.study(pk).server_id
        (obj,) = client.call("GET", f"/cases/{case_id}/objects")["objects"]
        assert obj["filename"] == "IMG_0031.dcm"
        data = client.raw("GET", f"/objects/{obj['id']}/content").content
        assert obj["sha256"] == hashlib.sha256(data).hexdigest()
        ds = pydicom.dcmread(io.BytesIO(data))
        assert ds.ImageLaterality == "L" and ds.PatientID == "P-0042"
        assert ds.StudyInstanceUID == op._study_uid(
            op.Case("P-0042", study_uid=store.study(pk).uid)
        )

        def server_result():
            found = client.call("GET", f"/cases/{case_id}/ai-results")
            return (found["ai_results"] or [None])[0]

        result = wait_until(server_result, timeout=90)
        eye = result["details"]["eyes"][0]
        assert eye["eye"] == "OS" and eye["eye_source"] == "given"  # from the DICOM tag
    finally:
        store.close()


def test_the_ai_result_names_the_wrapped_object(store, tmp_path):
    from app.importer import run_import

    photo = tmp_path / "IMG_0032.jpg"
    photo.write_bytes(_retina_jpeg())
    side = {"patient_id": "P-0043", "extra": {"laterality": "R"}}
    photo.with_name(photo.name + ".json").write_text(json.dumps(side), "utf-8")
    from skimage import data_dir

    bare = tmp_path / "IMG_0033.png"  # no eye known: sent as it is
    bare.write_bytes((Path(data_dir) / "microaneurysms.png").read_bytes())
    [pk] = run_import(store, [photo]).study_pks
    [pk2] = run_import(store, [bare]).study_pks
    obj = store.study(pk).objects[0]
    path, name, digest = op.for_upload(store, obj.id)
    assert name == "IMG_0032.dcm" and hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert pydicom.dcmread(path).ImageLaterality == "R"
    assert op.sent_sha256(store, pk, obj.sha256) == digest
    other = store.study(pk2).objects[0]
    assert op.for_upload(store, other.id) is None
    assert op.sent_sha256(store, pk2, other.sha256) == other.sha256
