"""Measurements on real device exports against the devices' own values
(files and licences: tests/data/ecg/README.md; bench/ecg_accuracy.py prints the table)."""

import statistics
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import ecg_accuracy  # noqa: E402


@pytest.fixture(scope="module")
def rows():
    got = ecg_accuracy.run()
    assert len(got) >= 7, "the real ECG samples with device measurements are missing"
    return got


@pytest.mark.parametrize("measure", list(ecg_accuracy.MEASURES))
def test_global_intervals_match_each_device(rows, measure):
    """IEC 60601-2-25 judges the mean and SD of the errors over a set of ECGs (the table
    test below); each single record must stay within mean limit + SD limit of its device
    (QRS 20 ms), which catches a failed delineation without hiding a device's own bias
    (the SCP-Tools device reads QRS 2-12 ms shorter than we do; see the report)."""
    dev_key, our_key, limit, sd = ecg_accuracy.MEASURES[measure]
    limit += sd
    checked, beyond = 0, []
    for r in rows:
        d, o = r.device.get(dev_key), r.ours.get(our_key)
        if not d:
            continue
        if r.one_lead_reference(measure):  # checked against the device's own leads below
            continue
        assert o is not None, (r.name, measure, d)
        if abs(o - d) > limit:
            beyond.append(r.name)
        checked += 1
    # beyond the limit: exactly the open errors bench/ecg_accuracy.py lists (cause, owner)
    listed = sorted(n for n, m in ecg_accuracy.KNOWN_OPEN_ERRORS if m == measure)
    assert sorted(beyond) == listed, (measure, beyond)
    assert checked >= 4


def test_no_false_critical_but_the_listed_open_ones_and_the_acute_mi_is_found(rows):
    """A false critical grade fails this test unless bench/ecg_accuracy.py lists it as
    open (with its cause and owner); a listed one that no longer occurs fails it too."""
    false_critical = sorted(r.name for r in rows if r.false_critical)
    assert false_critical == sorted(ecg_accuracy.KNOWN_FALSE_CRITICAL)
    mi = next(r for r in rows if r.name.endswith("129DYPRG.xml"))
    assert any("Acute MI" in s for s in mi.statements)
    assert mi.urgency == "critical" and "STEMI" in mi.note


def test_a_global_qrs_resting_on_one_lead_is_reported_apart(rows):
    """Philips 129DYPRG (acute inferior MI): the device's global QRS 135 ms is its lead II
    value alone, where the R wave runs into 2.5 mm of ST elevation; its other 11 leads
    give 59-115 ms and its beat group 96 ms.  Our all-lead QRS must fall in the range
    those leads agree on; the other Philips record's global (102, leads 92-104) is kept."""
    mi = next(r for r in rows if r.name.endswith("129DYPRG.xml"))
    assert mi.lead_values["II"]["QRS Duration"] == 135
    why = mi.one_lead_reference("QRS")
    assert "lead II alone" in why and "59-115" in why
    others = [v["QRS Duration"] for k, v in mi.lead_values.items() if k != "II"]
    assert max(others) - 20 <= mi.ours["qrs_ms"] <= max(others)
    other = next(r for r in rows if r.name.endswith("2020-5-18_15-48-11.xml"))
    assert len(other.lead_values) == 12 and other.one_lead_reference("QRS") == ""
    assert all(r.one_lead_reference("PR") == "" for r in rows)


def test_the_table_prints_both_views_and_meets_the_limits_where_leads_agree(rows):
    text, agreed_ok, every_ok = ecg_accuracy.table(rows)
    assert "all records, IEC 60601-2-25 form" in text
    assert "references the device's own leads agree on (a project rule" in text
    for measure, (*_, source) in ecg_accuracy.LIMITS.items():
        assert f"limit {measure}: {source}" in text  # every limit says where it comes from
    assert "129DYPRG.xml QRS: device global 135 ms = lead II alone" in text
    # every measure within its limits on the references the leads agree on
    agreed = text.split("references the device's own leads agree on")[1].splitlines()[2:5]
    assert [line.split()[0] for line in agreed] == list(ecg_accuracy.MEASURES)
    # a measure FAILs here only through a listed open single-record error: without the
    # listed records it is within its limits (the table itself still prints FAIL)
    for line in agreed:
        if line.endswith("  ok"):
            continue
        measure = line.split()[0]
        listed = {n for n, m in ecg_accuracy.KNOWN_OPEN_ERRORS if m == measure}
        assert listed, line
        dev_key, our_key, lim_mean, lim_sd = ecg_accuracy.MEASURES[measure]
        rest = [r for r in rows if r.name not in listed]
        e = ecg_accuracy.errors(rest, dev_key, our_key, measure, agreed=True)
        assert abs(statistics.fmean(e)) <= lim_mean and statistics.stdev(e) <= lim_sd, line
    # ``agreed_ok``: every measure ok there and no false critical grade
    all_ok = all(line.endswith("  ok") for line in agreed)
    assert agreed_ok == (all_ok and not ecg_accuracy.KNOWN_FALSE_CRITICAL)


