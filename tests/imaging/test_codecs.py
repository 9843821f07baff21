"""Every pydicom / pydicom-data test file that claims image pixels opens as a Volume.

Values are checked against pydicom's own whole-file decode (modality LUT, palette
and colour conversion applied) wherever pydicom can decode the file itself.
The files that legitimately cannot be shown are listed with the reason; for them
the loader must name the file and the reason instead of crashing.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

from app.imaging.series import series_info
from app.imaging.volume import Volume
from app.readers.base import ReadError

CANNOT = {
    "JPEG-lossy.dcm": "12-bit JPEG Extended whose scan header libjpeg rejects (a misplaced "
    "marker); GDCM does not decode 12-bit JPEG Extended either",
    "JPEG2000-embedded-sequence-delimiter.dcm": "its JPEG 2000 codestream header is unreadable "
    "(openjpeg: invalid number of tiles); pydicom keeps it to test fragment parsing",
    "MR_truncated.dcm": "truncated: the file ends inside the pixel data",
    "badVR.dcm": "damaged header: Rows/Columns are not valid numbers",
}


def claims_pixels(path: str) -> bool:
    import pydicom

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = pydicom.dcmread(path, defer_size=256, force=True)
    except Exception:
        return False
    return "Rows" in ds and "PixelData" in ds


def local_test_files() -> list[str]:
    """pydicom's test files and pydicom-data's, from disk (never downloaded)."""
    from pydicom.data.data_manager import DATA_ROOT, get_external_sources

    roots = [Path(DATA_ROOT) / "test_files"]
    roots += [Path(src.data_path) for src in get_external_sources().values()]
    found = {str(p) for root in roots if root.is_dir() for p in root.rglob("*") if p.is_file()}
    return sorted((p for p in found if claims_pixels(p)), key=lambda p: Path(p).name)


FILES = local_test_files()


def reference(path: str, vol: Volume):
    """pydicom's decode of the whole file, as the volume stores it; None if pydicom cannot."""
    import pydicom
    from pydicom.pixels import apply_color_lut, apply_modality_lut

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = pydicom.dcmread(path, force=True)
            if "TransferSyntaxUID" not in ds.file_meta:
                return None
            arr = ds.pixel_array
            if (
                vol.rgb
                and arr.dtype != np.uint8
                and ds.PhotometricInterpretation != "PALETTE COLOR"
            ):
                arr = (arr // 257).astype(np.uint8)
            elif ds.PhotometricInterpretation == "PALETTE COLOR":
                arr = apply_color_lut(arr, ds)
                arr = arr if arr.dtype == np.uint8 else (arr / 257).astype(np.uint8)
            elif not vol.rgb and "PerFrameFunctionalGroupsSequence" not in ds:
                arr = apply_modality_lut(arr, ds)
            elif not vol.rgb:  # enhanced: the shared rescale of the functional groups
                shared = ds.SharedFunctionalGroupsSequence[0]
                if "PixelValueTransformationSequence" in shared:
                    pvt = shared.PixelValueTransformationSequence[0]
                    arr = arr * float(pvt.RescaleSlope) + float(pvt.RescaleIntercept)
    except Exception:
        return None
    return arr


def test_the_list_is_the_real_test_data():
    assert len(FILES) > 100  # pydicom + pydicom-data
    names = {Path(p).name for p in FILES}
    assert set(CANNOT) <= names


@pytest.mark.parametrize("path", FILES, ids=[Path(p).name for p in FILES])
def test_opens(path):
    name = Path(path).name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            info = series_info([Path(path)])
        except ReadError as err:
            assert name in CANNOT, f"{name}: {err}"
            assert name in str(err)
            return
        vol = Volume.create(info).load()
    if name in CANNOT:
        assert vol.failed and all(name in reason for reason in vol.failed.values())
        return
    assert not vol.failed, vol.failed
    assert vol.loaded.all()
    ref = reference(path, vol)
    if ref is None or vol.array.shape[0] != info.slices:
        return
    ref = np.asarray(ref).reshape(-1, *vol.array.shape[1:])
    if ref.shape[0] != vol.array.shape[0]:
        return
    if info.frames[0].position is not None and info.slices > 1:
        # frames sorted along the normal: compare with pydicom's frames in that order
        order = [f.index for f in info.frames]
        if None not in order:
            ref = ref[order]
    diff = np.abs(ref.astype(np.float64) - vol.array.astype(np.float64))
    assert diff.max() <= 1.0 + 1e-3 * np.abs(ref).max(), (name, diff.max())
