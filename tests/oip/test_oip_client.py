"""Client rules that a healthy real server cannot show on demand: retries on 503,
no retry on a refusal, and JSON after a server refuses the binary extension.
The answers come from httpx.MockTransport (a scripted peer, not a server);
everything against a real OIP server is in test_oip_kserve.py."""

from __future__ import annotations

import json

import httpx
import numpy as np
import pytest

from inference.remote.oip import HEADER_LENGTH, OipClient, RemoteError, RemoteUnavailable

OK = {
    "model_name": "m",
    "model_version": "3",
    "id": "x",
    "outputs": [{"name": "y", "shape": [1, 2], "datatype": "FP32", "data": [1.5, -2.0]}],
}


def client(handler, **kw) -> OipClient:
    return OipClient("http://127.0.0.1:9", backoff_s=0.0,
                     transport=httpx.MockTransport(handler), **kw)  # fmt: skip


def test_503_is_retried_then_answered():
    calls = []

    def handler(request):
        calls.append(request)
        return (
            httpx.Response(503, json={"error": "busy"})
            if len(calls) < 3
            else httpx.Response(200, json=OK)
        )

    got = client(handler, retries=2).infer("m", {"x": np.zeros((1, 2), np.float32)})
    assert got.attempts == 3 and got.model_version == "3"
    np.testing.assert_array_equal(got.outputs["y"], np.array([[1.5, -2.0]], np.float32))
    calls.clear()
    with pytest.raises(RemoteUnavailable, match="503.*after 2 attempts"):
        client(handler, retries=1).infer("m", {"x": np.zeros((1, 2), np.float32)})


def test_refusal_is_not_retried():
    calls = []

    def handler(request):
        calls.append(request)
        return httpx.Response(400, json={"error": "shape [1, 2] does not match [1, 5000]"})

    with pytest.raises(RemoteError, match="does not match") as err:
        client(handler, retries=3).infer("m", {"x": np.zeros((1, 2), np.float32)})
    assert not isinstance(err.value, RemoteUnavailable) and len(calls) == 1


def test_binary_refused_falls_back_to_json_once():
    seen = []

    def handler(request):
        seen.append(request.headers.get(HEADER_LENGTH))
        if request.headers.get(HEADER_LENGTH):
            return httpx.Response(415, json={"error": "unsupported media type"})
        body = json.loads(request.content)
        assert body["inputs"][0]["data"] == [0.0, 0.0]
        return httpx.Response(200, json=OK)

    c = client(handler, binary=True)
    c.infer("m", {"x": np.zeros((1, 2), np.float32)})
    c.infer("m", {"x": np.zeros((1, 2), np.float32)})
    assert c.binary is False and seen[0] is not None and seen[1:] == [None, None]
