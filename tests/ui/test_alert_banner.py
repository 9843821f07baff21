"""The red banner follows the store, which follows the server: an acknowledgement
pulled from the server turns it into a line saying who acknowledged and when."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.models import Alert, Study, utcnow


def test_banner_follows_an_acknowledgement_made_elsewhere(window, qtbot):
    from app.sync.apply import apply_page
    from ui import i18n

    store = window.store
    with store.session() as s:
        study = s.scalars(select(Study).where(Study.modality == "ECG")).first()
        study.server_id = 41
        s.add(Alert(study_pk=study.id, level="critical", message="AI (m 1): STEMI",
                    ai_result_uid="u" * 32, finding_code="STEMI", server_id=7))  # fmt: skip
        pk = study.id
    store.events.alert.emit(pk, "critical", "AI (m 1): STEMI")
    qtbot.waitUntil(lambda: bool(window.banner.alerts), timeout=60_000)
    assert "CRITICAL" in window.banner.full_text

    # the server says another workstation acknowledged it a minute ago (what a pull applies)
    when = (utcnow() - timedelta(minutes=1)).isoformat(timespec="milliseconds") + "Z"
    change = {"kind": "alert", "case_id": 41, "data": {
        "id": 7, "case_id": 41, "severity": "critical", "message": "AI (m 1): STEMI",
        "finding_code": "STEMI", "ai_result_uid": "u" * 32,
        "acknowledged_at": when, "acknowledged_by_name": "DEMO Dr Li",
    }}  # fmt: skip
    with store.session() as s:
        apply_page(s, "http://127.0.0.1:1", [change], [], {})
    store.events.changed.emit([pk])
    qtbot.waitUntil(lambda: not window.banner.alerts, timeout=60_000)
    text = window.banner.full_text
    assert "(STEMI)" in text and "acknowledged by DEMO Dr Li at" in text
    assert window.banner.ack_btn.isHidden() and not window.banner.isHidden()
    # the case timeline says it too (its viewer loaded before the language changes)
    window.open_case(pk)
    tab = window.cases.tab_for(pk)
    qtbot.waitUntil(lambda: "acknowledged by DEMO Dr Li" in
                    getattr(getattr(tab, "hz_timeline", None), "text", str)(), timeout=60_000)  # fmt: skip
    assert "(STEMI)" in tab.hz_timeline.text()
    qtbot.waitUntil(lambda: getattr(tab.viewer, "medians", None) is not None, timeout=60_000)
    try:
        i18n.install("zh_CN")
        qtbot.waitUntil(lambda: "DEMO Dr Li" in window.banner.full_text and
                        window.banner.full_text != text, timeout=60_000)  # fmt: skip
        assert "确认" in window.banner.full_text
    finally:
        i18n.install("en")
    with store.read_session() as s:
        assert s.scalar(select(Alert.acknowledged_by_name)) == "DEMO Dr Li"


def test_a_long_alert_stays_one_line_and_the_window_fits_a_clinic_screen(window, qtbot):
    """A wrapped banner made the main window's height depend on its width: an English
    STEMI alert pushed the window from 768 to 802 px. One elided line, whole text in
    the tooltip."""
    window.resize(1366, 768)
    window.show()
    store = window.store
    with store.session() as s:
        study = s.scalars(select(Study).where(Study.modality == "ECG")).first()
        message = "AI (OpenECG codec v6-int8): ST elevation inferior (II, III, aVF): " + (
            "meets STEMI criteria (decided at J) " * 4
        )
        s.add(Alert(study_pk=study.id, level="critical", message=message))
        pk = study.id
    store.events.alert.emit(pk, "critical", message)
    qtbot.waitUntil(
        lambda: bool(window.banner.alerts) and window.banner.isVisible(), timeout=60_000
    )
    banner = window.banner
    qtbot.waitUntil(lambda: banner.text.text() != banner.full_text, timeout=60_000)
    assert banner.text.text().endswith("…") and banner.text.toolTip() == banner.full_text
    assert "meets STEMI criteria" in banner.full_text
    line = banner.text.fontMetrics().height()
    assert banner.text.height() < 2 * line
    qtbot.wait(200)  # let a layout that wanted to grow the window do so
    assert window.height() <= 768
