"""The structured chest CT report draft (template ``chest``), Qt-free.

Quotes only the nodules the doctor accepted (or accepted with an edited size
or type) in the nodule review (``app.chest_review``), each with its Lung-RADS
v2022 category recomputed from the final values; then the exam category with
its management advice and Fleischner 2017 advice for an incidental nodule.
The AI-written fields are marked AI (``ai_values``) until the doctor edits
them; the impression is the doctor's.  ``refresh_draft`` rewrites the AI
fields of an open draft after the doctor changed a decision.
"""

from __future__ import annotations

from typing import Any

from app import chest_review as cr
from app import report_templates as rt
from inference.chest import rules

# fmt: off
_T: dict[str, tuple[str, str]] = {
    "ai_head": ("AI pre-read ({model}, not for clinical use); nodules accepted by the doctor:",
                "AI 预读（{model}，非临床用途）；经医生认可的结节："),
    "line": ("- Nodule {id}: {type}, mean diameter {mean:.1f} mm ({long:.1f} x {short:.1f} mm), "
             "volume {volume:.0f} mm³, image {image} — Lung-RADS {cat}{edited}",
             "- 结节 {id}：{type}，平均直径 {mean:.1f} mm（{long:.1f} × {short:.1f} mm），"
             "体积 {volume:.0f} mm³，第 {image} 层 — Lung-RADS {cat}{edited}"),
    "edited": (" [size/type edited by the doctor; AI: {ai_type}, {ai_mean:.1f} mm]",
               "【医生修改大小/类型；AI：{ai_type}，{ai_mean:.1f} mm】"),
    "none_accepted": ("No AI nodule accepted by the doctor.", "医生未认可任何 AI 结节。"),
    "rejected": ("{n} AI nodule(s) rejected by the doctor.", "医生否定 AI 结节 {n} 个。"),
    "undecided": ("{n} AI nodule(s) not yet reviewed: accept or reject them in the nodule list.",
                  "尚有 {n} 个 AI 结节未审核：请在结节列表中认可或否定。"),
    "no_nodule": ("AI ({model}) found no lung nodule of 4 mm or more; review the images.",
                  "AI（{model}）未发现 4 mm 及以上肺结节；请阅片确认。"),
    "not_chest": ("AI ({model}): not a chest study; no nodule analysis.",
                  "AI（{model}）：非胸部检查，未做结节分析。"),
    "exam": ("Lung-RADS v2022 (baseline) exam category {cat}: {management}",
             "Lung-RADS v2022（基线）检查分类 {cat}：{management}"),
    "exam_fu": ("Lung-RADS v2022 (follow-up, compared with the chest CT of {date}) exam category "
                "{cat}: {management}",
                "Lung-RADS v2022（随访，对比 {date} 胸部 CT）检查分类 {cat}：{management}"),
    "new": (" (new since the CT of {date})", "（{date} CT 上无，新发）"),
    "growing": (" (grew from {prior:.1f} mm on the CT of {date}: {growth:+.1f} mm)",
                "（{date} CT 上为 {prior:.1f} mm，增大 {growth:+.1f} mm）"),
    "crossed": (" ({prior:.1f} mm on the CT of {date}: {growth:+.1f} mm)",
                "（{date} CT 上为 {prior:.1f} mm，变化 {growth:+.1f} mm）"),
    "stable": (" (stable since the CT of {date}: {prior:.1f} mm)",
               "（与 {date} CT 比较稳定：当时 {prior:.1f} mm）"),
    "fleischner": ("Fleischner 2017 (incidental nodule, adult >= 35 years), nodule {id}: "
                   "low risk: {low}; high risk: {high}",
                   "Fleischner 2017（偶发结节，35 岁以上成人），结节 {id}：低危：{low}；高危：{high}"),
}
TYPE_TEXT = {
    rules.SOLID: ("solid", "实性"),
    rules.PART_SOLID: ("part-solid", "部分实性"),
    rules.GROUND_GLASS: ("ground glass", "磨玻璃"),
}
MANAGEMENT_ZH = {
    "1": "继续每年低剂量 CT 筛查（12 个月后）",
    "2": "继续每年低剂量 CT 筛查（12 个月后）",
    "3": "6 个月后低剂量 CT 复查",
    "4A": "3 个月后低剂量 CT 复查；实性成分 ≥ 8 mm 时可考虑 PET/CT",
    "4B": "诊断性胸部 CT（平扫或增强）；实性成分 ≥ 8 mm 时行 PET/CT；组织活检；转诊进一步临床评估",
    "4X": "同 4B：诊断性胸部 CT、PET/CT、组织活检；转诊",
}
FLEISCHNER_ZH = {
    "No routine follow-up": "无需常规随访",
    "Optional CT at 12 months": "可选 12 个月时 CT 复查",
    "CT at 6-12 months, then consider CT at 18-24 months":
        "6-12 个月 CT 复查，之后考虑 18-24 个月复查",
    "CT at 6-12 months, then CT at 18-24 months": "6-12 个月 CT 复查，之后 18-24 个月复查",
    "Consider CT at 3 months, PET/CT, or tissue sampling": "考虑 3 个月 CT 复查、PET/CT 或组织活检",
    "CT at 3-6 months, then consider CT at 18-24 months":
        "3-6 个月 CT 复查，之后考虑 18-24 个月复查",
    "CT at 3-6 months, then CT at 18-24 months": "3-6 个月 CT 复查，之后 18-24 个月复查",
    "CT at 6-12 months to confirm persistence, then CT every 2 years until 5 years":
        "6-12 个月 CT 确认是否持续存在，之后每 2 年复查至 5 年",
    "CT at 3-6 months to confirm persistence; if unchanged and solid component < 6 mm,"
    " annual CT for 5 years":
        "3-6 个月 CT 确认是否持续存在；若无变化且实性成分 < 6 mm，每年 CT 复查至 5 年",
    "CT at 3-6 months; if stable, consider CT at 2 and 4 years": "3-6 个月 CT 复查；若稳定，考虑 2 年和 4 年时复查",
    "CT at 3-6 months; subsequent management based on the most suspicious nodule(s)":
        "3-6 个月 CT 复查；后续处理依据最可疑的结节",
}
CXR_ZH = {  # the chest X-ray check notes (inference.chest.cxr.CHECK_FINDINGS) in Chinese
    "CXR_CHECKS_ONLY": "仅做图像检查；未安装病变识别模型",
    "CXR_LATERAL": "侧位片：以下检查针对正位片",
    "CXR_VIEW_UNKNOWN": "体位未知（无 ViewPosition，且未识别到肺野）",
    "CXR_EXPOSURE": "曝光可能不当（像素饱和或对比度低）",
    "CXR_ROTATION": "可能存在旋转或倾斜（两肺野不对称）",
    "CXR_NO_LUNG_FIELDS": "未识别到肺野：请确认是否为胸片",
    "CXR_MODEL_FRONTAL_ONLY": "仅做图像检查：病变识别模型只读取正位片",
    "CXR_AI_ATELECTASIS": "肺不张（AI）",
    "CXR_AI_CARDIOMEGALY": "心影增大（AI）",
    "CXR_AI_EFFUSION": "胸腔积液（AI）",
    "CXR_AI_INFILTRATION": "浸润影（AI）",
    "CXR_AI_MASS": "肿块（AI）",
    "CXR_AI_NODULE": "结节（AI）",
    "CXR_AI_PNEUMONIA": "肺炎（AI）",
    "CXR_AI_PNEUMOTHORAX": "气胸（AI）",
    "CXR_AI_CONSOLIDATION": "实变（AI）",
    "CXR_AI_EDEMA": "肺水肿（AI）",
    "CXR_AI_EMPHYSEMA": "肺气肿（AI）",
    "CXR_AI_FIBROSIS": "纤维化（AI）",
    "CXR_AI_PLEURAL_THICKENING": "胸膜增厚（AI）",
    "CXR_AI_HERNIA": "膈疝（AI）",
}
# fmt: on


