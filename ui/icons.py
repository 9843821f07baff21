"""Small icons drawn with QPainter (no binary assets to ship)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from app.domain import Priority


@cache
def priority_icon(priority: int) -> QIcon:
    pm = QPixmap(16, 16)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if priority == Priority.CRITICAL:
        p.setBrush(QBrush(QColor("#d93025")))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawPolygon(QPolygonF([QPointF(8, 1), QPointF(15, 14), QPointF(1, 14)]))
        p.setPen(QPen(QColor("white"), 2))
        p.drawLine(8, 5, 8, 10)
        p.drawPoint(8, 12)
    elif priority == Priority.URGENT:
        p.setBrush(QBrush(QColor("#f29900")))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(2, 2, 12, 12)
    else:
        p.setBrush(QBrush(QColor("#9aa0a6")))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(5, 5, 6, 6)
    p.end()
    return QIcon(pm)
