"""Fundus report wording (Qt-free): the per-eye draft from the AI result, the referral
advice with its follow-up interval, and the patient's printout in plain language.

The report is a clinical document in one language (zh_CN or en), like
``app/report_templates.py``; the patient printout is written from the SIGNED
report's values (what the ophthalmologist confirmed), never from the AI alone.
"""

from __future__ import annotations

from typing import Any

# fmt: off
_LESIONS = {
    "microaneurysm": ("microaneurysms", "微动脉瘤"),
    "haemorrhage": ("haemorrhages", "出血"),
    "hard_exudate": ("hard exudates", "硬性渗出"),
    "cotton_wool_spot": ("cotton-wool spots", "棉絮斑"),
    "drusen": ("drusen", "玻璃膜疣"),
}
_QUALITY = {
    "insufficient_field": ("insufficient field of view", "视野范围不足"),
    "too_dark": ("too dark", "过暗"),
    "too_bright": ("too bright", "过亮"),
    "uneven_illumination": ("uneven illumination", "照明不均"),
    "poor_focus": ("poor focus", "对焦不良"),
    "vessels_not_visible": ("vessels not visible around the macula", "黄斑周围血管不可见"),
    "artefact": ("artefact", "伪影"),
}
FOLLOW_UP = {
    "refer_urgent": ("Refer to ophthalmology urgently (within 2 weeks).",
                     "建议尽快（2 周内）转诊眼科。"),
    "refer": ("Refer to ophthalmology within 1-3 months.", "建议 1–3 个月内转诊眼科。"),
    "retake": ("Photo could not be graded: retake it; refer if it stays ungradable.",
               "照片无法分级：请重拍；仍无法分级时转诊眼科。"),
    "refer_glaucoma": ("Glaucoma suspect: refer to ophthalmology for a glaucoma assessment "
                       "(routine, within 3 months).",
                       "疑似青光眼：建议 3 个月内到眼科做青光眼检查（非急诊）。"),
    "rescreen_6m": ("No referral needed now; rescreen in 6 months.",
                    "目前无需转诊；6 个月后复查眼底。"),
    "rescreen_12m": ("No referral needed now; rescreen in 12 months.",
                     "目前无需转诊；12 个月后复查眼底。"),
}
_W = {
    "ungradable": ("Ungradable ({why}): retake or refer.", "图像不可分级（{why}）：请重拍或转诊。"),
    "candidates": ("AI lesion candidates: {items}.", "AI 提示病灶：{items}。"),
    "none": ("No DR lesion candidates found by AI.", "AI 未发现糖网病灶。"),
    "dme": ("Exudates within 1 disc diameter of the fovea: DME suspected.",
            "黄斑中心凹 1 个视盘直径内有渗出：疑似糖尿病黄斑水肿。"),
    "no_dme": ("No exudate near the fovea.", "黄斑中心凹附近未见渗出。"),
    "dme_unknown": ("Fovea not located: DME not assessed.", "未定位黄斑中心凹：未评估黄斑水肿。"),
    "grade": ("AI suggested grade: {grade}.", "AI 建议分级：{grade}。"),
    "fields": ("Two fields read ({parts}): the eye is graded on the worse.",
               "两个视野均已阅片（{parts}）：按较重者分级。"),
    "rule": ("Severe NPDR by the 4-2-1 rule is judged on haemorrhage counts in this field only; "
             "venous beading, IRMA and new vessels are not assessed by AI.",
             "4-2-1 规则仅按本视野各象限出血计数判断；静脉串珠、IRMA 及新生血管 AI 未评估。"),
}
_FIELDS = {"disc": ("disc-centred", "视盘为中心"), "macula": ("macula-centred", "黄斑为中心"),
           "other": ("other field", "其他视野"), "": ("unclassified field", "未分类视野"),
           "ungradable": ("ungradable", "不可分级")}
_CUP = {
    "cdr": ("AI vertical cup-to-disc ratio {v} (classical estimate from disc pallor).",
            "AI 估计垂直杯盘比 {v}（经典方法，按视盘苍白区估计）。"),
    "suspect": ("Cup-to-disc ratio 0.6 or more: glaucoma suspect.", "杯盘比 ≥ 0.6：疑似青光眼。"),
    "none": ("Cup-to-disc ratio not measured: {why}.", "杯盘比无法测量：{why}。"),
}
CUP_REASONS = {
    "no_disc": ("optic disc not found", "未找到视盘"),
    "disc_estimated": ("disc outline not measured", "视盘边界未能测量"),
    "disc_small": ("disc too small in the photo", "照片中视盘过小"),
    "disc_at_edge": ("disc at the edge of the field", "视盘位于视野边缘"),
    "no_pallor": ("no pale cup visible", "未见视杯苍白区"),
    "cup_fills_disc": ("cup not separable from the rim", "视杯与盘沿无法区分"),
}
_GRADE_NAMES = {0: ("ICDR 0", "ICDR 0 级"), 1: ("ICDR 1 (mild NPDR)", "ICDR 1 级（轻度非增殖期）"),
                2: ("ICDR 2 (moderate NPDR)", "ICDR 2 级（中度非增殖期）"),
                3: ("ICDR 3 (severe NPDR)", "ICDR 3 级（重度非增殖期）"),
                4: ("ICDR 4 (proliferative)", "ICDR 4 级（增殖期）")}
