"""Run in a child process under an X display with Qt's xcb platform (the QVTK
widget needs a real native window; the test suite's Qt runs offscreen):
renders the head CT in ``VolumeRender`` and prints the read-back statistics.

The 3D preparation is first held by a gate and cancelled with the panel's
button (nothing is rendered, the panel says so), then prepared again by
choosing a preset; where it ran (a worker thread, not the UI's) is recorded."""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

import numpy as np


def wait(app, condition, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("state not reached")
        app.processEvents()
        time.sleep(0.005)


def gated_prepare(render3d, gate: threading.Event, threads: list):
    real = render3d.prepare_actor

    def prepare(volume, preset, state=None, max_voxels=None):
        threads.append(threading.current_thread() is threading.main_thread())
        gate.wait(60)
        return real(volume, preset, state, max_voxels)

    render3d.prepare_actor = prepare


def shares(w, vol) -> bool:
    """Whether the rendered image data uses the volume's own memory (no copy)."""
    from vtkmodules.util import numpy_support

    image = w.actor.GetMapper().GetInput()
    values = numpy_support.vtk_to_numpy(image.GetPointData().GetScalars())
    return bool(np.shares_memory(values, vol.array))


def main(folder: str) -> int:
    from PySide6.QtWidgets import QApplication

    from app.domain import Modality
    from app.imaging.series import series_info
    from app.imaging.volume import Volume
    from app.jobs import JobRunner
    from ui.qt_jobs import QtJobs
    from viewers.registry import ViewerContext
    from viewers.volume import render3d
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
    gate, threads = threading.Event(), []
    gated_prepare(render3d, gate, threads)
    w.set_volume(vol, "ct-bone")
    wait(app, lambda: bool(threads) and w.prepare_bar.isVisible())
    ui_free = w.preparing and w.renderer.GetVolumes().GetNumberOfItems() == 0
    w.prepare_bar.cancel.click()
    gate.set()
    wait(app, lambda: not w.preparing and w.prepare_bar.bar.isHidden())
    stopped = {"text": w.prepare_bar.label.text(), "actor": w.actor is None, "done": not done}
    w.set_preset("ct-bone")  # prepares again
    wait(app, lambda: bool(done))
    said = w.prepare_bar.label.text()  # what the panel said while the first render ran
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
                "on_main_thread": threads,
                "ui_free_while_preparing": ui_free,
                "stopped": stopped,
                "bar_hidden": w.prepare_bar.isHidden(),
                "said_before_first_render": said,
                "software_gl": w.software_gl,
                "shares_voxels": shares(w, vol),
            }
        )
    )
    w.close_vtk()
    w.close()
    jobs.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
