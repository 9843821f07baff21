"""Report templates, one per kind of study, keyed by template id (Qt-free).

A template names its fields; ``draft_fields`` fills them from the study's
stored AI result, in the report's language, marking which values came from
the AI.  A field is never blank: a value the AI could not give says why
("not measured: no AI result").  The modality descriptor refers to a
template by its id; ``template_for_modality`` is the fallback table.

Field labels here are the report's stored wording (the report is a clinical
document in one language); the UI shows its own translated labels
(``ui.report.texts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class FieldSpec:
    key: str
    kind: str = "text"  # text | grade | ai (read-only AI quote)
    group: str = ""  # "od" | "os" for the per-eye fundus fields


@dataclass(frozen=True)
class Template:
    id: str
    fields: tuple[FieldSpec, ...]
    conclusion: str  # the field sent as the report's conclusion
    uses_checklist: bool = False  # AI findings confirmed one by one (ECG)

    def field_keys(self) -> list[str]:
        return [f.key for f in self.fields]

    def spec(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)


TEMPLATES: dict[str, Template] = {
    t.id: t
    for t in (
        Template("ecg", (FieldSpec("interpretation"),), "interpretation", uses_checklist=True),
        Template("imaging", (FieldSpec("findings"), FieldSpec("impression")), "impression"),
        Template(
            "fundus",
            (
                FieldSpec("od_findings", group="od"),
                FieldSpec("od_grade", "grade", group="od"),
                FieldSpec("os_findings", group="os"),
                FieldSpec("os_grade", "grade", group="os"),
                FieldSpec("referral"),
            ),
            "referral",
        ),
        Template(
            "pathology",
            (FieldSpec("ai_counts", "ai"), FieldSpec("microscopic"), FieldSpec("diagnosis")),
            "diagnosis",
        ),
        Template(
            "chest",
            (FieldSpec("nodules"), FieldSpec("lung_rads"), FieldSpec("impression")),
            "impression",
        ),
        Template("generic", (FieldSpec("report"), FieldSpec("conclusion")), "conclusion"),
    )
}
# ICDR diabetic retinopathy grade (REFERENCE.md section 3), "" = not graded yet
GRADES = ("", "icdr0", "icdr1", "icdr2", "icdr3", "icdr4", "ungradable")

# fmt: off
LABELS: dict[str, tuple[str, str]] = {  # key -> (English, Chinese)
    "interpretation": ("Interpretation", "心电图诊断意见"),
    "findings": ("Findings", "影像所见"),
    "impression": ("Impression", "诊断意见"),
    "od_findings": ("Right eye (OD) findings", "右眼（OD）所见"),
    "od_grade": ("Right eye (OD) grade", "右眼（OD）分级"),
    "os_findings": ("Left eye (OS) findings", "左眼（OS）所见"),
    "os_grade": ("Left eye (OS) grade", "左眼（OS）分级"),
    "referral": ("Referral advice", "转诊建议"),
    "ai_counts": ("AI counts (AI output, not a diagnosis)", "AI 计数（AI 输出，非诊断）"),
    "microscopic": ("Microscopic description", "镜下所见"),
    "diagnosis": ("Diagnosis", "病理诊断"),
    "nodules": ("Lung nodules (AI, reviewed by the doctor)", "肺结节（AI，经医生审核）"),
    "lung_rads": ("Lung-RADS category and advice", "Lung-RADS 分类及建议"),
    "report": ("Report", "报告"),
    "conclusion": ("Conclusion", "结论"),
}
GRADE_TEXT: dict[str, tuple[str, str]] = {
    "": ("not graded", "未分级"),
    "icdr0": ("ICDR 0: no apparent retinopathy", "ICDR 0 级：无明显视网膜病变"),
    "icdr1": ("ICDR 1: mild NPDR", "ICDR 1 级：轻度非增殖期"),
    "icdr2": ("ICDR 2: moderate NPDR (referable)", "ICDR 2 级：中度非增殖期（需转诊）"),
    "icdr3": ("ICDR 3: severe NPDR (referable)", "ICDR 3 级：重度非增殖期（需转诊）"),
    "icdr4": ("ICDR 4: proliferative DR (referable)", "ICDR 4 级：增殖期（需转诊）"),
    "ungradable": ("ungradable image (refer)", "图像不可分级（需转诊）"),
}
_T: dict[str, tuple[str, str]] = {
    "no_ai": ("not assessed: no AI result for this study", "未评估：本检查无 AI 结果"),
    "no_model": ("not assessed: no AI model for this kind of study",
                 "未评估：此类检查没有 AI 模型"),
    "ai_nothing": ("AI ({model}) found nothing to report; review the image.",
                   "AI（{model}）未提示异常；请阅片确认。"),
    "not_imaged": ("not imaged in this study", "本次检查未拍摄该眼"),
    "doctor": ("to be written by the doctor", "待医生填写"),
    "no_counts": ("not measured: no AI detection run on this slide",
                  "未测得：本切片未运行 AI 检测"),
    "counts": ("{n} nuclei detected by AI ({model}, not for clinical use)",
               "AI 检出细胞核 {n} 个（{model}，非临床用途）"),
    "referral_ai": ("AI grade suggests referral; confirm after review.",
                    "AI 分级提示需转诊；请阅片后确认。"),
    "ai_label": ("AI-suggested ({model}); must be confirmed by a doctor",
                 "AI 建议（{model}）；须经医生确认"),
}
# fmt: on


def _lang(language: str) -> int:
    return 1 if language == "zh_CN" else 0


def text(key: str, language: str, **kw: Any) -> str:
    return _T[key][_lang(language)].format(**kw)


def label(key: str, language: str) -> str:
    return LABELS.get(key, (key, key))[_lang(language)]


def grade_text(code: str, language: str) -> str:
    return GRADE_TEXT.get(code, (code, code))[_lang(language)]


def template_for_modality(modality: str) -> Template:
    """The template the modality's descriptor names (generic when it names none)."""
    from app.modalities import descriptor

    d = descriptor(str(modality))
    return TEMPLATES.get(d.report_template if d is not None else "", TEMPLATES["generic"])


