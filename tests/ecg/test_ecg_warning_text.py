"""Reader warnings shown in the viewer's status line in the user's language."""

from __future__ import annotations

import pytest

from viewers.ecg.warning_text import warning_text

CASES = [
    ("derived from I and II: III, aVR, aVL, aVF", "III, aVR, aVL, aVF 由 I 和 II 导出"),
    ("some samples are missing (gaps set to 0)", "部分采样缺失（缺口按 0 显示）"),
    ("calibration pulse at the end left out (400 ms)", "已去除末尾的定标脉冲（400 ms）"),
    ("resampled to 500 Hz: V (250 Hz)", "已重采样至 500 Hz：V (250 Hz)"),
    ("lead V3 is truncated: 10 of 5000 samples", "导联 V3 不完整：仅有 10/5000 个采样点"),
    ("unknown amplitude unit 'none'; assumed uV from the signal size",
     "未知振幅单位“none”，已按信号大小假定为 uV"),
    ("the record is 24.0 h long; only the first 60 min are read", "记录长 24.0 小时，仅读取前 60 分钟"),
]  # fmt: skip


@pytest.mark.parametrize("english, chinese", CASES)
def test_known_warnings_follow_the_language(qapp, english, chinese):
    from ui import i18n

    try:
        i18n.install("zh_CN")
        assert warning_text(english) == chinese
    finally:
        i18n.install("en")
    shown = warning_text(english)
    assert shown.split()[0].strip("'") in english  # English keeps the reader's values
    for number in [w for w in english.replace("(", " ").split() if w.isdigit()]:
        assert number in shown


def test_an_unknown_warning_is_shown_as_it_is(qapp):
    assert warning_text("something new happened") == "something new happened"


def test_the_viewer_status_is_translated(qtbot, jobs):
    from pathlib import Path

    from app.domain import Modality
    from ui import i18n
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    muse = Path(__file__).resolve().parents[1] / "data" / "ecg" / "muse" / "muse_ecg1.xml"
    try:
        i18n.install("zh_CN")
        v = EcgViewer(ViewerContext(None, 1, Modality.ECG, [(None, muse)], jobs, extra={}))
        qtbot.addWidget(v)
        qtbot.waitUntil(lambda: v.raw_signal is not None, timeout=20000)
        assert "III, aVR, aVL, aVF 由 I 和 II 导出" in v.status.text()
    finally:
        i18n.install("en")
