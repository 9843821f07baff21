"""The nodule list beside the CT viewer: marks on 2D and MPR, jump, decisions saved, the
chest draft rewritten from them.  SYNTHETIC phantom series, imported and pre-read."""

from __future__ import annotations

import pytest

from app import chest_review as cr
from app.domain import Modality
from viewers.registry import ViewerContext

WAIT = 30000


@pytest.fixture
def viewer(qtbot, jobs, store, ct_case):
    from viewers.dicom.qt_image_viewer import ImageViewer

    pk, payload = ct_case
    v = ImageViewer(ViewerContext(store, pk, Modality.CT, store.object_paths(pk), jobs))
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    qtbot.waitUntil(lambda: getattr(v, "chest_panel", None) is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: v.image is not None and v.pane.backing is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: v.pane.backing.complete, timeout=WAIT)
    return v, pk, payload


def _circles(view):
    from viewers.chest import marks

    return [c for _p, c in view.overlay.extra if c in (*marks.COLOURS.values(), marks.SELECTED)]


def test_click_jumps_to_the_nodule_and_marks_it_with_its_size(qtbot, viewer):
    v, _pk, payload = viewer
    panel = v.chest_panel
    assert panel.tree.topLevelItemCount() == 2 and panel.isVisible()
    assert "not for clinical use" in panel.notice.text()
    for n in cr.ai_nodules(payload):
        panel.select(n["id"])
        k = round(n["centre_voxel"][2])
        qtbot.waitUntil(lambda k=k: v.index == k, timeout=WAIT)
        qtbot.waitUntil(lambda: len(_circles(v.view)) >= 1, timeout=WAIT)
        labels = [lab[2] for lab in v.view.overlay.extra_labels]
        assert f"{n['id']}  {n['mean_diameter_mm']:.1f} mm  LR {n['lung_rads']}" in labels
    got = []
    v.findings_changed.connect(got.append)
    panel.select(cr.ai_nodules(payload)[0]["id"])
    panel.decide("rejected")  # the findings dock keeps only what is not rejected
    qtbot.waitUntil(lambda: bool(got) and len(got[-1]) == 1, timeout=WAIT)
    assert got[-1][0]["source"].startswith("AI Huizhen chest CT classic")
    assert "Lung-RADS" in got[-1][0]["text"]
    v.show_frame(0)  # far from both nodules: no mark
    qtbot.waitUntil(lambda: v.index == 0, timeout=WAIT)
    assert _circles(v.view) == []


def test_decisions_autosave_and_rewrite_the_chest_draft(qtbot, viewer, store):
    from app import reports

    v, pk, payload = viewer
    panel, rp = v.chest_panel, v.report_panel
    rp.start()
    qtbot.waitUntil(lambda: rp.report is not None, timeout=WAIT)
    assert rp.template.id == "chest" and "2" in rp.report.values["nodules"]
    by_type = {n["type"]: n["id"] for n in cr.ai_nodules(payload)}
    panel.select(by_type["ground-glass"])
    panel.reject_btn.click()
    panel.select(by_type["solid"])
    panel.edit_btn.click()
    assert panel.editor.isVisible()
    panel.size_box.setValue(16.0)
    panel.apply_btn.click()
    qtbot.waitUntil(lambda: "4B" in rp.report.values.get("lung_rads", ""), timeout=WAIT)
    saved = cr.load_review(store, pk, payload)
    assert saved.decisions[by_type["ground-glass"]].status == "rejected"
    assert saved.decisions[by_type["solid"]].mean_diameter_mm == 16.0
    assert "16.0" in reports.current_report(store, pk).values["nodules"]
    assert "4B" in panel.exam.text()
    item = panel.tree.currentItem()
    assert item.text(2) == "16.0" and item.text(3) == "4B"


def test_marks_on_the_mpr_planes(qtbot, viewer):
    v, _pk, payload = viewer
    panel = v.chest_panel
    n = cr.ai_nodules(payload)[0]
    v.a_mpr.setChecked(True)
    vv = v.volume_viewer
    qtbot.waitUntil(lambda: vv.mpr.complete, timeout=WAIT)
    panel.select(n["id"])
    want = tuple(round(c) for c in n["centre_voxel"][::-1])
    qtbot.waitUntil(
        lambda: all(abs(a - b) <= 1 for a, b in zip(vv.mpr.point, want, strict=True)),
        timeout=WAIT,
    )
    for view in vv.mpr.views.values():
        assert len(_circles(view)) >= 1
    assert vv.markers and vv.markers[0][1] > 2.0


