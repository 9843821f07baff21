"""Application start-up: settings, language, store, login, main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from app.settings import load_settings
from ui import gc_guard, i18n
from ui.style import apply_style, set_font_size

log = logging.getLogger(__name__)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Huizhen")
    app.setOrganizationName("Huizhen")
    apply_style(app)
    gc_guard.install(app)  # the cyclic collector runs between events, never inside Qt
    return app


def run(lang: str | None = None, demo: bool = False, server: str | None = None) -> int:
    from app.jobs import JobRunner
    from app.store import Store
    from ui.login_dialog import LoginDialog
    from ui.main_window import MainWindow
    from ui.qt_jobs import QtJobs

    app = make_app()
    settings = load_settings()
    # command-line choices hold for this run; the saved file changes only in Settings
    if lang:
        settings.language = lang
    if server:
        settings.server_url = server
    i18n.install(settings.language)
    set_font_size(app, settings.font_size)
    try:
        store = Store.from_settings(settings)
    except Exception as err:  # unreadable DB, no permission, bad URL: say so and stop cleanly
        log.exception("store")
        QMessageBox.critical(
            None,
            app.translate("Startup", "Huizhen"),
            app.translate(
                "Startup",
                "The local database could not be opened:\n%1\n\nCheck the data folder "
                "in the settings file or ask your IT contact.",
            ).replace("%1", str(err)),
        )
        return 2
    if demo:  # a fresh demo workstation (e.g. the specialist's) gets the demo accounts
        from app.auth import seed_demo_users

        seed_demo_users(store)
    login = LoginDialog(store, demo=demo)
    if not login.exec():
        return 0
    jobs = QtJobs(JobRunner())
    win = MainWindow(store, jobs, settings, login.user)
    win.show()
    if creds := login.take_credentials():
        win.on_login(*creds)  # one sign-in: the server too, in the background
    del creds
    code = app.exec()
    jobs.shutdown()
    store.close()
    return code
