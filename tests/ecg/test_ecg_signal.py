import numpy as np
import pytest

from app.ecg.signal import (
    STANDARD_LEADS,
    EcgSignal,
    age_from_dates,
    normalize_lead_name,
    parse_age,
    to_millivolts,
)


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Lead I", "I"),
        ("LEAD_II", "II"),
        ("lead iii", "III"),
        ("avr", "aVR"),
        ("aVL", "aVL"),
        ("AVF", "aVF"),
        ("V1 ", "V1"),
        ("v6", "V6"),
        ("Lead I (Einthoven)", "I"),
        ("Lead aVF", "aVF"),
        ("MDC_ECG_LEAD_AVR", "aVR"),
        ("MDC_ECG_LEAD_V3", "V3"),
        ("2:64", "aVF"),
        ("2:61", "III"),
        ("5.6.3-9-1", "I"),
        ("5.6.3-9-8", "V6"),
        ("ECG_LEAD_V2", "V2"),
    ],
)
def test_lead_names_normalise(label, expected):
    assert normalize_lead_name(label) == expected


def test_unknown_lead_name_is_kept():
    assert normalize_lead_name(" MLII ") == "MLII"


def test_signal_normalises_and_orders_leads():
    data = np.arange(3 * 10, dtype=np.float64).reshape(3, 10)
    sig = EcgSignal(data, 500, ["V1 ", "Lead II", "LEAD_I"]).ordered()
    assert sig.leads == ["I", "II", "V1"]
    assert sig.data.dtype == np.float32
    assert np.array_equal(sig.lead("I"), data[2].astype(np.float32))


def test_derived_limb_leads_follow_einthoven():
    rng = np.random.default_rng(1)
    i, ii = rng.normal(size=(2, 200))
    sig = EcgSignal(np.vstack([i, ii]), 500, ["I", "II"]).with_derived_limb_leads()
    assert sig.leads == list(STANDARD_LEADS[:6])
    assert np.allclose(sig.lead("III"), ii - i, atol=1e-5)
    assert np.allclose(sig.lead("aVR") + sig.lead("aVL") + sig.lead("aVF"), 0, atol=1e-5)
    assert any("derived" in w for w in sig.warnings)
    assert np.allclose(sig.lead("-aVR"), -sig.lead("aVR"))


def test_bad_shapes_are_refused():
    with pytest.raises(ValueError):
        EcgSignal(np.zeros((2, 10)), 500, ["I"])
    with pytest.raises(ValueError):
        EcgSignal(np.zeros((1, 10)), 0, ["I"])


def test_units_and_age():
    mv, warn = to_millivolts(np.array([1000.0]), "uV")
    assert mv[0] == pytest.approx(1.0) and warn is None
    mv, warn = to_millivolts(np.array([-2000.0, 3000.0]), "furlongs")
    assert mv[1] == pytest.approx(3.0) and "unknown amplitude unit" in warn
    assert parse_age("042Y") == 42
    assert parse_age("006M") == 0.5
    from datetime import datetime

    assert age_from_dates("19710123", datetime(2013, 1, 25)) == pytest.approx(42.0, abs=0.1)
