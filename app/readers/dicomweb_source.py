"""A streamed server series as the sources viewers already use (Qt-free).

``RemoteVolume`` is the same ``app.imaging.volume.Volume`` (preallocated from
the headers, middle slice first, the rest interleaved on worker threads,
``slice_loaded`` per slice, progress and cancel); it fetches each slice's
instance through the server before decoding it.  ``RemoteDicomSource`` is a
``DicomSource`` whose ``frame(i)`` fetches frame ``i`` on demand, so the 2D
viewer shows the middle slice as soon as that one instance arrived, and whose
``new_volume()`` hands the MPR/3D side a ``RemoteVolume`` of the same series.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.imaging.volume import Volume
from app.readers.base import ReadError
from app.readers.images import DicomSource

NETWORK_WORKERS = 6  # slices in flight at once (the server and the PACS do the waiting)
CHUNK = 12  # slices fetched in one request (in loading order)


@dataclass
class RemoteVolume(Volume):
    series: object = None  # app.readers.dicomweb.RemoteSeries

    def load_slice(self, z: int) -> bool:
        state = getattr(self, "_state", None)
        if state is not None and state.cancelled:
            return False  # cancelled: nothing more is fetched (the loader raises Cancelled)
        frame = self.frames[z]
        try:
            chunk = getattr(self, "_chunks", {}).get(z)
            if chunk:
                self.series.fetch_many(chunk)  # the slices loaded next, in one request
            self.series.fetch(frame.head)
        except ReadError as err:
            self.failed[z] = f"{frame.path.name}: {err}"
            self.array[z] = self.fill
            self.loaded[z] = True
            return False
        return super().load_slice(z)

    def load(self, state=None, order: str = "interleaved", workers: int | None = None):
        from app.imaging.volume import interleaved

        self._state = state
        todo = interleaved(len(self.frames)) if order == "interleaved" else range(len(self.frames))
        todo = [z for z in todo if not self.loaded[z]][1:]  # the first comes alone, at once
        self._chunks = {}
        for i in range(0, len(todo), CHUNK):
            heads = [self.frames[z].head for z in todo[i : i + CHUNK]]
            for z in todo[i : i + CHUNK]:
                self._chunks[z] = heads
        try:
            return super().load(state, order, workers or NETWORK_WORKERS)
        finally:
            self._state = None


def remote_volume(series, budget: int | None = None) -> RemoteVolume:
    """A preallocated (not yet loaded) volume of a ``RemoteSeries``."""
    base = Volume.create(series.info, budget)
    fields = {k: getattr(base, k) for k in base.__dataclass_fields__}
    return RemoteVolume(**fields, series=series)


class RemoteDicomSource(DicomSource):
    """The frames of a ``RemoteSeries``, fetched when first shown."""

    remote = True

    def __init__(self, series) -> None:  # no DicomSource.__init__: no local files to read
        self.series = series
        self.info = series.info
        self.frames = [(f.path, f.index) for f in self.info.frames]
        self.files = self.info.files

    def frame(self, index: int, state=None):
        index = min(max(int(index), 0), len(self.frames) - 1)
        self.series.fetch(self.info.frames[index].head)
        return super().frame(index, state)

    def new_volume(self, budget: int | None = None) -> RemoteVolume:
        return remote_volume(self.series, budget)

    def volume(self, state=None, budget: int | None = None):
        return self.new_volume(budget).load(state)


def open_remote_series(client, case_id: int, series_uid: str, folder, state=None):
    """Worker: the series' headers from the server -> a ``RemoteDicomSource``."""
    from app.readers.dicomweb import RemoteSeries

    return RemoteDicomSource(RemoteSeries.open(client, case_id, series_uid, folder, state))
