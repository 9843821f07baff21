"""Coded ECG reader and analysis warnings (Qt-free).

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
    # the analysis' own notes (inference/ecg): which part, which leads, what it did not report
    "window_whole": "analysed the whole record ({seconds:.1f} s)",
    "window_chosen": (
        "analysed {start:.1f}-{end:.1f} s of {seconds:.1f} s "
        "(the cleanest 10 s: least noise, baseline wander and saturation)"
    ),
    "record_short": "record is only {seconds:.1f} s; measurements are less reliable",
    "leads_unavailable": "leads not available (not analysed): {leads}",
    "leads_flat": "flat or disconnected leads (not analysed): {leads}",
    "few_beats": "only {count} beats found; measurements unreliable",
    "model_paced_no_spikes": (
        "model suggested a paced rhythm; no pacer spikes detected: not reported"
    ),
    "model_paced_slow": (
        "model suggested a paced rhythm; sampling too slow to see spikes: not reported"
    ),
    "model_bbb_narrow": (
        "model suggested bundle branch block; QRS {qrs_ms:g} ms < 120 ms: not reported"
    ),
    "model_bbb_unknown_qrs": (
        "model suggested bundle branch block; QRS unknown < 120 ms: not reported"
    ),
    "qt_leads": (
        "QT measured on the leads with a clear T wave: {leads} "
        "(T wave not clear of the noise in {noisy})"
    ),
    "qt_not_measurable": (
        "QT not measurable: no lead's T wave stands clear of the noise (no QT grade)"
    ),
    # why a record gets no automatic grade (``inference.ecg.scope``)
    "no_waveform": "no waveform in the record",
    "no_valid_samples": "the waveform holds no valid samples",
    "too_short": (
        "the record is only {ms:.0f} ms long; automatic analysis needs at least {min_s:g} s"
    ),
    "not_12_lead": "{count} channel(s) ({channels}); recognised leads: {known}; missing {missing}",
    "not_12_lead_unknown": (
        "{count} channel(s) ({channels}); recognised leads: none; missing {missing}"
    ),
    "limb_leads_inconsistent": (
        "limb leads disagree with Einthoven's law (slope against I and II: {leads}): "
        "lead gains or labels are wrong, so amplitudes and ST deviations are unreliable"
    ),
}


class EcgWarning(CodedText):
    """A reader's warning: its English text carrying its ``code`` and ``params``."""

    english = ENGLISH


def template_fields(code: str) -> list[str]:
    """The param names ``code``'s English template uses, in order."""
    return EcgWarning.fields(code)


__all__ = ["ENGLISH", "EcgWarning", "code_of", "template_fields"]
