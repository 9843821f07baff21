"""Coded reasons a file cannot be read (Qt-free).

A ``ReadError`` says *what kind* of failure it is (``kind``: damaged, cut off,
not supported...) and, where a clinic user can act on it or needs to
understand it, *why*: a ``ReadReason`` (``app.coded_text.CodedText``), a stable
``code`` and its ``params`` that is also an English text.  The UI translates
the reason by its code (``ui.read_errors``); the error's own English message,
which logs, the CLI and JSON show, is unchanged.  Failures of a format's
internals without a code are shown as the kind's sentence with the English
message as technical detail beside it.

Every code and its English wording are defined here, once: ``ENGLISH`` maps a
code to a ``str.format`` template over its params (lists are joined with ", ").
"""

from __future__ import annotations

from app.coded_text import CodedText, code_of

# code -> English template over the params (format specs allowed: {ms:.0f})
ENGLISH: dict[str, str] = {
    # the file itself
    "file_missing": "file {name} does not exist",
    "file_empty": "file {name} is empty",
    "cannot_read": "cannot read {name}",
    "format_unknown": "{name} is not a format Huizhen can read",
    "wrong_format": "not a {format} file",
    "not_dicom": "not a DICOM file",
    "header_damaged": "the file header is damaged",
    "pixels_damaged": "the image data is damaged",
    "xml_damaged": "the XML is damaged or truncated",
    "xml_unsafe": "the XML contains constructs refused for safety",
    "sidecar_damaged": "the patient details file {name} is damaged",
    "truncated_bytes": "the file is cut off: it needs {need} bytes but has {size}",
    "pixels_truncated": "the file ends inside the image data",
    "ends_early": "the file ends before its data is complete",
    # size limits
    "too_large_mb": "the file is too large ({mb} MB; the limit is {limit} MB)",
    "too_large": "the file is too large",
    "image_too_large": "the image is larger than the {limit} million pixels allowed",
    "frame_too_large": "one image would need {mb} MB, more than the {limit} MB allowed",
    "inflate_bomb": "the compressed data expands far beyond any medical image (a zip bomb)",
    # images
    "image_size_invalid": "the image has no valid size ({width} x {height})",
    "no_pixel_data": "the file holds no image ({object} object)",
    "compression_unsupported": "the image compression ({syntax}) cannot be decoded",
    "modality_unsupported": "DICOM modality {modality} is not supported",
    "not_image_object": "the DICOM file is not an image, waveform or known document object",
    "frame_size_differs": "an image of the series has a different size or colour type",
    "series_no_image": "this series holds no image that can be shown",
    "dicomdir_empty": "the DICOMDIR (CD index) lists no files",
    # ECG
    "too_short": "the record is only {ms:.0f} ms long; nothing to show or measure",
    "no_waveform": "the file holds no waveform",
    "no_ecg_channel": "the record holds no ECG lead (only {channels})",
    "no_sampling_rate": "the record gives no usable sampling rate",
    "companion_missing": "file(s) of this record missing: {files}",
    "ecg_format_unknown": (
        "{name} is not a supported ECG format "
        "(DICOM, WFDB, HL7 aECG, GE MUSE XML, GE CardioSoft XML, Philips Sierra XML, SCP-ECG)"
    ),
    "waveform_truncated": "the waveform data is cut off",
    "waveform_damaged": "the waveform data is damaged",
    "waveform_encoding": "the waveform data encoding {encoding} is not supported",
    # cases
    "case_no_file": "this case has no file",
    "case_files_elsewhere": "the file(s) of this case are not on this workstation yet: {files}",
    "cannot_view": "{reader} files cannot be opened for viewing",
    "server_fetch": "the images could not be fetched from the server",
}


class ReadReason(CodedText):
    """Why a file cannot be read: English text carrying its ``code`` and ``params``."""

    english = ENGLISH


def no_ecg_reason(left_out: list) -> ReadReason:
    """Why a record holds no ECG lead: the channels it has (coded ``left_out`` items
    of ``app.ecg.channels``) were all left out, or it has none."""
    names = [getattr(w, "params", {}).get("channel") or str(w) for w in left_out]
    return ReadReason("no_ecg_channel", channels=names) if names else ReadReason("no_waveform")


def template_fields(code: str) -> list[str]:
    """The param names ``code``'s English template uses, in order."""
    return ReadReason.fields(code)


__all__ = ["ENGLISH", "ReadReason", "code_of", "no_ecg_reason", "template_fields"]
