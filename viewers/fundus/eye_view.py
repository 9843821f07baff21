"""One eye's photo: zoom (to 1:1 and beyond), pan, AI lesion overlays per type,
disc/fovea marks and a ruler measured in disc diameters."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QLineF, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItemGroup,
    QGraphicsLineItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from app.fundus_review import lesion_key

COLOURS = {
    "microaneurysm": "#ff1744",
    "haemorrhage": "#ff9100",
    "hard_exudate": "#ffea00",
    "cotton_wool_spot": "#00e5ff",
    "drusen": "#76ff03",
    "anatomy": "#ffffff",
}


def to_pixmap(rgb: np.ndarray) -> QPixmap:
    a = np.ascontiguousarray(rgb[..., :3])
    h, w = a.shape[:2]
    img = QImage(a.data, w, h, 3 * w, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(img.copy())


class EyeView(QGraphicsView):
    zoomed = Signal(float)  # factor applied (linked views follow)
    panned = Signal(int, int)
    measured = Signal(float, float)  # length px, disc diameters (nan if no disc)
    lesion_decided = Signal(str, str)  # lesion key, "confirmed" | "rejected" | "" (undecided)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QBrush(QColor("#111")))
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.photo = QGraphicsPixmapItem()
        self.scene().addItem(self.photo)
        self.groups: dict[str, QGraphicsItemGroup] = {}
        self.lesion_items: dict[str, tuple[QGraphicsEllipseItem, dict]] = {}
        self.decisions: dict[str, str] = {}
        self.disc_px = 0.0
        self.mm_per_px = 0.0  # known when the camera's file gives its pixel spacing
        self.measuring = False
        self._ruler: QGraphicsLineItem | None = None
        self._ruler_text: QGraphicsSimpleTextItem | None = None
        self._start: QPointF | None = None
        self.missing = ""  # why the pane has no photo, said in the pane itself
        self.ai_label = QGraphicsSimpleTextItem()
        self.ai_label.setBrush(QBrush(QColor("#ffd54f")))
        self.ai_label.setFlag(self.ai_label.GraphicsItemFlag.ItemIgnoresTransformations)
        self.scene().addItem(self.ai_label)
        self.horizontalScrollBar().valueChanged.connect(self._emit_pan)
        self.verticalScrollBar().valueChanged.connect(self._emit_pan)

    # --- image and overlays -------------------------------------------------
    def set_image(self, rgb: np.ndarray, refit: bool = True) -> None:
        self.missing = ""
        self.photo.setPixmap(to_pixmap(rgb))
        self.scene().setSceneRect(self.photo.boundingRect())
        if refit:
            self.fit()

    def set_missing(self, text: str) -> None:
        """No photo for this pane: the pane says why (not only the result box below it)."""
        self.photo.setPixmap(QPixmap())
        self.set_ai(None, "")
        self.missing = text
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect) -> None:  # noqa: N802 (Qt)
        super().drawForeground(painter, rect)
        if not self.missing or not self.photo.pixmap().isNull():
            return
        painter.save()
        painter.resetTransform()  # viewport coordinates: centred whatever the zoom
        painter.setPen(QColor("#cfcfcf"))
        box = self.viewport().rect().adjusted(16, 16, -16, -16)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.missing)
        painter.restore()

    def set_ai(self, ai: dict | None, label: str) -> None:
        for g in self.groups.values():
            self.scene().removeItem(g)
        self.groups = {}
        self.lesion_items = {}
        self.ai_label.setText(label)
        if not ai:
            return
        disc = ai.get("disc") or {}
        self.disc_px = float(disc.get("diameter_px") or 0.0)
        for les in ai.get("lesions") or []:
            r = max(float(les["radius_px"]) * 1.6, 6.0)
            item = QGraphicsEllipseItem(les["x"] - r, les["y"] - r, 2 * r, 2 * r)
            pen = QPen(QColor(COLOURS.get(les["type"], "#ffffff")), 2)
            pen.setCosmetic(True)
            item.setPen(pen)
            item.setToolTip(f"AI {les['type']} {les['confidence']:.2f}")
            self._group(les["type"]).addToGroup(item)
            self.lesion_items[lesion_key(les)] = (item, les)
        self.set_decisions(self.decisions)
        pen = QPen(QColor(COLOURS["anatomy"]), 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        if disc.get("centre"):
            (x, y), d = disc["centre"], self.disc_px
            item = QGraphicsEllipseItem(x - d / 2, y - d / 2, d, d)
            item.setPen(pen)
            self._group("anatomy").addToGroup(item)
        if ai.get("fovea"):
            x, y = ai["fovea"]
            r = max(self.disc_px / 2, 10)
            for line in (QLineF(x - r, y, x + r, y), QLineF(x, y - r, x, y + r)):
                item = QGraphicsLineItem(line)
                item.setPen(pen)
                self._group("anatomy").addToGroup(item)

    def set_decisions(self, decisions: dict[str, str]) -> None:
        """Draw the doctor's decisions: confirmed solid and thick, rejected grey dotted."""
        self.decisions = dict(decisions)
        for key, (item, les) in self.lesion_items.items():
            d = self.decisions.get(key, "")
            colour = (
                QColor("#9e9e9e") if d == "rejected" else QColor(COLOURS.get(les["type"], "#fff"))
            )
            pen = QPen(colour, 3.5 if d == "confirmed" else 2)
            pen.setStyle(Qt.PenStyle.DotLine if d == "rejected" else Qt.PenStyle.SolidLine)
            pen.setCosmetic(True)
            item.setPen(pen)

    def lesion_at(self, scene_pos: QPointF) -> str:
        """The key of the lesion mark under ``scene_pos`` ("" when none)."""
        best, dist = "", math.inf
        for key, (item, _les) in self.lesion_items.items():
            if not item.isVisible() or not item.parentItem().isVisible():
                continue
            c = item.rect().center()
            d = math.hypot(scene_pos.x() - c.x(), scene_pos.y() - c.y())
            if d <= item.rect().width() / 2 + 4 and d < dist:
                best, dist = key, d
        return best

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt)
        key = self.lesion_at(self.mapToScene(event.pos()))
        if not key:
            return super().contextMenuEvent(event)
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        for decision, text in (
            ("confirmed", self.tr("Confirm lesion")),
            ("rejected", self.tr("Reject lesion (not a lesion)")),
            ("", self.tr("Undecided")),
        ):
            act = menu.addAction(text)
            act.setCheckable(True)
            act.setChecked(self.decisions.get(key, "") == decision)
            act.triggered.connect(lambda _c=False, d=decision: self.lesion_decided.emit(key, d))
        menu.popup(event.globalPos())

    def _group(self, kind: str) -> QGraphicsItemGroup:
        if kind not in self.groups:
            g = QGraphicsItemGroup()
            self.scene().addItem(g)
            self.groups[kind] = g
        return self.groups[kind]

    def show_type(self, kind: str, on: bool) -> None:
        if kind in self.groups:
            self.groups[kind].setVisible(on)

    # --- zoom and pan -------------------------------------------------------
    def fit(self) -> None:
        if not self.photo.pixmap().isNull():
            self.fitInView(self.photo, Qt.AspectRatioMode.KeepAspectRatio)
            self.fitted = True

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if getattr(self, "fitted", False):
            self.fit()  # the whole photo stays in view as the panels below grow

    def one_to_one(self) -> None:
        self.fitted = False
        self.setTransform(self.transform().fromScale(1.0, 1.0))

    def zoom(self, factor: float, emit: bool = True) -> None:
        scale = self.transform().m11() * factor
        if 0.02 < scale < 16:
            self.fitted = False
            self.scale(factor, factor)
            if emit:
                self.zoomed.emit(factor)

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)

    def _emit_pan(self) -> None:
        self.panned.emit(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def pan_to(self, x: int, y: int) -> None:
        for bar, v in ((self.horizontalScrollBar(), x), (self.verticalScrollBar(), y)):
            bar.blockSignals(True)
            bar.setValue(v)
            bar.blockSignals(False)

    # --- ruler in disc diameters --------------------------------------------
    def set_measuring(self, on: bool) -> None:
        self.measuring = on
        self.setDragMode(
            QGraphicsView.DragMode.NoDrag if on else QGraphicsView.DragMode.ScrollHandDrag
        )

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.measuring and event.button() == Qt.MouseButton.LeftButton:
            self._start = self.mapToScene(event.position().toPoint())
            self.measure(self._start, self._start)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.measuring and self._start is not None:
            self.measure(self._start, self.mapToScene(event.position().toPoint()))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt)
        self._start = None
        super().mouseReleaseEvent(event)

    def measure(self, a: QPointF, b: QPointF) -> tuple[float, float]:
        """Draw the ruler a-b; returns (pixels, disc diameters)."""
        if self._ruler is None:
            self._ruler = QGraphicsLineItem()
            pen = QPen(QColor("#00e676"), 2)
            pen.setCosmetic(True)
            self._ruler.setPen(pen)
            self._ruler_text = QGraphicsSimpleTextItem()
            self._ruler_text.setBrush(QBrush(QColor("#00e676")))
            self._ruler_text.setFont(QFont("", 11))
            self._ruler_text.setFlag(self._ruler_text.GraphicsItemFlag.ItemIgnoresTransformations)
            self.scene().addItem(self._ruler)
            self.scene().addItem(self._ruler_text)
        self._ruler.setLine(QLineF(a, b))
        px = math.hypot(b.x() - a.x(), b.y() - a.y())
        dd = px / self.disc_px if self.disc_px > 0 else float("nan")
        text = f"{dd:.2f} DD" if self.disc_px > 0 else f"{px:.0f} px"
        if self.mm_per_px > 0:
            text += f" · {px * self.mm_per_px:.2f} mm"
        self._ruler_text.setText(text)
        self._ruler_text.setPos(b)
        self.measured.emit(px, dd)
        return px, dd
