"""Long QT judged on the right measure: Bazett QTc on a narrow QRS, a QT adjusted
for rate and QRS duration on a wide one.

A wide QRS (bundle branch block, ventricular pacing, other intraventricular
delay) lengthens the QT by lengthening depolarisation, not repolarisation: on
a 160 ms LBBB the Bazett QTc passes 500 ms with a normal repolarisation.  The
AHA/ACCF/HRS Recommendations for the Standardization and Interpretation of the
ECG, Part IV (Rautaharju, Surawicz, Gettes; Circulation 2009;119:e241-e250,
J Am Coll Cardiol 2009;53:982-991) ask that in ventricular conduction defects
QT prolongation be judged with an adjustment for QRS duration (the JT interval,
or a QT adjusted for QRS duration), as restated by Bogossian et al., "QTc
evaluation in patients with bundle branch block", IJC Heart & Vasculature
2020;30:100636.  The adjustment used here is the one made for that purpose
from a population with QRS >= 120 ms (Rautaharju, Zhang, Prineas, Heiss,
"Assessment of prolonged QT and JT intervals in ventricular conduction
defects", Am J Cardiol 2004;93:1017-1021):

    QTrr,QRS = QT - 155 x (RR - 1) - 0.93 x (QRS - 139) + k      (ms; RR in s)
    k = -22 ms for men, -34 ms for women

In atrial fibrillation the same recommendations (Part IV, recommendation 3) say
that QT-rate correction should not be attempted when the RR variability is
large, as in atrial fibrillation: Bazett's correction then follows each short
RR and over-corrects at fast rates (LUDB 109, AF at 137 bpm: QTc 509 ms with a
QT of 336 ms).  On a narrow QRS in atrial fibrillation the QT itself is judged
against the same 500 ms cut-off; the QTc is still reported, not graded.

QTrr,QRS is built so that its normal limits are those of a normally conducted
rate-adjusted QT (450 / 460 ms), so the same urgent cut-off as the QTc on a
narrow QRS (500 ms, torsades risk) applies to it.  When the sex is unknown the
men's constant is used: it gives the longer value (the more sensitive choice,
as the STEMI rules do for V2-V3).
"""

from __future__ import annotations

from inference.ecg.measure import Measurements
from inference.ecg.rules import Finding, meets, rule_for

WIDE_QRS_MS = 120  # AHA Part III/IV: ventricular conduction defect
QRS_REF_MS, QRS_SLOPE = 139.0, 0.93  # Rautaharju 2004
RR_SLOPE_MS = 155.0
K_MS = {"M": -22.0, "F": -34.0}


def qt_rr_qrs(qt_ms: float, qrs_ms: float, rr_ms: float, sex: str = "") -> float:
    """QT adjusted for rate and QRS duration (Rautaharju 2004), ms."""
    k = K_MS.get(sex, K_MS["M"])
    return qt_ms - RR_SLOPE_MS * (rr_ms / 1000.0 - 1.0) - QRS_SLOPE * (qrs_ms - QRS_REF_MS) + k


def adjust(m: Measurements, sex: str = "") -> None:
    """Fill ``m.qt_rr_qrs_ms`` when the QRS is wide (else leave it None)."""
    m.qt_rr_qrs_ms = None
    if m.qt_ms and m.rr_ms and m.qrs_ms is not None and m.qrs_ms >= WIDE_QRS_MS:
        m.qt_rr_qrs_ms = round(qt_rr_qrs(m.qt_ms, m.qrs_ms, m.rr_ms, sex), 1)


def qt_findings(m: Measurements, sex: str = "", afib: bool = False) -> list[Finding]:
    """QT_LONG from the QTc on a narrow QRS (the QT itself in atrial fibrillation),
    from QTrr,QRS on a wide one."""
    adjust(m, sex)
    if m.qrs_ms is not None and m.qrs_ms >= WIDE_QRS_MS:
        row = rule_for("QT_LONG", "qt_rr_qrs_ms")
        value = m.qt_rr_qrs_ms
        extra = f"QRS {m.qrs_ms:g} ms, QT {m.qt_ms} ms, RR {m.rr_ms} ms, QTc Bazett {m.qtc_ms}"
    elif afib:
        row = rule_for("QT_LONG", "qt_ms")
        value = m.qt_ms
        extra = f"QTc Bazett {m.qtc_ms} ms not graded (RR {m.rr_ms} ms, irregular)"
    else:
        row = rule_for("QT_LONG", "qtc_ms")
        value, extra = m.qtc_ms, ""
    if not meets(value, row.op, row.value):
        return []
    reason = f"{row.reason}: {row.measure} {value:g} {row.unit}" + (f"; {extra}" if extra else "")
    return [Finding(row.code, "Long QTc", row.severity, reasons=[reason])]
