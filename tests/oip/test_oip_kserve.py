"""Remote inference over the Open Inference Protocol v2 against a real KServe
ModelServer process on loopback serving the project's ECG model (openecg codec,
ONNX through onnxruntime): same tensors as the local run, same AI result, where
and which version ran recorded, and a clear state when the endpoint is down."""

from __future__ import annotations

import numpy as np
import pytest

from inference.placement import NOT_RUN, RAN_LOCALLY
from inference.registry import ModelRegistry
from inference.remote import OipClient, RemoteError, RemoteUnavailable
from inference.runtime import Runtime
from tests.oip.conftest import MODEL, SERVED_VERSION
from tests.oip.oip_helpers import free_port


@pytest.fixture(scope="module")
def real_signal():
    from pydicom.data import get_testdata_file

    from app.ecg.readers import read_ecg

    path = get_testdata_file("waveform_ecg.dcm", download=False)
    if path is None:
        pytest.skip("pydicom test file waveform_ecg.dcm is not installed")
    return read_ecg(path)


def lead_input(signal, lead: str = "II") -> np.ndarray:
    from inference.ecg.model import prepare, resample

    data = resample(signal.data, signal.fs)
    return prepare(data[list(signal.leads).index(lead)])[None, :]


def remote_registry(url: str, **extra) -> ModelRegistry:
    reg = ModelRegistry()
    reg.set_remote(MODEL, {"url": url, "model": MODEL, "timeout_s": 20, "retries": 1,
                           "product": "City ECG platform 2.1", **extra})  # fmt: skip
    return reg


def test_health_metadata_and_tensors_equal_local(kserve_ecg, real_signal):
    with OipClient(kserve_ecg.url) as client:
        assert client.server_ready() and client.model_ready(MODEL)
        assert not client.model_ready("no-such-model")
        meta = client.metadata(MODEL)
        assert meta["name"] == MODEL
        assert [(i["name"], i["datatype"]) for i in meta["inputs"]] == [("signal", "FP32")]
        x = lead_input(real_signal)
        got = client.infer(MODEL, {"signal": x}, ["frame_logits", "rhythm_logits"])
    assert (got.model_name, got.model_version) == (MODEL, SERVED_VERSION)
    local = Runtime().session(MODEL, threads=1).run({"signal": x})
    for name in ("frame_logits", "rhythm_logits"):
        assert got.outputs[name].dtype == np.float32
        assert (
            got.outputs[name].shape == local[name].shape == (1, 5000, 4 if "frame" in name else 6)
        )
        # same graph, same onnxruntime, one thread each: bit-identical
        np.testing.assert_array_equal(got.outputs[name], local[name])


def test_ecg_preread_through_remote_slot_equals_local(kserve_ecg, real_signal):
    from app.ai import registry
    from inference.ecg.analysis import analyze
    from inference.ecg.preread import result_of

    local = result_of(analyze(real_signal, runtime=Runtime()))
    reg = remote_registry(kserve_ecg.url)
    remote_runtime = Runtime(reg)
    analyzer = registry.Analyzer(
        "ecg", "ECG", lambda sig, state=None: result_of(analyze(sig, state, remote_runtime))
    )
    remote = registry.run(analyzer, real_signal)
    m = remote.model
    assert (m.runs_at, m.endpoint, m.served) == (
        "remote",
        kserve_ecg.url,
        f"{MODEL} {SERVED_VERSION}",
    )
    assert m.product == "City ECG platform 2.1" and m.note == ""
    assert remote.urgency == local.urgency
    assert [f.code for f in remote.findings] == [f.code for f in local.findings]
    assert remote.measurements == local.measurements
    back = type(remote).from_dict(remote.to_dict())
    assert (back.model.runs_at, back.model.served) == ("remote", f"{MODEL} {SERVED_VERSION}")


def test_endpoint_down_runs_locally_or_not_at_all(real_signal):
    from app.ai import registry
    from inference.ecg.analysis import analyze
    from inference.ecg.preread import result_of

    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    runtime = Runtime(remote_registry(dead))

    def fn(sig, state=None):
        return result_of(analyze(sig, state, runtime))

    result = registry.run(registry.Analyzer("ecg", "ECG", fn), real_signal)
    assert result.model.runs_at == "local" and result.model.note.startswith(RAN_LOCALLY)
    assert dead in result.model.note
    none = Runtime(remote_registry(dead, fallback="none"))
    with pytest.raises(RemoteUnavailable, match=NOT_RUN):
        none.session(MODEL).run({"signal": lead_input(real_signal)})


def test_unknown_model_and_unsupported_version_are_clear(kserve_ecg, real_signal):
    x = lead_input(real_signal)
    with OipClient(kserve_ecg.url, retries=0) as client:
        with pytest.raises(RemoteUnavailable, match="not served"):
            client.infer("no-such-model", {"signal": x})
        with pytest.raises(RemoteError):  # KServe 0.21 serves no versioned paths
            client.infer(MODEL, {"signal": x}, version="v7")
        with pytest.raises(RemoteError, match="refused"):
            client.infer(MODEL, {"signal": x[:, :100].astype(np.float64)})


def test_binary_tensor_extension_equals_json_and_local(kserve_ecg, real_signal):
    x = lead_input(real_signal, "V2")
    with OipClient(kserve_ecg.url, binary=True) as client:
        got = client.infer(MODEL, {"signal": x}, ["frame_logits", "beat_logits"])
        assert client.binary  # KServe speaks the extension: it stays on
    local = Runtime().session(MODEL, threads=1).run({"signal": x})
    for name in ("frame_logits", "beat_logits"):
        np.testing.assert_array_equal(got.outputs[name], local[name])
