"""A chest CT pre-read graded against the patient's prior chest CT before it is stored
(Qt-free): the exam's urgency then follows the Lung-RADS v2022 follow-up category
(``app.chest_followup``) by the same rule as at baseline (4B/4X urgent), so the
worklist line and the alerts (``app.ai.store.save_result``) follow a nodule that grew
into 4B.  Called through the CT analyzer's ``follow_up`` hook (``app.modalities``).

The result stays AI output: it says which prior exam it was graded against (study,
date, the prior's AI result) in ``details.follow_up``, in its rules and summary, and
in a ``CHEST_PRIOR_COMPARED`` finding; the baseline categories stay with each nodule.
The doctor still confirms.  Without a prior chest CT with a chest AI result, the
result is stored as the analyzer made it (baseline rules).
"""

from __future__ import annotations

from app import chest_followup as fu
from app.ai.result import AiResult, Finding, Urgency
from inference.chest import rules

COMPARED = "CHEST_PRIOR_COMPARED"


def grade_with_prior(store, study_pk: int, r: AiResult, state=None) -> AiResult:
    """``r`` (a chest CT result about to be stored) graded against the newest prior chest
    CT of the patient; unchanged when there is none or the study is not a chest."""
    from app.chest_priors import compare, find_prior_exam, graded_nodules

    if r.analyzer != "chest-ct" or not r.details.get("chest"):
        return r
    payload = r.to_dict()
    exam = find_prior_exam(store, study_pk, state, payload)
    if exam is None:
        return r
    current = graded_nodules(payload, None)
    pairs, gone, _shift = compare(current, exam.nodules, exam.days, exam.lung_shift)
    category = fu.exam_follow_up([p.result.category for p in pairs.values()])
    date = exam.time[:10]
    baseline = r.details.get("lung_rads")
    before = r.to_dict()  # the result as the analyzer graded it (a later prior re-grades it)
    r.details["follow_up"] = {
        "rules": "Lung-RADS v2022 follow-up",
        "prior": {
            "study_uid": _study_uid(store, exam.study_pk),
            "study_date": date,
            "days": round(exam.days),
            "ai_result_uid": exam.result_uid,
            "lung_shift_mm": [round(v, 1) for v in exam.lung_shift],
        },
        "lung_rads": category,
        "baseline_lung_rads": baseline,
        "nodules": [_nodule(p) for p in pairs.values()],
        "gone": gone,
        "baseline": {k: before[k] for k in ("urgency", "summary", "rules", "findings")},
    }
    r.urgency = Urgency.URGENT if rules.urgent(category) else Urgency.ROUTINE
    where = f"the chest CT of {date}"
    r.summary = f"{len(current)} nodule(s); Lung-RADS {category} (follow-up vs {where})"
    r.rules = f"Lung-RADS v2022 (follow-up vs {where}); Fleischner 2017"
    for f in r.findings:
        p = pairs.get(int(f.evidence.get("id", -1))) if f.code == "LUNG_NODULE" else None
        if p is not None:
            _regrade(f, p, where)
    r.findings.append(
        Finding(
            COMPARED,
            f"Graded against {where} ({exam.days:.0f} days earlier): Lung-RADS v2022"
            f" follow-up category {category} (baseline rules: {baseline})",
            evidence=dict(r.details["follow_up"]["prior"]),
        )
    )
    return r


def _nodule(p) -> dict:
    return {
        "id": p.nodule_id,
        "lung_rads": p.result.category,
        "change": p.result.change,
        "growth_mm": p.result.growth_mm,
        "prior_id": p.prior_id,
        "prior_mean_diameter_mm": p.prior_mean_mm,
    }


def _regrade(f: Finding, p, where: str) -> None:
    cat, change = p.result.category, p.result.change
    if change == fu.NEW:
        how = f"new since {where}"
    else:
        how = f"{change}, {p.result.growth_mm:+.1f} mm since {where}"
    f.text += f"; follow-up Lung-RADS {cat} ({how})"
    f.severity = "urgent" if rules.urgent(cat) else "routine"
    f.evidence.update(follow_up_lung_rads=cat, change=change, prior_id=p.prior_id)


def _study_uid(store, study_pk: int) -> str:
    from app.models import Study

    with store.read_session() as s:
        study = s.get(Study, study_pk)
        return study.uid if study is not None else ""
