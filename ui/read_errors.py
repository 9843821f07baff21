"""Read and import errors in the user's language.

A ``ReadError`` (or an import line) is shown as its kind's sentence ("The file
is damaged") followed by its coded reason (``app.readers.reasons.ReadReason``)
translated by code: "文件已损坏：记录仅长 26 毫秒，无法显示或测量".  An error
without a coded reason shows the kind's sentence only; its English message is
technical detail, shown smaller or in a tooltip, never as the main sentence.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.readers.reasons import code_of
from ui.coded_text import fill

_CTX = "ReadErrors"

KINDS: dict[str, str] = {
    "truncated": QT_TRANSLATE_NOOP("ReadErrors", "The file is incomplete (cut off, e.g. during copying)"),
    "corrupt": QT_TRANSLATE_NOOP("ReadErrors", "The file is damaged"),
    "unsupported": QT_TRANSLATE_NOOP("ReadErrors", "This kind of study is not supported yet"),
    "empty": QT_TRANSLATE_NOOP("ReadErrors", "The file is empty"),
    "missing": QT_TRANSLATE_NOOP("ReadErrors", "A file is missing"),
    "metadata": QT_TRANSLATE_NOOP("ReadErrors", "The patient details file beside it is damaged"),
    "unreadable": QT_TRANSLATE_NOOP("ReadErrors", "The file could not be read"),
    # anything else raised on the way (not a reader's error): its message is the detail
    "unexpected": QT_TRANSLATE_NOOP("ReadErrors", "An unexpected error occurred"),
}  # fmt: skip

# code -> (template, the params that fill %1, %2, ...)
TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "file_missing": (QT_TRANSLATE_NOOP("ReadErrors", "file %1 does not exist"), ("name",)),
    "file_empty": (QT_TRANSLATE_NOOP("ReadErrors", "file %1 is empty"), ("name",)),
    "cannot_read": (QT_TRANSLATE_NOOP(
        "ReadErrors", "%1 cannot be read (no access to it, or a disk error)"), ("name",)),
    "format_unknown": (QT_TRANSLATE_NOOP("ReadErrors", "%1 is not a format Huizhen can read"),
                       ("name",)),
    "wrong_format": (QT_TRANSLATE_NOOP(
        "ReadErrors", "not a valid %1 file (its content does not match the format)"), ("format",)),
    "not_dicom": (QT_TRANSLATE_NOOP("ReadErrors", "not a DICOM file"), ()),
    "header_damaged": (QT_TRANSLATE_NOOP("ReadErrors", "the file header is damaged"), ()),
    "pixels_damaged": (QT_TRANSLATE_NOOP("ReadErrors", "the image data is damaged"), ()),
    "xml_damaged": (QT_TRANSLATE_NOOP("ReadErrors", "the XML content is damaged or cut off"), ()),
    "xml_unsafe": (QT_TRANSLATE_NOOP(
        "ReadErrors", "the XML contains declarations refused for safety"), ()),
    "sidecar_damaged": (QT_TRANSLATE_NOOP("ReadErrors", "the patient details file %1 is damaged"),
                        ("name",)),
    "truncated_bytes": (QT_TRANSLATE_NOOP(
        "ReadErrors", "the file is cut off: it needs %1 bytes but has only %2"), ("need", "size")),
    "pixels_truncated": (QT_TRANSLATE_NOOP("ReadErrors", "the file ends inside the image data"),
                         ()),
    "ends_early": (QT_TRANSLATE_NOOP(
        "ReadErrors", "the file ends before its data is complete (cut off?)"), ()),
    "too_large_mb": (QT_TRANSLATE_NOOP("ReadErrors", "the file is too large (%1 MB; the limit is %2 MB)"),
                     ("mb", "limit")),
    "too_large": (QT_TRANSLATE_NOOP("ReadErrors", "the file is too large"), ()),
    "image_too_large": (QT_TRANSLATE_NOOP(
        "ReadErrors", "the image is larger than the %1 million pixels allowed"), ("limit",)),
    "frame_too_large": (QT_TRANSLATE_NOOP(
        "ReadErrors", "one image would need %1 MB, more than the %2 MB allowed"), ("mb", "limit")),
    "inflate_bomb": (QT_TRANSLATE_NOOP(
        "ReadErrors", "the compressed data expands far beyond any medical image (refused for safety)"
    ), ()),
    "image_size_invalid": (QT_TRANSLATE_NOOP("ReadErrors", "the image has no valid size (%1 × %2)"),
                           ("width", "height")),
    "no_pixel_data": (QT_TRANSLATE_NOOP("ReadErrors", "the file holds no image (%1 object)"),
                      ("object",)),
    "compression_unsupported": (QT_TRANSLATE_NOOP(
        "ReadErrors", "the image compression (%1) cannot be decoded"), ("syntax",)),
    "modality_unsupported": (QT_TRANSLATE_NOOP("ReadErrors", "DICOM modality %1 is not supported"),
                             ("modality",)),
    "not_image_object": (QT_TRANSLATE_NOOP(
        "ReadErrors", "the DICOM file is not an image, a waveform or a known document"), ()),
    "frame_size_differs": (QT_TRANSLATE_NOOP(
        "ReadErrors", "an image of the series differs in size or colour type"), ()),
    "series_no_image": (QT_TRANSLATE_NOOP("ReadErrors", "this series holds no image that can be shown"), ()),
    "dicomdir_empty": (QT_TRANSLATE_NOOP("ReadErrors", "the DICOMDIR (disc index) lists no files"), ()),
    "too_short": (QT_TRANSLATE_NOOP(
        "ReadErrors", "the record is only %1 ms long; nothing to show or measure"), ("ms",)),
    "no_waveform": (QT_TRANSLATE_NOOP("ReadErrors", "the file holds no waveform"), ()),
    "no_ecg_channel": (QT_TRANSLATE_NOOP(
        "ReadErrors", "not an ECG: the record holds no ECG lead (only %1)"), ("channels",)),
    "no_sampling_rate": (QT_TRANSLATE_NOOP("ReadErrors", "the record gives no usable sampling rate"), ()),
    "companion_missing": (QT_TRANSLATE_NOOP(
        "ReadErrors", "this record also needs %1 (copy it into the same folder)"
    ), ("files",)),
    "ecg_format_unknown": (QT_TRANSLATE_NOOP(
        "ReadErrors", "%1 is not a supported ECG format "
        "(DICOM, WFDB, HL7 aECG, GE MUSE XML, GE CardioSoft XML, Philips Sierra XML, SCP-ECG)"), ("name",)),
    "waveform_truncated": (QT_TRANSLATE_NOOP("ReadErrors", "the waveform data is cut off"), ()),
    "waveform_damaged": (QT_TRANSLATE_NOOP("ReadErrors", "the waveform data is damaged"), ()),
    "waveform_encoding": (QT_TRANSLATE_NOOP(
        "ReadErrors", "the waveform data encoding %1 is not supported"), ("encoding",)),
    "case_no_file": (QT_TRANSLATE_NOOP("ReadErrors", "this case has no file"), ()),
    "case_files_elsewhere": (QT_TRANSLATE_NOOP(
        "ReadErrors", "the files of this case are not on this workstation yet: %1"), ("files",)),
    "server_fetch": (QT_TRANSLATE_NOOP(
        "ReadErrors", "the images could not be fetched from the regional server"), ()),
    "cannot_view": (QT_TRANSLATE_NOOP("ReadErrors", "%1 files cannot be opened for viewing"),
                    ("reader",)),
}  # fmt: skip


# what the user can do about a file the import could not read, by kind
ADVICE: dict[str, str] = {
    "truncated": QT_TRANSLATE_NOOP(
        "ReadErrors", "Copy it again from the original (the device, disc or USB drive) and import it again."),
    "corrupt": QT_TRANSLATE_NOOP(
        "ReadErrors", "Export it again from the device, or ask the sender for a new copy."),
    "unsupported": QT_TRANSLATE_NOOP(
        "ReadErrors", "Huizhen cannot import it; view it with the device's own software."),
    "empty": QT_TRANSLATE_NOOP(
        "ReadErrors", "Copy it again from the original and import it again."),
    "missing": QT_TRANSLATE_NOOP(
        "ReadErrors", "Check that the file is there (disc or USB drive inserted) and import it again."),
    "metadata": QT_TRANSLATE_NOOP(
        "ReadErrors", "Correct or remove the patient details file beside it and import it again."),
    "unreadable": QT_TRANSLATE_NOOP(
        "ReadErrors", "Check the disc or drive and your access to the file, then import it again."),
    "unexpected": QT_TRANSLATE_NOOP(
        "ReadErrors", "Try again; if it happens again, give the technical detail below to your support."),
    "server": QT_TRANSLATE_NOOP(
        "ReadErrors", "Check the connection to the regional server and try again."),
}  # fmt: skip
# codes whose advice is another kind's (a cut file read as "unreadable"), or none: their
# reason says what to do already
ADVICE_FOR_CODE = {
    "ends_early": "truncated",
    "truncated_bytes": "truncated",
    "pixels_truncated": "truncated",
    "waveform_truncated": "truncated",
    "server_fetch": "server",
    "companion_missing": "",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def kind_text(kind: str) -> str:
    """The sentence for a ``ReadError.kind`` in the user's language."""
    return _tr(KINDS.get(kind, KINDS["unreadable"]))


