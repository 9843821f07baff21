"""Report drafts from a stored AI result, in the report's language (Qt-free).

ECG drafts keep their own wording (measurements line, rules findings with
territory and leads, a findings checklist to confirm one by one); every other
template is drafted by ``app.report_templates``.  The first line of an AI
draft names the model and version; a value the AI did not give says why.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app import report_templates as rt
from app.ecg.analysis_notes import limits_reading, note_text, notes_of_result
from app.ecg.warning_codes import ENGLISH

LANGUAGES = rt.LANGUAGES
MODELLED = frozenset({"ECG", "CT"})  # modalities with an AI model here (a missing result says so)
COUNT_SETS = ("AI nuclei",)  # AnnotationSet names whose counts a pathology draft quotes

_T: dict[str, dict[str, str]] = {
    "ai_header": {
        "en": "[AI-suggested text — {model} — not for clinical use; must be confirmed by a doctor]",
        "zh_CN": "【AI 建议文本 — {model} — 非临床用途；须经医生确认】",
    },
    "reviewed_header": {
        "en": "[AI pre-read by {model}, reviewed and confirmed by the doctor]",
        "zh_CN": "【AI 预读（{model}），已经医生审核确认】",
    },
    "no_ai_header": {
        "en": "[No AI result for this ECG: every value below is for the doctor to fill in]",
        "zh_CN": "【本心电图无 AI 结果：以下各项由医生填写】",
    },
    "measurements": {"en": "Measurements: ", "zh_CN": "测量："},
    "not_measured": {"en": "not measured", "zh_CN": "未测得"},
    "no_result": {"en": "not measured: no AI result", "zh_CN": "未测得：无 AI 结果"},
    "unnamed": {"en": "model not named by the result", "zh_CN": "结果未注明模型"},
    "findings": {"en": "Findings:", "zh_CN": "所见："},
    "none": {
        "en": "- No significant abnormality suggested by the AI.",
        "zh_CN": "- AI 未提示明显异常。",
    },
    "none_limited": {  # a note says part of the record could not be measured or trusted
        "en": "- No clear abnormality suggested by the AI in what it could measure; "
        "not a normal ECG: see the AI analysis notes below.",
        "zh_CN": "- 在可测量的范围内 AI 未提示明显异常，不能视为心电图正常：见下方 AI 分析说明。",
    },
    "conclusion": {"en": "Conclusion: ", "zh_CN": "结论："},
    "notes": {"en": "AI analysis notes:", "zh_CN": "AI 分析说明："},
}
# (key, English name, Chinese name, unit); a unit Chinese reports write otherwise in _ZH_UNITS
_ZH_UNITS = {"bpm": "次/分"}
_MEASURES = (
    ("hr_bpm", "HR", "心率", "bpm"),
    ("pr_ms", "PR", "PR", "ms"),
    ("qrs_ms", "QRS", "QRS", "ms"),
    ("qt_ms", "QT", "QT", "ms"),
    ("qtc_ms", "QTc (Bazett)", "QTc（Bazett）", "ms"),
    ("qtc_fridericia_ms", "QTc (Fridericia)", "QTc（Fridericia）", "ms"),
    ("p_axis_deg", "P axis", "P 电轴", "°"),
    ("qrs_axis_deg", "QRS axis", "QRS 电轴", "°"),
    ("t_axis_deg", "T axis", "T 电轴", "°"),
)

# why a value is missing, as ``inference.ecg.preread._why_missing`` says it in English
_WHY_ZH = {
    "fewer than 2 beats found": "检出心搏少于 2 个",
    "no P wave found (e.g. atrial fibrillation, or not visible)": "未检出 P 波（如心房颤动或 P 波不可见）",
    "T wave end not found": "未找到 T 波终点",
    "not measurable in this record": "本记录中无法测量",
    ENGLISH["qt_not_measurable"]: "各导联的 T 波均未明显高于噪声",
}

# Finding templates keyed by rules code: (English, Chinese); {leads} and {territory} filled in.
# fmt: off
_FINDINGS: dict[str, tuple[str, str]] = {
    "STEMI": ("ST elevation {territory} ({leads}): meets STEMI criteria", "{territory}导联（{leads}）ST 段抬高：符合 STEMI 标准"),
    "ST_DEPRESSION": ("ST depression {territory} ({leads}): possible ischaemia", "{territory}导联（{leads}）ST 段压低：提示心肌缺血可能"),
    "STE_BORDERLINE": ("Borderline ST elevation {territory} ({leads}): within the measurement's uncertainty of the STEMI cut-off, not graded; review and compare with a prior ECG", "{territory}导联（{leads}）临界性 ST 段抬高：处于 STEMI 标准的测量误差范围内，未分级；请复核并与既往心电图对比"),
    "ST_DEPRESSION_BORDERLINE": ("Borderline ST depression {territory} ({leads}): within the measurement's uncertainty of the 0.5 mm criterion, not graded; review", "{territory}导联（{leads}）临界性 ST 段压低：处于 0.5 mm 标准的测量误差范围内，未分级；请复核"),
    "T_INVERSION": ("T inversion {territory} ({leads}): possible ischaemia", "{territory}导联（{leads}）T 波倒置：提示心肌缺血可能"),
    "AFIB": ("Atrial fibrillation", "心房颤动"),
    "VENTRICULAR_RHYTHM": ("Ventricular rhythm", "室性心律"),
    "AV_BLOCK": ("AV block", "房室传导阻滞"),
    "AV_BLOCK_SLOW": ("AV block with slow ventricular rate", "房室传导阻滞伴慢心室率"),
    "BBB": ("Bundle branch block", "束支传导阻滞"),
    "RBBB": ("Right bundle branch block", "右束支传导阻滞"),
    "LBBB": ("Left bundle branch block", "左束支传导阻滞"),
    "NOT_12_LEAD": ("Not a 12-lead ECG: no automatic grade", "非 12 导联心电图：不自动分级"),
    "NOT_ANALYSABLE": ("Not analysable: no automatic grade", "无法分析：不自动分级"),
    "WIDE_QRS": ("Wide QRS", "QRS 波增宽"),
    "PACED": ("Paced rhythm", "起搏心律"),
    "PACED_NARROW": ("Ventricular pacer spikes with a narrow QRS: fusion, pseudofusion or no capture", "心室起搏脉冲后 QRS 波窄：融合波、假性融合波或起搏未夺获"),
    "FIRST_DEGREE_AVB": ("Prolonged PR (first-degree AV block)", "PR 间期延长（一度房室传导阻滞）"),
    "QT_LONG": ("Long QTc", "QTc 间期延长"),
    "VPC": ("Ventricular premature complexes", "室性早搏"),
    "VPC_FREQUENT": ("Frequent ventricular premature complexes", "频发室性早搏"),
    "TACHY_SEVERE": ("Marked tachycardia", "显著心动过速"),
    "BRADY_SEVERE": ("Marked bradycardia", "显著心动过缓"),
    "TACHY": ("Tachycardia", "心动过速"),
    "BRADY": ("Bradycardia", "心动过缓"),
    "NO_QRS": ("No reliable QRS complexes detected", "未检出可靠的 QRS 波群"),
}
# fmt: on
FINDING_TEXT = {code: {"en": en, "zh_CN": zh} for code, (en, zh) in _FINDINGS.items()}
TERRITORY_TEXT = {
    "inferior": {"en": "inferior", "zh_CN": "下壁"},
    "lateral": {"en": "lateral", "zh_CN": "侧壁"},
    "anterior": {"en": "anterior/septal", "zh_CN": "前壁/前间壁"},
    "anterolateral": {"en": "anterolateral (V4-V5)", "zh_CN": "前侧壁（V4-V5）"},
}


def _lang(language: str) -> str:
    return language if language in LANGUAGES else "en"


def finding_text(f: dict[str, Any], language: str) -> str:
    """A finding in ``language``: from its code's template, else its English text."""
    lang = _lang(language)
    tpl = FINDING_TEXT.get(str(f.get("code", "")))
    if tpl is None:
        return str(f.get("text", ""))
    terr = TERRITORY_TEXT.get(str(f.get("territory", "")), {}).get(lang, f.get("territory", ""))
    return tpl[lang].format(territory=terr, leads=", ".join(f.get("leads") or []))


