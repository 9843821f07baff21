"""Kill -9 loop: idempotent writes survive server crashes exactly once.

Each round starts writer threads that create cases with an ``Idempotency-Key``
each, kills the server with SIGKILL after a random delay, restarts it on the
same database and retries every write the clients were not sure about.  At the
end every key must exist exactly once and every write acknowledged before a
crash must still have the same id.  Prints ``lost=0 duplicated=0 changed=0``
when all is well (exit status 1 otherwise).  SYNTHETIC data only.

    .venv/bin/python bench/sync_faults.py --rounds 10 --seconds 60
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx

try:
    from bench.load import LocalServer, login
except ImportError:  # run as a script: bench/ is on sys.path
    from load import LocalServer, login


def writer(url: str, keys: list[str], acked: dict[str, int], stop: threading.Event) -> None:
    try:
        api = login(url, "doctor")
    except httpx.HTTPError:
        return
    for key in keys:
        if stop.is_set():
            return
        body = {"patient": {"id": key, "name": "DEMO"}, "modality": "ECG"}
        try:
            r = api.post("/cases", json=body, headers={"Idempotency-Key": key})
        except httpx.HTTPError:
            return  # the server died; the key stays unacknowledged
        if r.status_code == 201:
            acked[key] = r.json()["id"]


def retry_all(url: str, keys: list[str], acked: dict[str, int]) -> int:
    """Resend every key; returns how many acknowledged ids changed."""
    api = login(url, "doctor")
    changed = 0
    for key in keys:
        body = {"patient": {"id": key, "name": "DEMO"}, "modality": "ECG"}
        r = api.post("/cases", json=body, headers={"Idempotency-Key": key})
        r.raise_for_status()
        if key in acked and acked[key] != r.json()["id"]:
            changed += 1
        acked[key] = r.json()["id"]
    return changed


def stored_cases(url: str) -> Counter:
    """How many cases exist per patient id, read through the changes feed."""
    api, since, out = login(url, "doctor"), 0, Counter()
    while True:
        page = api.get("/changes", params={"since": since, "limit": 1000}).json()
        for ch in page["changes"]:
            if ch["kind"] == "case" and ch["op"] == "created":
                out[ch["data"]["patient"]["id"]] += 1
        since = page["next"]
        if not page["more"]:
            return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=60, help="stop starting rounds after this")
    ap.add_argument("--writes", type=int, default=60, help="writes per round")
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rnd = random.Random(args.seed)
    all_keys: list[str] = []
    acked: dict[str, int] = {}
    changed = kills = in_flight = 0
    deadline = time.monotonic() + args.seconds
    with tempfile.TemporaryDirectory(prefix="hz-faults-") as tmp:
        server = LocalServer(Path(tmp))
        server.run_cli("init-demo")
        server.start()
        try:
            for _ in range(args.rounds):
                if time.monotonic() > deadline:
                    break
                keys = [f"F-{uuid.uuid4().hex[:12]}" for _ in range(args.writes)]
                all_keys += keys
                round_acked: dict[str, int] = {}
                stop = threading.Event()
                parts = [keys[i :: args.threads] for i in range(args.threads)]
                threads = [
                    threading.Thread(target=writer, args=(server.url, p, round_acked, stop))
                    for p in parts
                ]
                for t in threads:
                    t.start()
                target = rnd.randint(1, args.writes * 3 // 4)
                wait_for = time.monotonic() + 30
                while len(round_acked) < target and time.monotonic() < wait_for:
                    time.sleep(0.002)
                server.kill9()
                kills += 1
                stop.set()
                for t in threads:
                    t.join()
                in_flight += args.writes - len(round_acked)
                before = dict(round_acked)
                server.start()
                changed += retry_all(server.url, keys, round_acked)
                changed += sum(1 for k, v in before.items() if round_acked[k] != v)
                acked.update(round_acked)
            stored = stored_cases(server.url)
        finally:
            server.stop()
    lost = sum(1 for k in all_keys if stored[k] == 0)
    duplicated = sum(stored[k] - 1 for k in all_keys if stored[k] > 1)
    print(
        f"rounds={kills} writes={len(all_keys)} unacknowledged_at_kill={in_flight} "
        f"lost={lost} duplicated={duplicated} changed={changed}"
    )
    return 0 if lost == duplicated == changed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
