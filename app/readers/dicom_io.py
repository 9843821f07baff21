"""Guarded DICOM reading: the one place pydicom parses and decodes our files.

pydicom raises many exception types on damaged or hostile files (EOFError,
struct and zlib errors, ValueError, LookupError for unknown character sets,
NotImplementedError for unknown transfer syntaxes, RecursionError for deeply
nested sequences, MemoryError for absurd lengths...).  ``read_dicom``,
``frame_pixels`` and the LUT helpers turn each into a ``ReadError`` with a
reason, and a file's claims are checked against ``app.readers.limits``
before anything is allocated:

- element lengths: values are read through a file object that never asks
  for more bytes than the file still holds (a 4 GB length in a 40 kB file
  would otherwise allocate 4 GB before finding the file short);
- deflated datasets: inflated in bounded steps first, refused past the limit
  (a 1 MB zip bomb inflates to gigabytes);
- pixel data (``frame_geometry``): rows x columns x samples x bytes of one
  frame checked before decoding, the number of frames against the file size.
"""

from __future__ import annotations

import io
import math
import os
import struct
import zlib
from pathlib import Path

from app.readers.base import ReadError
from app.readers.limits import reader_limits
from app.readers.reasons import ReadReason

DEFLATED = "1.2.840.10008.1.2.1.99"
INFLATE_STEP = 1 << 24
RATIO_FLOOR = 64 * 2**20  # small datasets may inflate as much as they like
SMALL_READ = 1 << 16  # bytes: the read buffer; reads this short are not clamped


class _ClampedReader(io.BufferedReader):
    """A buffered file whose ``read(n)`` never asks for more than is left.

    Reads up to the buffer size cannot allocate much whatever the file claims, so only
    longer ones are clamped (asking the position of every 2-byte tag read cost a fifth
    of a header's parse)."""

    def __init__(self, path: str | os.PathLike) -> None:
        super().__init__(io.FileIO(os.fspath(path), "rb"), SMALL_READ)
        self._size = os.fstat(self.fileno()).st_size

    def read(self, size: int | None = -1) -> bytes:
        if size is not None and size > SMALL_READ:
            size = min(size, max(0, self._size - self.tell()))
            if size == 0:
                return b""
        return super().read(size)


# What pydicom and its pixel handlers raise on damaged files (found by bench/fuzz_readers.py).
_DAMAGED = (
    EOFError,
    struct.error,
    zlib.error,
    ValueError,  # includes UnicodeError
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    LookupError,  # unknown character set / codec
    OverflowError,
    NotImplementedError,  # unknown transfer syntax
    RuntimeError,  # pixel handlers ("no handler available"), includes RecursionError
)


def _damaged(err: BaseException, what: str, ds=None) -> ReadError:
    from pydicom.errors import InvalidDicomError

    pixels = "pixels" in what
    reason = ReadReason("pixels_damaged" if pixels else "header_damaged")
    if isinstance(err, InvalidDicomError):
        return ReadError(f"not a DICOM file: {err}", "corrupt", ReadReason("not_dicom"))
    if isinstance(err, RecursionError):
        return ReadError(f"DICOM {what}: sequences are nested too deeply", "corrupt", reason)
    if isinstance(err, MemoryError):
        message = f"DICOM {what} claims more memory than this computer has"
        return ReadError(message, "corrupt", reason)
    if pixels and _no_decoder(err):
        reason = ReadReason("compression_unsupported", syntax=_syntax_name(ds))
    return ReadError(f"DICOM {what} is damaged: {type(err).__name__}: {err}", "corrupt", reason)


def _os_reason(err: OSError, name: str) -> ReadReason:
    """An OSError with an errno is the disk's or the system's; pydicom raises one
    without when the data ends early ("No tag to read at file position ...")."""
    if err.errno is None:
        return ReadReason("ends_early")
    return ReadReason("cannot_read", name=name)


