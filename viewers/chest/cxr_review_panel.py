"""The chest X-ray model's findings beside the film, each accepted or rejected by the
doctor (keys A, R, U while the list has the focus).

The same review as the CT nodules' (``app.chest_review`` through ``app.cxr_review``):
each decision is autosaved with the case and queued for the regional server
(``review_saver``), the open imaging draft is rewritten so it quotes only accepted
findings (``app.cxr_review.refresh_draft``), and the other side's synced decisions
show in a column beside the doctor's own, updated while the film is open.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import chest_review as cr
from app import cxr_review
from ui.failure_text import failure_reason
from viewers.chest.review_saver import ReviewSaver, username
from viewers.chest.texts import decision_text, site_decision_text, site_text

ROLE = Qt.ItemDataRole.UserRole
URGENT = "#c83c1e"


def cxr_result(store, study_pk: int, state=None):
    """Worker: (payload, review, the other organisations' synced reviews) of the film's
    newest chest X-ray result, or None."""
    from app.sync.chest_reviews import other_reviews
    from viewers.chest.attach import chest_result

    found = chest_result(store, study_pk, ("chest-cxr",), state)
    if found is None:
        return None
    return (*found, other_reviews(store, study_pk, str(found[0].get("uid") or "")))


def finding_text(f: dict) -> str:
    from PySide6.QtCore import QCoreApplication

    from app.modalities import finding_template

    found = finding_template(str(f.get("code") or ""))
    return QCoreApplication.translate(*found) if found else str(f.get("text") or f.get("code"))


def probability(f: dict) -> float:
    return float((f.get("evidence") or {}).get("probability") or 0.0)


class CxrReviewList(QWidget):
    changed = Signal()  # a decision changed (the findings dock)
    report_updated = Signal(object)  # the rewritten report draft (ReportView)

    def __init__(self, ctx, payload: dict, review: cr.Review, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.payload, self.review = ctx, payload, review
        self.findings = cxr_review.ai_findings(payload)
        self.others: list = []  # app.sync.chest_reviews.SiteReview of the other side
        self.saver = ReviewSaver(ctx, cxr_review.refresh_draft, self._say,
                                 self.report_updated.emit, self._failed)  # fmt: skip
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(4)
        self.tree.setColumnHidden(3, True)  # the other side's decision, once synced
        self.tree.header().setStretchLastSection(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.currentItemChanged.connect(lambda *_a: self._enable())
        self.accept_btn, self.reject_btn, self.reset_btn = (
            QPushButton(),
            QPushButton(),
            QPushButton(),
        )
        self.accept_btn.clicked.connect(lambda: self.decide("accepted"))
        self.reject_btn.clicked.connect(lambda: self.decide("rejected"))
        self.reset_btn.clicked.connect(lambda: self.decide(""))
        row = QHBoxLayout()
        for b in (self.accept_btn, self.reject_btn, self.reset_btn):
            row.addWidget(b)
        self.take_btn = QPushButton()  # start from the other side's decisions
        self.take_btn.clicked.connect(self.take_others)
        self.take_btn.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.take_btn)
        lay.addWidget(self.tree)
        lay.addLayout(row)
        lay.addWidget(self.status)
        for key, status in (("A", "accepted"), ("R", "rejected"), ("U", "")):
            QShortcut(QKeySequence(key), self.tree, lambda s=status: self.decide(s),
                      context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        self.retranslate()

    # --- list -----------------------------------------------------------
    def _fill(self) -> None:
        keep = self.current_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        for f in self.findings:
            fid = int(f["id"])
            urgent = f.get("severity") == "urgent"
            text = finding_text(f)
            if urgent:
                text += " — " + self.tr("urgent")
            it = QTreeWidgetItem(
                [
                    text,
                    f"{probability(f):.2f}",
                    decision_text(cxr_review.status_of(self.review, fid)),
                ]
            )
            it.setData(0, ROLE, fid)
            if urgent:
                it.setForeground(0, QBrush(QColor(URGENT)))
            theirs = [(o, o.decisions.get(fid)) for o in self.others]
            theirs = [(o, d) for o, d in theirs if d is not None and d.status]
            it.setText(3, " / ".join(decision_text(d.status) for _o, d in theirs))
            it.setToolTip(3, "\n".join(site_decision_text(o, d) for o, d in theirs))
            self.tree.addTopLevelItem(it)
            if fid == keep:
                self.tree.setCurrentItem(it)
        self.tree.blockSignals(False)
        for c in range(self.tree.columnCount() - 1):
            self.tree.resizeColumnToContents(c)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        count = max(self.tree.topLevelItemCount(), 1)
        line = max(self.tree.sizeHintForRow(0), self.fontMetrics().height() + 2)
        rest = self.tree.header().sizeHint().height() + 2 * self.tree.frameWidth() + 2
        self.tree.setFixedHeight(min(count, 6) * line + rest)
        self._enable()

    def current_id(self) -> int | None:
        it = self.tree.currentItem()
        return int(it.data(0, ROLE)) if it is not None else None

    def select(self, finding_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            it = self.tree.topLevelItem(i)
            if int(it.data(0, ROLE)) == int(finding_id):
                self.tree.setCurrentItem(it)

    def _enable(self) -> None:
        has = self.current_id() is not None
        for b in (self.accept_btn, self.reject_btn, self.reset_btn):
            b.setEnabled(has)

    # --- decisions ------------------------------------------------------
    def _user(self) -> str:
        return username(self.ctx)

    def decide(self, status: str) -> None:
        fid = self.current_id()
        if fid is None:
            return
        self.review.decide(fid, status, self._user())
        self._decided()
        left = [int(f["id"]) for f in cxr_review.undecided(self.payload, self.review)]
        if status and left:  # on to the next finding still to review
            self.select(next((i for i in left if i > fid), left[0]))

    def _decided(self) -> None:
        self._fill()
        self._offer_others()
        self.changed.emit()
        self.saver.save(self.review)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _failed(self, err) -> None:
        self.status.setText(self.tr("Not saved: %1").replace("%1", failure_reason(err)))

    # --- the other side -------------------------------------------------
    def set_others(self, others: list) -> None:
        self.others = list(others or [])
        self.tree.setColumnHidden(3, not self.others)
        self.retranslate()

    def _site(self):
        return next((o for o in self.others if any(d.status for d in o.decisions.values())), None)

    def _offer_others(self) -> None:
        site = self._site()
        fresh = not any(d.status for d in self.review.decisions.values())
        self.take_btn.setVisible(site is not None and fresh)
        if site is not None:
            self.take_btn.setText(
                self.tr("Start from the decisions of %1").replace(
                    "%1", site_text(site.kind, site.name)
                )
            )

    def take_others(self) -> None:
        """This review starts from the other side's accepts and rejects, recorded as this
        doctor's own (each can still be changed)."""
        site = self._site()
        if site is None:
            return
        known = {int(f["id"]) for f in self.findings}
        for fid, d in sorted(site.decisions.items()):
            if fid in known and d.status:
                self.review.decide(fid, "accepted" if d.status == "modified" else d.status,
                                   self._user())  # fmt: skip
        self._decided()

    # --- text -----------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(
            self.tr("Accept or reject each AI finding; the report quotes only accepted ones.")
        )
        kinds = {o.kind for o in self.others}
        other = site_text(kinds.pop(), "") if len(kinds) == 1 else ""
        self.tree.setHeaderLabels(
            [self.tr("AI finding"), "p", self.tr("Decision"), other or self.tr("Other site")]
        )
        self.accept_btn.setText(self.tr("Accept"))
        self.reject_btn.setText(self.tr("Reject"))
        self.reset_btn.setText(self.tr("Undecided"))
        self.accept_btn.setToolTip(self.tr("Accept this finding and go on to the next (key A)"))
        self.reject_btn.setToolTip(self.tr("Reject this finding and go on to the next (key R)"))
        self.reset_btn.setToolTip(self.tr("Back to undecided (key U)"))
        self.take_btn.setToolTip(
            self.tr("Accept and reject the findings as they did; each stays yours to change")
        )
        self._offer_others()
        self._fill()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def wire_review(viewer, panel, found) -> None:
    """The review list in the checks panel, the findings dock following the decisions,
    and the other side's decisions reloaded when a sync brings them."""
    payload, review, others = found
    ctx = viewer.ctx
    lst = panel.show_review(CxrReviewList(ctx, payload, review, panel))
    lst.set_others(others)
    lst.report_updated.connect(viewer.report_panel.show_report)

    def dock() -> None:
        from viewers.chest.attach import _check_findings

        viewer.findings_changed.emit(_check_findings(payload, lst.review, lst.others))

    lst.changed.connect(dock)

    def reload(got) -> None:
        try:
            lst.set_others(got)
        except RuntimeError:  # the viewer closed meanwhile
            return
        dock()

    def changed(pks) -> None:
        if ctx.study_pk in (pks or ()):
            from app.sync.chest_reviews import other_reviews

            uid = str(payload.get("uid") or "")
            ctx.jobs.on_ui(lambda: ctx.jobs.submit(
                other_reviews, ctx.store, ctx.study_pk, uid, name="synced finding review",
                on_done=reload, on_error=lambda _e: None))  # fmt: skip

    events = ctx.store.events.changed
    events.connect(changed)
    lst.destroyed.connect(lambda *_a: events.disconnect(changed))
    dock()
