"""The ONNX model slot for chest CT (``inference/models/chest_ct_nodule.json``).

A trained classifier re-scores the classical detector's nodules (false-positive
reduction): each nodule's cube is resampled to the manifest's spacing, HU
windowed to 0..1 and batched; a probability under 0.5 drops the nodule, else
it becomes its confidence.  The manifest's input ``normalisation`` names the HU
window and spacing ("hu_window -1000 400; spacing 1.0 mm"); its shape, the
cube size.  Without installed weights the slot is empty (``installed_model``
returns None) and the built-in classical pipeline is the default.
"""

from __future__ import annotations

import re

import numpy as np

THRESHOLD = 0.5


class ChestModel:
    def __init__(self, manifest, session) -> None:
        spec = manifest.input()
        m = re.search(
            r"hu_window\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?);\s*spacing\s+(\d+(?:\.\d+)?)",
            spec.normalisation,
        )
        if m is None or len(spec.shape) != 5:
            raise ValueError(
                f"model {manifest.id}: input needs shape [N, 1, D, H, W] and normalisation "
                "'hu_window LO HI; spacing MM mm'"
            )
        self.manifest, self.session = manifest, session
        self.window = (float(m.group(1)), float(m.group(2)))
        self.spacing = float(m.group(3))
        self.size = [int(v) for v in spec.shape[2:]]

    def cube(self, hu, spacing, centre_zyx) -> np.ndarray:
        from scipy import ndimage

        offs = [(np.arange(n) - (n - 1) / 2) * self.spacing / s
                for n, s in zip(self.size, spacing, strict=True)]  # fmt: skip
        grid = np.meshgrid(*[c + o for c, o in zip(centre_zyx, offs, strict=True)], indexing="ij")
        values = ndimage.map_coordinates(hu, grid, order=1, mode="nearest")
        lo, hi = self.window
        return np.clip((values - lo) / (hi - lo), 0, 1).astype(np.float32)

    def probabilities(self, hu, spacing, centres) -> list[float]:
        if not centres:
            return []
        batch = np.stack([self.cube(hu, spacing, c) for c in centres])[:, None]
        out = self.manifest.outputs[0].name
        values = self.session.run({self.manifest.input().name: batch}, [out])[out]
        return [float(p) for p in np.asarray(values, np.float64).reshape(len(centres), -1)[:, 0]]

    def rescore(self, hu, spacing, nodules: list) -> list:
        """The nodules the model keeps, with its probability as their confidence."""
        probs = self.probabilities(hu, spacing, [n.centre_voxel for n in nodules])
        kept = []
        for n, p in zip(nodules, probs, strict=True):
            if p >= THRESHOLD:
                n.confidence = round(p, 2)
                kept.append(n)
        return kept


def load_model(manifest, registry=None, runtime=None) -> ChestModel:
    from inference.runtime import session_for

    return ChestModel(manifest, session_for(manifest, registry, runtime))


def installed_model(registry=None) -> ChestModel | None:
    """The first CT model whose weights are installed, or None (the empty slot)."""
    from inference.registry import REGISTRY

    reg = registry or REGISTRY
    m = reg.first_installed("CT")
    return load_model(m, registry=reg) if m is not None else None
