"""A result a remote product computed names the product wherever the model is named
(alerts, report drafts); a local run, or a fallback, names the model only."""

from __future__ import annotations

from app.ai.result import AiResult, ModelInfo, Urgency
from app.report_drafts import model_label


def result(**placement) -> AiResult:
    model = ModelInfo("openecg-codec", "OpenECG codec", "v6-int8", **placement)
    return AiResult(model, "ecg", "ECG", Urgency.ROUTINE, rules="Huizhen ECG rules 1.0")


def test_remote_result_names_the_product():
    r = result(runs_at="remote", endpoint="http://127.0.0.1:8080", served="openecg-codec v6-int8",
               product="City ECG platform 2.1")  # fmt: skip
    back = AiResult.from_dict(r.to_dict())
    assert back.model.label == "OpenECG codec v6-int8 · City ECG platform 2.1"
    assert model_label(r.to_dict()) == (
        "OpenECG codec v6-int8 · City ECG platform 2.1 + Huizhen ECG rules 1.0"
    )


def test_local_and_fallback_results_name_the_model_only():
    for r in (result(), result(runs_at="local", product="City ECG platform 2.1",
                               note="remote AI unavailable, ran locally (x)")):  # fmt: skip
        assert r.model.label == "OpenECG codec v6-int8"
        assert model_label(r.to_dict()) == "OpenECG codec v6-int8 + Huizhen ECG rules 1.0"
    assert "runs_at" not in result().to_dict()["model"]  # older readers see the same shape
