"""Report panel inside the ECG viewer: AI-suggested draft, findings checklist,
Confirm and Sign, read-only once signed, PDF export.

The logic lives in ``app.reports`` (Qt-free); this widget shows a report and
calls it.  Drafts autosave 1.5 s after the last change.  The PDF is rendered
and written on a worker (``ctx.jobs``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewers.ecg.finding_text import finding_dict_text

AUTOSAVE_MS = 1500
_STATE = {None: Qt.CheckState.PartiallyChecked, True: Qt.CheckState.Checked}


def ui_language() -> str:
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


class ReportPanel(QWidget):
    report_changed = Signal(object)  # app.reports.ReportView or None
    pdf_written = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report = None
        self.analysis = None
        self.signal = None
        self._filling = False
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.ai_notice = QLabel()
        self.ai_notice.setWordWrap(True)
        self.ai_notice.setStyleSheet("color:#b06000")
        self.start_btn = QPushButton()
        self.text = QPlainTextEdit()
        self.checklist = QListWidget()
        self.confirm_btn, self.sign_btn = QPushButton(), QPushButton()
        self.amend_btn, self.pdf_btn = QPushButton(), QPushButton()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#d93025")
        buttons = QHBoxLayout()
        for b in (self.confirm_btn, self.sign_btn, self.amend_btn, self.pdf_btn):
            buttons.addWidget(b)
        self.findings_caption = QLabel()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        for w in (self.state_label, self.ai_notice, self.start_btn, self.text):
            lay.addWidget(w, 2 if w is self.text else 0)
        lay.addWidget(self.findings_caption)
        lay.addWidget(self.checklist, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.message)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self.text.textChanged.connect(self._changed)
        self.checklist.itemChanged.connect(self._changed)
        self.start_btn.clicked.connect(self.start)
        self.confirm_btn.clicked.connect(self.confirm)
        self.sign_btn.clicked.connect(self.sign)
        self.amend_btn.clicked.connect(self.amend)
        self.pdf_btn.clicked.connect(self._ask_pdf)
        self.retranslate()
        if ctx.store is not None:
            from app import reports

            self._set(reports.current_report(ctx.store, ctx.study_pk))
            # a report signed at the regional server arrives with a sync: show it
            events, cb = ctx.store.events.changed, self._store_changed
            events.connect(cb)
            self.destroyed.connect(lambda *_a: events.disconnect(cb))
        else:
            self._set(None)

    # ---- state -----------------------------------------------------------
    def set_analysis(self, analysis, signal) -> None:
        self.analysis, self.signal = analysis, signal
        self._refresh()

    def _user(self):
        return self.ctx.user if self.ctx.user is not None else self.ctx.store.user

    def _set(self, report) -> None:
        self.report = report
        self._filling = True
        try:
            self.text.setPlainText(report.text if report else "")
            self.checklist.clear()
            for f in report.findings if report else []:
                item = QListWidgetItem(f"{finding_dict_text(f)} — {f.get('source', '')}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(_STATE.get(f.get("confirmed"), Qt.CheckState.Unchecked))
                self.checklist.addItem(item)
        finally:
            self._filling = False
        self._refresh()
        self.report_changed.emit(report)

    def _signed_elsewhere(self, r=None) -> bool:
        """Signed by someone else (e.g. the specialist at the regional server)."""
        r = r if r is not None else self.report
        me = self._user() if self.ctx.store is not None else self.ctx.user
        return r is not None and r.locked and (me is None or r.signed_by != me.id)

    def _store_changed(self, pks) -> None:
        if self.ctx.study_pk in (pks or []) and self.ctx.jobs is not None:
            self.ctx.jobs.on_ui(self._reload)

    def _reload(self) -> None:
        from app import reports

        store, pk = self.ctx.store, self.ctx.study_pk
        self.ctx.jobs.submit(lambda state: reports.current_report(store, pk),
                             name="report", on_done=self._reloaded)  # fmt: skip

    def _reloaded(self, fresh) -> None:
        r = self.report
        try:
            if fresh is None or self._autosave.isActive():
                return
        except RuntimeError:  # the panel was closed meanwhile
            return
        same = r is not None and fresh.id == r.id
        if (
            r is None
            or (same and fresh.state != r.state)
            or (not same and not r.locked and self._signed_elsewhere(fresh))
        ):
            self._set(fresh)

    def _refresh(self) -> None:
        r = self.report
        locked = r is not None and r.locked
        self.start_btn.setVisible(r is None)
        self.start_btn.setEnabled(self.ctx.store is not None and self.analysis is not None)
        self.text.setReadOnly(r is None or locked)
        self.checklist.setEnabled(r is not None and not locked)
        self.confirm_btn.setEnabled(r is not None and r.state == "draft")
        self.sign_btn.setEnabled(r is not None and r.state == "confirmed")
        self.amend_btn.setEnabled(locked and not self._signed_elsewhere())
        self.pdf_btn.setEnabled(locked and self.signal is not None and self.analysis is not None)
        self.retranslate_state()

    def findings(self) -> list[dict]:
        out = []
        for i, f in enumerate(self.report.findings if self.report else []):
            state = self.checklist.item(i).checkState()
            decided = {Qt.CheckState.Checked: True, Qt.CheckState.Unchecked: False}.get(state)
            out.append(dict(f, confirmed=decided))
        return out

    def _changed(self, *_a) -> None:
        if not self._filling and self.report is not None and not self.report.locked:
            self._autosave.start()

    def _run(self, fn, *args) -> bool:
        from app.reports import ReportError

        self.message.setText("")
        try:
            self._set(fn(self.ctx.store, *args))
        except ReportError as err:
            self.message.setText(self.tr("Not done: %1").replace("%1", str(err)))
            return False
        return True

    # ---- actions ---------------------------------------------------------
    def start(self) -> None:
        from app import reports

        summary = None
        if reports.latest_ai_result(self.ctx.store, self.ctx.study_pk) is None:
            summary = self.analysis.summary() if self.analysis is not None else None
        self._run(
            lambda store: reports.create_draft(
                store, self.ctx.study_pk, summary, language=ui_language(), user=self._user()
            )
        )

    def save_now(self) -> None:
        from app import reports

        self._autosave.stop()
        r = self.report
        if r is None or r.locked:
            return
        saved = reports.autosave(
            self.ctx.store, r.id, self.text.toPlainText(), self.findings(), self._user()
        )
        if saved is not None:
            self.report = saved
            self._refresh()

    def confirm(self) -> None:
        from app import reports

        self.save_now()
        if self.report is not None:
            self._run(reports.confirm, self.report.id, self._user())

    def sign(self) -> None:
        from app import reports

        if self.report is not None:
            self._run(reports.sign, self.report.id, self._user())

    def amend(self) -> None:
        from app import reports

        if self.report is not None:
            self._run(reports.amend, self.report.id, self._user())

    def _ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report as PDF"), "ecg_report.pdf", self.tr("PDF files (*.pdf)")
        )
        if path:
            self.export_pdf(path)

    def export_pdf(self, path: str):
        """Write the signed report to ``path`` on a worker; ``pdf_written`` when done."""
        from viewers.ecg.pdf_report import patient_header, write_report_pdf

        header = patient_header(self.ctx.store, self.ctx.study_pk)
        self.message.setText(self.tr("Writing PDF…"))
        return self.ctx.jobs.submit(
            write_report_pdf,
            path,
            self.signal,
            self.analysis.summary(),
            self.report,
            header,
            name="ECG report PDF",
            on_done=self._pdf_done,
            on_error=lambda e: self.message.setText(
                self.tr("The PDF could not be written: %1").replace("%1", str(e))
            ),
        )

    def _pdf_done(self, path) -> None:
        self.message.setText(self.tr("PDF saved: %1").replace("%1", str(path)))
        self.pdf_written.emit(str(path))

    # ---- text ------------------------------------------------------------
    def retranslate_state(self) -> None:
        r = self.report
        if r is None:
            self.state_label.setText(self.tr("No report yet for this ECG."))
        elif r.state == "signed":
            text = self.tr("Signed by %1 on %2 UTC (version %3) — read-only; amend to change")
            if self._signed_elsewhere():
                text = self.tr("Signed by %1 on %2 UTC (version %3) — read-only")
            when = r.signed_at.strftime("%Y-%m-%d %H:%M") if r.signed_at else "—"
            self.state_label.setText(
                text.replace("%1", r.signed_by_name or "—")
                .replace("%2", when)
                .replace("%3", str(r.version))
            )
        elif r.state == "confirmed":
            self.state_label.setText(self.tr("Confirmed by the doctor — ready to sign"))
        else:
            self.state_label.setText(
                self.tr("Draft (version %1) — autosaved").replace("%1", str(r.version))
            )
        self.ai_notice.setVisible(
            r is not None and (r.ai_result_id is not None or bool(r.findings))
        )
        self.ai_notice.setText(
            self.tr(
                "Text and findings suggested by AI (model and version in the first line); "
                "tick each finding you confirm, untick the ones you reject."
            )
        )

    def retranslate(self) -> None:
        self.start_btn.setText(self.tr("Start report from the AI pre-read"))
        self.confirm_btn.setText(self.tr("Confirm"))
        self.sign_btn.setText(self.tr("Sign"))
        self.amend_btn.setText(self.tr("Amend"))
        self.pdf_btn.setText(self.tr("Export PDF…"))
        self.findings_caption.setText(self.tr("Findings to confirm"))
        self.retranslate_state()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
