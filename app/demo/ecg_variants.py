"""SYNTHETIC variants of the real demo ECG, for demonstrating the AI pre-read.

``add_st_elevation`` raises the ST segment in the given leads of the rhythm
group: full height at the recording device's own J point, as an injury
current does (it rises over the last 20 ms of the QRS and falls over the last
20 ms before the device's T offset).  The result is labelled synthetic in the file itself.
"""

from __future__ import annotations

import numpy as np

RAMP_MS = 20


def device_beats(ds) -> list[dict[str, int]]:
    """Per-beat fiducials the recording device stored (sample numbers)."""
    beats: dict[int, dict[str, int]] = {}
    for a in ds.get("WaveformAnnotationSequence", []):
        pos = a.get("ReferencedSamplePositions")
        if pos is None or a.get("AnnotationGroupNumber", 0) < 100:
            continue
        name = a.ConceptNameCodeSequence[0].CodeMeaning
        beats.setdefault(int(a.AnnotationGroupNumber), {})[name] = int(pos)
    return [beats[k] for k in sorted(beats) if {"QRS Offset", "T Offset"} <= beats[k].keys()]


def add_st_elevation(ds, leads: tuple[str, ...], mv: float) -> None:
    """Modify ``ds`` in place: +``mv`` millivolts of ST elevation in ``leads``."""
    group = ds.WaveformSequence[0]
    n_ch, n_s = int(group.NumberOfWaveformChannels), int(group.NumberOfWaveformSamples)
    raw = np.frombuffer(group.WaveformData, dtype="<i2").reshape(n_s, n_ch).copy()
    fs = float(group.SamplingFrequency)
    ramp = max(2, int(RAMP_MS * fs / 1000))
    edge = 0.5 - 0.5 * np.cos(np.linspace(0, np.pi, ramp))
    names = [
        str(c.ChannelSourceSequence[0].CodeMeaning).replace("Lead ", "").strip()
        for c in group.ChannelDefinitionSequence
    ]
    beats = device_beats(ds)
    if not beats:
        raise ValueError("the record carries no device fiducials to place the ST change")
    for lead in leads:
        ch = names.index(lead)
        c = group.ChannelDefinitionSequence[ch]
        unit = str(c.ChannelSensitivityUnitsSequence[0].CodeValue)
        per_count_uv = float(c.ChannelSensitivity) * float(
            c.get("ChannelSensitivityCorrectionFactor", 1) or 1
        )
        if unit == "mV":
            per_count_uv *= 1000
        counts = mv * 1000.0 / per_count_uv
        for b in beats:
            j, t_end = b["QRS Offset"], b["T Offset"]
            shape = np.ones(t_end - j + ramp)
            shape[:ramp] = edge
            shape[-ramp:] = edge[::-1]
            j -= ramp  # the rise ends at J
            seg = raw[j:t_end, ch].astype(np.float64) + counts * shape
            raw[j:t_end, ch] = np.clip(np.round(seg), -32768, 32767).astype("<i2")
    group.WaveformData = raw.tobytes()
    # the device's statements no longer describe this tracing
    if "WaveformAnnotationSequence" in ds:
        keep = [a for a in ds.WaveformAnnotationSequence if "UnformattedTextValue" not in a]
        ds.WaveformAnnotationSequence = keep
    ds.ImageComments = (
        f"SYNTHETIC: +{mv:.2f} mV ST elevation added in {', '.join(leads)} "
        "to a real recording, for demonstration only"
    )
