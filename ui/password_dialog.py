"""First sign-in with an initial password: the server asks for a new one before anything else.

The dialog takes the current and the new password (twice), checks what it can locally
(match, length, not the user name: the server's policy decides the rest), and changes it
on the job runner; the server's refusal is shown in words.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.sync import LoginExpired, Offline
from app.sync.client import ApiFailure

MIN_LENGTH = 10  # the server's policy (server/security.py); checked here only to say it early


class PasswordChangeDialog(QDialog):
    changed = Signal()

    def __init__(self, client, jobs, parent=None) -> None:
        super().__init__(parent)
        self.client, self.jobs = client, jobs
        self.setWindowTitle(self.tr("Set your own password"))
        self.setMinimumWidth(440)
        intro = QLabel(
            self.tr(
                "This account still has the password it was given. Choose your own before "
                "working with the regional server: at least 10 characters, not your user name."
            )
        )
        intro.setWordWrap(True)
        self.current, self.new, self.repeat = QLineEdit(), QLineEdit(), QLineEdit()
        for field in (self.current, self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b3261e")
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change password"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.current.setFocus()

    def problem(self) -> str:
        new = self.new.text()
        if new != self.repeat.text():
            return self.tr("The two new passwords differ.")
        if len(new) < MIN_LENGTH:
            return self.tr("The new password needs at least 10 characters.")
        if self.client.username and self.client.username.casefold() in new.casefold():
            return self.tr("The new password must not contain your user name.")
        return ""

    def submit(self) -> None:
        if problem := self.problem():
            self.error.setText(problem)
            return
        current, new = self.current.text(), self.new.text()
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Changing the password…"))

        def done(_r) -> None:
            for field in (self.current, self.new, self.repeat):
                field.clear()
            self.changed.emit()
            self.accept()

        def failed(err: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.error.setText(self.error_text(err))

        self.jobs.submit(lambda state: self.client.change_password(current, new),
                         name="password change", on_done=done, on_error=failed)  # fmt: skip

    def error_text(self, err: BaseException) -> str:
        if isinstance(err, LoginExpired):
            return self.tr("The current password is wrong.")
        if isinstance(err, Offline):
            return self.tr("The server could not be reached: %1").replace("%1", str(err))
        if isinstance(err, ApiFailure) and err.code == "weak_password":
            return self.tr("The server refused this password: %1").replace(
                "%1", str(err.body.get("detail", ""))
            )
        return self.tr("The password could not be changed: %1").replace("%1", str(err))
