"""A small CT series with problems, REBUILT from a real file (labelled as such).

pydicom's real ``CT_small.dcm`` copied to slice positions 0, 5, 10, 10 and 20 mm
with new instance UIDs, PixelSpacing removed from every copy: the third slice is
there twice (a duplicated slice), the fourth is missing (a gap), and distances can
only be given in pixels.  Used by the tests and the screenshots of the series
problems the image viewer names.
"""

from __future__ import annotations

import warnings
from pathlib import Path

POSITIONS = (0.0, 5.0, 10.0, 10.0, 20.0)  # mm along z: 10 twice, 15 missing


def write_problem_series(folder: Path, positions=POSITIONS, spacing=None) -> list[Path]:
    """Write the rebuilt series (``spacing`` (row, column) mm puts PixelSpacing back)."""
    import pydicom
    from pydicom.data import get_testdata_file
    from pydicom.uid import generate_uid

    src = get_testdata_file("CT_small.dcm", download=False)
    folder.mkdir(parents=True, exist_ok=True)
    series = generate_uid(entropy_srcs=["huizhen-rebuilt-ct-small", str(folder)])
    out = []
    for i, z in enumerate(positions):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = pydicom.dcmread(src)
        if spacing is None:
            del ds.PixelSpacing
        else:
            ds.PixelSpacing = list(spacing)
        ds.SeriesInstanceUID = series
        ds.SeriesDescription = "REBUILT from pydicom CT_small.dcm"
        ds.SOPInstanceUID = generate_uid(entropy_srcs=[series, str(i)])
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [0.0, 0.0, float(z)]
        ds.InstanceNumber = i + 1
        path = folder / f"ct_{i + 1}.dcm"
        ds.save_as(path)
        out.append(path)
    return out
