"""Decode one frame of a series into modality values (HU) or RGB (Qt-free).

Uncompressed little/big-endian frames are read straight from their byte
offset (found when the header was read); everything else goes through
pydicom's decoders (pylibjpeg, -libjpeg, -openjpeg, -rle plugins: JPEG
baseline/extended/lossless, JPEG-LS, JPEG 2000, RLE; deflate) one frame at a
time.  YBR is converted here per frame, never the whole multi-frame file at
once (pydicom #2226: 120 frames of 640x480 take 2.5 s and 330 MB of
temporaries at once, one frame ~10 ms); PALETTE COLOR goes through its LUT; MONOCHROME1 is kept
as values (the viewer inverts).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from app.imaging.headers import NATIVE, FileHead, FrameRef
from app.readers.base import ReadError
from app.readers.reasons import ReadReason

YBR = ("YBR_FULL", "YBR_FULL_422")


def _native_dtype(head: FileHead) -> np.dtype | None:
    if head.bits_allocated not in (8, 16, 32) or head.samples not in (1, 3):
        return None
    if head.samples == 3 and head.bits_allocated != 8:
        return None
    if head.photometric == "YBR_FULL_422":  # subsampled layout: leave it to pydicom
        return None
    if NATIVE[head.transfer_syntax] == ">" and head.bits_allocated == 8:
        return None  # big endian OW: 8-bit samples swapped in 16-bit words; pydicom knows
    if head.modality_lut:
        return None  # a Modality LUT sequence: pydicom applies it
    kind = "i" if head.signed else "u"
    return np.dtype(f"{NATIVE[head.transfer_syntax]}{kind}{head.bits_allocated // 8}")


def stored_frame(frame: FrameRef) -> np.ndarray:
    """Stored values of one frame: (rows, cols) or (rows, cols, 3) (palette applied)."""
    head = frame.head
    dtype = _native_dtype(head) if head.pixel_offset is not None else None
    arr = _native_frame(frame, dtype) if dtype is not None else _pydicom_frame(frame)
    if head.photometric == "PALETTE COLOR" and arr.ndim == 2:
        from app.readers.dicom_io import palette_rgb

        return palette_rgb(arr, _header(head))
    return arr


_HEADERS: OrderedDict[Path, object] = OrderedDict()
_HEADERS_LOCK = threading.Lock()


def _header(head: FileHead):
    """The file's header (pixels not read); the last few are kept for multi-frame files."""
    from app.imaging.headers import read_header

    with _HEADERS_LOCK:
        if head.path in _HEADERS:
            _HEADERS.move_to_end(head.path)
            return _HEADERS[head.path]
    try:
        ds = read_header(head.path, stop_before_pixels=True)[0]
    except ReadError as err:
        raise ReadError(f"{head.path.name}: {err}", err.kind, err.reason) from err
    if head.frames > 1:
        with _HEADERS_LOCK:
            _HEADERS[head.path] = ds
            while len(_HEADERS) > 4:
                _HEADERS.popitem(last=False)
    return ds


def _native_frame(frame: FrameRef, dtype: np.dtype) -> np.ndarray:
    head = frame.head
    count = head.rows * head.columns * head.samples
    offset = head.pixel_offset + (frame.index or 0) * count * dtype.itemsize
    try:
        with open(head.path, "rb") as fp:
            fp.seek(offset)
            buf = fp.read(count * dtype.itemsize)
    except OSError as err:
        raise ReadError(
            f"{head.path.name}: cannot read: {err}",
            reason=ReadReason("cannot_read", name=head.path.name),
        ) from err
    if len(buf) < count * dtype.itemsize:
        raise ReadError(
            f"{head.path.name}: the file ends inside the pixel data",
            "truncated",
            ReadReason("pixels_truncated"),
        )
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


# below this size a file whose pixel data cannot be streamed is read whole
# (pydicom's whole-dataset path tolerates a damaged basic offset table)
WHOLE_FILE_LIMIT = 256 * 2**20


def _pydicom_frame(frame: FrameRef) -> np.ndarray:
    from app.readers.dicom_io import frame_pixels

    head = frame.head
    ds = _header(head)
    try:
        if not head.forced:
            return frame_pixels(head.path, ds, frame.index)
    except ReadError as err:
        if head.path.stat().st_size > WHOLE_FILE_LIMIT:
            raise ReadError(f"{head.path.name}: {err}", err.kind, err.reason) from err
        first = err
    else:
        first = None
    try:
        return _whole_file_frame(head, frame.index)
    except ReadError as err:
        cause = first or err
        raise ReadError(f"{head.path.name}: {cause}", cause.kind, cause.reason) from err


