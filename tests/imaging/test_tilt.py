"""Gantry-tilt shear correction on a tilted acquisition rebuilt from the real head CT
(``tilted_head``: real pixels, SYNTHETIC LAYOUT): the corrected volume matches the
head at the patient positions its grid claims; stacked uncorrected it does not.
The MPR viewer corrects and says so."""

from __future__ import annotations

import numpy as np
import pytest

from app.domain import Modality
from app.imaging.series import series_info
from app.imaging.tilt import correct_tilt, shear_angle, slice_shifts
from app.imaging.volume import Volume
from tests.imaging.tilted_head import head_volume, sample, write_tilted
from viewers.registry import ViewerContext


@pytest.fixture(scope="module")
def tilted(head_ct_files, tmp_path_factory):
    return write_tilted(head_ct_files, tmp_path_factory.mktemp("tilted") / "t", degrees=15)


def error_vs_head(vol, head) -> float:
    """Mean |HU difference| between ``vol`` and the head at the patient points of its
    voxels (every 4th voxel; only where the head is sampled inside its own bounds)."""
    z, y, x = np.meshgrid(*(np.arange(0, n, 4) for n in vol.array.shape), indexing="ij")
    zyx = np.stack([z, y, x], axis=-1).astype(float)
    truth = sample(head, vol.index_to_patient(zyx))
    inside = np.all(
        (head.patient_to_index(vol.index_to_patient(zyx)) >= 2)
        & (head.patient_to_index(vol.index_to_patient(zyx)) <= np.array(head.array.shape) - 3),
        axis=-1,
    )
    got = vol.array[z, y, x].astype(float)
    return float(np.abs(got - truth)[inside & (truth > -900)].mean())


def test_tilted_series_is_put_on_an_orthogonal_grid(head_ct_files, tilted):
    info = series_info(tilted)
    assert info.gantry_tilt == pytest.approx(15, abs=0.1)
    vol = Volume.create(info).load()
    before = vol.array.copy()
    shifts = slice_shifts(vol)
    # each slice is 1.5 mm * sin(15°) further along its columns than the one before
    assert np.diff(shifts[:, 0]) == pytest.approx(1.5 * np.sin(np.radians(15)) / vol.spacing[1])
    assert np.abs(shifts[:, 1]).max() < 1e-6
    fixed = correct_tilt(vol)
    assert fixed is not vol and np.array_equal(vol.array, before)  # a copy: the 2D pane's stays
    assert fixed.corrections == ["gantry tilt 15.0"] and shear_angle(fixed) == pytest.approx(15)
    assert fixed.spacing[0] == pytest.approx(1.5 * np.cos(np.radians(15)), rel=1e-4)
    head = head_volume(head_ct_files)
    sheared, corrected = error_vs_head(vol, head), error_vs_head(fixed, head)
    assert corrected < 40 and corrected < 0.35 * sheared, (corrected, sheared)
    assert correct_tilt(head) is head  # not tilted: nothing to do


def test_mpr_viewer_corrects_the_tilt_and_says_so(qtbot, jobs, tilted):
    from viewers.volume.volume_viewer import VolumeViewer

    ctx = ViewerContext(None, 0, Modality.CT, [(None, p) for p in tilted], jobs)
    v = VolumeViewer(ctx, tilted, with_3d=False)
    qtbot.addWidget(v)
    v.show()
    with qtbot.waitSignal(v.loaded, timeout=120000):
        pass
    assert v.mpr.volume.corrections == ["gantry tilt 15.0"]
    assert "Gantry tilt of 15.0° corrected" in v.status.text()
    assert "gantry tilt of" not in v.status.text()  # the series problem is replaced by that
    nz = v.mpr.volume.array.shape[0]
    assert v.mpr.views["coronal"].overlay.spacing[0] == pytest.approx(
        1.5 * np.cos(np.radians(15)), rel=1e-4
    )
    assert v.mpr.views["coronal"].item.pixmap().height() == nz
    v.shutdown()


def test_headless_render_of_a_tilted_series_says_it_corrected(tilted, tmp_path, capsys):
    from app.imaging.cli import main

    assert main(["render", str(tilted[0].parent), "--view", "sagittal", "--out",
                 str(tmp_path / "s.png")]) == 0  # fmt: skip
    err = capsys.readouterr().err
    assert "gantry tilt 15.0 degrees corrected" in err and (tmp_path / "s.png").stat().st_size


def test_linear_shift_equals_scipy_inside_the_slice():
    from scipy.ndimage import shift

    from app.imaging.tilt import shift_linear

    rng = np.random.default_rng(3)
    a = rng.integers(-1000, 2000, (64, 80)).astype(np.int16)
    for dy, dx in ((3.3, 0.0), (-2.75, 0.0), (0.0, 1.5), (4.2, -7.9), (0.0, 0.0), (70.0, 0.0)):
        ours = shift_linear(a, dy, dx, -1024.0)
        ref = shift(a.astype(np.float32), (dy, dx), order=1, mode="constant", cval=-1024.0)
        inner = (slice(9, -9), slice(9, -9))
        np.testing.assert_allclose(ours[inner], ref[inner], atol=1e-3)
        assert ours.shape == a.shape
