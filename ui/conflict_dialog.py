"""Sync conflicts: both versions side by side; a person decides, nothing is merged
silently."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.sync.conflicts import open_conflicts, resolve


def _text(side: dict) -> str:
    body = side.get("text") or ""
    if side.get("conclusion"):
        body += "\n\n" + side["conclusion"]
    return body


class ConflictDialog(QDialog):
    resolved = Signal(int, str)  # conflict id, "mine" | "theirs"

    def __init__(self, store, jobs, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.jobs, self.username = store, jobs, username
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(860, 480)
        self.list = QListWidget()
        self.list.setMaximumWidth(220)
        self.list.currentRowChanged.connect(self._show)
        self.mine = QPlainTextEdit()
        self.theirs = QPlainTextEdit()
        for w in (self.mine, self.theirs):
            w.setReadOnly(True)
        self.mine_title, self.theirs_title = QLabel(), QLabel()
        self.explain = QLabel(
            self.tr(
                "Someone else changed this report on the server before your change arrived. "
                "Both versions are kept; choose which one stays."
            )
        )
        self.explain.setWordWrap(True)
        self.keep_mine = QPushButton(self.tr("Keep mine (send it again)"))
        self.take_theirs = QPushButton(self.tr("Take theirs"))
        close = QPushButton(self.tr("Close"))
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.take_theirs.clicked.connect(lambda: self._resolve("theirs"))
        close.clicked.connect(self.accept)
        grid = QGridLayout()
        grid.addWidget(self.mine_title, 0, 0)
        grid.addWidget(self.theirs_title, 0, 1)
        grid.addWidget(self.mine, 1, 0)
        grid.addWidget(self.theirs, 1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.take_theirs)
        buttons.addStretch(1)
        buttons.addWidget(close)
        right = QVBoxLayout()
        right.addWidget(self.explain)
        right.addLayout(grid, 1)
        right.addLayout(buttons)
        lay = QHBoxLayout(self)
        lay.addWidget(self.list)
        lay.addLayout(right, 1)
        self.conflicts: list = []
        self.reload()

    def reload(self) -> None:
        self.jobs.submit(
            lambda state: open_conflicts(self.store), name="conflicts", on_done=self.set_conflicts
        )

    def set_conflicts(self, conflicts: list) -> None:
        self.conflicts = list(conflicts)
        self.list.clear()
        for c in self.conflicts:
            self.list.addItem(
                self.tr("Report %1 (%2)")
                .replace("%1", str(c.server_id or c.local_pk))
                .replace("%2", c.created_at.strftime("%Y-%m-%d %H:%M"))
            )
        if self.conflicts:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        has = 0 <= row < len(self.conflicts)
        self.keep_mine.setEnabled(has)
        self.take_theirs.setEnabled(has)
        if not has:
            self.mine.setPlainText("")
            self.theirs.setPlainText("")
            self.mine_title.setText(self.tr("No open conflicts."))
            self.theirs_title.setText("")
            return
        c = self.conflicts[row]
        self.mine_title.setText(
            self.tr("Mine (based on version %1)").replace("%1", str(c.local.get("version", "")))
        )
        self.theirs_title.setText(
            self.tr("On the server (version %1)").replace("%1", str(c.remote.get("version", "")))
        )
        self.mine.setPlainText(_text(c.local))
        self.theirs.setPlainText(_text(c.remote))

    def _resolve(self, keep: str) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        cid = self.conflicts[row].id

        def done(_r) -> None:
            self.resolved.emit(cid, keep)
            self.reload()

        self.jobs.submit(
            lambda state: resolve(self.store, cid, keep, self.username),
            name="resolve",
            on_done=done,
        )