def reason_text(reason: object) -> str:
    """A coded ``ReadReason`` in the user's language; "" for text without a known code."""
    entry = TEMPLATES.get(code_of(reason))
    if entry is None:
        return ""
    return fill(_CTX, entry[0], entry[1], reason.shown_values())  # type: ignore[attr-defined]


def error_text(kind: str, reason: object = None) -> str:
    """The main sentence: the translated reason when it is coded (it says what is wrong,
    more precisely than the kind, which would only repeat it), else the kind's sentence."""
    why = reason_text(reason)
    return why[:1].upper() + why[1:] if why else kind_text(kind)


def advice_text(kind: str, reason: object = None) -> str:
    """What the user can do about a file that could not be read ("" when its reason says it)."""
    key = ADVICE_FOR_CODE.get(code_of(reason), kind)
    return _tr(ADVICE[key]) if key in ADVICE else ""


def failure_line(kind: str, reason: object = None) -> str:
    """One line for a file that could not be read: what is wrong, then what to do."""
    what, advice = error_text(kind, reason), advice_text(kind, reason)
    if not advice:
        return what
    line = QCoreApplication.translate("ReadErrors", "%1. %2")
    return line.replace("%1", what.rstrip(".")).replace("%2", advice)


def error_parts(err: BaseException) -> tuple[str, str]:
    """(main sentence, technical detail) for anything raised while reading a file:
    the detail is the English message when no coded reason says it in the user's
    language, else ""."""
    kind = getattr(err, "kind", None) or "unexpected"
    reason = getattr(err, "reason", None)
    detail = "" if reason_text(reason) else str(err)
    return error_text(kind, reason), detail


def detail_line(detail: str) -> str:
    """The English technical detail as a line of text ("" for none)."""
    if not detail:
        return ""
    return QCoreApplication.translate("ReadErrors", "Technical detail: %1").replace("%1", detail)


def error_html(message: str, detail: str) -> str:
    """A main sentence with its technical detail as a smaller, grey second line."""
    out = html.escape(message)
    if detail:
        out += f'<br><span style="color:#666; font-size:small">{html.escape(detail_line(detail))}</span>'
    return out


def show_error_on(label, text: str, err: BaseException) -> None:
    """``text`` (translated, "%1" for the reason) on ``label`` with the main sentence for
    ``err``; its technical detail goes to the label's tooltip."""
    message, detail = error_parts(err)
    label.setText(text.replace("%1", message))
    label.setToolTip(detail_line(detail))
