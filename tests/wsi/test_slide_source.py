"""SlideSource over a generated pyramid, and damaged files."""

from __future__ import annotations

import os

import numpy as np
import pytest

from app.slide import SlideError, SlideSource


def test_small_pyramid_levels_and_mpp(source):
    assert source.vendor == "generic-tiff"
    assert source.dimensions == (4096, 3072)
    assert source.level_dimensions == ((4096, 3072), (2048, 1536), (1024, 768), (512, 384))
    assert source.level_downsamples == pytest.approx((1, 2, 4, 8))
    assert source.mpp == pytest.approx((0.25, 0.25))
    assert source.tile_size == 256
    assert "label" in source.associated_names and "thumbnail" in source.associated_names
    label = source.associated_image("label")
    assert label.ndim == 3 and label.shape[2] == 3 and label.dtype == np.uint8
    thumb = source.associated_image("thumbnail")
    assert max(thumb.shape[:2]) == 1024


def test_cached_region_equals_direct_read(source):
    a = source.read_region(0, 300, 700, 1920, 1080)
    b = source.read_region(0, 300, 700, 1920, 1080, cached=False)
    assert a.shape == (1080, 1920, 3)
    assert np.array_equal(a, b)
    assert len(source.cache) > 0
    # a level-1 region has the same content as the level-0 region, reduced
    lo = source.read_region(1, 150, 350, 960, 540).astype(float)
    hi = a.reshape(540, 2, 960, 2, 3).mean(axis=(1, 3))
    assert np.abs(lo - hi).mean() < 12


def test_edges_are_white_and_tiles_clipped(source):
    tile = source.read_tile(0, 15, 11)  # last column and row of 4096x3072 in 256 tiles
    assert tile.shape == (256, 256, 3)
    odd = SlideSource(source.path, tile_size=300)
    assert odd.read_tile(0, 13, 10).shape == (3072 - 3000, 4096 - 3900, 3)  # clipped
    odd.close()
    out = source.read_region(0, 4000, 3000, 300, 300)
    assert out.shape == (300, 300, 3)
    assert (out[100:, 100:] == 255).all()  # beyond the slide
    with pytest.raises(SlideError):
        source.read_tile(0, 16, 0)
    with pytest.raises(SlideError):
        source.read_region(9, 0, 0, 10, 10)


def test_tissue_pixels_are_real_he(source):
    """Inside a core the pixels are H&E colours (pink/purple), not flat synthetic fill."""
    centre = source.read_region(0, 2048 - 256, 1536 - 256, 512, 512)
    r, g, b = (centre[..., i].astype(float) for i in range(3))
    assert (r > g).mean() > 0.9 and (b > g).mean() > 0.9
    assert centre.std() > 20


@pytest.mark.parametrize("case", ["garbage", "empty", "truncated", "missing", "text"])
def test_bad_files_raise_slide_error(tmp_path, small_slide, case):
    path = tmp_path / "bad.svs"
    data = small_slide.read_bytes()
    if case == "garbage":
        path.write_bytes(os.urandom(20000))
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "truncated":
        path = tmp_path / "bad.tiff"
        path.write_bytes(data[: len(data) // 3])
    elif case == "text":
        path.write_text("not a slide")
    with pytest.raises(SlideError) as err, SlideSource(path) as src:
        for level in range(src.level_count):
            w, h = src.level_dimensions[level]
            src.read_region(level, 0, 0, w, h, cached=False)
    assert "bad." in str(err.value)


def test_damaged_tile_raises_and_other_tiles_still_read(tmp_path, small_slide):
    import tifffile

    with tifffile.TiffFile(small_slide) as tf:
        page = tf.pages[0]
        cols = -(-page.imagewidth // page.tilewidth)
        index = 2 * cols + 3  # a tissue tile
        off, count = page.dataoffsets[index], page.databytecounts[index]
    data = bytearray(small_slide.read_bytes())
    data[off + 700 : off + count] = os.urandom(count - 700)
    path = tmp_path / "damaged.tiff"
    path.write_bytes(bytes(data))
    with SlideSource(path) as src:
        with pytest.raises(SlideError):
            src.read_tile(0, 6, 4)  # level-0 native tile (3, 2) in 256 tiles
        good = src.read_tile(0, 4, 2)
        assert good.shape == (256, 256, 3)
