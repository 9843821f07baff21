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


def test_follow_up_study_against_the_prior_in_the_store(tmp_path):
    from app import chest_review as cr
    from app.ai.store import latest_result
    from app.chest_priors import compare_with_prior, prior_study
    from app.importer import run_import
    from app.store import Store
    from inference.chest.phantom import TruthNodule, build_phantom
    from inference.preread import run_preread

    shape, spacing = (64, 200, 200), (2.5, 1.75, 1.75)
    before = build_phantom(shape, spacing, seed=5, nodules=[
        TruthNodule((-70.0, 0.0, 100.0), 9.0, 8.0, SOLID),
        TruthNodule((75.0, 10.0, 90.0), 14.0, 13.0, GROUND_GLASS)])  # fmt: skip
    after = build_phantom(shape, spacing, seed=5, nodules=[
        TruthNodule((-70.0, 0.0, 100.0), 12.0, 11.0, SOLID),  # grew by about 3 mm
        TruthNodule((75.0, 10.0, 90.0), 14.0, 13.0, GROUND_GLASS),
        TruthNodule((60.0, -15.0, 125.0), 8.0, 7.0, SOLID)])  # fmt: skip  # new
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}", tmp_path)
    try:
        first = run_import(store, write_study(before, tmp_path / "a", "20260101")).study_pks[0]
        second = run_import(
            store, write_study(after, tmp_path / "b", "20260701", (0.0, 0.0, 20.0))
        ).study_pks[0]
        run_preread(store, [first, second])
        assert prior_study(store, first) is None  # the first exam has no prior
        assert prior_study(store, second)[0] == first
        payload = latest_result(store, second)[1].to_dict()
        review = cr.load_review(store, second, payload)
        got = compare_with_prior(store, second, payload, review)
        assert got.prior_study_pk == first and got.days == pytest.approx(181)
        assert got.shift_mm[2] == pytest.approx(20.0, abs=3.0)
        changes = sorted(p.result.change for p in got.pairs.values())
        assert changes == [GROWING, NEW, STABLE], got.pairs
        grown = next(p for p in got.pairs.values() if p.result.change == GROWING)
        assert grown.result.category in ("4A", "4B") and grown.result.growth_mm > 1.5
        new = next(p for p in got.pairs.values() if p.result.change == NEW)
        assert new.prior_id is None and new.result.category in ("4A", "4B")
        assert got.gone == []
    finally:
        store.close()
