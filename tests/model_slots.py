"""Test helpers for the ONNX model slots: a small real ONNX graph written to a file, and
a registry holding only one shipped manifest pointed at it (not a trained model)."""

from __future__ import annotations

import json
from pathlib import Path


def save_graph(path: Path, name: str, nodes, inputs, outputs, consts: dict) -> None:
    """Check and write an opset-13 graph; ``consts`` name -> numpy array initialisers."""
    import onnx
    from onnx import helper, numpy_helper

    graph = helper.make_graph(
        nodes, name, inputs, outputs, [numpy_helper.from_array(v, k) for k, v in consts.items()]
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    Path(path).write_bytes(model.SerializeToString())


def slot_registry(manifest_file: str, weights: Path, edit=None, **fields):
    """A registry with only the shipped manifest ``manifest_file``, its weights at
    ``weights``, top-level ``fields`` replaced and ``edit(data)`` applied."""
    from inference.manifest import Manifest
    from inference.registry import MODELS_DIR, ModelRegistry

    data = json.loads((MODELS_DIR / manifest_file).read_text("utf-8"))
    data.update(fields)
    data["source"] = {"path": str(weights)}
    if edit is not None:
        edit(data)
    reg = ModelRegistry()
    reg._loaded = True  # only this manifest
    reg.add(Manifest.from_dict(data))
    return reg
