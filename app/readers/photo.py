"""Fundus photographs as plain JPEG/PNG (ophthalmic photography, OP).

Laterality comes from the sidecar JSON (``{"extra": {"laterality": "R"}}``)
or from the file name (``_OD``/``_OS``, ``_R``/``_L``, ``right``/``left``).
"""

from __future__ import annotations

import re
from pathlib import Path

from app.domain import Modality
from app.readers.base import Reader, ReadError, StudyMeta, apply_sidecar, register, sidecar

JPEG = b"\xff\xd8\xff"
PNG = b"\x89PNG\r\n\x1a\n"


def laterality_from_name(name: str) -> str:
    stem = name.lower()
    if re.search(r"(^|[_\-. ])(od|r|right)([_\-. ]|$)", stem):
        return "R"
    if re.search(r"(^|[_\-. ])(os|l|left)([_\-. ]|$)", stem):
        return "L"
    return ""


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
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(path) as im:
                im.verify()
            with Image.open(path) as im:
                im.load()  # decodes: catches truncated files that verify() lets through
                width, height = im.size
                mode = im.mode
        except (UnidentifiedImageError, OSError, SyntaxError) as err:
            raise ReadError(f"image file is truncated or corrupt: {err}", "corrupt") from err
        meta = StudyMeta(
            modality=Modality.OP,
            patient_id="",
            description="Fundus photograph",
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
