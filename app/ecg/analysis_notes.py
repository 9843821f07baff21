"""The ECG analysis' own notes: what the AI pre-read could not do or did differently
(which 10 s it analysed, leads it left out, a QT it could not measure, a model
suggestion the rules did not report, why the record gets no automatic grade).
Qt-free: the report draft words them in the report's language here; the UI
translates the same codes through Qt (``viewers.ecg.analysis_notes``).

A stored analysis (``EcgAnalysis.to_dict()``) keeps its warnings as English text,
as the CLI and JSON always had them, plus ``warning_codes`` (one ``{code, params}``
or None per warning) and ``grade_note_code``: the codes travel with the AI result
(clinic, regional server, the specialist's workstation), so every side shows the
notes by code, never by re-reading the English.  Text without a code (results
stored before codes) is shown as it is.
"""

from __future__ import annotations

from typing import Any

from app.ecg.warning_codes import EcgWarning, code_of

# the analysis' notes; the reader's warnings are shown with the record itself
NOTE_CODES = frozenset(
    {
        "window_whole", "window_chosen", "record_short", "leads_unavailable", "leads_flat",
        "few_beats", "model_paced_no_spikes", "model_paced_slow", "model_bbb_narrow",
        "model_bbb_unknown_qrs", "qt_leads", "qt_not_measurable", "preread_window",
        "no_waveform", "no_valid_samples", "too_short", "not_12_lead", "not_12_lead_unknown",
        "limb_leads_inconsistent",
    }
)  # fmt: skip
NOT_12_LEAD = ("not_12_lead", "not_12_lead_unknown")
# notes saying part of the record could not be measured or trusted: "no clear
# abnormality" then holds only for what was measured (app.report_drafts)
LIMITING = frozenset(
    {
        "qt_not_measurable", "limb_leads_inconsistent", "few_beats", "leads_flat",
        "leads_unavailable", *NOT_12_LEAD,
    }
)  # fmt: skip

# code -> (English, Chinese) for reports, over the params as the English shows them
# fmt: off
NOTE_TEXT: dict[str, tuple[str, str]] = {
    "window_whole": ("analysed the whole record ({seconds} s)", "分析了整段记录（{seconds} 秒）"),
    "window_chosen": ("analysed {start}–{end} s of {seconds} s (the cleanest 10 s: least noise, baseline wander and saturation)",
                      "分析了 {seconds} 秒记录中的第 {start}–{end} 秒（最干净的 10 秒：噪声、基线漂移和饱和最少）"),
    "record_short": ("the record is only {seconds} s; measurements are less reliable", "记录仅 {seconds} 秒，测量值可靠性较低"),
    "leads_unavailable": ("leads not available (not analysed): {leads}", "缺少导联（未分析）：{leads}"),
    "leads_flat": ("flat or disconnected leads (not analysed): {leads}", "导联呈直线或脱落（未分析）：{leads}"),
    "few_beats": ("only {count} beats found; measurements unreliable", "仅检出 {count} 个心搏，测量值不可靠"),
    "model_paced_no_spikes": ("the model suggested a paced rhythm, but no pacer spikes were found: not reported",
                              "模型提示起搏心律，但未检出起搏脉冲：不予报告"),
    "model_paced_slow": ("the model suggested a paced rhythm, but the sampling is too slow to see spikes: not reported",
                         "模型提示起搏心律，但采样率过低、无法识别起搏脉冲：不予报告"),
    "model_bbb_narrow": ("the model suggested bundle branch block, but QRS is {qrs_ms} ms (< 120 ms): not reported",
                         "模型提示束支传导阻滞，但 QRS 时限为 {qrs_ms} ms（< 120 ms）：不予报告"),
    "model_bbb_unknown_qrs": ("the model suggested bundle branch block, but QRS is not measured: not reported",
                              "模型提示束支传导阻滞，但 QRS 时限未能测量：不予报告"),
    "qt_leads": ("QT measured on the leads with a clear T wave: {leads} (T wave not clear of the noise in {noisy})",
                 "QT 间期在 T 波清晰的导联上测量：{leads}（{noisy} 导联的 T 波未明显高于噪声）"),
    "qt_not_measurable": ("QT not measurable: no lead's T wave stands clear of the noise (no QT grade)",
                          "QT 间期无法测量：各导联的 T 波均未明显高于噪声（不做 QT 分级）"),
    "preread_window": ("pre-read on the last {seconds} s of a {minutes} min recording",
                       "AI 预读仅基于 {minutes} 分钟记录的最后 {seconds} 秒"),
    "limb_leads_inconsistent": ("limb leads disagree with Einthoven's law (slope against I and II: {leads}): lead gains or labels are wrong, so amplitudes and ST deviations are unreliable",
                                "肢体导联不符合 Einthoven 定律（相对 I、II 导联的斜率：{leads}）：导联增益或导联标注有误，波幅及 ST 段偏移不可靠"),
    "no_waveform": ("not analysable: no waveform in the record", "无法分析：记录中没有波形"),
    "no_valid_samples": ("not analysable: the waveform holds no valid samples", "无法分析：波形中没有有效采样点"),
    "too_short": ("not analysable: the record is only {ms} ms long; automatic analysis needs at least {min_s} s",
                  "无法分析：记录仅 {ms} 毫秒，自动分析至少需要 {min_s} 秒"),
    "not_12_lead": ("not a 12-lead ECG: {count} channel(s) ({channels}); recognised leads: {known}; missing {missing}",
                    "非 12 导联心电图：共 {count} 个通道（{channels}）；可识别导联：{known}；缺少 {missing}"),
    "not_12_lead_unknown": ("not a 12-lead ECG: {count} channel(s) ({channels}); no standard lead recognised; missing {missing}",
                            "非 12 导联心电图：共 {count} 个通道（{channels}）；未识别出标准导联；缺少 {missing}"),
}
# fmt: on


