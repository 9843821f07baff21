"""2D image viewer: radiographs (window/level) and colour photos (fundus).

Left drag pans, wheel zooms at the cursor, right drag changes window/level
(grey images).  Pixels are decoded on a worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.report.panel import ReportPanel
from viewers.dicom.pixels import LoadedImage, load_image, to_display


class ImageView(QGraphicsView):
    window_drag = Signal(float, float)  # dx, dy in pixels

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

    def wheelEvent(self, event) -> None:
        factor = 1.25 if event.angleDelta().y() > 0 else 0.8
        self.scale(factor, factor)

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

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.image: LoadedImage | None = None
        self.centre = self.width_ = 0.0
        self.invert = False
        self.view = ImageView(self)
        self.view.window_drag.connect(self._drag_window)
        self.status = QLabel()
        self.status.setStyleSheet("padding:2px 6px;color:#3c4043")
        self.toolbar = QToolBar(self)
        self.a_fit = self.toolbar.addAction("", self.view.fit)
        self.a_one = self.toolbar.addAction("", lambda: self.view.resetTransform())
        self.a_invert = self.toolbar.addAction("", self._toggle_invert)
        self.a_reset = self.toolbar.addAction("", self._reset_window)
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
        _obj, path = ctx.files[0]
        ctx.jobs.submit(
            load_image, path, name="load image", on_done=self._show, on_error=self._failed
        )

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

    def _show(self, img: LoadedImage) -> None:
        self.image = img
        self.centre, self.width_ = img.window
        self.invert = img.invert
        self.a_invert.setEnabled(not img.rgb)
        self.a_reset.setEnabled(not img.rgb)
        self._render()
        self.view.fit()
        self.loaded.emit()

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
