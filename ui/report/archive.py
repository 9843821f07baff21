"""The signed report's PDF kept with the case: rendered on a worker as the panel's
"Save PDF" renders it (the viewer's own PDF writer when it has one), wrapped as DICOM
Encapsulated PDF and stored as an object of the study, queued for the regional
server when the case is there (``app.wrap.report_object``)."""

from __future__ import annotations

import tempfile
from pathlib import Path


def signed_pdf(report, header: dict, writer=None, state=None) -> bytes:
    """The signed report's PDF bytes (``writer(path, report, header, state=)``, the
    generic report PDF by default)."""
    from ui.report.pdf import write_pdf

    with tempfile.TemporaryDirectory(prefix="huizhen-pdf-") as tmp:
        path = (writer or write_pdf)(Path(tmp) / "report.pdf", report, header, state=state)
        return Path(path).read_bytes()


def archive_work(store, study_pk: int, report, writer=None, title: str = ""):
    """The job (``fn(state)``) storing ``report``'s PDF with its case; returns
    ``store_report_pdf``'s answer plus the PDF bytes (``"pdf"``).  ``title``: the
    document's title when the viewer names its record (an ECG by its leads)."""
    from app.wrap.report_object import store_report_pdf
    from ui.report.pdf import patient_header
    from ui.report.texts import template_title

    title = title or template_title(report.template)  # on the UI thread: the UI language

    def work(state):
        pdf = signed_pdf(report, patient_header(store, study_pk), writer, state)
        out = store_report_pdf(
            store, study_pk, pdf, title=title, version=report.version, state=state
        )
        return {**out, "pdf": pdf}

    return work
