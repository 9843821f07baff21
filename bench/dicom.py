"""DICOM series loading, windowing and MPR speed (issue 9), ratios to a baseline of the same run.

Data: the real head CT (Debian invesalius-examples) resampled to 540 x 512²
(real pixels, synthetic layout: linear interpolation between real slices),
written once as a DICOM series into a cache folder.

Printed, each beside its baseline measured in the same run:
- first image: the middle file of the series decoded (what a viewer shows
  while the headers are read) and the middle slice after all headers are read
  and sorted; baseline: ``pydicom.dcmread`` + ``pixel_array`` of one file.
  Goal: <= 150 ms on a quiet machine.
- whole volume: headers + sort + every slice into the preallocated volume on
  worker threads; baseline: bare ``dcmread`` + ``pixel_array`` of every file in
  a loop; ``--repeat`` runs alternated, each ratio printed, and the best of each
  side.  Goal: <= 1.2x.
- scroll: p95 of windowing one 512² slice to 8-bit (the numpy part of a
  frame); baseline: the textbook float formula.  Goal (whole frame): 16 ms.
- MPR: p95 of a coronal/sagittal reslice (+ window) and of a 10-slice MIP
  slab, and of an oblique coronal plane (turned 30 degrees).  Goal: <= 33 ms.
- memory: peak traced allocations while loading / voxel bytes.  Goal <= 1.5x.
- budget: the same series loaded under a 64 MB budget: what was skipped.

The machine is shared: the load average is printed beside the figures.

    python bench/dicom.py [--slices 540] [--size 512] [--repeat 3] [--cache DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def p95(xs) -> float:
    return float(np.percentile(np.asarray(xs) * 1000, 95))


def series(cache: Path, slices: int, size: int) -> list[Path]:
    from app.demo import head_ct

    folder = cache / f"head_ct_{slices}x{size}"
    files = sorted(folder.glob("CT*.dcm"))
    if len(files) == slices:
        return files
    if not head_ct.available():
        sys.exit("bench needs the apt package invesalius-examples (./run installs it)")
    t = time.perf_counter()
    files = head_ct.write_head_ct(folder, slices=slices, size=size)
    print(f"wrote {len(files)} files in {time.perf_counter() - t:.1f} s -> {folder}")
    return files


def baseline_read(files: list[Path]) -> list[np.ndarray]:
    import pydicom

    return [pydicom.dcmread(f).pixel_array for f in files]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--slices", type=int, default=540)
    ap.add_argument("--size", type=int, default=512)
    ap.add_argument("--repeat", type=int, default=3, help="whole-volume runs (alternated)")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "huizhen-bench")
    args = ap.parse_args()

    from app.imaging import mpr
    from app.imaging.decode import modality_frame
    from app.imaging.headers import read_head
    from app.imaging.series import series_info
    from app.imaging.volume import Volume, preview

    files = series(args.cache, args.slices, args.size)
    print(
        f"load average before: {' '.join(f'{v:.1f}' for v in os.getloadavg())}  ({os.cpu_count()} CPUs)"
    )
    baseline_read(files[:20])  # warm imports and the page cache for both sides
    for f in files[:3]:
        modality_frame(read_head(f)[1][0], rgb=False)

    # ---- first image ------------------------------------------------------------------
    mid = files[len(files) // 2]
    t = time.perf_counter()
    baseline_read([mid])
    base_one = time.perf_counter() - t
    t = time.perf_counter()
    preview(files)
    first_any = time.perf_counter() - t
    t = time.perf_counter()
    info = series_info(files)
    vol = Volume.create(info)
    vol.load_slice(len(vol.frames) // 2)
    first_sorted = time.perf_counter() - t
    print(
        f"first image (middle file, before sorting): {first_any * 1000:7.1f} ms  "
        f"baseline one dcmread+pixel_array {base_one * 1000:.1f} ms  (goal <= 150 ms)"
    )
    print(f"middle slice after all {len(files)} headers:  {first_sorted * 1000:7.1f} ms")

    # ---- whole volume -----------------------------------------------------------------
    ratios, bases, ours_times, cpu_base, cpu_ours = [], [], [], [], []
    for _ in range(args.repeat):  # alternated, so that a load burst hits both sides alike
        t, c = time.perf_counter(), time.process_time()
        raw = baseline_read(files)
        bases.append(time.perf_counter() - t)
        cpu_base.append(time.process_time() - c)
        del raw
        t, c = time.perf_counter(), time.process_time()
        vol = Volume.create(series_info(files)).load()
        ours_times.append(time.perf_counter() - t)
        cpu_ours.append(time.process_time() - c)  # all threads: less sensitive to the load
        ratios.append(ours_times[-1] / bases[-1])
        assert vol.loaded.all() and not vol.failed
        del vol
    base_all, ours_all = min(bases), min(ours_times)
    pairs = zip(ours_times, bases, ratios, strict=True)
    print(
        "whole volume, each run: "
        + ", ".join(f"{o:.2f}/{b:.2f} s = {r:.2f}x" for o, b, r in pairs)
        + f"  (median ratio {float(np.median(ratios)):.2f}x)"
    )
    print(
        f"whole volume CPU time (all threads), best: {min(cpu_ours):.2f} s  baseline "
        f"{min(cpu_base):.2f} s  ratio {min(cpu_ours) / min(cpu_base):.2f}x"
    )
    tracemalloc.start()  # a second load, traced (tracing slows Python code several times)
    vol = Volume.create(series_info(files)).load()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"whole volume {vol.array.shape} {vol.array.dtype}, best of {args.repeat}: "
        f"{ours_all:.2f} s  baseline {base_all:.2f} s  ratio {ours_all / base_all:.2f}x  "
        "(goal <= 1.2x)"
    )
    print(
        f"peak traced memory while loading {peak / 2**20:.0f} MB / voxels "
        f"{vol.voxel_bytes / 2**20:.0f} MB = {peak / vol.voxel_bytes:.2f}x  (goal <= 1.5x)"
    )

    # ---- scroll: W/L of one slice -----------------------------------------------------
    rng = np.random.default_rng(1)
    zs = rng.integers(0, vol.array.shape[0], 200)
    ours, base = [], []
    for z in zs:
        s = vol.array[z]
        t = time.perf_counter()
        mpr.window(s, -500, 1500)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        np.clip((s.astype(np.float64) - (-500 - 750)) / 1500 * 255, 0, 255).astype(np.uint8)
        base.append(time.perf_counter() - t)
    print(
        f"scroll W/L {args.size}²: p95 {p95(ours):.2f} ms  baseline float formula "
        f"p95 {p95(base):.2f} ms  ratio {p95(ours) / p95(base):.2f}x  (frame goal 16 ms)"
    )

    # ---- MPR ----------------------------------------------------------------------------
    for view in ("coronal", "sagittal"):
        times, slab = [], []
        for i in rng.integers(0, args.size, 60):
            t = time.perf_counter()
            p = mpr.plane(vol, view, int(i))
            mpr.window(p.pixels, 40, 400)
            times.append(time.perf_counter() - t)
            t = time.perf_counter()
            p = mpr.plane(vol, view, int(i), slab=10, mode="mip")
            mpr.window(p.pixels, 40, 400)
            slab.append(time.perf_counter() - t)
        print(
            f"MPR {view:8}: reslice+W/L p95 {p95(times):.1f} ms, 10-slice MIP slab p95 "
            f"{p95(slab):.1f} ms  (goal <= 33 ms)"
        )

    # ---- oblique MPR: a plane turned 30 degrees about the axial normal ------------------
    import math

    from app.imaging import oblique

    frame = oblique.Frame(vol)
    frame.rotate("axial", math.radians(30))
    fill = float(vol.array.min())
    for fn, what in ((oblique.reslice, "trilinear, at rest"),
                     (oblique.reslice_quick, "while dragging")):  # fmt: skip
        times = []
        for i in rng.integers(0, args.size, 30):
            frame.point = frame.to_mm((vol.array.shape[0] // 2, int(i), args.size // 2))
            t = time.perf_counter()
            g = frame.geometry("coronal")
            mpr.window(fn(vol, g, fill=fill), 40, 400)
            times.append(time.perf_counter() - t)
        print(
            f"MPR oblique coronal (30°, {g.shape[0]}x{g.shape[1]}, {what}): reslice+W/L p95 "
            f"{p95(times):.1f} ms, median {float(np.median(times)) * 1000:.1f} ms  (goal <= 33 ms)"
        )

    # ---- budget -----------------------------------------------------------------------
    small = Volume.create(series_info(files), budget=64 * 2**20)
    print(
        f"64 MB budget: {small.array.shape[0]} slices, {small.voxel_bytes / 2**20:.0f} MB; "
        f"{small.skipped[0] if small.skipped else 'nothing skipped'}"
    )
    print(f"load average after: {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
