"""SCP-ECG record structure: section pointers, patient data (section 1),
global measurements (section 7) and statements (section 8).  Bounded: a
pointer or length outside the file is damage, reported as a ReadError."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.ecg.signal import normalize_sex
from app.readers.base import ReadError
from app.readers.reasons import ReadReason

HEADER = 16
NO_VALUE = 29999  # SCP "undefined" measurement
NO_AXIS = 999


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
        table.append(crc & 0xFFFF)
    return table


_CRC = _crc_table()


def crc_ccitt(data: bytes) -> int:
    """CRC-CCITT (polynomial 0x1021, start 0xFFFF) as SCP-ECG records and sections carry it."""
    crc = 0xFFFF
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC[(crc >> 8) ^ byte]
    return crc


@dataclass
class Record:
    raw: bytes
    sections: dict[int, bytes] = field(default_factory=dict)  # id -> data after the header
    crc_ok: bool = True  # the record CRC matches (or the file leaves it 0)

    def section(self, sid: int) -> bytes | None:
        return self.sections.get(sid)


def _u(data: bytes, pos: int, size: int, signed: bool = False) -> int:
    if pos + size > len(data):
        raise ReadError(
            "SCP-ECG field runs past its section", "truncated", ReadReason("header_damaged")
        )
    return int.from_bytes(data[pos : pos + size], "little", signed=signed)


def parse_record(raw: bytes) -> Record:
    if len(raw) < 6 + HEADER:
        raise ReadError(
            "the SCP-ECG file is too short",
            "truncated",
            ReadReason("truncated_bytes", need=6 + HEADER, size=len(raw)),
        )
    size = _u(raw, 2, 4)
    if size > len(raw):
        raise ReadError(
            f"the SCP-ECG file is truncated ({len(raw)} of {size} bytes)",
            "truncated",
            ReadReason("truncated_bytes", need=size, size=len(raw)),
        )
    if _u(raw, 8, 2) != 0:
        raise ReadError(
            "not an SCP-ECG file (no pointer section first)",
            "corrupt",
            ReadReason("wrong_format", format="SCP-ECG"),
        )
    length0 = _u(raw, 10, 4)
    if not HEADER <= length0 <= size - 6:
        raise ReadError(
            "SCP-ECG pointer section has an impossible length",
            "corrupt",
            ReadReason("header_damaged"),
        )
    stored = _u(raw, 0, 2)
    rec = Record(raw[:size], crc_ok=stored == 0 or stored == crc_ccitt(raw[2:size]))
    pointers = raw[6 + HEADER : 6 + length0]
    for p in range(0, len(pointers) - 9, 10):
        sid, length, index = _u(pointers, p, 2), _u(pointers, p + 2, 4), _u(pointers, p + 6, 4)
        if length == 0 or index == 0 or sid == 0:
            continue
        start = index - 1
        if length < HEADER or start + length > size:
            raise ReadError(
                f"SCP-ECG section {sid} lies outside the file",
                "corrupt",
                ReadReason("header_damaged"),
            )
        if _u(raw, start + 2, 2) != sid:
            raise ReadError(
                f"SCP-ECG pointer to section {sid} is wrong",
                "corrupt",
                ReadReason("header_damaged"),
            )
        rec.sections[sid] = raw[start + HEADER : start + length]
    return rec


def _tags(body: bytes) -> dict[int, bytes]:
    out: dict[int, bytes] = {}
    pos = 0
    while pos + 3 <= len(body):
        tag, length = body[pos], _u(body, pos + 1, 2)
        pos += 3
        if tag == 255:
            break
        out.setdefault(tag, body[pos : pos + length])
        pos += length
    return out


def _text(value: bytes | None) -> str:
    return (value or b"").split(b"\x00", 1)[0].decode("latin-1").strip()


def patient_fields(rec: Record) -> dict:
    tags = _tags(rec.section(1) or b"")
    out = {"patient_id": _text(tags.get(2)), "age": None, "sex": "", "birth_date": ""}
    last, first = _text(tags.get(0)), _text(tags.get(1))
    out["patient_name"] = "^".join(p for p in (last, first) if p)
    age = tags.get(4)
    if age and len(age) >= 3:
        value, unit = int.from_bytes(age[:2], "little"), age[2]
        per_year = {1: 1.0, 2: 12.0, 3: 52.18, 4: 365.25, 5: 8766.0}.get(unit)
        out["age"] = round(value / per_year, 2) if per_year and value else None
    birth = tags.get(5)
    if birth and len(birth) >= 4 and int.from_bytes(birth[:2], "little"):
        out["birth_date"] = f"{int.from_bytes(birth[:2], 'little'):04d}{birth[2]:02d}{birth[3]:02d}"
    sex = tags.get(8)
    out["sex"] = normalize_sex(str(sex[0])) if sex else ""
    out["time"] = None
    day, clock = tags.get(25), tags.get(26)
    if day and len(day) >= 4:
        try:
            out["time"] = datetime(
                int.from_bytes(day[:2], "little"),
                day[2],
                day[3],
                *(clock[:3] if clock and len(clock) >= 3 else (0, 0, 0)),
            )
        except ValueError:
            out["time"] = None
    filters = {}
    if tags.get(27) and len(tags[27]) >= 2:
        filters["highpass"] = int.from_bytes(tags[27][:2], "little") / 100.0
    if tags.get(28) and len(tags[28]) >= 2:
        filters["lowpass"] = float(int.from_bytes(tags[28][:2], "little"))
    out["filters"] = {k: v for k, v in filters.items() if v}
    return out


def device_measurements(rec: Record) -> dict[str, float]:
    """Section 7: the device's global measurements of reference beat type 0."""
    body = rec.section(7)
    out: dict[str, float] = {}
    if body is None or len(body) < 6:
        return out
    n_types, n_spikes = body[0], body[1]
    rr, pp = _u(body, 2, 2), _u(body, 4, 2)
    if 0 < rr < NO_VALUE:
        out["RR Interval"] = float(rr)
        out["Heart Rate"] = round(60000.0 / rr, 1)
    if 0 < pp < NO_VALUE:
        out["PP Interval"] = float(pp)
    if n_types >= 1 and len(body) >= 22:
        p_on, p_off, q_on, q_off, t_off = (_u(body, 6 + 2 * i, 2) for i in range(5))
        axes = [_u(body, 16 + 2 * i, 2, signed=True) for i in range(3)]
        if q_on < q_off < NO_VALUE:
            out["QRS Duration"] = float(q_off - q_on)
        if p_on < q_on < NO_VALUE and p_on < p_off:
            out["PR Interval"] = float(q_on - p_on)
        if q_on < t_off < NO_VALUE:
            out["QT Interval"] = float(t_off - q_on)
        for key, value in zip(("P Axis", "QRS Axis", "T Axis"), axes, strict=True):
            if abs(value) < NO_AXIS:
                out[key] = float(value)
    pos = 6 + 16 * n_types + 10 * n_spikes
    if pos + 2 <= len(body):
        pos += 2 + _u(body, pos, 2)  # QRS type list
        if pos + 6 <= len(body):
            vent, qtc = _u(body, pos, 2), _u(body, pos + 4, 2)
            if 0 < vent < NO_VALUE:
                out["Heart Rate"] = float(vent)
            if 0 < qtc < NO_VALUE:
                out["QTc Interval"] = float(qtc)
    return out


def pacer_spikes_s(rec: Record, duration_s: float) -> list[float]:
    """Section 7's pacemaker spikes: time (ms from the start of the record) of each, as the
    device detected them; positions outside the record are dropped."""
    body = rec.section(7)
    if body is None or len(body) < 6:
        return []
    n_types, n_spikes = body[0], body[1]
    start = 6 + 16 * n_types
    if len(body) < start + 4 * n_spikes:
        return []
    times = {_u(body, start + 4 * k, 2) / 1000.0 for k in range(n_spikes)}
    return sorted(t for t in times if 0 <= t < duration_s)


def device_statements(rec: Record) -> list[str]:
    body = rec.section(8)
    if body is None or len(body) < 9:
        return []
    count, pos, out = body[8], 9, []
    for _ in range(count):
        if pos + 3 > len(body):
            break
        length = _u(body, pos + 1, 2)
        text = _text(body[pos + 3 : pos + 3 + length])
        if text:
            out.append(text)
        pos += 3 + length
    return out
