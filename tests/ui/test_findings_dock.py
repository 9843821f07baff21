"""The findings dock names an AI model once, as a header over its findings."""

from __future__ import annotations

from PySide6.QtCore import Qt


def texts(dock) -> list[str]:
    return [dock.list.item(i).text() for i in range(dock.list.count())]


def test_model_named_once_above_its_findings(qtbot):
    from ui.findings_dock import FindingsDock

    dock = FindingsDock()
    qtbot.addWidget(dock)
    model = "AI Huizhen chest CT classic 0.1"
    dock.set_findings(
        [
            {"text": "Nodule 1", "source": model, "not_for_clinical_use": True,
             "model": {"name": "Huizhen chest CT classic", "version": "0.1"},
             "notes": ["Clinic X: accepted — Dr Y, 2026-11-30 17:50"]},
            {"text": "Nodule 2", "source": model, "not_for_clinical_use": True},
            {"text": "Measured by hand", "source": "user"},
            {"text": "Rhythm", "source": "AI ECG 2"},
        ]
    )  # fmt: skip
    assert texts(dock) == [
        "AI output — Huizhen chest CT classic, version 0.1\nNot for clinical use",
        "Nodule 1\nClinic X: accepted — Dr Y, 2026-11-30 17:50",
        "Nodule 2",
        "Measured by hand",
        "AI output — ECG 2",
        "Rhythm",
    ]
    header = dock.list.item(0)
    assert not header.flags() & Qt.ItemFlag.ItemIsSelectable
    assert dock.list.item(1).toolTip() == model
    dock.set_findings([])
    assert texts(dock) == [] and dock.hint.text().startswith("No AI findings for this case yet")
