"""Fundus photographs as plain JPEG/PNG (ophthalmic photography, OP).

Laterality comes from the sidecar JSON (``{"extra": {"laterality": "R"}}``)
or from the file name (``_OD``/``_OS``, ``_R``/``_L``, ``right``/``left``).
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.descriptions import described
from app.domain import Modality
from app.readers.base import Reader, ReadError, StudyMeta, apply_sidecar, register, sidecar
from app.readers.limits import reader_limits
from app.readers.reasons import ReadReason

JPEG = b"\xff\xd8\xff"
PNG = b"\x89PNG\r\n\x1a\n"


def laterality_from_name(name: str) -> str:
    stem = name.lower()
    if re.search(r"(^|[_\-. ])(od|r|right)([_\-. ]|$)", stem):
        return "R"
    if re.search(r"(^|[_\-. ])(os|l|left)([_\-. ]|$)", stem):
        return "L"
    return ""


# What PIL raises on damaged or hostile images (found by bench/fuzz_readers.py):
# OSError (incl. UnidentifiedImageError), SyntaxError from header parsers, ValueError
# for text chunks that inflate past PIL's limit, DecompressionBombError...
_DAMAGED = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    zlib.error,
    IndexError,
    KeyError,
    TypeError,
    ZeroDivisionError,
    MemoryError,
)


def _too_large(size: str, limit: int) -> ReadError:
    return ReadError(
        f"the image{size} is larger than the {limit // 1_000_000} million pixels allowed "
        "(reader limit max_image_pixels)",
        "corrupt",
        ReadReason("image_too_large", limit=limit // 1_000_000),
    )


@contextmanager
def open_photo(path: Path) -> Iterator:
    """The PIL image of ``path`` with its size checked against the reader limit.

    Any failure while the block decodes it becomes a ``ReadError``.
    """
    from PIL import Image

    limit = reader_limits().max_image_pixels
    Image.MAX_IMAGE_PIXELS = limit  # PIL's own bomb check follows the same setting
    try:
        with Image.open(path) as im:
            width, height = im.size
            if width <= 0 or height <= 0:
                raise ReadError(
                    f"image has no pixels ({width}x{height})",
                    "corrupt",
                    ReadReason("image_size_invalid", width=width, height=height),
                )
            if width * height > limit:
                raise _too_large(f" ({width}x{height} pixels)", limit)
            yield im
    except ReadError:
        raise
    except Image.DecompressionBombError as err:  # PIL's check, on the same limit
        raise _too_large("", limit) from err
    except _DAMAGED as err:
        raise ReadError(
            f"image file is truncated or corrupt: {err}", "corrupt", ReadReason("pixels_damaged")
        ) from err


def photo_pixels(path: Path):
    """RGB uint8 pixels of a photo (what a viewer or analysis decodes)."""
    import numpy as np

    with open_photo(path) as im:
        return np.asarray(im.convert("RGB"))


def photo_camera(path: Path) -> str:
    """The camera's "make model" from the photo's EXIF (empty when it has none)."""
    try:
        with open_photo(path) as im:
            exif = im.getexif()
            parts = [str(exif.get(tag) or "").strip("\x00 ") for tag in (0x010F, 0x0110)]
    except (ReadError, *_DAMAGED):
        return ""
    return " ".join(p for p in parts if p)[:128]


@register
class FundusPhotoReader(Reader):
    name = "fundus-photo"
    modality = Modality.OP
    extensions = (".jpg", ".jpeg", ".png")

    def examine(self, path: Path, head: bytes) -> float:
        if not (head.startswith(JPEG) or head.startswith(PNG)):
            return 0.0
        side = path.with_name(path.name + ".json")
        if side.exists():
            return 0.9
        return 0.4  # a photo without metadata: most likely a fundus photo in this product

    def read_meta(self, path: Path) -> StudyMeta:
        with open_photo(path) as im:
            im.verify()
        with open_photo(path) as im:
            im.load()  # decodes: catches truncated files that verify() lets through
            width, height = im.size
            mode = im.mode
        meta = StudyMeta(
            modality=Modality.OP,
            patient_id="",
            description=described("fundus_photo"),
            extra={
                "columns": width,
                "rows": height,
                "mode": mode,
                "laterality": laterality_from_name(path.stem),
            },
        )
        return apply_sidecar(meta, sidecar(path))

    def open(self, files: list[Path], **options):
        """The photo as a one-frame ``ImageSource`` (decoded with Pillow on demand)."""
        from app.readers.images import PhotoSource

        return PhotoSource(files[0], laterality_from_name(Path(files[0]).stem))
