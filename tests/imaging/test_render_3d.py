"""VTK offscreen volume rendering, read back with vtkWindowToImageFilter (run under xvfb)."""

from __future__ import annotations

import numpy as np
import pytest

from app.imaging.series import SeriesInfo
from app.imaging.volume import Volume
from app.imaging.volume_presets import VOLUME_PRESETS

pytestmark = pytest.mark.gl


def phantom() -> Volume:
    """Synthetic (labelled): air with a soft-tissue block (40 HU) left and a bone block (1200 HU) right."""
    info = SeriesInfo(
        uid="synthetic",
        modality="CT",
        description="synthetic phantom",
        study_uid="",
        frames=[],
        rows=64,
        columns=64,
        samples=1,
        photometric="MONOCHROME2",
        pixel_spacing=(1.0, 1.0),
        slice_spacing=1.0,
        orientation=(1, 0, 0, 0, 1, 0),
        origin=(0.0, 0.0, 0.0),
        transfer_syntaxes=[],
        windows=[],
    )
    vol = Volume.create(info)
    vol.array = np.full((64, 64, 64), -1000, np.int16)
    vol.array[16:48, 16:48, 6:28] = 40
    vol.array[16:48, 16:48, 36:58] = 1200
    return vol


def test_mip_shows_bone_brighter_than_soft_tissue():
    from viewers.vtk_volume import render_array

    rgb = render_array(phantom(), "ct-mip", size=128).astype(float).mean(axis=2)
    # looking from the front (anterior, -y), patient left (+x) is on the picture's right
    left, right = rgb[40:88, 20:60].mean(), rgb[40:88, 68:108].mean()
    assert right > left + 40, (left, right)
    assert rgb[:8].mean() < 5  # background stays black


@pytest.mark.parametrize("preset", [p.key for p in VOLUME_PRESETS])
def test_every_preset_renders_the_head(head_ct_files, preset):
    from app.imaging.series import series_info
    from viewers.vtk_volume import render_array

    vol = Volume.create(series_info(head_ct_files)).load()
    rgb = render_array(vol, preset, size=96)
    assert rgb.shape == (96, 96, 3)
    assert (rgb.max(axis=2) > 30).mean() > 0.05, preset  # not blank


def test_slicer_ct_bone_points():
    from app.imaging.volume_presets import volume_preset

    bone = volume_preset("ct-bone")
    assert bone.opacity == ((-3024, 0), (-16.4458, 0), (641.385, 0.715686), (3071, 0.705882))
    assert volume_preset("ct-mip").mip and not bone.mip
    with pytest.raises(KeyError):
        volume_preset("bone")


def test_cli_3d_writes_a_picture(head_ct_files, tmp_path):
    from PIL import Image

    from app.cli import main

    out = tmp_path / "3d.png"
    folder = str(head_ct_files[0].parent)
    args = ["dicom", "render", folder, "--view", "3d", "--size", "128", "--out", str(out)]
    assert main([*args, "--preset", "ct-bone"]) == 0
    img = np.asarray(Image.open(out))
    assert img.shape == (128, 128, 3) and (img.max(axis=2) > 30).mean() > 0.05
    assert main([*args, "--preset", "no-such-preset"]) == 2


def test_software_opengl_renders_block_means_of_a_large_volume(head_ct_files):
    """Above the voxel limit (software OpenGL) the image data holds 2 x 2 x 2 block means of
    the real head CT, twice the spacing, the same place in the patient; below it, the
    volume's own memory."""
    from vtkmodules.util import numpy_support

    from app.imaging.series import series_info
    from viewers.vtk_volume import image_data, reduction

    vol = Volume.create(series_info(head_ct_files)).load()
    nz, ny, nx = vol.array.shape
    assert reduction(vol.array.shape, None) == 1 and reduction(vol.array.shape, 2**20) == 2
    img = image_data(vol, max_voxels=2**20)
    assert img.GetDimensions() == (nx // 2, ny // 2, nz // 2)
    assert img.GetSpacing() == pytest.approx([2 * s for s in vol.spacing[::-1]])
    values = numpy_support.vtk_to_numpy(img.GetPointData().GetScalars())
    values = values.reshape(nz // 2, ny // 2, nx // 2)
    k, j, i = 20, 60, 70
    block = vol.array[2 * k : 2 * k + 2, 2 * j : 2 * j + 2, 2 * i : 2 * i + 2]
    assert values[k, j, i] == pytest.approx(block.mean(), abs=1e-3)
    # voxel (k, j, i) of the reduced grid sits at the centre of its block in the patient
    centre = vol.index_to_patient(np.array([2 * k + 0.5, 2 * j + 0.5, 2 * i + 0.5]))
    matrix = img.GetDirectionMatrix()
    d = np.array([[matrix.GetElement(r, c) for c in range(3)] for r in range(3)])
    at = np.array(img.GetOrigin()) + d @ (np.array([i, j, k]) * np.array(img.GetSpacing()))
    assert at == pytest.approx(centre)
    full = image_data(vol, max_voxels=10**9)
    shared = numpy_support.vtk_to_numpy(full.GetPointData().GetScalars())
    assert np.shares_memory(shared, vol.array)
