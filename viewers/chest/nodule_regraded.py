"""The nodule list's part for a prior chest CT that arrives while the newer CT is open:
the import's pre-read grades this CT again (``app.chest_regrade``) as a new AI result,
and the list says so and offers it ("Show the new grading": the list, marks, dock and
report follow the new result, with the doctor's decisions carried over).  A list opened
on a re-graded result says it was graded again.  A mixin of
``nodule_panel.NodulePanel`` (same translation context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton

from app import chest_review as cr

translate = QCoreApplication.translate


def newer_result(store, study_pk: int, uid: str, state=None):
    """Worker: (payload, review, current report) of the study's newest chest CT result
    when it is not ``uid`` (graded again meanwhile), else None."""
    from app import reports
    from app.chest_priors import chest_payload

    payload = chest_payload(store, study_pk)
    if payload is None or str(payload.get("uid") or "") == uid:
        return None
    return (
        payload,
        cr.load_review(store, study_pk, payload),
        reports.current_report(store, study_pk),
    )


class RegradedMixin:
    newer = None  # (payload, review, report) of a newer result of this study
    newer_note = newer_btn = None

    def regraded_text(self) -> str:
        """For the prior's note: this result was graded again when its prior arrived."""
        if not (self.payload.get("details") or {}).get("regraded"):
            return ""
        return translate(
            "NodulePanel",
            "Graded again when this prior arrived after the pre-read; the earlier AI result "
            "is kept.",
        )

    def check_newer(self) -> None:
        store, pk, uid = self.ctx.store, self.ctx.study_pk, str(self.payload.get("uid") or "")
        self.ctx.jobs.submit(newer_result, store, pk, uid, name="newer chest AI result",
                             on_done=self._newer_found, on_error=lambda _e: None)  # fmt: skip

    def _newer_found(self, found) -> None:
        try:
            uid = str(found[0].get("uid") or "") if found else ""
            shown = {str(self.payload.get("uid") or ""), self.newer[0]["uid"] if self.newer else ""}
            if uid and uid not in shown:  # a check started before the last one was taken
                self.newer = found
                self._offer_newer()
        except RuntimeError:  # the viewer closed meanwhile
            pass

    def _offer_newer(self) -> None:
        if self.newer_note is None:
            self.newer_note, self.newer_btn = QLabel(), QPushButton()
            self.newer_note.setWordWrap(True)
            self.newer_note.setStyleSheet("color:#b06000;font-weight:bold")
            self.newer_btn.clicked.connect(self.take_newer)
            self.layout().insertWidget(2, self.newer_note)
            self.layout().insertWidget(3, self.newer_btn)
        prior = ((self.newer[0].get("details") or {}).get("follow_up") or {}).get("prior") or {}
        self.newer_note.setText(
            translate(
                "NodulePanel",
                "The prior chest CT of %1 was imported after this study's pre-read: the AI "
                "graded this CT again against it (Lung-RADS follow-up rules).",
            ).replace("%1", str(prior.get("study_date") or "?"))
        )
        self.newer_btn.setText(translate("NodulePanel", "Show the new grading"))
        self.newer_note.show()
        self.newer_btn.show()
        self.grown.emit()

    def take_newer(self) -> None:
        """The list, marks, dock and report follow the newer result (the decisions were
        carried over to it)."""
        if self.newer is None:
            return
        payload, review, report = self.newer
        self.newer = None
        self.newer_note.hide()
        self.newer_btn.hide()
        self.payload, self.review = payload, review
        self.nodules = cr.ai_nodules(payload)
        self.prior, self.follow, self.gone = None, {}, []
        self.prior_note.hide()
        self.retranslate()
        self._fill()
        self.changed.emit()
        if report is not None:
            self.report_updated.emit(report)
        self.find_prior()
