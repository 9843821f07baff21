"""2D image viewer: radiographs, CT/MR series, US cine and colour photos (fundus).

The images come from the case's source (``Store.open_source``: the reader that
recognised the files opens them), so a JPEG photo and a DICOM series are shown
alike.  One to four panes (``pane.Pane``) show series of the study chosen from
the thumbnails; the toolbar acts on the active pane.  Scrolling is linked
between panes when asked.  Wheel / Up / Down / PageUp / PageDown / Home / End /
slider scroll, Ctrl+wheel zooms, right drag windows, middle drag pans, keys 1-9
pick window presets (``app.imaging.presets``: CT table + the file's windows).
Measurements (``measurements.MeasurementSet``) are saved with the case at once
and undoable.  Decoding runs on the job runner.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.imaging.presets import presets_for
from ui.report.panel import ReportPanel
from viewers.dicom import measurements as meas
from viewers.dicom import texts, toolbar
from viewers.dicom.loading import LoadingBar
from viewers.dicom.objects_panel import ObjectsPanel, jump_to, object_files
from viewers.dicom.pane import Pane
from viewers.dicom.panels import Cine, Thumbnails, series_of


class ImageViewer(QWidget):
    findings_changed = Signal(list)
    loaded = Signal()
    frame_shown = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.panes: list[Pane] = []
        self.loading = LoadingBar()
        self.pane: Pane = self._new_pane()
        self.cine = Cine(self._cine_step, self)
        self.marks = meas.MeasurementSet(meas.case_path(ctx.store, ctx.study_pk))
        self.status = QLabel()
        self.status.setStyleSheet("padding:2px 6px;color:#3c4043")
        self.toolbar = toolbar.build(self)
        self.a_slider.setVisible(False)
        self.report_panel = ReportPanel(ctx)
        self.a_report = self.toolbar.addAction("")
        self.a_report.setCheckable(True)
        self.a_report.setChecked(True)
        self.a_report.toggled.connect(self.report_panel.setVisible)
        self.thumbs = Thumbnails(ctx)
        self.thumbs.chosen.connect(lambda pk: self.pane.open(pk))
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(2)
        self.grid.addWidget(self.pane.view, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.objects = ObjectsPanel(ctx)
        self.objects.changed.connect(self._objects_changed)
        self.objects.jump.connect(self.show_sop)
        self.left = left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.thumbs)
        left.addWidget(self.objects)
        left.setVisible(False)
        split.addWidget(left)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.grid_host)
        self.volume_viewer = None
        split.addWidget(self.stack)
        split.addWidget(self.report_panel)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 1)
        split.setSizes([130, 860, 360])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.toolbar)
        lay.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.loading)
        lay.addLayout(bottom)
        self.retranslate()
        self.status.setText(self.tr("Loading image…"))
        if self.marks.load_error:
            self.status.setText(
                self.tr("Saved measurements could not be read: %1").replace(
                    "%1", self.marks.load_error
                )
            )
        if not ctx.files:
            self.status.setText(self.tr("This case has no image file."))
            return
        self.pane.open(ctx.extra.get("series_pk"))  # first: its first look leads the queue
        self.thumbs.populate()
        self.thumbs.setVisible(self.thumbs.count() > 1)
        left.setVisible(self.thumbs.isVisibleTo(left))
        self.objects.find(object_files(ctx.files))

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
        v.overlay.ruler_text = self.tr("%1 mm")
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
        ov.measurements = [m for m in self.marks.on_frame(pane.index) if self._on_pane(m, pane)]
        self.objects.decorate(pane)
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

    # --- window ---------------------------------------------------------
    def presets(self):
        return presets_for(self.pane.header.modality, self.pane.header.windows)

    def fill_presets(self) -> None:
        self.preset_menu.clear()
        for i, p in enumerate(self.presets()[:9]):
            text = f"{i + 1}  {texts.preset_name(p)}   W {p.width:g} / L {p.level:g}"
            self.preset_menu.addAction(text, lambda n=i + 1: self.apply_preset_key(n))

    def apply_preset_key(self, n: int) -> None:
        table = self.presets()
        if 1 <= n <= len(table):
            p = table[n - 1]
            self.pane.set_window(p.level, p.width)
            self._refresh_overlay(self.pane)

    def toggle_invert(self) -> None:
        self.pane.toggle_invert()
        self._refresh_overlay(self.pane)

    def reset_window(self) -> None:
        self.pane.reset_window()
        self._refresh_overlay(self.pane)

    def toggle_overlay(self, on: bool) -> None:
        for p in self.panes:
            p.view.overlay.visible = on
            p.view.viewport().update()

    # --- tools ----------------------------------------------------------
    def set_tool(self, tool: str) -> None:
        for p in self.panes:
            p.view.set_tool(tool)
        self.b_tools.setText(texts.tool_names().get(tool, ""))

    def _drawn(self, pane: Pane, tool: str, points: list) -> None:
        img = pane.image
        if img is None:
            return
        if pane.source is None:  # the first look: its frame number is not known yet
            self.status.setText(self.tr("Measurements can be drawn once the series is read."))
            return
        m = meas.Measurement(tool, pane.index, points, sop_uid=pane.header.sop_uid)
        if tool in ("text", "arrow"):
            text, ok = QInputDialog.getText(self, texts.tool_names()[tool], self.tr("Text:"))
            if tool == "text" and (not ok or not text.strip()):
                return
            m.text = text.strip() if ok else ""
        meas.compute(m, None if img.rgb else img.pixels, img.info.get("spacing"))
        self.marks.add(m)
        self._refresh_overlay(pane)

    def undo(self) -> None:
        if self.marks.undo():
            self._refresh_all()

    def redo(self) -> None:
        if self.marks.redo():
            self._refresh_all()

    def _refresh_all(self) -> None:
        for p in self.panes:
            self._refresh_overlay(p)

    def _hover(self, pane: Pane, x: float, y: float) -> None:
        if pane is not self.pane or pane.image is None:
            return
        from viewers.dicom.geometry import probe

        img = pane.image
        value = None if img.rgb else probe(img.pixels, x, y)
        self._update_status(
            ""
            if value is None
            else self.tr("(%1, %2): %3")
            .replace("%1", f"{x:.0f}")
            .replace("%2", f"{y:.0f}")
            .replace("%3", f"{value:.0f}")
        )

    # --- volume ---------------------------------------------------------
    def can_mpr(self) -> bool:
        img, files = self.pane.image, getattr(self.pane.source, "files", None)
        return bool(files) and len(self.pane) >= 3 and img is not None and not img.rgb

    def toggle_mpr(self, on: bool) -> None:
        """Show the series of the active pane as MPR + 3D (2x2), or back to the 2D panes."""
        if on and self.volume_viewer is None:
            if not self.can_mpr():
                self.a_mpr.setChecked(False)
                return
            from viewers.volume.volume_viewer import for_pane

            self.volume_viewer = for_pane(self.pane, self.marks, self)
            self.stack.addWidget(self.volume_viewer)
        self.stack.setCurrentWidget(self.volume_viewer if on else self.grid_host)

    def closeEvent(self, event) -> None:
        self.cine.stop()
        for p in self.panes:
            p.shutdown()
        if self.volume_viewer is not None:
            self.volume_viewer.shutdown()
        super().closeEvent(event)

    # --- more -----------------------------------------------------------
    def show_tags(self) -> None:
        from viewers.dicom.tag_browser import TagBrowser

        TagBrowser.for_pane(self.pane, self).show()

    @property
    def key_images(self) -> list[str]:
        return self.marks.key_images

    def toggle_key_image(self) -> None:
        uid = self.pane.header.sop_uid
        if uid:
            self.marks.toggle_key_image(uid)
            self._update_status()

    def open_objects(self, paths: list[str] | None = None) -> None:
        """Show SEG/SR/GSPS/KOS files over the images they reference."""
        if paths is None:
            paths, _f = QFileDialog.getOpenFileNames(
                self, self.tr("DICOM objects"), "", "DICOM (*.dcm *)"
            )
        if not paths:
            return

        def done(count: int) -> None:
            if not count:
                self.status.setText(self.tr("No SEG, SR, GSPS or KOS object in the files chosen."))

        self.objects.find(paths, done)

    def export_png(self, path: str | None = None) -> bool:
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export view as PNG"), "view.png", "PNG (*.png)"
            )
        if not path:
            return False
        shown = self.stack.currentWidget()  # the MPR + 3D grid, or the active 2D pane
        widget = shown.mpr if shown is self.volume_viewer else self.pane.view.viewport()
        return widget.grab().save(path, "PNG")

    # --- text -----------------------------------------------------------
    @property
    def source(self):
        return self.pane.source

    @property
    def image(self):
        """The active pane's image once its series is open (None while only the series'
        first look, its middle file, is shown)."""
        return self.pane.image if self.pane.source is not None else None

    @property
    def index(self) -> int:
        return self.pane.index

    @property
    def view(self):
        return self.pane.view

    def retranslate(self) -> None:
        toolbar.retranslate(self)
        self.a_report.setText(self.tr("Report"))
        for p in self.panes:
            p.view.overlay.ruler_text = self.tr("%1 mm")
            self._refresh_overlay(p)
        self._update_status()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _open_cancelled(self) -> None:
        self.status.setText(
            self.tr("Reading the series was stopped: only its middle image is shown.")
        )

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("The image could not be shown: %1").replace("%1", message))

    def _update_status(self, extra: str = "") -> None:
        if self.pane.image is not None:
            self.status.setText(texts.status_line(self, extra))
