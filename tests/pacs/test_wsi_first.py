"""A remote slide's first view in one round trip (issue 14): the layout answer carries the
smallest pyramid levels' tiles, kept by the server per slide.

The slide is the project's demo pyramid (real H&E pixels from TIAToolbox's
target_image.png, synthetic layout), converted to DICOM-WSI by Debian
orthanc-wsi and archived in a real Orthanc on loopback.
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from hzserver_helpers import Api

from app.slide.cache import TileCache
from app.slide.remote import DicomWebSlide, open_remote_slide
from app.slide.source import SlideError
from server.wsi_first import FIRST_TILES, first_cells

pytestmark = pytest.mark.skipif(
    shutil.which("OrthancWSIDicomizer") is None, reason="apt package orthanc-wsi is not installed"
)


def counting(client) -> list:
    """Record every request the client sends from now on."""
    calls, send = [], client.raw

    def raw(method, path, *args, **kw):
        calls.append(path)
        return send(method, path, *args, **kw)

    client.raw = raw
    return calls


def test_the_worker_keeps_the_first_tiles_with_the_conversion(hz, slide_case):
    """Runs first in this module: no viewer has asked for the slide yet."""
    oid = slide_case["object"]["id"]
    kept = list(hz.data_dir.rglob(f"wsi/{oid}.first"))
    assert len(kept) == 1 and kept[0].stat().st_size > 1000


def test_the_fitted_first_view_needs_no_request_after_the_layout(client, slide_case):
    oid = slide_case["object"]["id"]
    remote = open_remote_slide(client, oid, TileCache())
    first = remote._slide.first
    levels = sorted({key[0] for key in first})
    assert levels and levels[-1] == remote.level_count - 1  # the smallest levels, whole
    for level in levels:
        cols, rows = remote.tile_grid(level)
        assert sum(1 for key in first if key[0] == level) == cols * rows
    assert len(first) <= FIRST_TILES
    calls = counting(client)
    level = levels[0]  # the largest level that came along
    w, h = remote.level_dimensions[level]
    shown = remote.read_region(level, 0, 0, w, h)
    assert calls == []
    assert shown.shape == (h, w, 3) and shown.std() > 5  # tissue, not white
    plain = open_remote_slide(client, oid, TileCache(), first=False)
    assert not plain._slide.first
    assert np.array_equal(plain.read_region(level, 0, 0, w, h), shown)  # same tiles, same decoder
    assert any("/frames/" in path for path in calls)  # streamed tile by tile instead
    remote.close()
    plain.close()


def test_the_server_keeps_the_first_tiles_and_rebuilds_a_damaged_copy(hz, client, slide_case):
    oid = slide_case["object"]["id"]
    one = client.raw("GET", f"/objects/{oid}/wsi", params={"first": 1})
    assert one.status_code == 200, one.text
    kept = next(hz.data_dir.rglob(f"wsi/{oid}.first"))
    size = int(one.headers["x-layout-length"])
    assert len(one.content) > size  # tiles follow the layout
    kept.write_bytes(kept.read_bytes()[:-10])  # a torn copy: fetched again from the PACS
    two = client.raw("GET", f"/objects/{oid}/wsi", params={"first": 1})
    assert two.content == one.content
    kept.unlink()
    three = client.raw("GET", f"/objects/{oid}/wsi", params={"first": 1})
    assert three.content == one.content and kept.exists()


def test_other_users_get_no_first_tiles(hz, slide_case):
    oid = slide_case["object"]["id"]
    for user in ("specialist", "radiologist"):
        r = Api(hz.url, user).get(f"/objects/{oid}/wsi?first=1")
        assert r.status_code == 404 and not r.content.startswith(b'{"study_uid')


def test_first_cells_take_whole_levels_smallest_first():
    def level(cols, rows):
        tiles = [[c, r, 0, 1 + r * cols + c] for r in range(rows) for c in range(cols)]
        return {"width": cols * 512, "height": rows * 512, "tiles": tiles}

    layout = {
        "instances": ["1.2"],
        "levels": [level(10, 10), level(5, 5), level(3, 3), level(1, 1)],
    }
    cells = first_cells(layout)
    assert [c[0] for c in cells] == [3] + [2] * 9  # 25 more tiles would pass FIRST_TILES
    assert cells[0] == (3, 0, 0, "1.2", 1)


def test_a_bad_layout_is_a_clear_error_and_torn_first_tiles_are_left_out():
    """Synthetic layouts and bytes (no server): what the client does with a bad answer."""
    level = {"width": 512, "height": 512, "tile_width": 512, "tile_height": 512}
    bad = {"instances": ["1.2"], "levels": [{**level, "tiles": [[0, 0, 5, 1]]}]}
    slide = DicomWebSlide(None, 1, bad, first={})
    with pytest.raises(SlideError):
        slide.region_rgb(0, 0, 0, 10, 10)
    slide.close()
    good = {"instances": ["1.2"], "levels": [{**level, "tiles": [[0, 0, 0, 1]]}]}
    slide = DicomWebSlide(None, 1, good, first={})
    index = {"syntax": "1.2.840.10008.1.2.1", "tiles": [[0, 0, 0, 512 * 512 * 3], [0, 5, 5, 10]]}
    assert slide._first_tiles(index, b"\x00" * 100) == {}  # torn answer: streamed instead
    data = bytes(range(256)) * 3072  # one native RGB tile
    slide.first = slide._first_tiles(index, data)
    assert list(slide.first) == [(0, "1.2", 1)]  # the tile outside the level is left out
    expected = np.frombuffer(data, np.uint8).reshape(512, 512, 3)
    assert np.array_equal(slide.region_rgb(0, 0, 0, 512, 512), expected)
    slide.close()
