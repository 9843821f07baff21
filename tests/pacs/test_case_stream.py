"""A specialist's workstation opens a pulled server case from the PACS before its files arrive.

The case comes into a real local store (``fetch_case``, as the sync extension
does); its files are not downloaded.  With the sync extension's
``CaseStreamer`` installed, ``Store.open_source`` (what every viewer calls)
streams the CT series or the converted slide through the server.
"""

from __future__ import annotations

import numpy as np
import pytest

from app.readers.base import ReadError
from app.readers.dicomweb_case import CaseStreamer, set_streamer
from app.readers.dicomweb_source import RemoteDicomSource
from app.readers.images import DicomSource
from app.slide.cache import TileCache
from app.slide.remote import RemoteSlideSource
from app.slide.source import SlideSource
from app.sync.client import SyncClient
from app.sync.files import missing_files
from app.sync.pull import fetch_case


@pytest.fixture
def streaming(store):
    installed = []

    def install(client):
        set_streamer(CaseStreamer(client, store.data_dir / "stream"))
        installed.append(client)

    yield install
    set_streamer(None)
    for c in installed:
        c.close()


def login(hz, user: str) -> SyncClient:
    c = SyncClient(hz.url)
    c.login(user, "demo")
    return c


def test_pulled_ct_case_opens_from_the_pacs_without_its_files(
    store, hz, ct_case, ct_files, streaming
):
    client = login(hz, "radiologist")
    pk = fetch_case(store, client, ct_case["case"]["id"])
    assert len(missing_files(store, pk)) == len(ct_files)
    with pytest.raises(ReadError) as err:
        store.open_source(pk)  # no streamer: the files are simply not here yet
    assert err.value.kind == "missing"
    streaming(client)
    source = store.open_source(pk)
    assert isinstance(source, RemoteDicomSource) and len(source) == len(ct_files)
    mid = source.default_index
    np.testing.assert_array_equal(source.frame(mid).pixels, DicomSource(ct_files).frame(mid).pixels)
    assert source.series.fetched == 1
    volume = source.new_volume().load()
    assert volume.loaded.all() and not volume.failed
    assert len(missing_files(store, pk)) == len(ct_files)  # the case's own files untouched
    assert (store.data_dir / "stream").is_dir()


def test_pulled_slide_case_opens_tile_by_tile(store, hz, slide_case, slide_file, streaming):
    client = login(hz, "pathologist")
    pk = fetch_case(store, client, slide_case["case"]["id"])
    streaming(client)
    source = store.open_source(pk, cache=TileCache())
    assert isinstance(source, RemoteSlideSource)
    local = SlideSource(slide_file)
    assert source.dimensions == local.dimensions
    a = source.read_region(0, 512, 512, 600, 400).astype(int)
    b = local.read_region(0, 512, 512, 600, 400).astype(int)
    assert np.abs(a - b).mean() < 1.5
    source.close()
    local.close()


def test_signed_out_client_leaves_the_files_missing(store, hz, ct_case, streaming):
    client = login(hz, "radiologist")
    pk = fetch_case(store, client, ct_case["case"]["id"])
    client.logout()
    streaming(client)
    with pytest.raises(ReadError) as err:
        store.open_source(pk)
    assert err.value.kind == "missing"


def test_the_ct_viewer_shows_the_streamed_middle_slice_then_fills_the_volume(
    qtbot, jobs, store, hz, ct_case, ct_files, streaming
):
    """The real 2D viewer on the pulled case: the middle slice on screen from the PACS,
    then the series' volume (for MPR) filled slice by slice, no local file needed."""
    from app.domain import Modality
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    client = login(hz, "radiologist")
    pk = fetch_case(store, client, ct_case["case"]["id"])
    streaming(client)
    ctx = ViewerContext(store, pk, Modality.CT, store.object_paths(pk), jobs)
    v = ImageViewer(ctx)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.pane.source is not None and v.pane.image is not None, timeout=60_000)
    mid = len(ct_files) // 2
    assert v.pane.index == mid
    want = DicomSource(ct_files).frame(mid).pixels
    np.testing.assert_array_equal(v.pane.source.frame(mid).pixels, want)
    qtbot.waitUntil(lambda: v.pane.backing is not None and v.pane.backing.complete, timeout=60000)
    assert not v.pane.backing.volume.failed
    v.close()
