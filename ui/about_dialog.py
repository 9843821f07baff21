"""About: version, component versions, data locations and the clinical-use notice."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app import __version__
from app.cli import versions


class AboutDialog(QDialog):
    def __init__(self, data_dir: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Huizhen"))
        rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in versions().items())
        text = (
            f"<h2>会诊 Huizhen {__version__}</h2>"
            + self.tr("<p>Clinical workstation for a regional remote-diagnosis network.</p>")
            + self.tr(
                "<p><b>Built-in AI models are demonstration models, not for clinical "
                "use.</b> AI output is a suggestion until a doctor confirms it.</p>"
            )
            + f"<table cellspacing=4>{rows}</table>"
            + (f"<p>{self.tr('Data folder')}: {data_dir}</p>" if data_dir else "")
        )
        label = QLabel(text)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addWidget(buttons)