def _t(key: str, lang: str, **kw: Any) -> str:
    return _T[key][rt._lang(lang)].format(**kw)


def type_text(kind: str, lang: str) -> str:
    return TYPE_TEXT.get(kind, (kind, kind))[rt._lang(lang)]


def management_text(cat: str, lang: str) -> str:
    return MANAGEMENT_ZH.get(cat, "") if lang == "zh_CN" else rules.MANAGEMENT.get(cat, "")


def _advice(text: str, lang: str) -> str:
    return FLEISCHNER_ZH.get(text, text) if lang == "zh_CN" else text


def nodule_line(n: dict[str, Any], lang: str) -> str:
    edited = ""
    if n.get("decision") == "modified":
        edited = _t(
            "edited",
            lang,
            ai_type=type_text(str(n.get("ai_type") or ""), lang),
            ai_mean=float(n.get("ai_mean_diameter_mm") or 0.0),
        )
    voxel = n.get("centre_voxel") or [0, 0, 0]
    return _t(
        "line",
        lang,
        id=n["id"],
        type=type_text(n["type"], lang),
        mean=float(n["mean_diameter_mm"]),
        long=float(n.get("long_axis_mm") or 0.0),
        short=float(n.get("short_axis_mm") or 0.0),
        volume=float(n.get("volume_mm3") or 0.0),
        image=int(round(float(voxel[2]))) + 1,
        cat=n["lung_rads"],
        edited=edited + str(n.get("change_note") or ""),
    )


def _followed(final: list, prior, payload: dict, review, lang: str) -> list:
    """The kept nodules with their follow-up category and what changed since the prior."""
    from app.chest_priors import graded_nodules

    pairs, _gone = prior.compare(graded_nodules(payload, review))
    out = []
    for n in final:
        p = pairs.get(int(n["id"]))
        if p is None:
            out.append(n)
            continue
        r = p.result
        note = _t(r.change, lang, date=prior.time[:10], prior=p.prior_mean_mm or 0.0,
                  growth=r.growth_mm or 0.0)  # fmt: skip
        out.append(dict(n, lung_rads=r.category, change_note=note))
    return out


