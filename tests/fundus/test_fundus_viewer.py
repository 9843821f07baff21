"""The fundus viewer on a SYNTHETIC two-eye visit (real photo, painted lesions):
right eye on the left, overlays from the stored AI result, linked zoom, presets,
the ruler in disc diameters, the 12-category table and the prior visit."""

from __future__ import annotations

import numpy as np
import pytest

from app.domain import Modality


@pytest.fixture
def visit(store, tmp_path):
    from app.importer import run_import
    from inference.fundus.synthetic import write_visit
    from inference.preread import run_preread

    pks = run_import(store, write_visit(tmp_path / "cam")).study_pks
    run_preread(store, pks)
    return store, pks


def test_visit_found_in_store(visit):
    from viewers.fundus.visit import find_visit

    store, pks = visit
    v = find_visit(store, pks[0])
    assert set(v.eyes) == {"OD", "OS"} and set(v.prior) == {"OS"}
    assert v.eyes["OD"].ai["referable"] and v.eyes["OD"].ai["dme_suspected"]
    assert v.eyes["OS"].ai["icdr_grade"] == 0 and not v.eyes["OS"].ai["referable"]
    assert v.visit["referable"] and v.visit["worse_eye"] == "OD"
    assert v.prior["OS"].when.year == 2025
    assert find_visit(store, pks[1]).eyes["OD"].study_pk == pks[0]


def test_viewer_shows_both_eyes_with_ai_overlays(qtbot, visit, jobs):
    from viewers.fundus.qt_fundus_viewer import FundusViewer
    from viewers.registry import ViewerContext, viewer_class

    store, pks = visit
    assert viewer_class(Modality.OP) is FundusViewer
    v = FundusViewer(ViewerContext(store, pks[1], Modality.OP, store.object_paths(pks[1]), jobs))
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    qtbot.waitUntil(lambda: v.images_shown is not None, timeout=60_000)
    od, os_ = v.views["OD"], v.views["OS"]
    assert od.mapToGlobal(od.rect().topLeft()).x() < os_.mapToGlobal(os_.rect().topLeft()).x()
    assert "haemorrhage" in od.groups and "haemorrhage" not in os_.groups
    assert od.ai_label.text().startswith("AI: Huizhen fundus classic 0.1")
    v.toggles["haemorrhage"].setChecked(False)
    assert not od.groups["haemorrhage"].isVisible()
    # linked zoom: zooming the left eye zooms the right one
    before = os_.transform().m11()
    od.zoom(2.0)
    assert os_.transform().m11() == pytest.approx(before * 2.0)
    v.one_to_one()
    assert od.transform().m11() == pytest.approx(1.0) == os_.transform().m11()
    # ruler in disc diameters
    from PySide6.QtCore import QPointF

    d = v.visit.eyes["OD"].ai["disc"]["diameter_px"]
    px, dd = od.measure(QPointF(100, 100), QPointF(100 + 2 * d, 100))
    assert dd == pytest.approx(2.0)
    assert od._ruler_text.text() == "2.00 DD"  # a camera photo without pixel spacing: no mm
    od.mm_per_px = 0.01
    od.measure(QPointF(0, 0), QPointF(300, 400))
    assert od._ruler_text.text().endswith("· 5.00 mm")
    # the 12-category table never says "normal" for an unsupported category
    cells = [v.table.item(r, 1).text() for r in range(v.table.rowCount())]
    assert len(cells) == 12 and cells.count("not supported (needs a model)") == 8
    assert cells[2].startswith("not suspected (cup-to-disc 0.")  # glaucoma: measured CDR
    assert "OD" in v.visit_line.text() and "REFER" in v.visit_line.text()
    found = v.findings()
    assert (
        found[0]["text"].startswith("Right eye (OD): ICDR 2") and found[0]["severity"] == "urgent"
    )
    assert found[0]["source"] == "AI Huizhen fundus classic 0.1"
    # red-free preset shows grey pixels
    v.images_shown = None
    v.preset.setCurrentIndex(v.preset.findData("red_free"))
    qtbot.waitUntil(lambda: v.images_shown is not None, timeout=60_000)
    img = od.photo.pixmap().toImage()
    c = img.pixelColor(img.width() // 2, img.height() // 2)
    assert c.red() == c.green() == c.blue()
    # prior visit of the left eye
    v.images_shown = None
    v.a_prior.setChecked(True)
    qtbot.waitUntil(lambda: v.images_shown is not None, timeout=60_000)
    assert od.photo.pixmap().isNull() and not os_.photo.pixmap().isNull()
    # the empty right-eye pane says why, in the pane itself
    assert od.missing == "No photo of this eye at the previous visit." and not os_.missing
    shown = od.viewport().grab().toImage()
    light = [shown.pixelColor(x, y).lightness() for x in range(0, shown.width(), 2)
             for y in range(shown.height() // 3, 2 * shown.height() // 3)]  # fmt: skip
    assert max(light) > 150  # the text is drawn on the dark pane
    assert "2025" in v.titles["OS"].text()
    # the boxes under the photos describe the prior visit, not this one; nothing to confirm there
    assert "prior visit 2025" in v.results["OS"].text()
    assert "at the prior visit" in v.results["OD"].text()
    assert v.confirms["OD"].isHidden() and v.confirms["OS"].isHidden()
    assert "Prior visit shown for comparison" in v.visit_line.text()
    # back to this visit: its results, table and confirm step return
    v.images_shown = None
    v.a_prior.setChecked(False)
    qtbot.waitUntil(lambda: v.images_shown is not None, timeout=60_000)
    assert "prior visit" not in v.results["OD"].text() and not v.confirms["OD"].isHidden()
    assert "OD" in v.visit_line.text() and "REFER" in v.visit_line.text()


def test_enhance_presets_change_the_pixels():
    from inference.fundus.synthetic import normal_photo
    from viewers.fundus.enhance import enhance

    img = normal_photo()[500:700, 500:700]
    assert np.array_equal(enhance(img), img)
    brighter = enhance(img, "colour", gamma=1.5)
    assert brighter.mean() > img.mean()
    eq = enhance(img, "clahe")
    assert eq.shape == img.shape and not np.array_equal(eq, img)
