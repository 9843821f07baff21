"""The ECG readers' warnings (English, Qt-free, in ``EcgSignal.warnings``) in the
user's language for the viewer's status line.  Each known wording is matched by
a pattern and rebuilt from a translated template; an unknown one is shown as it is."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "EcgWarnings"
_N = r"([-+\d.]+)"
# (pattern, template with %1..%n for the pattern's groups)
_KNOWN = [
    (r"derived from (\S+) and (\S+): (.+)",
     QT_TRANSLATE_NOOP("EcgWarnings", "%3 derived from %1 and %2")),
    (r"some samples are missing \(gaps set to 0\)",
     QT_TRANSLATE_NOOP("EcgWarnings", "some samples are missing (gaps shown as 0)")),
    (rf"calibration pulse at the end left out \({_N} ms\)",
     QT_TRANSLATE_NOOP("EcgWarnings", "calibration pulse at the end left out (%1 ms)")),
    (rf"the record is {_N} h long; only the first {_N} min are read",
     QT_TRANSLATE_NOOP("EcgWarnings", "the record is %1 h long; only the first %2 min are read")),
    (r"resampled to ([\d.]+) Hz: (.+)",
     QT_TRANSLATE_NOOP("EcgWarnings", "resampled to %1 Hz: %2")),
    (rf"signal file is truncated: {_N} of {_N} samples",
     QT_TRANSLATE_NOOP("EcgWarnings", "signal file is truncated: %1 of %2 samples")),
    (rf"waveform data is truncated: {_N} of {_N} samples",
     QT_TRANSLATE_NOOP("EcgWarnings", "waveform data is truncated: %1 of %2 samples")),
    (rf"lead (\S+) is truncated: {_N} of {_N} samples",
     QT_TRANSLATE_NOOP("EcgWarnings", "lead %1 is truncated: %2 of %3 samples")),
    (rf"lead (.+) holds {_N} of {_N} samples",
     QT_TRANSLATE_NOOP("EcgWarnings", "lead %1 holds %2 of %3 samples")),
    (r"lead (\S+) has no samples", QT_TRANSLATE_NOOP("EcgWarnings", "lead %1 has no samples")),
    (rf"leads have different lengths; cut to {_N} samples",
     QT_TRANSLATE_NOOP("EcgWarnings", "leads have different lengths; cut to %1 samples")),
    (r"missing leads: (.+)", QT_TRANSLATE_NOOP("EcgWarnings", "missing leads: %1")),
    (r"only median beats are stored; no rhythm data",
     QT_TRANSLATE_NOOP("EcgWarnings", "only median beats are stored; no rhythm data")),
    (r"the leads were not all recorded at the same time \(zero where a lead has no data\)",
     QT_TRANSLATE_NOOP("EcgWarnings",
                       "the leads were not all recorded at the same time (0 where a lead has no data)")),
    (r"the SCP-ECG record checksum does not match: the file may be damaged",
     QT_TRANSLATE_NOOP("EcgWarnings", "the file's checksum does not match: it may be damaged")),
    (rf"amplitudes of {_N} mV are implausible; units are probably wrong \(uV\?\)",
     QT_TRANSLATE_NOOP("EcgWarnings",
                       "amplitudes of %1 mV are implausible; the units are probably wrong (µV?)")),
    (rf"amplitudes of {_N} uV are very low; units may be wrong or leads off",
     QT_TRANSLATE_NOOP("EcgWarnings",
                       "amplitudes of %1 µV are very low; wrong units or leads off?")),
    (r"unknown amplitude unit '(.*)'; assumed (\S+) from the signal size",
     QT_TRANSLATE_NOOP("EcgWarnings", "unknown amplitude unit '%1'; %2 assumed from the signal size")),
    (rf"{_N} pacer spike positions are not sample indices of the record",
     QT_TRANSLATE_NOOP("EcgWarnings",
                       "%1 pacer spike positions are not sample positions of the record")),
]  # fmt: skip
_COMPILED = [(re.compile(p + r"$"), t) for p, t in _KNOWN]


def warning_text(warning: str) -> str:
    """One reader warning in the user's language (unknown wordings unchanged)."""
    for pattern, template in _COMPILED:
        m = pattern.match(warning.strip())
        if m:
            text = QCoreApplication.translate(_CTX, template)
            for i, value in enumerate(m.groups(), start=1):
                text = text.replace(f"%{i}", value)
            return text
    return warning
