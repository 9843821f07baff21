"""Attacks on a real server process on 127.0.0.1 (issue 13).

Every test here repeats what an attack run did against the regional server and
asserts the defended answer.  The helpers of ``tests/server`` (a real server
process, an API client, a real Orthanc) are reused.
"""

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HELPERS = REPO / "tests" / "server"
for p in (str(HELPERS), str(REPO)):
    if p in sys.path:
        sys.path.remove(p)
    sys.path.insert(0, p)
if getattr(sys.modules.get("server"), "__file__", "") is None:
    del sys.modules["server"]

from hzserver_helpers import ServerProcess  # noqa: E402


@pytest.fixture(scope="module")
def hz(tmp_path_factory):
    """A fresh server per test module (demo accounts seeded)."""
    srv = ServerProcess(tmp_path_factory.mktemp("hz-sec"))
    srv.cli("init-demo")
    srv.start()
    yield srv
    srv.stop()
