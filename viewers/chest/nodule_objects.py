"""The nodule list's SEG/SR part: store the accepted nodules as DICOM objects of the
study, say which nodules the SR stored with the case holds, and let a doctor start
from it, or from the other side's synced decisions.  A mixin of
``nodule_panel.NodulePanel`` (same translation context)."""

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

    def _offer_others(self) -> None:
        """Offer to start from the other side's synced decisions while this review is empty."""
        from viewers.chest.texts import site_text

        site = next((o for o in self.others if any(d.status for d in o.decisions.values())), None)
        fresh = not any(d.status for d in self.review.decisions.values())
        self.take_btn.setVisible(site is not None and fresh)
        if site is not None:
            self.take_btn.setText(
                translate("NodulePanel", "Start from the decisions of %1").replace(
                    "%1", site_text(site.kind, site.name)
                )
            )
            self.take_btn.setToolTip(
                translate(
                    "NodulePanel",
                    "Accept, reject and edit the nodules as they did; each stays yours to change",
                )
            )

    def take_others(self) -> None:
        """This review starts from the other side's decisions (their edits included),
        recorded as this doctor's own."""
        site = next((o for o in self.others if any(d.status for d in o.decisions.values())), None)
        if site is None:
            return
        known = {int(n["id"]) for n in self.nodules}
        for nid, d in sorted(site.decisions.items()):
            if nid not in known or not d.status:
                continue
            if d.status == "modified":
                self.review.edit(nid, d.mean_diameter_mm, d.type, self._user())
            else:
                self.review.decide(nid, d.status, self._user())
        self.take_btn.hide()
        self._decided()

    def set_others(self, others: list) -> None:
        """Show the other side's decision on each nodule (column beside the doctor's own)."""
        shown = bool(self.others)
        self.others = list(others or [])
        self.tree.setColumnHidden(5, not self.others)
        self._offer_others()
        self.retranslate()
        if bool(self.others) != shown:  # the column came (or went): fit, not on every sync
            self.grown.emit()

    def wanted_width(self) -> int:
        """The width that shows every visible column of the list whole."""
        tree, head = self.tree, self.tree.header()
        cols = [c for c in range(tree.columnCount()) if not tree.isColumnHidden(c)]
        inner = sum(max(tree.sizeHintForColumn(c), head.sectionSizeHint(c)) for c in cols)
        return inner + 2 * tree.frameWidth() + tree.verticalScrollBar().sizeHint().width() + 12
