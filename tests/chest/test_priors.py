"""A chest CT compared with the patient's prior chest CT (app.chest_priors): nodules
paired across scans that lie differently on the table, new and grown nodules graded by
the Lung-RADS v2022 follow-up rules.  SYNTHETIC chest CT phantoms written as DICOM."""

from __future__ import annotations

import dataclasses

import pytest

from app.chest_followup import GROWING, NEW, STABLE
from app.chest_priors import compare, pair_nodules
from inference.chest.rules import GROUND_GLASS, SOLID

SHIFT = (6.0, -4.0, 25.0)  # the patient lies 25 mm further along the table


def nod(i, xyz, mm, kind=SOLID):
    return {"id": i, "centre_mm": list(xyz), "mean_diameter_mm": mm, "type": kind}


def moved(xyz, by=SHIFT):
    return [a + b for a, b in zip(xyz, by, strict=True)]


def test_pairs_follow_the_shift_between_scans():
    prior = [nod(1, (-70, 0, 100), 6.0), nod(2, (75, 10, 90), 14.0, GROUND_GLASS),
             nod(3, (-60, 30, 60), 5.0)]  # fmt: skip
    current = [nod(7, moved((75, 10, 90)), 14.0, GROUND_GLASS), nod(8, moved((-70, 0, 100)), 8.0),
               nod(9, moved((40, -20, 130)), 5.0)]  # fmt: skip
    # the lungs' shift is known only roughly: the nodules refine it
    pairs, shift = pair_nodules(current, prior, lung_shift=(0.0, 0.0, 20.0))
    assert pairs == {7: 2, 8: 1}
    assert shift == pytest.approx(SHIFT)
    out, gone, _ = compare(current, prior, days=180, lung_shift=(0.0, 0.0, 20.0))
    assert (out[8].prior_id, out[8].result.change, out[8].result.category) == (1, GROWING, "4B")
    assert out[8].result.growth_mm == 2.0 and out[8].prior_mean_mm == 6.0
    assert (out[7].result.change, out[7].result.category) == (STABLE, "2")
    assert (out[9].prior_id, out[9].result.change, out[9].result.category) == (None, NEW, "3")
    assert gone == [3]


def test_without_the_lung_shift_a_shifted_nodule_is_not_the_same():
    prior = [nod(1, (-70, 0, 100), 6.0)]
    current = [nod(5, moved((-70, 0, 100), (0, 0, 40)), 6.0)]
    assert pair_nodules(current, prior)[0] == {}  # 40 mm away: a new nodule, one gone
    assert pair_nodules(current, prior, (0, 0, 38))[0] == {5: 1}


def test_a_large_nodule_pairs_within_its_radius():
    prior = [nod(1, (0, 0, 0), 30.0, GROUND_GLASS)]
    current = [nod(2, (12, 0, 0), 31.0, GROUND_GLASS)]  # its centre moved as it grew
    assert pair_nodules(current, prior)[0] == {2: 1}


def write_study(ph, folder, date: str, origin_shift=(0.0, 0.0, 0.0)):
    """The phantom written as one study of the patient on ``date`` (its own UIDs)."""
    import pydicom

    from inference.chest.phantom import write_series

    ox, oy, oz = ph.origin
    ph = dataclasses.replace(ph, origin=(ox + origin_shift[0], oy + origin_shift[1],
                                         oz + origin_shift[2]))  # fmt: skip
    files = write_series(ph, folder, ("PHANTOM^FOLLOWUP", "PHANTOM-FU"))
    for f in files:
        ds = pydicom.dcmread(f)
        ds.StudyDate = ds.SeriesDate = date
        ds.save_as(f)
    return files


@pytest.fixture(scope="module")
def two_exams(tmp_path_factory):
    """The same (SYNTHETIC) patient scanned on 2026-01-01 and 2026-07-01, lying 20 mm
    further along the table the second time: one solid nodule grew by about 3 mm, a
    ground glass one is unchanged and a new solid one appeared."""
    from app.importer import run_import
    from app.store import Store
    from inference.chest.phantom import TruthNodule, build_phantom
    from inference.preread import run_preread

    tmp_path = tmp_path_factory.mktemp("priors")
    shape, spacing = (64, 200, 200), (2.5, 1.75, 1.75)
    before = build_phantom(shape, spacing, seed=5, nodules=[
        TruthNodule((-70.0, 0.0, 100.0), 9.0, 8.0, SOLID),
        TruthNodule((75.0, 10.0, 90.0), 14.0, 13.0, GROUND_GLASS)])  # fmt: skip
    after = build_phantom(shape, spacing, seed=5, nodules=[
        TruthNodule((-70.0, 0.0, 100.0), 12.0, 11.0, SOLID),
        TruthNodule((75.0, 10.0, 90.0), 14.0, 13.0, GROUND_GLASS),
        TruthNodule((60.0, -15.0, 125.0), 8.0, 7.0, SOLID)])  # fmt: skip
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}", tmp_path)
    first = run_import(store, write_study(before, tmp_path / "a", "20260101")).study_pks[0]
    second = run_import(
        store, write_study(after, tmp_path / "b", "20260701", (0.0, 0.0, 20.0))
    ).study_pks[0]
    run_preread(store, [first, second])
    yield store, first, second
    store.close()


