"""About: version, component versions, AI models, data folder, clinical-use notice."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app import __version__
from app.cli import versions


def model_rows() -> list[tuple[str, str, str, str, bool, bool]]:
    """(name, version, licence, intended use, not for clinical use, can run) of every
    built-in model and model slot."""
    try:
        from inference.registry import REGISTRY

        REGISTRY.load_builtin()
        out = []
        for model_id in REGISTRY.ids():
            m = REGISTRY.get(model_id)
            out.append((m.name, m.version, m.licence, m.intended_use, m.not_for_clinical_use,
                        REGISTRY.available(model_id)))  # fmt: skip
        return out
    except Exception:  # a build without the AI runtime still shows About
        return []


class AboutDialog(QDialog):
    def __init__(self, data_dir: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Huizhen"))
        rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in versions().items())
        not_clinical = self.tr("not for clinical use")
        ai_models = self.tr("AI models")
        found = model_rows()
        models = "".join(
            f"<li><b>{escape(n)} {escape(v)}</b> — {escape(lic)}"
            + (f", <b>{not_clinical}</b>" if demo else "")
            + f"<br><small>{escape(use)}</small></li>"
            for n, v, lic, use, demo, runs in found
            if runs
        )
        empty = [n.removesuffix(" (slot)") for n, *_rest, runs in found if not runs]
        if empty:  # a slot without its model is no model: say so in one line
            line = self.tr("Empty model slots (no model installed; the built-in analysis runs): %1")
            models += f"<li>{escape(line.replace('%1', ', '.join(empty)))}</li>"
        text = (
            f"<h2>会诊 Huizhen {__version__}</h2>"
            + self.tr("<p>Clinical workstation for a regional remote-diagnosis network.</p>")
            + self.tr(
                "<p><b>Built-in AI models are demonstration models, not for clinical "
                "use.</b> AI output is a suggestion until a doctor confirms it.</p>"
            )
            + (f"<p>{ai_models}:</p><ul>{models}</ul>" if models else "")
            + f"<table cellspacing=4>{rows}</table>"
        )
        if data_dir:
            label = self.tr("Data folder: %1").replace("%1", escape(data_dir))
            text += f"<p>{label}</p>"
        label = QLabel(text)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addWidget(buttons)
