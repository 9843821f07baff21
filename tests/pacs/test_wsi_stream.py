"""A slide converted to DICOM-WSI in Orthanc and streamed tile by tile through the server.

The slide is the project's demo pyramid (real H&E pixels from TIAToolbox's
target_image.png, synthetic layout, labelled so), 4096 x 3072 here; the
server converts it with Debian orthanc-wsi's OrthancWSIDicomizer, STOWs the
instances, and the pathologist's workstation reads it as a ``SlideSource``.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest
from hzserver_helpers import Api, wait_until

from app.demo.slide import build_small_slide
from app.slide.cache import TileCache
from app.slide.remote import open_remote_slide
from app.slide.source import SlideError, SlideSource
from app.sync.client import SyncClient

pytestmark = pytest.mark.skipif(
    shutil.which("OrthancWSIDicomizer") is None, reason="apt package orthanc-wsi is not installed"
)


def upload(api: Api, case_id: int, path: Path, name: str | None = None) -> dict:
    data = path.read_bytes()
    return api.ok(
        "POST",
        f"/cases/{case_id}/objects",
        201,
        params={"filename": name or path.name, "sha256": hashlib.sha256(data).hexdigest()},
        content=data,
        headers={"Content-Type": "application/octet-stream"},
    )


def pacs_row(api: Api, object_id: int, *states: str) -> dict | None:
    row = api.ok("GET", f"/objects/{object_id}/pacs")
    return row if row["state"] in states else None


@pytest.fixture(scope="module")
def slide_file(tmp_path_factory):
    return build_small_slide(tmp_path_factory.mktemp("slide") / "demo.tiff", (4096, 3072))


@pytest.fixture(scope="module")
def slide_case(doctor, slide_file):
    case = doctor.new_case("SM", patient_id="DEMO-WSI-1")
    obj = upload(doctor, case["id"], slide_file)
    row = wait_until(lambda: pacs_row(doctor, obj["id"], "converted", "wsi_failed"), 120)
    assert row["state"] == "converted", row
    doctor.ok(
        "POST",
        f"/cases/{case['id']}/consults",
        201,
        json={"question": "Margins?", "target_department": "pathology"},
    )
    return {"case": case, "object": obj, "pacs": row}


@pytest.fixture
def client(hz):
    c = SyncClient(hz.url)
    c.login("pathologist", "demo")
    yield c
    c.close()


def test_converted_slide_is_in_orthanc_with_the_case_patient(orthanc, slide_case):
    row = slide_case["pacs"]
    assert row["modality"] == "SM" and row["study_uid"] and row["series_uid"]
    with orthanc.http() as http:
        r = http.get(f"/dicom-web/studies/{row['study_uid']}/series/{row['series_uid']}/instances")
    assert r.status_code == 200, r.text
    items = r.json()
    assert len(items) >= 4  # one or more instances per pyramid level
    assert {i["00100020"]["Value"][0] for i in items} == {"DEMO-WSI-1"}


def test_remote_slide_reads_the_same_pixels_as_the_local_file(client, slide_case, slide_file):
    remote = open_remote_slide(client, slide_case["object"]["id"], TileCache())
    local = SlideSource(slide_file)
    assert remote.dimensions == local.dimensions == (4096, 3072)
    assert remote.mpp == pytest.approx(local.mpp, rel=1e-3)
    for level, (x, y, w, h) in ((0, (1000, 700, 900, 600)), (1, (0, 0, 2048, 1536))):
        lv = local.best_level(remote.level_downsamples[level])
        a = remote.read_region(level, x, y, w, h).astype(int)
        b = local.read_region(lv, x, y, w, h).astype(int)
        assert a.shape == b.shape
        assert np.abs(a - b).mean() < 1.5, level  # the same JPEG tiles, two decoders
    before = remote._slide.fetched
    remote.read_region(0, 1000, 700, 900, 600)  # from the tile cache
    assert remote._slide.fetched == before
    remote.close()
    local.close()


def test_other_users_get_nothing_of_the_slide(hz, slide_case):
    oid = slide_case["object"]["id"]
    for user in ("specialist", "radiologist"):
        api = Api(hz.url, user)
        assert api.get(f"/objects/{oid}/wsi").status_code == 404
        sop = "1.2.3"
        assert api.get(f"/objects/{oid}/wsi/{sop}/frames/1").status_code == 404


def test_a_frame_outside_the_slide_series_is_not_found(client, slide_case):
    oid = slide_case["object"]["id"]
    r = client.raw("GET", f"/objects/{oid}/wsi/1.2.3.4/frames/1")
    assert r.status_code == 404
    body = r.text
    assert "127.0.0.1" not in body and "dicom-web" not in body


def test_a_damaged_slide_fails_conversion_with_a_reason(doctor, client, tmp_path):
    bad = tmp_path / "broken.tiff"
    bad.write_bytes(b"II*\x00" + b"\x00" * 4096)
    case = doctor.new_case("SM", patient_id="DEMO-WSI-2")
    obj = upload(doctor, case["id"], bad)
    row = wait_until(lambda: pacs_row(doctor, obj["id"], "converted", "wsi_failed"), 60)
    assert row["state"] == "wsi_failed" and row["error"]
    assert doctor.get(f"/objects/{obj['id']}/wsi").status_code == 404
    with pytest.raises(SlideError):
        open_remote_slide(client, obj["id"])