def _no_decoder(err: BaseException) -> bool:
    """pydicom has no decoder for the file's compression (not a damaged file)."""
    text = str(err).lower()
    return isinstance(err, NotImplementedError) or (
        isinstance(err, RuntimeError) and ("handler" in text or "decoder" in text)
    )


def _syntax_name(ds) -> str:
    """The transfer syntax's name ("JPEG 2000 Image Compression"), or its UID."""
    meta = getattr(ds, "file_meta", None) or {}
    uid = meta.get("TransferSyntaxUID", "") if hasattr(meta, "get") else ""
    try:
        return str(getattr(uid, "name", "") or uid or "?")
    except Exception:  # a damaged UID value
        return "?"


def _check_deflated(fp: _ClampedReader, limit: int, ratio: int) -> None:
    """Inflate a deflated dataset in steps and refuse it past ``limit`` bytes."""
    from pydicom.filereader import _read_file_meta_info, read_preamble

    fp.seek(0)
    read_preamble(fp, True)
    meta = _read_file_meta_info(fp)
    if str(meta.get("TransferSyntaxUID", "")) != DEFLATED:
        return
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    total = consumed = 0
    data = fp.read(1 << 20)
    while data:
        out = inflater.decompress(data, INFLATE_STEP)
        total += len(out)
        consumed += len(data) - len(inflater.unconsumed_tail)
        if total > limit:
            raise ReadError(
                f"the deflated DICOM dataset inflates to more than {limit // 2**20} MB "
                "(reader limit max_decoded_bytes)",
                "corrupt",
                ReadReason("inflate_bomb"),
            )
        if total > RATIO_FLOOR and total > ratio * max(consumed, 1):
            raise ReadError(
                f"the deflated DICOM dataset inflates more than {ratio} times: a zip bomb, "
                "not a medical image (reader limit max_inflate_ratio)",
                "corrupt",
                ReadReason("inflate_bomb"),
            )
        data = inflater.unconsumed_tail or fp.read(1 << 20)


def _convert_all(ds) -> None:
    """Convert every raw element now, inside the guard.

    pydicom converts an element when it is first accessed, so a damaged value
    (an odd length for US, a bad VR) would otherwise raise later, wherever the
    header is read.  Sequences are walked with a stack, not recursion.
    """
    stack = [ds]
    while stack:
        current = stack.pop()
        for elem in current:  # iteration converts each element
            if elem.VR == "SQ" and elem.value:
                stack.extend(elem.value)


def read_dicom(path: str | os.PathLike, *, stop_before_pixels: bool = False, **kwargs):
    """``pydicom.dcmread`` with every failure as a ``ReadError``."""
    import pydicom
    from pydicom.errors import BytesLengthException, InvalidDicomError

    limits = reader_limits()
    try:
        with _ClampedReader(path) as fp:
            if DEFLATED.encode() in fp.peek(2048)[:2048]:
                _check_deflated(fp, limits.max_decoded_bytes, limits.max_inflate_ratio)
                fp.seek(0)
            ds = pydicom.dcmread(fp, stop_before_pixels=stop_before_pixels, **kwargs)
        if "defer_size" not in kwargs:  # deferred values are read later, by file name
            _convert_all(ds)
    except ReadError:
        raise
    except OSError as err:
        name = Path(path).name
        raise ReadError(f"cannot read {name}: {err}", reason=_os_reason(err, name)) from err
    except (InvalidDicomError, BytesLengthException, MemoryError, *_DAMAGED) as err:
        raise _damaged(err, "file") from err
    ds.filename = os.fspath(path)
    return ds


def header_int(ds, key: str, default: int) -> int:
    """A single integer header value; ``default`` when absent, -1 when it is not one
    (a damaged file may hold text, several values or a list where one number belongs)."""
    try:
        return int(ds.get(key, default) or default)
    except (TypeError, ValueError):
        return -1


