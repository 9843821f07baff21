"""Run the openecg codec on single leads through our runtime.

The graph takes ``signal`` [1, 5000] (10 s at 500 Hz, rank-normalised; batch
> 1 fails inside it) and returns per-sample logits for frame (other/P/QRS/T),
beat type and rhythm class.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from inference.runtime import Runtime, default_runtime, run_batched

MODEL_ID = "openecg-codec"
MODEL_FS = 500
WINDOW = 5000  # samples per call (10 s)

FRAME_OTHER, FRAME_P, FRAME_QRS, FRAME_T = range(4)


@dataclass
class LeadLabels:
    lead: str
    frame: np.ndarray  # uint8 per sample: other/P/QRS/T
    beat: np.ndarray  # uint8 per sample (QRS-gated): none/sinus/vpc/paced/fusion/unknown
    rhythm: np.ndarray  # uint8 per sample: sinus/avb/paced/afib/bbb/ventricular


def resample(data: np.ndarray, fs: float, target: int = MODEL_FS) -> np.ndarray:
    """Resample leads x samples from ``fs`` to ``target`` Hz (polyphase)."""
    if abs(fs - target) < 1e-6:
        return np.asarray(data, dtype=np.float32)
    from fractions import Fraction

    from scipy.signal import resample_poly

    frac = Fraction(target / fs).limit_denominator(1000)
    out = resample_poly(
        np.asarray(data, dtype=np.float64), frac.numerator, frac.denominator, axis=-1
    )
    return out.astype(np.float32)


def prepare(lead: np.ndarray) -> np.ndarray:
    """One lead (<= 10 s at 500 Hz) as the model input row: padded, rank-normalised."""
    from openecg.dsp import rank_normalize

    x = np.asarray(lead, dtype=np.float32)[:WINDOW]
    if x.size < WINDOW:
        fill = float(np.median(x)) if x.size else 0.0
        x = np.concatenate([x, np.full(WINDOW - x.size, fill, np.float32)])
    return np.asarray(rank_normalize(x), dtype=np.float32)


def delineate(
    leads: dict[str, np.ndarray], runtime: Runtime | None = None, check=None
) -> dict[str, LeadLabels]:
    """Labels for each lead (name -> 500 Hz samples, first 10 s used)."""
    if not leads:
        return {}
    runtime = runtime or default_runtime()
    sess = runtime.session(MODEL_ID)
    spec = sess.manifest.input()
    names = list(leads)
    batch = np.stack([prepare(leads[n]) for n in names])
    out = run_batched(lambda x: sess.run({spec.name: x}), batch, spec.max_batch, check)
    result = {}
    for i, name in enumerate(names):
        n = min(len(leads[name]), WINDOW)
        frame = out["frame_logits"][i, :n].argmax(-1).astype(np.uint8)
        beat = out["beat_logits"][i, :n].argmax(-1).astype(np.uint8)
        beat[frame != FRAME_QRS] = 0
        rhythm = out["rhythm_logits"][i, :n].argmax(-1).astype(np.uint8)
        result[name] = LeadLabels(name, frame, beat, rhythm)
    return result
