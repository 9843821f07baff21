"""Rebuild Example.scp with reference-beat subtraction (writes Example_refbeat.scp).

Example.scp (C# ECG Toolkit) stores its rhythm as plain second differences but
also carries the device's reference beat (section 5) and its QRS onset
(section 7).  This script writes the same record the way reference-beat
compressing carts do: section 4 lists each QRS (positions from the QRS wave
annotations of the HL7 sample aECG of the same ECG, Example.xml), section 3
sets the "reference beat subtracted" flag, and section 6 holds the residual
(rhythm minus the aligned reference beat over each subtraction zone),
re-encoded with the default Huffman table as second differences.  Section
and record CRCs are recomputed (the algorithm is checked against the
original file first).  Run from the repository root:

    python tests/data/ecg/scp/rebuild_refbeat.py
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
SOURCE, TARGET, AECG = (
    HERE / "Example.scp",
    HERE / "Example_refbeat.scp",
    HERE.parent / "aecg" / "Example.xml",
)


def sections(raw: bytes) -> dict[int, tuple[int, bytes]]:
    """id -> (offset, whole section bytes) from the pointer section."""
    out = {0: (6, raw[6 : 6 + int.from_bytes(raw[10:14], "little")])}
    body = out[0][1][16:]
    for p in range(0, len(body) - 9, 10):
        sid = int.from_bytes(body[p : p + 2], "little")
        length = int.from_bytes(body[p + 2 : p + 6], "little")
        index = int.from_bytes(body[p + 6 : p + 10], "little")
        if sid and length:
            out[sid] = (index - 1, raw[index - 1 : index - 1 + length])
    return out


def encode_default(values: np.ndarray) -> bytes:
    bits = []
    for v in values.tolist():
        if v == 0:
            bits.append("0")
        elif -8 <= v <= 8:
            bits.append("1" * abs(v) + "0" + ("1" if v < 0 else "0"))
        elif -128 <= v <= 127:
            bits.append("1" * 9 + "0" + format(v & 0xFF, "08b"))
        else:
            bits.append("1" * 9 + "1" + format(v & 0xFFFF, "016b"))
    text = "".join(bits)
    text += "0" * (-len(text) % 8)
    return int(text, 2).to_bytes(len(text) // 8, "big") if text else b""


def second_differences(x: np.ndarray) -> np.ndarray:
    d = x.copy()
    d[2:] = x[2:] - 2 * x[1:-1] + x[:-2]
    return d


def qrs_onsets_offsets(fs: float) -> list[tuple[int, int]]:
    from app.ecg.readers.xmlutil import parse_xml

    root = parse_xml(AECG)
    t0 = datetime.strptime("20021122091000", "%Y%m%d%H%M%S")
    out = []
    for ann in root.iter("annotation"):
        value = ann.find("value")
        if value is None or value.get("code") != "MDC_ECG_WAVC_QRSWAVE":
            continue
        ivl = ann.find("support/supportingROI/component/boundary/value")
        low, high = (ivl.find(k).get("value") for k in ("low", "high"))
        if len(low) < 15:  # relative times belong to the median-beat series
            continue
        ms = [(datetime.strptime(v, "%Y%m%d%H%M%S.%f") - t0).total_seconds() for v in (low, high)]
        out.append((round(ms[0] * fs), round(ms[1] * fs)))
    return out


def section(sid: int, original: bytes, body: bytes) -> bytes:
    from app.ecg.readers.scp_sections import crc_ccitt

    head = bytearray(original[:16])
    head[2:4] = sid.to_bytes(2, "little")
    head[4:8] = (16 + len(body)).to_bytes(4, "little")
    whole = bytearray(head + body)
    whole[0:2] = crc_ccitt(bytes(whole[2:])).to_bytes(2, "little")
    return bytes(whole)


def assemble(parts: dict[int, tuple[int, bytes]], bodies: dict[int, bytes]) -> bytes:
    """The record with each section's body replaced, pointers, lengths and CRCs recomputed."""
    from app.ecg.readers.scp_sections import crc_ccitt

    order = [
        sid for sid, _ in sorted(((s, o) for s, (o, _w) in parts.items() if s), key=lambda t: t[1])
    ]
    pos = 6 + len(parts[0][1])
    pointers, blobs = bytearray(), []
    p0 = parts[0][1][16:]
    index_of = {}
    for sid in order:
        whole = section(sid, parts[sid][1], bodies[sid])
        index_of[sid] = (len(whole), pos + 1)
        blobs.append(whole)
        pos += len(whole)
    for p in range(0, len(p0) - 9, 10):
        sid = int.from_bytes(p0[p : p + 2], "little")
        length, index = index_of.get(
            sid,
            (
                int.from_bytes(p0[p + 2 : p + 6], "little"),
                int.from_bytes(p0[p + 6 : p + 10], "little"),
            ),
        )
        if sid == 0:
            length, index = len(parts[0][1]), 7
        pointers += (
            sid.to_bytes(2, "little") + length.to_bytes(4, "little") + index.to_bytes(4, "little")
        )
    record = bytearray(
        b"\x00\x00"
        + pos.to_bytes(4, "little")
        + section(0, parts[0][1], bytes(pointers))
        + b"".join(blobs)
    )
    record[0:2] = crc_ccitt(bytes(record[2:])).to_bytes(2, "little")
    return bytes(record)


