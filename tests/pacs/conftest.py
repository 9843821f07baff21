"""The PACS as the store, streamed through the server (issue 14; DICOMweb source of issue 9).

Real processes on loopback: Debian's Orthanc (+ DICOMweb plugin; the
PostgreSQL index where a test asks for it) and a Huizhen server archiving
in it.  The helpers of ``tests/server`` are reused.  Without Orthanc these
tests skip, except under CI, where they fail.
"""

import os
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

from hzserver_helpers import Api, ServerProcess, wait_until  # noqa: E402
from orthanc import OrthancProcess, dicomweb_plugin, orthanc_binary  # noqa: E402
from pacs_helpers import SLICES, archived_case, consult, pacs_row, upload  # noqa: E402

HAVE_ORTHANC = bool(orthanc_binary() and dicomweb_plugin())
if not HAVE_ORTHANC and not os.environ.get("CI"):
    pytest.skip(
        "Orthanc with its DICOMweb plugin is not installed (apt install orthanc orthanc-dicomweb)",
        allow_module_level=True,
    )


def pacs_args(orthanc: OrthancProcess) -> list[str]:
    return [
        "--pacs-url",
        orthanc.dicomweb_url,
        "--pacs-user",
        orthanc.user,
        "--pacs-password",
        orthanc.password,
        "--pacs-attempts",
        "2",
        "--pacs-timeout",
        "30",
        "--pacs-retry-interval",
        "2",
    ]


@pytest.fixture(scope="module")
def orthanc(tmp_path_factory):
    pacs = OrthancProcess(tmp_path_factory.mktemp("orthanc")).start()
    yield pacs
    pacs.stop()


@pytest.fixture(scope="module")
def hz(orthanc, tmp_path_factory):
    """A Huizhen server archiving every DICOM upload in ``orthanc``."""
    srv = ServerProcess(tmp_path_factory.mktemp("hz-pacs"), *pacs_args(orthanc))
    srv.cli("init-demo")
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def doctor(hz) -> Api:
    return Api(hz.url, "doctor")


@pytest.fixture(scope="module")
def radiologist(hz) -> Api:
    return Api(hz.url, "radiologist")


@pytest.fixture(scope="module")
def ct_files(tmp_path_factory):
    from app.demo import head_ct

    if not head_ct.available():
        pytest.skip("apt package invesalius-examples is not installed (./run installs it)")
    files = head_ct.write_head_ct(tmp_path_factory.mktemp("head_ct"))
    step = len(files) // SLICES
    return files[::step][:SLICES]


@pytest.fixture(scope="module")
def ct_case(doctor, ct_files):
    return archived_case(doctor, ct_files)


@pytest.fixture(scope="module")
def slide_file(tmp_path_factory):
    from app.demo.slide import build_small_slide

    return build_small_slide(tmp_path_factory.mktemp("slide") / "demo.tiff", (4096, 3072))


@pytest.fixture(scope="module")
def slide_case(doctor, slide_file):
    case = doctor.new_case("SM", patient_id="DEMO-WSI-1")
    obj = upload(doctor, case["id"], slide_file)
    row = wait_until(lambda: pacs_row(doctor, obj["id"], "converted", "wsi_failed"), 120)
    assert row["state"] == "converted", row
    consult(doctor, case["id"], "pathology")
    return {"case": case, "object": obj, "pacs": row}


@pytest.fixture
def client(hz):
    """The pathologist's client (a module may define its own user's ``client``)."""
    from app.sync.client import SyncClient

    c = SyncClient(hz.url)
    c.login("pathologist", "demo")
    yield c
    c.close()
