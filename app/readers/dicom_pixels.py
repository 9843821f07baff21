"""Decode one frame of a DICOM image into a ``LoadedImage`` (Qt-free)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.readers.base import ReadError
from app.readers.images import LoadedImage


def decode_frame(path: Path, index: int | None = None, state=None) -> LoadedImage:
    """Frame ``index`` of a multi-frame file (None: its middle frame, or the only one)."""
    from app.readers.dicom_io import (
        frame_geometry,
        frame_pixels,
        modality_values,
        palette_rgb,
        read_dicom,
    )

    # every failure below is a ReadError (app.readers.dicom_io guards pydicom)
    ds = read_dicom(path, stop_before_pixels=True)
    frames, _size = frame_geometry(ds, Path(path).stat().st_size)
    if frames > 1 and index is None:
        index = frames // 2
    if state is not None:
        state.progress(0.3)
    arr = frame_pixels(path, ds, index if frames > 1 else None)
    if state is not None:
        state.check()
    photometric = str(ds.get("PhotometricInterpretation", ""))
    laterality = str(ds.get("ImageLaterality", "") or ds.get("Laterality", "") or "")
    info = {
        "rows": int(ds.get("Rows", 0) or 0),
        "columns": int(ds.get("Columns", 0) or 0),
        "photometric": photometric,
        "spacing": pixel_spacing(ds),
        "frames": frames,
        "camera": " ".join(
            str(ds.get(k, "") or "").strip() for k in ("Manufacturer", "ManufacturerModelName")
        ).strip(),
    }
    fov = _field_of_view(ds)
    if fov:
        info["field_of_view_deg"] = fov
    if arr.ndim == 3 and arr.shape[-1] == 3:
        return LoadedImage(
            np.ascontiguousarray(arr, dtype=np.uint8),
            True,
            (128, 256),
            laterality=laterality,
            info=info,
        )
    if photometric == "PALETTE COLOR":
        rgb = palette_rgb(arr, ds)
        return LoadedImage(
            np.ascontiguousarray(rgb), True, (128, 256), laterality=laterality, info=info
        )
    values = modality_values(arr, ds)
    if values.ndim != 2:
        raise ReadError(f"unexpected image shape {values.shape}", "corrupt")
    window = default_window(ds, values)
    return LoadedImage(
        values, False, window, invert=photometric == "MONOCHROME1", laterality=laterality, info=info
    )


def pixel_spacing(ds) -> list[float]:
    """Pixel spacing in mm, or [] when the file gives none that is usable."""
    value = ds.get("PixelSpacing", ds.get("ImagerPixelSpacing", []))
    try:
        out = [float(v) for v in value]
    except (TypeError, ValueError):
        return []
    return out if len(out) == 2 and all(0 < v < 1e4 for v in out) else []


def default_window(ds, values: np.ndarray) -> tuple[float, float]:
    """The file's window when it fits the data, else the 0.5-99.5 percentile range.

    Some CR files carry a window spanning the whole detector range (e.g. W 30000),
    which shows a flat grey image.
    """
    lo, hi = np.percentile(values[::4, ::4], [0.5, 99.5])
    data_width = float(max(hi - lo, 1.0))
    wc, ww = ds.get("WindowCenter"), ds.get("WindowWidth")
    if wc is None and "SharedFunctionalGroupsSequence" in ds:  # enhanced multi-frame objects
        try:
            voi = ds.SharedFunctionalGroupsSequence[0].FrameVOILUTSequence[0]
            wc, ww = voi.get("WindowCenter"), voi.get("WindowWidth")
        except (AttributeError, IndexError, KeyError):
            pass
    try:
        if wc is not None and ww is not None:
            c = float(wc[0] if hasattr(wc, "__len__") and not isinstance(wc, str) else wc)
            w = float(ww[0] if hasattr(ww, "__len__") and not isinstance(ww, str) else ww)
            if 0 < w <= 1.25 * data_width:
                return c, w
    except (TypeError, ValueError):
        pass
    return float((lo + hi) / 2), data_width


def _field_of_view(ds) -> float | None:
    """Horizontal Field of View (0022,000C, degrees) of an ophthalmic photo."""
    try:
        v = float(ds.get((0x0022, 0x000C)).value)
    except (AttributeError, TypeError, ValueError):
        return None
    return v if 5.0 <= v <= 200.0 else None
