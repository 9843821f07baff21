"""The ECG analysis' notes (what the AI pre-read could not do or did differently) are
kept by code in the stored AI result and shown translated: in the findings panel
under the model's header, in the report draft and on the printed report.

Real records (tests/data/ecg/README.md): LUDB 138 (T wave not clear of the noise in
lead II: QT measured on the other leads), the 230 s MIMIC-style ``mixedsignals``
(the cleanest 10 s chosen; not a 12-lead ECG), PhysioNet's ``test01_00s`` (four
unnamed channels: no standard lead recognised)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.ai.result import AiResult
from app.ecg.analysis_notes import NOTE_CODES, NOTE_TEXT, note_text, notes_of_result
from app.ecg.readers import read_ecg
from app.ecg.warning_codes import ENGLISH, EcgWarning, code_of
from app.report_drafts import draft_text
from inference.ecg import analyze
from inference.ecg.preread import analysis_of, result_of

WFDB = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb"
RECORDS = {"138": WFDB / "ludb" / "138.hea", "mixed": WFDB / "mixedsignals.hea",
           "test01": WFDB / "test01_00s.hea"}  # fmt: skip


@pytest.fixture(scope="module")
def stored():
    """Each record's AI result as it is stored and synced: JSON."""
    return {
        k: json.loads(json.dumps(result_of(analyze(read_ecg(p))).to_dict()))
        for k, p in RECORDS.items()
    }


def test_every_note_code_is_a_warning_code_with_report_wording():
    assert set(ENGLISH) >= NOTE_CODES and set(NOTE_TEXT) == NOTE_CODES
    for code, (en, zh) in NOTE_TEXT.items():
        fields = set(EcgWarning.fields(code))
        assert {f for f in fields if "{" + f in en} == fields, code
        assert all("{" + f in zh for f in fields), code


def test_every_code_the_analysis_emits_is_a_note():
    """A code added to the analysis (inference/ecg, the server's pre-read window) must
    be listed as a note with its report wording, or no screen would show it."""
    root = Path(__file__).resolve().parents[2]
    sources = [*(root / "inference" / "ecg").glob("*.py"), root / "server" / "preread.py"]
    text = "\n".join(p.read_text("utf-8") for p in sources)
    emitted = {c for c in ENGLISH if f'"{c}"' in text}
    assert {"window_chosen", "qt_leads", "not_12_lead", "preread_window"} <= emitted
    assert emitted <= NOTE_CODES, emitted - NOTE_CODES


def test_the_stored_result_keeps_the_codes(stored):
    back = analysis_of(AiResult.from_dict(stored["mixed"]))
    codes = [code_of(w) for w in back.warnings]
    assert "window_chosen" in codes and "channels_left_out" in codes
    assert code_of(back.grade_note) == "not_12_lead"
    window = next(w for w in back.warnings if code_of(w) == "window_chosen")
    assert window.params["end"] - window.params["start"] == pytest.approx(10.0)
    # the English text stays what the CLI and JSON always had
    assert stored["mixed"]["details"]["warnings"] == [str(w) for w in back.warnings]


def test_notes_are_the_analysis_own_why_no_grade_first(stored):
    mixed = [code_of(n) for n in notes_of_result(stored["mixed"])]
    assert mixed[0] == "not_12_lead" and "window_chosen" in mixed
    # reader warnings stay with the record; the grade note already names missing leads
    assert not {"channels_left_out", "samples_missing", "leads_unavailable"} & set(mixed)
    # LUDB's published per-lead gains break Einthoven's law (tests/data/ecg/README.md)
    assert [code_of(n) for n in notes_of_result(stored["138"])] == [
        "limb_leads_inconsistent",
        "qt_leads",
    ]
    assert [code_of(n) for n in notes_of_result(stored["test01"])] == ["not_12_lead_unknown"]


def test_old_results_without_codes_show_their_text(stored):
    old = json.loads(json.dumps(stored["138"]))
    del old["details"]["analysis"]["warning_codes"]
    shown = notes_of_result(old)  # every stored text, none of them coded
    assert all(code_of(n) == "" for n in shown)
    note = next(n for n in shown if n.startswith("QT measured on the leads"))
    assert note_text(note, "zh_CN") == note  # shown as it is, never re-parsed


