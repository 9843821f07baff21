"""The ophthalmologist's review of a fundus photo's AI result (Qt-free): each lesion
candidate confirmed or rejected, and each eye's grade confirmed or corrected.

Decisions are saved at once (atomic JSON beside the study's files, ``review/``),
with who and when, and audited; they are kept per AI result (a new result starts
a new review).  ``reviewed()`` gives the eye as the doctor left it: rejected
candidates removed, the grade suggested again from what remains (the same ICDR
rules), and the counts of confirmed / rejected / still open candidates.  The
report draft and the per-eye confirmation read it, so the report and the consult
carry the doctor's decisions, not the raw AI.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DECISIONS = ("confirmed", "rejected")
EYE_ACTIONS = ("confirmed", "corrected")


def review_path(store, study_pk: int) -> Path:
    return Path(store.data_dir) / "review" / f"fundus_{int(study_pk)}.json"


def lesion_key(les: dict[str, Any]) -> str:
    """Stable within one AI result: type and position in the photo's pixels."""
    return f"{les['type']}@{float(les['x']):.0f},{float(les['y']):.0f}"


def load(store, study_pk: int, result_uid: str = "") -> dict[str, Any]:
    """The saved review (empty when none, or when it belongs to another AI result)."""
    import json

    empty = {"result_uid": result_uid, "lesions": {}, "eyes": {}}
    try:
        data = json.loads(review_path(store, study_pk).read_text("utf-8"))
    except (OSError, ValueError):
        return empty
    if not isinstance(data, dict) or (result_uid and data.get("result_uid") != result_uid):
        return empty
    data.setdefault("lesions", {})
    data.setdefault("eyes", {})
    return data


def _save(store, study_pk: int, data: dict[str, Any], **audit) -> dict[str, Any]:
    from app.domain import AuditAction
    from app.fileio import atomic_write_json

    path = review_path(store, study_pk)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_json(path, data)
    with store.session() as s:
        store.audit(s, AuditAction.REPORT_EDIT, study_pk, fundus_review=audit)
    return data


def _stamp(username: str) -> dict[str, str]:
    return {"by": username, "at": datetime.now(UTC).isoformat(timespec="seconds")}


def decide(
    store, study_pk: int, result_uid: str, key: str, decision: str | None, username: str = ""
) -> dict[str, Any]:
    """Confirm or reject one lesion candidate (None: undecided again); saved at once."""
    if decision is not None and decision not in DECISIONS:
        raise ValueError(f"decision must be one of {DECISIONS} or None, not {decision!r}")
    data = load(store, study_pk, result_uid)
    data["result_uid"] = result_uid
    if decision is None:
        data["lesions"].pop(key, None)
    else:
        data["lesions"][key] = {"decision": decision, **_stamp(username)}
    return _save(store, study_pk, data, lesion=key, decision=decision or "undecided")


def decide_eye(
    store, study_pk: int, result_uid: str, eye: str, grade: str, ai_grade: str, username: str = ""
) -> dict[str, Any]:
    """The doctor's grade code for ``eye`` (OD/OS): confirmed when it is the AI's
    (after the lesion review), corrected otherwise."""
    data = load(store, study_pk, result_uid)
    data["result_uid"] = result_uid
    action = "confirmed" if grade == ai_grade else "corrected"
    data["eyes"][eye] = {"grade": grade, "ai_grade": ai_grade, "action": action, **_stamp(username)}
    return _save(store, study_pk, data, eye=eye, grade=grade, action=action)


def reviewed(eye: dict[str, Any], review: dict[str, Any] | None) -> dict[str, Any]:
    """The eye with the doctor's lesion decisions applied (a copy; the AI's stays)."""
    if not review or not eye.get("gradable") or not review.get("lesions"):
        return eye
    from inference.fundus import grading
    from inference.fundus.lesions import Lesion

    decided = review["lesions"]
    kept, tally = [], {"confirmed": 0, "rejected": 0, "open": 0}
    for les in eye.get("lesions") or []:
        d = (decided.get(lesion_key(les)) or {}).get("decision") or "open"
        tally[d] += 1
        if d != "rejected":
            kept.append(dict(les, review=d))
    disc = eye.get("disc") or {}
    dd = float(disc.get("diameter_px") or 1.0)
    objs = [Lesion(x["type"], x["x"], x["y"], x["radius_px"], x["confidence"]) for x in kept]
    out = dict(eye)
    out.update(grading.grade_eye(objs, eye.get("fovea"), dd))
    out["lesions"] = kept
    out["review"] = tally
    out["categories"] = grading.builtin_categories(out)
    return out


def reviews_of(store, study_pks: list[int]) -> dict[str, dict[str, Any]]:
    """AI result uid -> its saved review, for the given studies (those that have one)."""
    out = {}
    for pk in study_pks:
        data = load(store, pk)
        if data.get("result_uid") and (data["lesions"] or data["eyes"]):
            out[data["result_uid"]] = data
    return out


def grade_code(eye: dict[str, Any]) -> str:
    if not eye.get("gradable"):
        return "ungradable"
    g = eye.get("icdr_grade")
    return f"icdr{g}" if g is not None else ""
