"""DICOM objects that belong to a study without being images of their own:
segmentations (SEG), structured reports (SR, incl. TID 1500 measurements),
presentation states (GSPS, PR), key-object selections (KOS) and encapsulated
documents (DOC: the signed report's PDF, ``app.wrap.pdf``).

They are imported as a series of their study (same StudyInstanceUID), so an
AI segmentation or a measurement report from another workstation arrives with
the images it refers to; the image viewer shows them over those images
(``viewers.dicom.objects``).  A study whose images are not here yet is created
for the patient and takes the images' modality when they arrive.
"""

from __future__ import annotations

from pathlib import Path

from app.domain import Modality
from app.readers.base import Reader, ReadError, StudyMeta, register
from app.readers.dicom import is_dicom_head, meta_from_dataset, read_dataset
from app.readers.reasons import ReadReason

SEG = "1.2.840.10008.5.1.4.1.1.66.4"
SR_PREFIX = "1.2.840.10008.5.1.4.1.1.88."  # every SR class, KOS (88.59) included
KOS = "1.2.840.10008.5.1.4.1.1.88.59"
PR_PREFIX = "1.2.840.10008.5.1.4.1.1.11."  # presentation states (GSPS is 11.1)
DOC_PREFIX = "1.2.840.10008.5.1.4.1.1.104."  # encapsulated PDF (104.1), CDA, ...


def object_kind(sop_class: str) -> str:
    """ "SEG", "SR", "PR", "KO", "DOC" for the classes kept with their study, else ""."""
    sop_class = sop_class.strip().rstrip("\0")
    if sop_class == SEG:
        return "SEG"
    if sop_class == KOS:
        return "KO"
    if sop_class.startswith(SR_PREFIX):
        return "SR"
    if sop_class.startswith(PR_PREFIX):
        return "PR"
    if sop_class.startswith(DOC_PREFIX):
        return "DOC"
    return ""


def _head_class(head: bytes) -> str:
    for uid in (SEG, SR_PREFIX, PR_PREFIX, DOC_PREFIX):
        at = head.find(uid.encode(), 132)
        if at >= 0:
            end = at + len(uid)
            while end < len(head) and head[end : end + 1] in b"0123456789.":
                end += 1
            return head[at:end].decode("ascii")
    return ""


@register
class DicomObjectReader(Reader):
    name = "dicom-object"
    # registry slot beside the image reader (app/modalities.py lists it for CR, CT, US);
    # the objects' studies keep their images' modality
    modality = Modality.CR
    extensions = (".dcm", ".dicom", "")

    def examine(self, path: Path, head: bytes) -> float:
        # above the image reader (0.9): the file meta names the SOP class
        return 0.95 if is_dicom_head(head) and object_kind(_head_class(head)) else 0.0

    def read_meta(self, path: Path) -> StudyMeta:
        ds = read_dataset(path)
        kind = object_kind(str(ds.get("SOPClassUID", "")))
        if not kind:
            raise ReadError(
                "DICOM file is not a SEG, SR, GSPS, KOS or document object",
                "unsupported",
                ReadReason("not_image_object"),
            )
        if not str(ds.get("StudyInstanceUID", "") or "").strip():
            raise ReadError(
                f"DICOM {kind} object names no study (StudyInstanceUID)",
                "corrupt",
                ReadReason("header_damaged"),
            )
        meta = meta_from_dataset(ds, Modality.OTHER)
        meta.extra["series_modality"] = kind
        return meta

    def open(self, files: list[Path], **options):
        raise ReadError(
            "DICOM SEG/SR/GSPS/KOS/document objects belong to their study's images", "unsupported"
        )
