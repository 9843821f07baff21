"""What the 2D canvas paints over the image.

Corner text (patient, study, slice, position, W/L), a scale ruler, the
orientation markers (A/P/R/L/H/F from ImageOrientationPatient, following
rotation and flips), the frame's measurements and the one being drawn.  The
text sits in screen space (constant size); shapes are drawn in image space
with cosmetic pens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from viewers.dicom import geometry

TEXT = QColor(255, 255, 180)
SHAPE = QColor(255, 200, 0)
DRAFT = QColor(0, 220, 255)


@dataclass
class OverlayState:
    visible: bool = True
    corners: dict[str, list[str]] = field(default_factory=dict)  # top-left, top-right...
    spacing: list[float] = field(default_factory=list)
    orientation: list[float] | None = None
    measurements: list = field(default_factory=list)  # Measurement on the shown frame
    label: Callable | None = None  # Measurement -> str
    ruler_text: str = "%1 mm"  # translated by the viewer
    extra: list = field(default_factory=list)  # (QPainterPath in image px, QColor) from SR/GSPS
    extra_labels: list = field(default_factory=list)  # (x, y, text[, "left"]) in image px


def _pt(p) -> QPointF:
    return QPointF(p[0] + 0.5, p[1] + 0.5)  # image pixel centre -> scene


def _text(painter: QPainter, x: float, y: float, lines: list[str], align) -> None:
    fm = painter.fontMetrics()
    h = fm.height()
    for i, line in enumerate(lines):
        w = fm.horizontalAdvance(line)
        tx = x - w if align & Qt.AlignmentFlag.AlignRight else x
        ty = y + (i + 1) * h if align & Qt.AlignmentFlag.AlignTop else y - (len(lines) - i - 1) * h
        painter.setPen(QColor(0, 0, 0))
        painter.drawText(QPointF(tx + 1, ty + 1), line)
        painter.setPen(TEXT)
        painter.drawText(QPointF(tx, ty), line)


def _shape_path(kind: str, pts: list) -> QPainterPath:
    path = QPainterPath()
    if not pts:
        return path
    q = [_pt(p) for p in pts]
    if kind == "ellipse" and len(q) == 2:
        path.addEllipse(QRectF(q[0], q[1]).normalized())
    elif kind == "probe":
        path.addEllipse(q[0], 2.0, 2.0)
    elif kind == "polygon" and len(q) > 2:
        path.addPolygon(QPolygonF(q))
        path.closeSubpath()
    elif kind == "text":
        path.addRect(QRectF(q[0].x() - 1, q[0].y() - 1, 2, 2))
    else:
        path.addPolygon(QPolygonF(q))
    return path


def _arrow_head(view, pts) -> QPainterPath:
    """Two short strokes at the first point of an arrow (screen-size head)."""
    path = QPainterPath()
    if len(pts) < 2:
        return path
    tip, tail = _pt(pts[0]), _pt(pts[1])
    d = tail - tip
    n = max((d.x() ** 2 + d.y() ** 2) ** 0.5, 1e-6)
    size = 12.0 / max(view.zoom, 1e-3) / max(view.item.transform().m22(), 1e-3) ** 0.5
    ux, uy = d.x() / n * size, d.y() / n * size
    for sx, sy in ((-uy * 0.5, ux * 0.5), (uy * 0.5, -ux * 0.5)):
        path.moveTo(tip)
        path.lineTo(tip + QPointF(ux + sx, uy + sy))
    return path


def paint(painter: QPainter, view) -> None:
    state: OverlayState = view.overlay
    if view.item.pixmap().isNull():
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    labels = []
    painter.setTransform(view.item.sceneTransform(), True)  # image pixels from here
    for m in state.measurements:
        pen = QPen(SHAPE, 1.5)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawPath(_shape_path(m.kind, m.points))
        if m.kind == "arrow":
            painter.drawPath(_arrow_head(view, m.points))
        if state.label is not None:
            labels.append((m, state.label(m)))
    for path, colour in state.extra:
        pen = QPen(colour, 1.5)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawPath(path)
    if view.points:
        pen = QPen(DRAFT, 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        pts = list(view.points)
        if view.tool in ("angle", "polygon") and view.cursor_point is not None:
            pts.append(view.cursor_point)
        painter.drawPath(_shape_path(view.tool, pts))
    painter.resetTransform()
    font = QFont(painter.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0))
    painter.setFont(font)
    for m, text in labels:
        if not text:
            continue
        anchor = max(m.points, key=lambda p: p[0])
        pos = view.mapFromScene(view.item.mapToScene(_pt(anchor)))
        _text(painter, pos.x() + 8, pos.y() - 4, text.split("\n"), Qt.AlignmentFlag.AlignTop)
    for x, y, text, *side in state.extra_labels:
        if text:  # right of the point, or ending left of it ("left": near the right edge)
            pos = view.mapFromScene(view.item.mapToScene(_pt((x, y))))
            left = side == ["left"]
            align = Qt.AlignmentFlag.AlignTop | (Qt.AlignmentFlag.AlignRight if left else 0)
            _text(painter, pos.x() + (-6 if left else 6), pos.y() - 4, [text], align)
    if state.visible:
        _corners_ruler_markers(painter, view, state)
    painter.restore()


def _corners_ruler_markers(painter: QPainter, view, state: OverlayState) -> None:
    vp = view.viewport().rect()
    pad = 6
    top, bottom = Qt.AlignmentFlag.AlignTop, Qt.AlignmentFlag.AlignBottom
    right = Qt.AlignmentFlag.AlignRight
    c = state.corners
    _text(painter, pad, pad, c.get("top-left", []), top)
    _text(painter, vp.width() - pad, pad, c.get("top-right", []), top | right)
    _text(painter, pad, vp.height() - pad, c.get("bottom-left", []), bottom)
    _text(painter, vp.width() - pad, vp.height() - pad, c.get("bottom-right", []), bottom | right)
    right_px, down_px = view.screen_axes()
    letters = geometry.screen_letters(state.orientation, right_px, down_px)
    fm = painter.fontMetrics()
    mid_x, mid_y = vp.width() / 2, vp.height() / 2
    edge = 14 if len(state.spacing) == 2 else 0  # room for the ruler at the right edge
    for side, (x, y) in {
        "left": (pad + 2, mid_y + fm.ascent() / 2),
        "right": (
            vp.width() - pad - edge - 4 - fm.horizontalAdvance(letters.get("right", "")),
            mid_y,
        ),
        "top": (mid_x - fm.horizontalAdvance(letters.get("top", "")) / 2, pad + fm.ascent()),
        "bottom": (mid_x - fm.horizontalAdvance(letters.get("bottom", "")) / 2, vp.height() - pad),
    }.items():
        if letters.get(side):
            _text(painter, x, y, [letters[side]], bottom)
    if len(state.spacing) == 2:
        mm_per_px = state.spacing[1] / max(view.zoom, 1e-6)  # scene units: column mm
        mm = geometry.nice_length(mm_per_px * vp.height() * 0.3)
        if mm > 0:
            px = mm / mm_per_px
            x0, y0 = vp.width() - pad - 2, mid_y + px / 2
            pen = QPen(TEXT, 1)
            painter.setPen(pen)
            painter.drawLine(QPointF(x0, y0), QPointF(x0, y0 - px))
            for k in range(11):
                w = 6 if k in (0, 5, 10) else 3
                y = y0 - px * k / 10
                painter.drawLine(QPointF(x0 - w, y), QPointF(x0, y))
            label = state.ruler_text.replace("%1", f"{mm:g}")
            _text(painter, x0, y0 + fm.height() + 2, [label], bottom | right)
