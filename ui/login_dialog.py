"""Login dialog: user name, password and the role to work in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.auth import LoginError, authenticate
from app.domain import Role
from ui.labels import role_label


class LoginDialog(QDialog):
    def __init__(self, store, parent: QWidget | None = None, demo: bool = False) -> None:
        super().__init__(parent)
        self.store = store
        self.user = None
        # (user name, password) after a successful sign-in, for the one-time sign-in to
        # the regional server; the caller hands them on and clears them (take_credentials)
        self.credentials: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("Huizhen — Sign in"))
        self.setMinimumWidth(380)
        title = QLabel(self.tr("<h2>会诊 Huizhen</h2>Regional remote-diagnosis workstation"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for r in Role:
            self.role.addItem(role_label(r), r)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Role"), self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(form)
        lay.addWidget(self.error)
        if demo:
            hint = QLabel(
                self.tr(
                    "Demo: users doctor / specialist / radiologist / ophthalmologist / "
                    "pathologist / admin, password “demo”. Not for clinical use."
                )
            )
            hint.setWordWrap(True)
            hint.setStyleSheet("color:#5f6368")
            lay.addWidget(hint)
            self.username.setText("doctor")
            self.password.setText("demo")
        lay.addWidget(buttons)
        self.username.textChanged.connect(self._guess_role)

    def _guess_role(self, name: str) -> None:
        guesses = {
            "doctor": Role.COMMUNITY_DOCTOR,
            "specialist": Role.SPECIALIST,
            "pathologist": Role.PATHOLOGIST,
            "admin": Role.ADMIN,
        }
        role = guesses.get(name.strip())
        if role is not None:
            self.role.setCurrentIndex(self.role.findData(role))

    def try_login(self) -> None:
        try:
            self.user = authenticate(
                self.store,
                self.username.text(),
                self.password.text(),
                Role(self.role.currentData()),
            )
        except LoginError as err:
            if str(err) == "role":
                self.error.setText(self.tr("This account does not have the selected role."))
            else:
                self.error.setText(self.tr("Wrong user name or password."))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.credentials = (self.username.text().strip(), self.password.text())
        self.password.clear()
        self.accept()

    def take_credentials(self) -> tuple[str, str] | None:
        """The sign-in's credentials, once: they are forgotten here."""
        creds, self.credentials = self.credentials, None
        return creds