def model_label(summary: dict[str, Any], language: str = "en") -> str:
    """ "name version + rules", or words saying the result names no model."""
    model = summary.get("model") or {}
    name = " ".join(str(model.get(k) or "") for k in ("name", "version")).strip()
    rules = str(summary.get("rules") or "")
    name = name or _T["unnamed"][_lang(language)]
    if model.get("runs_at") == "remote" and model.get("product") not in (None, "", name):
        name = f"{name} · {model['product']}"  # the city platform's product that ran it
    return f"{name} + {rules}" if rules else name


def why_text(reason: str, language: str) -> str:
    """Why a value is missing (``inference.ecg.preread._why_missing``) in ``language``
    ("" when there is no wording in that language: the value just says "not measured")."""
    if not reason:
        return ""
    return _WHY_ZH.get(str(reason), "") if language == "zh_CN" else str(reason)


def measurement_line(summary: dict[str, Any] | None, language: str) -> str:
    """The values, in the order of ``_MEASURES``; values missing for the same reason
    are named together once ("QT, QTc (Bazett) not measured: <why>")."""
    lang = _lang(language)
    m = (summary or {}).get("measurements") or {}
    why = (summary or {}).get("missing") or {}
    missing = _T["no_result"][lang] if summary is None else _T["not_measured"][lang]
    parts: list = []
    groups: dict[str, list[str]] = {}  # reason -> the names missing for it
    for key, en, zh, unit in _MEASURES:
        v = m.get(key)
        name = zh if lang == "zh_CN" else en
        if v is not None:
            unit = _ZH_UNITS.get(unit, unit) if lang == "zh_CN" else unit
            parts.append(f"{name} {float(v):.0f} {unit}")
            continue
        said = why_text(why.get(key) or "", lang)
        if said not in groups:
            groups[said] = []
            parts.append(groups[said])  # filled in place: the group sits at its first value
        groups[said].append(name)
    said_of = {id(names): said for said, names in groups.items()}
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        said = said_of[id(part)]
        names = ("、" if lang == "zh_CN" else ", ").join(part)
        colon = "：" if lang == "zh_CN" else ": "
        out.append(f"{names} {missing}{colon}{said}" if said else f"{names} {missing}")
    return _T["measurements"][lang] + ("，" if lang == "zh_CN" else ", ").join(out)


