"""A clinic without fundus weights subscribes to a remote fundus product: the empty
model slot ``fundus-multidisease`` is served by a real KServe process running an
ONNX graph this test builds (SYNTHETIC weights: probabilities follow the photo's
mean colour, no medical meaning) on the real skimage retina photo (CC0)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.ai import registry, subscriptions
from app.ai.products import Product
from app.ai.subscriptions import SubscriptionState
from inference.placement import NOT_RUN
from inference.registry import REGISTRY
from tests.oip.oip_helpers import KServeProcess, free_port

onnx = pytest.importorskip("onnx")
pytest.importorskip("kserve")
SLOT = "fundus-multidisease"
W = np.linspace(-3, 3, 36, dtype=np.float32).reshape(3, 12)  # SYNTHETIC


def build_graph(path: Path) -> None:
    from onnx import TensorProto, helper, numpy_helper

    nodes = [
        helper.make_node("GlobalAveragePool", ["image"], ["pooled"]),
        helper.make_node("Flatten", ["pooled"], ["flat"]),
        helper.make_node("MatMul", ["flat", "w"], ["logits"]),
        helper.make_node("Sigmoid", ["logits"], ["probabilities"]),
    ]
    graph = helper.make_graph(
        nodes,
        "remote-fundus-test",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, 224, 224])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [1, 12])],
        [numpy_helper.from_array(W, "w")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    path.write_bytes(model.SerializeToString())


@pytest.fixture(scope="module")
def kserve_fundus(tmp_path_factory):
    work = tmp_path_factory.mktemp("kserve-fundus")
    build_graph(work / "fundus.onnx")
    srv = KServeProcess(work, work / "fundus.onnx", "city-fundus", "2026.1").start()
    yield srv
    srv.stop()


def product(url: str) -> Product:
    return Product(code="city-fundus", name="City fundus screening", vendor="City AI (test)",
                   version="2026.1", modality="OP", runs="remote", model_id=SLOT,
                   endpoint_url=url, remote_model="city-fundus")  # fmt: skip


def retina():
    import skimage

    path = Path(skimage.__file__).parent / "data" / "retina.jpg"
    return registry.open_file(path, "OP")


def test_remote_product_fills_an_empty_slot(kserve_fundus):
    assert not REGISTRY.has_weights(SLOT)  # nothing installed here
    subscriptions.apply(SubscriptionState([product(kserve_fundus.url)], True, True))
    result = registry.run(registry.first_analyzer("OP"), retina())
    m = result.model
    assert (m.runs_at, m.served, m.product) == (
        "remote", "city-fundus 2026.1", "City fundus screening 2026.1"
    )  # fmt: skip
    [eye] = result.details["eyes"]
    probs = eye["model_probabilities"]  # the remote model's, one per screening category
    assert len(probs) == 12 and all(0.0 < p < 1.0 for p in probs.values())
    assert eye["model"] == {"name": "City fundus screening", "version": "2026.1"}
    assert m.label == "City fundus screening 2026.1"  # the product is the model here


def test_remote_only_product_down_is_not_run(kserve_fundus):
    dead = f"http://127.0.0.1:{free_port()}"
    subscriptions.apply(SubscriptionState([product(dead)], True, True))
    with pytest.raises(Exception, match=NOT_RUN) as err:
        registry.run(registry.first_analyzer("OP"), retina())
    assert dead in str(err.value) and "no local model" in str(err.value)
