"""The signed report's PDF stored with its case as DICOM Encapsulated PDF (Qt-free).

``store_report_pdf`` runs on the job runner after a doctor signs: the PDF the
workstation rendered is wrapped (``app.wrap.pdf.wrap_pdf``) with the case's
patient and study, imported into the study as one of its objects, and, when
the case is on the regional server (or queued to be), queued for upload like
the case's other objects; the server's PACS worker then sends it to the PACS.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path


class ReportObjectError(ValueError):
    pass


def store_report_pdf(
    store, study_pk: int, pdf: bytes, *, title: str, version: int = 1,
    when: datetime | None = None, state=None,
) -> dict:  # fmt: skip
    """Wrap ``pdf`` and import it into the study; returns {"path", "sop_uid", "queued"}."""
    from sqlalchemy import select

    from app.blobstore import sha256_file
    from app.importer import run_import
    from app.models import StoredObject, Study
    from app.readers.dicom_io import read_dicom
    from app.sync.outbox import queue_new_objects
    from app.wrap.dataset import case_of_study
    from app.wrap.pdf import wrap_pdf

    with store.read_session() as s:
        study = s.get(Study, study_pk)
        if study is None:
            raise ReportObjectError(f"no study {study_pk}")
        case = case_of_study(study)
    if state is not None:
        state.progress(0.3, "DICOM")
    data = wrap_pdf(pdf, case, title=title, when=when, instance=version)
    with tempfile.TemporaryDirectory(prefix="huizhen-report-") as tmp:
        path = Path(tmp) / f"report_v{version}.dcm"
        path.write_bytes(data)
        digest = sha256_file(path)
        sop_uid = str(read_dicom(path, stop_before_pixels=True).SOPInstanceUID)
        report = run_import(store, [path])
    wrong = [e for e in report.entries if e.study_pk != study_pk]
    if wrong or not report.entries:
        reason = wrong[0].reason if wrong else "nothing imported"
        raise ReportObjectError(f"the report PDF was not stored with this case: {reason}")
    with store.read_session() as s:
        q = select(StoredObject).where(
            StoredObject.study_pk == study_pk, StoredObject.sha256 == digest
        )
        obj = s.scalars(q).first()
        stored = store.object_file(obj) if obj is not None else None
    return {"path": stored, "sop_uid": sop_uid, "queued": queue_new_objects(store, study_pk)}
