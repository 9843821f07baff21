"""2D image viewer: radiographs and series (window/level) and colour photos (fundus).

The image comes from the case's source (``Store.open_source``: the reader that
recognised the file opens it), so a JPEG photo and a DICOM series are shown
alike.  Left drag pans, wheel zooms at the cursor (or scrolls the slices of a
series; Ctrl+wheel zooms), right drag changes window/level (grey images),
Up/Down and the slider move through slices.  Decoding runs on a worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QSlider,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.report.panel import ReportPanel
from viewers.dicom.pixels import LoadedImage, to_display
from viewers.registry import open_source


def open_first(ctx, state=None):
    """Worker: the case's image source and the frame shown first."""
    source = open_source(ctx, state)
    index = source.default_index
    return source, index, source.frame(index, state)


def decode(source, index: int, state=None):
    return index, source.frame(index, state)


class ImageView(QGraphicsView):
    window_drag = Signal(float, float)  # dx, dy in pixels
    slice_step = Signal(int)  # +1 / -1 from the wheel or the arrow keys (series only)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setBackgroundBrush(Qt.GlobalColor.black)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._wl_from: QPointF | None = None
        self.scroll_slices = False

    def wheelEvent(self, event) -> None:
        up = event.angleDelta().y() > 0
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if self.scroll_slices and not ctrl:
            self.slice_step.emit(-1 if up else 1)
            return
        factor = 1.25 if up else 0.8
        self.scale(factor, factor)

    def keyPressEvent(self, event) -> None:
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -1}.get(event.key())
        step = step or {Qt.Key.Key_PageDown: 1}.get(event.key())
        if self.scroll_slices and step:
            self.slice_step.emit(step)
            return
        super().keyPressEvent(event)

    def fit(self) -> None:
        self.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self._wl_from = event.position()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._wl_from is not None:
            d = event.position() - self._wl_from
            self._wl_from = event.position()
            self.window_drag.emit(d.x(), d.y())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self._wl_from = None
            return
        super().mouseReleaseEvent(event)


class ImageViewer(QWidget):
    findings_changed = Signal(list)
    loaded = Signal()
    frame_shown = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = None
        self.index = 0
        self.image: LoadedImage | None = None
        self._wanted: int | None = None  # slice asked for while another one decodes
        self._busy = False
        self.centre = self.width_ = 0.0
        self.invert = False
        self.view = ImageView(self)
        self.view.window_drag.connect(self._drag_window)
        self.view.slice_step.connect(lambda d: self.show_frame(self.index + d))
        self.status = QLabel()
        self.status.setStyleSheet("padding:2px 6px;color:#3c4043")
        self.toolbar = QToolBar(self)
        self.a_fit = self.toolbar.addAction("", self.view.fit)
        self.a_one = self.toolbar.addAction("", lambda: self.view.resetTransform())
        self.a_invert = self.toolbar.addAction("", self._toggle_invert)
        self.a_reset = self.toolbar.addAction("", self._reset_window)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setMaximumWidth(240)
        self.slider.valueChanged.connect(self.show_frame)
        self.a_slider = self.toolbar.addWidget(self.slider)
        self.a_slider.setVisible(False)
        self.report_panel = ReportPanel(ctx)
        self.a_report = self.toolbar.addAction("", self.report_panel.setVisible)
        self.a_report.setCheckable(True)
        self.a_report.setChecked(True)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self.report_panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 380])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.toolbar)
        lay.addWidget(split, 1)
        lay.addWidget(self.status)
        self.retranslate()
        self.status.setText(self.tr("Loading image…"))
        if not ctx.files:
            self.status.setText(self.tr("This case has no image file."))
            return
        ctx.jobs.submit(
            open_first, ctx, name="load image", on_done=self._opened, on_error=self._failed
        )

    def _opened(self, result) -> None:
        self.source, index, img = result
        n = len(self.source)
        self.view.scroll_slices = n > 1
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(n - 1, 0))
        self.slider.setValue(index)
        self.slider.blockSignals(False)
        self.a_slider.setVisible(n > 1)
        self._show((index, img))
        self.view.fit()
        self.loaded.emit()

    def show_frame(self, index: int) -> None:
        """Decode and show slice ``index`` of a series (on a worker; the newest request wins)."""
        if self.source is None:
            return
        index = min(max(int(index), 0), len(self.source) - 1)
        if index == self.index and self._wanted is None:
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
        self._show(result)
        wanted, self._wanted = self._wanted, None
        if wanted is not None and wanted != self.index:
            self.show_frame(wanted)

    def _decode_failed(self, err: BaseException) -> None:
        self._busy = False
        self._wanted = None
        self._failed(err)

    def retranslate(self) -> None:
        self.a_fit.setText(self.tr("Fit"))
        self.a_one.setText(self.tr("1:1"))
        self.a_invert.setText(self.tr("Invert"))
        self.a_reset.setText(self.tr("Reset window"))
        self.a_report.setText(self.tr("Report"))
        self._update_status()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _failed(self, err: BaseException) -> None:
        self.status.setText(self.tr("The image could not be shown: %1").replace("%1", str(err)))

    def _show(self, result) -> None:
        index, img = result
        first = self.image is None
        self.index, self.image = index, img
        if first:  # keep the window the user chose while scrolling a series
            self.centre, self.width_ = img.window
            self.invert = img.invert
        self.a_invert.setEnabled(not img.rgb)
        self.a_reset.setEnabled(not img.rgb)
        self.slider.blockSignals(True)
        self.slider.setValue(index)
        self.slider.blockSignals(False)
        self._render()
        self.frame_shown.emit(index)

    def _render(self) -> None:
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
        self.view.item.setPixmap(QPixmap.fromImage(qimg))
        self.view.scene().setSceneRect(self.view.item.boundingRect())
        self._update_status()

    def _drag_window(self, dx: float, dy: float) -> None:
        if self.image is None or self.image.rgb:
            return
        step = max(self.width_, 1.0) / 300.0
        self.width_ = max(1.0, self.width_ + dx * step)
        self.centre += dy * step
        self._render()

    def _toggle_invert(self) -> None:
        self.invert = not self.invert
        self._render()

    def _reset_window(self) -> None:
        if self.image is not None:
            self.centre, self.width_ = self.image.window
            self.invert = self.image.invert
            self._render()

    def _update_status(self) -> None:
        img = self.image
        if img is None:
            return
        size = f"{img.info.get('columns')}×{img.info.get('rows')}"
        if self.source is not None and len(self.source) > 1:
            size += "   " + self.tr("Image %1 of %2").replace("%1", str(self.index + 1)).replace(
                "%2", str(len(self.source))
            )
        if img.rgb:
            side = {"R": self.tr("Right eye (OD)"), "L": self.tr("Left eye (OS)")}.get(
                img.laterality, self.tr("Laterality unknown")
            )
            self.status.setText(f"{size}   {side}")
        else:
            self.status.setText(
                f"{size}   "
                + self.tr("W %1  L %2")
                .replace("%1", f"{self.width_:.0f}")
                .replace("%2", f"{self.centre:.0f}")
                + ("   " + self.tr("inverted") if self.invert else "")
            )
