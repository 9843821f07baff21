"""The nodule list's SEG/SR part: store the accepted nodules as DICOM objects of the
study, say which nodules the SR stored with the case holds, and let a doctor start
from it.  A mixin of ``nodule_panel.NodulePanel`` (same translation context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app import chest_review as cr

translate = QCoreApplication.translate


class StoredObjectsMixin:
    def store_objects(self) -> None:
        from app.chest_objects import store_nodule_objects

        if self.busy:
            return
        self.busy = True
        self._enable()
        store, pk, payload = self.ctx.store, self.ctx.study_pk, self.payload
        review = cr.Review.from_dict(self.review.to_dict())
        self.status.setText(translate("NodulePanel", "Writing SEG and SR of the accepted nodules…"))
        self.ctx.jobs.submit(
            lambda state: store_nodule_objects(store, pk, payload, review, state),
            name="nodule SEG/SR", on_done=self._stored, on_error=self._failed,
            on_progress=lambda f, _m: self.status.setText(
                translate("NodulePanel", "Writing SEG and SR of the accepted nodules… %1%").replace(
                    "%1", f"{f * 100:.0f}")),
        )  # fmt: skip

    def set_stored(self, stored: dict | None) -> None:
        """Say which nodules the SR stored with the case holds (the requesting clinic's
        review, as the specialist receives it)."""
        self.stored = stored
        self.stored_note.setVisible(bool(stored))
        if stored:
            when = str(stored.get("when") or "")
            when = f"{when[:4]}-{when[4:6]}-{when[6:8]} {when[8:10]}:{when[10:12]}" if when else ""
            ids = ", ".join(str(i) for i in stored.get("ids") or [])
            fresh = not any(d.status for d in self.review.decisions.values())
            self.adopt_btn.setVisible(fresh and bool(stored.get("ids")))
            self.stored_note.setText(
                translate(
                    "NodulePanel", "Stored with the case as SEG/SR (%1): accepted nodule(s) %2"
                )
                .replace("%1", when)
                .replace("%2", ids or "—")
            )

    def adopt_stored(self) -> None:
        """Accept the nodules the stored SR holds (the requesting clinic's accepted ones);
        the others stay to review.  The doctor can change any of them after."""
        ids = {int(i) for i in (self.stored or {}).get("ids") or []}
        known = [int(n["id"]) for n in self.nodules if int(n["id"]) in ids]
        for nid in known:
            self.review.decide(nid, "accepted", self._user())
        self.adopt_btn.hide()
        if known:
            self._decided()

    def _stored(self, out: dict) -> None:
        from datetime import datetime

        self.busy = False
        self.review.objects = {k: out[k] for k in ("seg", "sr")}
        kept = [n["id"] for n in cr.final_nodules(self.payload, self.review)]
        self.set_stored({"ids": kept, "when": datetime.now().strftime("%Y%m%d%H%M%S")})
        self._enable()
        text = translate("NodulePanel", "SEG and SR stored with the case.")
        if out.get("masks") == "found again":
            text += " " + translate(
                "NodulePanel",
                "The AI result kept no nodule masks (an older result): the nodules were found again.",
            )
        if out.get("queued"):
            text += " " + translate("NodulePanel", "Queued for the regional server.")
        self.status.setText(text)
        self.objects_stored.emit(list(out.get("paths") or []))
