"""Chest screenshots (``ui.screenshots``): a chest CT with its AI nodules (list, marks in
2D, MPR and 3D, decisions), the chest report draft, a chest X-ray with its checks, and
one a (DEMO) finding model read, its findings accepted or rejected, and its draft.

The CT is the SYNTHETIC chest phantom (``inference.chest.phantom``, labelled so in its
headers); the X-ray is the demo's real chest CR (pydicom-data RG1_UNCR).  The regional
hospital's decisions in ``case_chest_ct_synced_*`` are DEMO decisions written as the
server's annotation document (no server runs for the screenshots); the real exchange is
tested in tests/sync/test_chest_review_sync.py.  Each phantom patient has a DEMO prior
chest CT six months earlier (one nodule smaller, one absent), so the list grades by the
Lung-RADS follow-up rules.
"""

from __future__ import annotations

from pathlib import Path


def _phantom_case(store, home: Path, lang: str) -> int | None:
    """One phantom case per language (a report keeps the language it was drafted in)."""
    from app.importer import run_import
    from inference.chest.phantom import build_phantom, write_series
    from inference.preread import run_preread

    folder = home / f"chest-phantom-{lang}"
    prior = home / f"chest-phantom-prior-{lang}"
    if not folder.exists():
        folder.mkdir(parents=True)
        seed = 2 if lang == "zh_CN" else 4
        patient = ("PHANTOM^CHEST", f"PHANTOM-{seed}")
        ph = build_phantom((100, 256, 256), (2.0, 1.4, 1.4), seed=seed)
        write_series(ph, folder, patient)
        _prior_scan(ph, prior, patient, seed)
    pks = []
    for f in (prior, folder):  # the prior first, as the clinic received them
        entries = run_import(store, [f]).entries
        pks.append(next((e.study_pk for e in entries if e.study_pk), None))
    run_preread(store, [pk for pk in pks if pk is not None])
    return pks[-1]


def _prior_scan(ph, folder: Path, patient, seed: int) -> None:
    """DEMO prior: the same SYNTHETIC patient six months earlier, without the smallest
    nodule (new now) and with the largest solid one 2.5 mm smaller (grown now)."""
    import dataclasses

    import pydicom

    from inference.chest.phantom import build_phantom, write_series

    kept = sorted(ph.nodules, key=lambda n: n.mean_mm)[1:]
    solid = [n for n in kept if n.kind == "solid"]
    grown = max(solid, key=lambda n: n.mean_mm) if solid else None
    before = [dataclasses.replace(n, long_mm=n.long_mm - 2.5, short_mm=n.short_mm - 2.5)
              if n is grown else n for n in kept]  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    old = build_phantom((100, 256, 256), (2.0, 1.4, 1.4), nodules=before, seed=seed)
    for f in write_series(old, folder, patient):
        ds = pydicom.dcmread(f)
        ds.StudyDate = ds.SeriesDate = "20250701"
        ds.save_as(f)


def _decide(panel) -> None:
    """A doctor's review under way: the largest nodule accepted, the smallest rejected,
    one edited; the rest still to review."""
    by_size = sorted(panel.nodules, key=lambda n: n["mean_diameter_mm"])
    if len(by_size) < 3:
        return
    panel.select(by_size[0]["id"])
    panel.decide("rejected")
    panel.select(by_size[1]["id"])
    panel.edit(round(by_size[1]["mean_diameter_mm"] + 1.0, 1), None)
    panel.select(by_size[-1]["id"])
    panel.decide("accepted")