def _whole_file_frame(head: FileHead, index: int | None) -> np.ndarray:
    from pydicom.pixels import pixel_array

    from app.imaging.headers import read_header
    from app.readers.dicom_io import _DAMAGED, _damaged

    ds, forced = read_header(head.path)
    if forced:
        from pydicom.dataset import FileMetaDataset

        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = head.transfer_syntax
    try:
        return pixel_array(ds, index=index)
    except (MemoryError, *_DAMAGED) as err:
        raise _damaged(err, "image pixels", ds) from err


def _ybr_to_rgb(arr: np.ndarray) -> np.ndarray:
    """YBR_FULL -> RGB for one frame (pydicom's conversion, but never a whole file at once)."""
    from pydicom.pixels import convert_color_space

    return convert_color_space(arr, "YBR_FULL", "RGB")


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
        raise ReadError(
            f"{frame.path.name}: colour frame in a grey series",
            "corrupt",
            ReadReason("frame_size_differs"),
        )
    if frame.head.modality_lut:
        from app.readers.dicom_io import modality_values

        return modality_values(arr, _header(frame.head))
    if frame.slope == 1.0 and frame.intercept == 0.0:
        return arr
    return arr.astype(np.float32) * np.float32(frame.slope) + np.float32(frame.intercept)


def modality_into(frame: FrameRef, out: np.ndarray, rgb: bool) -> None:
    """``modality_frame`` written into ``out`` (a slice of the volume) with as few
    temporaries as possible: an uncompressed grey frame is read straight into it, and an
    integral rescale (CT: slope 1, intercept -1024) is done in the volume's integers (the
    volume's type was chosen so that the results fit: the sums wrap back into range)."""
    head = frame.head
    slope, intercept = float(frame.slope), float(frame.intercept)
    if rgb or out.dtype.kind != "i" or head.modality_lut or head.photometric == "PALETTE COLOR":
        _put(frame, out, modality_frame(frame, rgb))
        return
    if not (slope.is_integer() and intercept.is_integer()):
        _put(frame, out, modality_frame(frame, rgb))
        return
    dtype = _native_dtype(head) if head.pixel_offset is not None else None
    if dtype is not None and head.samples == 1 and dtype == out.dtype and out.flags.c_contiguous:
        _native_into(frame, dtype, out)
    else:
        arr = stored_frame(frame)
        if arr.ndim != 2:
            raise ReadError(
                f"{frame.path.name}: colour frame in a grey series",
                "corrupt",
                ReadReason("frame_size_differs"),
            )
        _put(frame, out, arr)  # wraps into the volume's type; the rescale below unwraps
    if slope != 1.0:
        out *= out.dtype.type(int(slope))
    if intercept:
        out += out.dtype.type(int(intercept))


def _put(frame: FrameRef, out: np.ndarray, pixels: np.ndarray) -> None:
    if pixels.shape != out.shape:
        raise ReadError(
            f"size {pixels.shape} differs from the series",
            "corrupt",
            ReadReason("frame_size_differs"),
        )
    out[...] = pixels


def _native_into(frame: FrameRef, dtype: np.dtype, out: np.ndarray) -> None:
    """An uncompressed frame read from its offset straight into ``out`` (no copy)."""
    head = frame.head
    if out.shape != (head.rows, head.columns):
        raise ReadError(
            f"size {(head.rows, head.columns)} differs from the series",
            "corrupt",
            ReadReason("frame_size_differs"),
        )
    size = out.size * dtype.itemsize
    offset = head.pixel_offset + (frame.index or 0) * size
    try:
        with open(head.path, "rb") as fp:
            fp.seek(offset)
            got = fp.readinto(memoryview(out).cast("B"))
    except OSError as err:
        raise ReadError(
            f"{head.path.name}: cannot read: {err}",
            reason=ReadReason("cannot_read", name=head.path.name),
        ) from err
    if got < size:
        raise ReadError(
            f"{head.path.name}: the file ends inside the pixel data",
            "truncated",
            ReadReason("pixels_truncated"),
        )
    unused = head.bits_allocated - head.bits_stored
    if 0 < unused < head.bits_allocated:  # signed (the volume's type): sign-extend
        out <<= unused
        out >>= unused


def value_range(head: FileHead, slope: float, intercept: float) -> tuple[float, float]:
    """The modality values the stored bits can hold."""
    bits = max(1, min(head.bits_stored, 32))
    lo, hi = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if head.signed else (0, 2**bits - 1)
    a, b = lo * slope + intercept, hi * slope + intercept
    return min(a, b), max(a, b)