def header_number(ds, key: str, default: float, where: str = "") -> float:
    """One finite number from the header; ``default`` when absent, a ``ReadError``
    when the value is there but is not one (text, several values, NaN, 1e999)."""
    value = ds.get(key)
    if value is None or value == "":
        return default
    try:
        out = float(value)
    except (TypeError, ValueError, OverflowError):
        out = math.nan
    if not math.isfinite(out):
        raise ReadError(
            f"{where or 'DICOM header'}: {key} is not a number ({value!r:.40})",
            "corrupt",
            ReadReason("header_damaged"),
        )
    return out


def frame_geometry(ds, file_size: int) -> tuple[int, int]:
    """(frames, bytes of one decoded frame) from the header, checked against the limits."""
    rows, cols = header_int(ds, "Rows", 0), header_int(ds, "Columns", 0)
    spp, bits = header_int(ds, "SamplesPerPixel", 1), header_int(ds, "BitsAllocated", 8)
    frames = header_int(ds, "NumberOfFrames", 1)
    if min(rows, cols, spp, bits, frames) <= 0:
        raise ReadError(
            "the DICOM image header gives no valid size",
            "corrupt",
            ReadReason("image_size_invalid", width=cols, height=rows),
        )
    frame_bytes = rows * cols * spp * ((bits + 7) // 8)
    limit = reader_limits().max_decoded_bytes
    if frame_bytes > limit:
        raise ReadError(
            f"one DICOM frame would decode to {frame_bytes // 2**20} MB, more than the "
            f"{limit // 2**20} MB allowed (reader limit max_decoded_bytes)",
            "corrupt",
            ReadReason("frame_too_large", mb=frame_bytes // 2**20, limit=limit // 2**20),
        )
    if frames > max(1, file_size):  # every frame takes at least a byte of the file
        raise ReadError(
            f"the DICOM header claims {frames} frames in {file_size} bytes",
            "corrupt",
            ReadReason("header_damaged"),
        )
    return frames, frame_bytes


def frame_pixels(path: str | os.PathLike, ds, index: int | None):
    """Decoded pixels of frame ``index`` (None: every frame) of the file ``ds`` was read from."""
    from pydicom.errors import BytesLengthException
    from pydicom.pixels import pixel_array

    meta = getattr(ds, "file_meta", None) or {}
    try:
        if str(meta.get("TransferSyntaxUID", "")) == DEFLATED:
            # pydicom cannot stream-decode a deflated file: decode the whole dataset
            return pixel_array(read_dicom(path), index=index)
        with _ClampedReader(path) as fp:
            return pixel_array(fp, index=index)
    except ReadError:
        raise
    except OSError as err:
        name = Path(path).name
        raise ReadError(f"cannot read {name}: {err}", reason=_os_reason(err, name)) from err
    except (BytesLengthException, MemoryError, *_DAMAGED) as err:
        raise _damaged(err, "image pixels", ds) from err
    except BaseException as err:
        # the Rust RLE decoder (pylibjpeg-rle, pyo3) panics on damaged frames with
        # PanicException, a BaseException that no ``except Exception`` sees
        if type(err).__name__ != "PanicException":
            raise
        raise _damaged(err, "image pixels", ds) from err


def modality_values(arr, ds):
    """Stored values -> modality values (HU...) as float32 (rescale or modality LUT)."""
    import numpy as np
    from pydicom.pixels import apply_modality_lut

    try:
        return apply_modality_lut(arr, ds).astype(np.float32)
    except (MemoryError, *_DAMAGED) as err:
        raise _damaged(err, "modality LUT") from err


def palette_rgb(arr, ds):
    """PALETTE COLOR pixels through the file's colour LUT, as RGB uint8."""
    import numpy as np
    from pydicom.pixels import apply_color_lut

    try:
        rgb = apply_color_lut(arr, ds)
    except (MemoryError, *_DAMAGED) as err:
        raise _damaged(err, "colour palette") from err
    return rgb if rgb.dtype == np.uint8 else (rgb / 257).astype(np.uint8)
