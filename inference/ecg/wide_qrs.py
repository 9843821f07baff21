"""ST-T criteria for a wide QRS that is not right bundle branch block.

In left bundle branch block, in ventricular pacing and in a left-bundle-like
intraventricular delay the ventricles repolarise in the order they depolarised
late, so the ST segment and T wave point away from the main QRS deflection:
ST elevation where the QRS is mostly negative (V1-V3), ST depression and T
inversion where it is mostly positive (I, aVL, V5-V6).  These secondary changes
meet the ordinary STEMI and ischaemia cut-offs on almost every such ECG, and
the 4th Universal Definition of MI (2018) says the ordinary criteria do not
apply there.  It points to the criteria that do (Sgarbossa 1996, as modified by
Smith 2012, also used for ventricular pacing):

1. concordant ST elevation >= 1 mm in a lead whose QRS is mostly positive;
2. concordant ST depression >= 1 mm in V1, V2 or V3 (QRS mostly negative);
3. excessively discordant ST elevation: >= 1 mm and at least 25 % of the depth
   of the S wave in a lead whose QRS is mostly negative.

A STEMI is kept (critical) when one of them is met at the J point, with the
criterion as its reason; otherwise the elevation is reported as secondary on
the conduction finding.  Ischaemia findings keep only the concordant leads
(ST depression where the QRS is mostly negative); T inversion after a mostly
positive QRS is secondary and is not graded.  Right bundle branch block is left
to the ordinary criteria (its ST segment is not displaced by the block).
"""

from __future__ import annotations

from inference.ecg.measure import LeadST
from inference.ecg.rules import TERRITORIES, Finding

CONCORDANT_MV = 0.10  # 1 mm
DISCORDANT_RATIO = 0.25  # ST elevation / S depth (Smith-modified Sgarbossa)
RIGHT_PRECORDIAL = ("V1", "V2", "V3")
APPLIES_TO = ("LBBB", "WIDE_QRS")  # and PACED with ventricular pacing


def applies(findings: list[Finding]) -> str:
    """The conduction finding that makes these criteria apply, or ""."""
    for f in findings:
        if f.code in APPLIES_TO or (f.code == "PACED" and f.territory == "ventricular"):
            return f.code
    return ""


def _positive(v: LeadST) -> bool:
    return v.r_mv > abs(v.s_mv)


def sgarbossa(st: dict[str, LeadST]) -> list[str]:
    """The Smith-modified Sgarbossa criteria met at J, as reasons."""
    met = []
    for lead, v in st.items():
        if lead == "aVR":
            continue
        if _positive(v) and v.st_j_mv >= CONCORDANT_MV:
            met.append(f"{lead}: concordant ST elevation {v.st_j_mv * 10:+.1f} mm")
        elif not _positive(v):
            if lead in RIGHT_PRECORDIAL and v.st_j_mv <= -CONCORDANT_MV:
                met.append(f"{lead}: concordant ST depression {v.st_j_mv * 10:+.1f} mm")
            depth = abs(v.s_mv)
            ratio = v.st_j_mv / depth if depth > 0 else 0.0
            if v.st_j_mv >= CONCORDANT_MV and ratio >= DISCORDANT_RATIO:
                met.append(
                    f"{lead}: discordant ST elevation {v.st_j_mv * 10:+.1f} mm = "
                    f"{ratio:.0%} of the S wave ({depth * 10:.1f} mm)"
                )
    return met


def _contiguous(leads: list[str]) -> bool:
    return any(sum(x in group for x in leads) >= 2 for group in TERRITORIES.values())


def secondary_st(findings: list[Finding], st: dict[str, LeadST]) -> list[Finding]:
    """``findings`` with the ST-T criteria for a wide QRS applied (a new list)."""
    kind = applies(findings)
    if not kind:
        return findings
    conduction = next(f for f in findings if f.code == kind)
    met = sgarbossa(st)
    out: list[Finding] = []
    for f in findings:
        if f.code == "STEMI":
            if met:
                f.reasons = [*met, "Smith-modified Sgarbossa criteria (wide QRS)", *f.reasons]
                out.append(f)
            else:
                conduction.reasons.append(
                    f"ST elevation in {', '.join(f.leads)} is discordant to the wide QRS "
                    "(secondary): Smith-modified Sgarbossa criteria not met"
                )
            continue
        if f.code == "ST_DEPRESSION":
            keep = [x for x in f.leads if x in st and not _positive(st[x])]
            if not _contiguous(keep):
                conduction.reasons.append(
                    f"ST depression in {', '.join(f.leads)} is discordant to the wide QRS "
                    "(secondary)"
                )
                continue
        if f.code == "T_INVERSION":
            conduction.reasons.append(
                f"T inversion in {', '.join(f.leads)} after a mostly positive wide QRS (secondary)"
            )
            continue
        out.append(f)
    return out
