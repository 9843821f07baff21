"""Where an annotation's measurement label goes on the slide canvas."""

from __future__ import annotations

from PySide6.QtCore import QRectF


def label_place(rect: QRectF, top_y: float, keep_clear: list, area: QRectF | None = None) -> QRectF:
    """Where an annotation's label goes: under the shape (``rect``) unless that covers
    the legend, scale bar or navigator; then above the shape, or just beside or under
    what is in the way, whichever is nearest (and inside ``area``, the canvas)."""
    if not any(rect.intersects(k) for k in keep_clear):
        return rect
    above = QRectF(rect)
    above.moveBottom(top_y - 4)
    tries = [above]
    for k in keep_clear:
        if rect.intersects(k) or above.intersects(k):
            for r in (rect, above):
                beside, under = QRectF(r), QRectF(r)
                beside.moveLeft(k.right() + 4)
                under.moveTop(k.bottom() + 4)
                tries += [beside, under]
    clear = [
        r
        for r in tries
        if (area is None or area.contains(r)) and not any(r.intersects(k) for k in keep_clear)
    ]
    if not clear:
        return rect

    def far(r: QRectF) -> float:
        return abs(r.left() - rect.left()) + abs(r.top() - rect.top())

    return min(clear, key=far)
