"""Remote slide vs the same slide opened locally, in the same run (issue 14).

    python bench/wsi_remote.py [--size 40960] [--slide PATH] [--repeats 5] [--fields 12]

Builds the demo slide (real H&E pixels from TIAToolbox's target_image.png,
synthetic layout) unless ``--slide`` is given, starts Debian's Orthanc (+
DICOMweb) and a Huizhen server archiving in it on loopback, uploads the slide
as a clinic would (chunked), lets the server convert it to DICOM-WSI with
OrthancWSIDicomizer, then measures as the pathologist's viewer opens it:

* first view: open the source + the whole slide fitted into 1920x1080 (the
  level the viewer shows first), fresh source and empty tile cache each time;
* first field at level 0: one 1920x1080 field in tissue, cold cache;
* adjacent level-0 fields (cold cache): median and p95.

"local" is ``SlideSource`` on the TIFF file (OpenSlide), "remote" is
``open_remote_slide`` through the server (WADO-RS frames from Orthanc), both
with the same ``TileCache``; the order alternates so neither always goes
first.  The first view is also measured "remote, layout only" (the answer
before the smallest levels' tiles came with the layout: ``first=False``), in
the same run.  Goal: remote first field <= 2x local.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "server"))

from bench.load import LocalServer  # noqa: E402

W, H = 1920, 1080
MiB = 1 << 20


def upload_chunked(client, case_id: int, path: Path) -> dict:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(8 * MiB):
            digest.update(chunk)
    size = path.stat().st_size
    body = {"filename": path.name, "size": size, "sha256": digest.hexdigest()}
    up = client.call("POST", f"/cases/{case_id}/uploads", json=body)
    off = 0
    with open(path, "rb") as f:
        while off < size:
            f.seek(off)
            r = client.raw(
                "PUT",
                f"/uploads/{up['id']}",
                params={"offset": off},
                content=f.read(4 * MiB),
                headers={"Content-Type": "application/octet-stream"},
            )
            off = r.json()["offset"]
    return client.call("POST", f"/uploads/{up['id']}/complete")


def wait_converted(client, object_id: int, timeout: float = 1800) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = client.get(f"/objects/{object_id}/pacs")
        if row["state"] in ("converted", "wsi_failed"):
            return row
        time.sleep(0.5)
    raise RuntimeError("the slide was not converted in time")


def fit_view(src) -> tuple[int, int, int]:
    w0, h0 = src.dimensions
    fit = max(w0 / W, h0 / H)
    level = src.best_level(fit)
    lw, lh = src.level_dimensions[level]
    ds = src.level_downsamples[level]
    return level, min(lw, round(W * fit / ds)), min(lh, round(H * fit / ds))


def tissue_fields(src, n: int) -> list[tuple[int, int]]:
    """Level-0 fields whose centre is on tissue (not white), from the overview."""
    over = src.overview(1024).astype(np.int16)
    scale = src.dimensions[0] / over.shape[1]
    dark = over.min(axis=2) < 200
    out = []
    for y in range(0, src.dimensions[1] - H, H):
        for x in range(0, src.dimensions[0] - W, W):
            cy, cx = int((y + H / 2) / scale), int((x + W / 2) / scale)
            if dark[min(cy, dark.shape[0] - 1), min(cx, dark.shape[1] - 1)]:
                out.append((x, y))
    return out[:n]


def ms(values) -> str:
    return f"median {statistics.median(values) * 1000:.0f} ms"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=40960)
    ap.add_argument("--slide", type=Path)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--fields", type=int, default=12)
    args = ap.parse_args(argv)

    from orthanc import OrthancProcess

    from app.slide import SlideSource, TileCache, validate
    from app.slide.remote import open_remote_slide
    from app.sync.client import SyncClient

    with tempfile.TemporaryDirectory(prefix="hz-wsi-remote-") as tmp:
        tmp = Path(tmp)
        slide = args.slide
        if slide is None:
            from app.demo.slide import build_demo_slide

            t = time.perf_counter()
            slide = build_demo_slide(tmp / "demo.tiff", (args.size, args.size), sidecar=False)
            print(f"built {slide.name} {args.size}x{args.size} in {time.perf_counter() - t:.1f} s")
        orthanc = OrthancProcess(tmp / "orthanc").start()
        pacs = ["--pacs-url", orthanc.dicomweb_url, "--pacs-user", orthanc.user]
        pacs += ["--pacs-password", orthanc.password, "--pacs-timeout", "120"]
        server = LocalServer(tmp / "server", *pacs)
        try:
            server.run_cli("init-demo")
            server.start()
            doctor = SyncClient(server.url, timeout=300)
            doctor.login("doctor", "demo")
            case = doctor.call(
                "POST", "/cases", json={"patient": {"id": "BENCH-WSI"}, "modality": "SM"}
            )
            t = time.perf_counter()
            obj = upload_chunked(doctor, case["id"], slide)
            up = time.perf_counter() - t
            row = wait_converted(doctor, obj["id"])
            conv = time.perf_counter() - t - up
            if row["state"] != "converted":
                print(f"conversion failed: {row['error']}")
                return 1
            mb = slide.stat().st_size / MiB
            print(f"upload {mb:.0f} MB {up:.1f} s; DICOM-WSI conversion + STOW {conv:.1f} s")
            doctor.call(
                "POST",
                f"/cases/{case['id']}/consults",
                json={"question": "bench", "target_department": "pathology"},
            )
            client = SyncClient(server.url, timeout=120)
            client.login("pathologist", "demo")
            report(
                args, slide, obj["id"], client, SlideSource, TileCache, validate, open_remote_slide
            )
            doctor.close()
            client.close()
        finally:
            server.stop()
            orthanc.stop()
    return 0


def report(args, slide, object_id, client, SlideSource, TileCache, validate, open_remote):
    def local():
        validate._memo.clear()
        return SlideSource(slide, cache=TileCache(768 * MiB))

    def remote():
        return open_remote(client, object_id, TileCache(768 * MiB), slide.name)

    def remote_layout_only():
        return open_remote(client, object_id, TileCache(768 * MiB), slide.name, first=False)

    probe = local()
    level, vw, vh = fit_view(probe)
    fields = tissue_fields(probe, args.fields)
    print(f"slide {probe.dimensions[0]}x{probe.dimensions[1]}, {probe.level_count} levels locally")
    probe.close()

    def first_view(make):
        t = time.perf_counter()
        src = make()
        src.read_region(level, 0, 0, vw, vh)
        took = time.perf_counter() - t
        src.close()
        return took

    def first_field(make, x, y):
        src = make()
        t = time.perf_counter()
        src.read_region(0, x, y, W, H)
        took = time.perf_counter() - t
        src.close()
        return took

    load = "/".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"load average {load}")
    cold = first_view(remote)  # the first request of the run
    print(f"first view, first open of the run (cold client and server): {cold * 1000:.0f} ms")
    views = {"local": [], "remote": [], "layout only": []}
    firsts = {"local": [], "remote": []}
    makers = {"local": local, "remote": remote, "layout only": remote_layout_only}
    for i in range(args.repeats):
        names = ("local", "remote", "layout only")
        order = names[i % 3 :] + names[: i % 3]  # each goes first, second and last in turn
        x, y = fields[i % len(fields)]
        for name in order:
            views[name].append(first_view(makers[name]))
            if name in firsts:
                firsts[name].append(first_field(makers[name], x, y))
    lv, rv = statistics.median(views["local"]), statistics.median(views["remote"])
    ov = statistics.median(views["layout only"])
    lf, rf = statistics.median(firsts["local"]), statistics.median(firsts["remote"])
    print(f"first view (open + level {level} {vw}x{vh}, median of {args.repeats}):")
    print(f"  local {lv * 1000:.0f} ms, remote {rv * 1000:.0f} ms, ratio {rv / lv:.2f}")
    print(f"  before (layout only, tiles streamed after): {ov * 1000:.0f} ms, ratio {ov / lv:.2f}")
    for name, values in views.items():
        print(f"    {name}: " + " ".join(f"{v * 1000:.0f}" for v in values) + " ms")
    print(f"first level-0 field 1920x1080 (fresh source, cold cache, median of {args.repeats}):")
    print(f"  local {lf * 1000:.0f} ms, remote {rf * 1000:.0f} ms, ratio {rf / lf:.2f} (goal <= 2)")
    srcs = {"local": local(), "remote": remote()}
    times = {"local": [], "remote": []}
    for x, y in fields:  # interleaved field by field: both see the same machine load
        for name, src in srcs.items():
            t = time.perf_counter()
            src.read_region(0, x, y, W, H)
            times[name].append(time.perf_counter() - t)
    for name, src in srcs.items():
        p95 = float(np.percentile(times[name], 95)) * 1000
        print(f"adjacent level-0 fields, {name}: {ms(times[name])}, p95 {p95:.0f} ms")
        src.close()
    ratio = statistics.median(times["remote"]) / statistics.median(times["local"])
    print(f"  ratio remote/local (median) {ratio:.2f}")
    x, y = fields[0]  # the same pixels both ways (two JPEG decoders: a small difference)
    pair = []
    for make in (local, remote):
        src = make()
        pair.append(src.read_region(0, x, y, W, H).astype(np.int16))
        src.close()
    a, b = pair
    print(f"  check: mean |remote - local| on a field {np.abs(a - b).mean():.2f} (of 255)")
    load = "/".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"load average {load}")


if __name__ == "__main__":
    raise SystemExit(main())
