"""The SM registry reader and the demo slide builder."""

from __future__ import annotations

import json

import numpy as np

from app.domain import Modality
from app.readers.base import read_head
from app.readers.slide import SlideReader


def test_reader_examines_and_reads_meta(small_slide, tmp_path):
    reader = SlideReader()
    assert reader.modality == Modality.SM
    assert reader.examine(small_slide, read_head(small_slide)) == 0.8
    meta = reader.read_meta(small_slide)
    assert meta.modality == Modality.SM
    assert meta.patient_id == "small"  # no sidecar: from the file name
    assert meta.extra["vendor"] == "generic-tiff"
    assert meta.extra["width"] == 4096 and meta.extra["height"] == 3072
    assert meta.extra["mpp"] == [0.25, 0.25]
    assert len(meta.extra["levels"]) == 4
    json.dumps(meta.extra)  # JSON-able


def test_reader_declines_non_slides(tmp_path):
    import tifffile

    reader = SlideReader()
    plain = tmp_path / "photo.tif"
    tifffile.imwrite(plain, np.zeros((64, 64, 3), np.uint8))
    assert reader.examine(plain, read_head(plain)) < 0.5
    tiled_small = tmp_path / "tiled.tif"
    tifffile.imwrite(tiled_small, np.zeros((512, 512, 3), np.uint8), tile=(256, 256))
    assert reader.examine(tiled_small, read_head(tiled_small)) < 0.5
    text = tmp_path / "notes.svs"
    text.write_text("hello")
    assert reader.examine(text, read_head(text)) == 0


def test_demo_slide_says_it_is_synthetic_and_has_a_sidecar(tmp_path):
    import tifffile

    from app.demo.slide import DESCRIPTION, build_demo_slide

    path = build_demo_slide(tmp_path / "demo.tiff", size=(3000, 2600))
    side = json.loads((tmp_path / "demo.tiff.json").read_text("utf-8"))
    assert side["patient_id"].startswith("DEMO-") and side["patient_name"].startswith("DEMO^")
    assert side["description"] == DESCRIPTION
    with tifffile.TiffFile(path) as tf:
        desc = tf.pages[0].description
    assert "real H&E pixels" in desc and "synthetic layout" in desc and "not a real case" in desc
    meta = SlideReader().read_meta(path)
    assert meta.patient_id == side["patient_id"] and meta.description == DESCRIPTION
    assert not list(tmp_path.glob(".*partial"))


def test_demo_slide_build_reports_progress_and_can_be_cancelled(tmp_path):
    import pytest

    from app.demo.slide import build_demo_slide
    from app.jobs import Cancelled, TaskState

    state = TaskState()
    fractions = []
    state.events.progress.connect(lambda f, m: fractions.append(f))
    build_demo_slide(tmp_path / "a.tiff", size=(8192, 8192), state=state, sidecar=False)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) > 3
    state = TaskState()
    state.cancel()
    with pytest.raises(Cancelled):
        build_demo_slide(tmp_path / "b.tiff", size=(8192, 8192), state=state)
    assert not (tmp_path / "b.tiff").exists() and not list(tmp_path.glob(".b.tiff*"))
