"""Interpretation rules with reasons: ONE thresholds table, read top to bottom.

Built-in derived rules, not a medical device: every finding says so where
shown.  ST criteria follow the 4th Universal Definition of MI (2018); the
rhythm findings come from the openecg model's rhythm and beat heads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inference.ecg.measure import LeadST, Measurements

RULES_NAME = "Huizhen ECG rules"
RULES_VERSION = "1.0"
SEVERITY_ORDER = {"critical": 0, "urgent": 1, "routine": 2, "info": 3}  # info: never graded

# Contiguous lead groups (territories).  The 4th UDMI counts the precordial leads V1-V6 as one
# group of contiguous leads, so V4 and V5, which the anterior and lateral groups split, are a
# pair of their own ("anterolateral"); when a group already holds one of them it takes the
# other too, rather than the pair being reported again (contiguous).
TERRITORIES = {
    "inferior": ("II", "III", "aVF"),
    "lateral": ("I", "aVL", "V5", "V6"),
    "anterior": ("V1", "V2", "V3", "V4"),
    "anterolateral": ("V4", "V5"),
}
BRIDGE = "anterolateral"
LEAD_ORDER = ("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")
# Where an elevation's reciprocal (mirror) depression shows.
RECIPROCAL = {
    "inferior": ("I", "aVL"),
    "lateral": ("II", "III", "aVF"),
    "anterior": ("II", "III", "aVF"),
    "anterolateral": ("II", "III", "aVF"),
}
RECIPROCAL_MV = -0.05  # reciprocal ST depression: at least 0.5 mm
FAST_RR_MS = 600  # above 100 bpm the supporting point is J+40 (J+60 lands in the T wave)


@dataclass(frozen=True)
class Threshold:
    code: str
    measure: str  # what is compared
    op: str  # ">=", "<=", ">", "<"
    value: float
    unit: str
    applies: str  # leads / population the row applies to
    severity: str
    reason: str


# fmt: off
THRESHOLDS: tuple[Threshold, ...] = (
    # STEMI: new ST elevation at J in >= 2 contiguous leads (4th UDMI)
    Threshold("STEMI", "st_j", ">=", 0.10, "mV", "all leads except V2-V3", "critical", "ST elevation >= 1 mm at J in 2 contiguous leads"),
    Threshold("STEMI", "st_j", ">=", 0.20, "mV", "V2-V3, men >= 40 y", "critical", "ST elevation >= 2 mm in V2-V3 (man >= 40 y)"),
    Threshold("STEMI", "st_j", ">=", 0.25, "mV", "V2-V3, men < 40 y", "critical", "ST elevation >= 2.5 mm in V2-V3 (man < 40 y)"),
    Threshold("STEMI", "st_j", ">=", 0.15, "mV", "V2-V3, women or sex unknown", "critical", "ST elevation >= 1.5 mm in V2-V3 (woman; also used when sex is unknown)"),
    # ...unless it lies in inferior (+/- lateral) leads only, QRS < 120 ms, with no ST depression >= 0.25 mm in
    # any lead but aVR and the elevated ones, at J or J+60/J+40 (inference/ecg/st_pattern.py): any aVL depression in
    # 154/154 inferior STEMI, none in 49 pericarditis (Bischof, Am J Emerg Med 2016;34:149); lead I depression
    # >= 0.025 mV in 83 % of inferior STEMI, 0 % of non-ischaemic ST elevation (Lindow, Scand Cardiovasc J
    # 2020;54:100); early repolarisation: inferior/lateral J >= 0.1 mV, QRS < 120 ms (Macfarlane, JACC 2015;66:470)
    Threshold("STE_NO_RECIPROCAL", "st_j", ">", -0.025, "mV", "every lead but aVR and the elevated ones, at J and J+60/J+40, when STEMI criteria are met in inferior (+/- lateral) leads only and QRS < 120 ms", "urgent", "ST elevation without reciprocal ST depression: early repolarisation or pericarditis pattern (Bischof 2016; Lindow 2020; Macfarlane 2015), not graded STEMI"),
    # A J value within its own uncertainty (J point +-4 ms, baseline noise) of a STEMI or ST depression cut-off is
    # said to be borderline, never graded: a reason on a finding met, an info finding on a near miss (borderline.py)
    # Ischaemia without elevation
    Threshold("ST_DEPRESSION", "st_j", "<=", -0.05, "mV", "2 contiguous leads, horizontal or down-sloping", "urgent", "new horizontal/down-sloping ST depression >= 0.5 mm"),
    Threshold("T_INVERSION", "t_amp", "<=", -0.10, "mV", "2 contiguous leads with prominent R or R/S > 1", "urgent", "T inversion > 1 mm with prominent R wave"),
    # Signal: nothing to read is never "routine"
    Threshold("NO_QRS", "qrs_beats", "<", 2, "beats", "model leads, 10 s", "urgent", "fewer than 2 QRS complexes found: leads off, noise, flat signal or asystole; check patient and recording"),
    # Rhythm and conduction (model heads + measurements)
    Threshold("VENTRICULAR_RHYTHM", "rhythm_ventricular", ">=", 0.5, "fraction", "rhythm head, lead II", "critical", "model reads a ventricular rhythm"),
    Threshold("AFIB", "rhythm_afib", ">=", 0.5, "fraction", "rhythm head, lead II", "urgent", "model reads atrial fibrillation"),
    Threshold("AV_BLOCK", "rhythm_avb", ">=", 0.5, "fraction", "rhythm head, lead II", "routine", "model reads AV block"),
    Threshold("AV_BLOCK_SLOW", "hr_bpm", "<", 50, "bpm", "with AV block", "urgent", "AV block with heart rate < 50 bpm"),
    # Conduction (inference/ecg/conduction.py): rules decide, the model's reads are advice.  Morphology by the
    # AHA/ACCF/HRS 2009 Part III criteria (Surawicz et al., J Am Coll Cardiol 2009;53:976; inference/ecg/qrs_shape.py):
    # RBBB rsR'/rSR' (or a wide R peaking > 50 ms) in V1/V2 and an S wave longer than the R or > 40 ms in I and V6;
    # LBBB broad R in I, R peak time > 60 ms in V5/V6, R peak time normal in V1 (QS/rS, no R').
    # LBBB is urgent, not routine: the pre-read does not know the symptoms or whether the block is new, and ESC
    # 2017 manages a patient with suspected ongoing ischaemia and LBBB like STEMI (Sgarbossa positive: critical).  A wave must come
    # back half way to the baseline within the QRS, so LBBB's discordant ST is not read as an R' or an S wave.
    Threshold("RBBB", "qrs_ms", ">=", 120, "ms", "global QRS + R' in V1/V2 (peak > 50 ms after onset), S wave > 40 ms or longer than R in I and V6 (AHA/ACCF/HRS 2009 Part III)", "routine", "QRS >= 120 ms with RBBB morphology"),
    Threshold("LBBB", "qrs_ms", ">=", 120, "ms", "global QRS + QS/rS in V1 without R', broad R without S in I, R peak time > 60 ms in V5/V6 where upright (AHA/ACCF/HRS 2009 Part III)", "urgent", "QRS >= 120 ms with LBBB morphology: it hides the ST changes of infarction; with ongoing ischaemic symptoms manage like STEMI, whether known or new (ESC 2017 STEMI guidelines, Ibanez et al., Eur Heart J 2018;39:119, section 3.2.1); compare with a prior ECG"),
    Threshold("WIDE_QRS", "qrs_ms", ">=", 120, "ms", "global QRS, no BBB morphology", "routine", "QRS >= 120 ms (ST criteria less reliable)"),
    Threshold("PACED", "paced_beats", ">=", 0.5, "fraction", "beats after a detected pacer spike", "routine", "pacer spikes before most beats"),
    Threshold("PACED_NARROW", "qrs_ms", "<", 120, "ms", "global QRS when most beats follow a ventricular pacer spike", "routine", "ventricular pacer spikes before most beats but QRS < 120 ms: capture of the myocardium gives a wide QRS, so these beats are fusion or pseudofusion, or not captured"),
    Threshold("VPC", "vpc_beats", ">=", 1, "beats", "beat head", "routine", "ventricular premature complexes"),
    Threshold("VPC_FREQUENT", "vpc_beats", ">=", 3, "beats", "beat head, 10 s", "urgent", "3 or more VPCs in 10 s"),
    Threshold("FIRST_DEGREE_AVB", "pr_ms", ">", 200, "ms", "global PR", "routine", "PR > 200 ms"),
    Threshold("QT_LONG", "qtc_ms", ">=", 500, "ms", "QRS < 120 ms: QTc Bazett", "urgent", "QTc >= 500 ms (torsades risk)"),
    # Atrial fibrillation: "QT-rate correction should not be attempted when RR interval variability is
    # large, as often occurs with atrial fibrillation" (AHA/ACCF/HRS 2009 Part IV, Rautaharju et al.,
    # Circulation 2009;119:e241, recommendation 3): the QT itself is judged, uncorrected (inference/ecg/qt.py)
    Threshold("QT_LONG", "qt_ms", ">=", 500, "ms", "QRS < 120 ms in atrial fibrillation: QT, not rate-corrected", "urgent", "QT >= 500 ms in atrial fibrillation (torsades risk; AHA/ACCF/HRS 2009 Part IV: no rate correction when RR variability is large)"),
    # QRS >= 120 ms: QT adjusted for QRS duration (AHA/ACCF/HRS 2009 Part IV), as QTrr,QRS
    # (Rautaharju, Am J Cardiol 2004;93:1017), whose normal limits are a narrow QRS's: inference/ecg/qt.py
    Threshold("QT_LONG", "qt_rr_qrs_ms", ">=", 500, "ms", "QRS >= 120 ms: QTrr,QRS = QT - 155 x (RR - 1) - 0.93 x (QRS - 139) + k (k -22 men / unknown, -34 women)", "urgent", "QT adjusted for rate and QRS duration >= 500 ms (torsades risk; AHA/ACCF/HRS 2009 Part IV: judge QT on a wide QRS with an adjustment for QRS duration)"),
    Threshold("TACHY_SEVERE", "hr_bpm", ">", 150, "bpm", "heart rate", "urgent", "heart rate > 150 bpm"),
    Threshold("BRADY_SEVERE", "hr_bpm", "<", 40, "bpm", "heart rate", "urgent", "heart rate < 40 bpm"),
    Threshold("TACHY", "hr_bpm", ">", 100, "bpm", "heart rate", "routine", "heart rate > 100 bpm"),
    Threshold("BRADY", "hr_bpm", "<", 50, "bpm", "heart rate", "routine", "heart rate < 50 bpm"),
)
# Rows that change how a rule above decides (never graded themselves).
MODIFIERS: tuple[Threshold, ...] = (
    # LVH by voltage (AHA/ACCF/HRS 2009 Part V: Sokolow-Lyon, Cornell, R in aVL).  The 4th UDMI's ST
    # criteria hold "in the absence of left ventricular hypertrophy"; LVH is the commonest cause of
    # false STEMI activations, its ST rising from J into a tall T in V1-V3 (Armstrong et al., Am J
    # Cardiol 2012;110:977).  With LVH the project's own J+60/J+40 support is not used: only the J point
    # decides (st_findings).  Sex unknown: the men's Cornell cut-off (keeps the support more often).
    Threshold("LVH_VOLTAGE", "sokolow_mv", ">=", 3.5, "mV", "S V1 + max(R V5, R V6)", "modifier", "Sokolow-Lyon voltage: STEMI only at J"),
    Threshold("LVH_VOLTAGE", "cornell_mv", ">", 2.8, "mV", "R aVL + S V3, men / sex unknown", "modifier", "Cornell voltage (men): STEMI only at J"),
    Threshold("LVH_VOLTAGE", "cornell_f_mv", ">", 2.0, "mV", "R aVL + S V3, women", "modifier", "Cornell voltage (women): STEMI only at J"),
    Threshold("LVH_VOLTAGE", "r_avl_mv", ">", 1.1, "mV", "R aVL", "modifier", "R in aVL > 1.1 mV: STEMI only at J"),
)
# fmt: on


@dataclass
class Finding:
    code: str
    text: str
    severity: str  # critical / urgent / routine, or info (not graded)
    territory: str = ""
    leads: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    source: str = ""
    decided_at: str = ""  # the measurement point that decided (STEMI: "J", "J+60", "J+40")


def meets(value: float | None, op: str, limit: float) -> bool:
    """Whether ``value`` meets a row's ``op`` ``limit`` (a missing value meets nothing)."""
    if value is None:
        return False
    return {">=": value >= limit, "<=": value <= limit, ">": value > limit, "<": value < limit}[op]


