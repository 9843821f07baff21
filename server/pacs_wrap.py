"""ECG recordings that are not DICOM (WFDB, HL7 aECG, MUSE, Sierra, SCP-ECG) into the PACS.

With a DICOMweb PACS configured, an ECG record's main file (a WFDB header,
an XML or SCP file) gets a ``wrap_pending`` row when it is uploaded.  The
PACS worker opens the record as the pre-read does (its companions linked
beside it under their names), writes it as a DICOM ECG waveform with the
case's patient and study (``app.wrap.ecg``), STOWs it, and the row becomes
``converted`` with the wrapped instance's UIDs (``wrap_failed`` with the
reason otherwise, retried with failed STOWs: a WFDB header whose ``.dat``
has not arrived yet is wrapped on a later round).  The original file stays
the case's object, as uploaded.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path, PurePath

log = logging.getLogger("huizhen.server.pacs")

PENDING, FAILED = "wrap_pending", "wrap_failed"
HEADS = (".hea", ".xml", ".scp")  # the file a record is opened by (not .dat, .atr)


def index_ecg(sync, s, obj):
    """In the upload's transaction: a ``wrap_pending`` row for an ECG record's main file."""
    if obj.modality != "ECG" or not sync.remote:
        return None
    if PurePath(obj.filename).suffix.lower() not in HEADS:
        return None
    return sync.placeholder(s, obj, PENDING, "ECG")


def case_of(case):
    """The ``app.wrap.op.Case`` of a server case (patient and study of the wrapped object)."""
    from app.wrap.op import Case

    return Case(
        patient_id=case.patient_id or f"CASE-{case.id}",
        patient_name=case.patient_name or "",
        sex=case.patient_sex or "",
        birth_date=case.patient_birth_date or "",
        study_uid=case.study_uid or "",
        study_time=case.study_time or case.created_at,
        accession=f"HZ{case.id}"[:16],
        description=case.study_description or "",
    )


def convert_ecg(sync, object_id: int) -> str:
    """Worker: the record wrapped as DICOM ECG and stored in the PACS."""
    from app.ai import registry
    from app.wrap.ecg import wrap_ecg
    from server.dicominfo import read_dicom_info
    from server.models import Case, StoredObject
    from server.pacs import PacsError
    from server.pacs_wsi import CONVERTED
    from server.preread import record_of
    from server.record_files import link_record

    with sync.sessions() as s:
        obj = s.get(StoredObject, object_id)
        case = s.get(Case, obj.case_id)
        others, _head = record_of(s, obj)
        s.expunge(case)
        blob, name = sync.files.blob_path(obj.sha256), obj.filename
    blobs = [(sync.files.blob_path(o.sha256), o.filename) for o in others]
    fields, error = {}, ""
    try:
        with tempfile.TemporaryDirectory(prefix="hz-wrap-") as tmp:
            link = link_record(Path(tmp), (blob, name), blobs)
            signal = registry.open_file(link, "ECG")
            out = Path(tmp) / "wrapped-ecg.dcm"
            out.write_bytes(wrap_ecg(signal, case_of(case), description=f"{name} (wrapped)"))
            info = read_dicom_info(out)
            sync.backend.store(out, info)
        fields = {
            "study_uid": info.study_uid,
            "series_uid": info.series_uid,
            "sop_uid": info.sop_uid,
            "sop_class_uid": info.sop_class_uid,
            "patient_id": info.patient_id,
        }
    except PacsError as err:
        error = str(err)
    except Exception as err:  # noqa: BLE001 - a reader, a missing companion: "failed", retried
        error = f"{type(err).__name__}: {err}"
        log.warning("ECG %s: wrapping as DICOM failed: %s", object_id, error)
    return sync.settle(object_id, error, FAILED, CONVERTED, fields)
