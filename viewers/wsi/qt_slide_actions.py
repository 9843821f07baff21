"""Slide viewer actions: AI jobs, import and export (mixed into ``SlideViewer``).

AI runs as background jobs with a progress dialog and cancel
(``ctx.jobs.run_with_progress``); results become overlay layers labelled
with the analyzer and "not for clinical use", and are saved beside the
annotations.  Import reads QuPath GeoJSON or ASAP XML (skipped features are
reported in a message box); export writes QuPath GeoJSON or DICOM Microscopy
Bulk Simple Annotations.  Message boxes open window-modal without blocking.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.failure_text import failure_reason
from viewers.wsi import annotation_store as astore
from viewers.wsi.ai_jobs import (
    TISSUE_ANALYZER,
    StreamSink,
    load_saved,
    nuclei_job,
    nucleus_set,
    tissue_job,
)
from viewers.wsi.detections import DetectionSet
from viewers.wsi.overlays import HEATMAP_MAX_OPACITY, DetectionLayer, RasterLayer

MAX_LISTED = 10


def import_job(path: Path, state=None):
    from app.annotations import load_annotations

    return load_annotations(path)


def dicom_job(
    path: Path, features: list, source_ds, mpp, extra_path, state=None, anonymise: bool = False
) -> int:
    import json

    from app.annotations.dicom_ann import save_bulk_annotations
    from app.annotations.geojson import parse_geojson

    feats = list(features)
    if extra_path is not None and Path(extra_path).exists():
        feats += parse_geojson(json.loads(Path(extra_path).read_text("utf-8"))).features
    if state is not None:
        state.progress(0.5, "writing DICOM")
    n = save_bulk_annotations(path, feats, source_ds, mpp)
    if anonymise:  # for teaching/sharing: PS3.15 basic profile on the written object
        from app.anon.dicom import anonymise_file

        anonymise_file(Path(path), Path(path))
    return n


class SlideActions:
    """Needs: ctx, source, canvas, layer, panel, out (paths or None), tissue."""

    # -- messages -----------------------------------------------------------
    def _message(self, title: str, text: str, warn: bool = False) -> None:
        self.last_message = (title, text)
        icon = QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.message_box = box

    def _ai_failed(self, err: BaseException) -> None:
        from ui.read_errors import detail_line, error_parts

        what, detail = error_parts(err)  # in the user's language; the English detail below
        text = "\n\n".join(t for t in (what, detail_line(detail)) if t)
        self._message(self.tr("AI analysis failed"), text, warn=True)

    # -- AI -----------------------------------------------------------------
    def detect_tissue(self):
        if self.source is None:
            return None
        return self.ctx.jobs.run_with_progress(
            self,
            self.tr("Detecting tissue…"),
            tissue_job,
            self.source,
            self.out,
            on_done=self._tissue_done,
            on_error=self._ai_failed,
        )

    def view_region(self) -> tuple[int, int, int, int]:
        x, y, w, h = self.canvas.vp.visible()
        sw, sh = self.source.dimensions
        x0, y0 = max(0, int(x)), max(0, int(y))
        x1, y1 = min(sw, int(x + w)), min(sh, int(y + h))
        return x0, y0, max(1, x1 - x0), max(1, y1 - y0)

    def detect_nuclei(self, scope: str = "view"):
        """Nuclei in the view, the selected annotation or all tissue, drawn as tiles finish
        (only when the clinic subscribes to the nuclei product)."""
        from viewers.wsi.ai_offer import nuclei_offered

        if self.source is None or not nuclei_offered():
            return None
        region, inside = None, None
        if scope == "view":
            region = self.view_region()
            title = self.tr("Detecting nuclei in the view…")
        elif scope == "annotation":
            geom = self._selected_area()
            if geom is None:
                self._message(
                    self.tr("No annotation selected"),
                    self.tr("Select an area annotation to detect nuclei inside it."),
                    warn=True,
                )
                return None
            from inference.wsi.regions import bounds

            region, inside = bounds(geom), geom
            title = self.tr("Detecting nuclei in the annotation…")
        else:
            title = self.tr("Detecting nuclei in all tissue…")
        sink = StreamSink({"progress": self.tr("Nuclei: tile %1 of %2, %3 found")})
        self._stream = (sink, [], None)
        self._stream_timer.start()
        job = self.ctx.jobs.run_with_progress(
            self,
            title,
            nuclei_job,
            self.source,
            region,
            self.tissue,
            self.out,
            sink=sink,
            inside=inside,
            on_done=self._nuclei_done,
            on_error=self._nuclei_failed,
            on_cancel=self._nuclei_cancelled,
        )
        if self._stream is not None and self._stream[0] is sink:
            self._stream = (sink, self._stream[1], job)
        return job

    def _selected_area(self):
        for fid in self.layer.selected:
            geom = self.layer.features[fid]["geometry"]
            if geom.get("type") in ("Polygon", "MultiPolygon"):
                return geom
        return None

    def _drain_stream(self) -> None:
        """Draw the tiles finished since the last look (every 250 ms while detecting)."""
        if self._stream is None:
            return
        sink, parts, job = self._stream
        if job is not None and job.done:  # the whole result is on its way: draw only that
            return
        new = sink.take()
        if not new:
            return
        from inference.wsi.parallel import NucleiBatch

        parts.extend(new)
        batch = NucleiBatch.concat(parts)
        from inference.wsi import ANALYZER, VERSION

        analyzer = f"{ANALYZER} {VERSION}"
        self.show_nuclei(nucleus_set(batch, analyzer), analyzer, partial=True)

    def _end_stream(self) -> None:
        self._stream_timer.stop()
        self._stream = None

    def _nuclei_failed(self, err: BaseException) -> None:
        self._end_stream()
        self._drop_partial()
        self._ai_failed(err)

    def _nuclei_cancelled(self) -> None:
        self._end_stream()
        self._drop_partial()

    def _drop_partial(self) -> None:
        lay = self.canvas.overlays.layer("nuclei")
        if lay is not None and lay.partial:  # drawn from the stream, never finished
            self.canvas.overlays.detections.remove(lay)
            self.canvas.overlays.invalidate()
            self._layers_updated()

    def _tissue_done(self, tissue) -> None:
        self.tissue = tissue
        self.show_tissue(tissue.mask, tissue.downsample)
        if self.out:
            astore.record_set(self.ctx.store, self.study_pk, "tissue", self.out["tissue"], 1)
        self.ai_finished.emit("tissue")

    def show_tissue(self, mask, downsample: float) -> None:
        self.canvas.overlays.set_raster(
            RasterLayer(
                mask,
                downsample,
                "tissue",
                title=self.tr("Tissue"),
                analyzer=TISSUE_ANALYZER,
                opacity=0.9,
            )
        )
        self._layers_updated()

    def _nuclei_done(self, res) -> None:
        self._end_stream()
        self.show_nuclei(res.detections, res.analyzer)
        self.show_density(res.density, res.density_ds, res.analyzer)
        if self.out:
            store, pk = self.ctx.store, self.study_pk
            astore.record_set(store, pk, "nuclei", self.out["nuclei"], res.count)
            astore.record_set(store, pk, "density", self.out["density"], 1)
        text = self.tr("%1 nuclei detected (nuclear density heatmap)").replace("%1", str(res.count))
        src = f"AI {res.analyzer}"
        self.findings_changed.emit(
            [{"text": text, "source": src, "severity": "info", "not_for_clinical_use": True}]
        )
        self.ai_finished.emit("nuclei")

    def show_nuclei(self, data: DetectionSet, analyzer: str, partial: bool = False) -> None:
        old = self.canvas.overlays.layer("nuclei")
        title = self.tr("Nuclei (detecting…)") if partial else self.tr("Nuclei")
        layer = DetectionLayer(data, "nuclei", title=title, analyzer=analyzer, partial=partial)
        if old is not None:  # keep what the user set for the layer
            layer.opacity, layer.fill = old.opacity, old.fill
        self.canvas.overlays.add_detections(layer)
        self._layers_updated()

    def show_density(self, values, downsample: float, analyzer: str, visible: bool = False):
        """The density heatmap: off until the user turns it on, never above 40% opacity."""
        lay = RasterLayer(
            values,
            downsample,
            "density",
            title=self.tr("Nuclear density"),
            analyzer=analyzer,
            visible=visible,
            opacity=0.35,
            max_opacity=HEATMAP_MAX_OPACITY,
            unit=self.tr("nuclei/mm²"),
        )
        if self.panel is not None:
            lay.colormap = self.panel.cmap.currentData() or "viridis"
        self.canvas.overlays.set_raster(lay)
        self._layers_updated()
        return lay

    def show_saved(self, found: dict) -> None:
        if "tissue" in found:
            self.show_tissue(*found["tissue"])
        if "nuclei" in found:
            dets = found["nuclei"]
            if [name for name, _ in dets.classes] == ["Negative", "Positive"]:  # a saved rule
                (_, neg), (_, pos) = dets.classes
                dets.classes = [(self.tr("Negative"), neg), (self.tr("Positive"), pos)]
            self.show_nuclei(dets, found["nuclei_analyzer"])
            if "density" in found:
                self.show_density(*found["density"], found["nuclei_analyzer"])

    def _layers_updated(self) -> None:
        if self.panel is not None:
            self.panel.refresh_layers()
            lay = self.canvas.overlays.layer("nuclei")
            if lay is not None and not lay.partial:
                self.panel.refresh()  # nuclei counts per annotation in the list
        self.canvas.update()

    # -- imported detections ------------------------------------------------
    def sync_imported(self) -> None:
        """Detections/cells in the annotation document are drawn by the fast overlay."""
        dets = self.layer.detections()
        key = (len(dets), dets[0]["id"] if dets else None)
        if key == getattr(self, "_imported_key", (0, None)):
            return
        self._imported_key = key
        overlays = self.canvas.overlays
        overlays.detections = [d for d in overlays.detections if d.name != "imported"]
        if dets:
            data = DetectionSet.from_features(dets)
            overlays.add_detections(
                DetectionLayer(data, "imported", title=self.tr("Imported detections"))
            )
        else:
            overlays.invalidate()
        self._layers_updated()

    # -- import / export ----------------------------------------------------
    def import_annotations(self, path: str | Path | None = None):
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import annotations"),
                "",
                self.tr("Annotations (*.geojson *.json *.xml *.dcm);;All files (*)"),
            )
            if not path:
                return None
        return self.ctx.jobs.run_with_progress(
            self,
            self.tr("Importing annotations…"),
            import_job,
            Path(path),
            on_done=lambda res: self._imported(Path(path), res),
            on_error=lambda err: self._message(
                self.tr("Import failed"),
                self.tr("%1 could not be imported: %2")
                .replace("%1", Path(path).name)
                .replace("%2", failure_reason(err)),
                warn=True,
            ),
        )

    def _imported(self, path: Path, result) -> None:
        self.layer.add(result.features, self.tr("Import annotations"))
        self.sync_imported()
        text = (
            self.tr("%1: %2 objects imported, %3 skipped.")
            .replace("%1", path.name)
            .replace("%2", str(len(result.features)))
            .replace("%3", str(len(result.skipped)))
        )
        if result.skipped:
            lines = [
                self.tr("Feature %1: %2").replace("%1", str(i + 1)).replace("%2", reason)
                for i, reason in result.skipped[:MAX_LISTED]
            ]
            if len(result.skipped) > MAX_LISTED:
                lines.append(
                    self.tr("… and %1 more").replace("%1", str(len(result.skipped) - MAX_LISTED))
                )
            self._message(
                self.tr("Some features were skipped"), text + "\n\n" + "\n".join(lines), True
            )
        else:
            self._message(self.tr("Annotations imported"), text)
        self.imported.emit(len(result.features), len(result.skipped))

    def export_geojson(self, path: str | Path | None = None) -> Path | None:
        from app.annotations import save_annotations

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export annotations"),
                "annotations.geojson",
                self.tr("GeoJSON (*.geojson)"),
            )
            if not path:
                return None
        path = Path(path)
        save_annotations(path, list(self.layer.features.values()))
        self.status.setText(self.tr("Annotations exported to %1").replace("%1", str(path)))
        return path

    def _dicom_source(self):
        from app.annotations.dicom_ann import source_descriptor

        if self.source.path.suffix.lower() == ".dcm":
            import pydicom

            try:
                return pydicom.dcmread(self.source.path, stop_before_pixels=True)
            except Exception:  # not a readable DICOM after all: describe it instead
                pass
        kw = {}
        store, pk = getattr(self.ctx, "store", None), self.study_pk
        if store is not None and pk is not None:
            try:
                st = store.study(pk)
                kw = {
                    "study_uid": st.uid,
                    "patient_id": st.patient.patient_id,
                    "patient_name": st.patient.name,
                }
            except (KeyError, AttributeError):
                kw = {}
        return source_descriptor(size=self.source.dimensions, **kw)

    def export_dicom_anonymised(self, path: str | Path | None = None):
        return self.export_dicom(path, anonymise=True)

    def export_dicom(self, path: str | Path | None = None, anonymise: bool = False):
        from app.annotations.dicom_ann import available

        if not available():
            self._message(
                self.tr("DICOM export unavailable"),
                self.tr("DICOM annotation export needs the highdicom package."),
                warn=True,
            )
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export DICOM annotations"),
                "annotations.dcm",
                self.tr("DICOM (*.dcm)"),
            )
            if not path:
                return None
        path = Path(path)
        extra = self.out["nuclei"] if self.out and self.canvas.overlays.layer("nuclei") else None
        return self.ctx.jobs.run_with_progress(
            self,
            self.tr("Exporting DICOM annotations…"),
            dicom_job,
            path,
            list(self.layer.features.values()),
            self._dicom_source(),
            self.source.mpp,
            extra,
            anonymise=anonymise,
            on_done=lambda n: self.status.setText(
                self.tr("%1 annotation groups exported to %2")
                .replace("%1", str(n))
                .replace("%2", str(path))
            ),
            on_error=lambda err: self._message(
                self.tr("DICOM export failed"), failure_reason(err), warn=True
            ),
        )


__all__ = ["SlideActions", "load_saved"]
