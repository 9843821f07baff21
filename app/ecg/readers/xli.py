"""Philips XLI waveform decompression (Sierra / PageWriter ECG XML), Qt-free.

The Base64 payload is a run of chunks, one per lead: an 8-byte header
(little-endian int32 payload size, 2 reserved bytes, int16 first sample)
then LZW data with 10-bit codes read most-significant bit first.  The LZW
output holds the high bytes of every value, then the low bytes; the values are
second differences (offset by 64) that integrate back to the samples.

Every length is bounded: a chunk larger than what is left, an LZW code that
was never defined or a lead longer than the file says are damage, not data.
"""

from __future__ import annotations

import numpy as np

from app.readers.base import ReadError
from app.readers.reasons import ReadReason

CODE_BITS = 10
MAX_CODE = (1 << CODE_BITS) - 2
MAX_CHUNKS = 16


def lzw_decode(data: bytes, limit: int) -> bytes:
    """LZW-decode ``data`` (10-bit codes, no reset); at most ``limit`` bytes."""
    bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8))
    n = bits.size // CODE_BITS
    weights = 1 << np.arange(CODE_BITS - 1, -1, -1)
    codes = (bits[: n * CODE_BITS].reshape(n, CODE_BITS) * weights).sum(axis=1).tolist()
    table = [bytes([i]) for i in range(256)]
    out = bytearray()
    prev = b""
    for code in codes:
        if code > MAX_CODE:
            break
        if code < len(table):
            entry = table[code]
        elif code == len(table) and prev:
            entry = prev + prev[:1]
        else:
            raise ReadError(
                "the XLI waveform data is damaged (undefined LZW code)",
                "corrupt",
                ReadReason("waveform_damaged"),
            )
        if prev and len(table) <= MAX_CODE:
            table.append(prev + entry[:1])
        out += entry
        if len(out) > limit:
            raise ReadError(
                "the XLI waveform data decodes longer than the file says",
                "corrupt",
                ReadReason("waveform_damaged"),
            )
        prev = entry
    return bytes(out)


def undelta(values: np.ndarray, first: int) -> np.ndarray:
    """Integrate XLI second differences: y[i] = 2 y[i-1] - y[i-2] - e[i]."""
    v = values.astype(np.int64)
    if v.size < 3:
        return v
    e = np.empty(v.size - 2, dtype=np.int64)
    e[0] = first
    e[1:] = v[2:-1] - 64
    step = (v[1] - v[0]) - np.cumsum(e)
    out = np.empty_like(v)
    out[:2] = v[:2]
    out[2:] = v[1] + np.cumsum(step)
    return out


def xli_decode(payload: bytes, n_leads: int, n_samples: int) -> list[np.ndarray]:
    """The leads in an XLI payload, each cut to ``n_samples`` values (int64)."""
    leads: list[np.ndarray] = []
    offset = 0
    limit = 2 * n_samples + 64
    while offset + 8 <= len(payload) and len(leads) < min(n_leads, MAX_CHUNKS):
        size = int.from_bytes(payload[offset : offset + 4], "little", signed=True)
        first = int.from_bytes(payload[offset + 6 : offset + 8], "little", signed=True)
        offset += 8
        if size < 0 or size > len(payload) - offset:
            raise ReadError(
                f"XLI lead {len(leads) + 1}: chunk of {size} bytes but only "
                f"{len(payload) - offset} left (truncated or damaged)",
                "truncated",
                ReadReason("waveform_truncated"),
            )
        raw = lzw_decode(payload[offset : offset + size], limit)
        offset += size
        if len(raw) % 2:
            raw += b"\x00"
        half = len(raw) // 2
        buf = np.frombuffer(raw, dtype=np.uint8)
        packed = (buf[:half].astype(np.uint16) << 8) | buf[half : 2 * half]
        lead = undelta(packed.view(np.int16), first)
        if np.abs(lead).max(initial=0) > 32767:
            raise ReadError(
                f"XLI lead {len(leads) + 1} decodes out of range (damaged)",
                "corrupt",
                ReadReason("waveform_damaged"),
            )
        leads.append(lead[:n_samples])
    if len(leads) < n_leads:
        raise ReadError(
            f"the XLI waveform data holds {len(leads)} of {n_leads} leads",
            "truncated",
            ReadReason("waveform_damaged"),
        )
    return leads


def rebuild_limb_leads(leads: list[np.ndarray]) -> None:
    """XLI stores III, aVR, aVL, aVF as residuals from I and II; restore them in place."""
    i, ii = leads[0], leads[1]
    n = min(len(x) for x in leads[:6])
    i, ii = i[:n], ii[:n]
    iii = ii - i - leads[2][:n]
    leads[2] = iii
    leads[3] = -leads[3][:n] - (i + ii) // 2
    leads[4] = (i - iii) // 2 - leads[4][:n]
    leads[5] = (ii + iii) // 2 - leads[5][:n]