def rule(code: str) -> Threshold:
    return next(t for t in THRESHOLDS if t.code == code)


def rule_for(code: str, measure: str) -> Threshold:
    """The row of ``code`` that compares ``measure`` (codes with several rows)."""
    return next(t for t in THRESHOLDS if t.code == code and t.measure == measure)


def stemi_row(lead: str, sex: str, age: float | None) -> Threshold:
    rows = [t for t in THRESHOLDS if t.code == "STEMI"]
    if lead not in ("V2", "V3"):
        return rows[0]
    if sex == "M":
        return rows[2] if age is not None and age < 40 else rows[1]
    return rows[3]  # women, and the most sensitive when sex is unknown


def contiguous(hits: dict[str, str]) -> list[tuple[str, list[str]]]:
    out = []
    for territory, group in TERRITORIES.items():
        leads = [lead for lead in group if lead in hits]
        if len(leads) >= 2:
            out.append((territory, leads))
    bridge = next((leads for t, leads in out if t == BRIDGE), None)
    out = [(t, leads) for t, leads in out if t != BRIDGE]
    if bridge is None or set(bridge) <= {x for _, leads in out for x in leads}:
        return out
    for _, leads in out:  # a group that holds one of V4/V5 takes the other too
        if set(bridge) & set(leads):
            leads.extend(x for x in bridge if x not in leads)
            leads.sort(key=LEAD_ORDER.index)
            return out
    return [*out, (BRIDGE, bridge)]


