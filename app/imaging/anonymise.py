"""Series export as DICOM, anonymised with ``app.anon`` (PS3.15 basic profile; Qt-free).

One ``Pseudonyms`` per export remaps UIDs consistently (the series stays one
series, references resolve); dates are shifted by one random offset per export
(the modified-dates option: intervals between studies stay true); private tags
are removed.  Burned-in annotation is respected: an image whose
BurnedInAnnotation is YES, or a secondary capture that does not say, is not
exported anonymised, and the result names it.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass
from pathlib import Path

from app.imaging.problems import SeriesProblem
from app.readers.base import ReadError

SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7"


def burned_in(ds) -> bool:
    """Text may be burned into the pixels: YES, or a secondary capture that does not say."""
    flag = str(ds.get("BurnedInAnnotation", "") or "").strip().upper()
    if flag:
        return flag == "YES"
    return str(ds.get("SOPClassUID", "")).startswith(SECONDARY_CAPTURE)


@dataclass
class ExportResult:
    written: list[Path]
    skipped: list[tuple[str, str]]  # (file, reason)


def export_series(
    files: list[Path],
    out_dir: Path,
    anonymise: bool = True,
    pseudo=None,
    shift_days: int | None = None,
) -> ExportResult:
    """Copy the series' files to ``out_dir`` as DICOM, anonymised unless told otherwise."""
    from app.anon import Pseudonyms, anonymise_dataset
    from app.fileio import atomic_write_bytes
    from app.readers.dicom_io import read_dicom

    pseudo = pseudo or Pseudonyms()
    shift = -secrets.randbelow(3650) - 1 if shift_days is None else shift_days
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written, skipped = [], []
    for n, path in enumerate(map(Path, files), start=1):
        try:
            ds = read_dicom(path)
        except ReadError as err:
            skipped.append((path.name, err.reason or str(err)))  # coded when it can be
            continue
        if anonymise:
            if burned_in(ds):
                skipped.append((path.name, SeriesProblem("burned_in")))
                continue
            anonymise_dataset(ds, pseudo, shift_days=shift)
        buf = io.BytesIO()
        ds.save_as(buf, enforce_file_format=True)
        target = out_dir / f"IM{n:05d}.dcm"
        atomic_write_bytes(target, buf.getvalue())
        written.append(target)
    return ExportResult(written, skipped)
