"""The real pydicom-data chest CR (RG1_UNCR) and the 2D viewer opened on it after the
pre-read, for the chest X-ray tests; a small real ONNX graph built here (not a trained
model) installed as the chest X-ray finding slot's weights."""

from __future__ import annotations

from pathlib import Path

import pytest


def chest_cr() -> Path:
    from pydicom import data as pydicom_data

    path = pydicom_data.get_testdata_file("RG1_UNCR.dcm")
    if path is None:
        pytest.skip("pydicom-data is not installed")
    return Path(path)


def open_cr_viewer(qtbot, jobs, store):
    """(viewer, findings emitted to the dock) once the checks panel is beside the film."""
    from app.domain import Modality
    from app.importer import run_import
    from inference.preread import run_preread
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    pk = run_import(store, [chest_cr()]).study_pks[0]
    run_preread(store, [pk])
    v = ImageViewer(ViewerContext(store, pk, Modality.CR, store.object_paths(pk), jobs))
    qtbot.addWidget(v)
    got: list = []
    v.findings_changed.connect(got.append)
    v.show()
    qtbot.waitUntil(lambda: getattr(v, "cxr_panel", None) is not None, timeout=60_000)
    return v, got


# per label: the pooled brightness (0..1) above which the graph calls it positive
CUTS = [1.5, 0.55, 1.5, 1.5, 1.5, 1.5, 1.5, 0.3, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5]
GAIN = 12.0


def _graph(path: Path, size: int = 256) -> None:
    """heatmaps = sigmoid(GAIN * (8x8 mean brightness - cut_l)) per label; probabilities =
    their global max.  Bright (dense) parts of the film light the maps."""
    import numpy as np
    from onnx import TensorProto, helper

    from tests.model_slots import save_graph

    n = len(CUTS)
    consts = {
        "w": np.full((n, 1, 1, 1), GAIN, np.float32),
        "b": np.array([-GAIN * c for c in CUTS], np.float32),
    }
    nodes = [
        helper.make_node("AveragePool", ["image"], ["pooled"], kernel_shape=[8, 8], strides=[8, 8]),
        helper.make_node("Conv", ["pooled", "w", "b"], ["logits"], kernel_shape=[1, 1]),
        helper.make_node("Sigmoid", ["logits"], ["heatmaps"]),
        helper.make_node("GlobalMaxPool", ["heatmaps"], ["peak"]),
        helper.make_node("Flatten", ["peak"], ["probabilities"]),
    ]
    inputs = [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 1, size, size])]
    outputs = [
        helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [1, n]),
        helper.make_tensor_value_info("heatmaps", TensorProto.FLOAT, [1, n, size // 8, size // 8]),
    ]
    save_graph(path, "cxr-test", nodes, inputs, outputs, consts)


def cxr_test_registry(tmp_path: Path):
    """A registry holding only the chest X-ray slot with the graph above as its weights
    (model "CXR test graph" version t1; on RG1_UNCR it finds cardiomegaly and
    pneumothorax)."""
    from tests.model_slots import slot_registry

    weights = tmp_path / "cxr_test.onnx"
    _graph(weights)

    def edit(data):
        data["inputs"][0]["shape"] = [1, 1, 256, 256]

    return slot_registry("chest_xray_findings.json", weights, edit,
                         id="cxr-test", version="t1", name="CXR test graph")  # fmt: skip


def use_model(monkeypatch, registry):
    """The pre-read and the viewer run the test graph as the installed model."""
    from inference.chest import cxr
    from inference.chest.cxr_model import installed_model

    model = installed_model(registry)
    monkeypatch.setattr(cxr, "_installed_model", lambda: model)
    monkeypatch.setattr(cxr, "_installed_manifest", lambda: model.manifest)
    return model
