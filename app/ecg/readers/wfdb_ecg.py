"""WFDB record (.hea header + .dat signal files) -> EcgSignal."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import numpy as np

from app.ecg.signal import EcgSignal, amplitude_warning, normalize_sex, to_millivolts
from app.readers.base import ReadError


def header_path(path: Path) -> Path:
    path = Path(path)
    return path if path.suffix.lower() == ".hea" else path.with_suffix(".hea")


def data_files(hea: Path) -> list[Path]:
    """Signal files a header names (lines after the record line)."""
    out: list[Path] = []
    try:
        lines = hea.read_text("latin-1").splitlines()
    except OSError as err:
        raise ReadError(f"cannot read WFDB header {hea.name}: {err}") from err
    body = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    for line in body[1:]:
        name = line.split()[0]
        if name != "~" and not name.startswith("-"):
            p = hea.with_name(name)
            if p not in out:
                out.append(p)
    return out


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


def read_wfdb(path: Path) -> EcgSignal:
    import wfdb

    hea = header_path(path)
    if not hea.exists():
        raise ReadError(f"WFDB header {hea.name} not found next to the signal file")
    for dat in data_files(hea):
        if not dat.exists():
            raise ReadError(f"WFDB signal file {dat.name} named in {hea.name} is missing")
    try:
        header = wfdb.rdheader(str(hea.with_suffix("")))
    except Exception as err:  # wfdb raises many types for bad headers
        raise ReadError(f"WFDB header {hea.name} is damaged: {err}") from err
    expected = int(header.sig_len or 0)
    try:
        rec = wfdb.rdrecord(str(hea.with_suffix("")), physical=True)
    except Exception as err:
        raise ReadError(
            f"WFDB record {hea.stem} cannot be read (truncated or damaged): {err}"
        ) from err
    if rec.p_signal is None or rec.p_signal.size == 0:
        raise ReadError(f"WFDB record {hea.stem} holds no samples")
    warnings: list[str] = []
    got = rec.p_signal.shape[0]
    if expected and got < expected:
        warnings.append(f"signal file is truncated: {got} of {expected} samples")
    data = rec.p_signal.T.astype(np.float64)
    rows = []
    for i, unit in enumerate(rec.units or [""] * data.shape[0]):
        mv, warn = to_millivolts(data[i], unit)
        if warn and warn not in warnings:
            warnings.append(warn)
        rows.append(mv)
    data = np.vstack(rows)
    if np.isnan(data).any():
        warnings.append("some samples are missing (gaps set to 0)")
        data = np.nan_to_num(data)
    age, sex = _comments_meta(rec.comments)
    acquired = None
    if rec.base_date is not None:
        acquired = datetime.combine(rec.base_date, rec.base_time or datetime.min.time())
    sig = EcgSignal(
        data,
        float(rec.fs),
        list(rec.sig_name),
        age_years=age,
        sex=sex,
        acquired=acquired,
        warnings=warnings,
        source="WFDB",
    )
    warn = amplitude_warning(sig)
    if warn:
        sig.warnings.append(warn)
    return sig.ordered()
