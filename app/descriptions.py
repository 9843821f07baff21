"""Study descriptions the readers make up when a file carries none (Qt-free).

A made-up description ("ECG 3 leads, 249.89 Hz (3 non-ECG channels left out)",
"Whole-slide image 46000x32914, 20x, 0.499 um/px", "Fundus photograph") is a
``Description``: its English text (what the database's text column, the CLI and
sync carry, as before) made of coded parts (``DescriptionPart``) joined with
", ".  The import stores the parts as facts beside the text
(``Study.description_facts``) and the UI renders them in the user's language
(``ui.description_text``); a description the file or its sidecar gave (DICOM
StudyDescription, a clinic's own text) is data and has no parts.
"""

from __future__ import annotations

from typing import Any

from app.coded_text import CodedText

ENGLISH: dict[str, str] = {
    "ecg": "ECG",
    "ecg_format": "ECG ({format})",  # a file format's name: "GE MUSE XML", "SCP-ECG"
    "ecg_12_lead": "12-lead ECG",  # the DICOM waveform SOP classes
    "ecg_general": "General ECG",
    "ecg_ambulatory": "Ambulatory ECG",
    "ecg_general_32bit": "General 32-bit ECG",
    "ecg_leads_rate": "ECG {leads} leads, {hz:g} Hz",
    "ecg_leads_rate_left_out": "ECG {leads} leads, {hz:g} Hz ({others} non-ECG channels left out)",
    "ecg_channels_rate": "ECG {channels} channels, {hz:g} Hz",
    "fundus_photo": "Fundus photograph",
    "slide_size": "Whole-slide image {width}x{height}",
    "slide_power": "{power:g}x",
    "slide_mpp": "{mpp:.3g} um/px",
}
SEPARATOR = ", "


class DescriptionPart(CodedText):
    english = ENGLISH


class Description(str):
    """A made-up description: its English text and its coded ``parts``."""

    def __new__(cls, *parts: DescriptionPart) -> Description:
        obj = super().__new__(cls, SEPARATOR.join(parts))
        obj._parts, obj._facts = list(parts), None
        return obj

    @classmethod
    def stored(cls, text: str, facts: object) -> Description:
        """The text and facts a database row holds; the facts are read when shown
        (a worklist loads thousands of rows and shows a screenful)."""
        obj = super().__new__(cls, text)
        obj._parts, obj._facts = None, facts
        return obj

    @property
    def parts(self) -> list[DescriptionPart]:
        """The coded parts ([] when stored facts are not all known to this version)."""
        if self._parts is None:
            self._parts = parts_of(self._facts) or []
        return self._parts

    def __reduce__(self):
        return (Description.stored, (str(self), self.facts()))

    def facts(self) -> list[dict[str, Any]]:
        """What the database keeps beside the text (JSON)."""
        return [p.to_dict() for p in self.parts]


def described(code: str, **params: Any) -> Description:
    """A one-part description."""
    return Description(DescriptionPart(code, **params))


def facts_of(description: object) -> list[dict[str, Any]] | None:
    """The facts to store for ``description`` (None for a description that is data)."""
    return description.facts() if isinstance(description, Description) else None


def parts_of(facts: object) -> list[DescriptionPart] | None:
    """The parts of stored facts, or None when they are missing or not all known."""
    if not isinstance(facts, list) or not facts:
        return None
    parts = [DescriptionPart.from_dict(f) for f in facts]
    return None if any(p is None for p in parts) else parts


def stored_description(text: str, facts: object) -> str:
    """A study's description as loaded from the database: a ``Description`` (whose
    parts the UI translates) when it has facts, else its text as it is."""
    return Description.stored(text or "", facts) if facts else (text or "")


def facts_or_none(facts: object) -> list[dict[str, Any]] | None:
    """Facts received from elsewhere (sync), kept only when every part is known."""
    parts = parts_of(facts)
    return [p.to_dict() for p in parts] if parts else None
