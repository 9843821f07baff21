"""An account with an initial password: the workstation asks for a new one at the first
sign-in to the server, then syncs (issue 13: forced change of initial passwords)."""

from __future__ import annotations

from sync_helpers import Api
from test_sync_ui import _window

INITIAL = "given-by-admin-1"


def test_first_sign_in_asks_for_a_new_password_then_syncs(
    qtbot, qapp, jobs, clinic_store, home, server
):
    from ui.password_dialog import PasswordChangeDialog

    admin = Api(server.url, "admin")
    org = admin.ok("POST", "/admin/organisations", 201,
                   json={"code": "clinic-real-1", "name": "村卫生室", "kind": "clinic"})  # fmt: skip
    admin.ok("POST", "/admin/users", 201, json={"username": "newdoc", "password": INITIAL,
             "role": "community_doctor", "org_id": org["id"]})  # fmt: skip

    win, ext = _window(qtbot, qapp, clinic_store, jobs, server.url)
    win.on_login("newdoc", INITIAL)
    qtbot.waitUntil(lambda: isinstance(ext.dialog, PasswordChangeDialog), timeout=60_000)
    dlg = ext.dialog
    dlg.current.setText(INITIAL)
    dlg.new.setText("fresh-pass-2026")
    dlg.repeat.setText("fresh-pass-2027")
    dlg.buttons.accepted.emit()
    assert "differ" in dlg.error.text()  # said before anything is sent
    dlg.current.setText("not-the-password")
    dlg.repeat.setText("fresh-pass-2026")
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "current password is wrong" in dlg.error.text(), timeout=60_000)
    dlg.current.setText(INITIAL)
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: win.sync_label.text().startswith("Sync: synced "), timeout=60_000)
    assert not ext.client.password_change_required
    Api(server.url, "newdoc", "fresh-pass-2026")  # the new password is the one that works
