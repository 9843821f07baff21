"""The shell wiring end to end: a workstation signed in to a real server process
fetches its clinic's subscriptions after the first sync, stops offering an analyzer
the clinic no longer subscribes to, and lists the products in its dialog."""

from __future__ import annotations

from app.ai import registry, subscriptions

WAIT_MS = 60_000


def workstation(qtbot, store, jobs, url: str):
    from app.auth import authenticate, seed_demo_users
    from app.settings import Settings
    from ui import i18n
    from ui.main_window import MainWindow

    i18n.install("en")
    seed_demo_users(store)
    win = MainWindow(store, jobs, Settings(language="en", server_url=url),
                     authenticate(store, "doctor", "demo"))  # fmt: skip
    qtbot.addWidget(win)
    win.on_login("doctor", "demo")  # what ui/main_app.py does after the login dialog
    return win


def test_signed_in_workstation_follows_its_subscriptions(qtbot, jobs, store, server, admin, doctor):
    from ui.aiplatform.extension import AiProductsExtension

    ecg = next(p for p in admin.ok("GET", "/admin/ai-products")["products"]
               if p["code"] == "huizhen-ecg")  # fmt: skip
    org = doctor.user["org_id"]
    admin.ok("DELETE", f"/admin/ai-products/{ecg['id']}/subscriptions/{org}")
    try:
        assert registry.first_analyzer("ECG") is not None  # no list yet: every built-in
        win = workstation(qtbot, store, jobs, server.url)
        ext = next(e for e in win.extensions if isinstance(e, AiProductsExtension))
        qtbot.waitUntil(lambda: subscriptions.current().online, timeout=WAIT_MS)
        assert registry.first_analyzer("ECG") is None and registry.first_analyzer("OP")
        ext.action.trigger()
        rows = [ext.dialog.table.item(r, 0).text() for r in range(ext.dialog.table.rowCount())]
        assert "Huizhen fundus screening" in rows and "Huizhen ECG pre-read" not in rows
        assert server.url in ext.dialog.state_label.text()
        assert ext.action in win.file_menu_extra
        win.close()
    finally:
        admin.ok("POST", f"/admin/ai-products/{ecg['id']}/subscriptions", 201,
                 json={"org_id": org})  # fmt: skip
