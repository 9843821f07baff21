"""Rebuild ``muse_ecg1_pacespikes.xml`` (REBUILT, not a device file).

``muse_ecg1.xml`` is a real GE MUSE export whose statements read "V-paced", but
like every MUSE export its rhythm waveform holds no pacer spikes: MUSE removes
them from the samples and lists them apart, in ``Waveform/PaceSpikes`` (element
order from restecg.dtd / I2.dtd as published with the C# ECG Toolkit,
Apache-2.0: PaceType, PaceCharacteristicsFromDevice?, PaceWidth, PaceWidthUnits,
PaceAmplitude?, PaceAmplitudeUnits, IndexOffsets).  This script adds that
element to the rhythm waveform with one ventricular spike 70 ms before each of
the device's own QRS times (``QRSTimesTypes``, ms), as sample indices at the
waveform's 500 Hz, and changes nothing else.

    python tests/data/ecg/muse/rebuild_pacespikes.py
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The device's QRS times are its fiducial points, ~60 ms after the QRS onset on this
# record; 70 ms before them puts each spike ~10 ms before the QRS onset, where a
# ventricular pacing spike sits.
LEAD_MS = 70


def rebuild() -> Path:
    text = (HERE / "muse_ecg1.xml").read_text(encoding="latin-1")
    qrs_ms = [
        int(t)
        for t in re.findall(
            r"<QRS>\s*<Number>\d+</Number>\s*<Type>\d+</Type>\s*"
            r"<Time>(\d+)</Time>",
            text,
        )
    ]
    fs = 500
    offsets = " ".join(str((t - LEAD_MS) * fs // 1000) for t in qrs_ms)
    block = (
        "      <PaceSpikes>\n"
        "         <PaceType>VENTRICULAR</PaceType>\n"
        "         <PaceAmplitude>2000</PaceAmplitude>\n"
        "         <PaceAmplitudeUnits>MICROVOLTS</PaceAmplitudeUnits>\n"
        f"         <IndexOffsets>{offsets}</IndexOffsets>\n"
        "      </PaceSpikes>\n"
    )
    rhythm = text.index("<WaveformType>Rhythm</WaveformType>")
    end = text.index("   </Waveform>", rhythm)
    out = HERE / "muse_ecg1_pacespikes.xml"
    out.write_text(text[:end] + block + text[end:], encoding="latin-1")
    return out


if __name__ == "__main__":
    print(rebuild())
