from PySide6.QtWidgets import QDialog

from app.auth import seed_demo_users
from app.domain import Role


def test_login_accepts_demo_user_and_rejects_wrong_password(qtbot, qt_en, store):
    from ui.login_dialog import LoginDialog

    seed_demo_users(store)
    dlg = LoginDialog(store)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.username, "doctor")
    qtbot.keyClicks(dlg.password, "nope")
    dlg.try_login()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "Wrong user name or password" in dlg.error.text()
    dlg.password.clear()
    qtbot.keyClicks(dlg.password, "demo")
    assert dlg.role.currentData() == Role.COMMUNITY_DOCTOR  # guessed from the user name
    dlg.try_login()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.user.username == "doctor"


def test_login_rejects_a_role_the_user_does_not_have(qtbot, qt_en, store):
    from ui.login_dialog import LoginDialog

    seed_demo_users(store)
    dlg = LoginDialog(store, demo=True)
    qtbot.addWidget(dlg)
    dlg.role.setCurrentIndex(dlg.role.findData(Role.ADMIN))
    dlg.try_login()
    assert "does not have the selected role" in dlg.error.text()
