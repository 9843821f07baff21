"""Execution provider choice, session cache and batching."""

import numpy as np
import pytest

from inference.runtime import (
    ProviderError,
    Runtime,
    choose_provider,
    default_threads,
    run_batched,
)


def test_provider_preference_order(monkeypatch):
    monkeypatch.delenv("HUIZHEN_EP", raising=False)
    cpu = "CPUExecutionProvider"
    assert choose_provider(available=[cpu]) == cpu
    assert choose_provider(available=[cpu, "CoreMLExecutionProvider"]) == "CoreMLExecutionProvider"
    assert choose_provider(available=[cpu, "DmlExecutionProvider", "CUDAExecutionProvider"]) == (
        "CUDAExecutionProvider"
    )


def test_provider_forced_by_env_or_argument(monkeypatch):
    avail = ["CUDAExecutionProvider", "CPUExecutionProvider"]
    monkeypatch.setenv("HUIZHEN_EP", "cpu")
    assert choose_provider(available=avail) == "CPUExecutionProvider"
    monkeypatch.setenv("HUIZHEN_EP", "coreml")
    with pytest.raises(ProviderError, match="not available"):
        choose_provider(available=avail)
    assert choose_provider("CUDAExecutionProvider", available=avail) == "CUDAExecutionProvider"


def test_thread_setting(monkeypatch):
    monkeypatch.setenv("HUIZHEN_ORT_THREADS", "3")
    assert default_threads() == 3
    monkeypatch.setenv("HUIZHEN_ORT_THREADS", "zero")
    assert default_threads() >= 1


def test_session_cache_and_real_run(monkeypatch):
    monkeypatch.setenv("HUIZHEN_EP", "cpu")
    rt = Runtime()
    s1 = rt.session("openecg-codec", threads=1)
    assert rt.session("openecg-codec", threads=1) is s1
    assert rt.session("openecg-codec", threads=2) is not s1
    assert len(rt.cached()) == 2
    assert s1.provider == "CPUExecutionProvider"
    x = np.zeros((1, 5000), np.float32)
    out = s1.run({"signal": x})
    assert out["frame_logits"].shape == (1, 5000, 4)
    rt.clear()
    assert rt.cached() == []


def test_run_batched_respects_max_batch():
    sizes, checks = [], []

    def run_one(x):
        sizes.append(len(x))
        return {"y": x.sum(axis=1, keepdims=True)}

    items = np.arange(10, dtype=float).reshape(5, 2)
    out = run_batched(run_one, items, max_batch=2, check=lambda: checks.append(1))
    assert sizes == [2, 2, 1] and len(checks) == 3
    assert np.array_equal(out["y"][:, 0], items.sum(axis=1))
    sizes.clear()
    run_batched(run_one, items, max_batch=None)
    assert sizes == [5]