def template_for_study(s, study) -> Template:
    """The study's template: its modality's, except a CT the chest AI read as a chest
    (lungs found) gets the chest report (a head CT keeps the imaging report)."""
    template = template_for_modality(study.modality)
    if str(study.modality).upper() == "CT":
        from app.chest_report import is_chest_study

        if is_chest_study(s, study.id):
            return TEMPLATES["chest"]
    return template


def get(template_id: str | None) -> Template:
    return TEMPLATES.get(template_id or "", TEMPLATES["generic"])


@dataclass
class AiInput:
    """What a draft needs from one stored AI result (today's ``AIResult`` rows)."""

    result_id: int | None
    model: str  # "name version"
    findings: list[dict[str, Any]] = field(default_factory=list)
    measurements: dict[str, Any] = field(default_factory=dict)
    payload: dict[str, Any] = field(default_factory=dict)


def ai_input(row) -> AiInput | None:
    """An ``AIResult`` row (or None) -> ``AiInput``; the one place that knows its shape."""
    if row is None:
        return None
    from app.ai.result import AiResult

    result = AiResult.from_dict(
        dict(row.payload or {}), model_name=row.model_name, model_version=row.model_version
    )
    payload = result.to_dict()
    return AiInput(
        row.id,
        result.model.label or "unnamed model",
        list(payload.get("findings") or []),
        dict(payload.get("measurements") or {}),
        payload,
    )


def _finding_line(f: dict[str, Any], language: str = "en") -> str:
    if language == "zh_CN":  # chest X-ray check notes have their Chinese wording
        from app.chest_report import CXR_ZH

        zh = CXR_ZH.get(str(f.get("code") or ""))
        if zh:
            return zh
    return str(f.get("text") or f.get("code") or "").strip()


def _eye(f: dict[str, Any]) -> str:
    ev = f.get("evidence") or {}
    side = str(f.get("laterality") or f.get("eye") or ev.get("eye") or f.get("territory") or "")
    side = {"OD": "R", "OS": "L"}.get(side.upper(), side.upper()[:1])
    return {"R": "od", "L": "os"}.get(side, "")


