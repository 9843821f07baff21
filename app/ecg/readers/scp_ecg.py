"""SCP-ECG (EN 1064 / ISO 11073-91064) -> EcgSignal, Qt-free and bounded.

Sections: 0 pointers, 1 patient data, 2 Huffman tables, 3 lead definition,
4 QRS locations, 5 reference beats, 6 rhythm (or residual) data, 7 global
measurements, 8 statements.  Rhythm data may be Huffman coded and stored as
first or second differences; when section 3 says reference-beat subtraction
was used, section 6 holds residuals and the reference beat of section 5 is
added back around each QRS of type 0 (section 4).  With bimodal compression
the residual is stored decimated outside the protected zones of section 4
(app.ecg.readers.scp_bimodal).  Every offset and count read from the file is checked
against the file before it is used.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np

from app.ecg.readers import scp_bimodal
from app.ecg.readers.scp_huffman import huffman_decode, parse_tables, undifference
from app.ecg.readers.scp_sections import (
    Record,
    device_measurements,
    device_statements,
    pacer_spikes_s,
    parse_record,
    patient_fields,
)
from app.ecg.signal import EcgSignal, finished, normalize_lead_name
from app.ecg.warning_codes import EcgWarning
from app.readers.base import ReadError
from app.readers.reasons import ReadReason

MAX_BYTES = 64 * 1024 * 1024
MAX_LEADS = 64
MAX_SAMPLES = 4_000_000  # per lead
MAX_VALUES = 32_000_000  # all leads together
MAX_BEAT = 20_000  # samples of one reference beat


def looks_like_scp(path: Path, head: bytes) -> bool:
    """A record whose size field matches the file and whose first section is section 0."""
    if len(head) < 22:
        return False
    size = int.from_bytes(head[2:6], "little")
    section = int.from_bytes(head[8:10], "little")
    try:
        actual = Path(path).stat().st_size
    except OSError:
        return False
    return (
        section == 0
        and 22 < size <= actual
        and (size == actual or Path(path).suffix.lower() == ".scp")
    )


def _lead_name(code: int) -> str:
    name = normalize_lead_name(f"5.6.3-9-{code}")
    return name if not name.startswith("5.6.3") else f"SCP lead {code}"


def _leads(rec: Record) -> tuple[list[tuple[int, int, int]], int]:
    body = rec.section(3)
    if body is None or len(body) < 2:
        raise ReadError(
            "this SCP-ECG file has no lead definition (section 3)",
            "corrupt",
            ReadReason("header_damaged"),
        )
    n, flags = body[0], body[1]
    if not 0 < n <= MAX_LEADS or len(body) < 2 + 9 * n:
        raise ReadError(
            f"SCP-ECG section 3 declares {n} leads it does not hold",
            "corrupt",
            ReadReason("header_damaged"),
        )
    out = []
    for i in range(n):
        p = 2 + 9 * i
        start = int.from_bytes(body[p : p + 4], "little")
        end = int.from_bytes(body[p + 4 : p + 8], "little")
        if not 1 <= start <= end or end - start + 1 > MAX_SAMPLES:
            raise ReadError(
                f"SCP-ECG lead {i + 1} has an impossible extent",
                "corrupt",
                ReadReason("waveform_damaged"),
            )
        out.append((start, end, body[p + 8]))
    return out, flags


def _streams(body: bytes, n_leads: int, header: int) -> list[bytes]:
    """The per-lead byte streams after a section 5/6 header and its length table."""
    table_end = header + 2 * n_leads
    if len(body) < table_end:
        raise ReadError(
            "SCP-ECG waveform section is truncated", "truncated", ReadReason("waveform_damaged")
        )
    pos, out = table_end, []
    for i in range(n_leads):
        length = int.from_bytes(body[header + 2 * i : header + 2 * i + 2], "little")
        if pos + length > len(body):
            raise ReadError(
                f"SCP-ECG lead {i + 1} data runs past its section",
                "truncated",
                ReadReason("waveform_damaged"),
            )
        out.append(body[pos : pos + length])
        pos += length
    return out


def _waveform_header(body: bytes, section: int) -> tuple[int, int, int, int]:
    if body is None or len(body) < 6:
        raise ReadError(
            f"SCP-ECG section {section} is missing or truncated",
            "corrupt",
            ReadReason("header_damaged"),
        )
    avm = int.from_bytes(body[0:2], "little")  # nV per unit
    interval = int.from_bytes(body[2:4], "little")  # us per sample
    if avm == 0 or interval == 0:
        raise ReadError(
            f"SCP-ECG section {section} gives no amplitude or sample interval",
            "corrupt",
            ReadReason("no_sampling_rate"),
        )
    return avm, interval, body[4], body[5]


def _reference_beats(rec: Record, tables, n_leads: int) -> tuple[np.ndarray, int, int]:
    body = rec.section(5)
    avm, interval, diff, _ = _waveform_header(body, 5)
    qrs = rec.section(4)
    if qrs is None or len(qrs) < 6:
        raise ReadError(
            "SCP-ECG reference beats without QRS locations (section 4)",
            "corrupt",
            ReadReason("waveform_damaged"),
        )
    length_ms = int.from_bytes(qrs[0:2], "little")
    n = int(round(length_ms * 1000 / interval))
    if not 0 < n <= MAX_BEAT:
        raise ReadError(
            f"SCP-ECG reference beat of {n} samples is not plausible",
            "corrupt",
            ReadReason("waveform_damaged"),
        )
    beats = np.zeros((n_leads, n), dtype=np.int64)
    for i, data in enumerate(_streams(body, n_leads, 6)):
        values = undifference(huffman_decode(data, n, tables), diff)
        beats[i, : values.size] = values
    return beats, avm, interval


def _add_reference_beats(residual: np.ndarray, leads, beats: np.ndarray, qrs: bytes) -> None:
    """Add the reference beat back over each type-0 QRS (in place, same units).

    ``residual`` column 0 is sample number ``first`` (the earliest lead start);
    section 4 sample numbers are 1-based and absolute."""
    first = min(start for start, _end, _code in leads)
    fiducial = int.from_bytes(qrs[2:4], "little")
    count = int.from_bytes(qrs[4:6], "little")
    if len(qrs) < 6 + 14 * count:
        raise ReadError(
            "SCP-ECG section 4 lists more QRS complexes than it holds",
            "truncated",
            ReadReason("waveform_damaged"),
        )
    for k in range(count):
        p = 6 + 14 * k
        kind = int.from_bytes(qrs[p : p + 2], "little")
        start, fc, end = (int.from_bytes(qrs[p + o : p + o + 4], "little") for o in (2, 6, 10))
        if kind != 0 or not 0 < start <= end:
            continue
        for lead, (lead_start, lead_end, _code) in enumerate(leads):
            r0 = start - first
            m0 = fiducial - fc + start - 1
            if start < lead_start or m0 < 0:
                continue
            n = min(end, lead_end) - start + 1
            n = min(n, beats.shape[1] - m0, residual.shape[1] - r0)
            if n > 0:
                residual[lead, r0 : r0 + n] += beats[lead, m0 : m0 + n]


def read_scp(path: Path, want: str = "rhythm") -> EcgSignal:
    """The rhythm data, or with ``want="median"`` the reference beats (section 5) when stored."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReadError("SCP-ECG file is too large", "unsupported", ReadReason("too_large"))
        raw = path.read_bytes()
    except OSError as err:
        reason = ReadReason("cannot_read", name=path.name)
        raise ReadError(f"cannot read {path.name}: {err}", reason=reason) from err
    rec = parse_record(raw)
    tables = parse_tables(rec.section(2)) if rec.section(2) is not None else []
    leads, flags = _leads(rec)
    body6 = rec.section(6)
    avm, interval, diff, bimodal = _waveform_header(body6, 6)
    subtracted = bool(flags & 0x01)
    if bimodal and rec.section(5) is None:
        raise ReadError(
            "SCP-ECG bimodal data without reference beats (section 5) to give the full rate",
            "corrupt",
            ReadReason("waveform_damaged"),
        )
    if want == "median" and rec.section(5) is not None and rec.section(4) is not None:
        beats, avm5, interval5 = _reference_beats(rec, tables, len(leads))
        return _signal(rec, beats * (avm5 / 1e6), 1e6 / interval5, leads, [])
    first = min(start for start, _end, _code in leads)
    n = max(end for _start, end, _code in leads) - first + 1
    if n * len(leads) > MAX_VALUES:
        raise ReadError(
            f"SCP-ECG record of {len(leads)} x {n} samples is too large",
            "unsupported",
            ReadReason("too_large"),
        )
    fs = 1e6 / interval
    ratio, zones = 1, []
    if subtracted or bimodal:
        beats, avm5, interval5 = _reference_beats(rec, tables, len(leads))
        if interval % interval5 or not 1 <= interval // interval5 <= 4:
            raise ReadError(
                "SCP-ECG reference beats at an unusable sampling rate",
                "unsupported",
                ReadReason("no_sampling_rate"),
            )
        ratio = interval // interval5
    if bimodal:
        zones = scp_bimodal.protected_zones(rec.section(4))
    data = np.zeros((len(leads), n), dtype=np.float64)
    warnings = [] if rec.crc_ok else [EcgWarning("checksum")]
    if len({(start, end) for start, end, _code in leads}) > 1:
        warnings.append(EcgWarning("not_simultaneous"))
    for i, stream in enumerate(_streams(body6, len(leads), 6)):
        start, end, _code = leads[i]
        length = end - start + 1
        lead_runs = scp_bimodal.runs(start, end, zones) if bimodal else []
        count = scp_bimodal.stored_count(lead_runs, ratio) if bimodal else -(-length // ratio)
        values = undifference(huffman_decode(stream, count, tables), diff)
        if values.size < count:
            warnings.append(
                EcgWarning("lead_short", lead=_lead_name(leads[i][2]), got=values.size, want=count)
            )
        if bimodal:  # decimated outside the protected zones, full rate inside
            values = scp_bimodal.expand(values, lead_runs, ratio)
        elif ratio > 1 and values.size:  # residual kept at a lower rate than the beats
            values = np.interp(
                np.arange(values.size * ratio) / ratio, np.arange(values.size), values
            )
        values = values[:length]
        data[i, start - first : start - first + values.size] = values * (avm / 1e6)
    if subtracted:
        _add_reference_beats(data, leads, beats * (avm5 / 1e6), rec.section(4))
    if subtracted or bimodal:
        fs = 1e6 / interval5
    return _signal(rec, data, fs, leads, warnings)


def _signal(rec: Record, data: np.ndarray, fs: float, leads, warnings: list[str]) -> EcgSignal:
    names = [_lead_name(code) for _s, _e, code in leads]
    fields = patient_fields(rec)
    sig = EcgSignal(
        data,
        fs,
        names,
        age_years=fields["age"],
        sex=fields["sex"],
        acquired=fields["time"] if isinstance(fields["time"], datetime) else None,
        warnings=warnings,
        filters=fields["filters"],
        source="SCP-ECG",
        device_measurements=device_measurements(rec),
        device_statements=device_statements(rec),
        device_pacer_spikes_s=pacer_spikes_s(rec, data.shape[1] / fs),
    )
    return finished(sig)