def draft(ai: rt.AiInput | None, lang: str, ctx: dict[str, Any], why: str):
    """(values, ai_values) of the chest template."""
    values: dict[str, str] = {"impression": rt.text("doctor", lang)}
    if ai is None:
        values.update(nodules=why, lung_rads=why)
        return values, {}
    payload = ai.payload
    details = payload.get("details") or {}
    review = ctx.get("chest_review")
    if review is not None and review.result_uid != str(payload.get("uid") or ""):
        review = None  # a review of another (older) AI result
    if details.get("chest") is False:
        values["nodules"] = values["lung_rads"] = _t("not_chest", lang, model=ai.model)
        return values, dict(nodules=values["nodules"], lung_rads=values["lung_rads"])
    if not cr.ai_nodules(payload):
        values["nodules"] = _t("no_nodule", lang, model=ai.model)
        values["lung_rads"] = _t("exam", lang, cat="1", management=management_text("1", lang))
        return values, dict(nodules=values["nodules"], lung_rads=values["lung_rads"])
    final = cr.final_nodules(payload, review)
    prior = ctx.get("chest_prior")
    if prior is not None:  # graded by the follow-up rules against the prior chest CT
        final = _followed(final, prior, payload, review, lang)
    lines = [_t("ai_head", lang, model=ai.model)]
    lines += [nodule_line(n, lang) for n in final] or [_t("none_accepted", lang)]
    rejected = sum(
        1 for d in (review.decisions.values() if review else []) if d.status == "rejected"
    )
    if rejected:
        lines.append(_t("rejected", lang, n=rejected))
    waiting = len(cr.undecided(payload, review))
    if waiting:
        lines.append(_t("undecided", lang, n=waiting))
    cat = rules.exam_category([n["lung_rads"] for n in final])
    advice = [_t("exam", lang, cat=cat, management=management_text(cat, lang))]
    if prior is not None:
        advice = [_t("exam_fu", lang, cat=cat, date=prior.time[:10],
                     management=management_text(cat, lang))]  # fmt: skip
    for n in final:
        f = n["fleischner"]
        advice.append(
            _t(
                "fleischner",
                lang,
                id=n["id"],
                low=_advice(f["low_risk"], lang),
                high=_advice(f["high_risk"], lang),
            )
        )
    values["nodules"] = "\n".join(lines)
    values["lung_rads"] = "\n".join(advice)
    return values, dict(nodules=values["nodules"], lung_rads=values["lung_rads"])


def is_chest_study(s, study_pk: int) -> bool:
    """Whether the study's newest chest CT AI result found lungs (a chest study)."""
    from sqlalchemy import select

    from app.models import AIResult

    row = s.scalars(
        select(AIResult)
        .where(AIResult.study_pk == study_pk, AIResult.analyzer == "chest-ct")
        .order_by(AIResult.id.desc())
    ).first()
    details = (row.payload or {}).get("details") or {} if row is not None else {}
    return bool(details.get("chest"))


def undecided_nodules(s, study_pk: int) -> list[str]:
    """The AI nodules of the study's latest AI result the doctor has neither accepted nor
    rejected (a chest report is confirmed only when there are none)."""
    from sqlalchemy import select

    from app import reports
    from app.models import AnnotationSet

    ai = rt.ai_input(reports._latest_ai_row(s, study_pk))
    if ai is None:
        return []
    row = s.scalars(
        select(AnnotationSet).where(
            AnnotationSet.study_pk == study_pk, AnnotationSet.name == cr.REVIEW_SET
        )
    ).first()
    review = cr.load_file(row.path) if row is not None else None
    if review is not None and review.result_uid != str(ai.payload.get("uid") or ""):
        review = None
    return [f"Nodule {i}" for i in cr.undecided(ai.payload, review)]


def refresh_draft(store, study_pk: int, user=None):
    """Rewrite the AI fields of the study's open chest draft from the current review;
    the doctor's impression stays.  Returns the ``ReportView`` (None: no report yet)."""
    from app import reports
    from app.models import Report, Study
    from app.report_drafts import draft_context

    view = reports.current_report(store, study_pk)
    if view is None or view.locked or view.template != "chest":
        return view
    with store.read_session() as s:
        ai = rt.ai_input(reports._latest_ai_row(s, study_pk))
        ctx = draft_context(s, s.get(Study, study_pk))
    values, ai_vals = draft(ai, view.language, ctx, rt.text("no_ai", view.language))
    keep = {k: values[k] for k in ("nodules", "lung_rads")}
    view = reports.edit(store, view.id, values=keep, user=user, op="chest review")
    with store.session() as s:
        r = s.get(Report, view.id)
        r.fields = dict(r.fields or {}, ai=dict((r.fields or {}).get("ai") or {}, **ai_vals))
    return reports.current_report(store, study_pk)