def test_follow_up_study_against_the_prior_in_the_store(two_exams):
    from app import chest_review as cr
    from app.ai.store import latest_result
    from app.chest_priors import find_prior_exam, graded_nodules, load_prior_exam, prior_study

    store, first, second = two_exams
    assert prior_study(store, first) is None  # the first exam has no prior
    assert prior_study(store, second)[0] == first
    payload = latest_result(store, second)[1].to_dict()
    review = cr.load_review(store, second, payload)
    exam = find_prior_exam(store, second)
    assert exam.study_pk == first and exam.days == pytest.approx(181)
    assert exam.lung_shift[2] == pytest.approx(20.0, abs=3.0)
    assert load_prior_exam(store, second) == exam  # kept with the case
    pairs, gone = exam.compare(graded_nodules(payload, review))
    changes = sorted(p.result.change for p in pairs.values())
    assert changes == [GROWING, NEW, STABLE], pairs
    grown = next(p for p in pairs.values() if p.result.change == GROWING)
    assert grown.result.category in ("4A", "4B") and grown.result.growth_mm > 1.5
    new = next(p for p in pairs.values() if p.result.change == NEW)
    assert new.prior_id is None and new.result.category in ("4A", "4B")
    assert gone == []
    # the prior's doctor rejected the grown nodule: now it counts as new
    prior_payload = latest_result(store, first)[1].to_dict()
    old = cr.load_review(store, first, prior_payload)
    old.decide(grown.prior_id, "rejected", "doctor")
    cr.save_review(store, first, old)
    again, _gone = find_prior_exam(store, second).compare(graded_nodules(payload, review))
    assert again[grown.nodule_id].result.change == NEW
    old.decide(grown.prior_id, "", "doctor")  # as it was, for the next test
    cr.save_review(store, first, old)


def test_the_list_and_the_report_grade_against_the_prior(two_exams, qtbot):
    from app import chest_review as cr
    from app import report_templates as rt
    from app import reports
    from app.ai.store import latest_result
    from app.chest_report import draft
    from app.domain import Modality
    from app.jobs import JobRunner
    from app.models import Study
    from app.report_drafts import draft_context
    from ui.qt_jobs import QtJobs
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    store, _first, second = two_exams
    jobs = QtJobs(JobRunner(max_workers=2))
    try:
        paths = store.object_paths(second)
        v = ImageViewer(ViewerContext(store, second, Modality.CT, paths, jobs))
        qtbot.addWidget(v)
        qtbot.waitUntil(lambda: getattr(v, "chest_panel", None) is not None, timeout=60_000)
        panel = v.chest_panel
        qtbot.waitUntil(lambda: panel.prior is not None, timeout=60000)
        assert panel.prior_note.text() == (
            "Compared with the chest CT of 2026-01-01 (181 days earlier): follow-up rules."
        )
        cells = {int(panel.tree.topLevelItem(i).text(0)): panel.tree.topLevelItem(i).text(3)
                 for i in range(panel.tree.topLevelItemCount())}  # fmt: skip
        changes = {nid: panel.follow[nid].result.change for nid in cells}
        new = next(nid for nid, c in changes.items() if c == NEW)
        grown = next(nid for nid, c in changes.items() if c == GROWING)
        assert cells[new].endswith("(new)") and "(+" in cells[grown]
        for nid in cells:  # the doctor accepts all three
            panel.select(nid)
            panel.decide("accepted")
        qtbot.waitUntil(lambda: "Decision saved" in panel.status.text(), timeout=60_000)
        assert "Lung-RADS 4B" in panel.exam.text()  # the new 7.5 mm: 4A; the grown: 4B
    finally:
        jobs.shutdown()
    payload = latest_result(store, second)[1].to_dict()
    with store.read_session() as s:
        ai = rt.ai_input(reports._latest_ai_row(s, second))
        ctx = draft_context(s, s.get(Study, second))
    assert ctx["chest_prior"] is not None and ctx["chest_review"] is not None
    assert cr.undecided(payload, ctx["chest_review"]) == []
    values, _ai = draft(ai, "en", ctx, "")
    assert "(new since the CT of 2026-01-01)" in values["nodules"]
    assert (
        "(grew from " in values["nodules"]
        and "(stable since the CT of 2026-01-01" in values["nodules"]
    )
    assert values["lung_rads"].startswith(
        "Lung-RADS v2022 (follow-up, compared with the chest CT of 2026-01-01) exam category 4B"
    )
    zh, _ai = draft(ai, "zh_CN", ctx, "")
    assert "新发" in zh["nodules"] and "随访" in zh["lung_rads"]
