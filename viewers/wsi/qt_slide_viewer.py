"""Whole-slide viewer (modality SM).

Opens the slide on a worker thread (``ctx.jobs``), then shows a
``SlideCanvas``: tiles from the shared cache served newest request first,
coarser tiles while loading, wheel zoom at the cursor, drag pan, navigator
and scale bar.  Annotation tools (toolbar + keyboard shortcuts), undo/redo,
the side panel (classes, annotations with measurements, layers), AI actions
and import/export come from ``tools``, ``qt_annotation_panel`` and
``qt_slide_actions``.  Annotations autosave to the study's document
(``annotation_store``); reopening the case shows them and the AI results.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QSplitter, QToolBar, QToolButton, QVBoxLayout, QWidget

from ui.report.panel import ReportPanel
from viewers.wsi import annotation_store as astore
from viewers.wsi.annotation_layer import AnnotationLayer
from viewers.wsi.qt_annotation_panel import AnnotationPanel
from viewers.wsi.qt_measure_actions import MeasureActions
from viewers.wsi.qt_slide_actions import SlideActions, load_saved
from viewers.wsi.slide_canvas import SlideCanvas
from viewers.wsi.tools import tool_types

PANEL_MIN_WIDTH = 1100
REPORT_MIN_WIDTH = 900  # a case tab on a 1366-px screen beside the findings dock
TOOL_KEYS = {
    "select": "V",
    "rectangle": "R",
    "ellipse": "E",
    "polygon": "P",
    "freehand": "F",
    "brush": "B",
    "points": "N",
    "line": "L",
}

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
    from app.slide.dicom_source import is_dicom

    ordered = sorted(paths, key=lambda p: p.suffix.lower() not in SLIDE_SUFFIXES)
    dicom = [p for p in paths if is_dicom(p)]
    # a DICOM-WSI split over files (levels, label, overview) opens as one slide
    attempts = [(dicom[0], dicom)] if len(dicom) > 1 else []
    attempts += [(p, None) for p in ordered]
    last: SlideError | None = None
    for path, files in attempts:
        if state is not None:
            state.check()
        try:
            src = SlideSource(path, cache=shared_cache(), files=files)
        except SlideError as err:
            last = err
            continue
        try:
            return src, src.overview()
        except SlideError as err:
            src.close()
            last = err
    raise last or SlideError("no slide file")


def open_from_store(ctx, state=None):
    """Worker: the slide through the reader that recognised it, and its overview."""
    from app.slide import SlideError
    from viewers.registry import open_source

    src = open_source(ctx, state, cache=shared_cache())
    try:
        return src, src.overview()
    except SlideError:
        src.close()
        raise


def open_case(paths: list[Path], store, study_pk, state=None, ctx=None):
    """Worker: the slide, its overview, the annotation document and saved AI results."""
    if ctx is not None and ctx.files and ctx.files[0][0] is not None and store is not None:
        src, overview = open_from_store(ctx, state=state)
    else:
        src, overview = open_for_view(paths, state=state)
    doc, found = None, {}
    if store is not None and study_pk is not None:
        try:
            doc = astore.open_document(store, study_pk)
            found = load_saved(src, astore.paths(store, study_pk), state=state)
        except BaseException:
            src.close()
            if doc is not None:
                doc.close()
            raise
    return src, overview, doc, found


class SlideViewer(SlideActions, MeasureActions, QWidget):
    findings_changed = Signal(list)
    loaded = Signal()
    failed = Signal(str)
    ai_finished = Signal(str)
    imported = Signal(int, int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = None
        self.canvas: SlideCanvas | None = None
        self.layer: AnnotationLayer | None = None
        self.panel: AnnotationPanel | None = None
        self.doc = None
        self.tissue = None
        self.error = ""
        self.last_message: tuple[str, str] | None = None
        store = getattr(ctx, "store", None)
        self.study_pk = getattr(ctx, "study_pk", None)
        self.out = (
            astore.paths(store, self.study_pk) if store and self.study_pk is not None else None
        )
        self._stream = None  # (StreamSink, batches) while nuclei are being detected
        self._stream_timer = QTimer(self, interval=250)
        self._stream_timer.timeout.connect(self._drain_stream)
        self._record = QTimer(self, singleShot=True, interval=1500)
        self._record.timeout.connect(self.record_annotations)
        self._build_toolbar()
        self.placeholder = QLabel(self)
        self.status = QLabel(self)
        self.status.setStyleSheet("padding:2px 6px;color:#3c4043")
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.addWidget(self.toolbar)
        self.lay.addWidget(self.placeholder, 1)
        self.lay.addWidget(self.status)
        self.report_panel = ReportPanel(ctx, self)
        self.report_panel.hide()  # placed beside the slide once it opens (or alone if it cannot)
        self.a_report.toggled.connect(
            lambda on: self.report_panel.parent() is not self and self.report_panel.setVisible(on)
        )
        self.retranslate()
        paths = [Path(p) for _obj, p in (ctx.files or [])]
        # blobs are named by their hash: show the name the file was imported with
        self.display_name = getattr((ctx.files or [(None, None)])[0][0], "filename", "") or ""
        if not paths:
            self._show_error(self.tr("This case has no slide file."))
            return
        self.placeholder.setText(self.tr("Opening slide…"))
        self._job = ctx.jobs.submit(
            open_case,
            paths,
            store,
            self.study_pk,
            ctx=ctx,
            name="open slide",
            on_done=self._opened,
            on_error=self._failed,
        )

    def _build_toolbar(self) -> None:
        tb = self.toolbar = QToolBar(self)
        self.a_fit = tb.addAction("", lambda: self.canvas and self.canvas.fit())
        self.a_one = tb.addAction("", lambda: self.canvas and self.canvas.one_to_one())
        self.a_in = tb.addAction("", lambda: self.canvas and self.canvas.zoom_at(1.5))
        self.a_out = tb.addAction("", lambda: self.canvas and self.canvas.zoom_at(1 / 1.5))
        tb.addSeparator()
        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        for name in tool_types():
            a = QAction(self)
            a.setCheckable(True)
            a.setShortcut(QKeySequence(TOOL_KEYS[name]))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.triggered.connect(lambda _=False, n=name: self.set_tool(n))
            self.tool_group.addAction(a)
            tb.addAction(a)
            self.addAction(a)
            self.tool_actions[name] = a
        tb.addSeparator()
        self.a_undo = QAction(self)
        self.a_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.a_undo.triggered.connect(lambda: self.layer and self.layer.undo.undo())
        self.a_redo = QAction(self)
        redo = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
            if QKeySequence(extra) not in redo:
                redo.append(QKeySequence(extra))
        self.a_redo.setShortcuts(redo)
        self.a_redo.triggered.connect(lambda: self.layer and self.layer.undo.redo())
        for a in (self.a_undo, self.a_redo):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.setEnabled(False)
            tb.addAction(a)
            self.addAction(a)
        tb.addSeparator()
        self.ai_menu = QMenu(self)
        self.a_tissue = self.ai_menu.addAction("", self.detect_tissue)
        self.a_nuclei_view = self.ai_menu.addAction("", lambda: self.detect_nuclei("view"))
        self.a_nuclei_ann = self.ai_menu.addAction("", lambda: self.detect_nuclei("annotation"))
        self.a_nuclei_all = self.ai_menu.addAction("", lambda: self.detect_nuclei("tissue"))
        self.ai_menu.setToolTipsVisible(True)  # says why nuclei detection is not offered
        self.ai_menu.aboutToShow.connect(self._offer_nuclei)  # subscriptions change on sync
        self.ai_menu.addSeparator()
        self.a_measure = self.ai_menu.addAction("", self.show_measurements)
        self.file_menu = QMenu(self)
        self.a_import = self.file_menu.addAction("", self.import_annotations)
        self.a_export = self.file_menu.addAction("", self.export_geojson)
        self.a_export_dcm = self.file_menu.addAction("", self.export_dicom)
        self.a_export_anon = self.file_menu.addAction("", self.export_dicom_anonymised)
        self.a_panel = QAction(self)
        self.a_panel.setCheckable(True)
        self.a_panel.setShortcut(QKeySequence("F6"))
        self.a_panel.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.a_panel.toggled.connect(
            lambda on: self.panel is not None and self.panel.setVisible(on)
        )
        tb.addAction(self.a_panel)
        self.addAction(self.a_panel)
        self._build_overlay_toggles(tb)
        self.a_report = QAction(self)
        self.a_report.setCheckable(True)
        tb.addAction(self.a_report)
        self.b_ai, self.b_file = QToolButton(self), QToolButton(self)
        for b, m in ((self.b_ai, self.ai_menu), (self.b_file, self.file_menu)):
            b.setMenu(m)
            b.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            tb.addWidget(b)
        self._set_editing_enabled(False)

    def _build_overlay_toggles(self, tb: QToolBar) -> None:
        """H hides every overlay (QuPath's toggle); A annotations, D detections."""
        self.a_hide = QAction(self)
        self.a_hide.setCheckable(True)
        self.a_hide.toggled.connect(self.hide_overlays)
        tb.addAction(self.a_hide)
        self.a_show_annotations = QAction(self)
        self.a_show_annotations.triggered.connect(lambda: self.toggle_layer("annotations"))
        self.a_show_detections = QAction(self)
        self.a_show_detections.triggered.connect(lambda: self.toggle_layer("detections"))
        for a, key in (
            (self.a_hide, "H"),
            (self.a_show_annotations, "A"),
            (self.a_show_detections, "D"),
        ):
            a.setShortcut(QKeySequence(key))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)

    def hide_overlays(self, hidden: bool) -> None:
        if self.canvas is None:
            return
        self.canvas.overlays.hidden = hidden
        if self.a_hide.isChecked() != hidden:
            self.a_hide.setChecked(hidden)
        self.canvas.update()

    def toggle_layer(self, which: str) -> None:
        """A / D: annotations or every detection layer on and off."""
        if self.canvas is None or self.layer is None:
            return
        if which == "annotations":
            self.layer.visible = not self.layer.visible
        else:
            dets = self.canvas.overlays.detections
            on = not any(d.visible for d in dets)
            for d in dets:
                d.visible = on
        if self.panel is not None:
            self.panel.refresh_layers()
        self.canvas.update()

    def _set_editing_enabled(self, on: bool) -> None:
        for a in [*self.tool_actions.values(), *self.ai_menu.actions(), *self.file_menu.actions()]:
            a.setEnabled(on)
        self.b_ai.setEnabled(on)
        self.b_file.setEnabled(on)
        self._offer_nuclei()

    def _offer_nuclei(self) -> None:
        """Nuclei detection only when the clinic subscribes to the nuclei product."""
        from viewers.wsi.ai_offer import nuclei_offered

        on = nuclei_offered()
        why = "" if on else self.tr(
            "Nuclei detection is not among this clinic's AI products "
            "(File > AI products of this clinic). Ask the regional AI administrator to subscribe it."
        )  # fmt: skip
        for a in (self.a_nuclei_view, self.a_nuclei_ann, self.a_nuclei_all):
            a.setEnabled(on and self.b_ai.isEnabled())
            a.setToolTip(why)

    def set_tool(self, name: str) -> None:
        if self.canvas is None:
            return
        self.canvas.set_tool(tool_types()[name](self.canvas))
        self.tool_actions[name].setChecked(True)
        self.canvas.setFocus()

    # -- texts --------------------------------------------------------------
    def retranslate(self) -> None:
        self.a_fit.setText(self.tr("Fit"))
        self.a_one.setText(self.tr("1:1"))
        # "+" / "−" with the words in the tooltip: the English toolbar overflowed at 1366 px
        # and hid the AI and annotation menus at its end
        self.a_in.setText("+")
        self.a_in.setToolTip(self.tr("Zoom in"))
        self.a_out.setText("−")
        self.a_out.setToolTip(self.tr("Zoom out"))
        names = {
            "select": self.tr("Select"),  # short: the English toolbar must fit 1366 px
            "rectangle": self.tr("Rectangle"),
            "ellipse": self.tr("Ellipse"),
            "polygon": self.tr("Polygon"),
            "freehand": self.tr("Freehand"),
            "brush": self.tr("Brush"),
            "points": self.tr("Points"),
            "line": self.tr("Line / ruler"),
        }
        tips = {**names, "select": self.tr("Select / move")}
        for name, a in self.tool_actions.items():
            a.setText(names[name])
            a.setToolTip(f"{tips[name]} ({TOOL_KEYS[name]})")
        self.a_panel.setText(self.tr("Layers"))
        self.a_panel.setToolTip(self.tr("Show or hide classes, annotations and layers (F6)"))
        self.a_hide.setText(self.tr("Hide all"))
        self.a_hide.setToolTip(self.tr("Hide every overlay and annotation to read the slide (H)"))
        self.a_show_annotations.setText(self.tr("Show or hide annotations (A)"))
        self.a_show_detections.setText(self.tr("Show or hide detections (D)"))
        self.a_report.setText(self.tr("Report"))
        self.a_report.setToolTip(self.tr("Show or hide the pathology report"))
        self.a_undo.setText(self.tr("Undo"))
        self.a_redo.setText(self.tr("Redo"))
        self.b_ai.setText(self.tr("AI"))
        self.a_tissue.setText(self.tr("Detect tissue"))
        self.a_nuclei_view.setText(self.tr("Detect nuclei in view"))
        self.a_nuclei_ann.setText(self.tr("Detect nuclei in selected annotation"))
        self.a_nuclei_all.setText(self.tr("Detect nuclei in all tissue"))
        self._offer_nuclei()
        self.a_measure.setText(self.tr("Measurements and classification…"))
        self.b_file.setText(self.tr("Annotations"))
        self.a_import.setText(self.tr("Import GeoJSON / ASAP XML / DICOM…"))
        self.a_export.setText(self.tr("Export GeoJSON…"))
        self.a_export_dcm.setText(self.tr("Export DICOM annotations…"))
        self.a_export_anon.setText(self.tr("Export DICOM annotations, anonymised…"))
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
            .replace("%1", self.display_name or src.path.name)
            .replace("%2", str(w))
            .replace("%3", str(h))
            .replace("%4", zoom)
            .replace("%5", str(self.canvas.level()))
        )

    # -- loading ------------------------------------------------------------
    def _opened(self, result) -> None:
        self.source, overview, self.doc, found = result
        self.canvas = SlideCanvas(self.source, overview, self)
        self.canvas.view_changed.connect(self._update_status)
        store = getattr(self.ctx, "store", None)
        self.layer = AnnotationLayer(self.doc, self.source.mpp, astore.load_classes(store), self)
        self.canvas.annotations = self.layer
        self.layer.changed.connect(self._annotations_changed)
        self.layer.selection_changed.connect(self.canvas.update)
        self.layer.undo.canUndoChanged.connect(self.a_undo.setEnabled)
        self.layer.undo.canRedoChanged.connect(self.a_redo.setEnabled)
        self.panel = AnnotationPanel(self.layer, self.canvas.overlays, self)
        self.panel.classes_changed.connect(self._classes_changed)
        self.panel.layers_changed.connect(self.canvas.update)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.report_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([10000, 300, 360])
        # the report opens by itself for a stored case when the canvas keeps room
        self.a_report.setChecked(store is not None and self.width() >= REPORT_MIN_WIDTH)
        # the panel opens by itself only when the canvas keeps most of the room
        self.panel.setVisible(self.width() >= PANEL_MIN_WIDTH)
        self.a_panel.setChecked(self.panel.isVisible())
        self.lay.replaceWidget(self.placeholder, self.splitter)
        self.placeholder.hide()
        self.splitter.show()
        self.lay.activate()  # give the canvas its real size before fitting
        self.canvas.fit()
        self._set_editing_enabled(True)
        self.set_tool("select")
        self.show_saved(found)
        self.sync_imported()
        self._update_status()
        self.loaded.emit()

    def _annotations_changed(self) -> None:
        self.canvas.update()
        self.sync_imported()
        if self.doc is not None:
            self._record.start()

    def _classes_changed(self) -> None:
        astore.save_classes(getattr(self.ctx, "store", None), self.layer.classes)
        self.canvas.update()

    def record_annotations(self) -> None:
        """Keep the study's AnnotationSet row (path, object count) up to date."""
        if self.doc is not None and self.out:
            astore.record_set(
                self.ctx.store, self.study_pk, "annotations", self.doc.path, len(self.doc)
            )

    def _failed(self, err: BaseException) -> None:
        from ui.read_errors import error_parts

        message, detail = error_parts(err)
        text = self.tr("The slide could not be opened: %1").replace("%1", message)
        self._show_error(text, detail)

    def _show_error(self, text: str, detail: str = "") -> None:
        from ui.read_errors import error_html

        self.error = text
        self.placeholder.setTextFormat(Qt.TextFormat.RichText)
        self.placeholder.setText(error_html(text, detail))
        self.placeholder.setWordWrap(True)
        if self.report_panel.parent() is self:  # the case can still be reported
            self.lay.insertWidget(2, self.report_panel, 1)
            self.report_panel.show()
        self.failed.emit(text)

    # -- shutdown -----------------------------------------------------------
    def shutdown(self) -> None:
        self._record.stop()
        self._stream_timer.stop()
        if self.doc is not None:
            self.doc.close()  # final atomic snapshot
            self.record_annotations()
            self.doc = None
        if self.canvas is not None:
            self.canvas.shutdown()
        if self.source is not None:
            self.source.close()
            self.source = None

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