def coded(texts: list[str]) -> list[dict[str, Any] | None]:
    """Each text's ``{code, params}`` (None for plain text): what is stored beside it."""
    return [t.to_dict() if code_of(t) else None for t in texts]


def restored(text: str, code: object) -> str:
    """A stored text with its stored code back (the text itself when it has none)."""
    found = EcgWarning.from_dict(code)
    return found if found is not None else text


def restored_all(texts: list[str], codes: object) -> list[str]:
    codes = list(codes) if isinstance(codes, list) else []
    codes += [None] * (len(texts) - len(codes))
    return [restored(t, c) for t, c in zip(texts, codes, strict=False)]


def notes(warnings: list[str], grade_note: str = "") -> list[str]:
    """The analysis' notes, why there is no grade first; the reader's warnings (coded,
    not analysis codes) are left to the record's own display."""
    out = [grade_note] if grade_note else []
    no_grade = code_of(grade_note) in NOT_12_LEAD
    for w in warnings:
        code = code_of(w)
        if code and code not in NOTE_CODES:
            continue
        if no_grade and code == "leads_unavailable":  # the grade note names them already
            continue
        if str(w) not in [str(x) for x in out]:
            out.append(w)
    return out


def notes_of_analysis(d: dict[str, Any]) -> list[str]:
    """The notes of a stored analysis dict (``EcgAnalysis.to_dict()``)."""
    texts = [str(w) for w in d.get("warnings") or []]
    warnings = restored_all(texts, d.get("warning_codes"))
    grade = restored(str(d.get("grade_note") or ""), d.get("grade_note_code"))
    return notes(warnings, grade)


def notes_of_result(summary: dict[str, Any] | None) -> list[str]:
    """The notes of a stored ECG AI result (``AiResult.to_dict()``) or of an analysis'
    summary (``EcgAnalysis.summary()``); [] when it has none."""
    summary = summary or {}
    details = summary.get("details") or {}
    if isinstance(details.get("analysis"), dict):
        return notes_of_analysis(details["analysis"])
    found = details if "warnings" in details else summary
    return notes(list(found.get("warnings") or []), found.get("grade_note") or "")


def limits_codes(codes: object) -> bool:
    """``limits_reading`` on a stored result's ``warning_codes`` (as the worklist
    reads them out of the JSON payload); False for anything else."""
    if not isinstance(codes, list):
        return False
    return any(isinstance(c, dict) and c.get("code") in LIMITING for c in codes)


def limits_reading(notes_: list[str]) -> bool:
    """Whether a note says a measurement could not be made or trusted."""
    return any(code_of(n) in LIMITING for n in notes_)


def note_text(note: str, language: str) -> str:
    """One note in a report's language (zh_CN or en); text without a code as it is."""
    found = NOTE_TEXT.get(code_of(note))
    if found is None:
        return str(note)
    return found[1 if language == "zh_CN" else 0].format(**note.shown_values())
