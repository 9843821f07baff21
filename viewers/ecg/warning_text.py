"""The ECG readers' and analysis' coded warnings (``app.ecg.warning_codes.EcgWarning``) in the
user's language: each code has a translated template whose %1..%n take the
warning's params.  A warning without a known code (stored as plain text before
codes existed, or from elsewhere) is shown as its text."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.ecg.warning_codes import code_of
from ui.coded_text import fill

_CTX = "EcgWarnings"
# code -> (template, the params that fill %1, %2, ...)
TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "derived_leads": (QT_TRANSLATE_NOOP("EcgWarnings", "%3 derived from %1 and %2"),
                      ("first", "second", "leads")),
    "samples_missing": (QT_TRANSLATE_NOOP("EcgWarnings",
                                          "some samples are missing (gaps shown as 0)"), ()),
    "calibration_cut": (QT_TRANSLATE_NOOP("EcgWarnings",
                                          "calibration pulse at the end left out (%1 ms)"),
                        ("ms",)),
    "record_cut": (QT_TRANSLATE_NOOP("EcgWarnings",
                                     "the record is %1 h long; only the first %2 min are read"),
                   ("hours", "minutes")),
    "resampled": (QT_TRANSLATE_NOOP("EcgWarnings", "resampled to %1 Hz: %2"), ("hz", "channels")),
    "file_truncated": (QT_TRANSLATE_NOOP("EcgWarnings",
                                         "signal file is truncated: %1 of %2 samples"),
                       ("got", "want")),
    "waveform_truncated": (QT_TRANSLATE_NOOP("EcgWarnings",
                                             "waveform data is truncated: %1 of %2 samples"),
                           ("got", "want")),
    "lead_truncated": (QT_TRANSLATE_NOOP("EcgWarnings", "lead %1 is truncated: %2 of %3 samples"),
                       ("lead", "got", "want")),
    "lead_short": (QT_TRANSLATE_NOOP("EcgWarnings", "lead %1 holds %2 of %3 samples"),
                   ("lead", "got", "want")),
    "lead_empty": (QT_TRANSLATE_NOOP("EcgWarnings", "lead %1 has no samples"), ("lead",)),
    "lengths_cut": (QT_TRANSLATE_NOOP("EcgWarnings",
                                      "leads have different lengths; cut to %1 samples"),
                    ("samples",)),
    "missing_leads": (QT_TRANSLATE_NOOP("EcgWarnings", "missing leads: %1"), ("leads",)),
    "median_only": (QT_TRANSLATE_NOOP("EcgWarnings",
                                      "only median beats are stored; no rhythm data"), ()),
    "not_simultaneous": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "the leads were not all recorded at the same time (0 where a lead has no data)"
    ), ()),
    "checksum": (QT_TRANSLATE_NOOP("EcgWarnings",
                                   "the file's checksum does not match: it may be damaged"), ()),
    "amplitude_high": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "amplitudes of %1 mV are implausible; the units are probably wrong (µV?)"
    ), ("mv",)),
    "amplitude_low": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "amplitudes of %1 µV are very low; wrong units or leads off?"
    ), ("uv",)),
    "unit_unknown": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "unknown amplitude unit '%1'; %2 assumed from the signal size"
    ), ("unit", "assumed")),
    "pacer_positions": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "%1 pacer spike positions are not sample positions of the record"
    ), ("count",)),
    "channels_left_out": (QT_TRANSLATE_NOOP("EcgWarnings",
                                            "channels that are not ECG leads left out: %1"),
                          ("channels",)),
    "not_ecg_name": (QT_TRANSLATE_NOOP("EcgWarnings", "not an ECG signal (by its name)"), ()),
    "unit_not_voltage": (QT_TRANSLATE_NOOP("EcgWarnings", "unit %1 is not a voltage"), ("unit",)),
    "no_zero_baseline": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "no voltage unit and no zero baseline (not an ECG)"
    ), ()),
    "channel_left_out": (QT_TRANSLATE_NOOP("EcgWarnings", "%1 — %2"), ("channel", "reason")),
    "preread_window": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "pre-read on the last %1 s of a %2 min recording"
    ), ("seconds", "minutes")),
    # the analysis' own notes
    "window_whole": (QT_TRANSLATE_NOOP("EcgWarnings", "analysed the whole record (%1 s)"),
                     ("seconds",)),
    "window_chosen": (QT_TRANSLATE_NOOP(
        "EcgWarnings",
        "analysed %1–%2 s of %3 s (the cleanest 10 s: least noise, baseline wander and saturation)"
    ), ("start", "end", "seconds")),
    "record_short": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "the record is only %1 s; measurements are less reliable"
    ), ("seconds",)),
    "leads_unavailable": (QT_TRANSLATE_NOOP("EcgWarnings", "leads not available (not analysed): %1"),
                          ("leads",)),
    "leads_flat": (QT_TRANSLATE_NOOP("EcgWarnings",
                                     "flat or disconnected leads (not analysed): %1"), ("leads",)),
    "few_beats": (QT_TRANSLATE_NOOP("EcgWarnings", "only %1 beats found; measurements unreliable"),
                  ("count",)),
    "model_paced_no_spikes": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "the model suggested a paced rhythm, but no pacer spikes were found: not reported"
    ), ()),
    "model_paced_slow": (QT_TRANSLATE_NOOP(
        "EcgWarnings",
        "the model suggested a paced rhythm, but the sampling is too slow to see spikes: not reported"
    ), ()),
    "model_bbb_narrow": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "the model suggested bundle branch block, but QRS is %1 ms (< 120 ms): not reported"
    ), ("qrs_ms",)),
    "model_bbb_unknown_qrs": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "the model suggested bundle branch block, but QRS is not measured: not reported"
    ), ()),
    "qt_leads": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "QT measured on the leads with a clear T wave: %1 (T wave not clear of the noise in %2)"
    ), ("leads", "noisy")),
    "qt_not_measurable": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "QT not measurable: no lead's T wave stands clear of the noise (no QT grade)"
    ), ()),
    # why a record gets no automatic grade
    "no_waveform": (QT_TRANSLATE_NOOP("EcgWarnings", "not analysable: no waveform in the record"),
                    ()),
    "no_valid_samples": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "not analysable: the waveform holds no valid samples"
    ), ()),
    "too_short": (QT_TRANSLATE_NOOP(
        "EcgWarnings",
        "not analysable: the record is only %1 ms long; automatic analysis needs at least %2 s"
    ), ("ms", "min_s")),
    "not_12_lead": (QT_TRANSLATE_NOOP(
        "EcgWarnings",
        "not a 12-lead ECG: %1 channel(s) (%2); recognised leads: %3; missing %4"
    ), ("count", "channels", "known", "missing")),
    "not_12_lead_unknown": (QT_TRANSLATE_NOOP(
        "EcgWarnings",
        "not a 12-lead ECG: %1 channel(s) (%2); no standard lead recognised; missing %3"
    ), ("count", "channels", "missing")),
    "limb_leads_inconsistent": (QT_TRANSLATE_NOOP(
        "EcgWarnings", "limb leads disagree with Einthoven's law (slope against I and II: %1): lead gains or labels are wrong, so amplitudes and ST deviations are unreliable"
    ), ("leads",)),
}  # fmt: skip


def warning_text(warning: str) -> str:
    """One reader warning in the user's language (text without a known code unchanged)."""
    entry = TEMPLATES.get(code_of(warning))
    if entry is None:
        return str(warning)
    values = warning.shown_values()
    if warning.code == "channel_left_out":  # its reason is a coded warning too
        values["reason"] = warning_text(warning.params.get("reason", ""))
    return fill(_CTX, entry[0], entry[1], values)
