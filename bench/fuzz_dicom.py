"""DICOM-aware mutations for the reader fuzz harness.

Deeply nested sequences (raw bytes, undefined lengths), absurd image and
waveform sizes, wrong transfer syntaxes, bogus character sets, odd decimal
strings (huge exponents, NaN), absurd element lengths and a deflate bomb.
"""

from __future__ import annotations

import io
import random
import struct
import zlib

ITEM = struct.pack("<HHI", 0xFFFE, 0xE000, 0xFFFFFFFF)
ITEM_END = struct.pack("<HHI", 0xFFFE, 0xE00D, 0)
SEQ_END = struct.pack("<HHI", 0xFFFE, 0xE0DD, 0)

IMAGE_SIZES = {
    "Rows": (0, 1, 65535),
    "Columns": (0, 1, 65535),
    "NumberOfFrames": ("0", "-1", "2147483647", "99999999999", "1e9", "x"),
    "BitsAllocated": (0, 1, 7, 12, 33, 64, 65535),
    "BitsStored": (0, 17, 64, 65535),
    "HighBit": (0, 65535),
    "SamplesPerPixel": (0, 2, 4, 65535),
    "PixelRepresentation": (2, 65535),
    "PlanarConfiguration": (1, 7),
    "PhotometricInterpretation": ("PALETTE COLOR", "YBR_FULL_422", "RGB", "BOGUS", ""),
    "RescaleSlope": ("1e999", "NaN", "0", "-1e308"),
    "RescaleIntercept": ("1e999", "-inf"),
    "WindowCenter": ("1e999", "NaN"),
    "WindowWidth": ("0", "-1", "1e999", "NaN"),
}
WAVE_SIZES = {
    "NumberOfWaveformChannels": (0, 65535, 1),
    "NumberOfWaveformSamples": (0, 1, 0xFFFFFFFF, 0x7FFFFFFF),
    "SamplingFrequency": ("0", "-500", "1e999", "NaN", "1e-300", "1e300"),
    "WaveformBitsAllocated": (0, 8, 12, 32, 64),
    "WaveformSampleInterpretation": ("SL", "UB", "XX", "MB"),
}
CHANNEL_SIZES = {
    "WaveformBitsStored": (0, 1, 64, 65535),
    "ChannelSensitivity": ("0", "NaN", "1e999", "-1e308"),
    "ChannelSensitivityCorrectionFactor": ("NaN", "1e999", "0"),
    "ChannelBaseline": ("NaN", "1e999"),
    "FilterLowFrequency": ("NaN", "x", "1e999"),
    "NotchFilterFrequency": ("NaN", "1e999", "x"),
}
TRANSFER_SYNTAXES = (
    "1.2.840.10008.1.2",
    "1.2.840.10008.1.2.2",
    "1.2.840.10008.1.2.1.99",
    "1.2.840.10008.1.2.4.50",
    "1.2.840.10008.1.2.4.90",
    "1.2.840.10008.1.2.5",
    "1.2.3.4.5.6",
    "",
)
CHARSETS = ("ISO_IR 999", "UTF-7", "ISO 2022 IR 87", "ISO_IR 192\\GB18030", "\\\\\\", "x" * 64)


def _load(data: bytes):
    import pydicom

    return pydicom.dcmread(io.BytesIO(data), force=True)


def _save(ds) -> bytes:
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=False)
    return buf.getvalue()


def nested_sequence(data: bytes, rng: random.Random) -> bytes:
    """A private SQ nested thousands of items deep, spliced in before (0010,0010)."""
    depth = rng.choice((200, 3000, 50000))
    explicit = b"1.2.840.10008.1.2\x00" not in data[:1024]
    head = struct.pack("<HH", 0x0009, 0x1010) + (
        b"SQ\x00\x00" + struct.pack("<I", 0xFFFFFFFF) if explicit else struct.pack("<I", 0xFFFFFFFF)
    )
    blob = (head + ITEM) * depth + (ITEM_END + SEQ_END) * depth
    at = data.find(struct.pack("<HH", 0x0010, 0x0010))
    if at < 0:
        at = data.find(struct.pack("<HH", 0x0008, 0x0005))
    if at < 0:
        at = min(len(data), 132 + 200)
    return data[:at] + blob + data[at:]


