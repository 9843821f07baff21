"""Side parts of the 2D viewer: series thumbnails and the cine player."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from viewers.dicom.pixels import to_display

IMAGE_READERS = ("dicom-image", "fundus-photo")
THUMB = 96


def series_of(ctx) -> list[tuple[int | None, str, str]]:
    """(series pk, modality, description) of the case's image series."""
    store = ctx.store
    if store is None or not hasattr(store, "series_list") or not ctx.files or not ctx.files[0][0]:
        return [(None, str(ctx.modality.value if hasattr(ctx.modality, "value") else ""), "")]
    rows = [s for s in store.series_list(ctx.study_pk) if s.reader in IMAGE_READERS]
    return [(s.id, s.modality, s.description) for s in rows] or [(None, "", "")]


def thumbnail(ctx, series_pk, state=None) -> tuple[int | None, np.ndarray, int]:
    """Worker: the middle frame of a series, windowed, at most THUMB pixels wide."""
    from viewers.dicom.pane import first_look, open_series, series_paths

    look = first_look(ctx, series_pk, state)  # the middle file: no header pass
    if look is not None:
        img, count = look[0], len(series_paths(ctx, series_pk))
    else:
        source, _index, img, _header = open_series(ctx, series_pk, state)
        count = len(source)
        source.close()
    data = img.pixels if img.rgb else to_display(img, *img.window, img.invert)
    step = max(1, int(np.ceil(max(data.shape[:2]) / THUMB)))
    return series_pk, np.ascontiguousarray(data[::step, ::step]), count


class Thumbnails(QListWidget):
    """One entry per series; clicking loads it into the active pane."""

    chosen = Signal(object)  # series pk

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setMovement(QListWidget.Movement.Static)
        self.setFixedWidth(THUMB + 30)
        self.setStyleSheet("QListWidget{background:#202124;color:#e8eaed}")
        self.itemClicked.connect(lambda it: self.chosen.emit(it.data(Qt.ItemDataRole.UserRole)))
        self._items: dict = {}

    def populate(self) -> None:
        self.clear()
        self._items.clear()
        rows = series_of(self.ctx)
        for pk, modality, description in rows:
            item = QListWidgetItem(f"{modality} {description}".strip())
            item.setData(Qt.ItemDataRole.UserRole, pk)
            item.setToolTip(description)
            self.addItem(item)
            self._items[pk] = item
            if len(rows) < 2:
                break  # one series: no thumbnail is shown
            self.ctx.jobs.submit(
                thumbnail,
                self.ctx,
                pk,
                name="thumbnail",
                on_done=self._done,
                on_error=lambda e: None,
            )

    def _done(self, result) -> None:
        pk, data, count = result
        item = self._items.get(pk)
        if item is None:
            return
        h, w = data.shape[:2]
        if data.ndim == 3:
            img = QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        else:
            img = QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
        item.setIcon(QIcon(QPixmap.fromImage(img)))
        item.setText(f"{item.text()} ({count})")


class Cine(QTimer):
    """Steps the active pane at ``fps`` frames per second, looping."""

    def __init__(self, step, parent=None) -> None:
        super().__init__(parent)
        self.fps = 10
        self.timeout.connect(step)

    def set_fps(self, fps: int) -> None:
        self.fps = max(1, int(fps))
        self.setInterval(int(1000 / self.fps))

    def toggle(self, on: bool) -> None:
        if on:
            self.set_fps(self.fps)
            self.start()
        else:
            self.stop()
