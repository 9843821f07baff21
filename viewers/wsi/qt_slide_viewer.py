"""Whole-slide viewer (modality SM).

Opens the slide on a worker thread (``ctx.jobs``), then shows a
``SlideCanvas``: tiles from the shared cache served newest request first,
coarser tiles while loading, wheel zoom at the cursor, drag pan, navigator
and scale bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QToolBar, QVBoxLayout, QWidget

from viewers.wsi.slide_canvas import SlideCanvas

SLIDE_SUFFIXES = (".svs", ".tif", ".tiff", ".ndpi", ".mrxs", ".scn", ".bif", ".vms", ".dcm")
_SHARED_CACHE = None


def shared_cache():
    """One tile cache for every open slide, so the budget is global."""
    global _SHARED_CACHE
    if _SHARED_CACHE is None:
        from app.slide import TileCache

        _SHARED_CACHE = TileCache(768 * 2**20)
    return _SHARED_CACHE


def open_for_view(paths: list[Path], state=None):
    """Worker: open the first readable slide and make its overview image."""
    from app.slide import SlideError, SlideSource

    ordered = sorted(paths, key=lambda p: p.suffix.lower() not in SLIDE_SUFFIXES)
    last: SlideError | None = None
    for path in ordered:
        if state is not None:
            state.check()
        try:
            src = SlideSource(path, cache=shared_cache())
        except SlideError as err:
            last = err
            continue
        try:
            return src, src.thumbnail(1024)
        except SlideError as err:
            src.close()
            last = err
    raise last or SlideError("no slide file")


class SlideViewer(QWidget):
    findings_changed = Signal(list)
    loaded = Signal()
    failed = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = None
        self.canvas: SlideCanvas | None = None
        self.error = ""
        self.toolbar = QToolBar(self)
        self.a_fit = self.toolbar.addAction("", lambda: self.canvas and self.canvas.fit())
        self.a_one = self.toolbar.addAction("", lambda: self.canvas and self.canvas.one_to_one())
        self.a_in = self.toolbar.addAction("", lambda: self.canvas and self.canvas.zoom_at(1.5))
        self.a_out = self.toolbar.addAction(
            "", lambda: self.canvas and self.canvas.zoom_at(1 / 1.5)
        )
        self.placeholder = QLabel(self)
        self.status = QLabel(self)
        self.status.setStyleSheet("padding:2px 6px;color:#3c4043")
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.addWidget(self.toolbar)
        self.lay.addWidget(self.placeholder, 1)
        self.lay.addWidget(self.status)
        self.retranslate()
        paths = [Path(p) for _obj, p in (ctx.files or [])]
        if not paths:
            self._show_error(self.tr("This case has no slide file."))
            return
        self.placeholder.setText(self.tr("Opening slide…"))
        self._job = ctx.jobs.submit(
            open_for_view, paths, name="open slide", on_done=self._opened, on_error=self._failed
        )

    # -- texts --------------------------------------------------------------
    def retranslate(self) -> None:
        self.a_fit.setText(self.tr("Fit"))
        self.a_one.setText(self.tr("1:1"))
        self.a_in.setText(self.tr("Zoom in"))
        self.a_out.setText(self.tr("Zoom out"))
        self._update_status()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_status(self) -> None:
        if self.canvas is None or self.source is None:
            return
        src, vp = self.source, self.canvas.vp
        if src.mpp:
            mag = 10.0 / (src.mpp[0] * vp.downsample)  # 10x objective ~ 1 um/px
            zoom = self.tr("%1x").replace("%1", f"{mag:.3g}")
        else:
            zoom = self.tr("%1%").replace("%1", f"{100 / vp.downsample:.3g}")
        w, h = src.dimensions
        self.status.setText(
            self.tr("%1 — %2 × %3 px — zoom %4 — level %5")
            .replace("%1", src.path.name)
            .replace("%2", str(w))
            .replace("%3", str(h))
            .replace("%4", zoom)
            .replace("%5", str(self.canvas.level()))
        )

    # -- loading ------------------------------------------------------------
    def _opened(self, result) -> None:
        self.source, overview = result
        self.canvas = SlideCanvas(self.source, overview, self)
        self.canvas.view_changed.connect(self._update_status)
        self.lay.replaceWidget(self.placeholder, self.canvas)
        self.placeholder.hide()
        self.canvas.show()
        self.lay.activate()  # give the canvas its real size before fitting
        self.canvas.fit()
        self._update_status()
        self.loaded.emit()

    def _failed(self, err: BaseException) -> None:
        self._show_error(self.tr("The slide could not be opened: %1").replace("%1", str(err)))

    def _show_error(self, text: str) -> None:
        self.error = text
        self.placeholder.setText(text)
        self.placeholder.setWordWrap(True)
        self.failed.emit(text)

    # -- shutdown -----------------------------------------------------------
    def shutdown(self) -> None:
        if self.canvas is not None:
            self.canvas.shutdown()
        if self.source is not None:
            self.source.close()
            self.source = None

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
