"""ECG readers for the import pipeline (modality ECG).

DICOM waveform ECG (wins over the generic DICOM reader with 0.95), WFDB
headers (signal files and segment headers are listed as companions), HL7
aECG, GE MUSE XML, GE CardioSoft XML, Philips Sierra XML and SCP-ECG.  ``read_meta`` refuses what the ECG
path cannot use (no waveform, no ECG lead, a record far too short).
Signals themselves are read by ``app.ecg.readers.read_ecg``.
"""

from __future__ import annotations

import glob
from pathlib import Path

from app.descriptions import described
from app.domain import Modality
from app.readers.base import Reader, ReadError, StudyMeta, apply_sidecar, register, sidecar
from app.readers.reasons import ReadReason

_ECG_SOP_PREFIX = b"1.2.840.10008.5.1.4.1.1.9.1."
# annotation files a WFDB record may carry (PhysioNet's usual annotator names)
WFDB_ANNOTATIONS = (".atr", ".qrs", ".ecg", ".ann", ".man", ".pu", ".pu0", ".pu1", ".apn", ".st")


def check_record(path: Path) -> None:
    """Refuse at import what the ECG path cannot use: no waveform, no ECG lead,
    a record far too short to show (``read_ecg`` raises the reason)."""
    from app.ecg.readers import read_ecg

    read_ecg(path)


def _is_dicom(head: bytes) -> bool:
    return len(head) >= 132 and head[128:132] == b"DICM"


@register
class DicomEcgReader(Reader):
    name = "dicom-ecg"
    modality = Modality.ECG
    extensions = (".dcm", "")

    def examine(self, path: Path, head: bytes) -> float:
        if _is_dicom(head) and _ECG_SOP_PREFIX in head:
            return 0.95
        return 0.0

    def read_meta(self, path: Path) -> StudyMeta:
        from app.ecg.readers.dicom_ecg import _acquired, sop_description
        from app.readers.dicom_io import read_dicom

        ds = read_dicom(path, stop_before_pixels=True)
        if "WaveformSequence" not in ds:
            raise ReadError(
                "this DICOM ECG holds no waveform (no Waveform Sequence)",
                "corrupt",
                ReadReason("no_waveform"),
            )
        check_record(path)
        sop = str(ds.get("SOPClassUID", ""))
        return StudyMeta(
            modality=Modality.ECG,
            patient_id=str(ds.get("PatientID", "") or ""),
            patient_name=str(ds.get("PatientName", "") or ""),
            sex=str(ds.get("PatientSex", "") or ""),
            birth_date=str(ds.get("PatientBirthDate", "") or ""),
            study_uid=str(ds.get("StudyInstanceUID", "") or ""),
            study_time=_acquired(ds),
            description=str(ds.get("StudyDescription", "") or "") or sop_description(sop),
            extra={
                "format": "dicom",
                "sop_class": sop,
                "series_uid": str(ds.get("SeriesInstanceUID", "")),
            },
        )

    def open(self, files: list[Path], want: str = "rhythm", **options):
        from app.ecg.readers.dicom_ecg import read_dicom_ecg

        return read_dicom_ecg(Path(files[0]), want)


@register
class WfdbReader(Reader):
    name = "wfdb"
    modality = Modality.ECG
    extensions = (".hea",)

    def examine(self, path: Path, head: bytes) -> float:
        if Path(path).suffix.lower() != ".hea":
            return 0.0
        first = next(
            (ln for ln in head.decode("latin-1").splitlines() if ln.strip() and ln[0] != "#"), ""
        )
        parts = first.split()
        if len(parts) >= 2 and parts[1].isdigit():
            return 0.9
        return 0.0

    def read_meta(self, path: Path) -> StudyMeta:
        import wfdb

        from app.ecg.readers.wfdb_ecg import _comments_meta, data_files, header_description

        path = Path(path)
        try:
            header = wfdb.rdheader(str(path.with_suffix("")))
        except Exception as err:
            raise ReadError(
                f"WFDB header {path.name} is damaged: {err}",
                "corrupt",
                ReadReason("header_damaged"),
            ) from err
        companions = data_files(path)
        missing = [p.name for p in companions if not p.exists()]
        if missing:
            raise ReadError(
                f"WFDB signal file(s) missing next to {path.name}: {', '.join(missing)}",
                "missing",
                ReadReason("companion_missing", files=missing),
            )
        _check_header(path, header)
        # annotation files of the record (100.atr, 100.qrs...) travel with it
        companions += sorted(
            p
            for p in path.parent.glob(f"{glob.escape(path.stem)}.*")
            if p.is_file()
            and p.suffix.lower() not in (".hea", ".json")
            and p not in companions
            and p.suffix.lower() in WFDB_ANNOTATIONS
        )
        _age, sex = _comments_meta(header.comments)
        time = None
        if header.base_date is not None:
            from datetime import datetime

            time = datetime.combine(header.base_date, header.base_time or datetime.min.time())
        meta = StudyMeta(
            modality=Modality.ECG,
            patient_id=header.record_name,
            sex=sex,
            study_time=time,
            description=header_description(_describing_header(header, companions)),
            companions=companions,
            extra={"format": "wfdb", "record": header.record_name},
        )
        return apply_sidecar(meta, sidecar(path))

    def open(self, files: list[Path], **options):
        from app.ecg.readers.wfdb_ecg import read_wfdb

        hea = next((Path(f) for f in files if Path(f).suffix.lower() == ".hea"), Path(files[0]))
        return read_wfdb(hea)


