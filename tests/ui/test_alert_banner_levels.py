"""Urgent alerts (a chest CT nodule graded Lung-RADS 4B) are shown as urgent, amber, and
after any critical alert; critical ones stay red and first."""

from __future__ import annotations

from datetime import datetime

from app.ai.store import AckedAlert
from app.store import OpenAlert


def _open(i, level):
    return OpenAlert(i, 10 + i, level, f"AI (m 1): finding {i}", datetime(2026, 7, 1, 9, i),
                     f"DEMO^P{i}", f"P{i}")  # fmt: skip


def test_urgent_alerts_say_urgent_and_come_after_critical_ones(qtbot):
    from ui import i18n
    from ui.alert_banner import AMBER, RED, AlertBanner

    banner = AlertBanner()
    qtbot.addWidget(banner)
    banner.set_alerts([_open(1, "urgent")])
    assert banner.full_text.startswith("⚠ URGENT — ") and "finding 1" in banner.full_text
    assert banner.styleSheet() == AMBER
    banner.set_alerts([_open(1, "urgent"), _open(2, "critical")])  # newest first: urgent
    assert banner.full_text.startswith("⚠ CRITICAL — ") and "finding 2" in banner.full_text
    assert "(+1 more)" in banner.full_text and banner.styleSheet() == RED
    acked = AckedAlert(1, 11, "AI (m 1): finding 1", "", "DEMO Dr Li", datetime(2026, 7, 1, 9, 5),
                       "DEMO^P1", "P1", "urgent")  # fmt: skip
    banner.set_alerts([], acked=[acked])
    assert banner.full_text.startswith("✓ Urgent alert (")
    try:
        i18n.install("zh_CN")
        banner.set_alerts([_open(1, "urgent")])
        assert "紧急" in banner.full_text and "URGENT" not in banner.full_text
    finally:
        i18n.install("en")
