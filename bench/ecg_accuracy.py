"""ECG measurement accuracy against the recording devices' own measurements.

    .venv/bin/python bench/ecg_accuracy.py [--json]

Runs the AI pre-read over every ECG file the project holds that carries the
device's own global measurements (pydicom's waveform_ecg.dcm from a Mortara
cart, and every file under tests/data/ecg whose reader exposes
``EcgSignal.device_measurements``: GE MUSE, GE CardioSoft, HL7 aECG, SCP-ECG,
Philips Sierra; sources and licences in tests/data/ecg/README.md).  Prints, per
record, our value against the device's, then per measure the mean and SD of
the error (ours - device) in the form IEC 60601-2-25 uses, against the
limits below, and the number of false critical grades (a critical grade on a
record whose device statements do not describe an acute infarct).  One ECG
stored in several formats (the HL7 aECG sample, its SCP-ECG encoding and the
rebuilt reference-beat SCP file) counts once.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "ecg"

# The limits, in one place.  IEC 60601-2-25:2011 (which took over IEC 60601-2-51:2003)
# tests automated global interval measurements on the biological ECGs of the CSE
# database: for each global measure the mean and the standard deviation of the
# differences (device - reference) over the set must stay within a table of limits.
# What was confirmed from public text reachable here (no copy of the standard itself):
#   - the test's form (CSE biological ECGs; P duration, PR, QRS duration, QT; mean
#     difference and SD): Contec/Gima ECG-300G user manual 5.1.3.3 (manualslib.es,
#     Gima ECG-300G page 76), and the GliaX ECG wiki "Testing" page quoting
#     IEC 60601-2-51 Annex GG ("Requirements for biological interval measurements -
#     Table GG.2"; github.com/GliaX/ecg/wiki/Testing);
#   - the CSE reference itself is the earliest onset / latest offset in any lead
#     (Willems et al., CSE; as restated in the EClysis validation abstract,
#     Ann Noninvasive Electrocardiol 2009);
#   - the requirements cover only the measurements an ECG makes (medteq.net,
#     "IEC 60601-2-25 overview of databases").
# The numbers below could NOT be checked against the standard's text here: QRS is the
# issue's quotation of the standard; PR and QT are the values this project has used
# since session 2 (CSE-derived tolerances).  P duration is not measured by our
# analysis, so that row of the standard does not apply to it.
# The only exclusion rule found in public text is for amplitudes (the two largest
# amplitude differences are left out, GliaX wiki quoting Annex GG); none was found for
# interval measurements, so the IEC table below leaves no record out.
# measure: (device key, our summary key, |mean error| limit ms, SD limit ms, source)
LIMITS = {
    "PR": ("PR Interval", "pr_ms", 10.0, 10.0, "project value (not checked vs standard)"),
    "QRS": ("QRS Duration", "qrs_ms", 10.0, 10.0, "issue 12's quotation of the standard"),
    "QT": ("QT Interval", "qt_ms", 25.0, 30.0, "project value (not checked vs standard)"),
}
NOT_MEASURED = {"P": "P duration: not reported by this analysis (no limit applies)"}
MEASURES = {k: v[:4] for k, v in LIMITS.items()}
# reported for information, no IEC limit applied here
EXTRA = {"RR": ("RR Interval", "rr_ms"), "QRS axis": ("QRS Axis", "qrs_axis_deg")}
# A global QRS runs from the earliest onset to the latest offset over all leads, so
# it is at least every lead's own QRS.  The leads are projections of one cardiac
# vector (8 independent; II = I + III): depolarisation still going on shows in more
# than one lead.  A device global that exceeds all but one of its own lead values by
# more than this rests on that one lead's J point alone (e.g. a J point lost in an
# injury current) and is reported apart from the references the leads agree on.
ONE_LEAD_MS = 10.0
ACUTE_MI = ("INFARCT", "STEMI", "ACUTE", "INFARTO", "INJURY", "梗死")  # 梗死: infarct (zh)
# False critical grades found on a record and not yet fixed, each with its owner.  The
# test requires the false critical grades to be exactly these: a new one fails it, and
# so does a fixed one still listed here.
KNOWN_FALSE_CRITICAL: dict[str, str] = {}
# Single-record errors beyond mean + SD limit found on a record and not yet fixed, each
# with its cause and owner.  The per-record test requires exactly these: a new one fails
# it, and so does a listed one that is back within limits.  They stay in every table.
KNOWN_OPEN_ERRORS: dict[tuple[str, str], str] = {}
# Device values a publisher replaced by placeholders when scrubbing a file (README row):
# not the device's measurements, so they are not compared.
PLACEHOLDERS = {
    "cardiosoft/ml4h_ukbb_scrubbed.xml": (
        ("P Axis", "QRS Axis", "T Axis"),
        "axes scrubbed to 1 by the publisher (its statement reads right axis deviation)",
    ),
}
SUFFIXES = (".dcm", ".xml", ".scp", ".hea")


@dataclass
class Row:
    name: str
    device: dict[str, float]
    ours: dict[str, float | None]
    urgency: str
    statements: list[str] = field(default_factory=list)
    note: str = ""
    lead_values: dict[str, dict[str, float]] = field(default_factory=dict)
    graded: list[tuple[str, str]] = field(default_factory=list)  # (code, severity)

    @property
    def false_alarms(self) -> list[str]:
        """Our urgent/critical findings the device's own values and statements do not support."""
        from ecg_alarms import unsupported_alarms

        return unsupported_alarms(self.graded, self.device, self.statements)

    def one_lead_reference(self, measure: str) -> str:
        """Why the device's global ``measure`` rests on one lead alone, or ""."""
        if measure != "QRS":
            return ""
        key = MEASURES[measure][0]
        glob = self.device.get(key)
        per = sorted(
            ((v[key], lead) for lead, v in self.lead_values.items() if v.get(key)), reverse=True
        )
        if not glob or len(per) < 3 or glob - per[1][0] <= ONE_LEAD_MS:
            return ""
        others = [v for v, _ in per[1:]]
        return (
            f"device global {glob:.0f} ms = lead {per[0][1]} alone ({per[0][0]:.0f}); "
            f"other leads {min(others):.0f}-{max(others):.0f} ms"
        )

    @property
    def false_critical(self) -> bool:
        acute = any(k in s.upper() for s in self.statements for k in ACUTE_MI)
        return self.urgency == "critical" and not acute