def support_point(rr_ms: float | None) -> str:
    """The supporting ST point: J+40 above 100 bpm (J+60 lands in the T wave), else J+60."""
    return "J+40" if rr_ms is not None and rr_ms < FAST_RR_MS else "J+60"


def support_mv(v: LeadST, point: str) -> float:
    """A lead's ST at the supporting point (``support_point``), in mV."""
    return v.st_j40_mv if point == "J+40" else v.st_j60_mv


def _elevations(st, sex, age, point: str) -> tuple[dict[str, str], dict[str, str]]:
    """Leads meeting the 4th-UDMI cut-off at J, and (not at J) at the supporting point."""
    at_j, at_support = {}, {}
    for lead, v in st.items():
        row = stemi_row(lead, sex, age)
        later = support_mv(v, point)
        if meets(v.st_j_mv, row.op, row.value):
            at_j[lead] = f"{lead} ST {v.st_j_mv * 10:+.1f} mm at J ({row.reason})"
        elif meets(later, row.op, row.value) and later >= v.st_j_mv:
            at_support[lead] = (
                f"{lead} ST {later * 10:+.1f} mm at {point}, {v.st_j_mv * 10:+.1f} mm at J "
                f"({row.reason}; J placement uncertain by a few ms)"
            )
    return at_j, at_support


