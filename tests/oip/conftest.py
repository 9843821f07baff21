"""Fixtures of the city AI platform tests: a real regional server process and a real
KServe ModelServer serving the project's ECG model, both on 127.0.0.1."""

from __future__ import annotations

import pytest

from tests.oip.oip_helpers import KServeProcess
from tests.server.hzserver_helpers import Api, ServerProcess

MODEL = "openecg-codec"
SERVED_VERSION = "v6-int8"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = ServerProcess(tmp_path_factory.mktemp("hz-catalogue"))
    srv.cli("init-demo")
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def admin(server):
    return Api(server.url, "admin")


@pytest.fixture(scope="module")
def doctor(server):
    return Api(server.url, "doctor")


@pytest.fixture(scope="module")
def second_clinic(server, admin):
    """Another clinic with its own community doctor (created through the admin API)."""
    org = admin.ok(
        "POST",
        "/admin/organisations",
        201,
        json={"code": "demo-hillside", "name": "DEMO Hillside clinic", "kind": "clinic",
              "is_demo": True},
    )  # fmt: skip
    admin.ok(
        "POST",
        "/admin/users",
        201,
        json={"username": "hilldoc", "password": "a-Long-pass-phrase-77", "role": "community_doctor",
              "org_id": org["id"]},
    )  # fmt: skip
    return org, Api(server.url, "hilldoc", "a-Long-pass-phrase-77")


@pytest.fixture(scope="module")
def kserve_ecg(tmp_path_factory):
    pytest.importorskip("kserve")
    pytest.importorskip("openecg")
    from inference.registry import REGISTRY

    onnx = REGISTRY.weights_path(MODEL)
    srv = KServeProcess(tmp_path_factory.mktemp("kserve"), onnx, MODEL, SERVED_VERSION).start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def no_subscriptions_left():
    """Every test starts and ends with no subscription list applied (global registry)."""
    from app.ai import subscriptions

    subscriptions.reset()
    yield
    subscriptions.reset()


@pytest.fixture(scope="module")
def real_ecg():
    from pydicom.data import get_testdata_file

    path = get_testdata_file("waveform_ecg.dcm", download=False)
    if path is None:
        pytest.skip("pydicom test file waveform_ecg.dcm is not installed")
    return path
