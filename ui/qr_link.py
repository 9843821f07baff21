"""A case's deep link as a QR code (segno) with the link text and a copy button."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def qr_pixmap(text: str, scale: int = 4) -> QPixmap:
    import segno

    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=scale, border=2)
    pix = QPixmap()
    pix.loadFromData(buf.getvalue(), "PNG")
    return pix


class QrLink(QWidget):
    def __init__(self, link: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel()
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#5f6368")
        self.copy = QPushButton(self.tr("Copy link"))
        self.copy.clicked.connect(self._copy)
        side = QVBoxLayout()
        side.addWidget(self.text)
        side.addWidget(self.hint)
        side.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.image)
        lay.addLayout(side, 1)
        self.link = ""
        self.set_link(link)

    def set_link(self, link: str, offline: bool = False) -> None:
        self.link = link
        self.text.setText(link)
        self.image.setPixmap(qr_pixmap(link) if link else QPixmap())
        self.hint.setText(
            self.tr(
                "Scan or paste this link (File › Open link…) to open the case. "
                "The case is not on the server yet; the link works once it is sent."
            )
            if offline
            else self.tr("Scan or paste this link (File › Open link…) to open the case.")
        )

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.link)
