"""Series problems (tilt, stacks), budgets on multi-frame files, the pixel cache, DICOMDIR."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.data import get_testdata_file

from app.imaging.series import group_series, series_info
from app.imaging.volume import Volume


def rewrite(files, folder: Path, change) -> list[Path]:
    folder.mkdir()
    out = []
    for i, f in enumerate(files):
        ds = pydicom.dcmread(f)
        change(i, ds)
        p = folder / f.name
        ds.save_as(p)
        out.append(p)
    return out


def test_gantry_tilt_is_reported(head_ct_files, tmp_path):
    def tilt(i, ds):  # positions drift in y along z: a 10 degree tilted acquisition
        x, y, z = (float(v) for v in ds.ImagePositionPatient)
        ds.ImagePositionPatient = [x, y + z * np.tan(np.radians(10)), z]

    info = series_info(rewrite(head_ct_files[:30], tmp_path / "t", tilt))
    assert info.gantry_tilt == pytest.approx(10, abs=0.1)
    assert any("gantry tilt of 10.0 degrees" in p for p in info.problems)


def test_two_stacks_show_the_larger_and_name_the_rest(head_ct_files, tmp_path):
    def localiser(i, ds):  # the first 5 images: another orientation (a localiser in the series)
        if i < 5:
            ds.ImageOrientationPatient = [1, 0, 0, 0, 0, -1]

    info = series_info(rewrite(head_ct_files[:25], tmp_path / "s", localiser))
    assert info.slices == 20 and len(info.skipped) == 5
    assert "several orientations: 2 stacks" in info.problems[0]
    assert all("another stack" in reason for _f, reason in info.skipped)


def test_multiframe_file_over_budget_loads_every_kth_frame():
    info = series_info([Path(get_testdata_file("color3d_jpeg_baseline.dcm"))])
    frame_bytes = info.rows * info.columns * 3
    vol = Volume.create(info, budget=30 * frame_bytes)
    assert vol.array.shape[0] == 30 and vol.voxel_bytes <= 30 * frame_bytes
    assert "every 4th slice" in vol.skipped[0]
    vol.load(workers=2)
    assert vol.loaded.all() and not vol.failed and vol.array.max() > 0


def test_frame_cache_holds_its_budget_and_keeps_the_frame_on_screen(head_ct_files, monkeypatch):
    from app.imaging import cache
    from app.readers.images import DicomSource
    from app.slide.cache import TileCache

    frame_bytes = 256 * 256 * 4  # float32 HU
    monkeypatch.setattr(cache, "_shared", TileCache(3 * frame_bytes))
    src = DicomSource(head_ct_files[:10])
    src.pin(0)  # on screen
    for i in range(10):
        src.frame(i)
    assert cache.shared_cache().nbytes <= 3 * frame_bytes
    assert src.frames[0] in cache.shared_cache() and src.frames[9] in cache.shared_cache()
    src.unpin(0)
    src.frame(5)
    assert src.frames[0] not in cache.shared_cache()


def test_dicom_source_caches_frames(head_ct_files):
    from app.readers.images import DicomSource

    src = DicomSource(head_ct_files[:10])
    a = src.frame(3)
    assert src.frame(3) is a  # decoded once
    with pytest.raises(ValueError):
        a.pixels[0, 0] = 1  # the cached frame is shared, read-only


def test_info_through_a_dicomdir(capsys):
    from app.cli import main

    dicomdir = get_testdata_file("DICOMDIR", download=False)
    assert main(["dicom", "info", dicomdir, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    modalities = sorted(s["modality"] for s in doc["series"])
    assert "CT" in modalities and "MR" in modalities
    # every file the index names is shown, skipped with a reason, or unreadable with one
    shown = sum(s["files"] + len(s["skipped"]) for s in doc["series"])
    assert shown + len(doc["unreadable"]) == 31
    localiser = [s for s in doc["series"] if s["description"] == "ANGIO Projected from   C"]
    assert localiser[0]["slices"] == 7 and "shown one by one" in localiser[0]["problems"][0]


def test_grouping_splits_series(head_ct_files):
    mr = Path(get_testdata_file("MR_small.dcm"))
    grouping = group_series([*head_ct_files[:5], mr])
    assert sorted(s.modality for s in grouping.series) == ["CT", "MR"]


def test_a_report_in_the_series_is_not_called_unreadable(head_ct_files, tmp_path):
    from app.imaging.export_sr import Roi, write_sr

    sr = write_sr([Roi("a", "point", [(10, 10)], head_ct_files[0], measurements={"mean": 3})],
                  tmp_path / "sr.dcm")  # fmt: skip
    info = series_info([*head_ct_files[:4], sr])
    assert info.slices == 4
    assert info.problems == ["1 non-image object(s) in the series, not shown as images"]
