"""Built-in pathology class names read in the user's language where the pathologist reads
them from the measurement table and its findings; the annotation keeps QuPath's key."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from tests.wsi.test_qt_annotation_tools import open_viewer  # noqa: E402

SQUARE = [[1500, 1100], [2600, 1100], [2600, 2000], [1500, 2000], [1500, 1100]]


def _nuclei(n: int = 12):
    """SYNTHETIC nuclei: small squares inside the annotation, with one measurement."""
    from viewers.wsi.detections import DetectionSet
    from viewers.wsi.overlays import DetectionLayer

    rings, values = [], np.linspace(0.1, 0.9, n, dtype=np.float32)
    for i in range(n):
        x, y = 1600 + 70 * i, 1500
        rings.append(np.array([[x, y], [x + 20, y], [x + 20, y + 20], [x, y + 20]], np.float32))
    data = DetectionSet.from_rings(rings, measurements={"Hematoxylin: Mean": values})
    return DetectionLayer(data, "nuclei", "AI nuclei", "huizhen-nuclei-watershed 0.2.0")


def test_tumor_region_reads_in_chinese_and_stays_tumor_in_the_file(qtbot, jobs, small_slide):
    from ui import i18n

    viewer = open_viewer(qtbot, jobs, small_slide)
    viewer.layer.current_class = "Tumor"
    ann = viewer.layer.new_feature({"type": "Polygon", "coordinates": [SQUARE]})
    viewer.layer.add([ann])
    viewer.canvas.overlays.add_detections(_nuclei())
    found: list = []
    viewer.findings_changed.connect(lambda f: found.append(list(f)))
    try:
        i18n.install("zh_CN")
        dlg = viewer.show_measurements()
        assert dlg is not None
        dlg.classify()
        qtbot.waitUntil(lambda: bool(found), timeout=60_000)
    finally:
        i18n.install("en")
    assert [name for name, _g in dlg.regions] == ["肿瘤"]
    assert found[-1][0]["text"].startswith("肿瘤：阳性")
    (kept,) = viewer.layer.annotations()
    assert kept["properties"]["classification"]["name"] == "Tumor"
    dlg.close()
