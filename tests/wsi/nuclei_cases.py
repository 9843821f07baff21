"""Fixed nuclei-detection cases on the real H&E field, and their results as flat arrays.

The expected results in ``data/nuclei_expected.npz`` were made by the nuclei code
of ``inference.wsi.nuclei`` 0.2.0 as it stood before its speed-up (main at
4a33eb1) by running ``python -m tests.wsi.nuclei_cases`` — recorded output of our
own code, kept so a faster implementation can be checked against it.  Inputs:
TIAToolbox's ``target_image.png`` (real H&E, ~0.25 um/px); case ``mosaic`` lays
four flipped copies of the half-resolution field side by side (real pixels,
synthetic layout, as the demo slide's 1024 px analysis tiles at 0.5 um/px).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

EXPECTED = Path(__file__).parent / "data" / "nuclei_expected.npz"
MEASURES = ("area_um2", "perimeter_um", "circularity", "h_od_mean", "e_od_mean", "cell_area_um2")


def cases(he: np.ndarray) -> dict[str, dict]:
    """name -> keyword arguments of ``detect_nuclei``."""
    from PIL import Image

    from inference.wsi.nuclei import NucleiParams

    half = np.asarray(Image.fromarray(he).reduce(2))
    mosaic = np.concatenate(
        [
            np.concatenate([half, half[:, ::-1]], 1),
            np.concatenate([half[::-1], half[::-1, ::-1]], 1),
        ]
    )
    return {
        "full": {"rgb": he, "mpp": 0.25},
        "half_core": {
            "rgb": half,
            "mpp": 0.5,
            "origin": (1000.0, 2000.0),
            "scale": 2.0,
            "core": (8, 8, 492, 492),
        },
        "cells": {
            "rgb": np.ascontiguousarray(he[100:900, 50:950]),
            "mpp": 0.25,
            "params": NucleiParams(cell_expansion_um=5.0),
        },
        "mosaic": {"rgb": mosaic, "mpp": 0.5, "core": (32, 32, 968, 968)},
    }


def as_arrays(nuclei) -> dict[str, np.ndarray]:
    rings = [np.asarray(n.contour, float) for n in nuclei]
    offsets = np.zeros(len(rings) + 1, np.int64)
    offsets[1:] = np.cumsum([len(r) for r in rings])
    return {
        "centroids": np.array([n.centroid for n in nuclei], float).reshape(-1, 2),
        "measures": np.array([[getattr(n, k) for k in MEASURES] for n in nuclei], float).reshape(
            -1, len(MEASURES)
        ),
        "offsets": offsets,
        # ring points lie on half pixels: stored exactly, as steps in half pixels
        "steps2": np.diff(np.round(np.concatenate(rings) * 2), axis=0, prepend=0).astype(np.int32)
        if rings
        else np.zeros((0, 2), np.int32),
    }


def expected(name: str) -> dict[str, np.ndarray]:
    with np.load(EXPECTED) as f:
        out = {k.split("/", 1)[1]: f[k] for k in f.files if k.startswith(name + "/")}
    out["coords"] = np.cumsum(out.pop("steps2"), axis=0) / 2.0
    return out


def main() -> None:
    from app.demo.slide import he_image
    from inference.wsi.nuclei import detect_nuclei

    out = {}
    for name, kw in cases(he_image()).items():
        for key, value in as_arrays(detect_nuclei(**kw)).items():
            out[f"{name}/{key}"] = value
    EXPECTED.parent.mkdir(exist_ok=True)
    np.savez_compressed(EXPECTED, **out)
    print({k: v.shape for k, v in out.items()})


if __name__ == "__main__":
    main()
