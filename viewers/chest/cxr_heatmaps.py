"""The chest X-ray panel's heatmap button: the model's heatmaps stored with the case as
a DICOM SEG on the job runner, then shown over the film by the viewer's objects panel
(where the user shows or hides them).  A case that already holds the SEG (opened
again) shows it the same way, and the button says it is stored."""

from __future__ import annotations

from ui.failure_text import failure_reason


def wire_heatmaps(viewer, panel, payload: dict) -> None:
    ctx = viewer.ctx

    def stored(out: dict) -> None:
        panel.heatmaps_stored(out)
        if out.get("paths"):
            viewer.open_objects(list(out["paths"]))

    def store() -> None:
        from app.cxr_objects import store_heatmap_seg

        store_, pk = ctx.store, ctx.study_pk
        ctx.jobs.submit(
            lambda state: store_heatmap_seg(store_, pk, payload, state),
            name="chest X-ray heatmaps SEG", on_done=stored,
            on_error=lambda e: panel.heatmaps_stored(None, failure_reason(e)),
        )  # fmt: skip

    panel.heatmaps_wanted.connect(store)
    from app.cxr_objects import SEG_NAME

    if any(getattr(obj, "filename", "") == SEG_NAME for obj, _p in ctx.files or []):
        panel.heatmaps_stored({"paths": []})  # the viewer already shows the stored SEG
