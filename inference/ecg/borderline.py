"""ST values within their own measurement uncertainty of a cut-off: "borderline".

The ST criteria are sharp (ST depression >= 0.5 mm, STEMI >= 1 mm at J, ...), but a
J value is not: moving the J point by the few ms our global QRS end is uncertain by
changes it, and the PR-segment baseline it is measured against carries noise
(``LeadST.st_j_unc_mv``, inference/ecg/measure.py).  A lead whose J value lies within
that uncertainty of the cut-off is borderline.  Nothing here changes a grade: the
criteria decide as before, and this module only says when they were close.

- A finding met with a lead inside its uncertainty gets a reason saying so.
- Two contiguous leads that would meet the ST depression or STEMI (at J) criterion
  if the borderline leads counted, where no finding covers them, give an ``info``
  finding (never graded): the reader is told to look rather than told nothing.
Not applied with a wide or paced QRS (the ordinary ST criteria do not apply there).
"""

from __future__ import annotations

from inference.ecg.measure import LeadST
from inference.ecg.rules import Finding, contiguous, meets, rule, stemi_row
from inference.ecg.wide_qrs import applies as wide_qrs_applies

DEPRESSION, ELEVATION = "ST_DEPRESSION_BORDERLINE", "STE_BORDERLINE"
ST_CODES = ("STEMI", "STE_NO_RECIPROCAL", "ST_DEPRESSION")


def _cut(code: str, lead: str, sex: str, age: float | None):
    """The row a lead's J value is compared with for ``code``."""
    return rule("ST_DEPRESSION") if code == "ST_DEPRESSION" else stemi_row(lead, sex, age)


def near(v: LeadST, limit: float) -> bool:
    """Whether ``v``'s J value lies within its own uncertainty of ``limit``."""
    return abs(v.st_j_mv - limit) <= v.st_j_unc_mv and v.st_j_unc_mv > 0


def _said(v: LeadST, limit: float) -> str:
    return (
        f"borderline: {v.lead} ST {v.st_j_mv * 10:+.2f} mm at J is within "
        f"{v.st_j_unc_mv * 10:.2f} mm of the {abs(limit) * 10:g} mm criterion "
        "(J point +-4 ms, baseline noise)"
    )


def _flag_met(findings: list[Finding], st: dict[str, LeadST], sex: str, age) -> None:
    for f in findings:
        if f.code not in ST_CODES or (f.code == "STEMI" and f.decided_at != "J"):
            continue
        for lead in f.leads:
            v, row = st.get(lead), _cut(f.code, lead, sex, age)
            if v is not None and meets(v.st_j_mv, row.op, row.value) and near(v, row.value):
                f.reasons.append(_said(v, row.value))


def _near_misses(
    code: str, st: dict[str, LeadST], sex: str, age, covered: set[str]
) -> list[Finding]:
    """Territories met only with the borderline leads counted (none already covered)."""
    met, close = {}, {}
    for lead, v in st.items():
        row = _cut("ST_DEPRESSION" if code == DEPRESSION else "STEMI", lead, sex, age)
        if code == DEPRESSION and v.slope not in ("flat", "down"):
            continue
        if meets(v.st_j_mv, row.op, row.value):
            met[lead] = f"{lead} ST {v.st_j_mv * 10:+.2f} mm at J"
        elif near(v, row.value):
            close[lead] = _said(v, row.value)
    out = []
    for territory, leads in contiguous({**met, **close}):
        if not set(leads) & set(close) or set(leads) & covered:
            continue
        reasons = [met.get(x) or close[x] for x in leads]
        reasons.append("criterion met only within the measurement's uncertainty: not graded")
        kind = "ST depression" if code == DEPRESSION else "ST elevation"
        text = (
            f"Borderline {kind} {territory} ({', '.join(leads)}): within the measurement's "
            "uncertainty of the criterion, not graded; review"
        )
        out.append(Finding(code, text, "info", territory, leads, reasons))
    return out


def borderline(findings: list[Finding], st: dict[str, LeadST], sex: str, age) -> list[Finding]:
    """``findings`` with borderline reasons added and near misses appended (a new list)."""
    if not st or wide_qrs_applies(findings):
        return findings
    _flag_met(findings, st, sex, age)
    covered = {x for f in findings if f.code in ST_CODES for x in f.leads}
    extra = []
    for code in (ELEVATION, DEPRESSION):
        extra += _near_misses(code, st, sex, age, covered)
        covered |= {x for f in extra for x in f.leads}
    return [*findings, *extra]
