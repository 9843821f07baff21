"""Fundus screening viewer: OD and OS side by side (the right eye on the LEFT of the
screen, as ophthalmologists read), linked zoom/pan, enhancement presets, zoom to 1:1
and beyond, a ruler in disc diameters, AI lesion overlays per type drawn from the
STORED AI result (labelled AI with model name and version), per-eye results, the
12-category table, the prior visit of an eye, and the shared report panel.

The visit (both eyes of one patient on one date) is found in the store
(``viewers.fundus.visit``) and decoded on the job runner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.report.panel import ReportPanel
from viewers.fundus import texts
from viewers.fundus.enhance import enhance
from viewers.fundus.eye_view import COLOURS, EyeView
from viewers.fundus.panels import CategoryTable, EyeResult
from viewers.fundus.review import EyeConfirm, ReviewMixin, ReviewSaver
from viewers.fundus.visit import load_visit

EYES = ("OD", "OS")  # screen order: right eye on the left


class FundusViewer(ReviewMixin, QWidget):
    findings_changed = Signal(list)
    loaded = Signal()
    printed = Signal(str)
    reviewed = Signal(str)  # eye: a decision of the doctor is saved

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit = None
        self.show_prior = False
        self.field = "macula"  # the field shown where an eye has both
        self._pending = None
        self.images_shown = None
        self.toolbar = QToolBar(self)
        self.preset = QComboBox(self)
        self.gamma = QSlider(Qt.Orientation.Horizontal, self)
        self.gamma.setRange(50, 250)
        self.gamma.setValue(100)
        self.bright = QSlider(Qt.Orientation.Horizontal, self)
        self.bright.setRange(-50, 50)
        self.bright.setValue(0)
        for s in (self.gamma, self.bright):
            s.setMaximumWidth(110)
        self.gamma_label, self.bright_label = QLabel(self), QLabel(self)
        self.toolbar.addWidget(self.preset)
        self.toolbar.addWidget(self.gamma_label)
        self.toolbar.addWidget(self.gamma)
        self.toolbar.addWidget(self.bright_label)
        self.toolbar.addWidget(self.bright)
        self.a_fit = self.toolbar.addAction("", self.fit)
        self.a_one = self.toolbar.addAction("", self.one_to_one)
        self.a_measure = self.toolbar.addAction("")
        self.a_measure.setCheckable(True)
        self.a_measure.toggled.connect(self._measuring)
        self.a_prior = self.toolbar.addAction("")
        self.a_prior.setCheckable(True)
        self.a_prior.toggled.connect(self.set_prior)
        self.a_field = self.toolbar.addAction("")
        self.a_field.setCheckable(True)
        self.a_field.setEnabled(False)
        self.a_field.toggled.connect(lambda on: self.set_field("disc" if on else "macula"))
        self.a_print = self.toolbar.addAction("", lambda: self.patient_printout())
        self.a_report = self.toolbar.addAction("")
        self.a_report.setCheckable(True)
        self.a_report.setChecked(True)
        self.overlay_bar = QHBoxLayout()
        self.toggles: dict[str, QCheckBox] = {}
        for kind in COLOURS:
            box = QCheckBox(self)
            box.setChecked(True)
            box.setStyleSheet(f"QCheckBox{{color:{COLOURS[kind]}}}" if kind != "anatomy" else "")
            box.toggled.connect(lambda on, k=kind: self._toggle(k, on))
            self.toggles[kind] = box
            self.overlay_bar.addWidget(box)
        self.overlay_bar.addStretch(1)
        self.views = {eye: EyeView(self) for eye in EYES}
        self.titles = {eye: QLabel(self) for eye in EYES}
        self.results = {eye: EyeResult(self) for eye in EYES}
        self.confirms = {eye: EyeConfirm(eye, self) for eye in EYES}
        self.saver = ReviewSaver(ctx, self)
        self.saver.saved.connect(self._review_saved)
        self.saver.failed.connect(lambda text: self.visit_line.setText(text))
        grid = QGridLayout()
        for col, eye in enumerate(EYES):
            grid.addWidget(self.titles[eye], 0, col)
            grid.addWidget(self.views[eye], 1, col)
            grid.addWidget(self.results[eye], 2, col)
            grid.addWidget(self.confirms[eye], 3, col)
            self.views[eye].lesion_decided.connect(lambda k, d, e=eye: self.decide(e, k, d))
            self.confirms[eye].confirmed.connect(self.confirm_eye)
        grid.setRowStretch(1, 1)
        a, b = self.views["OD"], self.views["OS"]
        a.zoomed.connect(lambda f: b.zoom(f, emit=False))
        b.zoomed.connect(lambda f: a.zoom(f, emit=False))
        a.panned.connect(b.pan_to)
        b.panned.connect(a.pan_to)
        self.visit_line = QLabel(self)
        self.visit_line.setWordWrap(True)
        self.table = CategoryTable(self)
        top = QWidget(self)
        lay = QVBoxLayout(top)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.overlay_bar)
        lay.addLayout(grid, 1)
        lay.addWidget(self.visit_line)
        # photos first; the 12-category table below them, resizable (drag the handle)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(top)
        left.addWidget(self.table)
        left.setStretchFactor(0, 4)
        left.setStretchFactor(1, 1)
        left.setSizes([560, 120])
        self.report_panel = ReportPanel(ctx)
        self.a_report.toggled.connect(self.report_panel.setVisible)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(self.report_panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(self.toolbar)
        root.addWidget(split, 1)
        self.preset.currentIndexChanged.connect(lambda _i: self.refresh_images())
        self.gamma.valueChanged.connect(lambda _v: self.refresh_images())
        self.bright.valueChanged.connect(lambda _v: self.refresh_images())
        self.retranslate()
        ctx.jobs.submit(
            load_visit, ctx.store, ctx.study_pk, on_done=self._loaded, on_error=self._failed
        )

    def retranslate(self) -> None:
        self.preset.blockSignals(True)
        self.preset.clear()
        for key, text in (
            ("colour", self.tr("Colour")),
            ("red_free", self.tr("Red-free (green channel)")),
            ("clahe", self.tr("CLAHE contrast")),
            ("clahe_green", self.tr("Red-free + CLAHE")),
        ):
            self.preset.addItem(text, key)
        self.preset.blockSignals(False)
        self.gamma_label.setText(self.tr(" Gamma "))
        self.bright_label.setText(self.tr(" Brightness "))
        self.a_fit.setText(self.tr("Fit"))
        self.a_one.setText(self.tr("1:1"))
        self.a_measure.setText(self.tr("Measure (disc diameters)"))
        self.a_prior.setText(self.tr("Prior visit"))
        self.a_field.setText(self.tr("Disc-centred field"))
        self.a_field.setToolTip(
            self.tr("Show each eye's disc-centred photo (the macula-centred one is shown first)")
        )
        self.a_report.setText(self.tr("Report"))
        self.a_print.setText(self.tr("Patient printout (PDF)"))
        self.a_print.setToolTip(self.tr("Plain-language result for the patient, after signing"))
        for kind, box in self.toggles.items():
            box.setText(texts.lesion(kind))
        self.table.retranslate()
        for box in self.confirms.values():
            box.retranslate()
        self._titles()

    # --- loading --------------------------------------------------------------
    def _failed(self, err) -> None:
        from ui.read_errors import show_error_on

        for eye in EYES:
            show_error_on(self.titles[eye], self.tr("Cannot open the photos: %1"), err)

    def _loaded(self, visit) -> None:
        self.visit = visit
        self.refresh_images()
        self._titles()
        self._show_results()
        self.a_prior.setEnabled(bool(visit.prior))
        self.a_field.setEnabled(any(p.field == "disc" for ps in visit.fields.values() for p in ps))

    def _show_results(self) -> None:
        """Per-eye results (with the doctor's decisions), the table and the visit line."""
        from app.fundus_review import grade_code

        visit = self.visit
        if self.show_prior:
            self._show_prior_results()
            return
        eyes = {eye: visit.combined.get(eye) for eye in EYES}
        for eye in EYES:
            p = visit.eyes.get(eye)
            self.results[eye].show_result(eye, eyes[eye], p.model if p else "")
            doctor = ((p.review if p else {}).get("eyes") or {}).get(eye) or {}
            self.confirms[eye].set_grade(doctor.get("grade") or grade_code(eyes[eye] or {}))
            self.confirms[eye].setEnabled(bool(p and p.ai))
            self.confirms[eye].show()
        self.table.fill(eyes)
        v = visit.visit
        if v:
            refer = self.tr("Visit: REFER") if v.get("referable") else self.tr("Visit: no referral")
            self.visit_line.setText(
                f"<b>{refer}</b> · "
                + self.tr("worse eye: %1").replace("%1", v.get("worse_eye", ""))
                + f" · {texts.follow_up(v.get('follow_up', ''))}"
            )
        self.findings_changed.emit(self.findings())

    def _show_prior_results(self) -> None:
        """The prior visit's stored AI result under its photo, for comparison only: the
        grade to confirm, the table's decisions and the report stay with this visit."""
        prior = self.visit.prior
        eyes = {eye: (prior[eye].ai if eye in prior else None) for eye in EYES}
        for eye in EYES:
            p = prior.get(eye)
            when = p.when.isoformat() if p is not None and p.when else ""
            self.results[eye].show_result(eye, eyes[eye], p.model if p else "", prior=when)
            self.confirms[eye].hide()  # nothing to confirm on a past visit
        self.table.fill(eyes)
        self.visit_line.setText(
            "<b>"
            + self.tr("Prior visit shown for comparison.")
            + "</b> "
            + self.tr("Switch off 'Prior visit' to review, confirm and report this visit.")
        )

    def findings(self) -> list[dict]:
        """For the findings dock: each eye's AI result in one line, labelled with its model."""
        out = []
        for eye in EYES:
            p = self.visit.eyes.get(eye) if self.visit else None
            ai = self.visit.combined.get(eye) if self.visit else None
            if p is None or not ai:
                continue
            side = self.tr("Right eye (OD)") if eye == "OD" else self.tr("Left eye (OS)")
            if not ai.get("gradable"):
                text, sev = self.tr("Ungradable: retake the photo or refer"), "urgent"
            else:
                text = texts.grade(ai.get("icdr_grade"))
                if ai.get("dme_suspected"):
                    text += " · " + self.tr("DME suspected")
                sev = "urgent" if ai.get("referable") else "info"
            out.append({"text": f"{side}: {text}", "source": f"AI {p.model}", "severity": sev,
                        "not_for_clinical_use": True})  # fmt: skip
        return out

    def _titles(self) -> None:
        for eye in EYES:
            side = self.tr("Right eye (OD)") if eye == "OD" else self.tr("Left eye (OS)")
            p = self.photos().get(eye)
            when = f" · {p.when.isoformat()}" if p is not None and p.when else ""
            prior = self.tr(" (prior visit)") if self.show_prior else ""
            where = f" · {texts.field(p.field)}" if p is not None and p.field else ""
            n = len(self.visit.fields.get(eye, [])) if self.visit and not self.show_prior else 0
            both = " · " + self.tr("%1 fields").replace("%1", str(n)) if n > 1 else ""
            self.titles[eye].setText(f"<b>{side}</b>{prior}{where}{both}{when}")

    def photos(self) -> dict:
        if self.visit is None:
            return {}
        if self.show_prior:
            return self.visit.prior
        return {eye: self.visit.photo_of(eye, self.field) for eye in self.visit.eyes}

    def set_field(self, which: str) -> None:
        """Show each eye's disc- or macula-centred photo (an eye with one field keeps it)."""
        self.field = which
        for view in self.views.values():
            view.photo.setPixmap(view.photo.pixmap().__class__())
        self.refresh_images()
        self._titles()

    def refresh_images(self) -> None:
        """Enhance both photos on the job runner (CLAHE on a large photo takes a second)."""
        preset = self.preset.currentData() or "colour"
        gamma, bright = self.gamma.value() / 100.0, self.bright.value() / 100.0
        photos = dict(self.photos())
        self._pending = (preset, gamma, bright, self.show_prior, self.field)

        def work(state=None):
            out = {}
            for eye, p in photos.items():
                state.check()
                if p is not None and p.pixels is not None:
                    out[eye] = enhance(p.pixels, preset, gamma, bright)
            return (preset, gamma, bright, self.show_prior, self.field), out

        self.ctx.jobs.submit(work, on_done=self._enhanced, on_error=self._failed)

    def _enhanced(self, done) -> None:
        key, images = done
        if key != self._pending:
            return  # a newer setting is on its way
        for eye in EYES:
            p = self.photos().get(eye)
            view = self.views[eye]
            if p is None or eye not in images:
                view.set_missing(self._missing_text(p))
                continue
            first = view.photo.pixmap().isNull()
            view.set_image(images[eye], refit=first)
            label = self.tr("AI: %1").replace("%1", p.model) if p.ai else self.tr("no AI result")
            view.decisions = {
                k: v.get("decision", "") for k, v in (p.review.get("lesions") or {}).items()
            }
            view.set_ai(p.ai, label)
            view.mm_per_px = p.mm_per_px or float(
                ((p.ai or {}).get("scale") or {}).get("mm_per_px") or 0.0
            )
            for kind, box in self.toggles.items():
                view.show_type(kind, box.isChecked())
        self.images_shown = key
        self.loaded.emit()

    def _missing_text(self, photo) -> str:
        if photo is not None:
            return self.tr("The photo of this eye could not be read.")
        if self.show_prior:
            return self.tr("No photo of this eye at the previous visit.")
        return self.tr("No photo of this eye in this visit.")

    # --- tools ----------------------------------------------------------------
    def _toggle(self, kind: str, on: bool) -> None:
        for view in self.views.values():
            view.show_type(kind, on)

    def _measuring(self, on: bool) -> None:
        for view in self.views.values():
            view.set_measuring(on)

    def set_prior(self, on: bool) -> None:
        self.show_prior = bool(on)
        for view in self.views.values():
            view.photo.setPixmap(view.photo.pixmap().__class__())
        self.refresh_images()
        self._titles()
        if self.visit is not None:
            self._show_results()

    def patient_printout(self, path: str | None = None):
        """Write the patient's printout of the signed report (worker); returns the job."""
        from ui.report.pdf import documents_dir, patient_header
        from viewers.fundus.printout import write_patient_pdf

        report = getattr(self.report_panel, "report", None)
        if report is None or not getattr(report, "locked", False):
            self.visit_line.setText(
                self.tr("Sign the report first: the printout shows what the doctor confirmed")
            )
            return None
        header = patient_header(self.ctx.store, self.ctx.study_pk)
        target = path or documents_dir() / f"fundus_{header.get('patient_id', '')}_patient.pdf"
        return self.ctx.jobs.submit(
            write_patient_pdf,
            target,
            report,
            header,
            on_done=lambda p: self.printed.emit(str(p)),
            on_error=self._failed,
        )

    def fit(self) -> None:
        for view in self.views.values():
            view.fit()

    def one_to_one(self) -> None:
        for view in self.views.values():
            view.one_to_one()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
