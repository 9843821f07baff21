"""Chest AI in the image viewer (``ModalityDescriptor.panels`` of CT and CR).

CT: when the study has a chest CT AI result, the nodule list goes above the
report panel; every 2D pane and MPR plane draws each nodule's circle with its
number, size and Lung-RADS (orange to review, green accepted, grey rejected,
yellow the selected one), the 3D view shows them as spheres, and a click in
the list shows the nodule's slice in 2D and moves the MPR crosshair to it.
CR: the chest X-ray image checks of the stored result, in a small panel.
"""

from __future__ import annotations

from viewers.chest import marks


def chest_result(store, study_pk: int, analyzers=("chest-ct",), state=None):
    """Worker: (payload, review) of the study's newest result of ``analyzers``, or None."""
    from sqlalchemy import select

    from app.ai.result import from_row
    from app.chest_review import load_review
    from app.models import AIResult

    with store.read_session() as s:
        row = s.scalars(
            select(AIResult)
            .where(AIResult.study_pk == study_pk, AIResult.analyzer.in_(analyzers))
            .order_by(AIResult.id.desc())
        ).first()
        if row is None:
            return None
        payload = from_row(row).to_dict()
    return payload, load_review(store, study_pk, payload)


def chest_ct_result(store, study_pk: int, state=None):
    """Worker: (payload, review, the reviewed-nodule SR stored with the case or None,
    the other organisations' synced reviews of the same result)."""
    from app.chest_objects import stored_review
    from app.sync.chest_reviews import other_reviews

    found = chest_result(store, study_pk, ("chest-ct",), state)
    if found is None:
        return None
    others = other_reviews(store, study_pk, str(found[0].get("uid") or ""))
    return (*found, stored_review(store, study_pk), others)


def attach_ct(viewer) -> None:
    ctx = viewer.ctx
    if ctx.store is None or ctx.jobs is None:
        return
    ctx.jobs.submit(
        chest_ct_result, ctx.store, ctx.study_pk, name="chest AI result",
        on_done=lambda found: _chest_ct(viewer, found), on_error=lambda _e: None,
    )  # fmt: skip


def _chest_ct(viewer, found) -> None:
    """The nodule list for a chest CT result; for a CT the AI found no lungs in (a head
    CT) no list, and the findings dock shows the AI's "not a chest study" note, as the
    worklist does, with the model's name and version."""
    if not found:
        return
    payload, review, stored, others = found
    if (payload.get("details") or {}).get("chest") is False:
        viewer.findings_changed.emit(_check_findings(payload))  # the note, as AI output
        return
    link = NoduleLink(viewer, payload, review)
    link.panel.set_stored(stored)
    link.set_others(others)
    link.panel.find_prior()  # the patient's prior chest CT: follow-up categories
    if viewer.report_panel.report is None:  # a chest: the chest report's fields
        viewer.report_panel.set_template("chest")