def draft_text(summary: dict[str, Any] | None, language: str = "zh_CN") -> str:
    """The ECG draft for one analysis summary (``EcgAnalysis.summary()``), or None."""
    lang = _lang(language)
    if summary is None:
        head = _T["no_ai_header"][lang]
    else:
        head = _T["ai_header"][lang].format(model=model_label(summary, lang))
    lines = [head, measurement_line(summary, lang), _T["findings"][lang]]
    texts = [finding_text(f, lang) for f in (summary or {}).get("findings") or []]
    if summary is None:
        lines.append("- " + rt.text("doctor", lang))
    else:
        notes = notes_of_result(summary)  # what the analysis could not do or did differently
        none = _T["none_limited" if limits_reading(notes) else "none"][lang]
        lines += [f"- {t}" for t in texts] or [none]
        if notes:
            lines += [_T["notes"][lang]] + [f"- {note_text(n, lang)}" for n in notes]
    sep = "；" if lang == "zh_CN" else "; "
    lines.append(_T["conclusion"][lang] + (sep.join(texts) if texts else rt.text("doctor", lang)))
    return "\n".join(lines)


def reviewed_text(text: str) -> str:
    """On confirmation the "must be confirmed" first line of an AI draft becomes
    "reviewed and confirmed" (the model stays named)."""
    first, _, rest = text.partition("\n")
    for lang in LANGUAGES:
        head, _, tail = _T["ai_header"][lang].partition("{model}")
        if first.startswith(head) and first.endswith(tail):
            model = first[len(head) : len(first) - len(tail)]
            return _T["reviewed_header"][lang].format(model=model) + ("\n" + rest if rest else "")
    return text


