"""Which of our urgent/critical ECG findings the recording device itself supports
(used by bench/ecg_accuracy.py).

A finding drawn from a measurement is supported when the device's own value meets
the same threshold within the IEC 60601-2-25 interval tolerance used by the
harness; a finding from morphology or rhythm when one of the device's statements
names it.  What is left is a false alarm as far as the recording device can tell:
in the network each one costs a specialist's interruption or an ambulance run.
"""

from __future__ import annotations

# finding code -> statement keywords (upper case) that support it
STATEMENTS = {
    "STEMI": ("INFARCT", "STEMI", "INJURY", "ACUTE MI", "梗死"),  # 梗死: infarct (zh)
    # ST elevation without reciprocal depression (urgent): the device names the ST elevation
    "STE_NO_RECIPROCAL": (
        "ST ELEVATION",
        "ST-ELEVATION",
        "EARLY REPOL",
        "PERICARDITIS",
        "ST段抬高",
        "早期复极",
        "心包炎",
    ),
    "ST_DEPRESSION": ("ST DEPRESSION", "ST-DEPRESSION", "ISCHEMIA", "ISCHAEMIA", "ST-T", "ST&T"),
    "T_INVERSION": ("T WAVE", "T-WAVE", "ISCHEMIA", "ISCHAEMIA", "ST-T", "ST&T"),
    "AFIB": ("FIBRILLATION", "AFIB", "A-FIB"),
    "VENTRICULAR_RHYTHM": ("VENTRICULAR TACHY", "IDIOVENTRICULAR", "VENTRICULAR RHYTHM"),
    "VPC_FREQUENT": ("PREMATURE VENTRICULAR", "VENTRICULAR PREMATURE", "PVC", "VENTRICULAR ECTOP"),
    "AV_BLOCK_SLOW": ("AV BLOCK", "HEART BLOCK", "A-V BLOCK"),
}
# finding code -> (device key, comparison, threshold with the tolerance applied)
MEASURED = {
    "QT_LONG": ("QTc Interval", ">=", 500 - 25),  # QT tolerance +-25 ms
    "BRADY_SEVERE": ("Heart Rate", "<", 40 + 5),
    "TACHY_SEVERE": ("Heart Rate", ">", 150 - 5),
}


def supported(code: str, device: dict[str, float], statements: list[str]) -> bool:
    """Whether the device's own measurements or statements support finding ``code``."""
    if code in MEASURED:
        key, op, limit = MEASURED[code]
        value = device.get(key)
        if not value:
            return False
        return value >= limit if op == ">=" else value < limit if op == "<" else value > limit
    words = STATEMENTS.get(code, ())
    text = " ".join(statements).upper()
    return any(w in text for w in words)


def unsupported_alarms(
    graded: list[tuple[str, str]], device: dict[str, float], statements: list[str]
) -> list[str]:
    """``"CODE (severity)"`` for each urgent/critical finding the device does not support."""
    out: list[str] = []
    for code, severity in graded:
        label = f"{code} ({severity})"
        urgent = severity in ("urgent", "critical") and label not in out
        if urgent and not supported(code, device, statements):
            out.append(label)
    return out
