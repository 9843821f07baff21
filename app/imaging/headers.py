"""What one DICOM file's header says about its frames (Qt-free, headers only).

``read_frames(path)`` reads a header once (pixel data skipped, its offset kept)
and returns one ``FrameRef`` per frame: where the frame sits in the patient,
how its stored values become modality values, and, for uncompressed files,
where its bytes are so the volume loader can read them without parsing the
file again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from app.readers.base import ReadError
from app.readers.reasons import ReadReason

NATIVE = {
    "1.2.840.10008.1.2": "<",  # implicit VR little endian
    "1.2.840.10008.1.2.1": "<",  # explicit VR little endian
    "1.2.840.10008.1.2.2": ">",  # explicit VR big endian (retired, still met)
}
UNDEFINED = 0xFFFFFFFF
NO_IMAGE = "holds no image"


@dataclass
class FileHead:
    """The parts of one file's header every frame of it shares."""

    path: Path
    series_uid: str
    study_uid: str
    modality: str
    description: str
    sop_class: str
    rows: int
    columns: int
    samples: int
    bits_allocated: int
    bits_stored: int
    signed: bool
    planar: int
    photometric: str
    transfer_syntax: str
    pixel_spacing: tuple[float, float] | None
    orientation: tuple[float, ...] | None
    instance: int
    acquisition: int
    frames: int
    gantry_tilt: float
    windows: list[tuple[float, float]] = field(default_factory=list)
    pixel_offset: int | None = None  # uncompressed pixel data: byte offset in the file
    burned_in: str = ""
    voi_lut: bool = False  # a VOI LUT sequence (display transform) in the header
    modality_lut: bool = False  # a Modality LUT sequence instead of rescale slope/intercept
    forced: bool = False  # no Part-10 header (no preamble / file meta): read with force


@dataclass
class FrameRef:
    """One displayable frame: file, frame in file (None: single frame), geometry, rescale."""

    head: FileHead
    index: int | None
    position: tuple[float, float, float] | None
    slope: float = 1.0
    intercept: float = 0.0
    orientation: tuple[float, ...] | None = None

    @property
    def path(self) -> Path:
        return self.head.path


def _floats(value, n: int) -> tuple[float, ...] | None:
    try:
        out = tuple(float(v) for v in value)
    except (TypeError, ValueError):
        return None
    if len(out) != n or not all(np.isfinite(out)):
        return None
    return out


def _num(value, default: float) -> float:
    try:
        if value is None or value == "":
            return default
        if hasattr(value, "__len__") and not isinstance(value, str | bytes):
            value = value[0]
        out = float(value)
    except (TypeError, ValueError, IndexError):
        return default
    return out if np.isfinite(out) else default


def _int(ds, key: str, default: int) -> int:
    try:
        return int(ds.get(key, default) or default)
    except (TypeError, ValueError):
        return default


def _item(ds, seq: str, sub: str):
    """``ds.seq[0].sub[0]`` or None (functional groups)."""
    try:
        return ds[seq][0][sub][0] if seq in ds and sub in ds[seq][0] else None
    except (IndexError, KeyError, TypeError, AttributeError):
        return None


def _windows(ds) -> list[tuple[float, float]]:
    wc, ww = ds.get("WindowCenter"), ds.get("WindowWidth")
    if wc is None:
        voi = _item(ds, "SharedFunctionalGroupsSequence", "FrameVOILUTSequence")
        if voi is not None:
            wc, ww = voi.get("WindowCenter"), voi.get("WindowWidth")
    if wc is None or ww is None:
        return []
    many = not isinstance(wc, str | bytes | int | float) and hasattr(wc, "__len__")
    cs = list(wc) if many else [wc]
    ws = list(ww) if not isinstance(ww, str | bytes | int | float) else [ww]
    out = []
    for c, w in zip(cs, ws, strict=False):
        c, w = _num(c, np.nan), _num(w, np.nan)
        if np.isfinite(c) and np.isfinite(w) and w > 0:
            out.append((c, w))
    return out


def _pixel_offset(ds, transfer_syntax: str) -> int | None:
    if transfer_syntax not in NATIVE or "PixelData" not in ds:
        return None
    try:
        raw = ds.get_item("PixelData", keep_deferred=True)
    except (KeyError, TypeError, ValueError):
        return None
    length, tell = getattr(raw, "length", UNDEFINED), getattr(raw, "value_tell", None)
    if tell is None or length in (None, UNDEFINED):
        return None
    return int(tell)


def looks_like_bare_dataset(path: Path) -> bool:
    """A dataset without the Part-10 preamble: starts with a group 0008 (or 0002) tag."""
    try:
        with open(path, "rb") as fp:
            head = fp.read(132)
    except OSError:
        return False
    return head[128:132] != b"DICM" and head[:2] in (b"\x08\x00", b"\x02\x00", b"\x00\x08")


