"""AI overlays on the paper: wave shading, J and J+60 markers, pacer spikes, flagged
leads, model tag."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from viewers.ecg import paper

SPIKE_COLOUR = "#a142f4"  # pacer spikes: a violet tick above the trace
SAME_SPIKE_S = 0.004  # an AI-found spike this close to a device-listed one is that one
WAVE_COLOURS = {"P": (66, 133, 244, 40), "QRS": (234, 67, 53, 32), "T": (52, 168, 83, 32)}


def spike_ticks(times, p: paper.Paper, speed: float) -> list:
    """A violet tick above the trace at each pacer spike time (seconds), in every cell."""
    import pyqtgraph as pg

    pen = pg.mkPen(SPIKE_COLOUR, width=2, cosmetic=True)
    half = p.row_mm * 0.4
    out = []
    for cell in p.cells:
        for t in times:
            if cell.t0 <= t < cell.t1:
                x = p.x_of(cell, t, speed)
                ys = [cell.y_mm + half, cell.y_mm + p.row_mm * 0.5]
                out.append(pg.PlotCurveItem([x, x], ys, pen=pen))
    return out


def device_spike_items(signal, p: paper.Paper | None, speed: float) -> list:
    """The pacer spikes the recording device listed apart from the samples (GE MUSE):
    part of the recording, shown whether or not the AI overlays are on."""
    times = getattr(signal, "device_pacer_spikes_s", None) or []
    return spike_ticks(times, p, speed) if p is not None and times else []


def overlay_items(analysis, p: paper.Paper, speed: float, device_spikes=None) -> list:
    """Graphics items for the AI overlays of ``analysis`` on paper ``p``."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGraphicsRectItem

    a = analysis
    out: list = []
    flagged = {lead for f in a.findings for lead in f.leads}
    half = p.row_mm * 0.4
    last_t = max((b.qrs_off / a.fs for b in a.beats), default=0.0) + 1.0
    first_t = float((a.window or {}).get("start_s", 0.0))
    listed = np.asarray(device_spikes or [], dtype=float)
    # spikes the device listed are drawn with the trace (device_spike_items), not twice
    found = [t for t in a.pacer_spikes if not np.any(np.abs(listed - t) <= SAME_SPIKE_S)]
    out += spike_ticks(found, p, speed)
    for cell in p.cells:
        if cell.t0 > last_t or cell.t1 < first_t:
            continue  # the pre-read covers its 10 s window only
        for b in a.beats:
            spans = [("QRS", b.qrs_on, b.qrs_off)]
            if b.p_on is not None:
                spans.append(("P", b.p_on, b.p_off))
            if b.t_end is not None:
                spans.append(("T", b.t_on if b.t_on is not None else b.qrs_off, b.t_end))
            for wave, s, e in spans:
                t_s, t_e = max(s / a.fs, cell.t0), min(e / a.fs, cell.t1)
                if t_e <= t_s:
                    continue
                x0, x1 = p.x_of(cell, t_s, speed), p.x_of(cell, t_e, speed)
                rect = QGraphicsRectItem(x0, cell.y_mm - half, x1 - x0, 2 * half)
                rect.setBrush(QColor(*WAVE_COLOURS[wave]))
                rect.setPen(QColor(0, 0, 0, 0))
                out.append(rect)
            j = b.qrs_off / a.fs
            for t, colour in ((j, "#d93025"), (j + 0.06, "#f29900")):
                if cell.t0 <= t < cell.t1:
                    x = p.x_of(cell, t, speed)
                    pen = pg.mkPen(colour, width=1, cosmetic=True)
                    out.append(
                        pg.PlotCurveItem([x, x], [cell.y_mm - half, cell.y_mm + half], pen=pen)
                    )
        if cell.lead.lstrip("-") in flagged:
            x1 = p.x_of(cell, min(cell.t1, last_t), speed)
            x0 = p.x_of(cell, max(cell.t0, first_t), speed)
            box = QGraphicsRectItem(x0, cell.y_mm - half, x1 - x0, 2 * half)
            box.setPen(pg.mkPen("#d93025", width=2, cosmetic=True))
            out.append(box)
    return out  # the model is named once, in the line under the paper (always in view)


def make_view_box(on_drag, on_click):
    """A pyqtgraph ViewBox that hands left drags/clicks to the viewer when it wants them.

    ``on_drag(start_xy, now_xy) -> bool`` returns True when it used the drag
    (a caliper); otherwise the view pans as usual.  ``on_click(xy)`` gets
    left clicks in paper millimetres.  A resize (the window, the side panel, a
    dock) shows more or less paper at the same scale from the same top left, so
    a true-size page stays true size (pyqtgraph would rescale it, centred).
    """
    import pyqtgraph as pg
    from PySide6.QtCore import Qt

    class PaperViewBox(pg.ViewBox):
        def mouseDragEvent(self, ev, axis=None):  # noqa: N802 (Qt naming)
            if ev.button() == Qt.MouseButton.LeftButton and axis is None:
                a = self.mapSceneToView(ev.buttonDownScenePos())
                b = self.mapSceneToView(ev.scenePos())
                if on_drag((a.x(), a.y()), (b.x(), b.y())):
                    ev.accept()
                    return
            super().mouseDragEvent(ev, axis)

        def mouseClickEvent(self, ev):  # noqa: N802
            if ev.button() == Qt.MouseButton.LeftButton:
                p = self.mapSceneToView(ev.scenePos())
                ev.accept()
                on_click((p.x(), p.y()))
                return
            super().mouseClickEvent(ev)

        def resizeEvent(self, ev):  # noqa: N802
            old, new = ev.oldSize(), ev.newSize()
            if min(old.width(), old.height(), new.width(), new.height()) > 0:
                (x0, x1), (y0, y1) = self.viewRange()
                per_px_x, per_px_y = (x1 - x0) / old.width(), (y1 - y0) / old.height()
                self.setRange(
                    xRange=(x0, x0 + per_px_x * new.width()),
                    yRange=(y1 - per_px_y * new.height(), y1),
                    padding=0,
                    update=False,  # the resize below applies it
                )
            super().resizeEvent(ev)

    return PaperViewBox()
