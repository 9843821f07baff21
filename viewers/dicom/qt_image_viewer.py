"""2D image viewer: radiographs, CT/MR series, US cine and colour photos (fundus).

The images come from the case's source (``Store.open_source``: the reader that
recognised the files opens them), so a JPEG photo and a DICOM series are shown
alike.  One to four panes (``pane.Pane``) show series of the study chosen from
the thumbnails; the toolbar acts on the active pane.  Scrolling is linked
between panes when asked.  Wheel / Up / Down / PageUp / PageDown / Home / End /
slider scroll, Ctrl+wheel zooms, right drag windows, middle drag pans, keys 1-9
pick window presets (``app.imaging.presets``: CT table + the file's windows).
Measurements (``measurements.MeasurementSet``) are saved with the case at once
and undoable.  Decoding runs on the job runner.  Pane handling is in ``viewer_panes``,
the toolbar's actions in ``viewer_tools`` (mixins of this class).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.read_errors import show_error_on
from ui.report.panel import ReportPanel
from ui.series_problems import joined
from viewers.dicom import measurements as meas
from viewers.dicom import texts, toolbar
from viewers.dicom.loading import LoadingBar
from viewers.dicom.objects_panel import ObjectsPanel, object_files
from viewers.dicom.pane import Pane
from viewers.dicom.panels import Cine, Thumbnails
from viewers.dicom.viewer_panes import PanesMixin
from viewers.dicom.viewer_tools import ToolsMixin


def attach_panels(viewer) -> None:
    """The modality's extra panels (descriptor ``panels``: ``"module:function"``)."""
    import importlib

    from app.modalities import descriptor

    d = descriptor(str(viewer.ctx.modality))
    for target in d.panels if d is not None else ():
        module, _, name = target.partition(":")
        getattr(importlib.import_module(module), name)(viewer)


class ImageViewer(PanesMixin, ToolsMixin, QWidget):
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
        # what is wrong with the active pane's series (no pixel spacing, missing slices...)
        self.notes = QLabel()
        self.notes.setObjectName("seriesProblems")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("padding:2px 6px;background:#fff4d6;color:#5f3b00")
        self.notes.setVisible(False)
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
        self.split, self.side = split, None
        self.overlay_hooks: list = []  # fn(pane): adds to the pane's overlay (after objects)
        self.volume_hooks: list = []  # fn(volume_viewer): when MPR + 3D is first opened
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.toolbar)
        lay.addWidget(split, 1)
        lay.addWidget(self.notes)
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
        attach_panels(self)

    def refresh_overlays(self) -> None:
        self._refresh_all()

    def add_side_panel(self, widget: QWidget) -> None:
        """A modality's panel (e.g. the nodule list) above the report panel."""
        if self.side is None:
            self.side = QSplitter(Qt.Orientation.Vertical)
            self.split.replaceWidget(self.split.indexOf(self.report_panel), self.side)
            self.side.addWidget(self.report_panel)
            self._report_roomy = False
            self.report_panel.report_changed.connect(self._report_room)
            consult = self.report_panel.consult_view
            if consult is not None:  # a consult's question and draft need the room too
                consult.loaded.connect(lambda: self._report_room(consult.consult))
        # scrollable: a tall panel must not push the window past a 768-px clinic screen
        box = QScrollArea()
        box.setWidgetResizable(True)
        box.setFrameShape(QFrame.Shape.NoFrame)
        box.setWidget(widget)
        self.side.insertWidget(self.side.count() - 1, box)
        for i in range(self.side.count()):
            self.side.setStretchFactor(i, int(self.side.widget(i) is self.report_panel))
        self._report_room(self.report_panel.report)

    def _report_room(self, report) -> None:
        """Once there is a report (or a consult request), its fields get most of the side
        column (the panels above scroll); once per case, so a splitter the doctor dragged
        stays."""
        if report is None or self.side is None or self._report_roomy:
            return
        self._report_roomy = True
        QTimer.singleShot(0, self, lambda: self._share_side(50))

    def _share_side(self, tries: int) -> None:
        side = self.side
        total = side.height() if side.isVisible() else 0
        if total <= 0:  # not laid out yet (a tab in the background): try again soon
            if tries > 0:
                QTimer.singleShot(100, self, lambda: self._share_side(tries - 1))
            else:
                self._report_roomy = False  # the next report change tries again
            return
        above = [side.widget(i) for i in range(side.count() - 1)]
        want = [min(w.widget().sizeHint().height() + 4, int(0.35 * total / len(above)))
                for w in above]  # fmt: skip
        side.setSizes([*want, max(total - sum(want), 0)])

    def closeEvent(self, event) -> None:
        self.cine.stop()
        for p in self.panes:
            p.shutdown()
        if self.volume_viewer is not None:
            self.volume_viewer.shutdown()
        super().closeEvent(event)

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

    def _failed(self, err: BaseException) -> None:
        show_error_on(self.status, self.tr("The image could not be shown: %1"), err)

    def _update_status(self, extra: str = "") -> None:
        if self.pane.image is not None:
            self.status.setText(texts.status_line(self, extra))
        notes = joined(getattr(self.pane.source, "problems", None) or [])
        if notes:
            self.notes.setText(self.tr("Note on this series: %1").replace("%1", notes))
        self.notes.setVisible(bool(notes))
