"""The doctor's decision on each chest X-ray AI finding (Qt-free).

The same review as the CT nodules' (``app.chest_review``): each finding of the
installed chest X-ray model (code ``CXR_AI_<LABEL>``) is ``accepted``,
``rejected`` or still undecided, with who and when; the review is saved with
the case as the study's "AI chest review" (atomic JSON, autosaved on every
decision) and travels to the regional server and back with the nodule reviews
(``app.sync.chest_reviews``).  A finding's id is its place among the model's
findings of that AI result (1, 2, ...): the result never changes (a review is
tied to its uid), so the ids are stable.

The imaging report draft of the film quotes only the findings the doctor
accepted, says how many were rejected and how many are still to review, and is
rewritten after each decision (``refresh_draft``); a report is confirmed only
when every AI finding is accepted or rejected (``undecided_findings``).
"""

from __future__ import annotations

from typing import Any

from app import chest_review as cr
from app import report_templates as rt

PREFIX = "CXR_AI_"
KEPT = ("accepted", "modified")

# fmt: off
_T: dict[str, tuple[str, str]] = {
    "head": ("AI pre-read ({model}, not for clinical use); findings accepted by the doctor:",
             "AI 预读（{model}，非临床用途）；经医生认可的所见："),
    "none_accepted": ("No AI finding accepted by the doctor.", "医生未认可任何 AI 所见。"),
    "rejected": ("{n} AI finding(s) rejected by the doctor.", "医生否定 AI 所见 {n} 个。"),
    "undecided": ("{n} AI finding(s) not yet reviewed: accept or reject them in the list "
                  "beside the film.",
                  "尚有 {n} 个 AI 所见未审核：请在胸片旁的列表中认可或否定。"),
}
# fmt: on


def ai_findings(payload: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The model's findings of a chest X-ray AI result (its ``to_dict()``), each with
    its review id (1, 2, ... in the result's order)."""
    found = [f for f in (payload or {}).get("findings") or [] if _is_model(f)]
    return [dict(f, id=i) for i, f in enumerate(found, 1)]


def _is_model(f: Any) -> bool:
    return isinstance(f, dict) and str(f.get("code") or "").startswith(PREFIX)


def has_model_findings(payload: dict[str, Any] | None) -> bool:
    return bool(ai_findings(payload))


def review_for(payload: dict[str, Any], review: cr.Review | None) -> cr.Review | None:
    """``review`` when it is of this AI result, else None (a review of an older result)."""
    if review is not None and review.result_uid == str(payload.get("uid") or ""):
        return review
    return None


def status_of(review: cr.Review | None, finding_id: int) -> str:
    d = review.decisions.get(int(finding_id)) if review is not None else None
    return d.status if d is not None else ""


def kept(payload: dict[str, Any], review: cr.Review | None) -> list[dict[str, Any]]:
    """The findings the doctor accepted."""
    review = review_for(payload, review)
    return [f for f in ai_findings(payload) if status_of(review, f["id"]) in KEPT]


def undecided(payload: dict[str, Any], review: cr.Review | None) -> list[dict[str, Any]]:
    review = review_for(payload, review)
    return [f for f in ai_findings(payload) if not status_of(review, f["id"])]


def findings_lines(ai: rt.AiInput, review: cr.Review | None, lang: str) -> list[str]:
    """The imaging draft's findings of a chest X-ray read by the model: the accepted
    findings under a line naming the model, how many were rejected or wait, then the
    image check notes (never clinical findings, quoted as before)."""
    review = review_for(ai.payload, review)
    model = ai_findings(ai.payload)
    notes = [f for f in ai.findings if not _is_model(f)]
    lines = [_t("head", lang, model=ai.model)]
    accepted = [f for f in model if status_of(review, f["id"]) in KEPT]
    lines += [f"- {rt._finding_line(f, lang)}" for f in accepted] or [_t("none_accepted", lang)]
    rejected = sum(1 for f in model if status_of(review, f["id"]) == "rejected")
    if rejected:
        lines.append(_t("rejected", lang, n=rejected))
    waiting = sum(1 for f in model if not status_of(review, f["id"]))
    if waiting:
        lines.append(_t("undecided", lang, n=waiting))
    lines += [f"- {x}" for x in (rt._finding_line(f, lang) for f in notes) if x]
    return lines


def _t(key: str, lang: str, **kw: Any) -> str:
    return _T[key][rt._lang(lang)].format(**kw)


def _latest(s, study_pk: int):
    """(AiInput, review) of the study's newest AI result when it is a chest X-ray
    result with model findings, else None."""
    from sqlalchemy import select

    from app import reports
    from app.models import AnnotationSet

    ai = rt.ai_input(reports._latest_ai_row(s, study_pk))
    if ai is None or not has_model_findings(ai.payload):
        return None
    row = s.scalars(
        select(AnnotationSet).where(
            AnnotationSet.study_pk == study_pk, AnnotationSet.name == cr.REVIEW_SET
        )
    ).first()
    review = cr.load_file(row.path) if row is not None else None
    return ai, review_for(ai.payload, review)


def undecided_findings(s, study_pk: int) -> list[str]:
    """The chest X-ray AI findings of the study's latest AI result the doctor has neither
    accepted nor rejected (the report is confirmed only when there are none)."""
    found = _latest(s, study_pk)
    if found is None:
        return []
    ai, review = found
    return [str(f.get("text") or f.get("code")) for f in undecided(ai.payload, review)]


def refresh_draft(store, study_pk: int, user=None):
    """Rewrite the AI part of the open imaging draft's findings from the current review.
    The doctor's own text stays: the AI block is replaced where it stands, and a field
    the doctor rewrote without it is left alone.  Returns the ``ReportView`` (None:
    no report yet)."""
    from app import reports
    from app.models import Report, Study
    from app.report_drafts import draft_context

    view = reports.current_report(store, study_pk)
    if view is None or view.locked or view.template != "imaging":
        return view
    with store.read_session() as s:
        found = _latest(s, study_pk)
        if found is None:
            return view
        ctx = draft_context(s, s.get(Study, study_pk))
    old_ai = str(view.ai_values.get("findings") or "")
    values, _ai = rt.draft_fields(rt.get("imaging"), found[0], view.language, ctx)
    new = values["findings"]
    have = str(view.values.get("findings") or "")
    if not have.strip() or have == old_ai:
        text = new
    elif old_ai and old_ai in have:
        text = have.replace(old_ai, new, 1)
    else:
        return view  # the doctor wrote the findings without the AI's block
    view = reports.edit(store, view.id, values={"findings": text}, user=user, op="cxr review")
    with store.session() as s:
        r = s.get(Report, view.id)
        r.fields = dict(r.fields or {}, ai=dict((r.fields or {}).get("ai") or {}, findings=new))
    return reports.current_report(store, study_pk)
