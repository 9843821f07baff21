"""Corrupt pyramidal TIFFs are refused at import with a reason and never abort the process.

The files are the demo slide builder's real output with one TIFF tag or the
tail of the file damaged in place (as the issue-13 attack run did: a tile size
of 1048576 x 524288 px made OpenSlide ask GLib for 2 TB and abort).
"""

from __future__ import annotations

import shutil
import struct
import sys

import pytest

from app.readers.base import ReadError, read_head
from app.readers.slide import SlideReader
from app.slide import SlideError, SlideSource
from app.slide.probe import ProbeError, probe_slide
from app.slide.validate import GeometryError, check_geometry

TILE_WIDTH, TILE_LENGTH, IMAGE_WIDTH, IMAGE_LENGTH = 322, 323, 256, 257


def _damaged(small_slide, dst, edits):
    """Copy of the slide with tags rewritten in place: [(page, tag code, new value)]."""
    import tifffile

    shutil.copy(small_slide, dst)
    spots = []
    with tifffile.TiffFile(dst) as tf:
        for page, code, value in edits:
            tag = tf.pages[page].tags[code]
            spots.append((tag.valueoffset, {3: "<H", 4: "<I", 16: "<Q"}[int(tag.dtype)], value))
    with open(dst, "r+b") as f:
        for offset, fmt, value in spots:
            f.seek(offset)
            f.write(struct.pack(fmt, value))
    return dst


@pytest.fixture
def huge_tiles(small_slide, tmp_path):
    return _damaged(
        small_slide,
        tmp_path / "huge_tiles.tiff",
        [(0, TILE_WIDTH, 1 << 20), (0, TILE_LENGTH, 1 << 19)],
    )


def test_intact_slide_passes(small_slide):
    check_geometry(small_slide)
    probe_slide(small_slide)


def test_tile_size_that_aborts_openslide_is_refused_before_it_opens(huge_tiles):
    with pytest.raises(GeometryError, match="tile size 1048576x524288"):
        check_geometry(huge_tiles)
    with pytest.raises(SlideError) as err:
        SlideSource(huge_tiles)
    assert err.value.kind == "corrupt"


def test_probe_survives_the_abort_in_a_child_process(huge_tiles):
    """Without the geometry check OpenSlide aborts; the probe child dies, this process does not."""
    with pytest.raises(ProbeError) as err:
        probe_slide(huge_tiles)
    if sys.platform != "win32":
        assert "SIGABRT" in str(err.value) or "crashed" in str(err.value)


@pytest.mark.parametrize(
    "edits, reason",
    [
        ([(0, IMAGE_WIDTH, 900_000)], "offsets"),  # tile table no longer matches the level
        ([(1, TILE_WIDTH, 0)], "tile size"),
        ([(0, IMAGE_WIDTH, 2_000_000), (0, IMAGE_LENGTH, 2_000_000)], "px per side"),
    ],
)
def test_impossible_geometry_is_named(small_slide, tmp_path, edits, reason):
    bad = _damaged(small_slide, tmp_path / "bad.tiff", edits)
    with pytest.raises(GeometryError, match=reason):
        check_geometry(bad)


def test_truncated_slide_is_refused(small_slide, tmp_path):
    bad = tmp_path / "cut.tiff"
    data = small_slide.read_bytes()
    bad.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises((GeometryError, SlideError)):
        check_geometry(bad)
        SlideSource(bad).read_region(0, 0, 0, 4096, 3072, cached=False)


def test_reader_refuses_at_import_with_reason(huge_tiles):
    reader = SlideReader()
    assert reader.examine(huge_tiles, read_head(huge_tiles)) > 0.5  # looks like a slide
    with pytest.raises(ReadError) as err:
        reader.read_meta(huge_tiles)
    assert err.value.kind == "corrupt"
    assert "tile size" in str(err.value)


def test_import_refuses_the_corrupt_slide_and_keeps_the_good_one(store, small_slide, huge_tiles):
    from app.importer import Outcome, run_import

    good = huge_tiles.parent / "good.tiff"
    shutil.copy(small_slide, good)
    report = run_import(store, [huge_tiles, good])
    by_name = {e.path.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]: e for e in report.entries}
    assert by_name["huge_tiles.tiff"].outcome is Outcome.FAILED
    assert by_name["huge_tiles.tiff"].kind == "corrupt"
    assert "damaged" in by_name["huge_tiles.tiff"].reason
    assert by_name["good.tiff"].outcome is Outcome.IMPORTED
