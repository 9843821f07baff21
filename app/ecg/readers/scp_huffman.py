"""SCP-ECG (EN 1064) Huffman decoding and difference reconstruction, Qt-free.

Section 2 either says "use the default table" (19999) or lists tables of
code structures (prefix bits, total bits, mode, base value, base code stored
bit-reversed).  Mode 1 decodes a value (extra bits, when total > prefix, hold
the value itself, two's complement); mode 0 switches to the table numbered by
the base value.  Every count read from the file is checked before use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from app.readers.base import ReadError
from app.readers.reasons import ReadReason

DEFAULT_TABLE = 19999
MAX_TABLES = 64
MAX_CODES = 512


@dataclass(frozen=True)
class Code:
    prefix: int  # bits of the code itself
    total: int  # prefix + bits of an explicit value
    mode: int  # 1: a value, 0: switch to table ``value``
    value: int


def default_table() -> dict[str, Code]:
    """EN 1064 default table: 0 -> '0', +-n (1..8) -> n ones, 0, sign; then
    nine ones and 0 + 8-bit value or 1 + 16-bit value."""
    table = {"0": Code(1, 1, 1, 0)}
    for n in range(1, 9):
        table["1" * n + "00"] = Code(n + 2, n + 2, 1, n)
        table["1" * n + "01"] = Code(n + 2, n + 2, 1, -n)
    table["1" * 9 + "0"] = Code(10, 18, 1, 0)
    table["1" * 9 + "1"] = Code(10, 26, 1, 0)
    return table


_DEFAULT = re.compile(r"(0)|(1{1,8})0([01])|1{9}0([01]{8})|1{9}1([01]{16})")


_RUN = re.compile(r"(?:0|1{1,8}0[01]|1{9}0[01]{8}|1{9}1[01]{16})*")


def _decode_default(bits: str, n_values: int) -> np.ndarray:
    """The default table decoded by regular expressions (C speed, same result):
    the longest run of whole codes from the start, then its codes."""
    whole = bits[: _RUN.match(bits).end()]
    out = []
    add = out.append
    for zero, ones, sign, byte, word in _DEFAULT.findall(whole)[:n_values]:
        if zero:
            add(0)
        elif ones:
            add(-len(ones) if sign == "1" else len(ones))
        else:
            raw = byte or word
            value = int(raw, 2)
            add(value - (1 << len(raw)) if value >= 1 << (len(raw) - 1) else value)
    return np.array(out, dtype=np.int64)


def parse_tables(body: bytes) -> list[dict[str, Code]]:
    """The Huffman tables of section 2 (its data part)."""
    if len(body) < 2:
        raise ReadError(
            "SCP-ECG section 2 is truncated", "truncated", ReadReason("waveform_damaged")
        )
    count = int.from_bytes(body[:2], "little")
    if count == DEFAULT_TABLE:
        return [_DEFAULT_TABLE]
    if not 0 < count <= MAX_TABLES:
        raise ReadError(
            f"SCP-ECG section 2 declares {count} Huffman tables",
            "corrupt",
            ReadReason("waveform_damaged"),
        )
    tables, pos = [], 2
    for _ in range(count):
        if pos + 2 > len(body):
            raise ReadError(
                "SCP-ECG Huffman tables are truncated", "truncated", ReadReason("waveform_damaged")
            )
        n = int.from_bytes(body[pos : pos + 2], "little")
        pos += 2
        if not 0 < n <= MAX_CODES or pos + 9 * n > len(body):
            raise ReadError(
                "SCP-ECG Huffman table is damaged or truncated",
                "corrupt",
                ReadReason("waveform_damaged"),
            )
        table: dict[str, Code] = {}
        for _ in range(n):
            prefix, total, mode = body[pos], body[pos + 1], body[pos + 2]
            value = int.from_bytes(body[pos + 3 : pos + 5], "little", signed=True)
            stored = int.from_bytes(body[pos + 5 : pos + 9], "little")
            pos += 9
            if not 0 < prefix <= 32 or not prefix <= total <= 48:
                raise ReadError(
                    "SCP-ECG Huffman code has impossible lengths",
                    "corrupt",
                    ReadReason("waveform_damaged"),
                )
            bits = format(stored, "032b")[::-1][:prefix]  # stored least significant bit first
            table[bits] = Code(prefix, total, mode, value)
        tables.append(table)
    return tables


_DEFAULT_TABLE = default_table()


def _bits(data: bytes) -> str:
    if not data:
        return ""
    return format(int.from_bytes(data, "big"), f"0{len(data) * 8}b")


def huffman_decode(data: bytes, n_values: int, tables: list[dict[str, Code]]) -> np.ndarray:
    """Up to ``n_values`` integers from the Huffman-coded ``data`` (fewer if it ends)."""
    if not tables:  # section 2 absent: the values are stored as plain int16
        raw = data[: 2 * n_values]
        return np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.int64)
    bits = _bits(data)
    if len(tables) == 1 and tables[0] is _DEFAULT_TABLE:
        return _decode_default(bits, n_values)
    out = np.zeros(n_values, dtype=np.int64)
    lengths = [sorted({c.prefix for c in t.values()}) for t in tables]
    current, pos, count, end = 0, 0, 0, len(bits)
    switches = 0
    while count < n_values and pos < end:
        table = tables[current]
        code = None
        for length in lengths[current]:
            if pos + length > end:
                break
            code = table.get(bits[pos : pos + length])
            if code is not None:
                break
        if code is None:
            break  # padding at the end of the lead, or damage: the caller checks the count
        pos += code.prefix
        if code.mode == 0:
            switches += 1
            if not 1 <= code.value <= len(tables) or switches > n_values + 16:
                raise ReadError(
                    "SCP-ECG data switches to a missing Huffman table",
                    "corrupt",
                    ReadReason("waveform_damaged"),
                )
            current = code.value - 1
            continue
        value = code.value
        extra = code.total - code.prefix
        if extra:
            if pos + extra > end:
                break
            value = int(bits[pos : pos + extra], 2)
            if value >= 1 << (extra - 1):
                value -= 1 << extra
            pos += extra
        out[count] = value
        count += 1
    return out[:count]


def undifference(values: np.ndarray, order: int) -> np.ndarray:
    """Undo first (x[i] = d[i] + x[i-1]) or second (x[i] = d[i] + 2x[i-1] - x[i-2]) differences."""
    if order == 0 or values.size == 0:
        return values
    if order == 1:
        return np.cumsum(values)
    if order == 2:
        if values.size < 3:
            return values.copy()
        # x[i] - x[i-1] = (x[i-1] - x[i-2]) + d[i]
        step = (values[1] - values[0]) + np.cumsum(values[2:])
        out = np.empty_like(values)
        out[:2] = values[:2]
        out[2:] = values[1] + np.cumsum(step)
        return out
    raise ReadError(
        f"SCP-ECG difference order {order} is not defined",
        "corrupt",
        ReadReason("waveform_damaged"),
    )