def candidates() -> list[Path]:
    from pydicom.data import get_testdata_file

    out = []
    found = get_testdata_file("waveform_ecg.dcm", download=False)
    if found:
        out.append(Path(found))
    if DATA.is_dir():
        out += sorted(p for p in DATA.rglob("*") if p.suffix.lower() in SUFFIXES)
    return out


def _device(path: Path, sig) -> tuple[dict[str, float], list[str]]:
    meas = dict(getattr(sig, "device_measurements", {}) or {})
    statements = list(getattr(sig, "device_statements", []) or [])
    if not meas and path.suffix.lower() == ".dcm":
        import pydicom

        from app.ecg.readers.dicom_ecg import device_measurements, device_statements

        ds = pydicom.dcmread(str(path))
        meas, statements = device_measurements(ds), device_statements(ds)
    return meas, statements


def run() -> list[Row]:
    from app.ecg.readers import read_ecg
    from app.readers.base import ReadError
    from inference.ecg import analyze

    rows, seen = [], set()
    for path in candidates():
        try:
            sig = read_ecg(path)
        except ReadError:
            continue
        device, statements = _device(path, sig)
        name = path.name if path.parent.name in ("", "data") else f"{path.parent.name}/{path.name}"
        for key in PLACEHOLDERS.get(name, ((), ""))[0]:
            device.pop(key, None)
        if not any(device.get(k) for k, *_ in MEASURES.values()):
            continue
        same = (tuple(sorted(device.items())), round(sig.duration_s))
        if same in seen:  # one ECG in several formats (aECG = SCP = rebuilt SCP) counts once
            continue
        seen.add(same)
        res = analyze(sig)
        m = res.summary()["measurements"]
        ours = {key: m.get(key) for _, key, *_ in MEASURES.values()}
        ours["rr_ms"] = res.measurements.rr_ms
        ours["qrs_axis_deg"] = m.get("qrs_axis_deg")
        codes = ",".join(f.code for f in res.findings) or "-"
        lead_values = dict(getattr(sig, "device_lead_measurements", {}) or {})
        graded = [(f.code, f.severity) for f in res.findings if f.severity != "info"]
        rows.append(Row(name, device, ours, res.urgency, statements, codes, lead_values, graded))
    return rows


