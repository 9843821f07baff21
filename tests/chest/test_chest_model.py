"""The chest CT ONNX slot: the shipped manifest is an empty slot; a small real ONNX
graph built here (not a trained model) re-scores the classical nodules."""

from __future__ import annotations

import numpy as np
import pytest

from inference.chest.phantom import TruthNodule, build_phantom
from inference.chest.rules import GROUND_GLASS, SOLID

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

from tests.model_slots import save_graph, slot_registry  # noqa: E402


def _graph(path):
    """p = sigmoid(20 * (mean of the central 8³ voxels - 0.5)): solid (HU 30 -> 0.74 in
    the -1000..400 window) passes, ground glass (-600 -> 0.29) does not."""
    from onnx import TensorProto, helper

    consts = {
        "starts": np.array([12, 12, 12], np.int64),
        "ends": np.array([20, 20, 20], np.int64),
        "axes": np.array([2, 3, 4], np.int64),
        "half": np.array(0.5, np.float32),
        "gain": np.array(20.0, np.float32),
    }
    nodes = [
        helper.make_node("Slice", ["patch", "starts", "ends", "axes"], ["centre"]),
        helper.make_node("GlobalAveragePool", ["centre"], ["peak"]),  # (N, 1, 1, 1, 1)
        helper.make_node("Flatten", ["peak"], ["flat"]),  # (N, 1)
        helper.make_node("Sub", ["flat", "half"], ["shifted"]),
        helper.make_node("Mul", ["shifted", "gain"], ["logit"]),
        helper.make_node("Sigmoid", ["logit"], ["probability"]),
    ]
    inputs = [helper.make_tensor_value_info("patch", TensorProto.FLOAT, ["N", 1, 32, 32, 32])]
    outputs = [helper.make_tensor_value_info("probability", TensorProto.FLOAT, ["N", 1])]
    save_graph(path, "chest-test", nodes, inputs, outputs, consts)


@pytest.fixture
def registry(tmp_path):
    weights = tmp_path / "chest_test.onnx"
    _graph(weights)
    return slot_registry("chest_ct_nodule.json", weights,
                         id="chest-test", version="t1", name="Chest test graph")  # fmt: skip


def test_shipped_manifest_is_a_slot_without_weights():
    from inference.chest.model import installed_model
    from inference.registry import REGISTRY

    m = REGISTRY.get("chest-ct-nodule")
    assert m.modality == "CT" and m.not_for_clinical_use
    assert m.input().shape[2:] == [32, 32, 32] and "hu_window" in m.input().normalisation
    assert installed_model() is None  # no weights here: the classical detector only


def test_installed_graph_rescores_the_classical_nodules(registry):
    from inference.chest.analysis import analyze_volume
    from inference.chest.model import installed_model

    model = installed_model(registry)
    assert model is not None and model.window == (-1000.0, 400.0) and model.spacing == 1.0
    nodules = [
        TruthNodule((-80.0, 0.0, 100.0), 12.0, 11.0, SOLID),
        TruthNodule((80.0, 10.0, 90.0), 14.0, 13.0, GROUND_GLASS),
    ]
    ph = build_phantom(nodules=nodules, seed=4)
    plain = analyze_volume(ph.array, ph.spacing)
    assert sorted(n["type"] for n in plain["nodules"]) == [GROUND_GLASS, SOLID]
    r = analyze_volume(ph.array, ph.spacing, model=model)
    assert [n["type"] for n in r["nodules"]] == [SOLID]
    assert r["nodules"][0]["confidence"] > 0.9
    assert r["model"] == {"name": "Chest test graph", "version": "t1"}
    assert r["detector"]["name"] == "Huizhen chest CT classic"
    assert "not for clinical use" in r["notice"]
    probs = model.probabilities(ph.array, ph.spacing, [ph.index_of(n.centre_mm) for n in nodules])
    assert probs[0] > 0.9 > 0.1 > probs[1]
    assert np.isfinite(probs).all()