def draft_fields(
    template: Template,
    ai: AiInput | None,
    language: str,
    context: dict[str, Any] | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """(values, ai_values): every field filled; ``ai_values`` holds what the AI wrote.

    ``context``: ``laterality`` ("R"/"L") of a fundus photo, ``counts`` (name ->
    (count, analyzer)) for slides, ``has_model`` False when the modality has none.
    """
    ctx = context or {}
    lang = language if language in LANGUAGES else "en"
    why = text("no_ai" if ctx.get("has_model", True) else "no_model", lang)
    values: dict[str, str] = {}
    ai_vals: dict[str, str] = {}
    lines = [_finding_line(f, lang) for f in (ai.findings if ai else [])]
    lines = [x for x in lines if x]
    if template.id == "imaging":
        if ai is None:
            values = {"findings": why, "impression": text("doctor", lang)}
        else:
            found = "\n".join(f"- {x}" for x in lines) or text("ai_nothing", lang, model=ai.model)
            from app import cxr_review

            if cxr_review.has_model_findings(ai.payload):  # only what the doctor accepted
                found = "\n".join(cxr_review.findings_lines(ai, ctx.get("chest_review"), lang))
            ai_vals = {"findings": found}
            values = {"findings": found, "impression": text("doctor", lang)}
    elif template.id == "fundus":
        values, ai_vals = _fundus(ai, lang, ctx, why)
    elif template.id == "pathology":
        counts = ctx.get("counts") or {}
        quoted = [text("counts", lang, n=n, model=model) for _k, (n, model) in counts.items()]
        values["ai_counts"] = "\n".join(quoted) or text("no_counts", lang)
        if quoted:
            ai_vals["ai_counts"] = values["ai_counts"]
        values["microscopic"] = "\n".join(f"- {x}" for x in lines) or text("doctor", lang)
        if lines:
            ai_vals["microscopic"] = values["microscopic"]
        values["diagnosis"] = text("doctor", lang)
    elif template.id == "chest":
        from app import chest_report

        values, ai_vals = chest_report.draft(ai, lang, ctx, why)
    elif template.id == "generic":
        values["report"] = "\n".join(f"- {x}" for x in lines) if lines else why
        if lines:
            ai_vals["report"] = values["report"]
        values["conclusion"] = text("doctor", lang)
    else:
        raise ValueError(f"template {template.id!r} is drafted by its own module")
    return values, ai_vals


def _fundus(ai: AiInput | None, lang: str, ctx: dict[str, Any], why: str):
    """Each eye from its own AI result: this study's, or the other eye's study of the
    same visit (``ctx["visit_ai"]``: AiInputs of the patient's other photos that day)."""
    from app import fundus_report as fr

    values: dict[str, str] = {}
    ai_vals: dict[str, str] = {}
    imaged = {"R": "od", "L": "os"}.get(str(ctx.get("laterality") or "").upper()[:1])
    sources = [x for x in [ai, *(ctx.get("visit_ai") or [])] if x is not None]
    per_eye: dict[str, tuple[AiInput, dict[str, Any]]] = {}
    photos: dict[str, list[dict[str, Any]]] = {}
    reviews = ctx.get("fundus_reviews") or {}
    doctor: dict[str, dict[str, Any]] = {}  # eye -> the ophthalmologist's grade
    for src in sources:
        review = reviews.get(str(src.payload.get("uid") or ""))
        for key, eye in fr.eyes_of(src.payload).items():
            if review:
                from app.fundus_review import reviewed

                eye = reviewed(eye, review)
                doctor.setdefault(key, (review.get("eyes") or {}).get(key.upper()) or {})
            per_eye.setdefault(key, (src, eye))
            photos.setdefault(key, []).append(eye)
    if any(len(v) > 1 for v in photos.values()):  # both fields of an eye: judged together
        from inference.fundus.fields import combine

        per_eye = {k: (per_eye[k][0], combine([dict(e) for e in v])) for k, v in photos.items()}
    refer, follow = False, []
    for eye in ("od", "os"):
        if eye in per_eye:
            src, res = per_eye[eye]
            grade = "ungradable" if not res.get("gradable") else f"icdr{res.get('icdr_grade')}"
            grade = grade if grade in GRADES else ""
            body = fr.eye_findings(res, lang) + "\n" + text("ai_label", lang, model=src.model)
            body += fr.review_lines(res.get("review"), (doctor.get(eye) or {}), lang)
            values[f"{eye}_findings"] = ai_vals[f"{eye}_findings"] = body
            values[f"{eye}_grade"] = ai_vals[f"{eye}_grade"] = grade
            if (doctor.get(eye) or {}).get("grade") in GRADES:
                values[f"{eye}_grade"] = doctor[eye]["grade"]  # the ophthalmologist's
            refer = refer or bool(res.get("referable"))
            follow.append(res)
        elif ai is not None and (imaged is None or eye == imaged):  # no per-eye details
            lines = [_finding_line(f) for f in ai.findings if _eye(f) in (eye, "")]
            body = "\n".join(f"- {x}" for x in lines if x) or text(
                "ai_nothing", lang, model=ai.model
            )
            values[f"{eye}_findings"] = ai_vals[f"{eye}_findings"] = body
            values[f"{eye}_grade"] = ""
        elif imaged is not None and eye != imaged:
            values[f"{eye}_findings"], values[f"{eye}_grade"] = text("not_imaged", lang), ""
        else:
            values[f"{eye}_findings"], values[f"{eye}_grade"] = why, ""
    if follow:
        from inference.fundus.grading import visit_summary

        advice = fr.follow_up_text(visit_summary(follow)["follow_up"], lang)
        first = text("referral_ai", lang) if refer else ""
        values["referral"] = ai_vals["referral"] = "\n".join(x for x in (first, advice) if x)
    else:
        values["referral"] = text("doctor", lang)
    return values, ai_vals


def compose_text(template: Template, values: dict[str, str], language: str) -> str:
    """The whole report as plain text (what the server, FHIR and old clients read)."""
    if template.id == "ecg":
        return values.get("interpretation", "")
    out = []
    for f in template.fields:
        v = values.get(f.key, "")
        shown = grade_text(v, language) if f.kind == "grade" else v
        out.append(f"{label(f.key, language)}:\n{shown}".rstrip())
    return "\n\n".join(out)
