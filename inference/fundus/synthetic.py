"""Test and bench cases built from scikit-image's real fundus photo (``retina.jpg``,
CC0) and its real crop of a diabetic eye (``microaneurysms.png``).

Everything made here is SYNTHETIC (degraded copies, painted lesions) on a real
background, and is labelled so where it is used.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def normal_photo() -> np.ndarray:
    """The real normal fundus (left eye, macula-centred), uint8 RGB 1411 x 1411."""
    from skimage import data

    return np.ascontiguousarray(data.retina())


def microaneurysm_crop() -> np.ndarray:
    from skimage import data

    return np.ascontiguousarray(data.microaneurysms())


def degraded(photo: np.ndarray) -> dict[str, tuple[np.ndarray, str]]:
    """SYNTHETIC degraded copies -> (image, the reason code it must give)."""
    from scipy import ndimage as ndi

    f = photo.astype(np.float32)
    h, w = photo.shape[:2]
    blurred = np.stack([ndi.gaussian_filter(f[..., c], 8) for c in range(3)], axis=2)
    shade = f.copy()
    shade[: h // 2] *= 0.12  # an eyelid/eyelash shadow over the upper half
    return {
        "blurred": (blurred.astype(np.uint8), "poor_focus"),
        "under_exposed": ((f * 0.12).astype(np.uint8), "too_dark"),
        "over_exposed": (np.clip(f * 3.5 + 40, 0, 255).astype(np.uint8), "too_bright"),
        "cropped_field": (photo[h // 3 : 2 * h // 3, w // 4 : w // 2].copy(), "insufficient_field"),
        "shadowed": (shade.astype(np.uint8), "uneven_illumination"),
    }


@dataclass
class Painted:
    type: str
    x: float
    y: float
    radius: float


# colours (multipliers on the background) of painted lesions
_COLOURS = {
    "microaneurysm": (0.55, 0.35, 0.35),
    "haemorrhage": (0.5, 0.3, 0.3),
    "hard_exudate": (1.35, 2.6, 2.6),
    "cotton_wool_spot": (1.25, 2.2, 3.2),
}


def paint(photo: np.ndarray, lesions: list[Painted]) -> np.ndarray:
    """SYNTHETIC lesions painted on the real background: a disc of the lesion's colour
    with a 1-pixel soft edge (cotton-wool spots softer)."""
    out = photo.astype(np.float32)
    h, w = photo.shape[:2]
    for les in lesions:
        r = les.radius
        pad = int(r * 2 + 4)
        y0, y1 = max(0, int(les.y) - pad), min(h, int(les.y) + pad + 1)
        x0, x1 = max(0, int(les.x) - pad), min(w, int(les.x) + pad + 1)
        yy, xx = np.mgrid[y0:y1, x0:x1]
        d = np.hypot(xx - les.x, yy - les.y)
        soft = 2.0 if les.type == "cotton_wool_spot" else 1.0
        alpha = np.clip((r - d) / soft + 0.5, 0, 1)[..., None]
        col = np.array(_COLOURS[les.type], np.float32)
        patch = out[y0:y1, x0:x1]
        out[y0:y1, x0:x1] = patch * (1 - alpha) + np.clip(patch * col, 0, 255) * alpha
    return np.clip(out, 0, 255).astype(np.uint8)


# positions on retina.jpg (1411 x 1411; disc near (215, 680), fovea near (705, 690))
_SPOTS = [
    (430, 380),
    (980, 420),
    (1120, 700),
    (960, 1000),
    (500, 1060),
    (700, 300),
    (820, 560),
    (600, 820),
    (1180, 900),
    (380, 900),
    (870, 1150),
    (1050, 560),
]


def lesion_set() -> list[tuple[str, np.ndarray, list[Painted], dict]]:
    """SYNTHETIC lesion cases: (name, image, painted lesions, expected)."""
    base = normal_photo()
    cases = []
    ma = [
        Painted("microaneurysm", x, y, r)
        for (x, y), r in zip(_SPOTS[:6], (2.5, 3, 3.5, 2.5, 3, 4), strict=True)
    ]
    cases.append(("microaneurysms_only", paint(base, ma), ma, {"icdr_min": 1, "icdr_max": 1}))
    haem = [
        Painted("haemorrhage", x, y, r)
        for (x, y), r in zip(_SPOTS[:8], (8, 10, 12, 9, 14, 11, 7, 10), strict=True)
    ]
    cases.append(("haemorrhages", paint(base, haem), haem, {"icdr_min": 2, "referable": True}))
    ex = [
        Painted("hard_exudate", x, y, r)
        for (x, y), r in zip(_SPOTS[3:9], (4, 5, 6, 3, 5, 4), strict=True)
    ]
    cases.append(("exudates_far", paint(base, ex), ex, {"icdr_min": 2, "referable": True}))
    mac = [
        Painted("hard_exudate", 705 + dx, 690 + dy, r)
        for dx, dy, r in ((60, 20, 5), (-50, 40, 4), (30, -70, 6))
    ]
    cases.append(("exudates_macula", paint(base, mac), mac, {"dme": True, "referable": True}))
    cws = [Painted("cotton_wool_spot", x, y, 22) for x, y in _SPOTS[9:12]]
    cases.append(("cotton_wool", paint(base, cws), cws, {"icdr_min": 2, "referable": True}))
    return cases


def with_real_microaneurysms(photo: np.ndarray, at: tuple[int, int] = (950, 450)) -> np.ndarray:
    """The real diabetic crop's contrast (its two microaneurysms and vessels) blended
    into the green and red channels of the normal photo at ``at`` (x, y): real lesions,
    SYNTHETIC composition."""
    from scipy import ndimage as ndi

    crop = microaneurysm_crop().astype(np.float32)
    rel = crop / ndi.gaussian_filter(crop, 12)
    out = photo.astype(np.float32)
    x, y = at
    h, w = rel.shape
    out[y : y + h, x : x + w, 1] *= rel
    out[y : y + h, x : x + w, 0] *= rel**0.5
    return np.clip(out, 0, 255).astype(np.uint8)


def found_painted(result: dict, painted: list[Painted], tolerance: float = 6.0) -> list[bool]:
    """For each painted lesion: was a candidate of the same family (red/bright) found
    within its radius + ``tolerance`` pixels?"""
    red = {"microaneurysm", "haemorrhage"}
    out = []
    for les in painted:
        want_red = les.type in red
        hit = any(
            (c["type"] in red) == want_red
            and np.hypot(c["x"] - les.x, c["y"] - les.y) <= les.radius + tolerance
            for c in result.get("lesions", [])
        )
        out.append(hit)
    return out


def write_visit(
    out,
    patient_id: str = "FUNDUS-DEMO-1",
    name: str = "DEMO Fundus Patient",
    both_fields: bool = False,
):
    """SYNTHETIC two-eye visit on disk as camera photos with sidecars (same patient and
    date): OD = the real photo mirrored with painted haemorrhages and an exudate by the
    fovea (referable, DME), OS = the real normal photo; plus a prior OS photo a year
    earlier; with ``both_fields`` also a disc-centred field of each eye (``disc_centred``
    around the disc the analysis finds).  Returns the file paths."""
    import json
    from pathlib import Path

    from PIL import Image

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    base = normal_photo()
    mirrored = np.ascontiguousarray(base[:, ::-1])
    w = base.shape[1]
    lesions = [
        Painted("haemorrhage", w - x, y, r)
        for (x, y), r in zip(_SPOTS[:4], (9, 11, 8, 12), strict=True)
    ]
    lesions += [Painted("hard_exudate", w - 760, 700, 5), Painted("microaneurysm", w - 600, 820, 3)]
    files = []
    right = paint(mirrored, lesions)
    photos = [
        ("visit_OD", right, "R", "2026-11-18T09:30:00"),
        ("visit_OS", base, "L", "2026-11-18T09:31:00"),
        ("prior_OS", (base * 0.94).astype(np.uint8), "L", "2025-11-10T10:00:00"),
    ]
    if both_fields:
        from inference.fundus.anatomy import anatomy
        from inference.fundus.image import prepare

        p = prepare(base)
        a = anatomy(p)
        d = {"centre": [v / p.scale for v in a.disc], "diameter_px": a.disc_diameter / p.scale}
        d_right = dict(d, centre=[w - 1 - d["centre"][0], d["centre"][1]])
        photos += [
            ("disc_OD", disc_centred(right, d_right), "R", "2026-11-18T09:32:00"),
            ("disc_OS", disc_centred(base, d), "L", "2026-11-18T09:33:00"),
        ]
    for stem, pixels, side, when in photos:
        path = out / f"{stem}.png"
        Image.fromarray(pixels).save(path)
        meta = {
            "patient_id": patient_id,
            "patient_name": name,
            "study_time": when,
            "description": "Fundus photo (SYNTHETIC lesions on a real photo)"
            if side == "R"
            else "Fundus photo (real, scikit-image retina.jpg)"
            if stem != "disc_OS"
            else "Fundus photo (SYNTHETIC disc field cut from a real photo)",
            "extra": {"laterality": side},
        }
        path.with_name(path.name + ".json").write_text(json.dumps(meta), "utf-8")
        files.append(path)
    return files


def enlarged_cup(photo: np.ndarray, disc: dict, vertical: float = 0.8) -> np.ndarray:
    """SYNTHETIC glaucomatous-looking disc: a pale vertical oval (``vertical`` disc
    diameters tall, 0.64 as wide) painted over the real disc found by the analysis
    (``disc``: the result's ``{"centre", "diameter_px"}``)."""
    from scipy import ndimage as ndi

    (cx, cy), dd = disc["centre"], disc["diameter_px"]
    h, w = photo.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    e = ((xx - cx) / (dd * vertical * 0.4)) ** 2 + ((yy - cy) / (dd * vertical * 0.5)) ** 2
    m = ndi.gaussian_filter(np.clip(1.3 - e, 0, 1), 3)[..., None] * 0.8
    pale = np.array([255, 235, 200], np.float32)
    return (photo * (1 - m) + pale * m).astype(np.uint8)


def disc_centred(photo: np.ndarray, disc: dict) -> np.ndarray:
    """SYNTHETIC disc-centred field from the real macula-centred photo: the largest
    circle around the real disc that stays inside the camera's field, cropped and
    enlarged 2x (a narrower field, as a disc photo of the same eye)."""
    from PIL import Image

    (dx, dy), dd = disc["centre"], disc["diameter_px"]
    h, w = photo.shape[:2]
    cx, cy = dx + 0.3 * dd * np.sign(w / 2 - dx), dy  # just temporal of the disc
    r = int(min(w, h) / 2 - np.hypot(cx - w / 2, cy - h / 2) - 0.15 * dd)
    x0, y0 = int(cx) - r, int(cy) - r
    crop = photo[max(0, y0) : y0 + 2 * r, max(0, x0) : x0 + 2 * r].copy()
    yy, xx = np.mgrid[0 : crop.shape[0], 0 : crop.shape[1]]
    crop[np.hypot(xx + max(0, x0) - cx, yy + max(0, y0) - cy) > r] = 0
    size = (int(crop.shape[1] * 1.4), int(crop.shape[0] * 1.4))
    return np.asarray(Image.fromarray(crop).resize(size, Image.Resampling.BICUBIC))
