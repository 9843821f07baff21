"""ECG viewer navigation (mixed into ``EcgViewer``): where on the paper the view is.

The paper opens at true size (1 mm on paper = 1 mm on screen), from the top
left.  A record longer than a page is read in 10 s pages ("from … s") or one
row per lead over the whole record; "Analysed 10 s" brings either back to the
window the AI measured (viewers/ecg/analysed_window.py).  A click on a lead
shows it enlarged; Esc goes back to the layout.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from viewers.ecg import paper
from viewers.ecg.analysed_window import PAGE_S, SLACK_S, analysed_span


class EcgNavigation:
    """Needs: view, paper_layout, long, signal, raw_signal, analysis, calipers,
    px_per_mm, speed, focus_lead, page_start_s, view_t0 and ``redraw``."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if event.key() == Qt.Key.Key_Escape and self.focus_lead:
            self.focus(None)  # back from the single-lead view
            return
        super().keyPressEvent(event)

    def _click(self, xy) -> None:
        if self.calipers.mode != "off" or self.paper_layout is None or self.focus_lead:
            return
        cell = paper.cell_at(self.paper_layout, xy[0], xy[1], self.speed)
        if cell is not None and self.long is None:
            self.focus(cell.lead)

    def focus(self, lead: str | None) -> None:
        """Show one lead enlarged (None: back to the layout)."""
        if lead == self.focus_lead:
            return
        self.focus_lead = lead
        self.redraw()
        self.fit_true_size()

    def fit_true_size(self) -> None:
        """Show the paper at 1 mm on paper = 1 mm on screen, from the top left (a
        one-column view of a longer record: from just before ``view_t0``)."""
        p = self.paper_layout
        if p is None:
            return
        vw = max(self.view.width(), 1.0)
        vh = max(self.view.height(), 1.0)
        w_mm, h_mm = vw / self.px_per_mm, vh / self.px_per_mm
        top = 8.0  # room for the AI model tag above the paper
        x0 = 0.0
        if self.view_t0 is not None and p.cells and len({c.col for c in p.cells}) == 1:
            lead_in = 2 * paper.MARGIN_MM  # a little of what comes before the window
            x0 = max(0.0, min(p.x_of(p.cells[0], self.view_t0, self.speed) - lead_in,
                              p.width_mm - w_mm))  # fmt: skip
        if self.long is not None:  # all rows, true millimetres along time
            self.view.setRange(xRange=(x0, x0 + w_mm), yRange=(-p.height_mm, top), padding=0)
            return
        self.view.setRange(xRange=(x0, x0 + w_mm), yRange=(top - h_mm, top), padding=0)

    def page_to(self, start_s: float) -> None:
        """Show the 10 s page from ``start_s`` (record seconds); one lead enlarged from
        there opens at the same time."""
        self.page_start_s = self.view_t0 = float(start_s)
        self.redraw()

    def show_window(self) -> None:
        """Bring the page (or a one-column view) to the 10 s the AI analysed."""
        span = analysed_span(self.analysis, self.raw_signal.duration_s) if self.analysis else None
        if span is None:
            return
        self.page_start_s, self.view_t0 = span[0], span[0]
        self.redraw()
        self.fit_true_size()

    def _layout_changed(self, *_a) -> None:
        """A record longer than a page: the new layout opens where the page was (a
        10 s page <-> one row per lead over the whole record)."""
        if self.signal is not None and self.signal.duration_s > PAGE_S + SLACK_S:
            self.fit_true_size()

    def _range_changed(self, *_a) -> None:
        if self.long is not None:
            (x0, x1), _ = self.view.viewRange()
            self.long.update(x0, x1, int(self.view.width()))