def test_report_draft_quotes_the_notes_in_the_reports_language(stored):
    zh = draft_text(stored["138"], "zh_CN")
    assert "AI 分析说明：" in zh
    assert (
        "- QT 间期在 T 波清晰的导联上测量：I, V1, V2, V3, V4, V5, V6（II 导联的 T 波未明显高于噪声）"
        in zh
    )
    en = draft_text(stored["mixed"], "en")
    assert "AI analysis notes:" in en and "(the cleanest 10 s" in en
    assert "- not a 12-lead ECG: 3 channel(s) (II, III, V); recognised leads: II, III" in en
    assert en.index("AI analysis notes:") < en.index("Conclusion:")
    zh = draft_text(stored["test01"], "zh_CN")
    assert "非 12 导联心电图：共 4 个通道（ECG 1, ECG 2, ECG 3, ECG 4）；未识别出标准导联" in zh
    # the model is still named in the draft's first line
    assert zh.splitlines()[0].startswith("【AI 建议文本 — OpenECG")


def test_report_from_a_stored_result_carries_the_notes(store, tmp_path):
    from app import reports
    from app.importer import run_import
    from inference.preread import run_preread

    folder = tmp_path / "138"
    folder.mkdir()
    for ext in ("hea", "dat"):
        shutil.copy(WFDB / "ludb" / f"138.{ext}", folder)
    [pk] = run_import(store, [folder]).study_pks
    run_preread(store, [pk])
    r = reports.create_draft(store, pk, language="zh_CN")
    assert "QT 间期在 T 波清晰的导联上测量" in r.text


def test_worklist_says_no_finding_only_of_what_was_measured(store, tmp_path, zh):
    """LUDB 138 as published: no finding, but its limb leads break Einthoven's law (a
    limiting note): the worklist line must not read as a clean normal.  The demo's
    real Mortara record (no limiting note) keeps the plain line."""
    from app.demo.build import sample_path
    from app.importer import run_import
    from inference.preread import run_preread
    from ui.ai_text import ai_line

    folder = tmp_path / "138"
    folder.mkdir()
    for ext in ("hea", "dat"):
        shutil.copy(WFDB / "ludb" / f"138.{ext}", folder)
    pks = run_import(store, [folder, sample_path("waveform_ecg.dcm")]).study_pks
    run_preread(store, pks)
    rows = {r.study_pk: r for r in store.worklist_rows()}
    ludb, mortara = rows[pks[0]], rows[pks[1]]
    assert ludb.ai_findings == () and ludb.ai_limited
    line = ai_line(ludb.ai_findings, ludb.ai_hr, ludb.ai_summary, ludb.ai_limited)
    assert line.startswith("在 AI 可测量的范围内未见明显异常（见 AI 分析说明）")
    assert not mortara.ai_limited


def _viewer(qtbot, jobs, path):
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    ctx = ViewerContext(None, 1, Modality.ECG, [(None, path)], jobs, extra={"px_per_mm": 4.0})
    v = EcgViewer(ctx)
    qtbot.addWidget(v)
    v.resize(1000, 700)
    return v


def _notes(v) -> dict:
    return next((f for f in v.findings if f.get("code") == "ANALYSIS_NOTES"), {})


def test_viewer_lists_the_notes_under_the_model_in_chinese_and_english(qtbot, jobs, zh):
    from ui import i18n
    from ui.findings_dock import FindingsDock

    v = _viewer(qtbot, jobs, RECORDS["138"])
    qtbot.waitUntil(lambda: bool(_notes(v)), timeout=60000)
    notes = _notes(v)
    assert notes["text"] == "AI 分析说明："
    limb, qt = notes["notes"]
    assert limb.startswith("• 肢体导联不符合 Einthoven 定律（相对 I、II 导联的斜率：aVR ")
    assert (
        qt
        == "• QT 间期在 T 波清晰的导联上测量：I, V1, V2, V3, V4, V5, V6（II 导联的 T 波未明显高于噪声）"
    )
    measurements = next(f for f in v.findings if f["code"] == "MEASUREMENTS")
    assert notes["source"] == measurements["source"] and "OpenECG" in notes["source"]
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_findings(v.findings)
    rows = [dock.list.item(i).text() for i in range(dock.list.count())]
    assert rows[0].startswith("AI 输出 — OpenECG")  # the notes sit under the model
    assert rows[-1].startswith("AI 分析说明：\n• 肢体导联") and "\n• QT 间期" in rows[-1]
    i18n.install("en")  # a language switch re-words them by code
    qtbot.waitUntil(lambda: _notes(v).get("text") == "Analysis notes:", timeout=60_000)
    assert _notes(v)["notes"][-1] == (
        "• QT measured on the leads with a clear T wave: I, V1, V2, V3, V4, V5, V6 "
        "(T wave not clear of the noise in II)"
    )
    assert _notes(v)["notes"][0].startswith("• limb leads disagree with Einthoven's law")