def ai_findings(summary: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The checklist: every AI finding undecided (``confirmed`` None) until a doctor decides."""
    if not summary:
        return []
    src = "AI " + model_label({"model": summary.get("model")})
    return [
        {
            "code": f.get("code", ""),
            "text": f.get("text", ""),
            "severity": f.get("severity", "routine"),
            "territory": f.get("territory", ""),
            "leads": list(f.get("leads") or []),
            "source": src,
            "confirmed": None,
        }
        for f in summary.get("findings") or []
    ]


def build_draft(
    template: rt.Template,
    ai: rt.AiInput | None,
    language: str,
    context: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything a new report row needs: text, fields, findings checklist, conclusion."""
    lang = _lang(language)
    if template.id == "ecg":
        summary = dict(ai.payload) if ai is not None else None
        if summary is not None and not summary.get("model") and ai.model:
            name, _, version = ai.model.partition(" ")
            summary["model"] = {"name": name, "version": version}
        values = {"interpretation": draft_text(summary, lang)}
        ai_vals = dict(values) if summary is not None else {}
        findings = ai_findings(summary)
    else:
        values, ai_vals = rt.draft_fields(template, ai, lang, context)
        findings = []
        counts = (context or {}).get("counts") or {}
        if ai is None and counts:  # the AI output quoted is the counts' analyzer
            model = ", ".join(dict.fromkeys(m for _n, m in counts.values()))
            return _draft(template, values, ai_vals, model, findings, lang)
    return _draft(template, values, ai_vals, ai.model if ai else "", findings, lang)


def _draft(template, values, ai_vals, model, findings, lang) -> dict[str, Any]:
    return {
        "text": rt.compose_text(template, values, lang),
        "conclusion": values.get(template.conclusion, ""),
        "fields": {"values": values, "ai": ai_vals, "model": model},
        "findings": findings,
    }


def draft_context(s, study, store=None) -> dict[str, Any]:
    """What a template's draft needs besides the AI result (laterality, AI counts;
    with ``store``, the ophthalmologist's fundus review of the visit's photos)."""
    from app.models import AnnotationSet, StoredObject

    ctx: dict[str, Any] = {"has_model": study.modality in MODELLED}
    obj = s.scalars(
        select(StoredObject).where(StoredObject.study_pk == study.id).order_by(StoredObject.id)
    ).first()
    if obj is not None:
        ctx["laterality"] = str((obj.meta or {}).get("laterality") or "")
    if study.modality == "OP":
        ctx["visit_ai"] = _visit_ai(s, study)
        if store is not None:
            from app.fundus_review import reviews_of

            ctx["fundus_reviews"] = reviews_of(store, [study.id, *_visit_ai(s, study, pks=True)])
    sets = s.scalars(select(AnnotationSet).where(AnnotationSet.study_pk == study.id))
    sets = list(sets)
    ctx["counts"] = {a.name: (a.count, _provenance(a.path)) for a in sets if a.name in COUNT_SETS}
    review = next((a for a in sets if a.name == "AI chest review"), None)
    if review is not None:  # the doctor's nodule decisions (app.chest_review)
        from app.chest_review import load_file

        ctx["chest_review"] = load_file(review.path)
        from app.chest_priors import prior_beside  # the prior chest CT compared with

        ctx["chest_prior"] = prior_beside(review.path)
    return ctx


def _visit_ai(s, study, pks: bool = False) -> list:
    """The AI results of the patient's other fundus photos taken the same day (the
    other eye of the visit), newest result per study (``pks``: those studies' keys)."""
    from app.models import AIResult, Study

    def day(st):
        t = st.study_time or st.created_at
        return t.date() if t is not None else None

    others = s.scalars(
        select(Study).where(
            Study.patient_pk == study.patient_pk, Study.modality == "OP", Study.id != study.id
        )
    ).all()
    out = []
    for st in others:
        if day(st) != day(study):
            continue
        if pks:
            out.append(st.id)
            continue
        row = s.scalars(
            select(AIResult).where(AIResult.study_pk == st.id).order_by(AIResult.id.desc())
        ).first()
        if row is not None:
            out.append(rt.ai_input(row))
    return out


def _provenance(path: str) -> str:
    """ "analyzer version" from a saved AI GeoJSON (``huizhen.provenance``)."""
    import json
    from pathlib import Path

    try:
        data = json.loads(Path(path).read_text("utf-8"))
        prov = (data.get("huizhen") or {}).get("provenance") or {}
    except (OSError, ValueError, AttributeError):
        return "analyzer not recorded"
    label = f"{prov.get('analyzer', '')} {prov.get('version', '')}".strip()
    return label or "analyzer not recorded"


def from_clinic(template: rt.Template, draft: dict, clinic: dict, lang: str) -> dict:
    """The specialist starts from the requesting doctor's confirmed draft."""
    values = dict((clinic.get("fields") or {}).get("values") or {})
    if clinic.get("template") != template.id or not values:
        values = {template.field_keys()[0]: str(clinic.get("text") or "")}
    merged = dict(draft["fields"]["values"])
    merged.update({k: str(v) for k, v in values.items() if k in template.field_keys() and v})
    fields = dict(draft["fields"], values=merged)
    ai = dict((clinic.get("fields") or {}).get("ai") or {})
    fields["ai"] = {k: v for k, v in ai.items() if merged.get(k) == v}
    fields["model"] = (clinic.get("fields") or {}).get("model") or fields.get("model", "")
    return dict(
        draft,
        fields=fields,
        text=rt.compose_text(template, merged, lang),
        conclusion=merged.get(template.conclusion, ""),
    )