def test_quick_decisions_are_all_saved(qtbot, viewer, store):
    """Decisions made faster than they save: the file ends with every one of them."""
    v, pk, payload = viewer
    panel = v.chest_panel
    ids = [n["id"] for n in cr.ai_nodules(payload)]
    for nid, status in zip(ids, ("rejected", "accepted"), strict=True):
        panel.select(nid)
        panel.decide(status)
    panel.select(ids[0])
    panel.edit(9.5, "part-solid")
    qtbot.waitUntil(lambda: "Decision saved" in panel.status.text(), timeout=WAIT)
    saved = cr.load_review(store, pk, payload).decisions
    assert saved[ids[0]].status == "modified" and saved[ids[0]].type == "part-solid"
    assert saved[ids[1]].status == "accepted"


def _open(qtbot, jobs, store, folder, findings: list | None = None):
    from app.importer import run_import
    from inference.preread import run_preread
    from viewers.dicom.qt_image_viewer import ImageViewer

    pk = run_import(store, [folder]).study_pks[0]
    run_preread(store, [pk])
    v = ImageViewer(ViewerContext(store, pk, Modality.CT, store.object_paths(pk), jobs))
    qtbot.addWidget(v)
    if findings is not None:  # what the findings dock is given
        v.findings_changed.connect(lambda found: findings.append(list(found)))
    v.show()
    qtbot.waitUntil(lambda: v.image is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: not jobs.runner.active, timeout=WAIT)  # the AI result was read
    return v


def test_a_head_ct_gets_no_nodule_list(qtbot, jobs, store, tmp_path):
    from app.demo import head_ct

    if not head_ct.available():
        pytest.skip("apt package invesalius-examples is not installed (./run installs it)")
    files = head_ct.write_head_ct(tmp_path / "head")  # real head CT: the AI found no lungs
    shown: list = []
    v = _open(qtbot, jobs, store, files[0].parent, shown)
    assert getattr(v, "chest_panel", None) is None and v.side is None
    # the findings dock says what the worklist says: the AI ran, not a chest study
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    (note,) = shown[-1]
    assert note["text"] == "Not a chest study: no nodule analysis"
    assert note["model"]["name"] and note["model"]["version"] and note["source"].startswith("AI ")
    assert note["not_for_clinical_use"] and note["severity"] == "info"
    from app import reports

    assert v.report_panel.template.id == "imaging"  # not "chest CT report" on a head CT
    assert reports.create_draft(store, v.ctx.study_pk, language="en").template == "imaging"


def test_a_chest_without_nodules_says_so(qtbot, jobs, store, tmp_path):
    from inference.chest.phantom import build_phantom, write_series

    (tmp_path / "ct").mkdir()
    write_series(
        build_phantom((48, 160, 160), (2.5, 2.0, 2.0), nodules=[], seed=3), tmp_path / "ct"
    )
    v = _open(qtbot, jobs, store, tmp_path / "ct")  # SYNTHETIC phantom without nodules
    qtbot.waitUntil(lambda: getattr(v, "chest_panel", None) is not None, timeout=WAIT)
    p = v.chest_panel
    assert "found no lung nodule of 4 mm or more" in p.notice.text()
    assert not p.tree.isVisibleTo(p) and "Lung-RADS 1" in p.exam.text()


def test_store_seg_sr_from_the_panel_shows_them_over_the_images(qtbot, viewer):
    v, _pk, payload = viewer
    panel = v.chest_panel
    assert not panel.store_btn.isEnabled()  # nothing accepted yet
    solid = next(n for n in cr.ai_nodules(payload) if n["type"] == "solid")
    panel.select(solid["id"])
    panel.accept_btn.click()
    qtbot.waitUntil(panel.store_btn.isEnabled, timeout=WAIT)
    panel.store_btn.click()
    qtbot.waitUntil(lambda: "SEG and SR stored with the case" in panel.status.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: len(v.objects.objects) == 2, timeout=WAIT)
    kinds = sorted(o.kind for o in v.objects.objects)
    assert kinds == ["SEG", "SR"]
    seg = next(o for o in v.objects.objects if o.kind == "SEG")
    assert [s.label for s in seg.segments] == [f"Nodule {solid['id']} (AI)"]
    assert panel.stored_note.isVisible()
    assert panel.stored_note.text().endswith(f"accepted nodule(s) {solid['id']}")


