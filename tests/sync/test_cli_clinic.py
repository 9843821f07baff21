"""Headless commands against a real server process: import, worklist --json, consult
request, sync --once (issue 8)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from sync_helpers import Api, sample

REPO = Path(__file__).resolve().parents[2]


def huizhen(home: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "HUIZHEN_HOME": str(home), "HUIZHEN_PASSWORD": "demo"}
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    if ok:
        assert out.returncode == 0, out.stdout + out.stderr
    return out


def seed_users(home: Path) -> None:
    from app.auth import seed_demo_users
    from app.settings import load_settings
    from app.store import Store

    os.environ["HUIZHEN_HOME"] = str(home)
    try:
        store = Store.from_settings(load_settings())
        seed_demo_users(store)
        store.close()
    finally:
        del os.environ["HUIZHEN_HOME"]


def test_worklist_consult_and_sync_from_the_command_line(tmp_path, server):
    home = tmp_path / "clinic"
    home.mkdir()
    (home / "settings.json").write_text(json.dumps({"server_url": server.url}), "utf-8")
    seed_users(home)

    huizhen(home, "import", sample("waveform_ecg.dcm"))
    [study] = json.loads(huizhen(home, "worklist", "--json").stdout)
    assert study["modality"] == "ECG" and study["patient"]["id"]
    ai = study["ai"]
    assert ai["model"]["name"] and ai["model"]["version"] and "not for clinical use" in ai["notice"]
    assert 50 < ai["measurements"]["hr_bpm"] < 80  # the Mortara device measured 61 bpm
    assert study["consults"] == [] and study["report"] is None

    refused = huizhen(home, "consult", "request", "999", "--department", "cardiology",
                      "--question", "q", "--user", "doctor", ok=False)  # fmt: skip
    assert refused.returncode == 2 and "no study" in refused.stderr
    question = "Chest pain 2 h: please confirm the ST changes"
    out = huizhen(home, "consult", "request", str(study["study_pk"]), "--department",
                  "cardiology", "--question", question, "--urgency", "urgent", "--user", "doctor")  # fmt: skip
    assert json.loads(out.stdout)["state"] == "queued"

    synced = json.loads(huizhen(home, "sync", "--once", "--user", "doctor").stdout)
    assert synced["state"] == "synced" and synced["sent"] >= 3 and synced["refused"] == 0

    consults = Api(server.url, "doctor").ok("GET", "/consults")["consults"]
    assert [c["question"] for c in consults] == [question]
    [study] = json.loads(huizhen(home, "worklist", "--json").stdout)
    [consult] = study["consults"]
    assert consult["question"] == question and consult["department"] == "cardiology"
    assert consult["sent_to_server"] and study["server_case_id"]

    wrong = huizhen(home, "sync", "--once", "--user", "doctor", "--password", "nope", ok=False)
    assert wrong.returncode == 3 and "password" in wrong.stderr


def test_sync_with_the_server_down_names_the_address_and_keeps_the_work(tmp_path):
    import socket

    with socket.socket() as sock:  # a loopback port nobody listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    home = tmp_path / "clinic"
    home.mkdir()
    seed_users(home)
    huizhen(home, "import", sample("waveform_ecg.dcm"))
    [study] = json.loads(huizhen(home, "worklist", "--json").stdout)
    huizhen(home, "consult", "request", str(study["study_pk"]), "--department", "cardiology",
            "--question", "q", "--user", "doctor")  # fmt: skip
    # the global --server (not saved) must reach the sync command
    down = huizhen(home, "--server", url, "sync", "--once", "--user", "doctor", ok=False)
    assert down.returncode == 3
    assert url in down.stderr and "not reachable" in down.stderr
    assert (
        re.search(r"Nothing is lost: [1-9]\d* change\(s\) wait", down.stderr)
        and "work continues offline" in down.stderr
    )
    [study] = json.loads(huizhen(home, "worklist", "--json").stdout)
    assert not study["server_case_id"] and not study["consults"][0]["sent_to_server"]
