"""One fundus photo -> the per-eye result (the CLI's JSON shape); a source -> ``AiResult``.

Order: prepare (working scale, field) -> gradability -> anatomy -> (only when
gradable) lesions and grade.  Ungradable means "retake or refer", never a grade.
Coordinates and sizes in the result are in the photo's own pixels.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from inference.fundus import grading
from inference.fundus.quality import ACTION

BUILTIN = {"id": "huizhen-fundus-classic", "name": "Huizhen fundus classic", "version": "0.1"}
NOTICE = "Built-in classical analysis: not for clinical use"
EYES = {"R": "OD", "L": "OS", "OD": "OD", "OS": "OS", "RIGHT": "OD", "LEFT": "OS"}


def normalise_eye(value: Any) -> str:
    return EYES.get(str(value or "").strip().upper(), "")


def _check(state, fraction: float, what: str) -> None:
    if state is not None:
        state.check()
        state.progress(fraction, what)


def analyze_pixels(
    pixels: np.ndarray, eye: str = "", state=None, model=None, info: dict | None = None
) -> dict:
    """Analyse one photo. ``model``: a ``FundusModel`` (the ONNX slot) or None;
    ``info``: the frame's info (pixel spacing, camera, field angle) for sizes in mm."""
    from inference.fundus.anatomy import anatomy
    from inference.fundus.image import MIN_SIDE, prepare
    from inference.fundus.lesions import find_lesions
    from inference.fundus.quality import exposure_and_field, vessel_visibility

    _check(state, 0.05, "preparing")
    shape = np.shape(pixels)
    if len(shape) < 2 or min(shape[:2]) < MIN_SIDE:
        return _too_small(shape, eye)
    p = prepare(pixels)
    _check(state, 0.15, "image quality")
    q = exposure_and_field(p)
    a = None
    if q.gradable or q.reasons == ["poor_focus"]:
        _check(state, 0.3, "optic disc, fovea and vessels")
        a = anatomy(p)
        vessel_visibility(q, p, a.vessels, a.fovea, a.disc_diameter)
    s = 1.0 / p.scale
    eye = normalise_eye(eye)
    eye_source = "given" if eye else ""
    out: dict[str, Any] = {
        "eye": eye,
        "gradable": q.gradable,
        "quality": {
            "score": q.score,
            "reasons": q.texts(),
            "codes": list(q.reasons),
            "metrics": {k: round(float(v), 4) for k, v in q.metrics.items()},
        },
        "disc": None,
        "fovea": None,
        "lesions": [],
        "icdr_grade": None,
        "dme_suspected": None,
        "referable": True,
        "reasons": [],
        "image_size": [int(p.original_shape[1]), int(p.original_shape[0])],
        "scale": _scale(p, info),
        "field": {
            "centre": [round(p.centre[0] / p.scale, 1), round(p.centre[1] / p.scale, 1)],
            "radius_px": round(p.radius / p.scale, 1),
        },
    }
    if a is not None:
        if a.disc is not None:
            out["disc"] = {
                "centre": [round(a.disc[0] * s, 1), round(a.disc[1] * s, 1)],
                "diameter_px": round(a.disc_diameter * s, 1),
                "measured": a.disc_measured,
            }
            mm = out["scale"].get("mm_per_px")
            if mm and a.disc_measured:
                out["disc"]["diameter_mm"] = round(a.disc_diameter * s * mm, 2)
        if a.fovea is not None:
            out["fovea"] = [round(a.fovea[0] * s, 1), round(a.fovea[1] * s, 1)]
        if not eye and a.disc is not None and a.fovea is not None:
            eye = "OD" if a.disc[0] > a.fovea[0] else "OS"  # disc is nasal to the fovea
            out["eye"], eye_source = eye, "anatomy (disc nasal to the fovea)"
        out["anatomy_notes"] = a.notes
        if q.gradable:
            out["cup"] = _cup(p, a, s)
    out["eye_source"] = eye_source or "unknown"
    from inference.fundus.fields import classify

    if (info or {}).get("field"):
        out["field_given"] = str(info["field"])
    out["field_centred_on"] = classify(out)
    if not q.gradable:
        out["reasons"] = [*q.texts(), f"ungradable: {ACTION}"]
        out["categories"] = grading.builtin_categories(out)
    else:
        _check(state, 0.6, "lesion candidates")
        lesions = find_lesions(p, a)
        graded = grading.grade_eye(lesions, a.fovea, a.disc_diameter)
        out.update(graded)
        out["gradable"] = True
        out["lesions"] = [
            {
                "type": les.type,
                "x": round(les.x * s, 1),
                "y": round(les.y * s, 1),
                "radius_px": round(max(les.radius * s, 1.0), 1),
                "confidence": les.confidence,
            }
            for les in sorted(lesions, key=lambda x: -x.confidence)
        ]
        out["categories"] = grading.builtin_categories(out)
    out["model"] = dict(BUILTIN)
    out["notice"] = NOTICE
    if model is not None:
        _check(state, 0.85, "model")
        model.apply(out, p)
    _check(state, 1.0, "")
    return out


