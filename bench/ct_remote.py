"""A CT series streamed from the PACS vs the same files read locally, in the same run.

    python bench/ct_remote.py [--repeats 3]

The real head CT (Debian invesalius-examples, 108 slices of 256x256) is
uploaded to a Huizhen server archiving in Orthanc (loopback), then opened as
the radiologist's workstation does: headers in one request, the middle slice,
then the whole volume (interleaved, streamed slice by slice).  "local" reads
the same files from disk (``series_info`` + ``Volume.load``).  Printed:
time to the middle slice on screen and to the whole volume, both ways.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "server"))

from bench.load import LocalServer  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)

    import pydicom
    from orthanc import OrthancProcess

    from app.demo import head_ct
    from app.imaging.series import series_info
    from app.imaging.volume import Volume
    from app.readers.dicomweb_source import open_remote_series
    from app.sync.client import SyncClient

    if not head_ct.available():
        print("apt package invesalius-examples is not installed")
        return 1
    with tempfile.TemporaryDirectory(prefix="hz-ct-remote-") as tmp:
        tmp = Path(tmp)
        files = head_ct.write_head_ct(tmp / "ct")
        orthanc = OrthancProcess(tmp / "orthanc").start()
        pacs = ["--pacs-url", orthanc.dicomweb_url, "--pacs-user", orthanc.user]
        pacs += ["--pacs-password", orthanc.password]
        server = LocalServer(tmp / "server", *pacs)
        try:
            server.run_cli("init-demo")
            server.start()
            doctor = SyncClient(server.url, timeout=120)
            doctor.login("doctor", "demo")
            ds = pydicom.dcmread(files[0], stop_before_pixels=True)
            body = {"patient": {"id": str(ds.PatientID)}, "modality": "CT"}
            case = doctor.call("POST", "/cases", json=body)
            t = time.perf_counter()
            for p in files:
                data = p.read_bytes()
                params = {"filename": p.name, "sha256": hashlib.sha256(data).hexdigest()}
                doctor.call("POST", f"/cases/{case['id']}/objects", params=params, content=data)
            while True:
                rows = doctor.get(f"/cases/{case['id']}/pacs")["objects"]
                if all(r["state"] in ("stored", "failed") for r in rows):
                    break
                time.sleep(0.2)
            print(f"{len(files)} slices uploaded and archived in {time.perf_counter() - t:.1f} s")
            body = {"question": "bench", "target_department": "radiology"}
            doctor.call("POST", f"/cases/{case['id']}/consults", json=body)
            client = SyncClient(server.url, timeout=120)
            client.login("radiologist", "demo")
            uid = str(ds.SeriesInstanceUID)
            times = {k: [] for k in ("remote mid", "remote all", "local mid", "local all")}
            for i in range(args.repeats):
                t = time.perf_counter()
                src = open_remote_series(client, case["id"], uid, tmp / f"stream{i}")
                src.frame(src.default_index)
                times["remote mid"].append(time.perf_counter() - t)
                src.new_volume().load()
                times["remote all"].append(time.perf_counter() - t)
                t = time.perf_counter()
                info = series_info(files)
                vol = Volume.create(info)
                vol.load_slice(len(vol.frames) // 2)
                times["local mid"].append(time.perf_counter() - t)
                vol.load()
                times["local all"].append(time.perf_counter() - t)
            med = {k: statistics.median(v) * 1000 for k, v in times.items()}
            print(f"median of {args.repeats}, head CT {len(files)} x 256 x 256:")
            print(
                f"  middle slice: remote {med['remote mid']:.0f} ms, local {med['local mid']:.0f} ms"
            )
            print(
                f"  whole volume: remote {med['remote all']:.0f} ms, local {med['local all']:.0f} ms,"
                f" ratio {med['remote all'] / med['local all']:.2f}"
            )
            doctor.close()
            client.close()
        finally:
            server.stop()
            orthanc.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
