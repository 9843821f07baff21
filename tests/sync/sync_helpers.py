"""Helpers of the sync tests (imported by name: ``from sync_helpers import ...``;
``conftest`` is ambiguous when tests/server is collected in the same run)."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.server.hzserver_helpers import Api, ServerProcess, wait_until  # noqa: F401

ECG = "waveform_ecg.dcm"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sample(name: str) -> str:
    from pydicom.data import get_testdata_file

    return get_testdata_file(name, download=False)


def make_server(root: Path, *extra: str) -> ServerProcess:
    """A server on a fixed port (a restart keeps its address), demo accounts seeded."""
    srv = ServerProcess(root, "--port", str(free_port()), "--heartbeat", "1", *extra)
    srv.cli("init-demo")
    return srv


def make_store(root: Path):
    from app.store import Store

    return Store(f"sqlite:///{root / 'huizhen.sqlite'}", root)


def signed_in(url: str, username: str, **kw):
    from app.sync import SyncClient

    client = SyncClient(url)
    client.login(username, "demo", **kw)
    return client


def import_sample(store, name: str = ECG) -> int:
    from app.importer import run_import

    report = run_import(store, [name if "/" in name else sample(name)])
    assert report.study_pks, report.entries
    return report.study_pks[0]


def ecg_copies(folder: Path, n: int) -> list[Path]:
    """The real waveform_ecg.dcm relabelled as ``n`` distinct DEMO patients and studies."""
    import pydicom
    from pydicom.uid import generate_uid

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        ds = pydicom.dcmread(sample(ECG))
        ds.PatientID, ds.PatientName = f"DEMO-SYNC-{i}", f"DEMO^Sync{i}"
        ds.StudyInstanceUID, ds.SOPInstanceUID = generate_uid(), generate_uid()
        ds.SeriesInstanceUID = generate_uid()
        path = folder / f"ecg_{i}.dcm"
        ds.save_as(path, enforce_file_format=True)
        out.append(path)
    return out


def ecg_consult_at_specialist(url: str, clinic_store, specialist_store):
    """The clinic asks for an ECG consult (real waveform_ecg.dcm); both sides synced, the
    specialist signed in on their workstation: (clinic, specialist, clinic study pk,
    specialist study pk, specialist's local user)."""
    from sqlalchemy import select

    from app.auth import authenticate, seed_demo_users
    from app.models import ConsultRequest
    from app.sync import SyncState, run_sync_once
    from app.sync.outbox import request_consult

    clinic, specialist = signed_in(url, "doctor"), signed_in(url, "specialist")
    pk = import_sample(clinic_store)
    request_consult(clinic_store, pk, "ECG?", "routine", "cardiology")
    assert run_sync_once(clinic_store, clinic).state == SyncState.SYNCED
    assert run_sync_once(specialist_store, specialist).state == SyncState.SYNCED
    seed_demo_users(specialist_store)
    user = authenticate(specialist_store, "specialist", "demo")
    with specialist_store.read_session() as s:
        spk = s.scalars(select(ConsultRequest)).one().study_pk
    return clinic, specialist, pk, spk, user
