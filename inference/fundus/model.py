"""The ONNX model slot: a trained DR / multi-disease classifier described by a
manifest with ``modality: "OP"`` (``inference/models/fundus_multidisease.json``).

Its output labels name screening categories (``grading.CATEGORIES``); each
becomes "suspected (p)" / "not suspected (p)" in the result, marked with the
model's name and version.  Without installed weights the slot is empty and the
categories the built-in analysis cannot judge stay "not supported".
"""

from __future__ import annotations

import numpy as np

from inference.fundus import grading

THRESHOLD = 0.5
_MEAN = np.array([0.485, 0.456, 0.406], np.float32)
_STD = np.array([0.229, 0.224, 0.225], np.float32)


class FundusModel:
    def __init__(self, manifest, session) -> None:
        self.manifest = manifest
        self.session = session

    def tensor(self, rgb: np.ndarray) -> np.ndarray:
        from PIL import Image

        spec = self.manifest.input()
        h, w = int(spec.shape[2]), int(spec.shape[3])
        img = Image.fromarray((np.clip(rgb, 0, 1) * 255).astype(np.uint8)).resize((w, h))
        x = np.asarray(img, np.float32) / 255.0
        if spec.normalisation == "imagenet":
            x = (x - _MEAN) / _STD
        return x.transpose(2, 0, 1)[None].astype(np.float32)

    def probabilities(self, rgb: np.ndarray) -> dict[str, float]:
        out_spec = self.manifest.outputs[0]
        values = self.session.run({self.manifest.input().name: self.tensor(rgb)}, [out_spec.name])
        probs = np.asarray(values[out_spec.name], np.float64).reshape(-1)
        return {lab: float(p) for lab, p in zip(out_spec.labels, probs, strict=False)}

    def apply(self, eye: dict, prepared) -> None:
        """Fill the categories the model covers (gradable photos only)."""
        eye["model"] = {"name": self.manifest.name, "version": self.manifest.version}
        eye["builtin_model"] = {"name": "Huizhen fundus classic", "version": "0.1"}
        if not eye.get("gradable"):
            return
        probs = self.probabilities(prepared.rgb)
        eye["model_probabilities"] = {k: round(v, 3) for k, v in probs.items()}
        for name, p in probs.items():
            if name in grading.CATEGORIES:
                word = "suspected" if p >= THRESHOLD else "not suspected"
                eye["categories"][name] = f"{word} (model p={p:.2f})"
        if self.manifest.not_for_clinical_use:
            eye["notice"] = f"{self.manifest.name} {self.manifest.version}: not for clinical use"


def load_model(manifest, registry=None, runtime=None) -> FundusModel:
    from inference.runtime import session_for

    return FundusModel(manifest, session_for(manifest, registry, runtime))


def installed_model(registry=None) -> FundusModel | None:
    """The first OP model whose weights are installed, or None (the empty slot)."""
    from inference.registry import REGISTRY

    reg = registry or REGISTRY
    m = reg.first_installed("OP")
    return load_model(m, registry=reg) if m is not None else None
