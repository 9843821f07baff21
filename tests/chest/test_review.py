"""The doctor's nodule review, the chest report draft and the SEG/SR stored with the case,
on a SYNTHETIC phantom series imported and pre-read like a clinic's CT."""

from __future__ import annotations

import pytest

from app import chest_review as cr


def _ids(payload):
    by_type = {n["type"]: n["id"] for n in cr.ai_nodules(payload)}
    return by_type["solid"], by_type["ground-glass"]


def test_decisions_are_saved_with_the_case_and_recompute_lung_rads(store, ct_case):
    pk, payload = ct_case
    solid, ggo = _ids(payload)
    review = cr.load_review(store, pk, payload)
    assert cr.undecided(payload, review) == sorted([solid, ggo])
    assert cr.final_nodules(payload, review) == []  # nothing quoted before a decision
    review.decide(ggo, "rejected", "drwang")
    review.edit(solid, mean_mm=16.04, user="drwang")  # the doctor measures 16.0 mm
    cr.save_review(store, pk, review)
    again = cr.load_review(store, pk, payload)
    assert again.decisions[ggo].status == "rejected" and again.decisions[ggo].by == "drwang"
    final = cr.final_nodules(payload, again)
    assert [n["id"] for n in final] == [solid]
    n = final[0]
    assert n["mean_diameter_mm"] == 16.0 and n["lung_rads"] == "4B" and n["decision"] == "modified"
    assert n["ai_mean_diameter_mm"] < 15.0  # the AI value is kept beside the doctor's
    # the type alone: a solid nodule called ground glass by the doctor is category 2
    again.edit(solid, kind="ground-glass", user="drwang")
    assert cr.final_nodules(payload, again)[0]["lung_rads"] == "2"
    with pytest.raises(ValueError):
        again.edit(solid, mean_mm=-3)
    with pytest.raises(ValueError):
        again.edit(solid, kind="calcified")


def test_a_review_of_another_result_is_not_reused(store, ct_case):
    pk, payload = ct_case
    review = cr.load_review(store, pk, payload)
    review.decide(1, "accepted")
    cr.save_review(store, pk, review)
    other = dict(payload, uid="0" * 32)
    assert cr.load_review(store, pk, other).decisions == {}


def test_chest_report_quotes_only_accepted_nodules_with_lung_rads_and_advice(store, ct_case):
    from app import reports
    from app.chest_report import refresh_draft

    pk, payload = ct_case
    solid, ggo = _ids(payload)
    view = reports.create_draft(store, pk, language="zh_CN")
    assert view.template == "chest"
    assert "尚有 2 个 AI 结节未审核" in view.values["nodules"]
    assert "医生未认可任何 AI 结节" in view.values["nodules"]
    reports.edit(store, view.id, values={"impression": "待审核"})
    with pytest.raises(reports.ReportError) as err:
        reports.confirm(store, view.id)  # two AI nodules neither accepted nor rejected
    assert err.value.code == "undecided" and len(err.value.items) == 2
    reports.edit(store, view.id, values={"impression": "待医生填写"})
    review = cr.load_review(store, pk, payload)
    review.decide(solid, "accepted", "drwang")
    review.decide(ggo, "rejected", "drwang")
    cr.save_review(store, pk, review)
    view = refresh_draft(store, pk)
    text = view.values["nodules"]
    assert f"结节 {solid}：实性" in text and f"结节 {ggo}：" not in text
    assert "医生否定 AI 结节 1 个" in text and "未审核" not in text
    assert "Lung-RADS v2022（基线）检查分类 4A" in view.values["lung_rads"]
    assert "3 个月后低剂量 CT 复查" in view.values["lung_rads"]
    assert "Fleischner 2017" in view.values["lung_rads"]
    assert view.ai_values["nodules"] == text  # marked AI until the doctor edits it
    assert view.values["impression"] == "待医生填写"
    with pytest.raises(reports.ReportError):
        reports.confirm(store, view.id)  # the impression is the doctor's
    reports.edit(store, view.id, values={"impression": "右肺上叶实性结节，建议 3 个月复查。"})
    assert reports.confirm(store, view.id).state == "confirmed"


def test_english_draft_and_a_non_chest_result(store, ct_case):
    from app import report_templates as rt
    from app.chest_report import draft

    pk, payload = ct_case
    review = cr.load_review(store, pk, payload)
    solid, _ggo = _ids(payload)
    review.edit(solid, mean_mm=7.0, user="drwang")
    ai = rt.AiInput(1, "Huizhen chest CT classic 0.1", [], {}, payload)
    values, ai_vals = draft(ai, "en", {"chest_review": review}, "why")
    assert "solid, mean diameter 7.0 mm" in values["nodules"]
    assert "[size/type edited by the doctor; AI: solid," in values["nodules"]
    assert "exam category 3: LDCT in 6 months" in values["lung_rads"]
    not_chest = dict(payload, details=dict(payload["details"], chest=False, nodules=[]))
    values, _ = draft(rt.AiInput(1, "m 1", [], {}, not_chest), "en", {}, "why")
    assert values["nodules"].startswith("AI (m 1): not a chest study")


def test_reviewed_nodules_are_stored_as_seg_and_sr_of_the_study(store, ct_case):
    import highdicom as hd
    from sqlalchemy import select

    from app.chest_objects import store_nodule_objects
    from app.models import Outbox, StoredObject, Study

    pk, payload = ct_case
    solid, ggo = _ids(payload)
    review = cr.load_review(store, pk, payload)
    review.decide(solid, "accepted", "drwang")
    review.decide(ggo, "rejected", "drwang")
    with store.session() as s:
        s.get(Study, pk).server_id = 41  # the case is on the regional server
    out = store_nodule_objects(store, pk, payload, review)
    assert out["queued"] is True
    with store.read_session() as s:
        objs = list(s.scalars(select(StoredObject).where(StoredObject.study_pk == pk)))
        uploads = [r.payload["object_pk"] for r in s.scalars(
            select(Outbox).where(Outbox.kind == "object.upload", Outbox.study_pk == pk))]  # fmt: skip
        paths = {o.id: store.object_file(o) for o in objs}
    new = [i for i, p in paths.items() if "seg" in p.name.lower() or "sr" in p.name.lower()]
    assert len(new) == 2 and set(new) <= set(uploads)
    seg = hd.seg.segread(next(p for p in paths.values() if "seg" in p.name.lower()))
    assert seg.SOPInstanceUID == out["seg"] and len(seg.SegmentSequence) == 1  # rejected: left out
    assert seg.SegmentSequence[0].SegmentLabel == f"Nodule {solid} (AI)"
    sr = hd.sr.srread(next(p for p in paths.values() if "nodules-sr" in p.name.lower()))
    assert sr.SOPInstanceUID == out["sr"] and "reviewed by the doctor" in sr.SeriesDescription
    assert cr.load_review(store, pk, payload).objects == {"seg": out["seg"], "sr": out["sr"]}
    # the case's CT series is still what the viewer and the analyzer open
    assert len(store.open_source(pk)) == 64