def _hospital_demo(store, pk: int, panel) -> None:
    """DEMO: the regional hospital's radiologist agreed with one nodule, re-measured one and
    rejected one, as a sync would bring it (``app.sync.chest_reviews``)."""
    from app.chest_review import Review
    from app.sync.chest_reviews import keep_document, merged_doc

    by_size = sorted(panel.nodules, key=lambda n: n["mean_diameter_mm"])
    theirs = Review(panel.review.result_uid, panel.review.model)
    theirs.decide(by_size[-1]["id"], "accepted", "radiologist")
    theirs.edit(by_size[1]["id"], round(by_size[1]["mean_diameter_mm"] + 0.5, 1), None,
                "radiologist")  # fmt: skip
    theirs.decide(by_size[-2]["id"], "rejected", "radiologist")
    site = {"code": "demo-regional", "name": "DEMO 区域中心医院", "kind": "regional_hospital"}
    who = {"username": "radiologist", "display_name": "DEMO 放射科赵医生 (Dr Zhao)"}
    doc = merged_doc(None, site, theirs.to_dict(), who)
    keep_document(store, pk, {"version": 1, "data": doc}, own_site="demo-qingshan")


def chest_shots(app, store, win, save, wait_until, lang: str, home: Path) -> None:
    pk = _phantom_case(store, home, lang)
    if pk is None:
        return
    tab = win.cases.open_case(pk)
    wait_until(app, lambda: tab.viewer is not None or tab.info is not None, 30)
    viewer = tab.viewer
    if viewer is None or not hasattr(viewer, "add_side_panel"):
        return
    wait_until(app, lambda: getattr(viewer, "chest_panel", None) is not None, 60)
    wait_until(app, lambda: viewer.pane.backing is not None and viewer.pane.backing.complete, 60)
    panel = getattr(viewer, "chest_panel", None)
    if panel is None:
        return
    wait_until(app, lambda: panel.prior is not None, 90)
    viewer.apply_preset_key(1)  # lung window
    if not any(panel.review.decisions.values()):
        _decide(panel)
    largest = max(panel.nodules, key=lambda n: n["mean_diameter_mm"])
    panel.select(largest["id"])
    wait_until(app, lambda: viewer.pane.index == round(largest["centre_voxel"][2]), 20)
    save(win, f"case_chest_ct_nodules_{lang}")
    if len(panel.nodules) >= 3:
        _hospital_demo(store, pk, panel)
        viewer.chest_link._reload_others()
        wait_until(app, lambda: bool(viewer.chest_link.others), 20)
        save(win, f"case_chest_ct_synced_{lang}")
    rp = viewer.report_panel
    if rp.report is None:
        rp.start()
        wait_until(app, lambda: rp.report is not None, 30)
    sizes = viewer.side.sizes()
    viewer.side.setSizes([0] * (len(sizes) - 1) + [sum(sizes)])  # the report at full height
    save(win, f"case_chest_report_{lang}")
    viewer.side.setSizes(sizes)
    viewer.a_mpr.setChecked(True)
    vv = viewer.volume_viewer
    if vv is not None:
        vv.preset3d.setCurrentIndex(max(vv.preset3d.findData("ct-lung"), 0))
        wait_until(app, lambda: vv.mpr.complete, 60)
        vv.mpr.apply_preset_key(1)
        panel.select(largest["id"])
        wait_until(app, lambda: vv.render3d is not None and vv.render3d.grab_array() is not None,
                   180)  # fmt: skip
        save(win, f"case_chest_ct_mpr_3d_{lang}")
        viewer.a_mpr.setChecked(False)
    cxr_shot(app, store, win, save, wait_until, lang, home)


def cxr_shot(app, store, win, save, wait_until, lang: str, home: Path | None = None) -> None:
    rows = [r for r in store.worklist_rows() if r.modality == "CR"]
    if not rows:
        return
    tab = win.cases.open_case(rows[0].study_pk)
    wait_until(app, lambda: tab.viewer is not None or tab.info is not None, 30)
    viewer = tab.viewer
    if viewer is None or not hasattr(viewer, "add_side_panel"):
        return
    wait_until(app, lambda: getattr(viewer, "cxr_panel", None) is not None, 30)
    wait_until(app, lambda: viewer.image is not None, 30)
    save(win, f"case_chest_xray_checks_{lang}")
    if home is not None:
        cxr_review_shot(app, store, win, save, wait_until, lang, _demo_film(store, home))


