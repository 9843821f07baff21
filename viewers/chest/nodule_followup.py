"""The nodule list's follow-up part: when the patient has a prior chest CT in the store
(``app.chest_priors``), each nodule is graded by the Lung-RADS v2022 follow-up rules
(new, grown, stable) instead of the baseline table, and the list says what it was
compared with.  A mixin of ``nodule_panel.NodulePanel`` (same translation context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app import chest_followup as fu
from app import chest_review as cr

translate = QCoreApplication.translate


class FollowUpMixin:
    prior = None  # app.chest_priors.PriorExam
    follow: dict = {}  # nodule id -> app.chest_priors.Paired
    gone: list = []

    def set_prior(self, exam) -> None:
        """Grade against this prior exam (None: baseline rules)."""
        first = self.prior is None
        self.prior = exam
        self._recompare()
        self._fill()
        self.changed.emit()
        if first:  # its note is new: fit once, not on every change
            self.grown.emit()

    def _recompare(self) -> None:
        from app.chest_priors import graded_nodules

        if self.prior is None:
            self.follow, self.gone = {}, []
            self.prior_note.hide()
            return
        self.follow, self.gone = self.prior.compare(graded_nodules(self.payload, self.review))
        self.prior_note.setText(self._prior_text())
        self.prior_note.setToolTip(
            translate(
                "NodulePanel",
                "Lung-RADS v2022 at follow-up: a new nodule, growth of the mean diameter by more "
                "than 1.5 mm within 12 months, a size threshold crossed, or stable (a category 3 "
                "stable becomes 2, a 4A stable becomes 3).",
            )
        )
        self.prior_note.show()

    def graded_of(self, n: dict, multiple: bool | None = None) -> dict:
        """The nodule at the doctor's values, with its follow-up category when compared."""
        multiple = len(self.nodules) > 1 if multiple is None else multiple
        d = self.review.decisions.get(int(n["id"]))
        g = cr.graded(n, d, multiple)
        p = self.follow.get(int(n["id"]))
        if p is None:
            return g
        return dict(g, lung_rads=p.result.category, baseline_lung_rads=g["lung_rads"],
                    change=p.result.change, growth_mm=p.result.growth_mm,
                    prior_mean_mm=p.prior_mean_mm)  # fmt: skip

    def change_text(self, g: dict) -> str:
        """Short: "new", "+2.0 mm", "stable"."""
        change = g.get("change")
        if change == fu.NEW:
            return translate("NodulePanel", "new")
        if change in (fu.GROWING, fu.CROSSED) and g.get("growth_mm") is not None:
            return f"{g['growth_mm']:+.1f} mm"
        return translate("NodulePanel", "stable") if change else ""

    def change_tooltip(self, g: dict) -> str:
        if g.get("change") == fu.NEW:
            text = translate("NodulePanel", "Not on the prior CT: graded as a new nodule.")
        else:
            text = (
                translate("NodulePanel", "Prior CT: %1 mm; now %2 mm (%3).")
                .replace("%1", f"{float(g.get('prior_mean_mm') or 0):.1f}")
                .replace("%2", f"{g['mean_diameter_mm']:.1f}")
                .replace("%3", self.change_text(g))
            )
        return (
            text
            + "\n"
            + (
                translate("NodulePanel", "Lung-RADS at follow-up %1 (baseline table: %2)")
                .replace("%1", g["lung_rads"])
                .replace("%2", g.get("baseline_lung_rads", ""))
            )
        )

    def _prior_text(self) -> str:
        text = (
            translate(
                "NodulePanel",
                "Compared with the chest CT of %1 (%2 days earlier): follow-up rules.",
            )
            .replace("%1", self.prior.time[:10])
            .replace("%2", f"{self.prior.days:.0f}")
        )
        if self.gone:
            text += " " + translate(
                "NodulePanel", "%1 nodule(s) of the prior CT not found now."
            ).replace("%1", str(len(self.gone)))
        again = self.regraded_text()
        return f"{text} {again}" if again else text

    def find_prior(self) -> None:
        """Look for the patient's prior chest CT (loads both scans: on the job runner)."""
        from app.chest_priors import find_prior_exam

        store, pk = self.ctx.store, self.ctx.study_pk
        self.ctx.jobs.submit(
            lambda state: find_prior_exam(store, pk, state), name="prior chest CT",
            on_done=self._prior_found, on_error=lambda _e: None,
        )  # fmt: skip

    def _prior_found(self, exam) -> None:
        try:
            if exam is not None:
                self.set_prior(exam)
        except RuntimeError:  # the viewer closed meanwhile
            pass
