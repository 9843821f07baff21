"""A real server process on 127.0.0.1 with its own temporary SQLite database.

``server`` is shared by the whole session (demo data seeded with init-demo,
the test analyzer plugin loaded, escalation after 2 s); tests create their
own cases so they do not depend on each other.  ``ServerProcess`` is also
used directly by tests that need to kill and restart a server.
"""

import os
import sys
from pathlib import Path

import pytest

# Other test folders are packages, so pytest puts tests/ on sys.path, where this
# folder (tests/server) would shadow the real ``server`` package as a namespace
# package.  Put the repository first (``pythonpath = ["."]`` in the pytest
# settings would do the same).
REPO = Path(__file__).resolve().parents[2]
if sys.path[:1] != [str(REPO)]:
    sys.path.insert(0, str(REPO))
if getattr(sys.modules.get("server"), "__file__", "") is None:
    del sys.modules["server"]

from hzserver_helpers import Api, ServerProcess, WorkerProcess  # noqa: E402

PLUGIN = Path(__file__).with_name("analyzer_plugin.py")


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Set HUIZHEN_TEST_SERVER_DB to an empty PostgreSQL database URL to run the
    shared server on PostgreSQL instead of a temporary SQLite file."""
    srv = ServerProcess(
        tmp_path_factory.mktemp("hz-server"),
        "--escalate-after",
        "2",
        "--escalation-check",
        "0.2",
        "--heartbeat",
        "1",
        "--plugin",
        str(PLUGIN),
        db_url=os.environ.get("HUIZHEN_TEST_SERVER_DB"),
    )
    srv.cli("init-demo")
    srv.start()
    worker = None
    if not srv.db_url.startswith("sqlite"):  # on PostgreSQL a separate worker runs the jobs
        jobs = ("--escalate-after", "2", "--escalation-check", "0.2", "--plugin", str(PLUGIN))
        worker = WorkerProcess(srv.data_dir, srv.db_url, *jobs).start()
    yield srv
    if worker is not None:
        worker.stop()
    srv.stop()


@pytest.fixture(scope="session")
def doctor(server) -> Api:
    return Api(server.url, "doctor")


@pytest.fixture(scope="session")
def specialist(server) -> Api:
    return Api(server.url, "specialist")


@pytest.fixture(scope="session")
def pathologist(server) -> Api:
    return Api(server.url, "pathologist")


@pytest.fixture(scope="session")
def admin(server) -> Api:
    return Api(server.url, "admin")


@pytest.fixture(scope="session")
def other_doctor(server, admin) -> Api:
    """A community doctor of a second clinic, created through the admin API."""
    org = admin.ok(
        "POST",
        "/admin/organisations",
        201,
        json={
            "code": "demo-hongqi",
            "name": "DEMO 红旗村卫生室",
            "kind": "clinic",
            "is_demo": True,
        },
    )
    admin.ok(
        "POST",
        "/admin/users",
        201,
        json={
            "username": "doctor2",
            "password": "demo-2-password",
            "role": "community_doctor",
            "org_id": org["id"],
        },
    )
    return Api(server.url, "doctor2", "demo-2-password")
