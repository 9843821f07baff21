"""The ONNX model slot, run on a small real ONNX graph this test builds (SYNTHETIC
weights: the probabilities follow the photo's mean colour, no medical meaning)."""

from __future__ import annotations

import json

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")

LABELS = ["referable_dr", "glaucoma_suspect", "rvo"]


def _graph(path):
    from onnx import TensorProto, helper, numpy_helper

    w = np.array([[4.0, -4.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, -4.0]], np.float32)  # (3, 3)
    nodes = [
        helper.make_node("GlobalAveragePool", ["image"], ["pooled"]),  # (1, 3, 1, 1)
        helper.make_node("Flatten", ["pooled"], ["flat"]),  # (1, 3)
        helper.make_node("MatMul", ["flat", "w"], ["logits"]),
        helper.make_node("Sigmoid", ["logits"], ["probabilities"]),
    ]
    graph = helper.make_graph(
        nodes,
        "fundus-test",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, 32, 32])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [1, 3])],
        [numpy_helper.from_array(w, "w")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    path.write_bytes(model.SerializeToString())


@pytest.fixture
def registry(tmp_path):
    from inference.manifest import Manifest
    from inference.registry import ModelRegistry

    weights = tmp_path / "fundus_test.onnx"
    _graph(weights)
    from inference.registry import MODELS_DIR

    data = json.loads((MODELS_DIR / "fundus_multidisease.json").read_text("utf-8"))
    data.update(id="fundus-test", version="t1", name="Fundus test graph")
    data["source"] = {"path": str(weights)}
    data["inputs"][0]["shape"] = [1, 3, 32, 32]
    data["inputs"][0]["normalisation"] = "unit"
    data["outputs"][0].update(shape=[1, 3], labels=LABELS)
    reg = ModelRegistry()
    reg._loaded = True  # only this manifest
    reg.add(Manifest.from_dict(data))
    return reg


def test_shipped_manifest_is_a_slot_without_weights():
    from inference.fundus.model import installed_model
    from inference.registry import REGISTRY

    m = REGISTRY.get("fundus-multidisease")
    assert m.modality == "OP" and m.not_for_clinical_use
    assert m.outputs[0].labels[0] == "referable_dr" and len(m.outputs[0].labels) == 12
    assert installed_model() is None  # no weights here: built-in analysis only


def test_model_fills_the_categories_it_covers(registry, normal):
    from inference.fundus.analysis import analyze_pixels
    from inference.fundus.model import installed_model

    model = installed_model(registry)
    assert model is not None and model.manifest.id == "fundus-test"
    r = analyze_pixels(normal, "OS", model=model)
    probs = r["model_probabilities"]
    # logits = mean(R, G, B) @ w: referable_dr 4R, glaucoma -4R, rvo -4B
    from inference.fundus.image import prepare

    mean = prepare(normal).rgb.reshape(-1, 3).mean(axis=0)
    expect = 1 / (1 + np.exp(-np.array([4 * mean[0], -4 * mean[0], -4 * mean[2]])))
    got = np.array([probs[k] for k in LABELS])
    assert np.allclose(got, expect, atol=0.03), (got, expect)
    assert r["categories"]["referable_dr"].startswith("suspected (model p=")
    assert r["categories"]["rvo"].startswith("not suspected (model p=")
    assert r["categories"]["glaucoma_suspect"].startswith("not suspected (model p=")
    assert r["categories"]["macular_hole"] == "not supported"  # not in this model's labels
    assert r["model"] == {"name": "Fundus test graph", "version": "t1"}
    assert "not for clinical use" in r["notice"]


def test_model_result_names_the_model(registry, normal):
    from inference.fundus.analysis import analyze_pixels
    from inference.fundus.model import installed_model
    from inference.fundus.result import to_ai_result

    model = installed_model(registry)
    result = to_ai_result([analyze_pixels(normal, "OD", model=model)], model)
    assert result.model.name == "Fundus test graph" and result.model.version == "t1"
    assert result.rules.startswith("Huizhen fundus classic")
