"""The overlay legend drawn in the slide's top-left corner.

One box that says what every visible overlay is: AI layers with analyzer,
version and "not for clinical use"; detection classes with their outline
colour and count; a heatmap's colour scale from 0 to its top value with the
unit (nuclei/mm²); a mask's colour.  While overlays are hidden (H) it says
so, so a pathologist never mistakes a hidden layer for an empty one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen

from viewers.wsi.class_names import class_label
from viewers.wsi.overlays import colormap_lut

BAR_W, BAR_H, SWATCH = 140, 10, 10
BACKGROUND = QColor(255, 252, 240, 235)
INK = QColor(60, 40, 0)
AI_INK = QColor(120, 60, 0)


def _num(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.3g}"


def legend_items(overlays) -> list[tuple]:
    """What the legend shows, top to bottom: ("ai"|"text", str), ("swatch", rgb, str), ("scale", layer)."""
    if overlays.hidden:
        return [
            (
                "text",
                QCoreApplication.translate(
                    "OverlayLegend", "Overlays hidden — press H to show them"
                ),
            )
        ]
    items: list[tuple] = [("ai", t) for t in overlays.legend_lines()]
    for lay in overlays.detections:
        if not lay.visible or not len(lay.data):
            continue
        counts = lay.data.class_counts()
        for ci, (name, rgb) in enumerate(lay.data.classes):
            if counts[ci]:
                label = (
                    QCoreApplication.translate("OverlayLegend", "%1: %2 (outline)")
                    .replace("%1", class_label(name))
                    .replace("%2", f"{counts[ci]:,}")
                )
                items.append(("swatch", rgb, label))
    for r in overlays.rasters:
        if not r.visible:
            continue
        if r.values.dtype == bool:
            items.append(("swatch", r.colour, r.title or r.name))
        else:
            items.append(("scale", r))
    return items


def _sizes(fm, items: list[tuple]) -> tuple[list[float], list[float]]:
    lh = fm.height()
    widths = []
    for it in items:
        if it[0] == "scale":
            widths.append(max(BAR_W, fm.horizontalAdvance(_scale_title(it[1]))))
        elif it[0] == "swatch":
            widths.append(SWATCH + 6 + fm.horizontalAdvance(it[2]))
        else:
            widths.append(fm.horizontalAdvance(it[1]))
    heights = [lh * 2 + BAR_H + 2 if it[0] == "scale" else lh for it in items]
    return widths, heights


def legend_rect(fm, overlays, x: float, y: float) -> QRectF | None:
    """The screen box the legend takes (None when there is no legend)."""
    items = legend_items(overlays)
    if not items:
        return None
    widths, heights = _sizes(fm, items)
    return QRectF(x, y, max(widths) + 12, sum(heights) + 8)


def paint_legend(p: QPainter, overlays, x: float, y: float) -> None:
    items = legend_items(overlays)
    if not items:
        return
    p.save()
    fm = p.fontMetrics()
    lh = fm.height()
    widths, heights = _sizes(fm, items)
    box = QRectF(x, y, max(widths) + 12, sum(heights) + 8)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BACKGROUND)
    p.drawRect(box)
    cy = y + 4
    for it, h in zip(items, heights, strict=True):
        tx = x + 6
        if it[0] == "scale":
            _paint_scale(p, it[1], tx, cy, lh)
        elif it[0] == "swatch":
            pen = QPen(QColor(*it[1][:3]), 2)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(tx + 1, cy + (lh - SWATCH) / 2, SWATCH - 2, SWATCH - 2))
            p.setPen(INK)
            p.drawText(QPointF(tx + SWATCH + 6, cy + fm.ascent()), it[2])
        else:
            p.setPen(AI_INK if it[0] == "ai" else INK)
            p.drawText(QPointF(tx, cy + fm.ascent()), it[1])
        cy += h
    p.restore()


def _scale_title(r) -> str:
    title = r.title or r.name
    return f"{title} ({r.unit})" if r.unit else title


def _paint_scale(p: QPainter, r, x: float, y: float, lh: float) -> None:
    fm = p.fontMetrics()
    p.setPen(INK)
    p.drawText(QPointF(x, y + fm.ascent()), _scale_title(r))
    bar = QRectF(x, y + lh + 1, BAR_W, BAR_H)
    lut = colormap_lut(r.colormap)
    grad = QLinearGradient(bar.topLeft(), bar.topRight())
    for k in range(0, 256, 32):
        grad.setColorAt(k / 255, QColor(*lut[k].tolist()))
    grad.setColorAt(1.0, QColor(*lut[255].tolist()))
    p.setPen(QPen(QColor(90, 90, 90), 1))
    p.setBrush(grad)
    p.drawRect(bar)
    p.setPen(INK)
    base = bar.bottom() + fm.ascent() + 1
    p.drawText(QPointF(x, base), "0")
    top = _num(r.top())
    p.drawText(QPointF(bar.right() - fm.horizontalAdvance(top), base), top)
