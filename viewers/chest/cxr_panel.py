"""The chest X-ray image checks of the stored AI result, beside the film.

No finding model ships, so without one the panel says "image checks only; no
finding model installed" and lists the checks (view, inversion, exposure,
rotation, lung fields), each with its measured values and a mark when it
failed.  When an installed finding model read the film (the ONNX slot,
``inference/chest/cxr_model.py``), its findings come first, as AI output with
the model's name and version, each with its probability ("not for clinical
use" when the model says so).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from viewers.chest.texts import check_text

OK, BAD, INFO = "#1e7e34", "#c83c1e", "#3c4043"


class CxrChecksPanel(QWidget):
    heatmaps_wanted = Signal()  # store the heatmaps as a DICOM SEG and show them over the film

    def __init__(self, payload: dict, parent=None, offered: list | None = None) -> None:
        super().__init__(parent)
        self.payload = payload
        self.offered = list(offered or [])  # app.ai.products.Product of the regional platform
        self.checks = dict((payload.get("details") or {}).get("checks") or {})
        self.title = QLabel()
        self.title.setStyleSheet("font-weight:bold;font-size:11pt")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#b06000")
        self.table = QLabel()  # a small HTML table: long values wrap instead of being cut
        self.table.setWordWrap(True)
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self.table.setAlignment(Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.title)
        lay.addWidget(self.notice)
        self.ai = QLabel()  # the finding model's positives, when one read the film
        self.ai.setWordWrap(True)
        self.ai.setTextFormat(Qt.TextFormat.RichText)
        self.ai.setVisible(self.has_model())
        lay.addWidget(self.ai)
        self.review = None  # the list to accept or reject each finding (cxr_review_panel)
        self.stored_seg: dict | None = None  # what store_heatmap_seg returned
        self.heatmap_btn = QPushButton()
        self.heatmap_btn.setVisible(bool((payload.get("details") or {}).get("heatmaps")))
        self.heatmap_btn.clicked.connect(self._want_heatmaps)
        lay.addWidget(self.heatmap_btn)
        self.heatmap_status = QLabel()
        self.heatmap_status.setWordWrap(True)
        self.heatmap_status.hide()
        lay.addWidget(self.heatmap_status)
        lay.addWidget(self.table)
        self.platform = QLabel()  # the platform's chest X-ray finding models, when it has some
        self.platform.setWordWrap(True)
        self.platform.setStyleSheet("color:#1a73e8")
        self.platform.setVisible(bool(self.offered))
        lay.addWidget(self.platform)
        lay.addStretch(1)
        self.retranslate()

    def _want_heatmaps(self) -> None:
        self.heatmap_btn.setEnabled(False)
        self.heatmap_status.setText(self.tr("Writing the heatmaps as DICOM SEG…"))
        self.heatmap_status.show()
        self.heatmaps_wanted.emit()

    def heatmaps_stored(self, out: dict | None, error: str = "") -> None:
        """The SEG is stored with the case (``out``) or could not be (``error``)."""
        self.heatmap_btn.setEnabled(out is None)  # stored once: nothing more to do
        self.stored_seg = out
        if out is None:
            text = self.tr("The heatmaps could not be stored: %1").replace("%1", error)
        else:
            text = self.tr("Heatmaps stored with the case as DICOM SEG; shown over the film "
                           "(objects panel: show or hide).")  # fmt: skip
            if out.get("queued"):
                text += " " + self.tr("Queued for the regional server.")
        self.heatmap_status.setText(text)

    def has_findings(self) -> bool:
        """The model found something: each finding to accept or reject."""
        from app.cxr_review import has_model_findings

        return has_model_findings(self.payload)

    def show_review(self, widget):
        """The findings as a list to accept or reject (below the "AI findings" line)."""
        self.review = widget
        lay = self.layout()
        lay.insertWidget(lay.indexOf(self.ai) + 1, widget)
        self.retranslate()
        return widget

    def has_model(self) -> bool:
        """A finding model read this film (its result keeps every label's probability)."""
        return "probabilities" in (self.payload.get("details") or {})

    def ai_lines(self) -> list[tuple[str, float, bool]]:
        """(translated finding, probability, urgent) of the model's positive labels."""
        from PySide6.QtCore import QCoreApplication

        from app.modalities import finding_template

        out = []
        for f in self.payload.get("findings") or []:
            code = str(f.get("code") or "")
            if not code.startswith("CXR_AI_"):
                continue
            found = finding_template(code)
            text = QCoreApplication.translate(*found) if found else str(f.get("text") or code)
            p = float((f.get("evidence") or {}).get("probability") or 0.0)
            out.append((text, p, f.get("severity") == "urgent"))
        return out

    def rows(self) -> list[tuple[str, str, bool | None]]:
        """(check, value, ok) lines; ok None: information only."""
        c = self.checks
        yes, no = self.tr("yes"), self.tr("no")
        view = str(c.get("view") or "unknown")
        view_text = {
            "frontal": self.tr("frontal (%1)"),
            "lateral": self.tr("lateral (%1)"),
            "frontal (from content)": self.tr("frontal (from the image; no view in the header)"),
            "lateral (from content)": self.tr("lateral (from the image; no view in the header)"),
        }.get(view, self.tr("not known"))
        rows = [("view", view_text.replace("%1", str(c.get("view_position", ""))), None)]
        if view == "unknown":
            rows[0] = (rows[0][0], rows[0][1], False)
        rows.append(("inverted_for_display", yes if c.get("inverted_for_display") else no, None))
        exposure = (
            self.tr("%1% of pixels clipped; 90% of pixels span %2% of the range")
            .replace("%1", f"{100 * float(c.get('clipped_fraction') or 0):.1f}")
            .replace("%2", f"{100 * float(c.get('contrast_fraction') or 0):.0f}")
        )
        rows.append(("exposure_ok", exposure, bool(c.get("exposure_ok"))))
        rot = dict(c.get("rotation") or {})
        if rot.get("checked"):
            text = (
                self.tr("lung field areas differ by %1%, tilt %2°")
                .replace("%1", f"{100 * rot['area_asymmetry']:.0f}")
                .replace("%2", f"{rot['tilt_deg']:.0f}")
            )
            rows.append(("rotation", text, bool(rot.get("ok"))))
        else:
            rows.append(("rotation", self.tr("not checked (frontal films only)"), None))
        found = bool(c.get("lung_fields_found"))
        rows.append(("lung_fields_found", yes if found else no, found))
        return rows

    def retranslate(self) -> None:
        model = self.payload.get("model") or {}
        label = f"{model.get('name', '')} {model.get('version', '')}".strip()
        self.title.setText(self.tr("Chest X-ray image checks"))
        self.notice.setText(
            self.tr(
                "Image checks only; no finding model installed. %1, not for clinical use: "
                "the film must be read by a doctor."
            ).replace("%1", label)
        )
        if self.has_model():
            self.retranslate_model(label, bool(model.get("not_for_clinical_use", True)))
        cells = []
        for name, value, ok in self.lines():
            colour = INFO if ok is None else (OK if ok else BAD)
            mark = "" if ok is None else ("✓ " if ok else "✗ ")
            cells.append(
                f"<tr><td style='padding:2px 8px 2px 0'><b>{escape(name)}</b></td>"
                f"<td style='color:{colour};padding:2px 0'>{escape(mark + value)}</td></tr>"
            )
        self.table.setText("<table>" + "".join(cells) + "</table>")
        names = "; ".join(
            f"{p.name} {p.version} ({p.vendor})"
            + (" — " + self.tr("not for clinical use") if p.not_for_clinical_use else "")
            for p in self.offered
        )
        self.platform.setText(
            self.tr("Finding models offered by the regional AI platform: %1").replace("%1", names)
        )

    def retranslate_model(self, label: str, not_clinical: bool) -> None:
        self.heatmap_btn.setText(self.tr("Show AI heatmaps (DICOM SEG)"))
        self.title.setText(self.tr("Chest X-ray: AI findings and image checks"))
        notice = self.tr("AI output of %1: the film must be read by a doctor.").replace("%1", label)
        if not_clinical:
            notice += " " + self.tr("Not for clinical use.")
        self.notice.setText(notice)
        lines = self.ai_lines()
        if not lines:
            self.ai.setText(escape(self.tr("No finding above the model's threshold.")))
            return
        heading = escape(self.tr("AI findings"))
        if self.review is not None:  # listed below, each to accept or reject
            self.ai.setText(f"<b>{heading}</b>")
            return
        urgent = self.tr("urgent")
        items = "".join(
            f"<li style='color:{BAD if u else INFO}'><b>{escape(text)}</b> "
            f"p={p:.2f}{escape(' — ' + urgent) if u else ''}</li>"
            for text, p, u in lines
        )
        self.ai.setText(f"<b>{heading}</b><ul style='margin:0'>{items}</ul>")

    def lines(self) -> list[tuple[str, str, bool | None]]:
        """(translated check name, value, ok) as shown."""
        return [(check_text(k), v, ok) for k, v, ok in self.rows()]

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