def main() -> None:
    from app.ecg.readers.scp_huffman import huffman_decode, parse_tables, undifference
    from app.ecg.readers.scp_sections import crc_ccitt

    raw = SOURCE.read_bytes()
    assert crc_ccitt(raw[2:]) == int.from_bytes(raw[:2], "little"), "record CRC algorithm"
    parts = sections(raw)
    for _sid, (_off, whole) in parts.items():
        assert crc_ccitt(whole[2:]) == int.from_bytes(whole[:2], "little"), "section CRC"
    tables = parse_tables(parts[2][1][16:])
    s3, s5, s6, s7 = (parts[k][1][16:] for k in (3, 5, 6, 7))
    n_leads = s3[0]
    extents = [
        (
            int.from_bytes(s3[2 + 9 * i : 6 + 9 * i], "little"),
            int.from_bytes(s3[6 + 9 * i : 10 + 9 * i], "little"),
        )
        for i in range(n_leads)
    ]
    n = extents[0][1] - extents[0][0] + 1
    assert s5[:4] == s6[:4], "same AVM and sample interval"
    fs = 1e6 / int.from_bytes(s6[2:4], "little")
    beat_len = round(int.from_bytes(parts[4][1][16:18], "little") * fs / 1000)

    def streams(body):
        pos, out = 6 + 2 * n_leads, []
        for i in range(n_leads):
            length = int.from_bytes(body[6 + 2 * i : 8 + 2 * i], "little")
            out.append(body[pos : pos + length])
            pos += length
        return out

    rhythm = np.vstack([undifference(huffman_decode(d, n, tables), s6[4]) for d in streams(s6)])
    beats = np.vstack(
        [undifference(huffman_decode(d, beat_len, tables), s5[4]) for d in streams(s5)]
    )
    q_on_ms = int.from_bytes(s7[10:12], "little")  # section 7: QRS onset within the reference beat
    first_fiducial = round(q_on_ms * fs / 1000) + 1  # 1-based
    qrs = []
    residual = rhythm.copy()
    margin = round(0.02 * fs)
    for onset, offset in qrs_onsets_offsets(fs):
        fc = onset + 1  # 1-based fiducial: the QRS onset
        start, end = max(fc - margin, 1), min(offset + 1 + margin, n)
        m0 = first_fiducial - fc + start - 1
        if m0 < 0 or m0 + (end - start + 1) > beat_len:
            continue
        residual[:, start - 1 : end] -= beats[:, m0 : m0 + end - start + 1]
        qrs.append((0, start, fc, end))
    body4 = bytearray(parts[4][1][16:18])
    body4 += first_fiducial.to_bytes(2, "little") + len(qrs).to_bytes(2, "little")
    for kind, start, fc, end in qrs:
        body4 += kind.to_bytes(2, "little") + b"".join(
            v.to_bytes(4, "little") for v in (start, fc, end)
        )
    for _kind, start, _fc, end in qrs:  # protected areas: the same zones
        body4 += start.to_bytes(4, "little") + end.to_bytes(4, "little")
    body3 = bytearray(s3)
    body3[1] |= 0x01
    coded = [encode_default(second_differences(r)) for r in residual]
    body6 = bytearray(s6[:6])
    body6[4] = 2
    body6 += b"".join(len(c).to_bytes(2, "little") for c in coded) + b"".join(coded)
    bodies = {sid: whole[16:] for sid, (_off, whole) in parts.items() if sid}
    bodies.update({3: bytes(body3), 4: bytes(body4), 6: bytes(body6)})
    TARGET.write_bytes(assemble(parts, bodies))
    in_zones = np.concatenate([residual[:, s - 1 : e] for _k, s, _f, e in qrs], axis=1)
    plain = np.concatenate([rhythm[:, s - 1 : e] for _k, s, _f, e in qrs], axis=1)
    print(
        f"{len(qrs)} QRS zones; residual peak {np.abs(in_zones).max()} vs rhythm {np.abs(plain).max()} units"
    )


if __name__ == "__main__":
    main()
