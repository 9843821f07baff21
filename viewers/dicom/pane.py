"""One image pane of the 2D viewer: a series, the frame shown, its window and overlay.

Frames are decoded on the job runner (the newest request wins) and kept in a
small cache with a memory budget so scrolling back and cine loops do not
decode again.  The viewer (``qt_image_viewer``) lays out one to four panes and
drives the active one from its toolbar.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from viewers.dicom.canvas import ImageView
from viewers.dicom.header import FrameHeader, frame_header
from viewers.dicom.pixels import LoadedImage, to_display

CACHE_BYTES = 256 * 1024 * 1024  # decoded frames kept per pane


def open_series(ctx, series_pk, state=None):
    """Worker: a series' source, the frame shown first and its header."""
    from dataclasses import replace

    from viewers.registry import open_source

    if series_pk is not None:
        ctx = replace(ctx, extra={**ctx.extra, "series_pk": series_pk})
    source = open_source(ctx, state)
    index = source.default_index
    return source, index, source.frame(index, state), frame_header(source, index)


def first_look(ctx, series_pk, state=None):
    """Worker: the middle file of a multi-file DICOM series decoded before any other
    header is read (``app.imaging.volume.preview_image``), with its header; None for
    anything else (a photo, one multi-frame file, an ECG)."""
    from types import SimpleNamespace

    from app.imaging.volume import preview_image
    from app.readers import ReadError

    files = series_paths(ctx, series_pk)
    if len(files) < 2:
        return None
    try:
        img, path, frame = preview_image(files)
    except ReadError:
        return None  # the full open says what is wrong
    return img, frame_header(SimpleNamespace(frames=[(path, frame)]), 0)


def series_paths(ctx, series_pk) -> list:
    """The files of the series a pane opens, when they are DICOM images."""
    from app.importer import OBJECT_READER

    stored = bool(ctx.files) and ctx.files[0][0] is not None
    if ctx.store is not None and stored and hasattr(ctx.store, "series_list"):
        from app.series import series_files

        ser, files, _objs = series_files(ctx.store, ctx.study_pk, series_pk)
        return files if ser.reader == "dicom-image" else []
    paths = [p for obj, p in ctx.files if obj is None or obj.reader != OBJECT_READER]
    return paths if all(p.suffix.lower() in (".dcm", ".dicom", "") for p in paths) else []


def decode(source, index: int, state=None):
    return index, source.frame(index, state), frame_header(source, index)


def decode_many(source, indices: list[int], state=None) -> list:
    """Worker: the next frames in the direction of scrolling (read-ahead)."""
    out = []
    for i in indices:
        if state is not None and state.cancelled:
            break
        out.append(decode(source, i))
    return out


PREFETCH = 8  # frames decoded ahead while scrolling


