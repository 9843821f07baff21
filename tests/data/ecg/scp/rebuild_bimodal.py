"""Rebuild Example_refbeat.scp with bimodal compression (writes Example_bimodal.scp).

REBUILT, not a device file: no public bimodal SCP-ECG sample was found.  Bimodal
compression (EN 1064, section 6 byte 6) keeps the residual at the full rate only
inside the protected zones of section 4 (the QRS complexes) and stores it decimated
everywhere else.  This script follows the C# ECG Toolkit's encoder (SCPSection4
``setProtected``, SCPSection6 ``EncodeData``; Apache-2.0), the one public
implementation: each protected zone is widened to whole decimation blocks
(start moved back to 1 + a multiple of the rate, end forward by the rate minus
end % rate), every ``RATE`` samples outside a zone are stored as their mean, zone
samples as they are, all in time order, as one second-difference sequence coded
with the default Huffman table; section 6 gives the decimated sample interval and
sets the bimodal byte, sections 3 and 5 stay as they are (reference beat
subtracted, 500 Hz).  Run from the repository root after rebuild_refbeat.py:

    python tests/data/ecg/scp/rebuild_bimodal.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from rebuild_refbeat import assemble, encode_default, second_differences, sections  # noqa: E402

SOURCE, TARGET = HERE / "Example_refbeat.scp", HERE / "Example_bimodal.scp"
RATE = 4  # 500 Hz residual -> 125 Hz outside the QRS zones


def widen(start: int, end: int, n: int) -> tuple[int, int]:
    """The toolkit's zone alignment (1-based, inclusive), kept inside the record."""
    start -= RATE if start % RATE == 0 else start % RATE
    start += 1
    end += RATE - (end % RATE)
    return max(start, 1), min(end, n)


def decimate(x: np.ndarray, zones: list[tuple[int, int]]) -> np.ndarray:
    """The toolkit's stored sequence: zone samples as they are, RATE-sample means elsewhere."""
    out, t = [], 0
    while t < x.size:
        if any(s <= t + 1 <= e for s, e in zones):
            out.append(int(x[t]))
            t += 1
        else:
            block = x[t : t + RATE]
            out.append(int(np.trunc(block.sum() / RATE)))  # C# integer division
            t += RATE
    return np.asarray(out, dtype=np.int64)


def main() -> None:
    from app.ecg.readers.scp_huffman import huffman_decode, parse_tables, undifference

    parts = sections(SOURCE.read_bytes())
    tables = parse_tables(parts[2][1][16:])
    s3, s4, s6 = (parts[k][1][16:] for k in (3, 4, 6))
    n_leads = s3[0]
    n = int.from_bytes(s3[6:10], "little") - int.from_bytes(s3[2:6], "little") + 1
    pos, residual = 6 + 2 * n_leads, []
    for i in range(n_leads):
        length = int.from_bytes(s6[6 + 2 * i : 8 + 2 * i], "little")
        residual.append(undifference(huffman_decode(s6[pos : pos + length], n, tables), s6[4]))
        pos += length
    count = int.from_bytes(s4[4:6], "little")
    base = 6 + 14 * count
    zones = []
    for k in range(count):
        p = base + 8 * k
        zones.append(
            widen(
                int.from_bytes(s4[p : p + 4], "little"),
                int.from_bytes(s4[p + 4 : p + 8], "little"),
                n,
            )
        )
    body4 = bytearray(s4[:base])
    for start, end in zones:
        body4 += start.to_bytes(4, "little") + end.to_bytes(4, "little")
    coded = [encode_default(second_differences(decimate(r, zones))) for r in residual]
    body6 = bytearray(s6[:6])
    body6[2:4] = (int.from_bytes(s6[2:4], "little") * RATE).to_bytes(2, "little")
    body6[4], body6[5] = 2, 1
    body6 += b"".join(len(c).to_bytes(2, "little") for c in coded) + b"".join(coded)
    bodies = {sid: whole[16:] for sid, (_off, whole) in parts.items() if sid}
    bodies.update({4: bytes(body4), 6: bytes(body6)})
    TARGET.write_bytes(assemble(parts, bodies))
    kept = sum(e - s + 1 for s, e in zones)
    print(
        f"{len(zones)} protected zones ({kept} of {n} samples at full rate); "
        f"section 6: {len(s6)} -> {len(body6)} bytes"
    )


if __name__ == "__main__":
    main()