def lvh_voltage(st: dict[str, LeadST], sex: str) -> list[str]:
    """The LVH voltage rows met, as reasons ([] when none, or leads are missing)."""
    if not all(n in st for n in ("V1", "V3", "V5", "V6", "aVL")):
        return []
    values = {
        "sokolow_mv": abs(st["V1"].s_mv) + max(st["V5"].r_mv, st["V6"].r_mv),
        "cornell_f_mv" if sex == "F" else "cornell_mv": st["aVL"].r_mv + abs(st["V3"].s_mv),
        "r_avl_mv": st["aVL"].r_mv,
    }
    return [
        f"{t.reason} ({t.applies} {values[t.measure]:.2f} mV)"
        for t in MODIFIERS
        if t.code == "LVH_VOLTAGE" and meets(values.get(t.measure), t.op, t.value)
    ]


def st_findings(
    st: dict[str, LeadST], sex: str, age: float | None, rr_ms: float | None = None
) -> list[Finding]:
    """STEMI at J (4th UDMI); the supporting point (J+60, or J+40 above 100 bpm)
    decides when the J value misses the cut-off but the elevation there is
    backed by reciprocal depression, so a J point a few ms off hides nothing --
    except with LVH voltage (MODIFIERS), where only the J point decides."""
    found: list[Finding] = []
    point = support_point(rr_ms)
    at_j, at_support = _elevations(st, sex, age, point)
    lvh = lvh_voltage(st, sex)
    for territory, leads in contiguous({**at_j, **at_support}):
        recip = [x for x, v in st.items() if x not in leads and v.st_j_mv <= RECIPROCAL_MV]
        mirror = [
            x
            for x in RECIPROCAL[territory]
            if x in st and min(st[x].st_j_mv, support_mv(st[x], point)) <= RECIPROCAL_MV
        ]
        j_leads = [x for x in leads if x in at_j]
        if len(j_leads) >= 2:
            decided = "J"
        elif mirror and not lvh:
            decided = point
        else:  # LVH: the ST rises from J into the T wave; only J decides
            continue  # elevation only after J and no reciprocal change: not decided
        reasons = [at_j.get(x) or at_support[x] for x in leads]
        recip = sorted(set(recip) | set(mirror), key=list(st).index)
        if recip:
            reasons.append("reciprocal ST depression in " + ", ".join(recip))
        reasons.append(f"decided at {decided}")
        text = f"ST elevation {territory} ({', '.join(leads)}): meets STEMI criteria"
        f = Finding("STEMI", text, "critical", territory, leads, reasons, decided_at=decided)
        found.append(f)
    stemi_leads = {x for f in found for x in f.leads}
    dep_row, t_row = rule("ST_DEPRESSION"), rule("T_INVERSION")
    depressed = {
        lead: f"{lead} ST {v.st_j_mv * 10:+.1f} mm, {v.slope}"
        for lead, v in st.items()
        if meets(v.st_j_mv, dep_row.op, dep_row.value) and v.slope in ("flat", "down")
    }
    for territory, leads in contiguous(depressed):
        if stemi_leads.isdisjoint(leads) and territory not in {f.territory for f in found}:
            reasons = [depressed[x] for x in leads] + [dep_row.reason]
            text = f"ST depression {territory} ({', '.join(leads)}): possible ischaemia"
            found.append(
                Finding("ST_DEPRESSION", text, dep_row.severity, territory, leads, reasons)
            )
    inverted = {
        lead: f"{lead} T {v.t_amp_mv * 10:+.1f} mm, R {v.r_mv * 10:.1f} mm"
        for lead, v in st.items()
        if lead != "aVR"
        and meets(v.t_amp_mv, t_row.op, t_row.value)
        and (v.r_mv >= 0.5 or v.r_mv > abs(v.s_mv))
    }
    for territory, leads in contiguous(inverted):
        reasons = [inverted[x] for x in leads] + [t_row.reason]
        text = f"T inversion {territory} ({', '.join(leads)}): possible ischaemia"
        found.append(Finding("T_INVERSION", text, t_row.severity, territory, leads, reasons))
    return found


