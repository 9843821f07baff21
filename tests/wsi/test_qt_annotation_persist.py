"""Slide annotations persist per study: reopen shows them, kill -9 keeps every finished edit."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from tests.wsi.test_qt_annotation_tools import (  # noqa: E402
    DS,
    drag,
    new_study,
    open_viewer,
)

ROOT = Path(__file__).resolve().parents[2]


def annotation_sets(store, pk):
    from sqlalchemy import select

    from app.models import AnnotationSet

    with store.read_session() as s:
        rows = s.scalars(select(AnnotationSet).where(AnnotationSet.study_pk == pk)).all()
        return {r.name: (r.path, r.count) for r in rows}


def test_reopen_shows_annotations_and_classes(qtbot, jobs, store, small_slide):  # noqa: F811
    pk = new_study(store)
    viewer = open_viewer(qtbot, jobs, small_slide, store, pk)
    viewer.panel.add_class("Mitosis", (0, 200, 0))
    viewer.set_tool("rectangle")
    drag(qtbot, viewer.canvas, [(100, 100), (300, 200)])
    viewer.set_tool("line")
    drag(qtbot, viewer.canvas, [(100, 300), (400, 300)])
    ids = sorted(viewer.layer.features)
    path = store.data_dir / "annotations" / f"{pk}.geojson"
    assert viewer.doc.path == path
    viewer.close()
    assert path.exists()
    assert annotation_sets(store, pk)["annotations"] == (str(path), 2)

    again = open_viewer(qtbot, jobs, small_slide, store, pk)
    assert sorted(again.layer.features) == ids
    line = next(f for f in again.layer.annotations() if f["geometry"]["type"] == "LineString")
    assert line["properties"]["measurements"]["Length µm"] == pytest.approx(300 * DS * 0.25)
    assert line["properties"]["classification"]["name"] == "Mitosis"
    assert ("Mitosis", (0, 200, 0)) in again.layer.classes
    again.layer.undo.clear()
    assert not again.a_undo.isEnabled()  # undo history is per session
    again.close()


def test_other_study_has_its_own_file(qtbot, jobs, store, small_slide):  # noqa: F811
    a, b = new_study(store, "2.25.1111"), new_study(store, "2.25.2222")
    va = open_viewer(qtbot, jobs, small_slide, store, a)
    va.set_tool("rectangle")
    drag(qtbot, va.canvas, [(100, 100), (300, 200)])
    va.close()
    vb = open_viewer(qtbot, jobs, small_slide, store, b)
    assert vb.layer.features == {}
    vb.close()


CHILD = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {root!r})
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from app.domain import Modality
    from app.store import Store
    from ui.qt_jobs import QtJobs
    from viewers.registry import ViewerContext
    from viewers.wsi.qt_slide_viewer import SlideViewer

    app = QApplication([])
    store = Store({url!r}, {data!r})
    jobs = QtJobs()
    ctx = ViewerContext(store=store, study_pk={pk}, modality=Modality.SM,
                        files=[(None, Path({slide!r}))], jobs=jobs)
    v = SlideViewer(ctx)
    v.resize(1300, 800)
    v.show()
    loop = QEventLoop()
    v.loaded.connect(loop.quit)
    QTimer.singleShot(15000, loop.quit)
    loop.exec()
    v.set_tool("rectangle")
    c = v.canvas
    c.vp.downsample = 2.0
    c.vp.center_on(2048, 1536)
    for i in range(3):
        QTest.mousePress(c, Qt.MouseButton.LeftButton, pos=QPoint(100 + 60 * i, 100))
        QTest.mouseMove(c, QPoint(140 + 60 * i, 150))
        QTest.mouseRelease(c, Qt.MouseButton.LeftButton, pos=QPoint(140 + 60 * i, 150))
    print(len(v.layer.annotations()), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_kill_9_keeps_finished_edits(qtbot, jobs, store, small_slide, tmp_path):  # noqa: F811
    pk = new_study(store)
    script = CHILD.format(
        root=str(ROOT),
        url=str(store.engine.url),
        data=str(store.data_dir),
        pk=pk,
        slide=str(small_slide),
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert proc.returncode == -9, proc.stderr[-2000:]
    assert proc.stdout.strip() == "3"
    path = store.data_dir / "annotations" / f"{pk}.geojson"
    assert not path.exists()  # never snapshotted: everything lives in the journal
    viewer = open_viewer(qtbot, jobs, small_slide, store, pk)
    assert viewer.doc.replayed == 3
    assert len(viewer.layer.annotations()) == 3
    areas = [f["properties"]["measurements"]["Area µm^2"] for f in viewer.layer.annotations()]
    assert areas == pytest.approx([40 * 50 * 0.25] * 3)  # 40 x 50 screen px, 0.5 µm each
    viewer.close()
