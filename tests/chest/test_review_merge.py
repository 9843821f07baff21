"""Merging the doctors' nodule decisions into the case's annotation document
(app.sync.chest_reviews): per nodule, the newer decision wins; other sites and
other keys of the document are kept."""

from __future__ import annotations

from app.chest_review import Review
from app.sync.chest_reviews import DOC_KEY, merge_review, merged_doc

CLINIC = {"code": "qingshan", "name": "DEMO clinic", "kind": "clinic"}
HOSPITAL = {"code": "county", "name": "DEMO hospital", "kind": "regional_hospital"}


def review(uid: str = "r1", **decisions) -> dict:
    r = Review(uid, "model 1")
    for key, (status, at) in decisions.items():
        d = r.decide(int(key[1:]), status, "doc")
        d.at = at
    return r.to_dict()


def test_newer_decision_wins_per_nodule():
    old = review(n1=("accepted", "2026-11-30T09:00:00"), n2=("rejected", "2026-11-30T09:05:00"))
    new = review(n1=("rejected", "2026-11-30T09:10:00"), n2=("accepted", "2026-11-30T09:01:00"),
                 n3=("accepted", "2026-11-30T09:02:00"))  # fmt: skip
    got = merge_review(old, new)["decisions"]
    assert {k: v["status"] for k, v in got.items()} == {
        "1": "rejected",  # ours is newer
        "2": "rejected",  # theirs is newer: another workstation's later decision is kept
        "3": "accepted",  # only ours
    }
    assert list(got) == ["1", "2", "3"]


def test_a_review_of_another_result_replaces_the_old_one():
    old = review("r1", n1=("accepted", "2026-11-30T10:00:00"))
    new = review("r2", n2=("rejected", "2026-11-30T09:00:00"))
    assert merge_review(old, new) == new


def test_sites_and_other_keys_are_kept():
    doc = {"geojson": {"type": "FeatureCollection", "features": []}}
    doc = merged_doc(doc, CLINIC, review(n1=("accepted", "2026-11-30T09:00:00")),
                     {"username": "doctor", "display_name": "Dr Wang"})  # fmt: skip
    doc = merged_doc(doc, HOSPITAL, review(n1=("rejected", "2026-11-30T09:30:00")))
    assert doc["geojson"] == {"type": "FeatureCollection", "features": []}
    sites = doc[DOC_KEY]
    assert sites["qingshan"]["review"]["decisions"]["1"]["status"] == "accepted"
    assert sites["qingshan"]["people"] == {"doctor": "Dr Wang"}
    assert sites["county"]["review"]["decisions"]["1"]["status"] == "rejected"
    assert sites["county"]["site"]["kind"] == "regional_hospital"
    again = merged_doc(doc, CLINIC, review(n2=("rejected", "2026-11-30T09:40:00")))
    assert set(again[DOC_KEY]["qingshan"]["review"]["decisions"]) == {"1", "2"}
    assert again[DOC_KEY]["qingshan"]["people"] == {"doctor": "Dr Wang"}
