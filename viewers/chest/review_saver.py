"""Autosave of the doctor's decisions on AI findings (CT nodules, chest X-ray findings):
each change is saved with the case on the job runner (``app.chest_review.save_review``,
which also queues it for the regional server) and the open report draft is rewritten
from it.  One save at a time, always of the latest state: saves finishing out of order
would lose a decision."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app import chest_review as cr

translate = QCoreApplication.translate


class ReviewSaver:
    def __init__(self, ctx, refresh, show_status, saved, failed) -> None:
        """``refresh(store, study_pk)`` rewrites the draft (worker; returns the
        ``ReportView`` or None); ``saved(view)`` gets a rewritten draft;
        ``show_status(text)`` says where the save is; ``failed(err)`` on an error."""
        self.ctx, self.refresh = ctx, refresh
        self.show_status, self.saved, self.failed = show_status, saved, failed
        self.saving = self.dirty = False
        self.review: cr.Review | None = None

    def save(self, review: cr.Review) -> None:
        self.review, self.dirty = review, True
        if not self.saving:
            self._next()

    def _next(self) -> None:
        store, pk, refresh = self.ctx.store, self.ctx.study_pk, self.refresh
        snapshot = cr.Review.from_dict(self.review.to_dict())
        self.dirty, self.saving = False, True

        def work(state):
            cr.save_review(store, pk, snapshot)
            return refresh(store, pk)

        self.show_status(translate("NodulePanel", "Saving the decision…"))
        self.ctx.jobs.submit(work, name="AI finding decision", on_done=self._done,
                             on_error=self._failed)  # fmt: skip

    def _done(self, view) -> None:
        self.saving = False
        if self.dirty:
            self._next()
            return
        self.show_status(translate("NodulePanel", "Decision saved with the case."))
        if view is not None:
            self.saved(view)

    def _failed(self, err) -> None:
        self.saving = False
        self.failed(err)


def username(ctx) -> str:
    """Who decides: the signed-in user of the viewer (or of the store)."""
    user = getattr(ctx, "user", None) or getattr(ctx.store, "user", None)
    return str(getattr(user, "username", "") or "")
