"""High finding: the server's AI pre-read ran in-process with no limit (issue 13).

One legal 3 h ECG took the server from 260 MB to 4 GB and delayed a later STEMI
alert from 5 s to 31 s.  Now pre-reads run in worker processes with a memory
and a time limit, most urgent first: a pre-read that hangs or eats memory fails
alone, the server does not grow, and another clinic's critical result arrives
while it is still stuck.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from attack import second_clinic
from hzserver_helpers import Api, ServerProcess, wait_until

PLUGIN = Path(__file__).with_name("hostile_analyzer.py")


@pytest.fixture(scope="module")
def pooled(tmp_path_factory):
    srv = ServerProcess(
        tmp_path_factory.mktemp("hz-pool"),
        *("--plugin", str(PLUGIN), "--preread-workers", "2", "--preread-timeout", "20"),
        *("--preread-memory", "1024"),
    )
    srv.cli("init-demo")
    srv.start()
    yield srv
    srv.stop()


def send(api: Api, payload: dict, patient: str) -> tuple[dict, dict]:
    case = api.new_case("OT", patient_id=patient)
    data = json.dumps(payload).encode()
    params = {"filename": "r.json", "sha256": hashlib.sha256(data).hexdigest()}
    obj = api.ok("POST", f"/cases/{case['id']}/objects", 201, params=params, content=data)
    return case, obj


def state(api: Api, case_id: int) -> str:
    [obj] = api.ok("GET", f"/cases/{case_id}/objects")["objects"]
    return obj["preread_state"]


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_a_stuck_pre_read_does_not_delay_another_clinics_critical_alert(pooled):
    a = Api(pooled.url, "doctor")
    b = second_clinic(pooled.url, Api(pooled.url, "admin"), "demo-pool-b", "pool_b")
    stuck, _ = send(a, {"hang": True, "urgency": "routine"}, "HANG-1")
    critical, _ = send(b, {"urgency": "critical", "summary": "STEMI"}, "STEMI-1")
    # the other clinic's critical result and alert arrive while the first still hangs
    wait_until(lambda: state(b, critical["id"]) == "done", 60)
    assert state(a, stuck["id"]) == "pending"
    alerts = b.ok("GET", "/alerts")["alerts"]
    assert any(al["case_id"] == critical["id"] for al in alerts)
    # the stuck one is stopped at its time limit and marked failed; the pool goes on
    wait_until(lambda: state(a, stuck["id"]) == "failed", 60)
    again, _ = send(a, {"urgency": "routine"}, "AFTER-1")
    wait_until(lambda: state(a, again["id"]) == "done", 60)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_pre_read_that_eats_memory_fails_alone_and_the_server_does_not_grow(pooled):
    a = Api(pooled.url, "doctor")
    before = rss_mib(pooled.proc.pid)
    hog, _ = send(a, {"eat_mb": 4096, "urgency": "routine"}, "HOG-1")
    wait_until(lambda: state(a, hog["id"]) == "failed", 60)
    assert rss_mib(pooled.proc.pid) - before < 100
    fine, _ = send(a, {"urgency": "urgent"}, "FINE-1")
    wait_until(lambda: state(a, fine["id"]) == "done", 60)


def test_a_long_recording_is_analysed_on_a_window_of_it():
    """A real 12-lead (pydicom's Mortara record) repeated to one hour (SYNTHETIC
    length): the pre-read gets its last 30 s, and the result says so."""
    import numpy as np
    from pydicom.data import get_testdata_file

    from app.ai import registry
    from server.preread import analysis_window

    path = Path(get_testdata_file("waveform_ecg.dcm", download=False))
    ecg = registry.open_file(path, "ECG")
    hour = type(ecg)(**{**ecg.__dict__, "data": np.tile(ecg.data, (1, 360))})
    assert hour.data.shape[1] / hour.fs == pytest.approx(3600, rel=0.01)
    cut = analysis_window(hour, 30.0)
    assert cut.data.shape[1] == round(30 * hour.fs)
    assert (cut.data == hour.data[:, -cut.data.shape[1] :]).all()
    assert any("last 30 s of a 60 min recording" in w for w in cut.warnings)
    assert analysis_window(ecg, 30.0) is ecg  # a 10 s record is analysed whole