def test_viewer_notes_of_a_record_that_is_not_a_12_lead_ecg(qtbot, jobs, zh):
    v = _viewer(qtbot, jobs, RECORDS["test01"])
    qtbot.waitUntil(lambda: bool(_notes(v)), timeout=60000)
    assert _notes(v)["notes"] == [
        "• 非 12 导联心电图：共 4 个通道（ECG 1, ECG 2, ECG 3, ECG 4）；未识别出标准导联；"
        "缺少 I, II, V1, V2, V3, V4, V5, V6"
    ]


def test_printed_report_has_the_notes_beside_the_ai_notice(store, qapp, zh, tmp_path):
    from PySide6.QtPdf import QPdfDocument

    from app import reports
    from app.auth import authenticate, seed_demo_users
    from app.importer import run_import
    from viewers.ecg.pdf_report import patient_header, render_pdf

    signal = read_ecg(RECORDS["test01"])
    [pk] = run_import(store, [RECORDS["test01"]]).study_pks
    seed_demo_users(store)
    user = authenticate(store, "specialist", "demo")
    r = reports.create_draft(store, pk, language="zh_CN", user=user)
    r = reports.sign(store, reports.confirm(store, r.id, user).id, user)
    data = render_pdf(signal, analyze(signal).summary(), r, patient_header(store, pk))
    path = tmp_path / "notes.pdf"
    path.write_bytes(data)
    doc = QPdfDocument()
    doc.load(str(path))
    text = "".join(doc.getAllText(0).text().split())
    doc.close()
    assert "AI分析说明：非12导联心电图：共4个通道" in text
    assert "OpenECG" in text


def test_findings_panel_shows_the_notes_apart_from_the_graded_findings(qtbot):
    from PySide6.QtGui import QColor

    from ui.findings_dock import FindingsDock

    src = "AI OpenECG codec v6-int8 (not for clinical use)"
    findings = [
        {"text": "Tachycardia", "source": src, "severity": "info", "code": "TACHY"},
        {"text": "Analysis notes:", "notes": ["• analysed 18.0–28.0 s"], "source": src,
         "severity": "info", "kind": "notes", "code": "ANALYSIS_NOTES"},
    ]  # fmt: skip
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_findings(findings)
    assert dock.list.count() == 3  # one model header, the finding, the notes
    notes = dock.list.item(2)
    assert notes.text() == "Analysis notes:\n• analysed 18.0–28.0 s"
    assert notes.foreground().color() == QColor("#5f6368")
    assert dock.list.item(1).foreground().color() != QColor("#5f6368")


def test_printed_strip_is_the_window_the_ai_analysed(qapp, zh):
    """A record longer than 10 s: the page prints the 10 s the notes name (the real
    mixedsignals starts with a gap the reader sets to 0; the AI chose 18-28 s)."""
    from viewers.ecg.pdf_report import _analysed_part

    signal = read_ecg(RECORDS["mixed"])
    summary = analyze(signal).summary()
    part, caption = _analysed_part(signal, summary)
    w = summary["window"]
    assert w["chosen"] and part.duration_s == pytest.approx(10.0, abs=0.01)
    i0 = round(w["start_s"] * signal.fs)
    assert (part.data[:, :100] == signal.data[:, i0 : i0 + 100]).all()
    assert caption == " · 打印：230.5 秒记录中的第 18.0–28.0 秒，即 AI 分析的片段"
    # a server pre-read on the last seconds counts from its cut: printed as it is
    cut = dict(summary, warnings=[EcgWarning("preread_window", seconds=30, minutes=4)])
    part, caption = _analysed_part(signal, cut)
    assert part is signal and caption == ""
    short = read_ecg(RECORDS["138"])
    part, caption = _analysed_part(short, analyze(short).summary())
    assert part is short and caption == ""
