"""DICOM-WSI that OpenSlide cannot read (JPEG-LS, 16-bit) opens through wsidicom: real highdicom files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("wsidicom")

from app.readers.base import read_head  # noqa: E402
from app.readers.slide import SlideReader  # noqa: E402
from app.slide import SlideSource, TileCache  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data" / "wsi_dicom"
RGB, JPEGLS, GREY = (
    DATA / "sm_image.dcm",
    DATA / "sm_image_jpegls.dcm",
    DATA / "sm_image_grayscale.dcm",
)


def pixels(path):
    with SlideSource(path, cache=TileCache(8 << 20)) as src:
        return src.backend, src.backend_notes, src.read_region(0, 0, 0, *src.dimensions), src


def test_openslide_reads_the_plain_file_wsidicom_the_jpegls_one_same_pixels():
    backend, notes, plain, _ = pixels(RGB)
    assert backend == "openslide" and notes == []
    backend, notes, jls, src = pixels(JPEGLS)
    assert backend == "wsidicom"
    assert len(notes) == 1 and "OpenSlide" in notes[0] and "1.2.840.10008.1.2.4.80" in notes[0]
    assert src.dimensions == (50, 50) and src.mpp == pytest.approx((0.499, 0.499), abs=1e-3)
    assert jls.shape == (50, 50, 3) and jls.dtype == np.uint8
    assert np.abs(jls.astype(int) - plain.astype(int)).max() <= 2  # JPEG-LS is lossless here


def test_16_bit_greyscale_is_windowed_to_8_bit():
    backend, notes, grey, _ = pixels(GREY)
    assert backend == "wsidicom" and "BitsAllocated" in notes[0]
    assert grey.dtype == np.uint8 and grey.shape == (50, 50, 3)
    assert (grey[..., 0] == grey[..., 1]).all()
    assert grey.min() <= 5 and grey.max() >= 250  # the window spans the data


def test_reader_imports_and_probe_decodes_in_a_child():
    reader = SlideReader()
    for path in (JPEGLS, GREY):
        assert reader.examine(path, read_head(path)) >= 0.9
        meta = reader.read_meta(path)  # includes the out-of-process probe
        assert meta.extra["backend"] == "wsidicom" and meta.extra["width"] == 50
        json.dumps(meta.extra)


def test_wsi_info_says_which_backend_and_why_not_the_other(capsys):
    from app.slide.cli import main

    assert main(["info", str(JPEGLS)]) == 0
    out = capsys.readouterr().out
    assert "read by: wsidicom" in out and "not by OpenSlide" in out
    assert main(["info", "--json", str(GREY)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["backend"] == "wsidicom" and info["not_opened_by"]


def test_viewer_renders_a_jpegls_slide(qtbot, jobs):
    pytest.importorskip("pytestqt")
    from tests.wsi.test_qt_annotation_tools import open_viewer

    viewer = open_viewer(qtbot, jobs, JPEGLS)
    assert viewer.source.backend == "wsidicom" and viewer.error == ""
    viewer.canvas.fit()
    viewer.canvas.repaint()
    img = viewer.canvas.grab().toImage()
    sx, sy = (int(v) for v in viewer.canvas.vp.to_screen(25, 25))
    c = img.pixelColor(sx, sy)
    assert (c.red(), c.green(), c.blue()) != (236, 236, 236)  # slide pixels, not background
    viewer.close()


def two_file_pyramid(folder: Path) -> list[Path]:
    """The real highdicom image as level 0 and a derived 25x25 level 1 in a second file.

    Level 1 is made here from level 0 (2x2 mean, same series UIDs): synthetic, derived
    from the real sample, as a scanner writes one file per level.
    """
    import copy

    import pydicom
    from pydicom.uid import generate_uid

    ds = pydicom.dcmread(RGB)
    frames = ds.pixel_array  # 25 tiles of 10x10
    full = np.zeros((50, 50, 3), np.uint8)
    for i, tile in enumerate(frames):
        r, c = divmod(i, 5)
        full[r * 10 : (r + 1) * 10, c * 10 : (c + 1) * 10] = tile
    half = full.reshape(25, 2, 25, 2, 3).mean((1, 3)).round().astype(np.uint8)
    padded = np.full((30, 30, 3), 255, np.uint8)
    padded[:25, :25] = half
    lv = copy.deepcopy(ds)
    lv.SOPInstanceUID = lv.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    lv.ImageType = ["DERIVED", "PRIMARY", "VOLUME", "RESAMPLED"]
    lv.TotalPixelMatrixColumns = lv.TotalPixelMatrixRows = 25
    lv.NumberOfFrames = 9
    pm = lv.SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0]
    pm.PixelSpacing = [float(v) * 2 for v in pm.PixelSpacing]
    lv.PixelData = b"".join(
        padded[r * 10 : (r + 1) * 10, c * 10 : (c + 1) * 10].tobytes()
        for r in range(3)
        for c in range(3)
    )
    lv.InstanceNumber = 2
    files = [folder / "level0.dcm", folder / "level1.dcm"]
    files[0].write_bytes(RGB.read_bytes())
    lv.save_as(files[1], enforce_file_format=True)
    return files


def test_a_slide_in_several_files_opens_as_one_pyramid(tmp_path):
    files = two_file_pyramid(tmp_path)
    src = SlideReader().open(files, cache=TileCache(8 << 20))
    try:
        assert src.backend == "wsidicom" and src.level_count == 2
        assert src.level_dimensions == ((50, 50), (25, 25))
        assert src.level_downsamples == pytest.approx((1.0, 2.0))
        assert "several" in src.backend_notes[0]
        low = src.read_region(1, 0, 0, 25, 25).astype(float)
        full = src.read_region(0, 0, 0, 50, 50).astype(float)
        assert np.abs(low - full.reshape(25, 2, 25, 2, 3).mean((1, 3))).max() <= 2
        assert src.best_level(2.0) == 1
    finally:
        src.close()


def jpeg2000_copy(folder: Path, codestream: bool) -> Path:
    """The real highdicom image re-encoded as JPEG 2000 lossless (derived here, labelled).

    ``codestream=False`` wraps each frame in JP2 boxes, as some writers do: OpenSlide opens
    such a file but cannot decode it; wsidicom can.
    """
    import copy

    import imagecodecs
    import pydicom
    from pydicom.encaps import encapsulate
    from pydicom.uid import JPEG2000Lossless, generate_uid

    ds = pydicom.dcmread(RGB)
    fmt = "J2K" if codestream else "JP2"
    frames = [
        imagecodecs.jpeg2k_encode(np.ascontiguousarray(f), level=0, codecformat=fmt)
        for f in ds.pixel_array
    ]
    out = copy.deepcopy(ds)
    out.PixelData = encapsulate(frames)
    out["PixelData"].VR = "OB"
    out.file_meta.TransferSyntaxUID = JPEG2000Lossless
    out.SOPInstanceUID = out.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    path = folder / f"j2k_{fmt}.dcm"
    out.save_as(path, enforce_file_format=True)
    return path


@pytest.mark.parametrize("codestream", [True, False])
def test_jpeg2000_dicom_reads_the_same_pixels(tmp_path, codestream):
    _, _, plain, _ = pixels(RGB)
    backend, notes, j2k, _ = pixels(jpeg2000_copy(tmp_path, codestream))
    if not codestream:  # opened but not decodable by OpenSlide: wsidicom takes over
        assert backend == "wsidicom" and "decode" in notes[0]
    assert np.abs(j2k.astype(int) - plain.astype(int)).max() <= 2


def test_sparse_tiling_leaves_missing_tiles_white(tmp_path):
    """TILED_SPARSE copy of the real image with three tiles left out (derived here, labelled)."""
    import copy

    import pydicom
    from pydicom.dataset import Dataset
    from pydicom.sequence import Sequence
    from pydicom.uid import generate_uid

    ds = pydicom.dcmread(RGB)
    frames = ds.pixel_array
    keep = [i for i in range(25) if i not in (6, 12, 18)]
    out = copy.deepcopy(ds)
    out.DimensionOrganizationType = "TILED_SPARSE"
    out.NumberOfFrames = len(keep)
    out.PixelData = b"".join(frames[i].tobytes() for i in keep)
    per_frame = []
    for i in keep:
        r, c = divmod(i, 5)
        pos = Dataset()
        pos.ColumnPositionInTotalImagePixelMatrix = c * 10 + 1
        pos.RowPositionInTotalImagePixelMatrix = r * 10 + 1
        pos.XOffsetInSlideCoordinateSystem = 0.0
        pos.YOffsetInSlideCoordinateSystem = 0.0
        pos.ZOffsetInSlideCoordinateSystem = 0.0
        item = Dataset()
        item.PlanePositionSlideSequence = Sequence([pos])
        per_frame.append(item)
    out.PerFrameFunctionalGroupsSequence = Sequence(per_frame)
    out.SOPInstanceUID = out.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    path = tmp_path / "sparse.dcm"
    out.save_as(path, enforce_file_format=True)
    _, _, got, _ = pixels(path)
    for i in range(25):
        r, c = divmod(i, 5)
        tile = got[r * 10 : (r + 1) * 10, c * 10 : (c + 1) * 10].astype(int)
        if i in (6, 12, 18):
            assert (tile == 255).all()  # not scanned: glass
        else:
            assert np.abs(tile - frames[i]).max() <= 1
