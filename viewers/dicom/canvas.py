"""The image canvas of the 2D viewer: one frame, its view transform and the mouse.

Wheel scrolls the slices of a series (Ctrl+wheel zooms at the cursor), right
drag changes window/level, middle drag pans, left drag pans or draws with the
active tool.  Up/Down/PageUp/PageDown/Home/End move through slices, keys 1-9
pick window presets (as in Weasis), Esc drops a half-drawn measurement.
The overlay (text corners, scale ruler, orientation markers, measurements) is
painted by ``viewers.dicom.overlays`` on top of the image.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

from viewers.dicom import overlays
from viewers.dicom.measurements import POINTS_NEEDED

_SLICE_KEYS = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -10,
    Qt.Key.Key_PageDown: 10,
    Qt.Key.Key_Home: -(10**9),
    Qt.Key.Key_End: 10**9,
}


class ImageView(QGraphicsView):
    window_drag = Signal(float, float)  # dx, dy in pixels
    slice_step = Signal(int)  # from the wheel or the keys (series only)
    preset_key = Signal(int)  # 1-9
    hovered = Signal(float, float)  # image pixel (column, row) under the cursor
    drawn = Signal(str, list)  # tool, points in image pixels
    activated = Signal()  # clicked (layouts: this view becomes the active one)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.scene().addItem(self.item)
        self.mask_item = QGraphicsPixmapItem(self.item)  # SEG masks, follows the image
        self.setBackgroundBrush(Qt.GlobalColor.black)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setMouseTracking(True)
        self._wl_from: QPointF | None = None
        self._pan_from: QPointF | None = None
        self.scroll_slices = False
        self.zoom = 1.0
        self.rotation = 0  # degrees clockwise, multiple of 90
        self.flip_h = self.flip_v = False
        self.tool = "pan"
        self.points: list[list[float]] = []  # the measurement being drawn
        self.cursor_point: list[float] | None = None
        # set by the viewer: overlay text, spacing, orientation, measurements, labeller
        self.overlay = overlays.OverlayState()
        self.text_off_image = False  # the image has burned-in text (set by the viewer)

    # --- view transform -------------------------------------------------
    def _apply(self) -> None:
        fx = -self.zoom if self.flip_h else self.zoom
        fy = -self.zoom if self.flip_v else self.zoom
        self.setTransform(QTransform().rotate(self.rotation) * QTransform().scale(fx, fy))
        self.viewport().update()

    def set_mask_overlay(self, pixmap) -> None:
        """A coloured RGBA layer over the image (None: none)."""
        self.mask_item.setPixmap(pixmap if pixmap is not None else QPixmap())

    def set_pixel_aspect(self, spacing) -> None:
        """Rows and columns ``spacing`` mm apart: scene units are column-spacing mm both ways."""
        aspect = (
            spacing[0] / spacing[1] if spacing and len(spacing) == 2 and spacing[1] > 0 else 1.0
        )
        if abs(self.item.transform().m22() - aspect) > 1e-9:
            self.item.setTransform(QTransform().scale(1.0, aspect))
            self.scene().setSceneRect(self.item.sceneBoundingRect())

    def fit(self) -> None:
        rect = self.item.sceneBoundingRect()
        if rect.isEmpty():
            return
        turned = self.rotation % 180 == 90
        w, h = (rect.height(), rect.width()) if turned else (rect.width(), rect.height())
        vp = self.viewport().rect()
        room = max(vp.height() - 2 * self.text_band(), vp.height() / 2)
        self.zoom = max(min(vp.width() / w, room / h), 1e-3)
        self._apply()
        self.centerOn(rect.center())

    def text_band(self) -> int:
        """Height kept free above and below a fitted image that carries its own text
        (ultrasound: ``text_off_image``), so our corner text is not drawn over it."""
        if not self.text_off_image:
            return 0
        lines = max((len(v) for v in self.overlay.corners.values()), default=0)
        return 10 + lines * self.fontMetrics().height() if lines else 0

    def one_to_one(self) -> None:
        self.zoom = 1.0
        self._apply()

    def zoom_by(self, factor: float) -> None:
        self.zoom = min(max(self.zoom * factor, 0.02), 64.0)
        self._apply()

    def rotate_by(self, degrees: int) -> None:
        self.rotation = (self.rotation + degrees) % 360
        self._apply()

    def flip(self, horizontal: bool) -> None:
        if horizontal:
            self.flip_h = not self.flip_h
        else:
            self.flip_v = not self.flip_v
        self._apply()

    def reset_view(self) -> None:
        self.rotation, self.flip_h, self.flip_v = 0, False, False
        self.fit()

    def screen_axes(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """Image-pixel directions pointing right and down on the screen."""
        inv, _ok = self.transform().inverted()
        r, d = (
            inv.map(QPointF(1, 0)) - inv.map(QPointF(0, 0)),
            inv.map(QPointF(0, 1)) - inv.map(QPointF(0, 0)),
        )
        return (r.x(), r.y()), (d.x(), d.y())

    def image_point(self, pos) -> list[float]:
        """Viewport position -> image pixel (column, row), pixel centres at integers."""
        p = self.item.mapFromScene(self.mapToScene(pos.toPoint()))
        return [p.x() - 0.5, p.y() - 0.5]

    # --- input ----------------------------------------------------------
    def wheelEvent(self, event) -> None:
        up = event.angleDelta().y() > 0
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if self.scroll_slices and not ctrl:
            self.slice_step.emit(-1 if up else 1)
            return
        self.zoom_by(1.25 if up else 0.8)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        step = _SLICE_KEYS.get(key)
        if self.scroll_slices and step:
            self.slice_step.emit(step)
            return
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not event.modifiers():
            self.preset_key.emit(int(key) - int(Qt.Key.Key_0))
            return
        if key == Qt.Key.Key_Escape and self.points:
            self.points = []
            self.viewport().update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tool == "polygon":
            self._finish()
            return
        super().keyPressEvent(event)

    def set_tool(self, tool: str) -> None:
        self.tool = tool
        self.points = []
        mode = (
            QGraphicsView.DragMode.ScrollHandDrag
            if tool == "pan"
            else QGraphicsView.DragMode.NoDrag
        )
        self.setDragMode(mode)
        self.viewport().setCursor(
            Qt.CursorShape.OpenHandCursor if tool == "pan" else Qt.CursorShape.CrossCursor
        )

    def mousePressEvent(self, event) -> None:
        self.activated.emit()
        button = event.button()
        if button == Qt.MouseButton.RightButton:
            self._wl_from = event.position()
            return
        if button == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position()
            return
        if button == Qt.MouseButton.LeftButton and self.tool != "pan":
            p = self.image_point(event.position())
            needed = POINTS_NEEDED.get(self.tool)
            if not self.points:
                self.points = [p, p] if needed == 2 else [p]
            elif self.tool in ("angle", "polygon"):
                self.points.append(p)
            if needed is not None and len(self.points) >= needed and needed != 2:
                self._finish()
            self.viewport().update()
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if self.tool == "polygon" and len(self.points) >= 3:
            self._finish()
            return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event) -> None:
        p = self.image_point(event.position())
        self.cursor_point = p
        self.hovered.emit(p[0], p[1])
        if self._wl_from is not None:
            d = event.position() - self._wl_from
            self._wl_from = event.position()
            self.window_drag.emit(d.x(), d.y())
            return
        if self._pan_from is not None:
            d = event.position() - self._pan_from
            self._pan_from = event.position()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - int(d.x()))
            v.setValue(v.value() - int(d.y()))
            return
        if self.points and POINTS_NEEDED.get(self.tool) == 2:
            self.points[-1] = p
        if self.points:
            self.viewport().update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        button = event.button()
        if button == Qt.MouseButton.RightButton:
            self._wl_from = None
            return
        if button == Qt.MouseButton.MiddleButton:
            self._pan_from = None
            return
        if (
            button == Qt.MouseButton.LeftButton
            and POINTS_NEEDED.get(self.tool) == 2
            and self.points
        ):
            self.points[-1] = self.image_point(event.position())
            if self.points[0] != self.points[1]:
                self._finish()
            else:
                self.points = []
            return
        super().mouseReleaseEvent(event)

    def _finish(self) -> None:
        points, self.points = self.points, []
        self.drawn.emit(self.tool, points)
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect) -> None:
        overlays.paint(painter, self)