def _scale(p, info: dict | None) -> dict:
    """mm per pixel where the file or the camera's field angle tells it (``scale.py``)."""
    from inference.fundus.scale import scale

    width = float(p.fov.sum(axis=1).max()) / p.scale if p.fov.any() else 0.0
    out = scale(info or {}, width)
    out["field_diameter_px"] = round(width, 1)
    return out


def _cup(p, a, s: float) -> dict:
    from inference.fundus.cup import cup_to_disc

    cup = cup_to_disc(p, a)
    if cup.get("measured"):
        cup["cup_centre"] = [round(v * s, 1) for v in cup["cup_centre"]]
        for k in ("cup_vertical_px", "cup_horizontal_px"):
            cup[k] = round(cup[k] * s, 1)
    return cup


def analyze_visit(photos: list[tuple], model=None, state=None) -> list[dict]:
    """The photos of a visit, ``(pixels, eye[, frame info])`` each, two at a time on
    threads (the filters release the GIL)."""
    from concurrent.futures import ThreadPoolExecutor

    n = len(photos)
    jobs = [(p[0], p[1], p[2] if len(p) > 2 else None) for p in photos]
    if n <= 1:
        return [analyze_pixels(px, eye, _Sub(state, 0, 1), model, info) for px, eye, info in jobs]
    with ThreadPoolExecutor(max_workers=min(n, 2)) as pool:
        futures = [
            pool.submit(analyze_pixels, px, eye, _Sub(state, i, n), model, info)
            for i, (px, eye, info) in enumerate(jobs)
        ]
        return [f.result() for f in futures]


def _too_small(shape, eye: str) -> dict:
    from inference.fundus.quality import REASONS

    text = REASONS["insufficient_field"]
    out = {
        "eye": normalise_eye(eye), "eye_source": "given" if normalise_eye(eye) else "unknown",
        "gradable": False,
        "quality": {"score": 0.0, "reasons": [text], "codes": ["insufficient_field"], "metrics": {}},
        "disc": None, "fovea": None, "lesions": [], "icdr_grade": None, "dme_suspected": None,
        "referable": True, "reasons": [text, f"ungradable: {ACTION}"],
        "image_size": [int(shape[1]) if len(shape) > 1 else 0, int(shape[0]) if shape else 0],
        "model": dict(BUILTIN), "notice": NOTICE,
    }  # fmt: skip
    out["categories"] = grading.builtin_categories(out)
    return out


def identity() -> tuple[str, str]:
    """(model id, version) the analyzer's result carries now: the installed slot model's,
    else the built-in analysis' (the pre-read skips a study that already has it)."""
    from inference.registry import REGISTRY

    m = REGISTRY.first_installed("OP")
    return (m.id, m.version) if m is not None else (BUILTIN["id"], BUILTIN["version"])


def analyze_fundus(source, state=None):
    """Registry analyzer (OP): every frame of the source is one photo of one eye."""
    from inference.fundus.model import installed_model
    from inference.fundus.result import to_ai_result

    model = installed_model()
    eyes = []
    n = len(source)
    for i in range(n):
        frame = source.frame(i, state)
        eye = frame.laterality or getattr(source, "laterality", "")
        eyes.append(analyze_pixels(frame.pixels, eye, _Sub(state, i, n), model, frame.info))
    return to_ai_result(eyes, model)


class _Sub:
    """Progress of one photo inside a multi-photo run."""

    def __init__(self, state, i: int, n: int) -> None:
        self.state, self.i, self.n = state, i, max(1, n)

    def check(self) -> None:
        if self.state is not None:
            self.state.check()

    def progress(self, fraction: float, what: str = "") -> None:
        if self.state is not None:
            self.state.progress((self.i + fraction) / self.n, what)
