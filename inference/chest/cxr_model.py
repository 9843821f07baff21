"""The chest X-ray ONNX slot (``inference/models/chest_xray_findings.json``).

A trained multi-label model reads a frontal film: one sigmoid probability per
label and one heatmap per label.  The film goes in as the checks see it
(MONOCHROME1 inverted, so dense is bright), its 1st..99th percentile scaled to
0..1, resized to the manifest's input.  A label whose probability reaches the
manifest's threshold becomes an AI finding, marked with the model's name and
version, its probability as evidence and its heatmap kept with the result
(the SEG export is built from it, ``inference/chest/cxr_seg.py``).

Urgency comes only from ``URGENT_LABELS`` below, never from the model: a
positive pneumothorax is urgent (it may need drainage the same day); every
other positive label is routine; no positive label is routine (the model read
the film and found nothing it knows).  Without installed weights the slot is
empty (``installed_model`` returns None) and the pre-read stays image checks
only, with no finding.
"""

from __future__ import annotations

import base64
import re
import zlib

import numpy as np

URGENT_LABELS = {"pneumothorax"}  # positive -> urgent; the one rule, readable here
DEFAULT_THRESHOLD = 0.5
LABEL_TEXT = {  # label -> English finding text (app/modalities.py translates the codes)
    "atelectasis": "Atelectasis",
    "cardiomegaly": "Cardiomegaly",
    "effusion": "Pleural effusion",
    "infiltration": "Infiltration",
    "mass": "Mass",
    "nodule": "Nodule",
    "pneumonia": "Pneumonia",
    "pneumothorax": "Pneumothorax",
    "consolidation": "Consolidation",
    "edema": "Pulmonary oedema",
    "emphysema": "Emphysema",
    "fibrosis": "Fibrosis",
    "pleural_thickening": "Pleural thickening",
    "hernia": "Hernia",
}


def code_of(label: str) -> str:
    return "CXR_AI_" + re.sub(r"[^A-Z0-9]+", "_", label.upper())


def text_of(label: str) -> str:
    return LABEL_TEXT.get(label, label.replace("_", " ").capitalize())


