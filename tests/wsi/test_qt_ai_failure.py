"""A slide AI run that fails says so in the user's language, with the program's
English text only as a technical detail (the slide is SYNTHETIC, tests/wsi/conftest.py)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.wsi.test_qt_annotation_tools import open_viewer  # noqa: E402


def test_a_failed_tissue_run_is_told_in_the_users_language(qtbot, jobs, small_slide, monkeypatch):
    import viewers.wsi.qt_slide_actions as actions

    def broken(*args, **kwargs):
        raise RuntimeError("tissue model broken")

    monkeypatch.setattr(actions, "tissue_job", broken)
    viewer = open_viewer(qtbot, jobs, small_slide)
    viewer.last_message = None
    viewer.detect_tissue()
    qtbot.waitUntil(lambda: viewer.last_message is not None, timeout=60000)
    title, text = viewer.last_message
    assert title == "AI analysis failed"
    what, detail = text.split("\n\n")
    assert what == "An unexpected error occurred"
    assert detail == "Technical detail: tissue model broken"
    viewer.close()