def _simple(code: str, value: float | None, text: str, extra: str = "") -> Finding | None:
    row = rule(code)
    if not meets(value, row.op, row.value):
        return None
    shown = f"{value:g}" if isinstance(value, float | int) else str(value)
    reason = f"{row.reason}: {row.measure} {shown} {row.unit}" + (f"; {extra}" if extra else "")
    return Finding(code, text, row.severity, reasons=[reason])


def rhythm_findings(m: Measurements, rhythm: dict[str, float], vpc_beats: int) -> list[Finding]:
    out: list[Finding | None] = [
        _simple("VENTRICULAR_RHYTHM", rhythm.get("ventricular", 0.0), "Ventricular rhythm"),
        _simple("AFIB", rhythm.get("afib", 0.0), "Atrial fibrillation"),
        _simple("FIRST_DEGREE_AVB", m.pr_ms, "Prolonged PR (first-degree AV block)"),
    ]
    avb = _simple("AV_BLOCK", rhythm.get("avb", 0.0), "AV block")
    if avb is not None:
        slow = _simple("AV_BLOCK_SLOW", m.hr_bpm, "AV block with slow ventricular rate")
        out.append(slow or avb)
    vpc = _simple("VPC_FREQUENT", vpc_beats, f"Frequent VPCs ({vpc_beats} in record)") or _simple(
        "VPC", vpc_beats, f"Ventricular premature complexes ({vpc_beats})"
    )
    out.append(vpc)
    rate = (
        _simple("TACHY_SEVERE", m.hr_bpm, "Marked tachycardia")
        or _simple("BRADY_SEVERE", m.hr_bpm, "Marked bradycardia")
        or _simple("TACHY", m.hr_bpm, "Tachycardia")
        or _simple("BRADY", m.hr_bpm, "Bradycardia")
    )
    out.append(rate)
    return [f for f in out if f is not None]


def no_signal_finding(n_leads: int) -> Finding:
    row = rule("NO_QRS")
    reason = f"{row.reason} ({n_leads} leads examined)"
    return Finding(row.code, "No reliable QRS complexes detected", row.severity, reasons=[reason])


def urgency(findings: list[Finding]) -> tuple[str, list[str]]:
    """Highest severity and the codes of the findings that drove it."""
    graded = [f for f in findings if f.severity != "info"]
    if not graded:
        return "routine", []
    top = min(graded, key=lambda f: SEVERITY_ORDER[f.severity]).severity
    return top, [f.code for f in findings if f.severity == top]


def thresholds_table() -> str:
    """The table as readable text (for the CLI and the report footer)."""
    lines = [f"{RULES_NAME} {RULES_VERSION} (not for clinical use)"]
    for t in THRESHOLDS + MODIFIERS:
        lines.append(
            f"{t.code:<20} {t.measure:<20} {t.op:>2} {t.value:<6g} {t.unit:<8} "
            f"{t.severity:<8} {t.applies}: {t.reason}"
        )
    return "\n".join(lines)
