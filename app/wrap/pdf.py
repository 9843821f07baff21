"""A signed report's PDF as DICOM Encapsulated PDF (1.2.840.10008.5.1.4.1.1.104.1).

``wrap_pdf(pdf, case, title=...)`` keeps the PDF's bytes as they are
(Encapsulated Document, padded to an even length as DICOM requires; the
document's own length in Encapsulated Document Length), with the case's
patient and study so the PACS files the report beside the images and
waveforms it reports on.  The UIDs come from the case and the PDF's bytes:
the same report wrapped again is the same object; an amended report is a new
instance in the same series.
"""

from __future__ import annotations

from app.wrap.dataset import base_dataset, file_bytes
from app.wrap.op import Case, WrapError, _study_uid, _uid

ENCAPSULATED_PDF = "1.2.840.10008.5.1.4.1.1.104.1"
CONSULT_NOTE = ("11488-4", "LN", "Consult note")


def wrap_pdf(
    pdf: bytes, case: Case, *, title: str = "Consultation report", when=None, instance=None
) -> bytes:
    """The DICOM Encapsulated PDF file (bytes) of ``pdf``; ``instance``: its Instance
    Number (the report's version), else one made from the time."""
    import hashlib
    from datetime import datetime

    from pydicom.dataset import Dataset

    if not pdf.startswith(b"%PDF-"):
        raise WrapError("not a PDF document (no %PDF- header)")
    digest = hashlib.sha256(pdf).hexdigest()
    when = when or case.study_time or datetime(1970, 1, 1)
    study = _study_uid(case)

    sop_uid = _uid("huizhen-pdf", study, digest)
    ds = base_dataset(case, when, study, ENCAPSULATED_PDF, sop_uid, "DOC")
    ds.SeriesInstanceUID = _uid("huizhen-report-series", study)
    ds.SeriesNumber = 990
    ds.InstanceNumber = instance or int(when.strftime("%y%m%d%H%M")) % 2**31
    ds.ConversionType = "WSD"  # workstation
    ds.Manufacturer = "Huizhen"
    ds.BurnedInAnnotation = "YES"  # a report names its patient
    ds.DocumentTitle = title[:64]
    code = Dataset()
    code.CodeValue, code.CodingSchemeDesignator, code.CodeMeaning = CONSULT_NOTE
    ds.ConceptNameCodeSequence = [code]
    ds.MIMETypeOfEncapsulatedDocument = "application/pdf"
    ds.EncapsulatedDocumentLength = len(pdf)
    ds.EncapsulatedDocument = pdf + (b"\0" if len(pdf) % 2 else b"")

    return file_bytes(ds)


def unwrap_pdf(ds) -> bytes:
    """The PDF held by an Encapsulated PDF dataset (its padding removed)."""
    data = bytes(ds.EncapsulatedDocument)
    length = int(ds.get("EncapsulatedDocumentLength", 0) or 0)
    return data[:length] if 0 < length <= len(data) else data.rstrip(b"\0")
