"""Qt-free pixel loading and windowing for 2D DICOM images."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from app.readers import ReadError


@dataclass
class LoadedImage:
    pixels: np.ndarray  # float32 (rows, cols) for grey, uint8 (rows, cols, 3) for colour
    rgb: bool
    window: tuple[float, float]  # centre, width (grey only)
    invert: bool = False  # MONOCHROME1
    laterality: str = ""
    info: dict = field(default_factory=dict)


def load_image(path, state=None) -> LoadedImage:
    import pydicom
    from pydicom.pixels import apply_modality_lut

    try:
        ds = pydicom.dcmread(path)
        if state is not None:
            state.progress(0.3)
        arr = ds.pixel_array
    except Exception as err:  # decoding errors come in many types from many plugins
        raise ReadError(f"the image pixels could not be decoded: {err}") from err
    if state is not None:
        state.check()
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    if frames > 1:
        arr = arr[frames // 2]  # middle frame of a multi-frame object
    photometric = str(ds.get("PhotometricInterpretation", ""))
    laterality = str(ds.get("ImageLaterality", "") or ds.get("Laterality", "") or "")
    info = {
        "rows": int(ds.Rows),
        "columns": int(ds.Columns),
        "photometric": photometric,
        "spacing": [float(v) for v in ds.get("PixelSpacing", ds.get("ImagerPixelSpacing", []))],
    }
    if arr.ndim == 3 and arr.shape[-1] == 3:
        return LoadedImage(
            np.ascontiguousarray(arr, dtype=np.uint8),
            True,
            (128, 256),
            laterality=laterality,
            info=info,
        )
    values = apply_modality_lut(arr, ds).astype(np.float32)
    window = default_window(ds, values)
    return LoadedImage(
        values, False, window, invert=photometric == "MONOCHROME1", laterality=laterality, info=info
    )


def default_window(ds, values: np.ndarray) -> tuple[float, float]:
    """The file's window when it fits the data, else the 0.5-99.5 percentile range.

    Some CR files carry a window spanning the whole detector range (e.g. W 30000),
    which shows a flat grey image.
    """
    lo, hi = np.percentile(values[::4, ::4], [0.5, 99.5])
    data_width = float(max(hi - lo, 1.0))
    wc, ww = ds.get("WindowCenter"), ds.get("WindowWidth")
    try:
        if wc is not None and ww is not None:
            c = float(wc[0] if hasattr(wc, "__len__") and not isinstance(wc, str) else wc)
            w = float(ww[0] if hasattr(ww, "__len__") and not isinstance(ww, str) else ww)
            if 0 < w <= 1.25 * data_width:
                return c, w
    except (TypeError, ValueError):
        pass
    return float((lo + hi) / 2), data_width


def to_display(img: LoadedImage, centre: float, width: float, invert: bool) -> np.ndarray:
    """Grey values -> uint8 through a linear window (DICOM PS3.3 C.11.2.1.2 simplified)."""
    lo = centre - width / 2.0
    out = (img.pixels - lo) * (255.0 / max(width, 1e-6))
    np.clip(out, 0, 255, out=out)
    out = out.astype(np.uint8)
    if invert:
        np.subtract(255, out, out=out)
    return out
