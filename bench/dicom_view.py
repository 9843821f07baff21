"""Qt-side scroll speed of the 2D viewer at 512² with W/L applied (issue 9 goal: p95 <= 16 ms).

Data: the real head CT (Debian invesalius-examples) resampled to 512² x 60
slices (real pixels, synthetic layout), written as a DICOM series.  The
viewer opens it offscreen; frames are first decoded once (the pane's cache),
then the bench scrolls through all slices with a lung window and measures
each step from the request to the repainted viewport.  Baseline of the same
run: the bare windowing + QImage + pixmap of the same arrays (no viewer).
Also printed: the first pass (each slice decoded on a worker, newest wins).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def p95(xs) -> float:
    return float(np.percentile(np.asarray(xs) * 1000, 95))


def main() -> int:
    from PySide6.QtGui import QImage, QPixmap
    from PySide6.QtWidgets import QApplication

    from app.demo import head_ct
    from app.domain import Modality
    from app.jobs import JobRunner
    from ui.qt_jobs import QtJobs
    from viewers.dicom.pixels import to_display
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    if not head_ct.available():
        print("skipped: apt package invesalius-examples is not installed")
        return 0
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-dicom-view-"))
    files = head_ct.write_head_ct(folder, slices=60, size=512)
    jobs = QtJobs(JobRunner(max_workers=2))
    ctx = ViewerContext(None, 0, Modality.CT, [(None, p) for p in files], jobs)
    v = ImageViewer(ctx)
    v.resize(1366, 768)
    v.show()

    def wait(cond, timeout=60.0):
        end = time.monotonic() + timeout
        while not cond() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.001)
        return cond()

    wait(lambda: v.image is not None)
    pane = v.pane
    n = len(pane)
    pane.set_window(-500, 1500)
    # first pass: every slice decoded on a worker
    first = []
    for i in range(n):
        t = time.perf_counter()
        v.show_frame(i)
        wait(lambda i=i: pane.index == i)
        pane.view.viewport().repaint()
        first.append(time.perf_counter() - t)
    # scrolling through decoded slices (both directions, three times), each step followed by
    # the baseline on the same frame: windowing + QImage + pixmap, no viewer (same load on both)
    steps, base = [], []
    for _ in range(3):
        for i in list(range(n)) + list(range(n - 1, -1, -1)):
            t = time.perf_counter()
            v.show_frame(i)
            pane.view.viewport().repaint()
            steps.append(time.perf_counter() - t)
            img = pane.image
            t = time.perf_counter()
            data = to_display(img, -500, 1500, False)
            q = QImage(data.data, 512, 512, 512, QImage.Format.Format_Grayscale8).copy()
            QPixmap.fromImage(q)
            base.append(time.perf_counter() - t)
    assert pane.image.pixels.shape == (512, 512)
    print(f"slices: {n} at 512x512 (head CT, resampled: synthetic layout)")
    print(
        f"scroll p95 frame time (decoded, W/L applied, repainted): {p95(steps):.1f} ms (goal <= 16)"
    )
    print(f"baseline p95 (window + QImage + pixmap only): {p95(base):.1f} ms")
    print(f"ratio viewer / baseline: {p95(steps) / max(p95(base), 1e-6):.2f}x")
    print(f"first pass p95 (decode on a worker + show): {p95(first):.1f} ms")
    v.close()
    mpr_bench(app, jobs, files, wait)
    jobs.shutdown()
    return 0


def mpr_bench(app, jobs, files, wait) -> None:
    """MPR on the Qt side: the three planes re-windowed and repainted per crosshair move;
    the 3D panel's first offscreen render (software OpenGL) and a preset change."""
    from app.domain import Modality
    from viewers.registry import ViewerContext
    from viewers.volume.volume_viewer import VolumeViewer

    ctx = ViewerContext(None, 0, Modality.CT, [(None, p) for p in files], jobs)
    t0 = time.perf_counter()
    vv = VolumeViewer(ctx, files, with_3d=False)
    vv.resize(1366, 768)
    vv.show()
    wait(lambda: vv.mpr.volume is not None and int(vv.mpr.volume.loaded.sum()) > 0)
    first = time.perf_counter() - t0
    wait(lambda: vv.mpr.complete, 120)
    whole = time.perf_counter() - t0
    grid = vv.mpr
    nz, ny, nx = grid.volume.array.shape
    moves = []
    for k in range(90):
        t = time.perf_counter()
        grid.set_point((k % nz, (k * 5) % ny, (k * 7) % nx))
        for view in grid.views.values():
            view.viewport().repaint()
        moves.append(time.perf_counter() - t)
    grid.set_slab(9, "mip")
    slab = []
    for k in range(30):
        t = time.perf_counter()
        grid.set_point((k % nz, ny // 2, nx // 2))
        for view in grid.views.values():
            view.viewport().repaint()
        slab.append(time.perf_counter() - t)
    print(
        f"MPR volume {nx}x{ny}x{nz}: first slice after {first * 1000:.0f} ms, whole volume {whole:.1f} s"
    )
    print(
        f"MPR crosshair move p95 (3 planes resliced, windowed, repainted): {p95(moves):.1f} ms (goal <= 33)"
    )
    print(f"MPR 9-slice MIP slab move p95: {p95(slab):.1f} ms")
    import math

    grid.set_slab(1, "mip")
    grid.rotate("axial", math.radians(30))  # oblique: coronal and sagittal turned
    turned = []
    for k in range(60):
        t = time.perf_counter()
        grid.set_point((k % nz, (k * 5) % ny, (k * 7) % nx))  # quick planes while moving
        for view in grid.views.values():
            view.viewport().repaint()
        turned.append(time.perf_counter() - t)
    t = time.perf_counter()
    grid._settle.stop()
    grid._settled()  # the trilinear planes once the pointer rests
    settle = time.perf_counter() - t
    print(
        f"MPR oblique (30°) crosshair move p95 while moving: {p95(turned):.1f} ms (goal <= 33); "
        f"trilinear planes at rest: {settle * 1000:.0f} ms"
    )
    grid.reset_rotation()
    from viewers.vtk_volume import render_array

    t = time.perf_counter()
    render_array(grid.volume, "ct-bone", 256)
    print(f"3D first render (offscreen, software OpenGL, 256²): {time.perf_counter() - t:.1f} s")
    vv.shutdown()
    vv.close()


if __name__ == "__main__":
    sys.exit(main())
