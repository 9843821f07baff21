"""Coded ECG reader warnings (Qt-free).

A reader's warning is an ``EcgWarning`` (``app.coded_text.CodedText``): a stable
``code`` and its ``params`` (JSON-able data: numbers, names, lists of names)
that *is* the English text logs, the CLI and the JSON output show, so everything
that stored, compared, joined or printed warnings as strings keeps working; the
UI translates it by ``code`` (``viewers.ecg.warning_text``) and shows text
without a code (stored before codes existed, or from elsewhere) as it is.

Every code and its English wording are defined here, once: ``ENGLISH`` maps a
code to a ``str.format`` template over its params (lists are joined with ", ").
"""

from __future__ import annotations

from app.coded_text import CodedText, code_of

# code -> English template over the params (format specs allowed: {ms:.0f})
ENGLISH: dict[str, str] = {
    "derived_leads": "derived from {first} and {second}: {leads}",
    "samples_missing": "some samples are missing (gaps set to 0)",
    "calibration_cut": "calibration pulse at the end left out ({ms:.0f} ms)",
    "record_cut": "the record is {hours:.1f} h long; only the first {minutes:.0f} min are read",
    "resampled": "resampled to {hz:g} Hz: {channels}",
    "file_truncated": "signal file is truncated: {got} of {want} samples",
    "waveform_truncated": "waveform data is truncated: {got} of {want} samples",
    "lead_truncated": "lead {lead} is truncated: {got} of {want} samples",
    "lead_short": "lead {lead} holds {got} of {want} samples",
    "lead_empty": "lead {lead} has no samples",
    "lengths_cut": "leads have different lengths; cut to {samples} samples",
    "missing_leads": "missing leads: {leads}",
    "median_only": "only median beats are stored; no rhythm data",
    "not_simultaneous": (
        "the leads were not all recorded at the same time (zero where a lead has no data)"
    ),
    "checksum": "the SCP-ECG record checksum does not match: the file may be damaged",
    "amplitude_high": "amplitudes of {mv:.0f} mV are implausible; units are probably wrong (uV?)",
    "amplitude_low": "amplitudes of {uv:.0f} uV are very low; units may be wrong or leads off",
    "unit_unknown": "unknown amplitude unit '{unit}'; assumed {assumed} from the signal size",
    "pacer_positions": "{count} pacer spike positions are not sample indices of the record",
    "channels_left_out": "channels that are not ECG leads were left out: {channels}",
    # why one channel is not an ECG lead (``app.ecg.channels.non_ecg_reason``)
    "not_ecg_name": "not an ECG signal by its name",
    "unit_not_voltage": "unit {unit} is not a voltage",
    "no_zero_baseline": (
        "no voltage unit and the signal does not sit on a zero baseline as an ECG does"
    ),
    # one channel left out: "<channel>: <reason>" (``EcgSignal.left_out``)
    "channel_left_out": "{channel}: {reason}",
    # a long recording the server pre-read on its last seconds only
    "preread_window": "pre-read on the last {seconds:g} s of a {minutes:.0f} min recording",
}


class EcgWarning(CodedText):
    """A reader's warning: its English text carrying its ``code`` and ``params``."""

    english = ENGLISH


def template_fields(code: str) -> list[str]:
    """The param names ``code``'s English template uses, in order."""
    return EcgWarning.fields(code)


__all__ = ["ENGLISH", "EcgWarning", "code_of", "template_fields"]
