"""Run in a child process under an X display with Qt's xcb platform (the QVTK
widget needs a real native window; the test suite's Qt runs offscreen):
renders the head CT in ``VolumeRender`` and prints the read-back statistics."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np


def main(folder: str) -> int:
    from PySide6.QtWidgets import QApplication

    from app.domain import Modality
    from app.imaging.series import series_info
    from app.imaging.volume import Volume
    from app.jobs import JobRunner
    from ui.qt_jobs import QtJobs
    from viewers.registry import ViewerContext
    from viewers.volume.render3d import VolumeRender

    app = QApplication([])
    jobs = QtJobs(JobRunner(max_workers=1))
    files = sorted(Path(folder).glob("*.dcm"))
    vol = Volume.create(series_info(files)).load()
    w = VolumeRender(ViewerContext(None, 0, Modality.CT, [], jobs))
    w.resize(400, 400)
    w.show()
    done = []
    w.rendered.connect(lambda: done.append(1))
    w.set_volume(vol, "ct-bone")
    while not done:
        app.processEvents()
    out = {}
    for key in ("ct-bone", "ct-soft-tissue", "ct-mip"):
        w.set_preset(key)
        out[key] = w.grab_array()
    bone, soft = out["ct-bone"].mean(axis=2), out["ct-soft-tissue"].mean(axis=2)
    skull = bone > np.percentile(bone, 95)
    print(
        json.dumps(
            {
                "shape": list(out["ct-bone"].shape),
                "bone_std": float(bone.std()),
                "bone_lit": float((bone > 40).mean()),
                "skull_bone": float(bone[skull].mean()),
                "skull_soft": float(soft[skull].mean()),
                "same": bool(np.array_equal(out["ct-bone"], out["ct-soft-tissue"])),
                "mip_mean": float(out["ct-mip"].mean()),
            }
        )
    )
    w.close_vtk()
    w.close()
    jobs.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
