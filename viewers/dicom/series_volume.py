"""A grey multi-slice series loaded into one ``app.imaging.volume.Volume`` behind a pane (Qt-free).

While the pane shows slices decoded one by one, the whole series loads on a
worker (middle first, then interleaved, within the memory budget); slices
already in the volume are then shown without decoding, and the MPR view
reuses the same volume instead of reading the files again.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.readers.images import LoadedImage


class SeriesVolume:
    def __init__(self, source, volume) -> None:
        self.source = source
        self.volume = volume
        self.zmap = {(Path(f.path), f.index): z for z, f in enumerate(volume.frames)}

    @property
    def complete(self) -> bool:
        return bool(self.volume.loaded.all())

    def frame(self, index: int, like: LoadedImage) -> LoadedImage | None:
        """Displayed frame ``index`` from the volume (None while it is not loaded there)."""
        path, k = self.source.frames[index]
        z = self.zmap.get((Path(path), k))
        if z is None or not self.volume.loaded[z] or z in self.volume.failed:
            return None
        pixels = np.asarray(self.volume.array[z], dtype=np.float32)
        return LoadedImage(pixels, False, like.window, like.invert, like.laterality, like.info)


def create(source, state=None) -> SeriesVolume:
    """Worker: the series' headers -> a preallocated volume (no pixels yet)."""
    from app.imaging.series import series_info
    from app.imaging.volume import Volume

    make = getattr(source, "new_volume", None)  # a streamed series (app/readers/dicomweb_source)
    if make is not None:
        return SeriesVolume(source, make())
    return SeriesVolume(source, Volume.create(series_info(list(source.files), state)))


def fill(backing: SeriesVolume, state=None) -> SeriesVolume:
    """Worker: load every slice, then read every frame's overlay header (cached)."""
    from viewers.dicom.header import frame_header

    backing.volume.load(state)
    for i in range(len(backing.source)):
        frame_header(backing.source, i)
        if state is not None:
            state.check()
    return backing
