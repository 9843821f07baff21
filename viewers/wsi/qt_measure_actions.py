"""Slide viewer: the measurement table and threshold classification of AI nuclei.

Mixed into ``SlideViewer`` (needs canvas, layer, findings_changed, _message,
_layers_updated).  The table lists the nuclei layer's measurements; a
classification recolours the layer and its counts per annotation become AI
findings ("Tumour: 50.1% positive (671 of 1,338 nuclei; positive when ...)").
"""

from __future__ import annotations

from PySide6.QtCore import Qt


class MeasureActions:
    def show_measurements(self):
        """The measurement table of the AI nuclei, with histogram, CSV and classification."""
        from viewers.wsi.class_names import class_label
        from viewers.wsi.qt_measurements import MeasurementDialog

        lay = self.canvas.overlays.layer("nuclei") if self.canvas is not None else None
        if lay is None or lay.partial or not lay.data.measurements:
            self._message(
                self.tr("No measurements"),
                self.tr("Detect nuclei first; their measurements are listed here."),
                warn=True,
            )
            return None
        regions = []
        for i, f in enumerate(self.layer.annotations()):
            if f["geometry"].get("type") in ("Polygon", "MultiPolygon"):
                props = f["properties"]
                cls = (props.get("classification") or {}).get("name")
                name = (
                    props.get("name")
                    or (cls and class_label(cls))  # "Tumor" read as 肿瘤; files keep "Tumor"
                    or self.tr("Annotation %1").replace("%1", str(i + 1))
                )
                regions.append((name, f["geometry"]))
        dlg = MeasurementDialog(lay.data, regions, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.classified.connect(lambda _cls: self._reclassified(lay, dlg))
        dlg.show()
        self.measurement_dialog = dlg
        return dlg

    def _reclassified(self, lay, dlg) -> None:
        """Recolour the layer and list the counts per region as AI findings."""
        self.canvas.overlays.invalidate()
        self._layers_updated()
        if self.out:  # the rule, not 100k objects, is saved: reopening re-applies it
            from viewers.wsi.ai_jobs import save_rule

            save_rule(self.out.get("nuclei_rule"), dlg.measure.currentData(), dlg.threshold.value())
        rule = (
            self.tr("%1 ≥ %2")
            .replace("%1", dlg.model.display_name(dlg.measure.currentData() or ""))
            .replace("%2", f"{dlg.threshold.value():.3g}")
        )
        findings = []
        for r in dlg.rows:
            text = (
                self.tr("%1: %2% positive (%3 of %4 nuclei; positive when %5)")
                .replace("%1", r.name)
                .replace("%2", f"{r.percent_positive:.1f}")
                .replace("%3", f"{r.positive:,}")
                .replace("%4", f"{r.total:,}")
                .replace("%5", rule)
            )
            findings.append({"text": text, "source": f"AI {lay.analyzer}", "severity": "info",
                             "not_for_clinical_use": True})  # fmt: skip
        self.findings_changed.emit(findings)