def _set_some(ds, table: dict, rng: random.Random) -> None:
    for key in rng.sample(sorted(table), rng.choice((1, 2, 3))):
        try:
            setattr(ds, key, rng.choice(table[key]))
        except Exception:  # a value pydicom refuses to hold: leave the element as it was
            pass


def absurd_sizes(data: bytes, rng: random.Random) -> bytes:
    """Image/waveform sizes, bit depths and scaling values that lie about the data."""
    try:
        ds = _load(data)
        if "WaveformSequence" in ds:
            group = ds.WaveformSequence[rng.randrange(len(ds.WaveformSequence))]
            if rng.random() < 0.5:
                _set_some(group, WAVE_SIZES, rng)
            else:
                chans = group.get("ChannelDefinitionSequence") or []
                if chans:
                    _set_some(chans[rng.randrange(len(chans))], CHANNEL_SIZES, rng)
        else:
            _set_some(ds, IMAGE_SIZES, rng)
        return _save(ds)
    except Exception:
        return data


def wrong_syntax(data: bytes, rng: random.Random) -> bytes:
    """Declare another transfer syntax (or character set) without re-encoding."""
    try:
        ds = _load(data)
        if rng.random() < 0.5 and ds.file_meta is not None:
            ds.file_meta.TransferSyntaxUID = rng.choice(TRANSFER_SYNTAXES)
            buf = io.BytesIO()
            ds.save_as(buf, enforce_file_format=False, implicit_vr=False, little_endian=True)
            return buf.getvalue()
        ds.SpecificCharacterSet = rng.choice(CHARSETS)
        return _save(ds)
    except Exception:
        return data


def element_length(data: bytes, rng: random.Random) -> bytes:
    """Overwrite the length of a random explicit-VR element with a huge value."""
    out = bytearray(data)
    spots = [
        i
        for i in range(132, min(len(data), 20000) - 8, 2)
        if data[i + 4 : i + 6] in (b"OB", b"OW", b"SQ", b"UN", b"UT", b"LO", b"DS", b"US", b"UL")
    ]
    if not spots:
        return data
    i = rng.choice(spots)
    if data[i + 4 : i + 6] in (b"OB", b"OW", b"SQ", b"UN", b"UT"):
        out[i + 8 : i + 12] = struct.pack("<I", rng.choice((0xFFFFFFFE, 0x7FFFFFFF, 0xFFFFFFF0)))
    else:
        out[i + 6 : i + 8] = struct.pack("<H", rng.choice((0xFFFF, 0xFFFE)))
    return bytes(out)


_BOMBS: dict[int, bytes] = {}


def _bomb(size: int) -> bytes:
    if size not in _BOMBS:
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        zero = b"\0" * 2**22
        _BOMBS[size] = (
            b"".join(comp.compress(zero) for _ in range(size // len(zero))) + comp.flush()
        )
    return _BOMBS[size]


def deflate_bomb(data: bytes, rng: random.Random) -> bytes:
    """Deflated Explicit VR Little Endian whose dataset inflates to gigabytes."""
    from pydicom.filebase import DicomBytesIO
    from pydicom.filewriter import write_file_meta_info

    try:
        ds = _load(data)
        meta = ds.file_meta
        meta.TransferSyntaxUID = "1.2.840.10008.1.2.1.99"
        fp = DicomBytesIO()
        fp.write(b"\0" * 128 + b"DICM")
        write_file_meta_info(fp, meta, enforce_standard=True)
    except Exception:
        return data
    return fp.getvalue() + _bomb(rng.choice((2**28, 2**31)))


DICOM_MUTATIONS = (
    nested_sequence,
    absurd_sizes,
    absurd_sizes,
    wrong_syntax,
    element_length,
    deflate_bomb,
)
