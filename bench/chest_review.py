"""The doctor's chest CT workflow on a SYNTHETIC phantom case, timed against the pre-read.

A 120 x 256² phantom (ten nodules) is imported into a fresh store and pre-read;
then every nodule is accepted, the chest report draft is made and rewritten
from the decisions, and the accepted nodules are stored as SEG + SR with the
case, from the masks the pre-read kept with the AI result and, for comparison,
by finding the nodules again (the fallback for results without masks); last, a prior
scan of the same phantom patient (written again, dated a year earlier, pre-read) is
found and aligned by the lungs' centres kept with both AI results, then as for results
stored before the lungs were kept (both scans loaded, lungs found: the slow path), the
nodules graded against it by the Lung-RADS follow-up rules, and the whole grading a
pre-read gets before it is stored (``app.chest_prior_grading``).  Each step's time is
printed beside the pre-read of the same run (the baseline); the machine is
shared, so the load average is printed too.

    python bench/chest_review.py [--slices 120] [--size 256]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path


def run(slices: int, size: int) -> None:
    from app import chest_review as cr
    from app import reports
    from app.ai.store import latest_result
    from app.chest_objects import store_nodule_objects
    from app.chest_report import refresh_draft
    from app.importer import run_import
    from app.store import Store
    from inference.chest.phantom import build_phantom, write_series
    from inference.preread import run_preread

    tmp = Path(tempfile.mkdtemp(prefix="bench-chest-review-"))
    folder = tmp / "ct"
    folder.mkdir()
    write_series(build_phantom((slices, size, size), (1.5, 1.4, 1.4), seed=0), folder)
    store = Store(f"sqlite:///{tmp / 'db.sqlite'}", tmp / "data")
    t = time.perf_counter()
    pk = run_import(store, [folder]).study_pks[0]
    t_import = time.perf_counter() - t
    t = time.perf_counter()
    run_preread(store, [pk])
    t_pre = time.perf_counter() - t
    payload = latest_result(store, pk)[1].to_dict()
    review = cr.load_review(store, pk, payload)
    t = time.perf_counter()
    for n in cr.ai_nodules(payload):
        review.decide(n["id"], "accepted", "bench")
        cr.save_review(store, pk, review)
    t_decide = time.perf_counter() - t
    t = time.perf_counter()
    reports.create_draft(store, pk, language="en")
    refresh_draft(store, pk)
    t_draft = time.perf_counter() - t
    t = time.perf_counter()
    out = store_nodule_objects(store, pk, payload, review)
    t_obj = time.perf_counter() - t
    assert out["masks"] == "kept", out
    older = dict(payload, details={k: v for k, v in payload["details"].items() if k != "masks"})
    t = time.perf_counter()
    again = store_nodule_objects(store, pk, older, review)
    t_again = time.perf_counter() - t
    assert again["masks"] == "found again", again
    t_prior, t_slow, t_compare, t_grade = _prior(store, tmp, slices, size, pk, payload, review)
    kept_bytes = len(json.dumps(payload["details"]["masks"]))
    n = len(cr.ai_nodules(payload))
    print(f"phantom {slices} x {size}²: {n} nodules; import {t_import:.2f} s")
    print(f"  pre-read (baseline)          : {t_pre:6.2f} s")
    print(f"  {n} decisions saved (each)    : {t_decide / max(n, 1) * 1000:6.1f} ms")
    print(f"  draft + rewrite from review  : {t_draft:6.2f} s = {t_draft / t_pre:.2f}x pre-read")
    print(
        f"  SEG + SR stored with the case: {t_obj:6.2f} s = {t_obj / t_pre:.2f}x pre-read"
        f"  ({len(out['paths'])} objects; masks kept with the result, {kept_bytes} bytes)"
    )
    print(f"  same, nodules found again    : {t_again:6.2f} s = {t_again / t_pre:.2f}x pre-read"
          "  (a result without kept masks: the fallback)")  # fmt: skip
    print(f"  prior CT found and aligned   : {t_prior:6.3f} s = {t_prior / t_pre:.4f}x pre-read"
          "  (lungs kept with both AI results)")  # fmt: skip
    print(
        f"  same, results without lungs  : {t_slow:6.2f} s = {t_slow / t_pre:.2f}x pre-read"
        f"  (both scans loaded, lungs found: the slow path; {t_slow / t_prior:.0f}x the fast)"
    )
    print(f"  pre-read graded vs the prior : {t_grade:6.3f} s = {t_grade / t_pre:.4f}x pre-read"
          "  (before it is stored: urgency, alert)")  # fmt: skip
    print(f"  nodules graded against it    : {t_compare * 1000:6.1f} ms (after each decision)")
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)


def _prior(store, tmp: Path, slices: int, size: int, pk: int, payload, review):
    """Seconds: prior found and aligned (lungs kept), the same by the slow path, the
    nodules graded against it, a pre-read graded against it before it is stored."""
    import pydicom

    from app.ai.result import AiResult
    from app.chest_prior_grading import grade_with_prior
    from app.chest_priors import find_prior_exam, graded_nodules
    from app.importer import run_import
    from inference.chest.phantom import build_phantom, write_series
    from inference.preread import run_preread

    ph = build_phantom((slices, size, size), (1.5, 1.4, 1.4), seed=0)
    for f in write_series(ph, tmp / "prior"):
        ds = pydicom.dcmread(f)
        ds.StudyDate = "20250101"
        ds.save_as(f)
    prior_pk = run_import(store, [tmp / "prior"]).study_pks[0]
    run_preread(store, [prior_pk])
    t = time.perf_counter()
    exam = find_prior_exam(store, pk)
    t_prior = time.perf_counter() - t
    assert exam is not None
    t = time.perf_counter()
    exam.compare(graded_nodules(payload, review))
    t_compare = time.perf_counter() - t
    t = time.perf_counter()
    graded = grade_with_prior(store, pk, AiResult.from_dict(payload))
    t_grade = time.perf_counter() - t
    assert "follow_up" in graded.details
    _drop_lungs(store, [pk, prior_pk])
    t = time.perf_counter()
    slow = find_prior_exam(store, pk)
    t_slow = time.perf_counter() - t
    assert max(abs(a - b) for a, b in zip(slow.lung_shift, exam.lung_shift, strict=True)) < 0.5
    return t_prior, t_slow, t_compare, t_grade


def _drop_lungs(store, pks) -> None:
    """The studies' AI results as stored before the lungs were kept with them."""
    from sqlalchemy import select

    from app.models import AIResult

    with store.session() as s:
        for row in s.scalars(select(AIResult).where(AIResult.study_pk.in_(pks))):
            details = {k: v for k, v in row.payload["details"].items() if k != "lungs"}
            row.payload = dict(row.payload, details=details)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--slices", type=int, default=120)
    p.add_argument("--size", type=int, default=256)
    args = p.parse_args()
    print(f"cores {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} (shared machine)")
    run(args.slices, args.size)


if __name__ == "__main__":
    main()
