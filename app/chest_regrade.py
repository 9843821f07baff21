"""A chest CT prior that arrives after the newer chest CT re-grades the newer one
(Qt-free).

The comparison with the prior is made when a chest CT result is stored
(``app.chest_prior_grading`` through ``app.ai.store.save_result``): a newer CT
pre-read before its prior was imported was graded by the baseline rules (or against
an older prior).  So, like one callback on stored data, the CT analyzer's
``on_stored`` hook runs after every chest CT result stored here: each later chest CT
of the patient whose newest earlier chest CT is now this one, and whose AI result was
not graded against it, gets a new AI result graded against it.

A stored result is never changed (the same uid is the same result on the server and
at the specialist): the new result is the old one as the analyzer made it, with a new
uid, graded again by the follow-up rules and saying so (``CHEST_PRIOR_ARRIVED``, the
earlier result's uid in ``details.regraded``).  Storing it sets the worklist urgency,
raises an urgent alert for a follow-up 4B/4X and queues it for the server.  The
doctor's decisions on the nodules (same nodules, same ids) go over to the new result,
the comparison is kept beside the review (the list and the draft grade against it),
and an open chest draft is rewritten; a signed report stays as signed (the doctor amends it if need be).
"""

from __future__ import annotations

import copy
import re
import uuid
from datetime import UTC, datetime

from app import chest_review as cr
from app.ai.result import AiResult, Finding, Urgency
from app.chest_prior_grading import COMPARED
from inference.chest import rules

ARRIVED = "CHEST_PRIOR_ARRIVED"


def regrade_later(store, study_pk: int, r: AiResult, state=None) -> list[int]:
    """After ``r`` (a chest CT result of ``study_pk``) was stored: re-grade the later
    chest CTs it is now the prior of.  Returns their study pks."""
    from app.ai.store import save_result
    from app.chest_priors import chest_payload, prior_study

    if r.analyzer != "chest-ct" or not r.details.get("chest"):
        return []
    uid = _study_uid(store, study_pk)
    done = []
    for later in later_studies(store, study_pk):
        found = prior_study(store, later)
        current = chest_payload(store, later)
        if found is None or found[0] != study_pk or current is None:
            continue  # a prior nearer in time, or no chest CT result of its own
        details = current.get("details") or {}
        if not details.get("chest") or graded_against(current) == uid:
            continue
        new = again(current, r)
        if not save_result(store, later, new):  # graded against study_pk as it is stored
            continue
        carry_review(store, later, current, new.uid)
        _refresh(store, later)
        done.append(later)
    if done:
        store.events.changed.emit(done)
    return done


def later_studies(store, study_pk: int) -> list[int]:
    """The patient's chest CT studies after this one that have a chest CT AI result."""
    from sqlalchemy import select

    from app.models import AIResult, Study

    with store.read_session() as s:
        me = s.get(Study, study_pk)
        if me is None or me.study_time is None:
            return []
        q = (
            select(Study.id, Study.study_time)
            .join(AIResult, AIResult.study_pk == Study.id)
            .where(Study.patient_pk == me.patient_pk, Study.id != study_pk,
                   Study.study_time > me.study_time, AIResult.analyzer == "chest-ct")
            .order_by(Study.study_time)
            .distinct()
        )  # fmt: skip
        return [pk for pk, _t in s.execute(q)]


def graded_against(payload: dict) -> str:
    """The Study UID of the prior chest CT a result was graded against ("" none)."""
    fu = (payload.get("details") or {}).get("follow_up") or {}
    return str((fu.get("prior") or {}).get("study_uid") or "")


def again(payload: dict, prior: AiResult) -> AiResult:
    """A new result: ``payload`` as the analyzer graded it (baseline rules), a new uid,
    saying it is graded again because the prior arrived later."""
    d = baseline(payload)
    old_uid = str(payload.get("uid") or "")
    d["uid"] = uuid.uuid4().hex
    d["created_at"] = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="milliseconds")
    d["details"]["regraded"] = {"previous_result_uid": old_uid, "prior_result_uid": prior.uid,
                                "why": "the prior chest CT was imported after this study's "
                                       "pre-read"}  # fmt: skip
    r = AiResult.from_dict(d)
    r.findings.append(
        Finding(
            ARRIVED,
            "Graded again: the prior chest CT was imported after this study's pre-read "
            "(the earlier AI result is kept)",
            evidence={"previous_result_uid": old_uid},
        )
    )
    return r


def baseline(payload: dict) -> dict:
    """The result before any follow-up grading (a copy): as saved with its follow-up,
    or, for a result graded before that was kept, rebuilt from the baseline grades."""
    d = copy.deepcopy(payload)
    details = d["details"] = dict(d.get("details") or {})
    details.pop("regraded", None)
    fu = details.pop("follow_up", None)
    d["findings"] = [f for f in d.get("findings") or [] if f.get("code") not in (COMPARED, ARRIVED)]
    if not fu:
        return d
    kept = fu.get("baseline")
    if kept:
        d.update(copy.deepcopy(kept))
        return d
    cat = str(details.get("lung_rads") or fu.get("baseline_lung_rads") or "")
    for f in d["findings"]:  # undo app.chest_prior_grading._regrade
        ev = f.get("evidence") or {}
        if f.get("code") != "LUNG_NODULE":
            continue
        f["text"] = str(f.get("text") or "").split("; follow-up Lung-RADS")[0]
        f["severity"] = "urgent" if rules.urgent(str(ev.get("lung_rads") or "")) else "routine"
        for k in ("follow_up_lung_rads", "change", "prior_id"):
            ev.pop(k, None)
    d["urgency"] = (Urgency.URGENT if rules.urgent(cat) else Urgency.ROUTINE).value
    summary = str(d.get("summary") or "")
    d["summary"] = re.sub(r"Lung-RADS \S+ \(follow-up vs [^)]*\)$", f"Lung-RADS {cat}", summary)
    d["rules"] = re.sub(r"\(follow-up vs [^)]*\)", "(baseline)", str(d.get("rules") or ""))
    return d


def carry_review(store, study_pk: int, old: dict, new_uid: str) -> None:
    """The doctor's decisions on the old result's nodules, now on the new result's
    (the same nodules with the same ids)."""
    review = cr.load_file(cr.review_path(store, study_pk))
    if review is None or review.result_uid != str(old.get("uid") or ""):
        return
    review.result_uid = new_uid
    cr.save_review(store, study_pk, review)


def _refresh(store, study_pk: int) -> None:
    from app.chest_report import refresh_draft

    refresh_draft(store, study_pk)


def _study_uid(store, study_pk: int) -> str:
    from app.models import Study

    with store.read_session() as s:
        study = s.get(Study, study_pk)
        return study.uid if study is not None else ""
