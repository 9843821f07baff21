"""The per-eye AI result panel and the 12-category table."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem

from inference.fundus.grading import CATEGORIES
from viewers.fundus import texts


class EyeResult(QLabel):
    """What the stored AI result says about one eye, labelled as AI output."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel{background:#1e1e1e;color:#eee;padding:6px;border-radius:4px}")

    def show_result(self, eye: str, ai: dict | None, model: str, prior: str | None = None) -> None:
        """``prior``: the date of the prior visit shown (None: this visit)."""
        side = self.tr("Right eye (OD)") if eye == "OD" else self.tr("Left eye (OS)")
        if prior is not None:
            side += " · " + (
                self.tr("prior visit %1").replace("%1", prior) if prior else self.tr("prior visit")
            )
        if ai is None:
            empty = (
                self.tr("No photo or no AI result for this eye at the prior visit")
                if prior is not None
                else self.tr("No photo or no AI result for this eye")
            )
            self.setText(f"<b>{side}</b><br>" + empty)
            return
        lines = [
            f"<b>{side}</b> · <span style='color:#ffd54f'>"
            + self.tr("AI %1 · not for clinical use").replace("%1", model)
            + "</span>"
        ]
        q = ai.get("quality") or {}
        if not ai.get("gradable"):
            lines.append(
                "<span style='color:#ff8a80'><b>"
                + self.tr("Ungradable: retake the photo or refer")
                + "</b></span>"
            )
            lines += ["· " + texts.quality_reason(c) for c in q.get("codes") or []]
        else:
            lines.append(f"<b>{texts.grade(ai.get('icdr_grade'))}</b>")
            dme = self.tr("DME suspected") if ai.get("dme_suspected") else self.tr("No DME sign")
            ref = self.tr("Referable") if ai.get("referable") else self.tr("Not referable")
            lines.append(f"{dme} · <b>{ref}</b>")
            counts = ai.get("counts") or {}
            if counts:
                lines.append(", ".join(f"{texts.lesion(k)} {n}" for k, n in counts.items()))
            if ai.get("cup"):
                lines.append(texts.cup(ai["cup"]))
            t = ai.get("review")
            if t:
                lines.append(
                    "<span style='color:#80d8ff'>"
                    + self.tr("Doctor's review: %1 confirmed, %2 rejected, %3 open")
                    .replace("%1", str(t["confirmed"]))
                    .replace("%2", str(t["rejected"]))
                    .replace("%3", str(t["open"]))
                    + "</span>"
                )
        if len(ai.get("fields") or []) > 1:
            parts = []
            for f in ai["fields"]:
                g = f.get("icdr_grade")
                what = f"ICDR {g}" if f.get("gradable") and g is not None else self.tr("ungradable")
                parts.append(f"{texts.field(f.get('field') or '')} {what}")
            lines.append(self.tr("Fields: %1 (the worse decides)").replace("%1", " · ".join(parts)))
        lines.append(self.tr("Image quality %1").replace("%1", f"{q.get('score', 0):.2f}"))
        lines.append(self._scale(ai))
        self.setText("<br>".join(lines))

    def _scale(self, ai: dict) -> str:
        sc = ai.get("scale") or {}
        if not sc.get("mm_per_px"):
            return self.tr("No mm scale: camera field angle unknown (sizes in disc diameters)")
        disc = (ai.get("disc") or {}).get("diameter_mm")
        text = self.tr("Scale %1 mm/px").replace("%1", f"{sc['mm_per_px']:.4f}")
        if sc.get("field_deg"):
            text += " · " + self.tr("%1° field").replace("%1", f"{sc['field_deg']:g}")
        if disc:
            text += " · " + self.tr("disc %1 mm").replace("%1", f"{disc:.2f}")
        return text


class CategoryTable(QTableWidget):
    """Rows: the 12 screening categories; columns: OD, OS."""

    def __init__(self, parent=None) -> None:
        super().__init__(len(CATEGORIES), 3, parent)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Screening category"), self.tr("Right eye (OD)"), self.tr("Left eye (OS)")]
        )

    def fill(self, eyes: dict[str, dict | None]) -> None:
        for row, name in enumerate(CATEGORIES):
            self.setItem(row, 0, QTableWidgetItem(texts.category(name)))
            for col, eye in ((1, "OD"), (2, "OS")):
                ai = eyes.get(eye)
                v = (ai or {}).get("categories", {}).get(name) if ai else None
                item = QTableWidgetItem(texts.value(v) if v else self.tr("no photo"))
                if v == "not supported":
                    item.setForeground(self.palette().placeholderText())
                if name == "glaucoma_suspect" and (ai or {}).get("cup"):
                    item.setToolTip(
                        texts.cup(ai["cup"])
                        + "\n"
                        + self.tr(
                            "Classical estimate from the pallor of the disc, not a traced cup "
                            "contour; 0.6 or more is a glaucoma suspect"
                        )
                    )
                self.setItem(row, col, item)
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
