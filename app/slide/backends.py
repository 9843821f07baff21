"""Which library decodes a slide: OpenSlide first, ``wsidicom`` for DICOM it cannot read.

``open_backend`` returns the open handle, the backend's name and one note per
backend that was tried and failed ("OpenSlide: unsupported transfer syntax
JPEG-LS"), which ``huizhen wsi info`` prints and the import keeps.
"""

from __future__ import annotations

from pathlib import Path

SUPPORTED = (
    "supported: Aperio SVS, Hamamatsu NDPI/VMS, MIRAX MRXS, Leica SCN, Ventana BIF, "
    "DICOM-WSI (also JPEG-LS, 16-bit and multi-file through wsidicom), tiled pyramidal TIFF"
)


def open_openslide(path: Path):
    import openslide

    from app.slide.source import SlideError

    try:
        return openslide.OpenSlide(str(path))
    except openslide.OpenSlideUnsupportedFormatError as err:
        from app.readers.reasons import ReadReason

        reason = ReadReason("format_unknown", name=path.name)
        raise SlideError(f"{path.name}: unsupported slide format", reason=reason) from err
    except openslide.OpenSlideError as err:
        raise SlideError(f"{path.name} is damaged or incomplete: {err}") from err
    except OSError as err:
        raise SlideError(f"{path.name} cannot be opened: {err}") from err


def _decodes(slide) -> None:
    """Read one small region of the lowest level; a decode error closes the handle."""
    import openslide

    from app.slide.source import SlideError

    level = slide.level_count - 1
    w, h = slide.level_dimensions[level]
    try:
        slide.read_region((0, 0), level, (min(w, 64), min(h, 64)))
    except openslide.OpenSlideError as err:
        slide.close()
        raise SlideError(f"cannot decode: {err}") from None


def open_wsidicom(files: list[Path]):
    from app.slide.dicom_source import WsiDicomHandle
    from app.slide.source import SlideError

    try:
        return WsiDicomHandle(files)
    except ImportError as err:
        raise SlideError("the wsidicom package is not installed") from err
    except Exception as err:  # noqa: BLE001 - wsidicom raises many kinds; all mean "cannot"
        raise SlideError(f"{files[0].name}: {type(err).__name__}: {err}") from err


def open_backend(path: Path, vendor: str | None, files: list[Path] | None = None):
    """(handle, backend name, notes on the backends that could not open it)."""
    from app.slide.dicom_source import is_dicom
    from app.slide.source import SlideError

    notes: list[str] = []
    first: SlideError | None = None
    multi = files is not None and len(files) > 1
    if vendor is not None and not multi:
        try:
            slide = open_openslide(path)
            if vendor == "dicom":
                _decodes(slide)  # OpenSlide opens some DICOM it cannot decode (JP2 boxes)
            return slide, "openslide", notes
        except SlideError as err:
            notes.append(f"OpenSlide: {err.__cause__ or err}")
            first = err
    elif vendor is None:
        notes.append("OpenSlide: format not recognised")
    else:
        notes.append("OpenSlide: reads one file per slide, this slide has several")
    dicom = [p for p in (files or [path]) if is_dicom(p)]
    if dicom:
        try:
            return open_wsidicom(dicom), "wsidicom", notes
        except SlideError as err:
            notes.append(f"wsidicom: {err}")
            raise SlideError(f"{path.name} cannot be read ({'; '.join(notes)})") from err
    if first is not None:
        raise first
    raise SlideError(f"{path.name} is not a whole-slide image this program can read ({SUPPORTED})")