def errors(
    rows: list[Row], dev_key: str, our_key: str, measure: str = "", agreed: bool = False
) -> list[float]:
    """Errors ours - device; ``agreed``: only references the device's own leads agree on."""
    out = []
    for r in rows:
        if agreed and r.one_lead_reference(measure):
            continue
        d, o = r.device.get(dev_key), r.ours.get(our_key)
        if d and o is not None:  # a device value of 0 means "not measured"
            out.append(float(o) - float(d))
    return out


def table(rows: list[Row]) -> tuple[str, bool, bool]:
    """(text, within limits on agreed references, within limits on all records)."""
    w = max([30] + [len(r.name) for r in rows])
    lines = [f"{'record':<{w}} {'measure':<9} {'device':>7} {'ours':>7} {'error':>7}"]
    for r in rows:
        for label, (dk, ok, *_) in {
            **MEASURES,
            **{k: (*v, 0, 0) for k, v in EXTRA.items()},
        }.items():
            d, o = r.device.get(dk), r.ours.get(ok)
            if not d:
                continue
            err = "" if o is None else f"{o - d:+7.0f}"
            shown = "-" if o is None else f"{o:7.0f}"
            lines.append(f"{r.name:<{w}} {label:<9} {d:7.0f} {shown:>7} {err:>7}")
        lines.append(f"{r.name:<{w}} grade     {r.urgency:>15}  findings {r.note}")
    ok_all, ok_every = True, True
    for agreed in (False, True):
        title = (
            "references the device's own leads agree on (a project rule, not the standard's)"
            if agreed
            else "all records, IEC 60601-2-25 form (mean and SD of ours - device; none left out)"
        )
        lines += ["", f"{title}:"]
        lines.append(f"{'measure':<9} {'n':>3} {'mean err':>9} {'SD':>6} {'limit':>14}  result")
        for label, (dk, ok, lim_mean, lim_sd) in MEASURES.items():
            e = errors(rows, dk, ok, label, agreed)
            if not e:
                lines.append(f"{label:<9} {0:>3} {'-':>9} {'-':>6}")
                continue
            mean = statistics.fmean(e)
            sd = statistics.stdev(e) if len(e) > 1 else 0.0
            good = abs(mean) <= lim_mean and sd <= lim_sd
            if agreed:
                ok_all &= good
            else:
                ok_every &= good
            lim = f"+-{lim_mean:g} / {lim_sd:g}"
            verdict = "ok" if good else "FAIL"
            lines.append(f"{label:<9} {len(e):>3} {mean:+9.1f} {sd:6.1f} {lim:>14}  {verdict}")
    lines.append("")
    lines += [f"limit {k}: {v[4]}" for k, v in LIMITS.items()]
    lines += list(NOT_MEASURED.values())
    lines.append("")
    for r in rows:
        for label in MEASURES:
            why = r.one_lead_reference(label)
            if why:
                lines.append(f"left out of the second table: {r.name} {label}: {why}")
    lines += [
        f"device values not compared: {name}: {why}"
        for name, (_keys, why) in PLACEHOLDERS.items()
        if any(r.name == name for r in rows)
    ]
    lines += [
        f"open single-record error: {name} {measure}: {why}"
        for (name, measure), why in KNOWN_OPEN_ERRORS.items()
        if any(r.name == name for r in rows)
    ]
    false_crit = sum(r.false_critical for r in rows)
    ok_all &= false_crit == 0
    lines.append(f"false critical grades: {false_crit} of {len(rows)} records (goal 0)")
    lines += [
        f"  {r.name}: {KNOWN_FALSE_CRITICAL.get(r.name, 'NEW')}" for r in rows if r.false_critical
    ]
    alarms = [(r.name, a) for r in rows for a in r.false_alarms]
    lines.append(f"urgent/critical findings the device does not support: {len(alarms)} (goal 0)")
    lines += [f"  {name}: {a}" for name, a in alarms]
    return "\n".join(lines), ok_all, ok_all and ok_every


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows = run()
    if args.json:
        print(json.dumps([r.__dict__ for r in rows], indent=2, default=str))
        return 0
    text, ok, every = table(rows)
    print(f"{len(rows)} records with device measurements")
    print(text)
    alarms = sum(len(r.false_alarms) for r in rows)
    if alarms:
        print(f"{alarms} urgent/critical finding(s) the device does not support: review each")
    if every:
        print("within limits on every measure, all records")
    elif ok:
        print("within limits on the references the leads agree on; NOT on all records (above)")
    else:
        print("NOT within limits")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
