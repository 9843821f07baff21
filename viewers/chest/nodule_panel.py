"""The list of AI lung nodules beside the CT: click one to jump to it, then accept,
reject or edit (mean diameter, type) it.

Each decision is saved with the case at once (``app.chest_review``, on the job
runner) and an open chest report draft is rewritten from the decisions
(``app.chest_report.refresh_draft``), so the draft quotes only what the doctor
accepted.  "Store SEG/SR" writes the kept nodules as DICOM objects of the study
(``app.chest_objects``), queued for the regional server when the case is there
(``nodule_objects``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import chest_review as cr
from app.chest_report import refresh_draft
from inference.chest import rules
from ui.failure_text import failure_reason
from viewers.chest.nodule_followup import FollowUpMixin
from viewers.chest.nodule_objects import StoredObjectsMixin
from viewers.chest.nodule_regraded import RegradedMixin
from viewers.chest.review_saver import ReviewSaver, username
from viewers.chest.texts import (
    decision_text,
    management_text,
    site_decision_text,
    site_text,
    type_text,
)

ROLE = Qt.ItemDataRole.UserRole


class NodulePanel(FollowUpMixin, StoredObjectsMixin, RegradedMixin, QWidget):
    jump = Signal(dict)  # show this nodule (2D and MPR)
    changed = Signal()  # a decision changed: redraw the marks
    report_updated = Signal(object)  # the refreshed report draft (ReportView)
    objects_stored = Signal(list)  # paths of the SEG/SR stored with the case
    grown = Signal()  # more to show (the prior's note, another column): fit the panel
    rows_shown = 9  # the list's height in rows (fit_rows)

    def __init__(self, ctx, payload: dict, review: cr.Review, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.payload, self.review = ctx, payload, review
        self.nodules = cr.ai_nodules(payload)
        self.others: list = []  # other organisations' synced reviews (app.sync.chest_reviews)
        self.prior, self.follow, self.gone = None, {}, []  # the prior chest CT (FollowUpMixin)
        self.busy = False
        self.saver = ReviewSaver(ctx, refresh_draft, self._say, self.report_updated.emit,
                                 self._failed)  # fmt: skip
        self.title = QLabel()
        self.title.setStyleSheet("font-weight:bold;font-size:11pt")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#b06000")
        self.prior_note = QLabel()
        self.prior_note.setWordWrap(True)
        self.prior_note.hide()
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(6)
        self.tree.setColumnHidden(5, True)  # the other side's decision, once synced
        self.tree.header().setStretchLastSection(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.currentItemChanged.connect(self._current)
        self.tree.itemClicked.connect(lambda *_a: self._jump_current())
        self.accept_btn, self.reject_btn = QPushButton(), QPushButton()
        self.edit_btn, self.reset_btn = QPushButton(), QPushButton()
        row = QHBoxLayout()
        for b in (self.accept_btn, self.reject_btn, self.edit_btn, self.reset_btn):
            row.addWidget(b)
        self.accept_btn.clicked.connect(lambda: self.decide("accepted"))
        self.reject_btn.clicked.connect(lambda: self.decide("rejected"))
        self.reset_btn.clicked.connect(lambda: self.decide(""))
        self.edit_btn.clicked.connect(self._open_editor)
        self.editor = QWidget()
        ed = QHBoxLayout(self.editor)
        ed.setContentsMargins(0, 0, 0, 0)
        self.size_label, self.type_label = QLabel(), QLabel()
        self.size_box = QDoubleSpinBox()
        self.size_box.setRange(1.0, 150.0)
        self.size_box.setDecimals(1)
        self.size_box.setSingleStep(0.5)
        self.type_box = QComboBox()
        for kind in rules.TYPES:
            self.type_box.addItem("", kind)
        self.apply_btn, self.cancel_btn = QPushButton(), QPushButton()
        self.apply_btn.clicked.connect(self._apply_edit)
        self.cancel_btn.clicked.connect(self.editor.hide)
        for w in (self.size_label, self.size_box, self.type_label, self.type_box):
            ed.addWidget(w)
        ed.addWidget(self.apply_btn)
        ed.addWidget(self.cancel_btn)
        self.editor.hide()
        self.exam = QLabel()
        self.exam.setWordWrap(True)
        self.store_btn = QPushButton()
        self.store_btn.clicked.connect(self.store_objects)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.stored = None  # the reviewed-nodule SR stored with the case (app.chest_objects)
        self.stored_note = QLabel()
        self.stored_note.setWordWrap(True)
        self.stored_note.setStyleSheet("color:#1a73e8")
        self.stored_note.hide()
        self.adopt_btn = QPushButton()  # start from the nodules the stored SR holds
        self.adopt_btn.clicked.connect(self.adopt_stored)
        self.adopt_btn.hide()
        self.take_btn = QPushButton()  # start from the other side's synced decisions
        self.take_btn.clicked.connect(self.take_others)
        self.take_btn.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.title)
        lay.addWidget(self.notice)
        lay.addWidget(self.prior_note)
        lay.addWidget(self.stored_note)
        lay.addWidget(self.adopt_btn)
        lay.addWidget(self.take_btn)
        lay.addWidget(self.tree, 1)
        lay.addLayout(row)
        lay.addWidget(self.editor)
        lay.addWidget(self.exam)
        lay.addWidget(self.store_btn)
        lay.addWidget(self.status)
        for key, action in (
            ("A", lambda: self.decide("accepted")),
            ("R", lambda: self.decide("rejected")),
            ("E", self._open_editor),
            ("U", lambda: self.decide("")),
        ):  # keys while the list has the focus
            QShortcut(QKeySequence(key), self.tree, action,
                      context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        self.retranslate()
        self._fill()
        for w in (self.tree, self.accept_btn, self.reject_btn, self.edit_btn, self.reset_btn,
                  self.store_btn):  # fmt: skip
            w.setVisible(bool(self.nodules))

    # --- list -----------------------------------------------------------
    def _fill(self) -> None:
        keep = self.current_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        multiple = len(self.nodules) > 1
        for n in self.nodules:
            d = self.review.decisions.get(int(n["id"]))
            g = self.graded_of(n, multiple)
            change = self.change_text(g)
            it = QTreeWidgetItem(
                [
                    str(n["id"]),
                    type_text(g["type"]),
                    f"{g['mean_diameter_mm']:.1f}",
                    f"{g['lung_rads']} ({change})" if change else g["lung_rads"],
                    decision_text(d.status if d else ""),
                ]
            )
            it.setData(0, ROLE, int(n["id"]))
            it.setToolTip(0, self._tooltip(n))
            if change:
                it.setToolTip(3, self.change_tooltip(g))
            theirs = [(o, o.decisions.get(int(n["id"]))) for o in self.others]
            theirs = [(o, d) for o, d in theirs if d is not None and d.status]
            it.setText(5, " / ".join(decision_text(d.status) for _o, d in theirs))
            it.setToolTip(5, "\n".join(site_decision_text(o, d) for o, d in theirs))
            self.tree.addTopLevelItem(it)
            if int(n["id"]) == keep:
                self.tree.setCurrentItem(it)
        self.tree.blockSignals(False)
        for c in range(self.tree.columnCount() - 1):
            self.tree.resizeColumnToContents(c)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.fit_rows(self.rows_shown)
        self._update_exam()
        self._enable()

    def fit_rows(self, most: int = 9) -> None:
        """The list exactly as tall as its rows, up to ``most`` (more scroll inside it):
        no empty rows, and its height known to the side column's layout."""
        self.rows_shown = most
        count = max(self.tree.topLevelItemCount(), 1)
        row = max(self.tree.sizeHintForRow(0), self.fontMetrics().height() + 2)
        rest = self.tree.header().sizeHint().height() + 2 * self.tree.frameWidth() + 2
        self.tree.setFixedHeight(min(count, most) * row + rest)

    def _tooltip(self, n: dict) -> str:
        return (
            self.tr("Long %1 mm × short %2 mm, volume %3 mm³, mean %4 HU, confidence %5")
            .replace("%1", f"{n.get('long_axis_mm', 0):.1f}")
            .replace("%2", f"{n.get('short_axis_mm', 0):.1f}")
            .replace("%3", f"{n.get('volume_mm3', 0):.0f}")
            .replace("%4", f"{n.get('mean_hu', 0):.0f}")
            .replace("%5", f"{float(n.get('confidence') or 0):.2f}")
        )

    def _update_exam(self) -> None:
        kept = [n for n in self.nodules if self.review.decisions.get(int(n["id"]), cr.Decision())
                .status in ("accepted", "modified")]  # fmt: skip
        waiting = len(cr.undecided(self.payload, self.review))
        cat = rules.exam_category([self.graded_of(n)["lung_rads"] for n in kept])
        text = (
            self.tr("Exam (accepted nodules): Lung-RADS %1 — %2")
            .replace("%1", cat)
            .replace("%2", management_text(cat))
        )
        if waiting:
            text += "\n" + self.tr("%1 nodule(s) still to review.").replace("%1", str(waiting))
        self.exam.setText(text)

    def current_id(self) -> int | None:
        it = self.tree.currentItem()
        return int(it.data(0, ROLE)) if it is not None else None

    def nodule(self, nodule_id: int | None) -> dict | None:
        return next((n for n in self.nodules if int(n["id"]) == nodule_id), None)

    def select(self, nodule_id: int) -> None:
        """Make a nodule current and jump to it."""
        for i in range(self.tree.topLevelItemCount()):
            it = self.tree.topLevelItem(i)
            if int(it.data(0, ROLE)) == int(nodule_id):
                self.tree.setCurrentItem(it)
                self._jump_current()

    def _current(self, *_a) -> None:
        self.editor.hide()
        self._enable()
        self.changed.emit()

    def _jump_current(self) -> None:
        n = self.nodule(self.current_id())
        if n is not None:
            self.jump.emit(n)

    def _enable(self) -> None:
        has = self.current_id() is not None and not self.busy
        for b in (self.accept_btn, self.reject_btn, self.edit_btn, self.reset_btn):
            b.setEnabled(has)
        kept = bool(cr.final_nodules(self.payload, self.review))
        self.store_btn.setEnabled(kept and not self.busy)

    # --- decisions ------------------------------------------------------
    def _user(self) -> str:
        return username(self.ctx)

    def decide(self, status: str) -> None:
        nid = self.current_id()
        if nid is None:
            return
        self.review.decide(nid, status, self._user())
        self._decided()
        if status:
            self._next_undecided(nid)

    def _next_undecided(self, after: int) -> None:
        """Go on to the next nodule still to review (list order, wrapping), and show it."""
        ids = [int(n["id"]) for n in self.nodules]
        left = set(cr.undecided(self.payload, self.review))
        start = ids.index(after) if after in ids else -1
        for nid in ids[start + 1 :] + ids[: start + 1]:
            if nid in left:
                self.select(nid)
                return

    def _open_editor(self) -> None:
        n = self.nodule(self.current_id())
        if n is None:
            return
        d = self.review.decisions.get(int(n["id"]))
        mean, kind = cr.final_value(n, d)
        self.size_box.setValue(mean)
        self.type_box.setCurrentIndex(max(self.type_box.findData(kind), 0))
        self.editor.show()
        self.size_box.setFocus()

    def edit(self, mean_mm: float | None = None, kind: str | None = None) -> None:
        nid = self.current_id()
        if nid is None:
            return
        try:
            self.review.edit(nid, mean_mm, kind, self._user())
        except ValueError:  # the size spin box keeps to the range; said in case it does not
            self.status.setText(self.tr("Not changed: the mean diameter must be 0-300 mm."))
            return
        self.editor.hide()
        self._decided()

    def _apply_edit(self) -> None:
        self.edit(self.size_box.value(), self.type_box.currentData())

    def _decided(self) -> None:
        """Autosave the decision; rewrite an open chest draft from it.  One save at a
        time, always of the latest state (saves finishing out of order would lose one)."""
        if self.prior is not None:
            self._recompare()  # an edited size changes the growth
        self._fill()
        self.changed.emit()
        self.saver.save(self.review)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _failed(self, err) -> None:
        self.busy = False
        self._enable()
        self.status.setText(self.tr("Not saved: %1").replace("%1", failure_reason(err)))

    # --- text -----------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("AI lung nodules"))
        model = self.review.model or self.tr("the AI")
        notice = self.tr(
            "Found by %1 (not for clinical use). Accept, reject or edit each nodule; "
            "the report quotes only accepted ones."
        )
        if not self.nodules:
            notice = self.tr(
                "%1 (not for clinical use) found no lung nodule of 4 mm or more; review the images."
            )
        self.notice.setText(notice.replace("%1", model))
        kinds = {o.kind for o in self.others}
        other = site_text(kinds.pop(), "") if len(kinds) == 1 else self.tr("Other site")
        self.tree.setHeaderLabels(
            [self.tr("No."), self.tr("Type"), self.tr("Mean mm"), "Lung-RADS", self.tr("Decision"),
             other or self.tr("Other site")]
        )  # fmt: skip
        self.accept_btn.setText(self.tr("Accept"))
        self.reject_btn.setText(self.tr("Reject"))
        self.edit_btn.setText(self.tr("Edit…"))
        self.reset_btn.setText(self.tr("Undecided"))
        self.accept_btn.setToolTip(self.tr("Accept this nodule and go on to the next (key A)"))
        self.reject_btn.setToolTip(self.tr("Reject this nodule and go on to the next (key R)"))
        self.edit_btn.setToolTip(self.tr("Correct the mean diameter or the type (key E)"))
        self.reset_btn.setToolTip(self.tr("Back to undecided (key U)"))
        self.size_label.setText(self.tr("Mean"))
        self.size_box.setSuffix(" mm")
        self.type_label.setText(self.tr("Type"))
        for i, kind in enumerate(rules.TYPES):
            self.type_box.setItemText(i, type_text(kind))
        self.apply_btn.setText(self.tr("Apply"))
        self.cancel_btn.setText(self.tr("Cancel"))
        self.store_btn.setText(self.tr("Store SEG/SR with the case"))
        self.adopt_btn.setText(self.tr("Accept the nodules of the stored SR"))
        self.adopt_btn.setToolTip(
            self.tr("Start from the review stored with the case; the others stay to review")
        )
        self.store_btn.setToolTip(
            self.tr("The accepted nodules as DICOM SEG and SR objects of this study")
        )
        if self.others:
            self._offer_others()
        if self.tree.topLevelItemCount():
            self._fill()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
