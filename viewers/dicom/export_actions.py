"""The 2D viewer's export commands: file choice, the job, the outcome in the status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog

from ui.failure_text import failure_reason
from ui.read_errors import show_error_on
from ui.series_problems import SeriesProblems, skipped_text
from viewers.dicom import export
from viewers.dicom.texts import translate


def _sources(v) -> list:
    return [p.source for p in v.panes if p.source is not None]


def _run(v, fn, *args, done_text: str) -> None:
    def done(_result) -> None:
        v.status.setText(done_text)

    def failed(err) -> None:
        v.status.setText(
            translate("ImageViewer", "Export failed: %1").replace("%1", failure_reason(err))
        )

    v.ctx.jobs.submit(fn, *args, name="DICOM export", on_done=done, on_error=failed)


def _save(v, out, title: str, default: str, fn, args, done: str) -> None:
    if out is None:
        out, _f = QFileDialog.getSaveFileName(v, title, default, "DICOM (*.dcm)")
    if out:
        _run(v, fn, *args, _sources(v), Path(out), done_text=done.replace("%1", Path(out).name))


def export_sr(v, out: str | None = None) -> None:
    title = translate("ImageViewer", "Export measurements as DICOM SR")
    done = translate("ImageViewer", "Measurements saved as DICOM SR: %1")
    _save(v, out, title, "measurements-sr.dcm", export.measurements_sr, [list(v.marks.items)], done)


def export_kos(v, out: str | None = None) -> None:
    title = translate("ImageViewer", "Save key images as DICOM KOS")
    done = translate("ImageViewer", "Key images saved as DICOM KOS: %1")
    _save(v, out, title, "key-images-kos.dcm", export.key_images_kos, [list(v.key_images)], done)


def export_dicom(v, folder: str | None = None, anonymise: bool | None = None) -> None:
    files = list(getattr(v.pane.source, "files", []) or [])
    if not files:
        return
    if anonymise is None:
        choices = [
            translate("ImageViewer", "Anonymised (DICOM PS3.15 basic profile)"),
            translate("ImageViewer", "Original"),
        ]
        choice, ok = QInputDialog.getItem(
            v,
            translate("ImageViewer", "Export series as DICOM"),
            translate("ImageViewer", "Export:"),
            choices,
            0,
            False,
        )
        if not ok:
            return
        anonymise = choice == choices[0]
    if folder is None:
        folder = QFileDialog.getExistingDirectory(
            v, translate("ImageViewer", "Export series as DICOM")
        )
    if not folder:
        return

    def done(result) -> None:
        text = translate("ImageViewer", "%1 files exported").replace(
            "%1", str(len(result["written"]))
        )
        if result["refused"]:
            refused = [
                translate("ImageViewer", "%1 (%2)").replace("%1", name).replace("%2", why)
                for name, why in ((n, skipped_text(r)) for n, r in result["refused"])
            ]
            sep = SeriesProblems().separator()
            text += sep + translate("ImageViewer", "not exported: %1").replace(
                "%1", sep.join(refused)
            )
        v.status.setText(text)

    v.ctx.jobs.submit(
        export.export_series, files, Path(folder), anonymise, name="DICOM export", on_done=done,
        on_error=lambda e: show_error_on(v.status, translate("ImageViewer", "Export failed: %1"), e),
    )  # fmt: skip
