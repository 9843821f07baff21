"""SYNTHETIC variants of the real demo ECG, for demonstrating the AI pre-read.

``add_st_elevation`` raises the ST segment in the given leads of the rhythm
group: full height at the recording device's own J point, as an injury
current does (it rises over the last 20 ms of the QRS and falls over the last
20 ms before the device's T offset).  The limb leads are six views of one frontal
vector, so an elevation asked of some of them moves all six as Einthoven's law says
(II, III, aVF raised by 0.3 mV lower aVR and aVL by 0.15 mV: the reciprocal change a
real inferior injury current gives); a record that broke the law would be flagged by
the analysis' limb-lead check.  The result is labelled synthetic in the file itself.
"""

from __future__ import annotations

import numpy as np

RAMP_MS = 20
# each limb lead as (weight of I, weight of II): III = II - I, aVR = -(I + II) / 2, ...
LIMB = {
    "I": (1.0, 0.0),
    "II": (0.0, 1.0),
    "III": (-1.0, 1.0),
    "aVR": (-0.5, -0.5),
    "aVL": (1.0, -0.5),
    "aVF": (-0.5, 1.0),
}


def st_shifts(leads: tuple[str, ...], mv: float) -> dict[str, float]:
    """The ST shift of every lead when ``leads`` are raised by ``mv``: the frontal
    vector that raises the named limb leads best (least squares) shifts all six."""
    shifts = {lead: mv for lead in leads if lead not in LIMB}
    limb = [lead for lead in leads if lead in LIMB]
    if limb:
        a = np.array([LIMB[lead] for lead in limb])
        vec = np.linalg.lstsq(a, np.full(len(limb), mv), rcond=None)[0]
        for lead, w in LIMB.items():
            v = round(float(np.dot(w, vec)), 4)
            if abs(v) >= 0.001:
                shifts[lead] = v
    return shifts


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
    shifts = st_shifts(leads, mv)
    for lead, lead_mv in shifts.items():
        ch = names.index(lead)
        c = group.ChannelDefinitionSequence[ch]
        unit = str(c.ChannelSensitivityUnitsSequence[0].CodeValue)
        per_count_uv = float(c.ChannelSensitivity) * float(
            c.get("ChannelSensitivityCorrectionFactor", 1) or 1
        )
        if unit == "mV":
            per_count_uv *= 1000
        counts = lead_mv * 1000.0 / per_count_uv
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
    also = [f"{v:+.2f} mV in {lead}" for lead, v in shifts.items() if lead not in leads]
    ds.ImageComments = (
        f"SYNTHETIC: +{mv:.2f} mV ST elevation added in {', '.join(leads)} "
        + (f"({', '.join(also)} as Einthoven's law implies) " if also else "")
        + "to a real recording, for demonstration only"
    )