# the patient's words, per confirmed grade code
_PLAIN = {
    "icdr0": "未发现糖尿病视网膜病变。",
    "icdr1": "有轻度糖尿病视网膜病变（早期改变），暂不需要转诊，请按时复查。",
    "icdr2": "有中度糖尿病视网膜病变，需要到医院眼科进一步检查。",
    "icdr3": "有重度糖尿病视网膜病变，请尽快到医院眼科就诊。",
    "icdr4": "有增殖期糖尿病视网膜病变，可能影响视力，请尽快到医院眼科就诊。",
    "ungradable": "照片不够清楚，无法判断，需要重新拍照或到医院眼科检查。",
    "": "本次未作判断，请遵医嘱。",
}
# fmt: on


def _i(lang: str) -> int:
    return 1 if lang == "zh_CN" else 0


def eye_findings(eye: dict[str, Any], lang: str) -> str:
    """The draft's findings for one eye, in the report's language (AI wording)."""
    i = _i(lang)
    if not eye.get("gradable"):
        codes = (eye.get("quality") or {}).get("codes") or []
        sep = "、" if i else ", "
        why = sep.join(_QUALITY.get(c, (c, c))[i] for c in codes) or "?"
        return "- " + _W["ungradable"][i].format(why=why)
    lines = []
    counts = eye.get("counts") or {}
    if counts:
        sep = "，" if i else ", "
        items = sep.join(f"{_LESIONS.get(k, (k, k))[i]} {n}" for k, n in counts.items())
        lines.append(_W["candidates"][i].format(items=items))
    else:
        lines.append(_W["none"][i])
    dme = eye.get("dme_suspected")
    lines.append(_W["dme_unknown" if dme is None else ("dme" if dme else "no_dme")][i])
    g = eye.get("icdr_grade")
    if g is not None:
        lines.append(_W["grade"][i].format(grade=_GRADE_NAMES[g][i]))
    lines.append(_W["rule"][i])
    lines += cup_lines(eye.get("cup"), i)
    if len(eye.get("fields") or []) > 1:
        sep = "，" if i else ", "
        parts = sep.join(
            f"{_FIELDS.get(f.get('field') or '', ('?', '?'))[i]} "
            + (f"ICDR {f['icdr_grade']}" if f.get("gradable") else _FIELDS["ungradable"][i])
            for f in eye["fields"]
        )
        lines.append(_W["fields"][i].format(parts=parts))
    return "\n".join(f"- {x}" for x in lines)


def cup_lines(cup: dict[str, Any] | None, i: int) -> list[str]:
    if not cup:
        return []
    if not cup.get("measured"):
        why = CUP_REASONS.get(cup.get("code", ""), (cup.get("reason", "?"),) * 2)[i]
        return [_CUP["none"][i].format(why=why)]
    out = [_CUP["cdr"][i].format(v=f"{cup['vcdr']:.2f}")]
    return out + ([_CUP["suspect"][i]] if cup.get("suspect") else [])


_REVIEW = {
    "lesions": (
        "Lesion candidates reviewed by the ophthalmologist: {c} confirmed, {r} rejected, "
        "{o} not reviewed.",
        "眼科医生已复核 AI 病灶：确认 {c} 个，否定 {r} 个，未复核 {o} 个。",
    ),
    "confirmed": ("Grade confirmed by {by}.", "分级已由 {by} 确认。"),
    "corrected": ("Grade corrected by {by} (AI: {ai}).", "分级已由 {by} 修正（AI：{ai}）。"),
}


def review_lines(tally: dict[str, int] | None, eye: dict[str, Any], lang: str) -> str:
    """The doctor's review of one eye, as lines appended to its findings."""
    i, out = _i(lang), []
    if tally:
        out.append(
            _REVIEW["lesions"][i].format(c=tally["confirmed"], r=tally["rejected"], o=tally["open"])
        )
    if eye.get("action") in ("confirmed", "corrected"):
        out.append(
            _REVIEW[eye["action"]][i].format(by=eye.get("by") or "?", ai=eye.get("ai_grade"))
        )
    return "".join(f"\n- {x}" for x in out)


def follow_up_text(code: str, lang: str) -> str:
    return FOLLOW_UP.get(code, ("", ""))[_i(lang)]


def eyes_of(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """ "od"/"os" -> per-eye result, from a stored fundus AI result's payload."""
    out = {}
    for e in ((payload or {}).get("details") or {}).get("eyes") or []:
        key = {"OD": "od", "OS": "os"}.get(str(e.get("eye") or ""))
        if key and key not in out:
            out[key] = e
    return out


def patient_lines(values: dict[str, str]) -> list[tuple[str, str]]:
    """(heading, plain Chinese sentence) for the patient's printout, from the signed
    report's confirmed grades and the doctor's referral advice."""
    out = []
    for key, side in (("od", "右眼"), ("os", "左眼")):
        grade = str(values.get(f"{key}_grade") or "")
        if grade or "未拍摄" not in str(values.get(f"{key}_findings") or ""):
            out.append((side, _PLAIN.get(grade, _PLAIN[""])))
    advice = str(values.get("referral") or "").strip()
    if advice:
        out.append(("医生建议", advice))
    out.append(
        (
            "日常注意",
            "请控制好血糖、血压和血脂，不吸烟；如视力突然下降、眼前黑影飘动或视物变形，请立即就医。",
        )
    )
    return out
