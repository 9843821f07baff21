"""Read any supported ECG file into an ``EcgSignal``.

``read_ecg(path)`` sniffs the format (DICOM waveform, WFDB, HL7 aECG, GE
MUSE XML, GE CardioSoft XML, Philips Sierra XML, SCP-ECG) and raises ``ReadError`` with a user-facing reason when it cannot.
"""

from __future__ import annotations

from pathlib import Path

from app.ecg.signal import MIN_RECORD_S, EcgSignal
from app.readers.base import ReadError, read_head
from app.readers.reasons import ReadReason


def sniff(path: Path, head: bytes) -> str:
    """ "dicom", "wfdb", "aecg", "muse", "cardiosoft", "sierra", "scp" or "" for one file."""
    suffix = Path(path).suffix.lower()
    if len(head) >= 132 and head[128:132] == b"DICM":
        return "dicom"
    if suffix in (".hea", ".dat") and Path(path).with_suffix(".hea").exists():
        return "wfdb"
    if b"<" in head[:512]:
        from app.ecg.readers.cardiosoft_xml import looks_like_cardiosoft
        from app.ecg.readers.hl7_aecg import looks_like_aecg
        from app.ecg.readers.muse_xml import looks_like_muse
        from app.ecg.readers.sierra_xml import looks_like_sierra

        if looks_like_aecg(head):
            return "aecg"
        if looks_like_cardiosoft(head):  # before MUSE: it holds RestingECGMeasurements
            return "cardiosoft"
        if looks_like_muse(head):
            return "muse"
        if looks_like_sierra(head):
            return "sierra"
    from app.ecg.readers.scp_ecg import looks_like_scp

    if looks_like_scp(path, head):
        return "scp"
    if suffix == ".dcm":
        return "dicom"
    return ""


def read_ecg(path: Path | str, want: str = "rhythm") -> EcgSignal:
    """The ECG in ``path``; ``want="median"`` asks DICOM for median beats.

    A record shorter than ``MIN_RECORD_S`` is refused: it holds no beat to
    show or measure.  Whether a longer one may be graded is decided by the
    analysis (``inference.ecg.scope``).
    """
    sig = _read(Path(path), want)
    if want != "median" and sig.duration_s < MIN_RECORD_S:
        raise ReadError(
            f"{Path(path).name}: the ECG is only {sig.duration_s * 1000:.0f} ms long "
            f"({sig.n_samples} samples at {sig.fs:g} Hz); nothing to show or measure",
            "corrupt",
            ReadReason("too_short", ms=sig.duration_s * 1000),
        )
    return sig


def _read(path: Path, want: str) -> EcgSignal:
    if not path.exists():
        raise ReadError(ReadReason("file_missing", name=path.name))
    try:
        head = read_head(path)
    except OSError as err:
        reason = ReadReason("cannot_read", name=path.name)
        raise ReadError(f"cannot open {path.name}: {err}", reason=reason) from err
    if not head:
        raise ReadError(ReadReason("file_empty", name=path.name))
    kind = sniff(path, head)
    if kind == "dicom":
        from app.ecg.readers.dicom_ecg import read_dicom_ecg

        return read_dicom_ecg(path, want)
    if kind == "wfdb":
        from app.ecg.readers.wfdb_ecg import read_wfdb

        return read_wfdb(path)
    if kind == "aecg":
        from app.ecg.readers.hl7_aecg import read_aecg

        return read_aecg(path, want)
    if kind == "muse":
        from app.ecg.readers.muse_xml import read_muse

        return read_muse(path, want)
    if kind == "cardiosoft":
        from app.ecg.readers.cardiosoft_xml import read_cardiosoft

        return read_cardiosoft(path, want)
    if kind == "scp":
        from app.ecg.readers.scp_ecg import read_scp

        return read_scp(path, want)
    if kind == "sierra":
        from app.ecg.readers.sierra_xml import read_sierra

        return read_sierra(path, want)
    raise ReadError(ReadReason("ecg_format_unknown", name=path.name))


__all__ = ["read_ecg", "sniff"]
