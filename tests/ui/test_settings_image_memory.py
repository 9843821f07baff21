"""The decoded-image memory budget (``imaging_memory_mb``) is set in the Settings dialog."""

from __future__ import annotations

from app.imaging import budget
from app.settings import Settings
from ui.settings_dialog import SettingsDialog


def test_image_memory_is_shown_and_saved(qtbot):
    dlg = SettingsDialog(Settings(language="en"))
    qtbot.addWidget(dlg)
    box = dlg.image_memory
    assert box.value() == 0
    auto_mb = budget.automatic_budget() // 2**20
    assert box.text() == f"Automatic ({auto_mb} MB)"  # 0 reads as the automatic rule
    box.setValue(1024)
    dlg._save()
    assert dlg.result_settings.imaging_memory_mb == 1024
    dlg = SettingsDialog(Settings(language="en", imaging_memory_mb=2048))
    qtbot.addWidget(dlg)
    assert dlg.image_memory.value() == 2048
    dlg.image_memory.setValue(0)
    dlg._save()
    assert dlg.result_settings.imaging_memory_mb == 0


def test_chosen_budget_is_what_the_loader_uses(monkeypatch):
    monkeypatch.setattr("app.settings.load_settings", lambda: Settings(imaging_memory_mb=1024))
    assert budget.memory_budget() == 1024 * 2**20
    monkeypatch.setattr("app.settings.load_settings", lambda: Settings(imaging_memory_mb=0))
    assert budget.memory_budget() == budget.automatic_budget()