class Pane(QObject):
    shown = Signal(int)  # frame index now on screen
    opened = Signal()
    failed = Signal(object)  # the exception: shown by ui.read_errors
    progress = Signal(float)  # reading the series' headers (1.0: done or stopped)
    cancelled = Signal()  # the series was not read: only the first look is shown

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = ImageView()
        self.view.window_drag.connect(self.drag_window)
        self.source = None
        self.series_pk = None
        self.index = 0
        self.image: LoadedImage | None = None
        self.header = FrameHeader()
        self.centre = self.width_ = 0.0
        self.invert = False
        self._wanted: int | None = None
        self._busy = False
        self._cache: OrderedDict[int, tuple] = OrderedDict()
        self._prefetching = False
        self.backing = None  # SeriesVolume: the series loading into one volume
        self._volume_job = None
        self._cache_bytes = 0
        self._open_job = None
        self._generation = 0
        self._preview = False  # the image shown is the first look, not yet the series'
        self._after_open: int | None = None  # frame asked for before the series was open

    def __len__(self) -> int:
        return len(self.source) if self.source is not None else 0

    # --- loading --------------------------------------------------------
    def open(self, series_pk=None) -> None:
        """The series' first look at once (its middle file), then the whole series when its
        headers are read (``progress``; ``cancel_open`` stops it, the first look stays)."""
        self.series_pk = series_pk
        self.shutdown()
        self.source, self.backing, self._preview, self._after_open = None, None, False, None
        self._cache.clear()
        self._cache_bytes = 0
        self._generation += 1
        gen = self._generation
        self.ctx.jobs.submit(
            first_look, self.ctx, series_pk, name="first image",
            on_done=lambda r: self._first_look(gen, r), on_error=lambda _e: None,
        )  # fmt: skip
        self._open_job = self.ctx.jobs.submit(
            open_series,
            self.ctx,
            series_pk,
            name="load image",
            on_done=lambda r: self._opened(gen, r),
            on_error=lambda e: self._open_failed(gen, e),
            on_cancel=lambda: self._open_failed(gen, None),
            on_progress=lambda f, _m: gen == self._generation and self.progress.emit(f),
        )
        self.progress.emit(0.0)

    def cancel_open(self) -> None:
        if self._open_job is not None and not self._open_job.done:
            self._open_job.cancel()

    def _first_look(self, gen: int, result) -> None:
        if result is None or gen != self._generation or self.source is not None:
            return  # not a DICOM series, another series asked for, or the series is here
        img, header = result
        self.image, self._preview = None, True
        self._show((0, img, header), remember=False)
        self.view.fit()

    def _open_failed(self, gen: int, err) -> None:
        if gen != self._generation:
            return
        self._open_job = None
        self.progress.emit(1.0)
        if err is None:
            self.cancelled.emit()
        else:
            self.failed.emit(err)

    def _opened(self, gen: int, result) -> None:
        if gen != self._generation:
            result[0].close()  # another series was asked for meanwhile
            return
        self._open_job = None
        self.progress.emit(1.0)
        preview = self.image if self._preview else None
        self._preview = False
        self.source, index, img, header = result
        asked, self._after_open = self._after_open, None
        if preview is not None and preview.rgb != img.rgb:
            preview = None  # the first look was not what the series shows
        self.image = preview  # keeps the window the user set while the series loaded
        self._cache.clear()
        self._cache_bytes = 0
        self.view.scroll_slices = len(self.source) > 1
        self._show((index, img, header))
        if preview is None or preview.pixels.shape != img.pixels.shape:
            self.view.fit()
        self.opened.emit()
        if asked is not None and asked != index:
            self.show_frame(asked)
        self.backing = None
        if getattr(self.source, "files", None) and len(self.source) >= 3 and not img.rgb:
            from viewers.dicom import series_volume

            self.ctx.jobs.submit(
                series_volume.create, self.source, name="series headers",
                on_done=self._volume_created, on_error=lambda _e: None,
            )  # fmt: skip

    def _volume_created(self, backing) -> None:
        from viewers.dicom import series_volume

        if backing.source is not self.source:
            return  # another series was opened meanwhile
        self.backing = backing
        self._volume_job = self.ctx.jobs.submit(
            series_volume.fill, backing, name="load series", on_error=lambda _e: None
        )

    def shutdown(self) -> None:
        self.cancel_open()
        if self._volume_job is not None:
            self._volume_job.cancel()

    def show_frame(self, index: int) -> None:
        """Show frame ``index`` (clamped), from the cache or decoded on a worker."""
        if self.source is None:
            self._after_open = int(index)  # asked while the series is read: shown then
            return
        index = min(max(int(index), 0), len(self.source) - 1)
        if index == self.index and self._wanted is None:
            return
        hit = self._cache.get(index)
        if hit is not None:
            self._cache.move_to_end(index)
        elif self.backing is not None and self.image is not None and not self._busy:
            img = self.backing.frame(index, self.image)
            if img is not None:  # in the series' volume: no decoding, no second copy cached
                from viewers.dicom.header import frame_header

                self._show((index, img, frame_header(self.source, index)), remember=False)
                return
        if hit is not None and not self._busy:
            direction = 1 if index >= self.index else -1
            self._show((index, *hit))
            self._prefetch(index, direction)
            return
        if self._busy:
            self._wanted = index
            return
        self._busy = True
        self.ctx.jobs.submit(
            decode,
            self.source,
            index,
            name="decode slice",
            on_done=self._decoded,
            on_error=self._decode_failed,
        )

    def _decoded(self, result) -> None:
        self._busy = False
        before = self.index
        self._show(result)
        wanted, self._wanted = self._wanted, None
        if wanted is not None and wanted != self.index:
            self.show_frame(wanted)
        else:
            self._prefetch(self.index, 1 if self.index >= before else -1)

    def _prefetch(self, index: int, direction: int) -> None:
        """Decode the next frames ahead on a worker so scrolling on finds them cached."""
        if self._prefetching or self.source is None:
            return
        if self.backing is not None and self.backing.complete:
            return  # every slice is in the volume
        n = len(self.source)
        todo = [
            i
            for i in range(index + direction, index + direction * (PREFETCH + 1), direction)
            if 0 <= i < n and i not in self._cache
        ]
        if not todo:
            return
        self._prefetching = True
        source = self.source

        def done(results) -> None:
            self._prefetching = False
            if source is self.source:
                for i, img, header in results:
                    self._remember(i, img, header)

        def failed(_err) -> None:
            self._prefetching = False

        self.ctx.jobs.submit(
            decode_many, source, todo, name="read ahead", on_done=done, on_error=failed
        )

    def _decode_failed(self, err: BaseException) -> None:
        self._busy = False
        self._wanted = None
        self.failed.emit(err)

    def _remember(self, index: int, img: LoadedImage, header) -> None:
        if index in self._cache:
            return
        self._cache[index] = (img, header)
        self._cache_bytes += img.pixels.nbytes
        while self._cache_bytes > CACHE_BYTES and len(self._cache) > 1:
            _i, (old, _h) = self._cache.popitem(last=False)
            self._cache_bytes -= old.pixels.nbytes

    def _show(self, result, remember: bool = True) -> None:
        index, img, header = result
        first = self.image is None
        if remember:
            self._remember(index, img, header)
        self.index, self.image, self.header = index, img, header
        if first:  # keep the window the user chose while scrolling a series
            self.centre, self.width_ = img.window
            self.invert = img.invert
        ov = self.view.overlay
        ov.spacing = list(img.info.get("spacing") or [])
        ov.orientation = header.orientation
        self.render()
        self.shown.emit(index)

    # --- display --------------------------------------------------------
    def render(self) -> None:
        img = self.image
        if img is None:
            return
        if img.rgb:
            data = img.pixels
            h, w, _ = data.shape
            qimg = QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        else:
            data = to_display(img, self.centre, self.width_, self.invert)
            h, w = data.shape
            qimg = QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
        size_changed = self.view.item.pixmap().size() != qimg.size()
        self.view.item.setPixmap(QPixmap.fromImage(qimg))
        if size_changed:
            self.view.scene().setSceneRect(self.view.item.sceneBoundingRect())
        self.view.set_pixel_aspect(img.info.get("spacing"))
        self.view.viewport().update()

    def set_window(self, centre: float, width: float) -> None:
        if self.image is None or self.image.rgb:
            return
        self.centre, self.width_ = float(centre), max(1.0, float(width))
        self.render()

    def drag_window(self, dx: float, dy: float) -> None:
        step = max(self.width_, 1.0) / 300.0
        self.set_window(self.centre + dy * step, self.width_ + dx * step)

    def toggle_invert(self) -> None:
        self.invert = not self.invert
        self.render()

    def reset_window(self) -> None:
        if self.image is not None:
            self.invert = self.image.invert
            self.set_window(*self.image.window)
