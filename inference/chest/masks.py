"""Each nodule's mask kept compactly with the AI result (Qt-free).

The pre-read's masks are what the DICOM SEG needs; keeping them saves finding
the nodules again when the doctor stores the reviewed nodules with the case.
A mask is its bounding box in the volume (z, y, x start and stop) plus the
mask's bits inside the box, packed (``numpy.packbits``), deflated (zlib) and
base64-encoded: a 10 mm nodule at 1.4 mm spacing takes a few hundred bytes.
They travel in the result's ``details["masks"]`` (``{"shape": volume (z, y, x),
"nodules": {id: {"box": [[z0, z1], [y0, y1], [x0, x1]], "bits": str}}}``), so
the server and the specialist's workstation get them with the result.
"""

from __future__ import annotations

import base64
import zlib

import numpy as np

KEY = "masks"
MAX_BOX_VOXELS = 2_000_000  # a nodule box larger than this is not a nodule's: refused


class MaskError(ValueError):
    pass


def encode(box, mask: np.ndarray) -> dict:
    """One nodule's (box, mask in box) as plain JSON."""
    mask = np.asarray(mask, bool)
    bounds = [[int(s.start), int(s.stop)] for s in box]
    if [b - a for a, b in bounds] != list(mask.shape):
        raise MaskError(f"mask shape {mask.shape} does not fit its box {bounds}")
    bits = zlib.compress(np.packbits(mask.ravel()).tobytes(), 9)
    return {"box": bounds, "bits": base64.b64encode(bits).decode("ascii")}


def decode(entry: dict) -> tuple[tuple[slice, slice, slice], np.ndarray]:
    """(box, mask in box) back from ``encode``'s JSON; ``MaskError`` when it is damaged."""
    try:
        bounds = [(int(a), int(b)) for a, b in entry["box"]]
        shape = tuple(b - a for a, b in bounds)
        if len(shape) != 3 or min(shape) <= 0 or min(a for a, _b in bounds) < 0:
            raise MaskError(f"bad box {bounds}")
        n = int(np.prod(shape))
        if n > MAX_BOX_VOXELS:
            raise MaskError(f"box of {n} voxels is too large for a nodule")
        raw = zlib.decompressobj().decompress(base64.b64decode(entry["bits"]), (n + 7) // 8 + 1)
        packed = np.frombuffer(raw, np.uint8)
        if packed.size != (n + 7) // 8:
            raise MaskError("mask bits do not fit the box")
        mask = np.unpackbits(packed, count=n).astype(bool).reshape(shape)
    except MaskError:
        raise
    except (KeyError, TypeError, ValueError, zlib.error) as e:
        raise MaskError(f"damaged nodule mask: {e}") from e
    return tuple(slice(a, b) for a, b in bounds), mask


def encode_all(shape, ids: list[int], masks: list) -> dict:
    """``details["masks"]`` for the nodules ``ids`` and their (box, mask) pairs."""
    return {
        "shape": [int(v) for v in shape[:3]],
        "nodules": {str(i): encode(box, m) for i, (box, m) in zip(ids, masks, strict=True)},
    }


def kept_masks(details: dict, ids: list[int], shape) -> list | None:
    """The (box, mask) of each nodule in ``ids`` from a result's details, or None
    when the result keeps none (older results) or not for this volume's shape.
    A damaged entry raises ``MaskError``."""
    kept = (details or {}).get(KEY)
    if not isinstance(kept, dict) or not isinstance(kept.get("nodules"), dict):
        return None
    if list(kept.get("shape", [])) != [int(v) for v in shape[:3]]:
        return None
    out = []
    for i in ids:
        entry = kept["nodules"].get(str(i))
        if entry is None:
            return None
        box, mask = decode(entry)
        if any(s.stop > n for s, n in zip(box, shape[:3], strict=True)):
            raise MaskError(f"nodule {i}'s box lies outside the volume")
        out.append((box, mask))
    return out