class NoduleLink:
    """Connects the nodule list to the viewer's panes, its MPR and 3D view."""

    def __init__(self, viewer, payload: dict, review) -> None:
        from viewers.chest.nodule_panel import NodulePanel

        self.viewer = viewer
        self.panel = NodulePanel(viewer.ctx, payload, review, viewer)
        viewer.chest_panel, viewer.chest_link = self.panel, self
        viewer.add_side_panel(self.panel)
        viewer.overlay_hooks.append(self.decorate_pane)
        viewer.volume_hooks.append(self.volume_opened)
        self.panel.jump.connect(self.show)
        self.panel.changed.connect(self.redraw)
        self.panel.report_updated.connect(viewer.report_panel.show_report)
        self.panel.objects_stored.connect(lambda paths: paths and viewer.open_objects(paths))
        self.panel.changed.connect(self.report_findings)
        self.panel.grown.connect(self._fit_height)
        if viewer.volume_viewer is not None:
            self.volume_opened(viewer.volume_viewer)
        self.others: list = []  # other organisations' reviews (app.sync.chest_reviews)
        self._listen()
        viewer.refresh_overlays()
        self.report_findings()
        self._fit_height()

    def _fit_height(self) -> None:
        """The list whole (up to 7/10 of the column), the report panel below it; once a
        report exists its fields have the room (the image viewer shares the column)."""
        side = self.viewer.side
        if side is None or side.count() < 2 or self.viewer.report_panel.report is not None:
            return
        self._fit_side()  # every column whole, its scroll bar included
        sizes = side.sizes()
        total = max(sum(sizes), 600)
        box = self.panel.parentWidget()  # the scroll area's viewport
        width = box.width() if box is not None else self.panel.width()
        most = total * 7 // 10
        for rows in range(9, 2, -1):  # the list gives up rows (it scrolls) before the
            self.panel.fit_rows(rows)  # exam summary under it is cut
            want = self.panel.heightForWidth(width) + 8
            if want <= most:
                break
        want = min(want, most)
        i = next((k for k in range(side.count()) if side.widget(k).isAncestorOf(self.panel)), 0)
        rest = (total - want) // max(side.count() - 1, 1)
        side.setSizes([want if k == i else rest for k in range(side.count())])

    def _listen(self) -> None:
        """A sync that brings the other side's decisions updates them while open; a prior
        imported meanwhile offers the new grading."""
        ctx = self.viewer.ctx

        def changed(pks) -> None:
            if ctx.study_pk in (pks or ()):
                ctx.jobs.on_ui(self._reload_others)
                ctx.jobs.on_ui(self.panel.check_newer)  # graded again: a prior arrived

        events = ctx.store.events.changed
        events.connect(changed)
        self.panel.destroyed.connect(lambda *_a: events.disconnect(changed))

    def _reload_others(self) -> None:
        from app.sync.chest_reviews import other_reviews

        ctx, uid = self.viewer.ctx, str(self.panel.payload.get("uid") or "")
        ctx.jobs.submit(other_reviews, ctx.store, ctx.study_pk, uid, name="synced nodule review",
                        on_done=self.set_others, on_error=lambda _e: None)  # fmt: skip

    def set_others(self, others: list) -> None:
        self.others = list(others or [])
        try:
            self.panel.set_others(self.others)
        except RuntimeError:  # the viewer closed meanwhile
            return
        self._fit_side()
        self.report_findings()

    def _fit_side(self) -> None:
        """Widen the side column (from the image) so the list's extra column is whole."""
        split, side = self.viewer.split, self.viewer.side
        i = split.indexOf(side) if side is not None else -1
        sizes = split.sizes()
        short = self.panel.wanted_width() - (sizes[i] if i >= 0 else 0)
        if i < 0 or short <= 0:
            return
        big = max(range(len(sizes)), key=lambda k: sizes[k] if k != i else -1)
        take = min(short, max(sizes[big] - 400, 0))
        sizes[big] -= take
        sizes[i] += take
        split.setSizes(sizes)
        from PySide6.QtCore import QTimer

        def refit() -> None:  # the image fitted again to its narrower room, once laid out
            for pane in self.viewer.panes:
                pane.view.fit()

        QTimer.singleShot(0, refit)

    def report_findings(self) -> None:
        """The findings dock lists the nodules the doctor has not rejected, as AI output
        (the model named once, in the dock's header), each with the other side's
        decision on it when one was synced."""
        from inference.chest import rules
        from viewers.chest.texts import nodule_line, site_decision_text

        p = self.panel
        source = "AI " + (p.review.model or "")
        model = dict(p.payload.get("model") or {})
        flag = bool(model.get("not_for_clinical_use", True))
        named = {k: str(model.get(k) or "") for k in ("name", "version")}
        out = []
        for g, _colour, _text in self.shown():
            nid = int(g["id"])
            notes = [site_decision_text(o, o.decisions[nid]) for o in self.others
                     if o.decisions.get(nid) is not None and o.decisions[nid].status]  # fmt: skip
            if g["decision"] == "rejected" and not notes:
                continue
            urgent = rules.urgent(g["lung_rads"])
            out.append({"text": nodule_line(g, g["decision"]), "source": source, "notes": notes,
                        "severity": "urgent" if urgent else "info", "model": named,
                        "not_for_clinical_use": flag})  # fmt: skip
        self.viewer.findings_changed.emit(out)

    # --- what is drawn --------------------------------------------------
    def shown(self) -> list[tuple[dict, object, str]]:
        """(nodule, colour, label) of each nodule with the doctor's values."""
        p = self.panel
        current = p.current_id()
        out = []
        for n in p.nodules:
            d = p.review.decisions.get(int(n["id"]))
            g = p.graded_of(n)
            colour = marks.COLOURS.get(d.status if d else "", marks.COLOURS[""])
            if int(n["id"]) == current:
                colour = marks.SELECTED
            out.append((g, colour, marks.label(g, f"{g['mean_diameter_mm']:.1f} mm")))
        return out

    def decorate_pane(self, pane) -> None:
        img, backing = pane.image, pane.backing
        if img is None or img.rgb or pane.source is None:
            return
        row_mm, col_mm = (list(img.info.get("spacing") or [1.0, 1.0]) + [1.0, 1.0])[:2]
        if backing is not None:
            vol = backing.volume
            z = backing.zmap.get(_frame_key(pane.source, pane.index))
            if z is None:
                return
            place = marks.pane_place(lambda n: marks.volume_index(vol, n), z, vol.spacing[0])
        else:  # the series' volume is not made yet: the AI's own voxel index
            thickness = float(pane.header.thickness or 1.0)
            place = marks.pane_place(
                lambda n: n["centre_voxel"][::-1], pane.index, thickness
            )  # fmt: skip
        width = img.pixels.shape[1]
        self._add(pane.view, marks.marks_on_plane(self.shown(), place, (row_mm, col_mm), width))

    def decorate_plane(self, name: str, view, index: int) -> None:
        import numpy as np

        mpr = self.viewer.volume_viewer.mpr
        vol = mpr.volume
        if vol is None or mpr.frame is None or name not in mpr.shown:
            return
        geometry = mpr.shown[name][0]
        place = marks.geometry_place(mpr.frame, geometry, lambda n: marks.volume_index(vol, n))
        plane_mm = (float(np.linalg.norm(geometry.row)), float(np.linalg.norm(geometry.col)))
        width = geometry.shape[1]
        self._add(view, marks.marks_on_plane(self.shown(), place, plane_mm, width))

    @staticmethod
    def _add(view, found) -> None:
        paths, labels = found
        view.overlay.extra = list(view.overlay.extra) + paths
        view.overlay.extra_labels = list(view.overlay.extra_labels) + labels

    def redraw(self) -> None:
        self.viewer.refresh_overlays()
        vv = self.viewer.volume_viewer
        if vv is not None:
            vv.mpr.render()
            vv.set_markers(marks.markers_3d(self.shown()))

    # --- MPR / 3D -------------------------------------------------------
    def volume_opened(self, vv) -> None:
        vv.mpr.overlay_hooks.append(self.decorate_plane)
        vv.set_markers(marks.markers_3d(self.shown()))
        vv.loaded.connect(lambda: self._mpr_jump(self.panel.nodule(self.panel.current_id())))

    def show(self, n: dict) -> None:
        """The nodule's centre slice in the active pane, and the MPR crosshair on it."""
        pane = self.viewer.pane
        frame = self._frame_of(pane, n)
        if frame is not None:
            self.viewer.show_frame(frame)
        self._mpr_jump(n)
        self.redraw()

    def _mpr_jump(self, n: dict | None) -> None:
        vv = self.viewer.volume_viewer
        if n is None or vv is None or vv.mpr.volume is None:
            return
        vv.mpr.set_point(marks.volume_index(vv.mpr.volume, n))

    def _frame_of(self, pane, n: dict) -> int | None:
        if pane.source is None:
            return None
        backing = pane.backing
        if backing is None:
            return int(round(float(n["centre_voxel"][2])))
        z = int(round(float(marks.volume_index(backing.volume, n)[0])))
        for i in range(len(pane.source)):
            if backing.zmap.get(_frame_key(pane.source, i)) == z:
                return i
        return None


