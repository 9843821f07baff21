"""The ECG viewer lists the channels left out as non-ECG, translated (real MIMIC-style
record ``wfdb/mixedsignals``: ECG II, III, V + ABP (mmHg), Pleth (NU), Resp (Ohm))."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pyqtgraph")

WFDB = Path(__file__).resolve().parents[1] / "data" / "ecg" / "wfdb"


def _viewer(qtbot, jobs, path):
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    v = EcgViewer(ViewerContext(None, 1, Modality.ECG, [(None, path)], jobs, extra={}))
    qtbot.addWidget(v)
    return v


def test_left_out_channels_are_listed_with_their_reasons(qtbot, jobs):
    v = _viewer(qtbot, jobs, WFDB / "mixedsignals.hea")
    qtbot.waitUntil(lambda: v.raw_signal is not None, timeout=60_000)
    assert v.left_out.isVisibleTo(v)
    text = v.left_out.text()
    assert "3 channels" in text
    for name in ("ABP (mmHg)", "Pleth (NU)", "Resp (Ohm)"):
        assert name in text
    assert "not an ECG signal (by its name)" in text
    assert "channels that are not ECG leads were left out" not in v.status.text()
    assert [n for n in v.raw_signal.leads] == ["II", "III", "V"]


def test_left_out_text_follows_the_language(qtbot, jobs):
    from ui import i18n

    v = _viewer(qtbot, jobs, WFDB / "mixedsignals.hea")
    qtbot.waitUntil(lambda: v.raw_signal is not None, timeout=60_000)
    try:
        i18n.install("zh_CN")
        qtbot.waitUntil(lambda: "未分析" in v.left_out.text(), timeout=60_000)
        assert "非心电信号" in v.left_out.text() and "ABP (mmHg)" in v.left_out.text()
    finally:
        i18n.install("en")
    qtbot.waitUntil(lambda: "Not analysed" in v.left_out.text(), timeout=60_000)


def test_an_all_ecg_record_shows_no_list(qtbot, jobs, real_dcm):
    v = _viewer(qtbot, jobs, real_dcm)
    qtbot.waitUntil(lambda: v.raw_signal is not None, timeout=60_000)
    assert not v.left_out.isVisibleTo(v) and v.left_out.left_out == []


def test_reasons_from_units_and_baselines_are_translated_too(qapp):
    from app.ecg.channels import left_out_item, non_ecg_reason
    from ui import i18n
    from viewers.ecg.left_out import channel_lines

    flat = 80 + np.sin(np.linspace(0, 20, 100))  # pressure-like: far from a zero baseline
    items = [
        left_out_item("CH3", "%", non_ecg_reason("CH3", "%")),
        left_out_item("CH4", "", non_ecg_reason("CH4", "", flat)),
        "odd",  # stored as plain text: shown as it is
    ]
    assert items[1] == (
        "CH4: no voltage unit and the signal does not sit on a zero baseline as an ECG does"
    )
    assert channel_lines(items) == [
        "CH3 (%) — unit % is not a voltage",
        "CH4 — no voltage unit and no zero baseline (not an ECG)",
        "odd",
    ]
    try:
        i18n.install("zh_CN")
        assert channel_lines(items) == [
            "CH3 (%) — 单位 % 不是电压单位",
            "CH4 — 无电压单位且基线不在零位（非心电信号）",
            "odd",
        ]
    finally:
        i18n.install("en")


def test_the_viewer_analyses_the_whole_record_as_the_pre_read_does(qtbot, jobs):
    """A 230 s bedside record: the viewer's own analysis (no stored result) chooses its
    10 s from the whole record and says the record's real length, as the pre-read and
    ``huizhen ecg analyze`` do (it analysed only the first minute and said "of 60.0 s")."""
    from app.ecg.readers import read_ecg
    from inference.ecg import analyze

    path = WFDB / "mixedsignals.hea"
    expected = analyze(read_ecg(path)).window
    v = _viewer(qtbot, jobs, path)
    qtbot.waitUntil(lambda: getattr(v, "analysis", None) is not None, timeout=60000)
    assert v.analysis.window == expected
    assert expected["record_s"] > 200
