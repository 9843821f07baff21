"""Exports without identifiers ("anonymise"), Qt-free, for teaching and sharing.

* ``dicom``: DICOM PS3.15 Annex E Basic Application Level Confidentiality
  Profile (``anonymise_dataset``);
* ``documents``: FHIR bundles, annotation documents (QuPath GeoJSON) and
  report text (``anonymise_bundle``, ``anonymise_annotations``, ``scrub``).

One ``Pseudonyms`` object per export maps each identifier to the same
replacement everywhere in that export (so series still group and references
still resolve), and differently in another export.
"""

from app.anon.dicom import anonymise_dataset, anonymise_file
from app.anon.documents import anonymise_annotations, anonymise_bundle, report_header, scrub
from app.anon.pseudonyms import Pseudonyms

__all__ = [
    "Pseudonyms",
    "anonymise_annotations",
    "anonymise_bundle",
    "anonymise_dataset",
    "anonymise_file",
    "report_header",
    "scrub",
]
