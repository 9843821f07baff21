"""Series sorting and the Volume loader on the real head CT (converted to DICOM)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from app.imaging import mpr
from app.imaging.series import series_info
from app.imaging.volume import Volume, interleaved
from app.jobs import Cancelled, TaskState


def test_shuffled_files_sort_along_the_normal(head_ct_files):
    files = list(head_ct_files)
    random.Random(7).shuffle(files)
    info = series_info(files)
    assert [f.path for f in info.frames] == head_ct_files
    assert info.slices == 108 and (info.rows, info.columns) == (256, 256)
    assert info.slice_spacing == pytest.approx(1.5)
    assert info.pixel_spacing == pytest.approx((0.957031, 0.957031))
    assert info.problems == []


def test_volume_holds_hu_and_maps_coordinates(head_ct_files):
    vol = Volume.create(series_info(head_ct_files)).load()
    assert vol.array.dtype == np.int16 and vol.array.shape == (108, 256, 256)
    assert vol.loaded.all() and not vol.failed
    assert vol.array.min() == -1024 and vol.array.max() > 1500  # air and bone in HU
    assert vol.spacing == pytest.approx((1.5, 0.957031, 0.957031))
    zyx = np.array([[10, 20, 30], [107, 255, 0]], float)
    xyz = vol.index_to_patient(zyx)
    assert xyz[0] == pytest.approx([30 * 0.957031, 20 * 0.957031, 15.0])
    assert vol.patient_to_index(xyz) == pytest.approx(zyx)


def test_missing_and_duplicated_slices_are_reported(head_ct_files):
    files = head_ct_files[:50] + head_ct_files[53:] + [head_ct_files[10]]
    info = series_info(files)
    text = " ".join(info.problems)
    assert "missing slices" in text and "about 3 slice(s) missing" in text
    assert "duplicated" in text
    assert info.slices == 105


def test_budget_loads_every_kth_slice_and_says_so(head_ct_files):
    info = series_info(head_ct_files)
    vol = Volume.create(info, budget=30 * 256 * 256 * 2).load()
    assert vol.array.shape[0] == 27  # every 4th of 108
    assert vol.spacing[0] == pytest.approx(6.0)
    assert vol.voxel_bytes <= 30 * 256 * 256 * 2
    assert "every 4th slice" in vol.skipped[0]


def test_broken_slice_is_named_and_the_rest_loads(head_ct_files, tmp_path):
    import shutil

    files = [shutil.copy(f, tmp_path / f.name) for f in head_ct_files[:20]]
    info = series_info(files)
    broken = info.frames[5].path
    broken.write_bytes(broken.read_bytes()[:-30000])  # cut inside the pixel data
    vol = Volume.create(info).load()
    assert list(vol.failed) == [5] and broken.name in vol.failed[5]
    assert vol.loaded.all() and vol.array[6].max() > 0


def test_interleaved_order_starts_in_the_middle_and_covers_all():
    order = interleaved(100)
    assert order[0] == 50 and sorted(order) == list(range(100))
    assert set(order[:8]) >= {0, 16, 32, 48, 64, 80, 96}


def test_cancel_stops_the_load(head_ct_files):
    state = TaskState()
    vol = Volume.create(series_info(head_ct_files))
    vol.slice_loaded.connect(lambda z: state.cancel())
    with pytest.raises(Cancelled):
        vol.load(state, workers=1)
    assert not vol.loaded.all()


def test_mpr_planes_and_slabs(head_ct_files):
    vol = Volume.create(series_info(head_ct_files)).load()
    ax = mpr.plane(vol, "axial", 50)
    assert ax.pixels.shape == (256, 256) and np.array_equal(ax.pixels, vol.array[50])
    cor = mpr.plane(vol, "coronal", 128)
    assert cor.pixels.shape == (108, 256) and cor.spacing == pytest.approx((1.5, 0.957031))
    assert np.array_equal(cor.pixels[0], vol.array[-1, 128])  # head at the top
    mip = mpr.plane(vol, "sagittal", 128, slab=9, mode="mip")
    assert np.array_equal(mip.pixels[::-1], vol.array[:, :, 124:133].max(axis=2))
    avg = mpr.plane(vol, "axial", 50, slab=3, mode="average")
    assert avg.pixels == pytest.approx(vol.array[49:52].mean(axis=0))


def test_window_lut_matches_the_formula():
    values = np.array([[-1024, 0, 40, 80, 3000]], np.int16)
    out = mpr.window(values, 40, 80)
    assert out.tolist() == [[0, 0, 127, 255, 255]]
    assert mpr.window(values.astype(np.float32), 40, 80).tolist() == out.tolist()
    assert mpr.window(values, 40, 80, invert=True).tolist() == [[255, 255, 128, 0, 0]]


def test_default_window_ignores_a_header_window_wider_than_the_data(head_ct_files):
    vol = Volume.create(series_info(head_ct_files[50:53])).load()
    assert vol.default_window == (40.0, 80.0)  # the file's brain window
    vol.info.windows = [(2000.0, 60000.0)]  # a whole-detector-range window (seen in CR files)
    centre, width = vol.default_window
    assert width < 5000 and vol.array.min() < centre < vol.array.max()


def test_preview_is_the_middle_file(head_ct_files):
    from app.imaging.volume import preview

    values, rgb = preview(head_ct_files)
    assert not rgb and np.array_equal(
        values, Volume.create(series_info(head_ct_files)).load().array[54]
    )


def test_a_slice_whose_decoder_raises_is_named(head_ct_files, monkeypatch):
    from app.imaging import volume as volume_module

    real = volume_module.modality_into

    def flaky(frame, out, rgb):
        if frame.path == head_ct_files[3]:
            raise IndexError("decoder bug")
        return real(frame, out, rgb)

    monkeypatch.setattr(volume_module, "modality_into", flaky)
    vol = Volume.create(series_info(head_ct_files[:8])).load()
    assert list(vol.failed) == [3] and "IndexError: decoder bug" in vol.failed[3]
    assert head_ct_files[3].name in vol.failed[3] and vol.loaded.all()


@pytest.mark.parametrize("stored", ["unsigned12", "signed12"])
def test_integral_rescale_and_stored_bits_load_as_hu(head_ct_files, tmp_path, stored):
    """The head CT stored as scanners store it (rewritten: unsigned 12 bits + intercept
    -1024, or signed 12 bits with garbage in the unused high bits): the volume, filled in
    its own integers, holds the same HU as pydicom's modality values."""
    import pydicom
    from pydicom.pixels import apply_modality_lut

    out = []
    for f in head_ct_files[:6]:
        ds = pydicom.dcmread(f)
        hu = ds.pixel_array.astype(np.int32)
        if stored == "unsigned12":
            raw = np.clip(hu + 1024, 0, 4095).astype(np.uint16)
            ds.PixelRepresentation, ds.RescaleIntercept = 0, -1024
        else:
            raw = (np.clip(hu, -2048, 2047).astype(np.int16).view(np.uint16) & 0x0FFF) | 0xA000
            ds.PixelRepresentation = 1
        ds.BitsStored, ds.HighBit = 12, 11
        ds.PixelData = raw.astype("<u2").tobytes()
        out.append(tmp_path / f.name)
        ds.save_as(out[-1])
    vol = Volume.create(series_info(out)).load()
    assert vol.array.dtype == np.int16 and not vol.failed
    for z, f in enumerate(vol.frames):
        ds = pydicom.dcmread(f.path)
        np.testing.assert_array_equal(vol.array[z], apply_modality_lut(ds.pixel_array, ds))
