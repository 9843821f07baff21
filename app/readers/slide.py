"""Whole-slide images (modality SM) for the import pipeline, via OpenSlide.

``examine`` asks OpenSlide which format a file is (only for files whose first
bytes or extension make a slide possible, so importing a CT series does not
open every slice): vendor formats score 0.95, a tiled pyramidal TIFF 0.8 and a
small or single-level TIFF low, leaving it to the photo reader.
"""

from __future__ import annotations

from pathlib import Path

from app.descriptions import Description, DescriptionPart
from app.domain import Modality
from app.readers.base import Reader, ReadError, StudyMeta, apply_sidecar, register, sidecar

TIFF_MAGIC = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")
WSI_SOP_CLASS = b"1.2.840.10008.5.1.4.1.1.77.1.6"
INDEX_EXTENSIONS = (".mrxs", ".vms", ".vmu")
PYRAMID_MIN_SIDE = 8192


def _generic_tiff_confidence(path: Path) -> float:
    import tifffile

    try:
        with tifffile.TiffFile(path) as tf:
            tiled = [p for p in tf.pages if getattr(p, "is_tiled", False)]
            if not tiled:
                return 0.0
            side = max(tiled[0].shape[:2])
            if len(tiled) >= 2 and side >= 2048:
                return 0.8
            if side >= PYRAMID_MIN_SIDE:
                return 0.6
            return 0.15
    except Exception:
        return 0.0


def is_dicom_file(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(132)[128:132] == b"DICM"
    except OSError:
        return False


def dicom_ids(meta: StudyMeta, path: Path) -> None:
    """Patient, study and series of a DICOM-WSI file (each level is its own file)."""
    from app.readers.dicom import meta_from_dataset, read_dataset

    found = meta_from_dataset(read_dataset(path), Modality.SM)
    for key in ("patient_id", "patient_name", "sex", "birth_date", "study_uid", "study_time"):
        setattr(meta, key, getattr(found, key))
    meta.extra["series_uid"] = found.extra.get("series_uid", "")


@register
class SlideReader(Reader):
    name = "openslide"
    modality = Modality.SM
    extensions = (".svs", ".tif", ".tiff", ".ndpi", ".vms", ".vmu", ".mrxs", ".scn", ".bif", ".dcm")

    def examine(self, path: Path, head: bytes) -> float:
        from app.slide.source import detect_vendor

        is_tiff = head[:4] in TIFF_MAGIC
        is_wsi_dicom = head[128:132] == b"DICM" and WSI_SOP_CLASS in head
        if not (is_tiff or is_wsi_dicom or path.suffix.lower() in INDEX_EXTENSIONS):
            return 0.0
        vendor = detect_vendor(path)
        if vendor is None:
            return 0.0
        if vendor == "generic-tiff":
            return _generic_tiff_confidence(path)
        return 0.95

    def read_meta(self, path: Path) -> StudyMeta:
        from app.slide.probe import ProbeError, probe_slide
        from app.slide.source import SlideError, SlideSource
        from app.slide.validate import GeometryError, check_geometry

        try:
            check_geometry(path)
            probe_slide(path)  # decoded first in a child: an abort there refuses the file
        except (GeometryError, ProbeError) as err:
            raise ReadError(f"{path.name} is damaged: {err}", kind="corrupt") from err
        try:
            with SlideSource(path) as src:
                meta = StudyMeta(modality=Modality.SM)
                w, h = src.dimensions
                mpp = src.mpp
                power = src.objective_power
                meta.extra = {
                    "vendor": src.vendor,
                    "backend": src.backend,
                    "width": w,
                    "height": h,
                    "levels": [
                        [lw, lh, round(ds, 4)]
                        for (lw, lh), ds in zip(
                            src.level_dimensions, src.level_downsamples, strict=True
                        )
                    ],
                    "mpp": list(mpp) if mpp else None,
                    "objective_power": power,
                    "associated": src.associated_names,
                    "tile_size": src.tile_size,
                }
                parts = [DescriptionPart("slide_size", width=int(w), height=int(h))]
                if power:
                    parts.append(DescriptionPart("slide_power", power=float(power)))
                if mpp:
                    parts.append(DescriptionPart("slide_mpp", mpp=float(mpp[0])))
                meta.description = Description(*parts)
        except SlideError as err:
            raise ReadError(str(err), kind=err.kind, reason=err.reason) from err
        if path.suffix.lower() == ".mrxs":
            data_dir = path.with_suffix("")
            if data_dir.is_dir():
                meta.companions = sorted(p for p in data_dir.iterdir() if p.is_file())
        if is_dicom_file(path):
            dicom_ids(meta, path)  # the files of one DICOM-WSI series become one series
        apply_sidecar(meta, sidecar(path))
        if not meta.patient_id:
            meta.patient_id = path.stem
        return meta

    def open(self, files: list[Path], cache=None, **options):
        """The slide (``SlideSource``): a DICOM-WSI series as one slide (its levels, label and
        overview files together, through wsidicom), else the first file that opens."""
        from app.slide.dicom_source import is_dicom
        from app.slide.source import SlideError, SlideSource

        ordered = sorted(files, key=lambda p: Path(p).suffix.lower() not in self.extensions)
        last: Exception | None = None
        dicom = [Path(p) for p in files if is_dicom(Path(p))]
        if len(dicom) > 1:
            try:
                return SlideSource(dicom[0], cache=cache, files=dicom)
            except SlideError as err:
                last = err
        for path in ordered:
            try:
                return SlideSource(path, cache=cache)
            except SlideError as err:
                last = err
        raise ReadError(str(last or "no slide file"), "corrupt", getattr(last, "reason", None))
