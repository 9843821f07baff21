"""First image on screen in the 2D viewer for a 540-file CT (issue 9 goal: <= 150 ms).

Data: the real head CT (Debian invesalius-examples) resampled to 512² x 540 slices
(real pixels, synthetic layout), written as a DICOM series.  For each of a few runs
a new viewer opens the files offscreen and the bench records, from the viewer's
construction: the first look on screen (the middle file, ``preview_image``, before
any other header is read) and the whole series open (every header read and sorted:
when the first image appeared before the first look existed).  Baseline of the same
run: a bare ``pydicom.dcmread`` + ``pixel_array`` of the middle file.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(slices: int = 540, runs: int = 3) -> int:
    import pydicom
    from PySide6.QtWidgets import QApplication

    from app.demo import head_ct
    from app.domain import Modality
    from app.jobs import JobRunner
    from ui.qt_jobs import QtJobs
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    if not head_ct.available():
        print("skipped: apt package invesalius-examples is not installed")
        return 0
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-dicom-first-"))
    files = head_ct.write_head_ct(folder, slices=slices, size=512)
    jobs = QtJobs(JobRunner(max_workers=2))

    def wait(cond, timeout=120.0) -> float:
        t0 = time.perf_counter()
        while not cond() and time.perf_counter() - t0 < timeout:
            app.processEvents()
            time.sleep(0.0005)
        return time.perf_counter()

    for run in range(runs):
        wait(lambda: not jobs.runner.active)  # the previous viewer's work is done
        t = time.perf_counter()
        ds = pydicom.dcmread(files[len(files) // 2])
        _ = ds.pixel_array * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
        base = time.perf_counter() - t
        t = time.perf_counter()
        v = ImageViewer(ViewerContext(None, 0, Modality.CT, [(None, p) for p in files], jobs))
        v.resize(1366, 768)
        v.show()
        first = (
            wait(lambda v=v: v.pane.image is not None and not v.pane.view.item.pixmap().isNull())
            - t
        )
        full = wait(lambda v=v: v.pane.source is not None) - t
        print(
            f"run {run + 1}: first look {first * 1000:.0f} ms, series open {full * 1000:.0f} ms, "
            f"baseline dcmread+decode {base * 1000:.1f} ms (first look / baseline "
            f"{first / base:.1f}x; series open / first look {full / first:.0f}x)"
        )
        wait(lambda: not jobs.runner.active)  # volume fill, object scan
        v.close()
        v.deleteLater()
        app.processEvents()
    jobs.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:3])))
