"""WFDB record (.hea header + signal files) -> EcgSignal.

Reads single- and multi-segment records.  Every signal is read at its own
rate (``samps_per_frame`` x frame rate) instead of frame-averaged; only ECG
channels are kept (pressure, pleth, respiration are listed in ``left_out``)
and ECG leads recorded at a lower rate than the others are resampled to the
highest ECG rate, with a warning naming them.
"""

from __future__ import annotations

import re
from datetime import datetime
from fractions import Fraction
from pathlib import Path

import numpy as np

from app.descriptions import Description, described
from app.ecg.channels import left_out_warning, split_channels
from app.ecg.signal import EcgSignal, finished, normalize_sex, to_millivolts
from app.ecg.warning_codes import EcgWarning
from app.readers.base import ReadError
from app.readers.reasons import ReadReason

MAX_VALUES = 64 * 1024 * 1024  # samples read from one record, all ECG channels together
MAX_RATE = 1e6  # Hz; no ECG is sampled faster
MAX_SAMPLES = 2**53  # samples per signal a header may claim (larger: not a real length)


def header_path(path: Path) -> Path:
    path = Path(path)
    return path if path.suffix.lower() == ".hea" else path.with_suffix(".hea")


def _body(hea: Path) -> list[str]:
    try:
        lines = hea.read_text("latin-1").splitlines()
    except OSError as err:
        reason = ReadReason("cannot_read", name=hea.name)
        raise ReadError(f"cannot read WFDB header {hea.name}: {err}", reason=reason) from err
    return [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def is_multi_segment(hea: Path) -> bool:
    body = _body(hea)
    return bool(body) and "/" in body[0].split()[0]


def _companion(hea: Path, name: str) -> Path:
    """``name`` beside the header; a header may not point anywhere else."""
    if len(name) > 200 or name in (".", "..") or any(c in name for c in "/\\\0:"):
        raise ReadError(
            f"WFDB header {hea.name} names an invalid file {name[:40]!r}",
            "corrupt",
            ReadReason("header_damaged"),
        )
    return hea.with_name(name)


def data_files(hea: Path, segment: bool = False) -> list[Path]:
    """Files a header needs: its signal files, or for a multi-segment record
    the segment headers and their signal files (a segment is never itself
    multi-segment, so a header that names itself cannot recurse)."""
    out: list[Path] = []
    body = _body(hea)
    multi = bool(body) and "/" in body[0].split()[0]
    if multi and segment:
        raise ReadError(
            f"WFDB segment {hea.name} is itself a multi-segment record",
            "corrupt",
            ReadReason("header_damaged"),
        )
    for line in body[1:]:
        name = line.split()[0]
        if name == "~" or name.startswith("-"):
            continue
        if multi:
            seg = _companion(hea, name + ".hea")
            files = [seg] + (data_files(seg, segment=True) if seg.exists() else [])
        else:
            files = [_companion(hea, name)]
        out += [p for p in files if p not in out]
    return out


def header_rate_and_length(name: str, header) -> tuple[float, int]:
    """(sampling rate, samples per signal) of a WFDB header, refused when absurd
    (a rate of 0 or 1e999, a length with hundreds of digits)."""
    try:
        fs = float(header.fs or 0)
        samples = int(header.sig_len or 0)
    except (TypeError, ValueError, OverflowError) as err:
        raise ReadError(
            f"WFDB header {name} gives no usable rate or length",
            "corrupt",
            ReadReason("header_damaged"),
        ) from err
    if not 0 < fs < MAX_RATE:
        raise ReadError(
            f"WFDB header {name} gives no usable sampling rate",
            "corrupt",
            ReadReason("no_sampling_rate"),
        )
    if not 0 <= samples < MAX_SAMPLES:
        raise ReadError(
            f"WFDB header {name} gives an impossible record length",
            "corrupt",
            ReadReason("header_damaged"),
        )
    return fs, samples


def header_description(header) -> Description:
    """The record's description from its header alone: the ECG channels and their
    own rate (frame rate x samples per frame), and how many others are left out."""
    from app.ecg.channels import non_ecg_reason
    from app.ecg.signal import normalize_lead_name

    names = [str(n) for n in (getattr(header, "sig_name", None) or [])]
    units = list(getattr(header, "units", None) or [])
    spf = list(getattr(header, "samps_per_frame", None) or [])
    if not names:  # a multi-segment master header: the segments name the channels
        return described(
            "ecg_channels_rate", channels=int(getattr(header, "n_sig", 0) or 0), hz=float(header.fs)
        )
    ecg = [
        i
        for i, n in enumerate(names)
        if not non_ecg_reason(normalize_lead_name(n), str(units[i]) if i < len(units) else "")
    ]
    per_frame = max((int(spf[i] or 1) for i in ecg if i < len(spf)), default=1)
    hz = float(header.fs) * per_frame
    if len(names) > len(ecg):
        return described(
            "ecg_leads_rate_left_out", leads=len(ecg), hz=hz, others=len(names) - len(ecg)
        )
    return described("ecg_leads_rate", leads=len(ecg), hz=hz)


def _comments_meta(comments: list[str]) -> tuple[float | None, str]:
    text = " ".join(comments or [])
    age = None
    m = re.search(r"age\W*\s*(\d+(?:\.\d+)?)", text, flags=re.IGNORECASE)
    if m:
        age = float(m.group(1))
    sex = ""
    m = re.search(r"(?:sex|gender)\W*\s*(\w+)", text, flags=re.IGNORECASE)
    if m:
        sex = normalize_sex(m.group(1))
    return age, sex


def _read(hea: Path, sampto: int | None):
    import wfdb

    try:
        return wfdb.rdrecord(
            str(hea.with_suffix("")), physical=True, smooth_frames=False, m2s=True, sampto=sampto
        )
    except Exception as err:  # wfdb raises many types for damaged records
        raise ReadError(
            f"WFDB record {hea.stem} cannot be read (truncated or damaged): {err}",
            reason=ReadReason("waveform_damaged"),
        ) from err


def _to_common_rate(rows, rates, names, warnings):
    """Resample every lead to the highest rate among them (polyphase, exact ratio)."""
    target = max(rates)
    out = []
    slow = []
    for row, rate, name in zip(rows, rates, names, strict=True):
        if rate == target:
            out.append(row)
            continue
        from scipy.signal import resample_poly

        ratio = Fraction(target / rate).limit_denominator(1000)
        out.append(resample_poly(row, ratio.numerator, ratio.denominator))
        slow.append(f"{name} ({rate:g} Hz)")
    if slow:
        warnings.append(EcgWarning("resampled", hz=target, channels=slow))
    n = min(len(r) for r in out)
    return [r[:n] for r in out], target


def read_wfdb(path: Path) -> EcgSignal:
    import wfdb

    hea = header_path(path)
    if not hea.exists():
        raise ReadError(
            f"WFDB header {hea.name} not found next to the signal file",
            reason=ReadReason("companion_missing", files=[hea.name]),
        )
    for dat in data_files(hea):
        if not dat.exists():
            raise ReadError(
                f"WFDB file {dat.name} named in {hea.name} is missing",
                reason=ReadReason("companion_missing", files=[dat.name]),
            )
    try:
        header = wfdb.rdheader(str(hea.with_suffix("")))
    except Exception as err:  # wfdb raises many types for bad headers
        raise ReadError(
            f"WFDB header {hea.name} is damaged: {err}", reason=ReadReason("header_damaged")
        ) from err
    _fs, expected = header_rate_and_length(hea.name, header)
    warnings: list[str] = []
    sampto = None
    width = max(int(header.n_sig or 1), 1) * 4
    if expected * width > MAX_VALUES:
        sampto = max(MAX_VALUES // width, 1)
        warnings.append(
            EcgWarning(
                "record_cut",
                hours=round(expected / header.fs / 3600, 1),
                minutes=round(sampto / header.fs / 60),
            )
        )
    rec = _read(hea, sampto)
    signals = rec.e_p_signal or []
    if not signals or all(s is None or s.size == 0 for s in signals):
        raise ReadError(
            f"WFDB record {hea.stem} holds no samples", reason=ReadReason("no_waveform")
        )
    spf = list(rec.samps_per_frame or [1] * len(signals))
    got = min(len(s) // max(k, 1) for s, k in zip(signals, spf, strict=True))
    want = sampto or expected
    if want and got < want:
        warnings.append(EcgWarning("file_truncated", got=got, want=want))
    units = list(rec.units or [""] * len(signals))
    keep, left_out = split_channels(list(rec.sig_name), units, signals)
    if left_out:
        warnings.append(left_out_warning(left_out))
    if not keep:
        raise ReadError(
            f"WFDB record {hea.stem} holds no ECG channel (only {', '.join(rec.sig_name)})",
            reason=ReadReason("no_ecg_channel", channels=list(rec.sig_name)),
        )
    rows, rates, names = [], [], []
    for i in keep:
        mv, warn = to_millivolts(np.asarray(signals[i], dtype=np.float64), units[i])
        if warn and warn not in warnings:
            warnings.append(warn)
        if np.isnan(mv).any():
            if EcgWarning("samples_missing") not in warnings:
                warnings.append(EcgWarning("samples_missing"))
            mv = np.nan_to_num(mv)
        rows.append(mv)
        rates.append(float(rec.fs) * spf[i])
        names.append(rec.sig_name[i])
    rows, fs = _to_common_rate(rows, rates, names, warnings)
    age, sex = _comments_meta(rec.comments)
    acquired = None
    if rec.base_date is not None:
        acquired = datetime.combine(rec.base_date, rec.base_time or datetime.min.time())
    sig = EcgSignal(
        np.vstack(rows),
        fs,
        names,
        age_years=age,
        sex=sex,
        acquired=acquired,
        warnings=warnings,
        source="WFDB",
        left_out=left_out,
    )
    return finished(sig, derive=False)
