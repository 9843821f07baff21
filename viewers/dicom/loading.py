"""The bar under the 2D viewer while a series' headers are read: progress and Cancel.

The pane shows its first look (the middle file) at once; the bar says the rest of
the series is being read and lets the reader stop it (the first look then stays).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class LoadingBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self._cancel)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel)
        self.retranslate()
        self.setVisible(False)

    def follow(self, pane) -> None:
        """Show the header pass of ``pane`` (the viewer's panes call this when they open)."""
        pane.progress.connect(lambda f, p=pane: self._progress(p, f))

    def _progress(self, pane, fraction: float) -> None:
        self.pane = pane
        done = fraction >= 1.0
        self.setVisible(not done)
        self.bar.setValue(int(100 * min(max(fraction, 0.0), 1.0)))

    def _cancel(self) -> None:
        if self.pane is not None:
            self.pane.cancel_open()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Reading the series…"))
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