def _demo_film(store, home: Path) -> int:
    """The demo's real chest CR (pydicom-data RG1_UNCR) once more, for a DEMO patient of
    its own, so the (DEMO) model result touches no other screenshot's case."""
    import pydicom

    from app.demo.build import DemoPatient, relabel, sample_path
    from app.importer import run_import

    path = home / "cxr-ai-demo.dcm"
    if not path.exists():
        ds = pydicom.dcmread(sample_path("RG1_UNCR.dcm"))
        relabel(ds, DemoPatient("DEMO-0011", "DEMO^钱芳", "F", "19680304"), 0, "Chest PA")
        ds.StudyDate = "20261121"
        ds.save_as(path, enforce_file_format=True)
    return next(e.study_pk for e in run_import(store, [path]).entries if e.study_pk)


DEMO_MODEL = {"id": "demo-cxr-screenshot", "version": "0", "not_for_clinical_use": True,
              "name": "DEMO chest X-ray findings (screenshot only, not a trained model)"}  # fmt: skip


def _demo_model_result(store, pk: int) -> None:
    """DEMO: a chest X-ray finding model's result on the film (two positive labels), as
    the installed ONNX slot would store it; no trained model ships, so the screenshot
    shows a result made here, named so.  The real path is tested with a real ONNX graph
    in tests/chest/test_cxr_review.py."""
    import numpy as np

    from app.ai.store import latest_result, save_result
    from inference.chest.cxr_findings import model_result
    from inference.chest.cxr_model import code_of, encode_map, text_of

    found = latest_result(store, pk)
    if found is None:  # the image checks first, as the pre-read makes them
        from inference.preread import run_preread

        run_preread(store, [pk])
        found = latest_result(store, pk)
    if found is None or found[1].model.id == DEMO_MODEL["id"]:
        return
    heat = np.zeros((32, 32), np.float32)
    heat[8:20, 6:14] = 0.9
    probs = {"cardiomegaly": 0.81, "pneumothorax": 0.64, "effusion": 0.22}
    positives = [{"label": k, "code": code_of(k), "text": text_of(k), "probability": v,
                  "urgent": k == "pneumothorax", "peak_rc": [400, 300],
                  "heatmap": encode_map(heat)} for k, v in probs.items() if v >= 0.5]  # fmt: skip
    reading = {"model": DEMO_MODEL, "positives": positives, "threshold": 0.5,
               "probabilities": probs, "urgency": "urgent", "film_shape": [2140, 1760]}  # fmt: skip
    checks = dict((found[1].details or {}).get("checks") or {})
    save_result(store, pk, model_result(reading, checks, []))


def cxr_review_shot(app, store, win, save, wait_until, lang: str, pk: int) -> None:
    """A film the (DEMO) finding model read: cardiomegaly accepted, pneumothorax still to
    review."""
    _demo_model_result(store, pk)
    if win.cases.tab_for(pk) is not None:  # opened before the result was there: again
        win.cases.reload_case(pk)
    tab = win.cases.tab_for(pk) or win.cases.open_case(pk)
    wait_until(app, lambda: tab.viewer is not None or tab.info is not None, 30)
    viewer = tab.viewer
    if viewer is None or not hasattr(viewer, "add_side_panel"):
        return
    wait_until(app, lambda: getattr(getattr(viewer, "cxr_panel", None), "review", None), 60)
    wait_until(app, lambda: viewer.image is not None, 30)
    lst = getattr(getattr(viewer, "cxr_panel", None), "review", None)
    if lst is None:
        return
    if not any(d.status for d in lst.review.decisions.values()):
        lst.select(1)
        lst.decide("accepted")
    save(win, f"case_chest_xray_review_{lang}")
    rp = viewer.report_panel
    if rp.report is None:  # the draft quotes the accepted finding only
        rp.start()
        wait_until(app, lambda: rp.report is not None, 30)
    save(win, f"case_chest_xray_report_{lang}")