def test_keys_decide_and_go_on_to_the_next_nodule(qtbot, viewer, store):
    v, pk, payload = viewer
    panel = v.chest_panel
    first, second = (n["id"] for n in cr.ai_nodules(payload))
    panel.select(first)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, "a")
    qtbot.waitUntil(lambda: panel.current_id() == second, timeout=WAIT)  # next to review
    second_slice = round(cr.ai_nodules(payload)[1]["centre_voxel"][2])
    qtbot.waitUntil(lambda: v.index == second_slice, timeout=WAIT)  # and shown
    qtbot.keyClick(panel.tree, "r")
    qtbot.waitUntil(lambda: "Decision saved" in panel.status.text(), timeout=WAIT)
    saved = cr.load_review(store, pk, payload).decisions
    assert saved[first].status == "accepted" and saved[second].status == "rejected"


def test_chest_report_confirm_sign_and_pdf(qtbot, viewer, store, tmp_path):
    """Accept/reject every nodule, write the impression, confirm, sign, PDF (en)."""
    from app.auth import authenticate, seed_demo_users
    from tests.ui.report_helpers import confirm_and_sign, pdf_text, save_pdf, write

    v, _pk, payload = viewer
    seed_demo_users(store)
    rp, panel = v.report_panel, v.chest_panel
    rp.user = authenticate(store, "specialist", "demo")
    rp.start()
    qtbot.waitUntil(lambda: rp.report is not None, timeout=WAIT)
    assert rp.template.id == "chest"
    rp.confirm_btn.click()  # nodules not reviewed yet (and no impression)
    qtbot.waitUntil(lambda: "AI finding" in rp.message.text(), timeout=WAIT)
    by_type = {n["type"]: n["id"] for n in cr.ai_nodules(payload)}
    panel.select(by_type["solid"])
    panel.decide("accepted")
    panel.select(by_type["ground-glass"])
    panel.decide("rejected")
    qtbot.waitUntil(lambda: "exam category 4A" in rp.report.values["lung_rads"], timeout=WAIT)
    write(rp, "impression", "Solid nodule right lung, Lung-RADS 4A: LDCT in 3 months.")
    confirm_and_sign(qtbot, rp)
    text = pdf_text(save_pdf(qtbot, rp, tmp_path / "chest.pdf"))
    assert "Chest CT report" in text and "Lung-RADS 4A" in text
    assert f"Nodule {by_type['solid']}: solid" in text
    assert f"Nodule {by_type['ground-glass']}:" not in text


def test_typing_in_the_report_while_a_decision_saves_keeps_both(qtbot, viewer, store):
    from app import reports
    from tests.ui.report_helpers import write

    v, pk, payload = viewer
    rp, panel = v.report_panel, v.chest_panel
    rp.start()
    qtbot.waitUntil(lambda: rp.report is not None, timeout=WAIT)
    solid = next(n["id"] for n in cr.ai_nodules(payload) if n["type"] == "solid")
    write(rp, "impression", "Solid nodule, see advice.")  # the autosave timer runs
    panel.select(solid)
    panel.decide("accepted")  # rewrites the draft's AI fields meanwhile

    def stored():
        r = reports.current_report(store, pk)
        return r.values["impression"] == "Solid nodule, see advice." and (
            f"Nodule {solid}: solid" in r.values["nodules"]
        )

    qtbot.waitUntil(stored, timeout=WAIT)
    qtbot.waitUntil(lambda: f"Nodule {solid}: solid" in rp.fields.values()["nodules"], timeout=WAIT)
    assert rp.fields.values()["impression"] == "Solid nodule, see advice."


def test_exam_summary_is_whole_in_the_side_column(qtbot, viewer):
    """The "Exam (accepted nodules)" line and what is left to review are read without
    scrolling the side column: the list gives up rows (it scrolls) before the summary is cut."""
    v, _pk, _payload = viewer
    p = v.chest_panel
    p.decide("accepted")
    box = p.parentWidget()  # the scroll area's viewport

    def whole() -> bool:
        bottom = p.exam.mapTo(box, p.exam.rect().bottomLeft()).y()
        return p.exam.height() >= p.exam.heightForWidth(p.exam.width()) and bottom <= box.height()

    qtbot.waitUntil(whole, timeout=60_000)
    assert "still to review" in p.exam.text()
    assert p.tree.height() <= p.tree.maximumHeight()  # no empty rows under the last nodule
