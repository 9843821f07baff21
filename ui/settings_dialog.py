"""Settings: regional server URL, language, text size, data folder, ECG screen calibration,
memory for decoded images."""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.settings import FONT_SIZES, Settings
from ui.i18n import LANGUAGES


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        self.result_settings = copy.deepcopy(settings)
        self.server = QLineEdit(settings.server_url)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.font_size = QSpinBox()
        self.font_size.setRange(*FONT_SIZES)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(settings.font_size)
        self.data_dir = QLineEdit(str(settings.data_path))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.data_dir, 1)
        row.addWidget(browse)
        self.px_per_mm = QDoubleSpinBox()
        self.px_per_mm.setRange(0.0, 40.0)
        self.px_per_mm.setDecimals(2)
        self.px_per_mm.setSpecialValueText(self.tr("Automatic (screen DPI)"))
        self.px_per_mm.setValue(settings.ecg_px_per_mm)
        self.px_per_mm.setSuffix(" px/mm")
        self.image_memory = image_memory_box(settings.imaging_memory_mb, self)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e")
        form = QFormLayout()
        form.addRow(self.tr("Regional server URL"), self.server)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Text size"), self.font_size)
        form.addRow(self.tr("Data folder"), row)
        form.addRow(self.tr("ECG screen calibration"), self.px_per_mm)
        form.addRow(self.tr("Memory for images"), self.image_memory)
        note = QLabel(self.tr("A new data folder takes effect after restarting Huizhen."))
        note.setStyleSheet("color:#5f6368")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), self.data_dir.text())
        if path:
            self.data_dir.setText(path)

    def _save(self) -> None:
        s = copy.deepcopy(self.result_settings)
        s.server_url = self.server.text().strip()
        s.language = self.language.currentData()
        s.data_dir = self.data_dir.text().strip()
        s.ecg_px_per_mm = self.px_per_mm.value()
        s.font_size = self.font_size.value()
        s.imaging_memory_mb = self.image_memory.value()
        if not s.server_url.startswith(("http://", "https://")):
            self.error.setText(self.tr("The server URL must start with http:// or https://"))
            return
        self.result_settings = s
        self.accept()


def image_memory_box(value_mb: int, dialog: QDialog) -> QSpinBox:
    """Decoded-pixel budget in MB (``imaging_memory_mb``); 0 = automatic (half the RAM)."""
    from app.imaging.budget import MIN_MB, automatic_budget, physical_memory

    box = QSpinBox(dialog)
    total_mb = (physical_memory() or 64 * 2**30) // 2**20
    box.setRange(0, max(int(total_mb), MIN_MB))
    box.setSingleStep(256)
    box.setSuffix(" MB")
    auto_mb = automatic_budget() // 2**20
    box.setSpecialValueText(
        QCoreApplication.translate("SettingsDialog", "Automatic (%1 MB)").replace(
            "%1", str(auto_mb)
        )
    )
    box.setValue(max(0, min(int(value_mb or 0), box.maximum())))
    box.setToolTip(
        QCoreApplication.translate(
            "SettingsDialog",
            "Decoded CT/MR slices and images kept in memory. Automatic: half the "
            "computer's memory minus 512 MB. A larger series is loaded every n-th slice "
            "and the viewer says so.",
        )
    )
    return box
