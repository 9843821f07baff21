"""The eye of a bare camera photo given at the clinic after the photo went to the
server (app/sync/eye_resend.py): the photo is re-sent as DICOM OP with its eye,
supersedes the bare file on a real server process, and the server's pre-read runs
again with the eye given -- one AI result on the case, never the stale one.

Photo: scikit-image's real retina.jpg (a camera JPEG, CC0), under a camera's name."""

from __future__ import annotations

import io
import json

import pydicom
import pytest

from tests.fundus.test_fundus_wrap import _retina_jpeg, server  # noqa: F401 (fixture)


@pytest.fixture
def store(tmp_path):
    from sync_helpers import make_store

    s = make_store(tmp_path / "clinic")
    yield s
    s.close()


def _sent_bare(store, srv, tmp_path, name: str, side: dict, preread: bool = False):
    """Import a camera photo whose eye is not given, (pre-read it at the clinic,) and
    send the case: (study pk, signed-in client, server case id, clinic result)."""
    from sync_helpers import signed_in

    from app.importer import run_import
    from app.models import Study
    from app.sync import SyncState, run_sync_once
    from app.sync.outbox import ensure_on_server
    from inference.preread import run_preread

    photo = tmp_path / name  # a camera's name: no eye in it
    photo.write_bytes(_retina_jpeg())
    photo.with_name(photo.name + ".json").write_text(json.dumps(side), "utf-8")
    [pk] = run_import(store, [photo]).study_pks
    mine = run_preread(store, [pk])[pk] if preread else None
    with store.session() as s:
        ensure_on_server(s, s.get(Study, pk), "doctor")
    client = signed_in(srv.url, "doctor")
    assert run_sync_once(store, client).state == SyncState.SYNCED
    return pk, client, store.study(pk).server_id, mine


def test_an_eye_given_after_upload_replaces_the_bare_photo(server, store, tmp_path):  # noqa: F811
    from hzserver_helpers import wait_until
    from sqlalchemy import select

    from app.models import AIResult
    from app.patients import Assignment, assign_patient
    from app.sync import SyncState, run_sync_once

    side = {"patient_id": "P-0042", "patient_name": "王^小明"}  # no eye given
    pk, client, case_id, _ = _sent_bare(store, server, tmp_path, "IMG_0031.jpg", side)

    def objects():
        return client.call("GET", f"/cases/{case_id}/objects")["objects"]

    def results():
        return client.call("GET", f"/cases/{case_id}/ai-results")["ai_results"]

    (bare,) = objects()
    assert bare["filename"] == "IMG_0031.jpg"  # no eye known: sent as it is
    first = wait_until(lambda: results() or None, timeout=90)[0]
    assert first["object_id"] == bare["id"]
    assert first["details"]["eyes"][0]["eye_source"] != "given"

    def read_with(eye: str, replaced: set[int]) -> dict:
        assign_patient(store, pk, Assignment("P-0042", "王^小明", laterality=eye))
        assert run_sync_once(store, client).state == SyncState.SYNCED
        now = {o["id"]: o for o in objects()}
        live = [o for o in now.values() if o["preread_state"] != "superseded"]
        assert {i for i, o in now.items() if o["preread_state"] == "superseded"} == replaced
        (new,) = live
        assert new["filename"] == "IMG_0031.dcm"
        data = client.raw("GET", f"/objects/{new['id']}/content").content
        assert pydicom.dcmread(io.BytesIO(data)).ImageLaterality == eye

        def fresh():
            rows = results()
            done = [r for r in rows if r["object_id"] == new["id"]]
            return rows if done else None

        rows = wait_until(fresh, timeout=90)
        (only,) = rows  # the stale result is gone, no duplicate was stored
        return new, only

    new_l, res_l = read_with("L", {bare["id"]})
    assert res_l["details"]["eyes"][0]["eye"] == "OS"
    assert res_l["details"]["eyes"][0]["eye_source"] == "given"

    # the eye corrected: the left-eye object is replaced in turn
    new_r, res_r = read_with("R", {bare["id"], new_l["id"]})
    assert new_r["id"] != new_l["id"]
    assert res_r["details"]["eyes"][0]["eye"] == "OD"

    # the workstation drops the stale copies it pulled: one server result, the right eye
    assert run_sync_once(store, client).state == SyncState.SYNCED
    with store.read_session() as s:
        q = select(AIResult.server_id).where(
            AIResult.study_pk == pk, AIResult.server_id.is_not(None)
        )
        assert list(s.scalars(q)) == [res_r["id"]]
    # nothing to send again when the same eye is given once more
    assign_patient(store, pk, Assignment("P-0042", "王^小明", laterality="R"))
    assert run_sync_once(store, client).state == SyncState.SYNCED
    assert len(objects()) == 3


def test_the_clinics_own_eyeless_result_is_replaced_too(server, store, tmp_path):  # noqa: F811
    """The clinic read the bare photo itself (eye from the anatomy) and sent its
    result; once the eye is given the server reads the DICOM OP again, and the
    workstation keeps that one result (its eye-less one is dropped, not doubled)."""
    from hzserver_helpers import wait_until
    from sqlalchemy import select

    from app.models import AIResult
    from app.patients import Assignment, assign_patient
    from app.sync import SyncState, run_sync_once

    side = {"patient_id": "P-0044"}
    pk, client, case_id, mine = _sent_bare(store, server, tmp_path, "IMG_0040.jpg", side, True)
    assert mine.details["eyes"][0]["eye_source"] != "given"
    (sent,) = client.call("GET", f"/cases/{case_id}/ai-results")["ai_results"]
    assert sent["uid"] == mine.uid and sent["source"] == "clinic"

    assign_patient(store, pk, Assignment("P-0044", laterality="L"))
    assert run_sync_once(store, client).state == SyncState.SYNCED

    def read_again():
        rows = client.call("GET", f"/cases/{case_id}/ai-results")["ai_results"]
        return rows if rows and rows[0]["uid"] != mine.uid else None

    (again,) = wait_until(read_again, timeout=90)
    assert again["source"] == "server"
    assert again["details"]["eyes"][0]["eye"] == "OS"
    assert again["details"]["eyes"][0]["eye_source"] == "given"
    assert run_sync_once(store, client).state == SyncState.SYNCED
    with store.read_session() as s:
        rows = s.execute(select(AIResult.uid, AIResult.server_id).where(AIResult.study_pk == pk))
        assert list(rows) == [(again["uid"], again["id"])]
