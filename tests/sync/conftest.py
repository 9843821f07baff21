"""Two workstations (clinic and specialist), each with its own local store, and a
real regional server process on 127.0.0.1 (tests/server/hzserver_helpers)."""

from __future__ import annotations

import pytest
from sync_helpers import make_server, make_store


@pytest.fixture
def server(tmp_path):
    srv = make_server(tmp_path / "srv").start()
    yield srv
    srv.stop()


@pytest.fixture
def clinic_store(tmp_path):
    s = make_store(tmp_path / "clinic")
    yield s
    s.close()


@pytest.fixture
def specialist_store(tmp_path):
    s = make_store(tmp_path / "specialist")
    yield s
    s.close()


@pytest.fixture
def make_jobs(qapp):
    from app.jobs import JobRunner
    from ui.qt_jobs import QtJobs

    made = []

    def make():
        made.append(QtJobs(JobRunner(max_workers=2)))
        return made[-1]

    yield make
    for j in made:
        j.shutdown()
    qapp.processEvents()


@pytest.fixture(scope="session")
def phantom_ct(tmp_path_factory):
    """A SYNTHETIC chest CT phantom with a solid and a ground-glass nodule, as DICOM files."""
    from inference.chest.phantom import TruthNodule, build_phantom, write_series
    from inference.chest.rules import GROUND_GLASS, SOLID

    ph = build_phantom(
        (48, 180, 180),
        (2.5, 1.9, 1.9),
        nodules=[
            TruthNodule((-65.0, 0.0, 60.0), 12.0, 11.0, SOLID),
            TruthNodule((70.0, 10.0, 55.0), 14.0, 13.0, GROUND_GLASS),
        ],
        seed=3,
    )
    folder = tmp_path_factory.mktemp("ct")
    write_series(ph, folder)
    return sorted(folder.glob("*.dcm"))


@pytest.fixture
def chest_case(server, clinic_store, phantom_ct):
    """(clinic client, specialist client, clinic study pk, its chest AI result payload):
    the phantom imported and pre-read at the clinic, both doctors signed in."""
    from sync_helpers import signed_in

    from app.ai.store import latest_result
    from app.importer import run_import
    from inference.preread import run_preread

    clinic = signed_in(server.url, "doctor")
    specialist = signed_in(server.url, "radiologist")
    pk = run_import(clinic_store, phantom_ct).study_pks[0]
    run_preread(clinic_store, [pk])
    return clinic, specialist, pk, latest_result(clinic_store, pk)[1].to_dict()
