"""The image viewer's panes: layout (1x1 / 1x2 / 2x2), the active pane, linked scrolling,
overlays and cine.  A mixin of ``qt_image_viewer.ImageViewer``, which owns the widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from viewers.dicom import texts
from viewers.dicom.objects_panel import jump_to
from viewers.dicom.pane import Pane
from viewers.dicom.panels import series_of


class PanesMixin:
    # --- panes ----------------------------------------------------------
    def _new_pane(self) -> Pane:
        p = Pane(self.ctx, self)
        p.opened.connect(lambda p=p: self._pane_opened(p))
        p.shown.connect(lambda i, p=p: self._pane_shown(p, i))
        p.failed.connect(self._failed)
        p.cancelled.connect(self._open_cancelled)
        self.loading.follow(p)
        v = p.view
        v.slice_step.connect(lambda d, p=p: self._step(p, d))
        v.activated.connect(lambda p=p: self._activate(p))
        v.preset_key.connect(self.apply_preset_key)
        v.drawn.connect(lambda tool, pts, p=p: self._drawn(p, tool, pts))
        v.hovered.connect(lambda x, y, p=p: self._hover(p, x, y))
        v.window_drag.connect(lambda *_a, p=p: self._refresh_overlay(p))
        v.overlay.label = lambda m, p=p: texts.label(m, p.header.modality)
        v.overlay.ruler_text = QCoreApplication.translate("ImageViewer", "%1 mm")
        self.panes.append(p)
        return p

    def set_layout(self, rows: int, cols: int) -> None:
        """Show rows x cols panes; new panes open the next series (or the same one)."""
        want = rows * cols
        series = [pk for pk, _m, _d in series_of(self.ctx)]
        while len(self.panes) < want:
            p = self._new_pane()
            p.view.set_tool(self.pane.view.tool)
            pk = (
                series[len(self.panes) - 1]
                if len(self.panes) - 1 < len(series)
                else self.pane.series_pk
            )
            p.open(pk)
        for p in self.panes:
            self.grid.removeWidget(p.view)
            p.view.hide()
        for i, p in enumerate(self.panes[:want]):
            self.grid.addWidget(p.view, i // cols, i % cols)
            p.view.show()
        if self.pane not in self.panes[:want]:
            self._activate(self.panes[0])
        for p in self.panes[:want]:
            if p.image is not None:
                p.view.fit()

    def visible_panes(self) -> list[Pane]:
        return [p for p in self.panes if p.view.isVisible()] or [self.pane]

    def _activate(self, pane: Pane) -> None:
        self.pane = pane
        for p in self.panes:
            p.view.setStyleSheet(
                "border:2px solid #fbbc04" if p is pane and len(self.visible_panes()) > 1 else ""
            )
        self._sync_slider()
        self._update_status()

    def _pane_opened(self, pane: Pane) -> None:
        if pane is self.pane:
            self._sync_slider()
            self.loaded.emit()

    def _sync_slider(self) -> None:
        n = len(self.pane)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(n - 1, 0))
        self.slider.setValue(self.pane.index)
        self.slider.blockSignals(False)
        self.a_slider.setVisible(n > 1)
        self.a_cine.setEnabled(n > 1)

    def _pane_shown(self, pane: Pane, index: int) -> None:
        self._refresh_overlay(pane)
        if pane is self.pane:
            self.slider.blockSignals(True)
            self.slider.setValue(index)
            self.slider.blockSignals(False)
            img = pane.image
            self.a_invert.setEnabled(not img.rgb)
            self.a_mpr.setEnabled(self.can_mpr())
            self.a_reset.setEnabled(not img.rgb)
            self._update_status()
            self.frame_shown.emit(index)

    def _refresh_overlay(self, pane: Pane) -> None:
        ov = pane.view.overlay
        ov.corners = texts.corners(pane, len(pane))
        # ultrasound burns its own text into the image: ours goes above and below it
        pane.view.text_off_image = (pane.header.modality or "").upper() == "US"
        ov.measurements = [m for m in self.marks.on_frame(pane.index) if self._on_pane(m, pane)]
        self.objects.decorate(pane)
        for hook in self.overlay_hooks:
            hook(pane)
        pane.view.viewport().update()
        if pane is self.pane:
            self._update_status()

    def _on_pane(self, m, pane: Pane) -> bool:
        return not m.sop_uid or not pane.header.sop_uid or m.sop_uid == pane.header.sop_uid

    def _objects_changed(self) -> None:
        self.left.setVisible(self.thumbs.count() > 1 or bool(self.objects.objects))
        self._refresh_all()

    def show_sop(self, uid: str) -> None:
        """Show the image with SOP Instance UID ``uid`` in the active pane (SR/KOS links)."""
        jump_to(self, uid)

    # --- scrolling ------------------------------------------------------
    def _step(self, pane: Pane, delta: int) -> None:
        pane.show_frame(pane.index + delta)
        if self.a_link.isChecked():
            for p in self.visible_panes():
                if p is not pane and len(p) > 1:
                    p.show_frame(p.index + delta)

    def show_frame(self, index: int) -> None:
        """Show frame ``index`` of the active pane (linked panes follow by the same step)."""
        self._step(self.pane, int(index) - self.pane.index)

    def _cine_step(self) -> None:
        n = len(self.pane)
        if n > 1:
            self._step(self.pane, 1 if self.pane.index + 1 < n else -self.pane.index)

    def toggle_cine(self, on: bool) -> None:
        self.cine.toggle(on)
