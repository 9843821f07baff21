"""Editors for a report template's fields, each labelled in the UI language.

A field whose value is still what the AI wrote carries an orange "AI" tag with
the model; typing in it makes it the doctor's text.  Grades are chosen from a
list; AI quotes (pathology counts) are read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import report_templates as rt
from ui.report.texts import field_label, grade_label, group_label, short_label

AI_STYLE = "color:#b06000"


class FieldEditors(QWidget):
    """One editor per field of ``template``; ``changed`` on every edit by the user."""

    changed = Signal()

    def __init__(self, template: rt.Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.editors: dict[str, QPlainTextEdit | QComboBox] = {}
        self.captions: dict[str, QLabel] = {}
        self.ai_tags: dict[str, QLabel] = {}
        self.groups: dict[str, QGroupBox] = {}
        self._filling = False
        self._ai: dict[str, str] = {}
        self._model = ""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for spec in template.fields:
            target = lay
            if spec.group:
                box = self.groups.get(spec.group)
                if box is None:
                    box = self.groups[spec.group] = QGroupBox()
                    QVBoxLayout(box).setContentsMargins(4, 2, 4, 2)
                    lay.addWidget(box)
                target = box.layout()
            caption, tag = QLabel(), QLabel()
            caption.setStyleSheet("font-weight:bold")
            tag.setStyleSheet(AI_STYLE)
            tag.setWordWrap(True)
            if spec.kind == "grade":
                editor = QComboBox()
                for code in rt.GRADES:
                    editor.addItem("", code)
                editor.currentIndexChanged.connect(self._edited)
            else:
                editor = QPlainTextEdit()
                editor.setTabChangesFocus(True)
                editor.setReadOnly(spec.kind == "ai")
                editor.setMinimumHeight(48)
                if spec.kind == "ai":  # a quote of a line or two
                    editor.setMaximumHeight(64)
                editor.textChanged.connect(self._edited)
            target.addWidget(caption)
            target.addWidget(tag)
            target.addWidget(editor, 1 if spec.kind == "text" else 0)
            self.editors[spec.key], self.captions[spec.key] = editor, caption
            self.ai_tags[spec.key] = tag
        self.retranslate()

    # ---- values ------------------------------------------------------------
    def set_values(self, values: dict[str, str], ai: dict[str, str], model: str) -> None:
        self._filling = True
        try:
            self._ai, self._model = dict(ai), model
            for key, editor in self.editors.items():
                v = values.get(key, "")
                if isinstance(editor, QComboBox):
                    editor.setCurrentIndex(max(editor.findData(v), 0))
                elif editor.toPlainText() != v:
                    editor.setPlainText(v)
        finally:
            self._filling = False
        self._tags()

    def values(self) -> dict[str, str]:
        out = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                out[key] = editor.currentData() or ""
            else:
                out[key] = editor.toPlainText()
        return out

    def set_read_only(self, on: bool) -> None:
        for key, editor in self.editors.items():
            spec = self.template.spec(key)
            if isinstance(editor, QComboBox):
                editor.setEnabled(not on)
            else:
                editor.setReadOnly(on or (spec is not None and spec.kind == "ai"))

    def _edited(self, *_a) -> None:
        if not self._filling:
            self._tags()
            self.changed.emit()

    def _tags(self) -> None:
        current = self.values()
        for key, tag in self.ai_tags.items():
            from_ai = key in self._ai and current.get(key) == self._ai[key]
            tag.setVisible(from_ai)
            tag.setText(
                self.tr("AI-suggested (%1): check and change as needed").replace(
                    "%1", self._model or self.tr("model not named")
                )
            )

    def retranslate(self) -> None:
        for key, caption in self.captions.items():
            spec = self.template.spec(key)
            caption.setText(
                short_label(key) if spec is not None and spec.group else field_label(key)
            )
            editor = self.editors[key]
            if isinstance(editor, QComboBox):
                for i in range(editor.count()):
                    editor.setItemText(i, grade_label(editor.itemData(i)))
        for group, box in self.groups.items():
            box.setTitle(group_label(group))
        self._tags()