def read_header(path: Path, **kwargs):
    """``read_dicom`` that also takes files without the Part-10 header: (dataset, forced)."""
    from app.readers.dicom_io import read_dicom

    try:
        return read_dicom(path, **kwargs), False
    except ReadError:
        if not looks_like_bare_dataset(path):
            raise
    return read_dicom(path, force=True, **kwargs), True


def implied_syntax(ds) -> str:
    """The transfer syntax a dataset without file meta was read with."""
    implicit, little = getattr(ds, "original_encoding", (True, True))
    if implicit is None:
        implicit, little = True, True
    if not little:
        return "1.2.840.10008.1.2.2"
    return "1.2.840.10008.1.2" if implicit else "1.2.840.10008.1.2.1"


def read_head(path: Path) -> tuple[FileHead, list[FrameRef]]:
    """The header of ``path`` and its frames; ReadError when it is no image."""
    path = Path(path)
    ds, forced = read_header(path, defer_size=4096)  # pixel data (and big values) not read
    if "PixelData" not in ds:
        kind = str(ds.get("Modality", "") or "?")
        raise ReadError(
            f"{NO_IMAGE} ({kind} object)", "unsupported", ReadReason("no_pixel_data", object=kind)
        )
    meta = getattr(ds, "file_meta", None) or {}
    ts = str(meta.get("TransferSyntaxUID", "") or implied_syntax(ds))
    return dataset_head(RawHeader(ds), path, ts, forced, path.stat().st_size)


# Plain values read straight from the raw element bytes (pydicom converts each value on
# first access through several layers: half the time of reading a CT header).
FAST_TAGS = {
    "Rows": (0x00280010, "US"),
    "Columns": (0x00280011, "US"),
    "SamplesPerPixel": (0x00280002, "US"),
    "BitsAllocated": (0x00280100, "US"),
    "BitsStored": (0x00280101, "US"),
    "PixelRepresentation": (0x00280103, "US"),
    "PlanarConfiguration": (0x00280006, "US"),
    "NumberOfFrames": (0x00280008, "IS"),
    "InstanceNumber": (0x00200013, "IS"),
    "AcquisitionNumber": (0x00200012, "IS"),
    "PixelSpacing": (0x00280030, "DS"),
    "ImagerPixelSpacing": (0x00181164, "DS"),
    "ImageOrientationPatient": (0x00200037, "DS"),
    "ImagePositionPatient": (0x00200032, "DS"),
    "RescaleSlope": (0x00281053, "DS"),
    "RescaleIntercept": (0x00281052, "DS"),
    "GantryDetectorTilt": (0x00181120, "DS"),
    "WindowCenter": (0x00281050, "DS"),
    "WindowWidth": (0x00281051, "DS"),
    "SeriesInstanceUID": (0x0020000E, "UI"),
    "StudyInstanceUID": (0x0020000D, "UI"),
    "SOPClassUID": (0x00080016, "UI"),
    "Modality": (0x00080060, "CS"),
    "PhotometricInterpretation": (0x00280004, "CS"),
    "BurnedInAnnotation": (0x00280301, "CS"),
}


def _raw_value(raw, kind: str):
    """The value pydicom would give for a plain raw element; ValueError when unsure."""
    value = raw.value
    if kind == "US":
        if len(value) != 2:
            raise ValueError("not one US value")
        return int.from_bytes(value, "little" if raw.is_little_endian else "big")
    text = value.decode("ascii").strip(" \x00")
    if kind in ("UI", "CS"):
        if "\\" in text:
            raise ValueError("several values")
        return text
    parts = [p.strip() for p in text.split("\\")]
    values = [int(p) for p in parts] if kind == "IS" else [float(p) for p in parts]
    return values[0] if len(values) == 1 else values


class RawHeader:
    """A read-only view of a dataset whose ``get`` reads ``FAST_TAGS`` from the raw
    bytes; anything else, and any value it is unsure of, goes to pydicom."""

    __slots__ = ("ds",)

    def __init__(self, ds) -> None:
        self.ds = ds

    def get(self, key, default=None):
        spec = FAST_TAGS.get(key) if isinstance(key, str) else None
        elems = getattr(self.ds, "_dict", None)
        if spec is not None and elems is not None:
            raw = elems.get(spec[0])
            if raw is None:
                return default
            if getattr(raw, "is_raw", False) and raw.value:
                try:
                    return _raw_value(raw, spec[1])
                except (ValueError, UnicodeDecodeError):
                    pass
        return self.ds.get(key, default)

    def __contains__(self, key) -> bool:
        return key in self.ds

    def __getitem__(self, key):
        return self.ds[key]

    def __getattr__(self, name: str):
        return getattr(self.ds, name)


