"""ECG viewer rendering bench: 12-lead page render and 24 h pan/zoom frame time.

    .venv/bin/python bench/ecg_render.py [--frames 120]

1. 12-lead page (3x4 + II, 10 s, real record): ``EcgViewer.redraw()`` plus a
   paint of the plot widget.  Goal <= 30 ms and at most 5x the baseline.
   Baseline in the same run: the same 13 traces drawn with one bare
   ``QPainter.drawPolyline`` each into a QImage of the same size (the floor
   any viewer pays).  Measured twice: the page unchanged (grid and traces
   come from the page cache) and the page changed every time (gain toggled
   10 <-> 20 mm/mV, so traces and grid are rebuilt: the cache's worst case).
   The traces are stroked through their per-pixel-column min/max samples
   (viewers/ecg/decimate.py); the baseline strokes every sample, unsmoothed.
2. 24 h single lead at 250 Hz (21.6 M samples, synthetic beats): p95 frame
   time of random pans and zooms (view change + paint).  Goal <= 16 ms.
   Baseline in the same run: pyqtgraph's own ``PlotDataItem`` with
   clipToView + auto "peak" downsampling on the same frames.
Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
W, H = 1600, 900


class _NoJobs:
    def submit(self, *a, **k):
        return None


def _viewer():
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    v = EcgViewer(ViewerContext(None, 1, Modality.ECG, [], _NoJobs(), extra={"px_per_mm": 4.0}))
    v.tabs.hide()
    v.resize(W, H)
    v.show()
    return v


def _ms(fn, repeat):
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return np.array(out)


def page_bench(app, repeat: int) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QImage, QPainter, QPolygonF

    from app.demo.build import sample_path
    from app.ecg.readers import read_ecg
    from viewers.ecg import paper

    sig = read_ecg(sample_path("waveform_ecg.dcm"))
    v = _viewer()
    v._show((sig, None))
    app.processEvents()

    def ours():
        v.redraw()
        v.plot.grab()

    ours()
    t_ours = _ms(ours, repeat)
    size = v.plot.size()
    p = paper.layout("3x4+II", "standard", list(sig.leads), sig.duration_s, 25.0, 10.0)
    k = 4.0
    polys = []
    for c in p.cells:
        i0, i1 = int(c.t0 * sig.fs), min(int(c.t1 * sig.fs), sig.n_samples)
        y = sig.lead(c.lead)[i0:i1]
        xs = (c.x_mm + np.arange(y.size) / sig.fs * 25.0) * k
        ys = -(c.y_mm + y * 10.0) * k
        polys.append(QPolygonF([QPointF(a, b) for a, b in zip(xs, ys, strict=True)]))

    def floor():
        img = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(0xFFFFFFFF)
        pt = QPainter(img)
        for poly in polys:
            pt.drawPolyline(poly)
        pt.end()

    t_floor = _ms(floor, repeat)
    gains = iter(range(10**6))

    def changed():
        v.gain_box.blockSignals(True)
        v.gain_box.setCurrentIndex(1 + next(gains) % 2)  # 10 <-> 20 mm/mV
        v.gain_box.blockSignals(False)
        ours()

    t_changed = _ms(changed, repeat)
    med, base = float(np.median(t_ours)), float(np.median(t_floor))
    chg = float(np.median(t_changed))
    print(f"12-lead page (3x4+II, 10 s @ {sig.fs:g} Hz, {size.width()}x{size.height()} px)")
    traces = v.page_cache.layer._paths[0][0]  # the TracePath, as last painted
    block = traces.blocks[-1]
    print(f"  trace points stroked at this zoom: {traces.points(block)[0].size} of "
          f"{sum(c.xData.size for c in v.trace_items)} samples "
          f"(per-pixel-column min/max, blocks of {block} samples)")  # fmt: skip
    print(
        f"  viewer redraw + paint, page unchanged: median {med:6.1f} ms, "
        f"p95 {np.percentile(t_ours, 95):6.1f} ms (goal <= 30 ms)"
    )
    print(
        f"  page changed (gain toggled, rebuilt): median {chg:6.1f} ms, "
        f"p95 {np.percentile(t_changed, 95):6.1f} ms"
    )
    print(
        f"  baseline bare QPainter polylines: median {base:6.1f} ms  -> ratio {med / base:.1f}x "
        f"unchanged (goal <= 5x), {chg / base:.1f}x changed"
    )
    v.close()


def holter(fs=250, hours=24):
    """24 h single lead: a PQRST template at 60-90 bpm plus noise and drift (synthetic)."""
    rng = np.random.default_rng(0)
    n = int(hours * 3600 * fs)
    x = np.zeros(n, dtype=np.float32)
    t = np.arange(int(0.6 * fs)) / fs
    beat = (1.2 * np.exp(-(((t - 0.2) / 0.012) ** 2)) + 0.15 * np.exp(-(((t - 0.08) / 0.03) ** 2))
            + 0.3 * np.exp(-(((t - 0.45) / 0.05) ** 2))).astype(np.float32)  # fmt: skip
    pos = np.cumsum(rng.uniform(0.66, 1.0, size=int(n / fs / 0.6)) * fs).astype(int)
    for p0 in pos[pos < n - beat.size]:
        x[p0 : p0 + beat.size] += beat
    x += rng.normal(0, 0.02, n).astype(np.float32)
    return x


def frames(n_samples, fs, speed, count, rng):
    total_mm = n_samples / fs * speed
    out = []
    for _ in range(count):
        width = float(np.exp(rng.uniform(np.log(100.0), np.log(total_mm))))  # 4 s .. 24 h
        x0 = float(rng.uniform(0, total_mm - width))
        out.append((x0, x0 + width))
    return out


def holter_bench(app, count: int) -> None:
    import pyqtgraph as pg

    from app.ecg.signal import EcgSignal
    from viewers.ecg.long_view import build_pyramids

    fs = 250.0
    data = holter()
    sig = EcgSignal(data[None, :], fs, ["II"])
    t = time.perf_counter()
    pyr = build_pyramids(sig)
    t_build = (time.perf_counter() - t) * 1000
    v = _viewer()
    v._show((sig, pyr))
    app.processEvents()
    fr = frames(sig.n_samples, fs, v.speed, count, np.random.default_rng(1))

    def run(view, widget, windows):
        times = []
        for x0, x1 in windows:
            t0 = time.perf_counter()
            view.setXRange(x0, x1, padding=0)
            widget.grab()
            times.append((time.perf_counter() - t0) * 1000)
        return np.array(times)

    ours = run(v.view, v.plot, fr)
    base_w = pg.PlotWidget()
    base_w.resize(v.plot.size())
    base_w.show()
    item = base_w.plot(np.arange(sig.n_samples) / fs * v.speed, data, pen="k")
    item.setClipToView(True)
    item.setDownsampling(auto=True, method="peak")
    app.processEvents()
    base = run(base_w.getPlotItem().getViewBox(), base_w, fr[: max(10, count // 4)])
    p95, b95 = float(np.percentile(ours, 95)), float(np.percentile(base, 95))
    print(
        f"24 h single lead @ {fs:g} Hz ({sig.n_samples / 1e6:.1f} M samples), {len(fr)} pan/zoom frames"
    )
    print(f"  min/max pyramid build (worker, at load): {t_build:7.0f} ms")
    print(f"  viewer frame: median {np.median(ours):6.1f} ms, p95 {p95:6.1f} ms (goal <= 16 ms)")
    print(f"  baseline pyqtgraph clipToView+peak downsampling ({len(base)} frames): "
          f"median {np.median(base):6.1f} ms, p95 {b95:6.1f} ms -> p95 ratio {p95 / b95:.2f}x")  # fmt: skip
    v.close()
    base_w.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--frames", type=int, default=120)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    print(f"cpu cores {os.cpu_count()}, platform {app.platformName()}, {_load()}")
    page_bench(app, args.repeat)
    holter_bench(app, args.frames)
    print(f"after: {_load()}")


def _load() -> str:
    """The 1/5/15 min load average (not on Windows): ratios are within one run."""
    if not hasattr(os, "getloadavg"):
        return "load average n/a"
    return "load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
