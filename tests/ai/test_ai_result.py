"""The one AI result shape: JSON round trip, older shapes, urgency, the registry."""

from __future__ import annotations

import json

import pytest

from app.ai import AiResult, Finding, ModelInfo, Source, Urgency, registry


def _result(**kw) -> AiResult:
    base = dict(
        model=ModelInfo("m-1", "Model", "2.0"),
        analyzer="ecg",
        modality="ECG",
        urgency=Urgency.CRITICAL,
        summary="ST elevation inferior",
        findings=[
            Finding(
                "STEMI",
                "ST elevation inferior (II, III, aVF)",
                "critical",
                "inferior",
                ["II", "III", "aVF"],
                ["II ST +2.0 mm"],
            )
        ],  # fmt: skip
        measurements={"hr_bpm": 72.0, "pr_ms": None},
        units={"hr_bpm": "bpm", "pr_ms": "ms"},
        missing={"pr_ms": "no P wave found"},
    )
    base.update(kw)
    return AiResult(**base)


def test_round_trip_through_json_keeps_everything():
    r = _result()
    again = AiResult.from_dict(json.loads(json.dumps(r.to_dict())))
    assert again.to_dict() == r.to_dict()
    assert again.uid == r.uid and len(r.uid) == 32 and again.source == Source.CLINIC
    assert again.measurement("hr_bpm").value == 72.0 and again.measurement("hr_bpm").unit == "bpm"
    assert again.measurement("pr_ms").value is None
    assert again.measurement("pr_ms").reason == "no P wave found"  # a missing value says why
    assert again.measurement("qt_ms").reason == "not measured"


def test_one_alert_per_critical_finding_only_when_critical():
    r = _result()
    assert [f.code for f in r.critical_findings] == ["STEMI"]
    assert _result(urgency=Urgency.URGENT).critical_findings == []
    bare = _result(findings=[])
    assert [f.code for f in bare.critical_findings] == ["CRITICAL"]


def test_older_shapes_are_read():
    # the server's result before the one shape: measurements under details, no model id
    old_server = {
        "urgency": "critical",
        "summary": "x",
        "findings": ["f1"],
        "model": {"name": "openecg", "version": "0.11"},
        "details": {"measurements": {"hr_bpm": 80}, "rules": "R 1"},
    }
    r = AiResult.from_dict(old_server)
    assert r.model.label == "openecg 0.11" and r.model.id == "openecg"
    assert r.measurements == {"hr_bpm": 80.0} and r.rules == "R 1"
    assert r.findings[0].text == "f1" and r.findings[0].code == ""
    # a workstation payload before the one shape: no model in it, columns give it
    r = AiResult.from_dict({"findings": []}, model_name="n", model_version="v", urgency="routine")
    assert (r.model.name, r.model.version, r.urgency) == ("n", "v", Urgency.ROUTINE)


def test_urgency_is_one_enum_with_a_not_graded_state():
    assert Urgency.parse("CRITICAL") is Urgency.CRITICAL
    assert Urgency.NOT_GRADED.rank == 2  # no grade is no urgency (issue 12); the AI text says why
    with pytest.raises(ValueError, match="unknown urgency"):
        Urgency.parse("panic")


def test_plugin_dicts_become_results_and_need_a_model():
    an = registry.Analyzer("t", "OT", lambda p: None, takes_path=True)
    r = registry.as_result({"urgency": "routine", "model": {"name": "g", "version": "1"}}, an)
    assert r.analyzer == "t" and r.modality == "OT"
    with pytest.raises(ValueError, match="model name"):
        registry.as_result({"urgency": "routine"}, an)


def test_registry_reads_the_modality_descriptors():
    from app.modalities import DESCRIPTORS

    [ecg] = registry.analyzers_for("ECG")
    assert ecg.name == "ecg" and ecg.model_id == DESCRIPTORS["ECG"].analyzers[0].model_id
    assert ecg.model_version()[0] == "openecg-codec"  # known before running: no re-run
    [cxr] = registry.analyzers_for("CR")  # image checks only (no chest X-ray finding model)
    assert cxr.name == "chest-cxr" and cxr.model_version() == ("huizhen-chest-cxr-checks", "0.1")
    assert registry.analyzers_for("US") == []
    assert "ECG" in registry.modalities_with_analyzers()


def test_the_server_opens_a_file_with_its_modalitys_readers(tmp_path):
    from pydicom.data import get_testdata_file

    from app.readers.base import ReadError

    signal = registry.open_file(get_testdata_file("waveform_ecg.dcm", download=False), "ECG")
    assert len(signal.leads) == 12 and signal.fs > 0
    junk = tmp_path / "notes.txt"
    junk.write_text("not a record")
    with pytest.raises(ReadError):
        registry.open_file(junk, "ECG")