def dataset_head(
    ds, path: Path, ts: str, forced: bool = False, file_size: int | None = None
) -> tuple[FileHead, list[FrameRef]]:
    """``read_head`` of a header already read (e.g. DICOM JSON from a PACS, whose
    pixels arrive later at ``path``); ``file_size`` None: not checked against it."""
    from app.readers.dicom_io import frame_geometry

    if "Rows" not in ds:
        kind = str(ds.get("Modality", "") or "?")
        raise ReadError(
            f"{NO_IMAGE} ({kind} object)", "unsupported", ReadReason("no_pixel_data", object=kind)
        )
    frames, _ = frame_geometry(ds, file_size if file_size is not None else 1 << 62)
    shared_spacing = _item(ds, "SharedFunctionalGroupsSequence", "PixelMeasuresSequence")
    spacing = _floats(ds.get("PixelSpacing", ds.get("ImagerPixelSpacing")), 2)
    if spacing is None and shared_spacing is not None:
        spacing = _floats(shared_spacing.get("PixelSpacing"), 2)
    if spacing is not None and not all(0 < v < 1e4 for v in spacing):
        spacing = None
    orientation = _floats(ds.get("ImageOrientationPatient"), 6)
    shared_orient = _item(ds, "SharedFunctionalGroupsSequence", "PlaneOrientationSequence")
    if orientation is None and shared_orient is not None:
        orientation = _floats(shared_orient.get("ImageOrientationPatient"), 6)
    head = FileHead(
        path=path,
        series_uid=str(ds.get("SeriesInstanceUID", "") or "").strip(),
        study_uid=str(ds.get("StudyInstanceUID", "") or "").strip(),
        modality=str(ds.get("Modality", "") or "").strip(),
        description=str(ds.get("SeriesDescription", "") or "").strip(),
        sop_class=str(ds.get("SOPClassUID", "") or ""),
        rows=_int(ds, "Rows", 0),
        columns=_int(ds, "Columns", 0),
        samples=_int(ds, "SamplesPerPixel", 1),
        bits_allocated=_int(ds, "BitsAllocated", 16),
        bits_stored=_int(ds, "BitsStored", _int(ds, "BitsAllocated", 16)),
        signed=_int(ds, "PixelRepresentation", 0) == 1,
        planar=_int(ds, "PlanarConfiguration", 0),
        photometric=str(ds.get("PhotometricInterpretation", "") or "MONOCHROME2").strip(),
        transfer_syntax=ts,
        pixel_spacing=spacing,
        orientation=orientation,
        instance=_int(ds, "InstanceNumber", 0),
        acquisition=_int(ds, "AcquisitionNumber", 0),
        frames=frames,
        gantry_tilt=_num(ds.get("GantryDetectorTilt"), 0.0),
        windows=_windows(ds),
        pixel_offset=_pixel_offset(ds, ts),
        burned_in=str(ds.get("BurnedInAnnotation", "") or "").strip().upper(),
        forced=forced,
        modality_lut="ModalityLUTSequence" in ds,
        voi_lut="VOILUTSequence" in ds,
    )
    return head, _frame_refs(ds, head)


def _frame_refs(ds, head: FileHead) -> list[FrameRef]:
    slope = _num(ds.get("RescaleSlope"), 1.0) or 1.0
    intercept = _num(ds.get("RescaleIntercept"), 0.0)
    shared_rescale = _item(ds, "SharedFunctionalGroupsSequence", "PixelValueTransformationSequence")
    if shared_rescale is not None and "RescaleSlope" not in ds:
        slope = _num(shared_rescale.get("RescaleSlope"), 1.0) or 1.0
        intercept = _num(shared_rescale.get("RescaleIntercept"), 0.0)
    if head.frames == 1:
        position = _floats(ds.get("ImagePositionPatient"), 3)
        if position is None:
            plane = _item(ds, "PerFrameFunctionalGroupsSequence", "PlanePositionSequence")
            position = _floats(plane.get("ImagePositionPatient"), 3) if plane else None
        return [FrameRef(head, None, position, slope, intercept, head.orientation)]
    per_frame = ds.get("PerFrameFunctionalGroupsSequence") or []
    out = []
    for k in range(head.frames):
        position, orientation, s, i = None, head.orientation, slope, intercept
        if k < len(per_frame):
            item = per_frame[k]
            try:
                if "PlanePositionSequence" in item:
                    position = _floats(item.PlanePositionSequence[0].get("ImagePositionPatient"), 3)
                if "PlaneOrientationSequence" in item:
                    orientation = (
                        _floats(item.PlaneOrientationSequence[0].get("ImageOrientationPatient"), 6)
                        or orientation
                    )
                if "PixelValueTransformationSequence" in item:
                    pvt = item.PixelValueTransformationSequence[0]
                    s = _num(pvt.get("RescaleSlope"), slope) or 1.0
                    i = _num(pvt.get("RescaleIntercept"), intercept)
            except (IndexError, AttributeError, KeyError, TypeError):
                pass
        out.append(FrameRef(head, k, position, s, i, orientation))
    return out
