"""The report panel of every viewer: draft from the stored AI result, edit the
template's fields, confirm, sign (after a confirmation step), amend, PDF.

The rules live in ``app.reports`` (Qt-free); every store call runs on the job
runner (``ctx.jobs``), never on the UI thread, one at a time (the buttons wait
while one runs).  Drafts autosave 1.5 s after the last change.  A report
signed elsewhere (the regional server) arrives with a sync and shows here
read-only with who signed it and when.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import report_templates as rt
from ui.latest import Latest
from ui.report.fields import FieldEditors
from ui.report.texts import error_text, template_title

AUTOSAVE_MS = 1500
_STATE = {None: Qt.CheckState.PartiallyChecked, True: Qt.CheckState.Checked}


def ui_language() -> str:
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


def finding_label(f: dict) -> str:
    """A checklist line: the finding in the UI language (ECG codes) and its source."""
    from viewers.ecg.finding_text import finding_dict_text

    return f"{finding_dict_text(f)} — {f.get('source', '')}"


class ReportPanel(QWidget):
    report_changed = Signal(object)  # app.reports.ReportView or None
    pdf_written = Signal(str)
    pdf_archived = Signal(object)  # app.wrap.report_object.store_report_pdf's answer
    busy_changed = Signal(bool)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store, self.jobs = getattr(ctx, "store", None), getattr(ctx, "jobs", None)
        self.study_pk, self.user = getattr(ctx, "study_pk", None), getattr(ctx, "user", None)
        self.report = None
        self.analysis = self.signal = None
        self.pdf_writer = None  # (path, report, header, state) -> Path; None: the generic PDF
        self.template = rt.template_for_modality(str(getattr(ctx, "modality", "")))
        self._busy = False
        # reloads end out of order: only the newest is shown, none asked before an action
        self._reloads = Latest()
        self._reload_after = False  # a change came while busy or typing: look again after
        self.title = QLabel()
        self.title_for = None  # () -> the title, when a viewer names its record (ECG)
        self.title.setStyleSheet("font-weight:bold;font-size:12pt")
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.ai_notice = QLabel()
        self.ai_notice.setWordWrap(True)
        self.ai_notice.setStyleSheet("color:#b06000")
        self.consult_slot = QVBoxLayout()  # the consult view (ui.report.consult_view) goes here
        self.start_btn = QPushButton()
        self.fields = FieldEditors(self.template)
        self.text = next(iter(self.fields.editors.values()))  # the main text field
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.fields)
        self.scroll = scroll
        self.findings_caption = QLabel()
        self.checklist = QListWidget()
        self.checklist.setWordWrap(True)  # an AI finding read whole, not elided
        self.confirm_btn, self.sign_btn = QPushButton(), QPushButton()
        self.amend_btn, self.pdf_btn = QPushButton(), QPushButton()
        buttons = QHBoxLayout()
        for b in (self.confirm_btn, self.sign_btn, self.amend_btn, self.pdf_btn):
            buttons.addWidget(b)
        self.anon_box = QCheckBox()  # PDF for teaching/sharing: nothing names the patient
        # signing is a second, explicit step: this bar asks before the report is locked
        self.sign_bar = QFrame()
        self.sign_bar.setStyleSheet("QFrame{background:#fff4e5;border:1px solid #f0c36d}")
        self.sign_question = QLabel()
        self.sign_question.setWordWrap(True)
        self.sign_yes_btn, self.sign_no_btn = QPushButton(), QPushButton()
        bar = QHBoxLayout(self.sign_bar)
        bar.addWidget(self.sign_question, 1)
        bar.addWidget(self.sign_yes_btn)
        bar.addWidget(self.sign_no_btn)
        self.sign_bar.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("color:#d93025")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        for w in (self.title, self.state_label, self.ai_notice):
            lay.addWidget(w)
        lay.addLayout(self.consult_slot)
        lay.addWidget(self.start_btn)
        lay.addWidget(scroll, 3)
        lay.addWidget(self.findings_caption)
        lay.addWidget(self.checklist, 1)
        lay.addStretch(0)  # without a report: the buttons stay at the bottom
        lay.addLayout(buttons)
        lay.addWidget(self.anon_box, 0, Qt.AlignmentFlag.AlignRight)
        lay.addWidget(self.sign_bar)
        lay.addWidget(self.message)
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self.fields.changed.connect(self._changed)
        self.checklist.itemChanged.connect(self._changed)
        self.start_btn.clicked.connect(self.start)
        self.confirm_btn.clicked.connect(self.confirm)
        self.sign_btn.clicked.connect(self.ask_sign)
        self.sign_yes_btn.clicked.connect(self.sign)
        self.sign_no_btn.clicked.connect(self.sign_bar.hide)
        self.amend_btn.clicked.connect(self.amend)
        self.pdf_btn.clicked.connect(lambda: self.export_pdf())
        self.consult_view = None
        if self.store is not None and self.jobs is not None:
            from ui.report.consult_view import ConsultView

            self.consult_view = ConsultView(self.store, self.jobs, self.study_pk, self._user())
            self.consult_view.loaded.connect(self._refresh)
            self.consult_slot.addWidget(self.consult_view)
        self.retranslate()
        self._set(None)
        if self.store is not None and self.jobs is not None:
            self._reload()
            # a report signed at the regional server arrives with a sync: show it
            events, cb = self.store.events.changed, self._store_changed
            events.connect(cb)
            self.destroyed.connect(lambda *_a: events.disconnect(cb))

    # ---- state -----------------------------------------------------------
    def set_analysis(self, analysis, signal=None) -> None:
        """A viewer that analyses its own data (ECG) passes the result: the draft
        uses it when no AI result is stored."""
        self.analysis, self.signal = analysis, signal
        self.title.setText(self.title_text())
        self._refresh()

    def title_text(self) -> str:
        """The template's title; a viewer may name the record (``title_for``: the ECG
        viewer says "ECG report (3 leads: II, III, V)" for a record that is not 12-lead)."""
        if self.title_for is not None:
            return self.title_for()
        return template_title(self.template.id)

    def set_template(self, template_id: str) -> None:
        """Show another template's fields (e.g. the chest report of a CT the AI read as a
        chest; a report arriving in another template switches too)."""
        template = rt.get(template_id)
        if template.id == self.template.id:
            return
        self.template = template
        self.fields = FieldEditors(template)
        self.text = next(iter(self.fields.editors.values()))
        self.fields.changed.connect(self._changed)
        self.scroll.setWidget(self.fields)  # the old editors are deleted with it
        self.title.setText(self.title_text())
        self.fields.retranslate()
        self._refresh()

    def show_report(self, report) -> None:
        """Show ``report`` (a ``ReportView`` another part of the viewer changed, e.g. the
        chest draft rewritten from the nodule decisions); waits while an edit is saving."""
        if report is None or report.study_pk != self.study_pk:
            return
        if self._busy or self._autosave.isActive():
            QTimer.singleShot(300, self, lambda: self.show_report(report))
            return
        from app import reports

        store, pk = self.store, self.study_pk  # the stored report now: it has what was typed

        def fresh(view) -> None:
            if self._busy or self._autosave.isActive():
                QTimer.singleShot(300, self, lambda: self.show_report(view))
            elif view is not None:
                self._set(view)

        self.jobs.submit(lambda state: reports.current_report(store, pk),
                         name="report", on_done=fresh)  # fmt: skip

    def _user(self):
        return self.user if self.user is not None else self.store.user

    def _set(self, report) -> None:
        if report is not None and report.template and report.template != self.template.id:
            self.set_template(report.template)
        self.report = report
        self.fields.set_values(
            report.values if report else {}, report.ai_values if report else {},
            report.model if report else "",
        )  # fmt: skip
        self.checklist.blockSignals(True)
        try:
            self.checklist.clear()
            for f in report.findings if report else []:
                item = QListWidgetItem(finding_label(f))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(_STATE.get(f.get("confirmed"), Qt.CheckState.Unchecked))
                self.checklist.addItem(item)
        finally:
            self.checklist.blockSignals(False)
        self._refresh()
        self.report_changed.emit(report)

    def _signed_elsewhere(self, r=None) -> bool:
        """Signed by someone else (e.g. the specialist at the regional server)."""
        r = r if r is not None else self.report
        me = self._user() if self.store is not None else self.user
        return r is not None and r.locked and (me is None or r.signed_by != me.id)

    def _store_changed(self, pks) -> None:
        if self.study_pk in (pks or []) and self.jobs is not None:
            self.jobs.on_ui(self._reload)

    def _reload(self) -> None:
        from app import reports

        store, pk = self.store, self.study_pk
        self.jobs.submit(lambda state: reports.current_report(store, pk),
                         name="report", on_done=self._reloads.wrap(self._reloaded))  # fmt: skip

    def _reloaded(self, fresh) -> None:
        r = self.report
        try:
            if fresh is None:
                return
            if self._autosave.isActive() or self._busy:
                self._reload_after = True  # shown once the save or the action has ended
                return
        except RuntimeError:  # the panel was closed meanwhile
            return
        same = r is not None and fresh.id == r.id
        if (
            r is None
            or (same and (fresh.state != r.state or (r.locked and fresh != r)))
            or (not same and (r.locked or self._signed_elsewhere(fresh)))
        ):
            self._set(fresh)

    def _refresh(self) -> None:
        r, busy = self.report, self._busy
        locked = r is not None and r.locked
        self.start_btn.setVisible(r is None)
        # a consult waiting for a specialist is accepted first (the clinic sees who took it)
        must_accept = self.consult_view is not None and self.consult_view.can_accept()
        self.start_btn.setEnabled(self.store is not None and not busy and not must_accept)
        self.fields.setVisible(r is not None)
        self.scroll.setVisible(r is not None)  # no blank box where no report is
        self.fields.set_read_only(r is None or locked)
        show_list = r is not None and bool(r.findings)
        self.checklist.setVisible(show_list)
        self.findings_caption.setVisible(show_list)
        self.checklist.setEnabled(r is not None and not locked)
        self.confirm_btn.setEnabled(not busy and r is not None and r.state == "draft")
        self.sign_btn.setEnabled(not busy and r is not None and r.state == "confirmed")
        self.amend_btn.setEnabled(not busy and locked and not self._signed_elsewhere())
        self.pdf_btn.setEnabled(not busy and locked)
        self.anon_box.setEnabled(not busy and locked)
        if r is None or r.state != "confirmed":
            self.sign_bar.hide()
        self.retranslate_state()

    def findings(self) -> list[dict]:
        out = []
        for i, f in enumerate(self.report.findings if self.report else []):
            state = self.checklist.item(i).checkState()
            decided = {Qt.CheckState.Checked: True, Qt.CheckState.Unchecked: False}.get(state)
            out.append(dict(f, confirmed=decided))
        return out

    def _changed(self, *_a) -> None:
        if self.report is not None and not self.report.locked:
            self._autosave.start()

    # ---- actions: each one job on the runner ----------------------------
    def _submit(self, name: str, fn, then=None) -> bool:
        if self._busy or self.jobs is None:
            return False
        self._busy = True
        self._reloads.forget()  # a reload asked before this action reads the report before it
        self.message.setText("")
        self._refresh()
        self.busy_changed.emit(True)

        def done(report) -> None:
            self._busy = False
            self.busy_changed.emit(False)
            if report is not None:
                self._set(report)
            else:
                self._refresh()
            if then is not None and report is not None:
                then(report)
            self._reload_if_missed()

        def failed(err: BaseException) -> None:
            self._busy = False
            self.busy_changed.emit(False)
            self.message.setText(error_text(err))
            self._refresh()
            self._reload_if_missed()

        self.jobs.submit(lambda state: fn(), name=name, on_done=done, on_error=failed)
        return True

    def _reload_if_missed(self) -> None:
        if self._reload_after and not self._busy:
            self._reload_after = False
            self._reload()

    def _save_args(self):
        r = self.report
        shown = dict(r.values or {})  # only what the doctor changed: another part of the
        # viewer may have rewritten a field meanwhile (the chest draft from the nodule list)
        values = {k: v for k, v in self.fields.values().items() if v != shown.get(k)}
        return (r.id, None, self.findings() if r.findings else None, self._user(), values)

    def start(self) -> None:
        from app import reports

        store, pk, user, lang = self.store, self.study_pk, self._user(), ui_language()
        summary = self.analysis.summary() if self.analysis is not None else None
        clinic = self.clinic_draft()

        def work():
            own = summary if reports.latest_ai_result(store, pk) is None else None
            return reports.create_draft(store, pk, own, language=lang, user=user,
                                        start_from=clinic)  # fmt: skip

        self._submit("start report", work)

    def clinic_draft(self) -> dict | None:
        """The requesting doctor's confirmed draft, when a consult view carries one."""
        return self.consult_view.clinic_draft() if self.consult_view is not None else None

    def save_now(self) -> None:
        from app import reports

        self._autosave.stop()
        r = self.report
        if r is None or r.locked:
            return
        if self._busy:
            self._autosave.start()
            return
        args = self._save_args()
        self._submit("save report", lambda: reports.autosave(self.store, *args))

    def confirm(self) -> None:
        """Save what is on screen, then confirm, in one job."""
        from app import reports

        if self.report is None:
            return
        self._autosave.stop()
        store, (rid, *rest), user = self.store, self._save_args(), self._user()

        def work():
            reports.autosave(store, rid, *rest)
            return reports.confirm(store, rid, user)

        self._submit("confirm report", work)

    def ask_sign(self) -> None:
        r, me = self.report, self._user()
        if r is None or r.state != "confirmed":
            return
        name = getattr(me, "display_name", "") or getattr(me, "username", "")
        self.sign_question.setText(
            self.tr(
                "Sign this report as %1? Signing locks it; a later change needs an amendment."
            ).replace("%1", name)
        )
        self.sign_bar.show()
        self.sign_yes_btn.setFocus()

    def sign(self) -> None:
        from app import reports

        self.sign_bar.hide()
        if self.report is not None:
            rid, user = self.report.id, self._user()
            self._submit(
                "sign report", lambda: reports.sign(self.store, rid, user), then=self.archive_pdf
            )

    def archive_pdf(self, report) -> None:
        """The signed report's PDF stored with the case as DICOM (ui.report.archive)."""
        from ui.report.archive import archive_work

        if not report.locked or self.store is None:
            return
        self.jobs.submit(
            archive_work(self.store, self.study_pk, report, self.pdf_writer, self.title_text()),
            name="report PDF to the case",
            on_done=self._archived,
            on_error=lambda e: self.message.setText(
                self.tr("The report PDF could not be stored with the case: %1").replace(
                    "%1", str(e)
                )
            ),
        )

    def _archived(self, out: dict) -> None:
        text = self.tr("Report PDF stored with the case.")
        if out.get("queued"):
            text += " " + self.tr("Queued for the regional server.")
        self.message.setStyleSheet("color:#1e7e34")
        self.message.setText(text)
        self.pdf_archived.emit(out)

    def amend(self) -> None:
        from app import reports

        if self.report is not None:
            rid, user = self.report.id, self._user()
            self._submit("amend report", lambda: reports.amend(self.store, rid, user))

    def export_pdf(self, path: str | None = None, anonymise: bool | None = None):
        """Write the signed report (to the documents folder unless ``path`` is
        given) on a worker; ``pdf_written`` when done.  ``anonymise`` (default: the
        panel's check box) writes it without anything that names the patient."""
        from ui.report.pdf import anonymised, default_pdf_path, patient_header, write_pdf

        if anonymise is None:
            anonymise = self.anon_box.isChecked()

        if self.report is None or not self.report.locked:
            return None
        store, pk, report = self.store, self.study_pk, self.report
        writer = self.pdf_writer or write_pdf

        def work(state):
            header, doc = patient_header(store, pk), report
            if anonymise:
                doc, header = anonymised(report, header)
            target = path or default_pdf_path(header, doc)
            return writer(target, doc, header, state=state)

        self.message.setText(self.tr("Writing PDF…"))
        return self.jobs.submit(
            work,
            name="report PDF",
            on_done=self._pdf_done,
            on_error=lambda e: self.message.setText(
                self.tr("The PDF could not be written: %1").replace("%1", str(e))
            ),
        )

    def _pdf_done(self, path) -> None:
        self.message.setStyleSheet("color:#1e7e34")
        self.message.setText(self.tr("PDF saved: %1").replace("%1", str(path)))
        self.pdf_written.emit(str(path))

    # ---- text ------------------------------------------------------------
    def retranslate_state(self) -> None:
        from ui.labels import display_name

        r = self.report
        self.message.setStyleSheet("color:#d93025")
        if r is None and self.consult_view is not None and self.consult_view.can_accept():
            self.state_label.setText(self.tr("Accept the consultation to start the report."))
        elif r is None:
            self.state_label.setText(self.tr("No report yet for this case."))
        elif r.state == "signed":
            when = r.signed_at.strftime("%Y-%m-%d %H:%M") if r.signed_at else "—"
            text = self.tr("Signed by %1 on %2 UTC (version %3) — read-only; amend to change")
            if self._signed_elsewhere():
                text = self.tr("Signed by %1 on %2 UTC (version %3) — read-only")
            self.state_label.setText(
                text.replace("%1", display_name(r.signed_by_name) or "—")
                .replace("%2", when)
                .replace("%3", str(r.version))
            )
        elif r.state == "confirmed":
            self.state_label.setText(self.tr("Confirmed by the doctor — ready to sign"))
        else:
            self.state_label.setText(
                self.tr("Draft (version %1) — autosaved").replace("%1", str(r.version))
            )
        ai = r is not None and not r.locked and bool(r.ai_values or r.findings)
        self.ai_notice.setVisible(ai)
        notice = self.tr(
            "Text marked AI was suggested by %1 and is not for clinical use; "
            "the doctor checks every field before confirming."
        )
        if r is not None and r.findings:
            notice = self.tr(
                "Text marked AI was suggested by %1 and is not for clinical use; "
                "the doctor checks every field and ticks each AI finding confirmed "
                "(unticks the rejected ones) before confirming."
            )
        model = (r.model if r is not None else "") or self.tr("the AI")
        self.ai_notice.setText(notice.replace("%1", model))

    def retranslate(self) -> None:
        self.title.setText(self.title_text())
        self.start_btn.setText(self.tr("Start report (draft from the AI pre-read)"))
        self.confirm_btn.setText(self.tr("Confirm"))
        self.sign_btn.setText(self.tr("Sign…"))
        self.sign_yes_btn.setText(self.tr("Sign now"))
        self.sign_no_btn.setText(self.tr("Cancel"))
        self.amend_btn.setText(self.tr("Amend"))
        self.pdf_btn.setText(self.tr("Save PDF"))
        self.pdf_btn.setToolTip(self.tr("Saved in your Documents folder"))
        self.anon_box.setText(self.tr("Anonymised PDF"))
        self.anon_box.setToolTip(
            self.tr("For teaching or sharing: no name, ID, birth date or study date in the PDF")
        )
        self.findings_caption.setText(self.tr("AI findings to confirm"))
        self.fields.retranslate()
        self.retranslate_state()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