def _frame_key(source, index: int):
    from pathlib import Path

    path, k = source.frames[index]
    return (Path(path), k)


def attach_cr(viewer) -> None:
    """The chest X-ray checks panel, when the film has a stored checks result; the
    model's findings in it to accept or reject, when a finding model read the film."""
    ctx = viewer.ctx
    if ctx.store is None or ctx.jobs is None:
        return

    def found(result) -> None:
        if not result:
            return
        from viewers.chest.cxr_panel import CxrChecksPanel
        from viewers.chest.cxr_review_panel import wire_review

        panel = viewer.cxr_panel = CxrChecksPanel(result[0], viewer, platform_models())
        viewer.add_side_panel(panel)
        if panel.has_findings():
            wire_review(viewer, panel, result)
        else:
            viewer.findings_changed.emit(_check_findings(result[0]))
        total = max(sum(viewer.side.sizes()), 600)
        want = min(panel.sizeHint().height() + 40, total * 2 // 3)
        viewer.side.setSizes([want, total - want])  # every check readable, the report below
        from viewers.chest.cxr_heatmaps import wire_heatmaps

        wire_heatmaps(viewer, panel, result[0])

    from viewers.chest.cxr_review_panel import cxr_result

    ctx.jobs.submit(
        cxr_result, ctx.store, ctx.study_pk, name="chest X-ray checks",
        on_done=found, on_error=lambda _e: None,
    )  # fmt: skip


def _check_findings(payload: dict, review=None, others=()) -> list[dict]:
    """The chest X-ray's findings for the dock: the installed model's (AI, with its
    name and version, each with the doctor's decision; a rejected one left out unless
    the other side decided on it) and the check notes (never a clinical finding)."""
    from PySide6.QtCore import QCoreApplication

    from app import cxr_review
    from app.modalities import finding_template
    from viewers.chest.texts import decision_text, site_decision_text

    model = payload.get("model") or {}
    source = f"AI {model.get('name', '')} {model.get('version', '')}".strip()
    review = cxr_review.review_for(payload, review)
    out, fid = [], 0  # a model finding's review id: its place among them (app.cxr_review)
    for f in payload.get("findings") or []:
        found = finding_template(str(f.get("code", "")))
        text = QCoreApplication.translate(*found) if found else str(f.get("text", ""))
        code = str(f.get("code", ""))
        severity = str(f.get("severity") or "routine") if code.startswith("CXR_AI_") else "info"
        p, notes = (f.get("evidence") or {}).get("probability"), []
        if code.startswith(cxr_review.PREFIX):
            fid += 1
            status = cxr_review.status_of(review, fid)
            notes = [site_decision_text(o, o.decisions[fid]) for o in others
                     if o.decisions.get(fid) is not None and o.decisions[fid].status]  # fmt: skip
            if status == "rejected" and not notes:
                continue
            text += f"  p={float(p or 0):.2f} ({decision_text(status)})"
        out.append({"text": text, "source": source, "severity": severity, "model": model,
                    "notes": notes,
                    "not_for_clinical_use": bool(model.get("not_for_clinical_use", True))})  # fmt: skip
    return out


def platform_models() -> list:
    """The chest X-ray finding models the regional AI platform offers this clinic (its
    subscriptions as last fetched), besides the built-in image checks."""
    from app.ai import subscriptions
    from app.ai.products import builtin

    return [
        p
        for p in subscriptions.current().products
        if str(p.modality).upper() in ("CR", "DX") and builtin(p.code) is None
    ]
