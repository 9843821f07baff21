"""An ECG from any reader (WFDB, HL7 aECG, MUSE, Sierra, SCP-ECG...) as a DICOM waveform.

``wrap_ecg(signal, case)`` writes the ``app.ecg.signal.EcgSignal`` as DICOM
12-lead ECG Waveform (1.2.840.10008.5.1.4.1.1.9.1.1) when it fits that IOD
(at most 13 channels, 200-1000 Hz, at most 16384 samples a channel: 16 s at
1 kHz), else as General ECG Waveform (1.2.840.10008.5.1.4.1.1.9.1.2; e.g. a
5-minute Holter strip at 360 Hz), so one archive holds the patient's ECGs
next to the images.  Leads are coded with SCP-ECG lead codes (as the
recording devices' own DICOM ECGs are), samples as 16-bit signed integers
with a per-channel sensitivity in microvolts chosen so the largest sample
fits (1 uV a step for any normal ECG: no precision lost at 16 bits).  The
device's filters go in the channel definitions.  Patient and study come from
the case (``app.wrap.op.Case``) and the UIDs from the case and the samples,
so wrapping the same record again gives the same object.
"""

from __future__ import annotations

import math

import numpy as np

from app.wrap.dataset import base_dataset, file_bytes
from app.wrap.op import Case, WrapError, _study_uid, _uid

TWELVE_LEAD = "1.2.840.10008.5.1.4.1.1.9.1.1"
GENERAL_ECG = "1.2.840.10008.5.1.4.1.1.9.1.2"
# SCP-ECG lead codes (SCPECG scheme, as in PS3.16 CID 3001)
LEAD_CODES = {
    "I": ("5.6.3-9-1", "Lead I"),
    "II": ("5.6.3-9-2", "Lead II"),
    "III": ("5.6.3-9-61", "Lead III"),
    "aVR": ("5.6.3-9-62", "Lead aVR"),
    "aVL": ("5.6.3-9-63", "Lead aVL"),
    "aVF": ("5.6.3-9-64", "Lead aVF"),
    "V1": ("5.6.3-9-3", "Lead V1"),
    "V2": ("5.6.3-9-4", "Lead V2"),
    "V3": ("5.6.3-9-5", "Lead V3"),
    "V4": ("5.6.3-9-6", "Lead V4"),
    "V5": ("5.6.3-9-7", "Lead V5"),
    "V6": ("5.6.3-9-8", "Lead V6"),
}
MAX_GENERAL_SAMPLES = 2**31 // 32  # keeps one object far below the reader limits


def _code(value: str, scheme: str, meaning: str):
    from pydicom.dataset import Dataset

    c = Dataset()
    c.CodeValue, c.CodingSchemeDesignator, c.CodeMeaning = value, scheme, meaning
    return c


def _quantise(mv: np.ndarray) -> tuple[np.ndarray, float]:
    """(int16 samples, microvolts per step) for one lead in millivolts."""
    uv = np.nan_to_num(mv.astype(np.float64) * 1000.0)
    peak = float(np.abs(uv).max()) if uv.size else 0.0
    step = max(1.0, math.ceil(peak / 32000.0))  # 1 uV a step up to +-32 mV
    return np.clip(np.round(uv / step), -32768, 32767).astype(np.int16), step


def sop_class_for(signal) -> str:
    n = len(signal.leads)
    if n <= 13 and 200 <= signal.fs <= 1000 and signal.n_samples <= 16384:
        return TWELVE_LEAD
    return GENERAL_ECG


def wrap_ecg(signal, case: Case, *, description: str = "") -> bytes:
    """The DICOM ECG waveform file (bytes) of ``signal`` (leads in millivolts)."""
    import hashlib
    from datetime import datetime

    from pydicom.dataset import Dataset

    if signal.n_samples < 2 or not len(signal.leads):
        raise WrapError("the ECG holds no samples")
    if signal.n_samples * len(signal.leads) > MAX_GENERAL_SAMPLES:
        raise WrapError("the ECG is too long for one DICOM waveform object")
    sop_class = sop_class_for(signal)
    columns, steps = zip(
        *(_quantise(signal.data[i]) for i in range(len(signal.leads))), strict=True
    )
    samples = np.ascontiguousarray(np.stack(columns, axis=1))  # samples x channels, interleaved
    digest = hashlib.sha256(samples.tobytes()).hexdigest()
    when = signal.acquired or case.study_time or datetime(1970, 1, 1)
    study = _study_uid(case)

    sop_uid = _uid("huizhen-ecg", study, digest)
    ds = base_dataset(case, when, study, sop_class, sop_uid, "ECG")
    ds.SeriesInstanceUID = _uid("huizhen-ecg-series", study, digest)
    ds.SeriesNumber, ds.InstanceNumber = 900, 1
    ds.SeriesDescription = (description or signal.source or "ECG")[:64]
    ds.Manufacturer = "Huizhen (wrapped from the original recording)"
    ds.AcquisitionContextSequence = []

    group = Dataset()
    group.MultiplexGroupTimeOffset = 0.0
    group.TriggerTimeOffset = 0.0
    group.WaveformOriginality = "ORIGINAL"
    group.NumberOfWaveformChannels = len(signal.leads)
    group.NumberOfWaveformSamples = signal.n_samples
    group.SamplingFrequency = float(signal.fs)
    group.MultiplexGroupLabel = "RHYTHM"
    channels = []
    for lead, step in zip(signal.leads, steps, strict=True):
        ch = Dataset()
        code, meaning = LEAD_CODES.get(lead, ("", lead))
        ch.ChannelLabel = lead[:16]
        if code:
            ch.ChannelSourceSequence = [_code(code, "SCPECG", meaning)]
        else:  # a lead without an SCP-ECG code: named by its label
            ch.ChannelSourceSequence = [_code(lead[:16], "99HUIZHEN", meaning[:64])]
        ch.ChannelSensitivity = f"{step:g}"
        ch.ChannelSensitivityUnitsSequence = [_code("uV", "UCUM", "microvolt")]
        ch.ChannelSensitivityCorrectionFactor = "1"
        ch.ChannelBaseline = "0"
        ch.ChannelTimeSkew = "0"
        ch.WaveformBitsStored = 16
        if "highpass" in signal.filters:
            ch.FilterLowFrequency = f"{signal.filters['highpass']:g}"
        if "lowpass" in signal.filters:
            ch.FilterHighFrequency = f"{signal.filters['lowpass']:g}"
        if "notch" in signal.filters:
            ch.NotchFilterFrequency = f"{signal.filters['notch']:g}"
        channels.append(ch)
    group.ChannelDefinitionSequence = channels
    group.WaveformBitsAllocated = 16
    group.WaveformSampleInterpretation = "SS"
    group.WaveformData = samples.astype("<i2").tobytes()
    ds.WaveformSequence = [group]

    return file_bytes(ds)
