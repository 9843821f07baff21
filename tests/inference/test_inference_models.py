"""Manifests, the model registry and results serialisation."""

import json

import numpy as np
import pytest

from inference.manifest import Manifest, ManifestError
from inference.registry import REGISTRY, ModelRegistry, ModelUnavailable
from inference.results import ModelRef, plain, to_json


def test_builtin_openecg_manifest():
    m = REGISTRY.get("openecg-codec")
    assert m.licence == "Apache-2.0"
    assert m.not_for_clinical_use is True
    spec = m.input()
    assert spec.name == "signal" and spec.shape == [1, 5000]
    assert spec.sampling_rate_hz == 500 and spec.max_batch == 1
    assert spec.normalisation == "openecg.dsp.rank_normalize"
    assert m.output("frame_logits").labels == ["other", "P", "QRS", "T"]
    assert m.output("rhythm_logits").labels[3] == "afib"
    with pytest.raises(KeyError):
        m.output("nope")


def test_weights_and_card_come_from_the_wheel():
    path = REGISTRY.weights_path("openecg-codec")
    assert path.name == "codec_v6_int8.onnx" and "openecg" in path.parts
    card = REGISTRY.model_card("openecg-codec")
    assert "codec v6" in card and "not for diagnosis" in card
    assert REGISTRY.package_version("openecg-codec").startswith("0.")
    assert REGISTRY.available("openecg-codec")


def _manifest_dict(**over):
    d = {
        "id": "x",
        "version": "1",
        "name": "X",
        "licence": "MIT",
        "intended_use": "tests",
        "not_for_clinical_use": True,
        "inputs": [{"name": "in", "shape": [1, 3]}],
        "outputs": [{"name": "out", "shape": [1]}],
        "source": {"package": "no_such_package_here", "resource": "m.onnx"},
    }
    d.update(over)
    return d


def test_manifest_validation(tmp_path):
    with pytest.raises(ManifestError, match="licence"):
        Manifest.from_dict({k: v for k, v in _manifest_dict().items() if k != "licence"})
    with pytest.raises(ManifestError, match="not_for_clinical_use"):
        Manifest.from_dict(
            {k: v for k, v in _manifest_dict().items() if k != "not_for_clinical_use"}
        )
    with pytest.raises(ManifestError):
        Manifest.from_dict(_manifest_dict(inputs=[{"shape": [1]}]))
    p = tmp_path / "m.json"
    p.write_text(json.dumps(_manifest_dict()))
    m = Manifest.load(p)
    assert m.label == "X 1" and Manifest.from_dict(m.to_dict()) == m
    p.write_text("[1, 2]")
    with pytest.raises(ManifestError):
        Manifest.load(p)


def test_missing_package_is_model_unavailable(tmp_path):
    reg = ModelRegistry()
    reg._loaded = True  # only what we add
    reg.add(Manifest.from_dict(_manifest_dict()))
    with pytest.raises(ModelUnavailable, match="pip install no_such_package_here"):
        reg.weights_path("x")
    assert not reg.available("x")
    reg.add(
        Manifest.from_dict(_manifest_dict(id="y", source={"path": str(tmp_path / "none.onnx")}))
    )
    with pytest.raises(ModelUnavailable, match="not found"):
        reg.weights_path("y")
    with pytest.raises(KeyError, match="unknown model"):
        reg.get("z")


def test_results_are_plain_json():
    ref = ModelRef.of(REGISTRY.get("openecg-codec"))
    data = plain({"model": ref, "x": np.float32(1.5), "arr": np.arange(3), "bad": float("nan")})
    assert data == {
        "model": {
            "id": ref.id,
            "name": ref.name,
            "version": ref.version,
            "not_for_clinical_use": True,
        },
        "x": 1.5,
        "arr": [0, 1, 2],
        "bad": None,
    }
    assert json.loads(to_json(data))["model"]["name"] == ref.name
