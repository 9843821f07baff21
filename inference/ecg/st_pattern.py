"""ST elevation meeting the STEMI cut-offs with no reciprocal ST depression anywhere.

The 4th Universal Definition of MI counts ST elevation at J in two contiguous
leads; early repolarisation and acute pericarditis meet that count too.  What
tells an inferior coronary occlusion from them is the mirror image of the
injury current in the opposite leads:

- Bischof JE, Worrall C, Thompson P, Marti D, Smith SW. ST depression in lead
  aVL differentiates inferior ST-elevation myocardial infarction from
  pericarditis. Am J Emerg Med 2016;34:149-154 (PMID 26542793): some ST
  depression in aVL in 154 of 154 inferior STEMI (sensitivity 100 %, CI
  98-100 %) and in none of 49 pericarditis ECGs with inferior ST elevation
  (specificity 100 %, CI 91-100 %); but in only 49 of 54 "subtle" inferior
  occlusions (< 1 mm elevation).
- Lindow T, Pahlm O, Khoshnood A et al. Electrocardiographic changes in the
  differentiation of ischemic and non-ischemic ST elevation. Scand Cardiovasc J
  2020;54:100-107 (PMID 31885293): with inferior ST elevation, ST depression
  >= 0.025 mV in lead I in 83 % of STEMI and in none of the non-ischaemic cases
  (pericarditis, takotsubo, early repolarisation); with anterior elevation,
  ST depression in II in only 40 % of STEMI; ST depression in aVR was
  associated with the NON-ischaemic diagnosis.
- Macfarlane PW et al. The early repolarization pattern: a consensus paper.
  J Am Coll Cardiol 2015;66:470-477: the pattern lies in the inferior and/or
  lateral leads (J-point >= 0.1 mV in >= 2 contiguous leads, V1-V3 excluded),
  QRS < 120 ms; without an end-QRS notch or slur it is not to be called early
  repolarisation (we do not measure notches, so the finding names the pattern
  as "early repolarisation or pericarditis", never a diagnosis).
- 2015 ESC guidelines on pericardial diseases (Adler Y et al., Eur Heart J
  2015;36:2921-2964): "new widespread ST-elevation or PR depression" is one of
  the diagnostic criteria of acute pericarditis.

Rule (rules.py, row STE_NO_RECIPROCAL): when the STEMI findings lie only in the
inferior territory (with or without the lateral one), the QRS is narrow, leads I
and aVL were measured, and no lead other than aVR and the elevated leads shows
ST depression of 0.025 mV or more at J or at the supporting point (J+60, or J+40
above 100 bpm), the elevation is reported as this pattern at URGENT -- reviewed
now and compared with a prior ECG, since 5 of 54 subtle inferior occlusions had
no aVL depression -- instead of a critical STEMI.  Anterior elevation (reciprocal
depression in only 40 % of anterior STEMI), lateral elevation alone (no cited
evidence here), a wide or paced QRS (Sgarbossa, wide_qrs.py) and any reciprocal
depression leave the STEMI critical.
"""

from __future__ import annotations

from inference.ecg.measure import LeadST
from inference.ecg.rules import (
    LEAD_ORDER,
    Finding,
    meets,
    rule,
    support_mv,
    support_point,
)
from inference.ecg.wide_qrs import applies as wide_qrs_applies

CODE = "STE_NO_RECIPROCAL"
PATTERN_TERRITORIES = ("inferior", "lateral")  # Macfarlane 2015: inferior and/or lateral
REQUIRED_TERRITORY = "inferior"  # where Bischof 2016 / Lindow 2020 measured reciprocity
REQUIRED_LEADS = ("I", "aVL")  # the mirror leads of an inferior elevation
EXEMPT = ("aVR",)  # aVR depression goes with the non-ischaemic causes (Lindow 2020)
NARROW_QRS_MS = 120  # Macfarlane 2015: QRS < 120 ms


def reciprocal_leads(st: dict[str, LeadST], elevated: set[str], point: str) -> list[str]:
    """Leads other than aVR and ``elevated`` with ST depression at J or ``point``."""
    row = rule(CODE)
    return [
        lead
        for lead, v in st.items()
        if lead not in elevated
        and lead not in EXEMPT
        and not meets(min(v.st_j_mv, support_mv(v, point)), row.op, row.value)
    ]


def _mm(v: LeadST, point: str) -> str:
    return f"{v.st_j_mv * 10:+.1f} mm at J, {support_mv(v, point) * 10:+.1f} mm at {point}"


def without_reciprocal(
    findings: list[Finding],
    st: dict[str, LeadST],
    qrs_ms: float | None,
    rr_ms: float | None,
) -> list[Finding]:
    """``findings`` with inferior(-lateral) STEMI findings that have no reciprocal
    ST depression replaced by one urgent STE_NO_RECIPROCAL finding (a new list)."""
    stemi = [f for f in findings if f.code == "STEMI"]
    territories = {f.territory for f in stemi}
    if (
        not stemi
        or REQUIRED_TERRITORY not in territories
        or not territories <= set(PATTERN_TERRITORIES)
        or qrs_ms is None
        or qrs_ms >= NARROW_QRS_MS
        or wide_qrs_applies(findings)
        or any(lead not in st for lead in REQUIRED_LEADS)
    ):
        return findings
    point = support_point(rr_ms)
    elevated = {x for f in stemi for x in f.leads}
    if reciprocal_leads(st, elevated, point):
        return findings
    row = rule(CODE)
    leads = sorted(elevated, key=LEAD_ORDER.index)
    reasons = [
        r
        for f in stemi
        for r in f.reasons
        if not r.startswith(("reciprocal ST depression", "decided at"))
    ]
    mirror = "; ".join(f"{x} {_mm(st[x], point)}" for x in REQUIRED_LEADS)
    reasons += [
        f"no ST depression of {abs(row.value) * 10:g} mm or more in any lead but aVR and the "
        f"elevated ones, at J or {point} ({mirror})",
        f"STEMI cut-offs met in {' and '.join(t for t in PATTERN_TERRITORIES if t in territories)}"
        " leads only, QRS < 120 ms",
        row.reason,
        "an acute inferior occlusion is not excluded (no aVL depression in 5 of 54 subtle "
        "inferior occlusions, Bischof 2016): review now, compare with a prior ECG",
    ]
    text = (
        f"ST elevation without reciprocal ST depression ({', '.join(leads)}): early "
        "repolarisation or pericarditis pattern; compare with a prior ECG and review now"
    )
    territory = "+".join(t for t in PATTERN_TERRITORIES if t in territories)
    pattern = Finding(CODE, text, row.severity, territory, leads, reasons, decided_at="J")
    first = findings.index(stemi[0])
    rest = [f for f in findings if f.code != "STEMI"]
    return [*rest[:first], pattern, *rest[first:]]
