"""A CT series archived in Orthanc, streamed slice by slice through the server.

Real head CT (Debian invesalius-examples, GPL-2) written as a DICOM series,
uploaded by the clinic, archived in Orthanc by STOW-RS; the radiologist's
workstation reads the series' headers in one request and its frames by
WADO-RS through the server, into the same ``Volume`` the local viewer fills.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pydicom
import pytest
from hzserver_helpers import Api
from pacs_helpers import SLICES, archived_case, upload
from pydicom.data import get_testdata_file

from app.imaging.series import series_info
from app.imaging.volume import Volume
from app.jobs import Cancelled, TaskState
from app.readers.base import ReadError
from app.readers.dicomweb_source import CHUNK, open_remote_series
from app.readers.images import DicomSource
from app.sync.client import SyncClient

ARCHIVED: list[Path] = []  # pydicom files the module's server archived already


@pytest.fixture
def client(hz):
    c = SyncClient(hz.url)
    c.login("radiologist", "demo")
    yield c
    c.close()


def test_series_metadata_and_frames_come_from_the_pacs_through_the_server(
    hz, orthanc, doctor, radiologist, ct_case, ct_files
):
    case_id = ct_case["case"]["id"]
    listed = radiologist.ok("GET", f"/cases/{case_id}/series")["series"]
    assert [(s["series_uid"], len(s["object_ids"]), s["in_pacs"]) for s in listed] == [
        (ct_case["series_uid"], SLICES, SLICES)
    ]
    meta = radiologist.ok("GET", f"/cases/{case_id}/series/{ct_case['series_uid']}/metadata")
    assert {i["source"] for i in meta["instances"]} == {"local"}  # the server's own copies
    assert all("7FE00010" not in i["dicom"] for i in meta["instances"])
    sops = {str(pydicom.dcmread(p, stop_before_pixels=True).SOPInstanceUID) for p in ct_files}
    assert {i["sop_uid"] for i in meta["instances"]} == sops
    obj = ct_case["objects"][3]
    r = radiologist.get(f"/objects/{obj['id']}/frames/1")
    assert r.status_code == 200 and r.headers["x-huizhen-source"] == "pacs"
    want = pydicom.dcmread(ct_files[3]).PixelData
    assert r.content == want and r.headers["x-transfer-syntax"] == "1.2.840.10008.1.2.1"
    assert radiologist.get(f"/objects/{obj['id']}/frames/2").status_code == 404
    # nothing of Orthanc's address or credentials reaches the client
    for body in (r.headers, meta):
        assert orthanc.password not in str(body) and str(orthanc.http_port) not in str(body)


def test_several_slices_come_in_one_request(radiologist, ct_case, ct_files, doctor):
    case_id, uid = ct_case["case"]["id"], ct_case["series_uid"]
    ids = [o["id"] for o in ct_case["objects"][:5]]
    path = f"/cases/{case_id}/series/{uid}/frames"
    r = radiologist.get(path, params={"objects": ",".join(map(str, ids))})
    assert r.status_code == 200, r.text
    lengths = [int(n) for n in r.headers["x-frame-lengths"].split(",")]
    at = 0
    for f, n in zip(ct_files[:5], lengths, strict=True):
        assert r.content[at : at + n] == pydicom.dcmread(f).PixelData
        at += n
    other = doctor.new_case("CT", patient_id="P-other")  # an object of another case
    obj = upload(doctor, other["id"], ct_files[0], "other.dcm")
    assert radiologist.get(path, params={"objects": f"{ids[0]},{obj['id']}"}).status_code == 404
    for bad in ("x", ",".join(["1"] * 33)):
        assert radiologist.get(path, params={"objects": bad}).status_code == 422


def test_headers_come_from_the_pacs_when_the_server_copy_is_gone(hz, doctor, client, tmp_path):
    path = Path(get_testdata_file("CT_small.dcm", download=False))
    got = archived_case(doctor, [path])
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    blob = hz.data_dir / "objects" / sha[:2] / sha[2:]
    assert blob.exists()
    blob.unlink()
    meta = client.get(f"/cases/{got['case']['id']}/series/{got['series_uid']}/metadata")
    assert [i["source"] for i in meta["instances"]] == ["pacs"]
    source = open_remote_series(client, got["case"]["id"], got["series_uid"], tmp_path)
    np.testing.assert_array_equal(source.frame(0).pixels, DicomSource([path]).frame(0).pixels)


def test_other_users_see_nothing_of_the_series(hz, ct_case):
    case_id, obj = ct_case["case"]["id"], ct_case["objects"][0]
    for user in ("specialist", "ophthalmologist"):  # cardiology: the consult went to radiology
        api = Api(hz.url, user)
        assert api.get(f"/cases/{case_id}/series").status_code == 404
        uid = ct_case["series_uid"]
        assert api.get(f"/cases/{case_id}/series/{uid}/metadata").status_code == 404
        assert api.get(f"/objects/{obj['id']}/frames/1").status_code == 404


def test_remote_series_opens_with_the_middle_slice_before_the_rest(
    client, ct_case, ct_files, tmp_path
):
    local = series_info(ct_files)
    source = open_remote_series(client, ct_case["case"]["id"], ct_case["series_uid"], tmp_path)
    info = source.info
    assert (info.slices, info.rows, info.columns) == (local.slices, local.rows, local.columns)
    assert info.slice_spacing == pytest.approx(local.slice_spacing)
    assert [f.position for f in info.frames] == [f.position for f in local.frames]
    assert source.series.fetched == 0  # headers only so far
    mid = source.default_index
    image = source.frame(mid)
    assert source.series.fetched == 1  # the middle slice came alone
    np.testing.assert_array_equal(image.pixels, DicomSource(ct_files).frame(mid).pixels)
    assert image.window == DicomSource(ct_files).frame(mid).window


def test_remote_volume_fills_interleaved_with_events_and_equals_the_local_volume(
    client, ct_case, ct_files, tmp_path
):
    source = open_remote_series(client, ct_case["case"]["id"], ct_case["series_uid"], tmp_path)
    volume = source.new_volume()
    arrived: list[int] = []
    volume.slice_loaded.connect(arrived.append)
    progress: list[float] = []

    class State(TaskState):
        def progress(self, fraction, message=None):
            progress.append(fraction)
            super().progress(fraction, message)

    volume.load(State())
    assert arrived[0] == SLICES // 2 and sorted(arrived) == list(range(SLICES))
    assert volume.loaded.all() and not volume.failed and progress[-1] == 1.0
    expected = Volume.create(series_info(ct_files)).load()
    np.testing.assert_array_equal(volume.array, expected.array)
    assert volume.spacing == pytest.approx(expected.spacing)
    np.testing.assert_allclose(volume.origin, expected.origin)


def test_cancel_stops_the_stream(client, ct_case, tmp_path):
    source = open_remote_series(client, ct_case["case"]["id"], ct_case["series_uid"], tmp_path)
    volume = source.new_volume()
    state = TaskState()
    volume.slice_loaded.connect(lambda z: state.cancel() if volume.loaded.sum() >= 4 else None)
    with pytest.raises(Cancelled):
        volume.load(state)
    # what was in flight when Cancel came may still arrive; nothing after it is fetched
    assert source.series.fetched <= 1 + 2 * CHUNK < SLICES  # the first slice, two batches
    assert not volume.loaded.all()


def test_compressed_frames_stream_in_their_stored_syntax(doctor, client, tmp_path):
    """pydicom test files (RLE, JPEG 2000, JPEG lossless): the frame arrives as stored and
    decodes to the same pixels as the original file."""
    for name, syntax in (
        ("MR_small_RLE.dcm", "1.2.840.10008.1.2.5"),
        ("693_J2KR.dcm", "1.2.840.10008.1.2.4.90"),
        ("JPGLosslessP14SV1_1s_1f_8b.dcm", "1.2.840.10008.1.2.4.70"),
    ):
        path = Path(get_testdata_file(name, download=False))
        got = archived_case(doctor, [path])
        ARCHIVED.append(path)
        obj = got["objects"][0]
        r = client.raw("GET", f"/objects/{obj['id']}/frames/1")
        assert r.headers["x-transfer-syntax"] == syntax, name
        assert r.headers["x-huizhen-source"] == "pacs"
        source = open_remote_series(client, got["case"]["id"], got["series_uid"], tmp_path / name)
        want = DicomSource([path]).frame(0).pixels
        np.testing.assert_array_equal(source.frame(0).pixels, want)


def test_an_object_kept_out_of_the_pacs_streams_from_the_local_copy(doctor, client, tmp_path):
    """MR_small_jp2klossless reuses MR_small_RLE's SOP Instance UID with other bytes: the
    server keeps it out of the PACS (conflict) and streams its own copy."""
    first = Path(get_testdata_file("MR_small_RLE.dcm", download=False))
    path = Path(get_testdata_file("MR_small_jp2klossless.dcm", download=False))
    if not any(p.name == first.name for p in ARCHIVED):
        archived_case(doctor, [first])
    got = archived_case(doctor, [path], state="conflict")
    r = client.raw("GET", f"/objects/{got['objects'][0]['id']}/frames/1")
    assert r.headers["x-huizhen-source"] == "local"
    assert r.headers["x-transfer-syntax"] == "1.2.840.10008.1.2.4.90"
    source = open_remote_series(client, got["case"]["id"], got["series_uid"], tmp_path)
    np.testing.assert_array_equal(source.frame(0).pixels, DicomSource([path]).frame(0).pixels)


def test_multi_frame_instance_comes_whole_and_decodes(doctor, client, tmp_path):
    path = Path(get_testdata_file("emri_small_jpeg_ls_lossless.dcm", download=False))
    got = archived_case(doctor, [path])
    source = open_remote_series(client, got["case"]["id"], got["series_uid"], tmp_path)
    local = DicomSource([path])
    assert len(source) == len(local) > 1
    np.testing.assert_array_equal(source.frame(2).pixels, local.frame(2).pixels)
    assert source.series.fetched == 1


def test_a_missing_series_is_a_clear_read_error(client, ct_case, tmp_path):
    with pytest.raises(ReadError) as err:
        open_remote_series(client, ct_case["case"]["id"], "1.2.3.4.5", tmp_path)
    assert err.value.kind == "missing" and "1.2.3.4.5" in str(err.value)
