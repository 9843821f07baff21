"""One settings object: sign-in never rewrites the file, a server saved in Settings reaches
the sync at once, the text size applies at run time (issue 8)."""

from __future__ import annotations

import copy
import json

from test_sync_ui import _window

from app.settings import Settings, load_settings, save_settings, settings_path


def test_sign_in_keeps_the_saved_settings(qtbot, qapp, jobs, clinic_store, home, server):
    saved = Settings(
        language="en", server_url=server.url, data_dir=str(home / "elsewhere"), ecg_px_per_mm=4.25
    )
    save_settings(saved)
    before = settings_path().read_bytes()
    win, ext = _window(qtbot, qapp, clinic_store, jobs, server.url)
    # the start-up object differs from the file (as after --lang/--server): nothing is written
    win.settings.font_size = 14
    ext.sign_in()
    qtbot.waitUntil(lambda: ext.dialog is not None and ext.dialog.isVisible(), timeout=60_000)
    ext.dialog.server.setText(server.url + "/")  # another spelling, this sign-in only
    ext.dialog.username.setText("doctor")
    ext.dialog.password.setText("demo")
    ext.dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: win.sync_label.text().startswith("Sync: synced "), timeout=60_000)
    assert settings_path().read_bytes() == before
    assert load_settings().ecg_px_per_mm == 4.25


def test_server_saved_in_settings_reaches_the_sync(qtbot, qapp, jobs, clinic_store, home, server):
    win, ext = _window(qtbot, qapp, clinic_store, jobs, "http://127.0.0.1:9")
    assert ext.client.base_url == "http://127.0.0.1:9"
    new = copy.deepcopy(win.settings)
    new.server_url = server.url
    new.ecg_px_per_mm = 3.5
    held = win.settings
    win.apply_settings(new)  # what the Settings dialog's Save does
    assert win.settings is held and held.server_url == server.url  # one object, changed in place
    assert json.loads(settings_path().read_text("utf-8"))["ecg_px_per_mm"] == 3.5
    qtbot.waitUntil(lambda: ext.client.base_url == server.url, timeout=60_000)
    qtbot.waitUntil(lambda: "sign in to it" in win.statusBar().currentMessage(), timeout=60_000)
    win.on_login("doctor", "demo")
    qtbot.waitUntil(lambda: win.sync_label.text().startswith("Sync: synced "), timeout=60_000)


def test_text_size_and_language_apply_at_run_time(qtbot, qapp, jobs, clinic_store, home):
    win, _ext = _window(qtbot, qapp, clinic_store, jobs, "http://127.0.0.1:9")
    new = copy.deepcopy(win.settings)
    new.font_size = 14
    win.apply_settings(new)
    assert qapp.font().pointSize() == 14
    win.switch_language("zh_CN")
    assert load_settings().language == "zh_CN" and load_settings().font_size == 14
    qtbot.waitUntil(lambda: "文件" in win.menuBar().actions()[0].text(), timeout=60_000)
    win.switch_language("en")
    new.font_size = 10
    win.apply_settings(new)
    assert qapp.font().pointSize() == 10


def test_a_damaged_settings_file_falls_back_per_field(home):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(
        json.dumps({"language": "xx", "font_size": "big", "ecg_px_per_mm": 4, "server_url": 7}),
        "utf-8",
    )
    s = load_settings()
    assert (s.language, s.font_size, s.ecg_px_per_mm) == ("zh_CN", 10, 4.0)
    assert s.server_url == Settings().server_url
