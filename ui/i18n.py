"""UI language: loads our .qm catalogue plus Qt's own for standard buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = {"zh_CN": "中文", "en": "English"}

_installed: list[QTranslator] = []


def qm_path(lang: str) -> Path:
    return I18N_DIR / f"huizhen_{lang}.qm"


def install(lang: str) -> bool:
    """Switch the application language; returns False if our catalogue is missing."""
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    QLocale.setDefault(QLocale(lang))
    ok = True
    ours = QTranslator(app)
    if ours.load(str(qm_path(lang))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        ok = lang == "en"  # English is the source language: no catalogue needed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if lang != "en" and qtbase.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    return ok
