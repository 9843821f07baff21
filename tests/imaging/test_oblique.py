"""Oblique MPR geometry and reslicing (app.imaging.oblique): on the real head CT
(InVesalius example) the usual planes resliced through the oblique path equal
``mpr.plane``; on a labelled synthetic rod phantom a plane turned by 45 degrees
contains the rod that the straight plane only crosses."""

from __future__ import annotations

import math

import numpy as np
import pytest

from app.imaging import mpr, oblique
from viewers.volume import planes


@pytest.fixture(scope="module")
def head(head_ct_files):
    from app.imaging.series import series_info
    from app.imaging.volume import Volume

    return Volume.create(series_info(head_ct_files)).load()


class Phantom:
    """SYNTHETIC: -1000 HU air with a 1000 HU rod (3 voxels wide) along x == y in the
    middle slice."""

    def __init__(self, n: int = 64, spacing=(2.0, 1.0, 1.0)) -> None:
        self.array = np.full((n, n, n), -1000, np.int16)
        for i in range(8, n - 8):
            self.array[n // 2, i, i - 1 : i + 2] = 1000
        self.spacing = spacing
        self.origin = np.zeros(3)
        self.direction = np.eye(3)


@pytest.mark.parametrize("view", mpr.VIEWS)
def test_usual_planes_through_the_oblique_path_equal_mpr_plane(head, view):
    index = head.array.shape[mpr.AXIS[view]] // 3
    geometry = oblique.usual_geometry(head, view, index)
    expected = mpr.plane(head, view, index).pixels
    assert geometry.shape == expected.shape
    np.testing.assert_allclose(oblique.reslice(head, geometry), expected, atol=1e-3)
    frame = oblique.Frame(head)
    assert not frame.rotated
    assert frame.patient_orientation(view) == pytest.approx(planes.orientation(head, view))


def test_turned_coronal_plane_contains_the_diagonal_rod():
    vol = Phantom()
    n = vol.array.shape[0]
    frame = oblique.Frame(vol, (n // 2, n // 2, n // 2))

    def rod_pixels() -> int:
        return int((oblique.reslice(vol, frame.geometry("coronal")) > 300).sum())

    straight = int((mpr.plane(vol, "coronal", n // 2).pixels > 300).sum())
    frame.rotate("axial", math.radians(45))
    assert frame.oblique("coronal") and frame.oblique("sagittal") and not frame.oblique("axial")
    along = rod_pixels()
    frame.rotate("axial", math.radians(-90))  # now across the rod
    across = rod_pixels()
    rod_mm = (n - 16) * math.sqrt(2)
    assert straight <= 3 and across <= 6
    assert along >= 0.9 * rod_mm  # 1 mm pixels
    frame.rotate("axial", math.radians(45))
    assert not frame.rotated  # turned back


def test_point_and_crosshair_lines_on_a_turned_plane(head):
    frame = oblique.Frame(head, (50, 120, 100))
    frame.rotate("axial", math.radians(30))
    g = frame.geometry("coronal")
    c, r = g.to_pixel(frame.point)
    np.testing.assert_allclose(g.to_mm(c, r), frame.point, atol=1e-9)  # the point lies on it
    plane = oblique.reslice(head, g)
    for dr, dc in ((0, 0), (7, -5), (-12, 9)):  # pixels near the point: trilinear by hand
        row, col = int(round(r)) + dr, int(round(c)) + dc
        zyx = np.array(frame.to_index(g.to_mm(col, row)))
        lo = np.floor(zyx).astype(int)
        w = zyx - lo
        expected = sum(
            head.array[lo[0] + i, lo[1] + j, lo[2] + k]
            * (w[0] if i else 1 - w[0]) * (w[1] if j else 1 - w[1]) * (w[2] if k else 1 - w[2])
            for i in (0, 1) for j in (0, 1) for k in (0, 1)
        )  # fmt: skip
        assert plane[row, col] == pytest.approx(expected, abs=1e-2)
    lines = {other: d for _p, d, other in frame.lines("axial", frame.geometry("axial"))}
    # on the axial plane (not turned) the traces turned by 30 degrees and stay perpendicular
    angles = sorted(math.degrees(math.atan2(d[1], d[0])) % 180 for d in lines.values())
    assert angles == pytest.approx([30.0, 120.0], abs=1e-6)
    # on the turned coronal plane the axial trace is horizontal and the sagittal one vertical
    on_coronal = {o: d for _p, d, o in frame.lines("coronal", g)}
    assert abs(on_coronal["axial"][1]) < 1e-9 and abs(on_coronal["sagittal"][0]) < 1e-9


def test_slab_modes_on_a_turned_plane():
    vol = Phantom()
    n = vol.array.shape[0]
    frame = oblique.Frame(vol, (n // 2 + 1, n // 2, n // 2))  # one slice above the rod
    frame.rotate("coronal", math.radians(20))  # axial plane now tilted
    g = frame.geometry("axial")
    one = oblique.reslice(vol, g)
    mip = oblique.reslice(vol, g, slab=7, mode="mip")
    minip = oblique.reslice(vol, g, slab=7, mode="minip")
    avg = oblique.reslice(vol, g, slab=7, mode="average")
    assert mip.max() > one.max() and (minip <= avg + 1e-3).all() and (avg <= mip + 1e-3).all()
    with pytest.raises(ValueError):
        oblique.reslice(vol, g, slab=3, mode="median")


def test_quick_reslice_while_dragging_is_the_coarse_nearest_plane(head):
    frame = oblique.Frame(head)
    frame.rotate("axial", math.radians(30))
    g = frame.geometry("sagittal")
    quick = oblique.reslice_quick(head, g, fill=-1024.0)
    full = oblique.reslice(head, g, fill=-1024.0)
    assert quick.shape == full.shape == g.shape
    # each 2 x 2 block holds the nearest voxel of its top-left pixel
    for r, c in ((40, 60), (100, 131), (g.shape[0] - 2, g.shape[1] // 2)):
        zyx = np.rint(frame.to_index(g.to_mm(c - c % 2, r - r % 2))).astype(int)
        assert quick[r, c] == head.array[tuple(zyx)]
    assert np.abs(quick - full).mean() < 0.2 * np.abs(full - full.mean()).mean()


@pytest.mark.parametrize(("turned_in", "shown"), [("axial", "coronal"), ("axial", "sagittal"),
                                                  ("coronal", "axial"), ("sagittal", "axial")])  # fmt: skip
def test_separable_reslice_equals_map_coordinates(head, turned_in, shown):
    """Planes turned about one axis are resliced separably; the values are scipy's
    trilinear ``map_coordinates`` (mode constant) to float precision, edges included."""
    from scipy.ndimage import map_coordinates

    frame = oblique.Frame(head, (40, 100, 140))
    frame.rotate(turned_in, math.radians(23))
    g = frame.geometry(shown)
    flipped = oblique.PlaneGeometry(g.origin, g.row, g.col, g.shape[::-1])
    assert {oblique._row_axis(g), oblique._row_axis(flipped)} != {None}  # separable path
    sp = oblique.mm_spacing(head)
    rr, cc = np.mgrid[0 : g.shape[0], 0 : g.shape[1]].astype(float)
    coords = [(g.origin[i] + cc * g.col[i] + rr * g.row[i]) / sp[i] for i in (2, 1, 0)]
    ref = map_coordinates(
        head.array, coords, order=1, mode="constant", cval=-1024.0, output=np.float32
    )
    ours = oblique.reslice(head, g, fill=-1024.0)
    np.testing.assert_allclose(ours, ref, atol=2e-2)
    assert (ours > 300).sum() > 100  # bone on the plane: not an empty comparison