# Reviewed: SCP-Tools record ECG_20070321_110542 (Swedish device statements: LVH, Sokolow
# 4.1 mV, septal infarct; no ST statement).  Its median beat shows ~1 mm horizontal ST
# depression in I, II, aVF and V3-V6 with ST elevation in aVR (1.1 mm) and V1 against a
# flat PR baseline: the 4th-UDMI ischaemia criterion is met on the waveform; LVH lowers
# its specificity but does not explain diffuse depression with upright T waves, so the
# urgent grade (a specialist within hours) is kept.  Any other unsupported alarm fails.
REVIEWED_ALARMS = {("scp_tools/ECG_20070321_110542_ANON000004.scp", "ST_DEPRESSION (urgent)")}
# Not kept but open: the false criticals listed in ecg_accuracy.KNOWN_FALSE_CRITICAL (none
# now: the Guangxi early-repolarisation ECG is urgent STE_NO_RECIPROCAL, which its device's
# "ST elevation, suggests early repolarisation" supports).
OPEN_ALARMS: set[tuple[str, str]] = set()


def test_no_urgent_or_critical_finding_the_device_does_not_support(rows):
    found = {(r.name, a) for r in rows for a in r.false_alarms}
    assert found == REVIEWED_ALARMS | OPEN_ALARMS
    assert sum(1 for r in rows if r.graded) >= 1  # the acute MI is graded


def test_alarm_support_rules():
    import ecg_alarms

    # Philips ad4d3d80 before the baseline-wander fix: our QTc >= 500, the device's 466
    assert ecg_alarms.unsupported_alarms([("QT_LONG", "urgent")], {"QTc Interval": 466}, []) == [
        "QT_LONG (urgent)"
    ]
    assert ecg_alarms.supported("QT_LONG", {"QTc Interval": 490}, [])
    assert ecg_alarms.supported("STEMI", {}, ["Inferior infarct, acute (LCx)", ">>> Acute MI <<<"])
    assert not ecg_alarms.supported("STEMI", {}, ["ST ELEVATION, PROBABLY DUE TO LVH"])
    assert ecg_alarms.unsupported_alarms([("BRADY", "routine")], {}, []) == []


def test_a_device_value_of_zero_is_not_a_measurement(rows):
    """GE MAC55 in atrial fibrillation writes PR 0: no PR was measured, so the record adds
    nothing to the PR row, while its QRS and QT count."""
    af = next(r for r in rows if r.name.endswith("ecgprocess_mac55_afib.dcm"))
    assert af.device["PR Interval"] == 0 and "ATRIAL FIBRILLATION" in af.statements
    assert ecg_accuracy.errors([af], "PR Interval", "pr_ms") == []
    assert len(ecg_accuracy.errors([af], "QRS Duration", "qrs_ms")) == 1
    assert len(ecg_accuracy.errors([af], "QT Interval", "qt_ms")) == 1


def test_a_chinese_infarct_statement_supports_a_critical_grade():
    """GE MUSE exports from Chinese sites carry their statements in Chinese (the Guangxi
    teaching record); an acute infarct stated there (梗死) supports a critical STEMI, while
    'ST段抬高（提示心室早期复极）' (ST elevation, suggests early repolarisation) does not."""
    infarct = ecg_accuracy.Row(
        "x", {}, {}, "critical", ["急性下壁心肌梗死"], graded=[("STEMI", "critical")]
    )
    assert not infarct.false_critical and infarct.false_alarms == []
    early = ecg_accuracy.Row(
        "y", {}, {}, "critical", ["ST段抬高（提示心室早期复极）"], graded=[("STEMI", "critical")]
    )
    assert early.false_critical and early.false_alarms == ["STEMI (critical)"]


def test_both_cardiosoft_exports_are_in_the_harness_without_placeholder_values(rows):
    """GE CardioSoft XML: both public exports count; the scrubbed one's axes ("1", the
    publisher's placeholder; its statement reads right axis deviation) are not compared."""
    got = {r.name: r for r in rows if r.name.startswith("cardiosoft/")}
    assert sorted(got) == [
        "cardiosoft/ecgprocess_example_xml1.xml",
        "cardiosoft/ml4h_ukbb_scrubbed.xml",
    ]
    ukbb = got["cardiosoft/ml4h_ukbb_scrubbed.xml"]
    assert "QRS Axis" not in ukbb.device and ukbb.device["QRS Duration"] == 76
    assert "Right axis deviation" in ukbb.statements and ukbb.ours["qrs_axis_deg"] > 90
    text, *_ = ecg_accuracy.table(rows)
    assert "device values not compared: cardiosoft/ml4h_ukbb_scrubbed.xml: axes scrubbed" in text
