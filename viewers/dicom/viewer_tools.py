"""The image viewer's actions: window presets, invert, drawing tools and undo, the
MPR / 3D switch, tags, key images, DICOM objects and PNG export.  A mixin of
``qt_image_viewer.ImageViewer``, which owns the widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.imaging.presets import presets_for
from viewers.dicom import measurements as meas
from viewers.dicom import texts
from viewers.dicom.pane import Pane


class ToolsMixin:
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
            self.status.setText(
                QCoreApplication.translate(
                    "ImageViewer", "Measurements can be drawn once the series is read."
                )
            )
            return
        m = meas.Measurement(tool, pane.index, points, sop_uid=pane.header.sop_uid)
        if tool in ("text", "arrow"):
            text, ok = QInputDialog.getText(
                self, texts.tool_names()[tool], QCoreApplication.translate("ImageViewer", "Text:")
            )
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
            else QCoreApplication.translate("ImageViewer", "(%1, %2): %3")
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
            for hook in self.volume_hooks:
                hook(self.volume_viewer)
        self.stack.setCurrentWidget(self.volume_viewer if on else self.grid_host)
        # the 2D pane's line (its slice and window) would contradict the planes' own status
        self.status.setVisible(not on)

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
                self,
                QCoreApplication.translate("ImageViewer", "DICOM objects"),
                "",
                "DICOM (*.dcm *)",
            )
        if not paths:
            return

        def done(count: int) -> None:
            if not count:
                self.status.setText(
                    QCoreApplication.translate(
                        "ImageViewer", "No SEG, SR, GSPS or KOS object in the files chosen."
                    )
                )

        self.objects.find(paths, done)

    def export_png(self, path: str | None = None) -> bool:
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("ImageViewer", "Export view as PNG"),
                "view.png",
                "PNG (*.png)",
            )
        if not path:
            return False
        shown = self.stack.currentWidget()  # the MPR + 3D grid, or the active 2D pane
        widget = shown.mpr if shown is self.volume_viewer else self.pane.view.viewport()
        return widget.grab().save(path, "PNG")