def _check_header(path: Path, header) -> None:
    """The import-time checks a WFDB header allows without reading its samples."""
    from app.ecg.channels import non_ecg_reason
    from app.ecg.readers.wfdb_ecg import header_rate_and_length
    from app.ecg.signal import MIN_RECORD_S, normalize_lead_name

    fs, samples = header_rate_and_length(path.name, header)
    length = samples / fs
    if length < MIN_RECORD_S:
        raise ReadError(
            f"{path.name}: the record is only {length * 1000:.0f} ms long; nothing to show or measure",
            "corrupt",
            ReadReason("too_short", ms=length * 1000),
        )
    names = list(getattr(header, "sig_name", None) or [])
    units = list(getattr(header, "units", None) or [""] * len(names))
    if names and all(
        non_ecg_reason(normalize_lead_name(n), u) for n, u in zip(names, units, strict=False)
    ):
        raise ReadError(
            f"{path.name} holds no ECG channel (only {', '.join(names)})",
            "unsupported",
            ReadReason("no_ecg_channel", channels=names),
        )


def _describing_header(header, companions: list[Path]):
    """The header that names the channels: a multi-segment master header names none,
    so its first segment's header (already checked to lie beside it by
    ``data_files``) describes the record; the master header if that cannot be read."""
    if getattr(header, "sig_name", None):
        return header
    seg = next((p for p in companions if p.suffix.lower() == ".hea"), None)
    if seg is None:
        return header
    import wfdb

    try:
        return wfdb.rdheader(str(seg.with_suffix("")))
    except Exception:  # wfdb raises many kinds on a damaged header: the count stays
        return header


class _XmlEcgReader(Reader):
    modality = Modality.ECG
    extensions = (".xml",)
    marker = b""
    fmt = ""
    module = read_fn = meta_fn = ""  # app.ecg.readers.<module>.<read_fn | meta_fn>
    looks_fn = ""  # the module's own test of the file's head, when a marker is not enough

    def examine(self, path: Path, head: bytes) -> float:
        found = self._impl(self.looks_fn)(head) if self.looks_fn else self.marker in head
        return 0.9 if found else 0.0

    def _impl(self, name: str):
        """A function of this format's module in app.ecg.readers (imported on use)."""
        import importlib

        return getattr(importlib.import_module(f"app.ecg.readers.{self.module}"), name)

    def read_meta(self, path: Path) -> StudyMeta:
        f = self._impl(self.meta_fn)(Path(path))
        check_record(Path(path))
        meta = StudyMeta(
            modality=Modality.ECG,
            patient_id=f["patient_id"],
            patient_name=f["patient_name"],
            sex=f["sex"],
            birth_date=f["birth_date"],
            study_uid=f["uid"],
            study_time=f["time"],
            description=described("ecg_format", format=self.fmt),
            extra={"format": self.name},
        )
        return apply_sidecar(meta, sidecar(Path(path)))

    def open(self, files: list[Path], want: str = "rhythm", **options):
        return self._impl(self.read_fn)(Path(files[0]), want)


@register
class AecgReader(_XmlEcgReader):
    name = "hl7-aecg"
    marker = b"AnnotatedECG"
    fmt = "HL7 aECG"
    module, read_fn, meta_fn = "hl7_aecg", "read_aecg", "aecg_meta"


@register
class MuseReader(_XmlEcgReader):
    name = "ge-muse-xml"
    marker = b"<RestingECG"
    fmt = "GE MUSE XML"
    module, read_fn, meta_fn = "muse_xml", "read_muse", "muse_meta"

    looks_fn = "looks_like_muse"  # not GE CardioSoft's <RestingECGMeasurements>


@register
class CardioSoftReader(_XmlEcgReader):
    name = "ge-cardiosoft-xml"
    marker = b"<CardiologyXML"
    fmt = "GE CardioSoft XML"
    module, read_fn, meta_fn = "cardiosoft_xml", "read_cardiosoft", "cardiosoft_meta"


@register
class SierraReader(_XmlEcgReader):
    name = "philips-sierra-xml"
    marker = b"restingecgdata"
    fmt = "Philips Sierra XML"
    module, read_fn, meta_fn = "sierra_xml", "read_sierra", "sierra_meta"
    looks_fn = "looks_like_sierra"


@register
class ScpReader(Reader):
    name = "scp-ecg"
    modality = Modality.ECG
    extensions = (".scp", "")

    def examine(self, path: Path, head: bytes) -> float:
        from app.ecg.readers.scp_ecg import looks_like_scp

        return 0.9 if looks_like_scp(path, head) else 0.0

    def read_meta(self, path: Path) -> StudyMeta:
        from app.ecg.readers.scp_sections import parse_record, patient_fields

        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as err:
            reason = ReadReason("cannot_read", name=path.name)
            raise ReadError(f"cannot read {path.name}: {err}", reason=reason) from err
        fields = patient_fields(parse_record(raw))
        check_record(path)
        meta = StudyMeta(
            modality=Modality.ECG,
            patient_id=fields["patient_id"],
            patient_name=fields["patient_name"],
            sex=fields["sex"],
            birth_date=fields["birth_date"],
            study_time=fields["time"],
            description=described("ecg_format", format="SCP-ECG"),
            extra={"format": self.name},
        )
        return apply_sidecar(meta, sidecar(path))

    def open(self, files: list[Path], want: str = "rhythm", **options):
        from app.ecg.readers.scp_ecg import read_scp

        return read_scp(Path(files[0]), want)
