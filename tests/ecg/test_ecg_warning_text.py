"""Reader warnings are coded (``EcgWarning``: code + params + English text) and shown
in the user's language by code; English output (JSON, CLI, logs) is unchanged."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest

from app.ecg.warning_codes import ENGLISH, EcgWarning, code_of, template_fields
from viewers.ecg.warning_text import TEMPLATES, warning_text

DATA = Path(__file__).resolve().parents[1] / "data" / "ecg"
CJK = re.compile(r"[\u4e00-\u9fff]")
# a sample value for each param name the codes use
SAMPLE = {
    "first": "I", "second": "II", "leads": ["III", "aVR"], "ms": 400, "hours": 24.0,
    "minutes": 60, "hz": 1000.0, "channels": ["ECG_1 (500 Hz)"], "got": 10, "want": 5000,
    "lead": "V3", "samples": 4990, "mv": 120, "uv": 12, "unit": "xx", "assumed": "uV",
    "count": 3, "channel": "ABP (mmHg)", "reason": EcgWarning("not_ecg_name"), "seconds": 10,
    "start": 18.0, "end": 28.0, "qrs_ms": 96.0, "noisy": ["II", "V6"], "min_s": 2,
    "known": ["II"], "missing": ["I", "V1"],
}  # fmt: skip


def _sample(code: str) -> EcgWarning:
    return EcgWarning(code, **{f: SAMPLE[f] for f in template_fields(code)})


def test_every_code_has_a_template_over_its_params():
    assert set(TEMPLATES) == set(ENGLISH)
    for code, (template, fields) in TEMPLATES.items():
        assert set(fields) == set(template_fields(code)), code
        assert {int(n) for n in re.findall(r"%(\d)", template)} == set(range(1, len(fields) + 1)), (
            code
        )


@pytest.mark.parametrize("code", sorted(ENGLISH))
def test_every_code_reads_in_chinese(zh, code):
    from PySide6.QtCore import QCoreApplication

    template = TEMPLATES[code][0]
    if re.search("[A-Za-z]", template.replace("%", "")):  # words to translate
        assert QCoreApplication.translate("EcgWarnings", template) != template, code
    shown = warning_text(_sample(code))
    assert not re.search(r"%\d", shown), shown
    if code != "channel_left_out":
        assert CJK.search(shown), shown
    for field in template_fields(code):
        value = SAMPLE[field]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            assert format(value, "g") in shown or str(value) in shown, (code, shown)


def test_english_text_is_the_readers_wording_and_survives_json_and_pickle():
    w = EcgWarning("derived_leads", first="I", second="II", leads=["III", "aVR", "aVL", "aVF"])
    assert w == "derived from I and II: III, aVR, aVL, aVF"
    assert json.dumps([w]) == '["derived from I and II: III, aVR, aVL, aVF"]'
    back = pickle.loads(pickle.dumps(w))
    assert back == w and back.code == "derived_leads" and back.params == w.params
    assert EcgWarning("record_cut", hours=24.0, minutes=60) == (
        "the record is 24.0 h long; only the first 60 min are read"
    )
    with pytest.raises(KeyError):
        EcgWarning("no_such_code")


def test_plain_text_without_a_code_is_shown_as_it_is(zh):
    """Warnings stored as text before codes existed (or from elsewhere) keep showing."""
    old = "derived from I and II: III, aVR, aVL, aVF"
    assert code_of(old) == "" and warning_text(old) == old
    assert warning_text("something new happened") == "something new happened"


# real files (see tests/data/ecg/README.md) and the warnings they give, in Chinese
REAL = [
    ("muse/muse_ecg1.xml", "derived_leads", "III, aVR, aVL, aVF 由 I 和 II 导出"),
    ("scp/scp_tools/ECG_20170504_163507_ANON000009.scp", "derived_leads",
     "III, aVR, aVL, aVF 由 I 和 II 导出"),
    ("sierra/2020-5-18_15-48-11.xml", "calibration_cut", "已去除末尾的定标脉冲（400 ms）"),
    ("sierra/129DYPRG.xml", "calibration_cut", "已去除末尾的定标脉冲（472 ms）"),
    ("wfdb/mixedsignals.hea", "channels_left_out",
     "已排除非心电导联的通道：ABP (mmHg), Pleth (NU), Resp (Ohm)"),
    ("wfdb/mixedsignals.hea", "samples_missing", "部分采样缺失（缺口按 0 显示）"),
    ("wfdb/041s/041s.hea", "samples_missing", "部分采样缺失（缺口按 0 显示）"),
    ("wfdb/test01_00s_frame.hea", "resampled", "已重采样至 1000 Hz：ECG_1 (500 Hz), ECG_3 (500 Hz)"),
]  # fmt: skip


@pytest.mark.parametrize("name, code, chinese", REAL)
def test_real_files_warnings_read_in_chinese(zh, name, code, chinese):
    from app.ecg.readers import read_ecg

    sig = read_ecg(DATA / name)
    shown = [warning_text(w) for w in sig.warnings if code_of(w) == code]
    assert shown == [chinese]


def test_real_left_out_channels_read_in_chinese(zh):
    from app.ecg.readers import read_ecg
    from viewers.ecg.left_out import channel_lines

    sig = read_ecg(DATA / "wfdb" / "mixedsignals.hea")
    assert [code_of(c) for c in sig.left_out] == ["channel_left_out"] * 3
    assert sig.left_out[0] == "ABP (mmHg): not an ECG signal by its name"  # English unchanged
    assert channel_lines(sig.left_out) == [
        "ABP (mmHg) — 非心电信号（按通道名称判断）",
        "Pleth (NU) — 非心电信号（按通道名称判断）",
        "Resp (Ohm) — 非心电信号（按通道名称判断）",
    ]


def test_a_damaged_copy_of_a_real_scp_file_warns_in_chinese(zh, tmp_path):
    from app.ecg.readers import read_ecg

    raw = bytearray((DATA / "scp" / "Example.scp").read_bytes())
    raw[-1] ^= 0x01  # one bit of the last section flipped: the record CRC no longer matches
    bad = tmp_path / "flipped.scp"
    bad.write_bytes(bytes(raw))
    (w,) = read_ecg(bad).warnings
    assert code_of(w) == "checksum"
    assert warning_text(w) == "文件校验和不符：文件可能已损坏"


def test_the_viewer_status_is_translated(qtbot, jobs, zh):
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    muse = DATA / "muse" / "muse_ecg1.xml"
    v = EcgViewer(ViewerContext(None, 1, Modality.ECG, [(None, muse)], jobs, extra={}))
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: v.raw_signal is not None, timeout=60_000)
    assert "III, aVR, aVL, aVF 由 I 和 II 导出" in v.status.text()


def test_the_status_line_follows_a_language_switch(qtbot, jobs, qapp):
    """The warnings keep their codes, so an open viewer re-renders them when the
    user switches language (no English left behind)."""
    from app.domain import Modality
    from ui import i18n
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    sierra = DATA / "sierra" / "2020-5-18_15-48-11.xml"
    v = EcgViewer(ViewerContext(None, 1, Modality.ECG, [(None, sierra)], jobs, extra={}))
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: v.raw_signal is not None, timeout=60_000)
    assert "calibration pulse at the end left out (400 ms)" in v.status.text()
    try:
        i18n.install("zh_CN")
        qtbot.waitUntil(lambda: "已去除末尾的定标脉冲（400 ms）" in v.status.text(), timeout=60_000)
    finally:
        i18n.install("en")
    qtbot.waitUntil(lambda: "calibration pulse" in v.status.text(), timeout=60_000)


def test_analysis_warnings_are_coded_and_read_in_chinese(zh):
    """The analysis' own notes (inference/ecg) are coded too, with their English text
    unchanged: the real LUDB 138 (QT on the leads with a clear T wave) and the real
    230 s bedside record (the cleanest 10 s chosen)."""
    from app.ecg.readers import read_ecg
    from inference.ecg import analyze

    res = analyze(read_ecg(DATA / "wfdb" / "ludb" / "138.hea"))
    qt = next(w for w in res.warnings if code_of(w) == "qt_leads")
    assert str(qt).startswith("QT measured on the leads with a clear T wave: I, V1")
    shown = warning_text(qt)
    assert (
        "T 波清晰的导联" in shown
        and "V1" in shown
        and shown.endswith("导联的 T 波未明显高于噪声）")
    )
    res = analyze(read_ecg(DATA / "wfdb" / "mixedsignals.hea"))
    win = next(w for w in res.warnings if code_of(w) == "window_chosen")
    assert re.match(r"analysed \d+\.\d-\d+\.\d s of 230\.\d s \(the cleanest 10 s", str(win))
    assert "230." in warning_text(win) and "最干净的 10 秒" in warning_text(win)
    assert json.loads(json.dumps(res.summary()["warnings"])) == [str(w) for w in res.warnings]
