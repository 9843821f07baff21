"""Decode one frame of a series into modality values (HU) or RGB (Qt-free).

Uncompressed little/big-endian frames are read straight from their byte
offset (found when the header was read); everything else goes through
pydicom's decoders (pylibjpeg, -libjpeg, -openjpeg, -rle plugins: JPEG
baseline/extended/lossless, JPEG-LS, JPEG 2000, RLE; deflate) one frame at a
time.  YBR is converted here per frame, never the whole multi-frame file at
once (pydicom #2226); PALETTE COLOR goes through its LUT; MONOCHROME1 is kept
as values (the viewer inverts).
"""

from __future__ import annotations

import numpy as np

from app.imaging.headers import NATIVE, FileHead, FrameRef
from app.readers.base import ReadError

YBR = ("YBR_FULL", "YBR_FULL_422")


def _native_dtype(head: FileHead) -> np.dtype | None:
    if head.bits_allocated not in (8, 16, 32) or head.samples not in (1, 3):
        return None
    if head.samples == 3 and head.bits_allocated != 8:
        return None
    if head.photometric == "YBR_FULL_422":  # subsampled layout: leave it to pydicom
        return None
    kind = "i" if head.signed else "u"
    return np.dtype(f"{NATIVE[head.transfer_syntax]}{kind}{head.bits_allocated // 8}")


def stored_frame(frame: FrameRef) -> np.ndarray:
    """Stored values of one frame: (rows, cols) or (rows, cols, 3)."""
    head = frame.head
    dtype = _native_dtype(head) if head.pixel_offset is not None else None
    if dtype is None:
        return _pydicom_frame(frame)
    count = head.rows * head.columns * head.samples
    offset = head.pixel_offset + (frame.index or 0) * count * dtype.itemsize
    try:
        with open(head.path, "rb") as fp:
            fp.seek(offset)
            buf = fp.read(count * dtype.itemsize)
    except OSError as err:
        raise ReadError(f"{head.path.name}: cannot read: {err}") from err
    if len(buf) < count * dtype.itemsize:
        raise ReadError(f"{head.path.name}: the file ends inside the pixel data", "truncated")
    arr = np.frombuffer(buf, dtype=dtype)
    if head.samples == 3:
        if head.planar == 1:
            arr = arr.reshape(3, head.rows, head.columns).transpose(1, 2, 0)
        else:
            arr = arr.reshape(head.rows, head.columns, 3)
        return _ybr_to_rgb(arr) if head.photometric in YBR else arr
    arr = arr.reshape(head.rows, head.columns).astype(dtype.newbyteorder("="), copy=False)
    unused = head.bits_allocated - head.bits_stored
    if 0 < unused < head.bits_allocated:
        if head.signed:
            arr = (arr << unused) >> unused  # sign-extend the stored bits
        else:
            arr = arr & np.array((1 << head.bits_stored) - 1, dtype=arr.dtype)
    return arr


def _pydicom_frame(frame: FrameRef) -> np.ndarray:
    from app.readers.dicom_io import frame_pixels, read_dicom

    head = frame.head
    try:
        if head.photometric in YBR and head.transfer_syntax in NATIVE:
            ds = read_dicom(head.path, stop_before_pixels=True)
            arr = _raw_frame(head, ds, frame.index)
            return _ybr_to_rgb(arr)
        ds = read_dicom(head.path, stop_before_pixels=True)
        arr = frame_pixels(head.path, ds, frame.index)
    except ReadError as err:
        raise ReadError(f"{head.path.name}: {err}", err.kind) from err
    if head.photometric == "PALETTE COLOR":
        from app.readers.dicom_io import palette_rgb

        return palette_rgb(arr, ds)
    return arr


def _raw_frame(head: FileHead, ds, index: int | None) -> np.ndarray:
    """A native YBR frame without pydicom's colour conversion (we convert it, per frame)."""
    from pydicom.pixels import pixel_array

    from app.readers.dicom_io import _DAMAGED, _damaged

    try:
        with open(head.path, "rb") as fp:
            return pixel_array(fp, index=index, raw=True)
    except (MemoryError, *_DAMAGED) as err:
        raise _damaged(err, "image pixels") from err


def _ybr_to_rgb(arr: np.ndarray) -> np.ndarray:
    """YBR_FULL -> RGB (PS3.3 C.7.6.3.1.2) in float32, one frame."""
    ybr = arr.astype(np.float32)
    y, cb, cr = ybr[..., 0], ybr[..., 1] - 128.0, ybr[..., 2] - 128.0
    out = np.empty(arr.shape, np.float32)
    out[..., 0] = y + 1.402 * cr
    out[..., 1] = y - 0.344136 * cb - 0.714136 * cr
    out[..., 2] = y + 1.772 * cb
    return np.clip(out, 0, 255, out=out).astype(np.uint8)


def modality_frame(frame: FrameRef, rgb: bool) -> np.ndarray:
    """One frame as the volume stores it: modality values (float) or RGB uint8."""
    arr = stored_frame(frame)
    if rgb:
        if arr.ndim == 2:  # a grey frame in a colour series
            arr = np.repeat(arr[..., None], 3, axis=2)
        if arr.dtype != np.uint8:
            arr = (arr // 257).astype(np.uint8) if arr.max() > 255 else arr.astype(np.uint8)
        return arr
    if arr.ndim != 2:
        raise ReadError(f"{frame.path.name}: colour frame in a grey series", "corrupt")
    if frame.slope == 1.0 and frame.intercept == 0.0:
        return arr
    return arr.astype(np.float32) * np.float32(frame.slope) + np.float32(frame.intercept)


def value_range(head: FileHead, slope: float, intercept: float) -> tuple[float, float]:
    """The modality values the stored bits can hold."""
    bits = max(1, min(head.bits_stored, 32))
    lo, hi = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if head.signed else (0, 2**bits - 1)
    a, b = lo * slope + intercept, hi * slope + intercept
    return min(a, b), max(a, b)