class CxrModel:
    def __init__(self, manifest, session) -> None:
        spec = manifest.input()
        m = re.search(r"percentile\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)", spec.normalisation)
        if m is None or len(spec.shape) != 4 or "monochrome2" not in spec.normalisation:
            raise ValueError(
                f"model {manifest.id}: input needs shape [1, 1, H, W] and normalisation "
                "'monochrome2; percentile LO HI -> 0..1'"
            )
        if len(manifest.outputs) < 2 or len(manifest.outputs[1].shape) != 4:
            raise ValueError(
                f"model {manifest.id}: outputs need probabilities [1, L] and heatmaps [1, L, h, w]"
            )
        self.manifest, self.session = manifest, session
        self.percentiles = (float(m.group(1)), float(m.group(2)))
        self.size = (int(spec.shape[2]), int(spec.shape[3]))
        probs = manifest.outputs[0]
        self.labels = list(probs.labels)
        self.threshold = probs.threshold if probs.threshold is not None else DEFAULT_THRESHOLD

    def tensor(self, film: np.ndarray) -> np.ndarray:
        """(1, 1, H, W) float32 from the film as displayed (dense is bright)."""
        from PIL import Image

        a = np.asarray(film, np.float32)
        lo, hi = np.percentile(
            a[:: max(1, a.shape[0] // 512), :: max(1, a.shape[1] // 512)], self.percentiles
        )
        a = np.clip((a - lo) / (hi - lo), 0, 1) if hi > lo else np.zeros_like(a)
        h, w = self.size
        img = Image.fromarray(a.astype(np.float32), mode="F").resize(
            (w, h), Image.Resampling.BILINEAR
        )
        return np.asarray(img, np.float32)[None, None]

    def run(self, film: np.ndarray) -> tuple[dict[str, float], np.ndarray]:
        """({label: probability}, heatmaps (L, h, w) in 0..1)."""
        names = [o.name for o in self.manifest.outputs[:2]]
        out = self.session.run({self.manifest.input().name: self.tensor(film)}, names)
        probs = np.asarray(out[names[0]], np.float64).reshape(-1)
        maps = np.asarray(out[names[1]], np.float32)
        maps = maps.reshape(maps.shape[-3:])
        if len(probs) != len(self.labels) or maps.shape[0] != len(self.labels):
            raise ValueError(
                f"model {self.manifest.id} gave {len(probs)} probabilities and {maps.shape[0]} "
                f"heatmaps for {len(self.labels)} labels"
            )
        return dict(zip(self.labels, map(float, probs), strict=True)), np.clip(maps, 0, 1)

    def read(self, film: np.ndarray) -> dict:
        """The model's reading: positive labels with their probability, heatmap (encoded)
        and peak (row, column in film pixels), every probability, and the urgency."""
        probs, maps = self.run(film)
        positives = []
        for i, label in enumerate(self.labels):
            p = probs[label]
            if p < self.threshold:
                continue
            hm = maps[i]
            r, c = np.unravel_index(int(np.argmax(hm)), hm.shape)
            peak = [round((r + 0.5) * film.shape[0] / hm.shape[0], 1),
                    round((c + 0.5) * film.shape[1] / hm.shape[1], 1)]  # fmt: skip
            positives.append({"label": label, "code": code_of(label), "text": text_of(label) + " (AI)",
                              "probability": round(p, 3), "urgent": label in URGENT_LABELS,
                              "peak_rc": peak, "heatmap": encode_map(hm)})  # fmt: skip
        m = self.manifest
        return {
            "model": {
                "id": m.id,
                "name": m.name,
                "version": m.version,
                "not_for_clinical_use": m.not_for_clinical_use,
            },  # fmt: skip
            "threshold": self.threshold,
            "probabilities": {k: round(v, 3) for k, v in probs.items()},
            "positives": positives,
            "urgency": "urgent" if any(p["urgent"] for p in positives) else "routine",
            "film_shape": [int(film.shape[0]), int(film.shape[1])],
        }


MAX_MAP_SIDE = 128  # a heatmap kept with the result is at most this many pixels a side


def encode_map(hm: np.ndarray) -> dict:
    """A heatmap kept with the result: at most MAX_MAP_SIDE a side (bilinear), 0..255,
    zlib, base64 (JSON-safe, small: results are stored and synced)."""
    hm = np.asarray(hm, np.float32)
    if max(hm.shape) > MAX_MAP_SIDE:
        from inference.chest.cxr_seg import resized

        scale = MAX_MAP_SIDE / max(hm.shape)
        hm = resized(hm, max(1, round(hm.shape[0] * scale)), max(1, round(hm.shape[1] * scale)))
    q = np.round(np.clip(hm, 0, 1) * 255).astype(np.uint8)
    return {
        "shape": list(q.shape),
        "data": base64.b64encode(zlib.compress(q.tobytes())).decode("ascii"),
    }


def decode_map(d: dict) -> np.ndarray:
    """The heatmap back as float32 0..1 (ValueError when damaged)."""
    try:
        shape = tuple(int(v) for v in d["shape"])
        raw = zlib.decompress(base64.b64decode(d["data"]))
        return np.frombuffer(raw, np.uint8).reshape(shape).astype(np.float32) / 255.0
    except (KeyError, TypeError, ValueError, zlib.error) as e:
        raise ValueError(f"damaged heatmap: {e}") from e


def load_model(manifest, registry=None, runtime=None) -> CxrModel:
    from inference.runtime import session_for

    return CxrModel(manifest, session_for(manifest, registry, runtime))


def installed_manifest(registry=None):
    from inference.registry import REGISTRY

    return (registry or REGISTRY).first_installed("CR")


def installed_model(registry=None) -> CxrModel | None:
    """The first chest X-ray model whose weights are installed, or None (the empty slot)."""
    from inference.registry import REGISTRY

    reg = registry or REGISTRY
    m = installed_manifest(reg)
    return load_model(m, registry=reg) if m is not None else None
