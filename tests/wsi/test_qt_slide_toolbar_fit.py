"""The slide toolbar shows every action at the width a 1366x768 screen leaves the viewer
(the findings panel beside it): in English it overflowed into "»" and hid the AI and
annotation menus at its end."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.wsi.test_qt_slide_viewer import make_viewer  # noqa: E402

VIEWER_WIDTH = 1096  # 1366 minus the findings panel (260 px) and the window's margins


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_action_hides_behind_the_overflow_button(qtbot, jobs, small_slide, lang):
    from PySide6.QtWidgets import QToolButton

    from ui import i18n

    try:
        i18n.install(lang)
        viewer = make_viewer(qtbot, jobs, [small_slide])
        viewer.resize(VIEWER_WIDTH, 700)
        with qtbot.waitSignal(viewer.loaded, timeout=60_000):
            pass
        tb = viewer.toolbar
        qtbot.waitUntil(lambda: tb.width() >= VIEWER_WIDTH - 20, timeout=60_000)
        more = tb.findChild(QToolButton, "qt_toolbar_ext_button")
        assert more is None or not more.isVisible()
        for button in (viewer.b_ai, viewer.b_file):
            assert button.isVisible() and button.geometry().right() <= tb.width()
    finally:
        i18n.install("en")
