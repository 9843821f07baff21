"""A Qt-free client of the Open Inference Protocol v2 (REST), the protocol of
KServe, MLServer and Triton.

Endpoints used (``{m}`` the model name, optionally ``/versions/{v}``):
``GET /v2/health/ready``, ``GET /v2/models/{m}/ready``, ``GET /v2/models/{m}``
(metadata) and ``POST /v2/models/{m}/infer`` with JSON tensors
``{"name", "shape", "datatype", "data"}`` (data flattened in row-major order).

With ``binary=True`` tensors travel in the binary tensor data extension that
Triton and KServe implement (a JSON header whose length is sent as
``Inference-Header-Content-Length``, then the raw little-endian bytes of each
tensor): about 10x less time than JSON numbers for a 5000-sample ECG lead.

Failures are typed: ``RemoteUnavailable`` when the endpoint cannot be reached,
times out, or answers 502/503/504 after the retries (or the model is not
loaded / not ready), ``RemoteError`` when it answers but refuses (bad input,
wrong contract).  Only idempotent trouble is retried: connection errors,
timeouts and 502/503/504, with a short exponential back-off.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import numpy as np

# OIP v2 tensor datatypes <-> numpy
DATATYPES = {
    "BOOL": np.bool_,
    "UINT8": np.uint8,
    "UINT16": np.uint16,
    "UINT32": np.uint32,
    "UINT64": np.uint64,
    "INT8": np.int8,
    "INT16": np.int16,
    "INT32": np.int32,
    "INT64": np.int64,
    "FP16": np.float16,
    "FP32": np.float32,
    "FP64": np.float64,
}
RETRY_STATUS = (502, 503, 504)
HEADER_LENGTH = "Inference-Header-Content-Length"


class RemoteError(RuntimeError):
    """The endpoint answered but could not run the request (the message says why)."""


class RemoteUnavailable(RemoteError):
    """The endpoint cannot be reached or the model is not ready there."""


def datatype_of(arr: np.ndarray) -> str:
    for name, dt in DATATYPES.items():
        if arr.dtype == np.dtype(dt):
            return name
    raise RemoteError(f"no Open Inference Protocol datatype for numpy {arr.dtype}")


def encode(name: str, arr: np.ndarray) -> dict[str, Any]:
    arr = np.ascontiguousarray(arr)
    return {
        "name": name,
        "shape": list(arr.shape),
        "datatype": datatype_of(arr),
        "data": arr.ravel().tolist(),
    }


def binary_request(
    request_id: str, inputs: dict[str, np.ndarray], outputs: list[str] | None
) -> tuple[bytes, dict[str, str]]:
    """An infer request in the binary tensor data extension: JSON header, then bytes."""
    arrays = [(name, np.ascontiguousarray(arr)) for name, arr in inputs.items()]
    raw = [a.astype(a.dtype.newbyteorder("<"), copy=False).tobytes() for _, a in arrays]
    head: dict[str, Any] = {
        "id": request_id,
        "inputs": [
            {
                "name": name,
                "shape": list(a.shape),
                "datatype": datatype_of(a),
                "parameters": {"binary_data_size": len(b)},
            }
            for (name, a), b in zip(arrays, raw, strict=True)
        ],  # fmt: skip
        "parameters": {"binary_data_output": True},
    }
    if outputs:
        head["outputs"] = [{"name": n, "parameters": {"binary_data": True}} for n in outputs]
    header = json.dumps(head).encode("utf-8")
    headers = {HEADER_LENGTH: str(len(header)), "Content-Type": "application/octet-stream"}
    return header + b"".join(raw), headers


def decode(tensor: dict[str, Any], blobs: bytes = b"") -> np.ndarray:
    """An output tensor from JSON ``data`` or, in the binary extension, from ``blobs``
    (``parameters.binary_data_size`` bytes, in the order of the outputs)."""
    try:
        dtype = DATATYPES[str(tensor["datatype"]).upper()]
        shape = [int(x) for x in tensor["shape"]]
        size = (tensor.get("parameters") or {}).get("binary_data_size")
        if size is not None:
            start = int(tensor.get("_offset", 0))
            buf = blobs[start : start + int(size)]
            arr = np.frombuffer(buf, dtype=np.dtype(dtype).newbyteorder("<")).astype(dtype)
        else:
            arr = np.asarray(tensor["data"], dtype=dtype)
    except (KeyError, TypeError, ValueError) as err:
        raise RemoteError(f"malformed output tensor {tensor.get('name')!r}: {err}") from None
    if arr.size != int(np.prod(shape)):
        raise RemoteError(f"output {tensor.get('name')!r}: {arr.size} values for shape {shape}")
    return arr.reshape(shape)


@dataclass
class InferResult:
    outputs: dict[str, np.ndarray]
    model_name: str
    model_version: str
    request_id: str
    seconds: float
    attempts: int


@dataclass
class OipClient:
    """One OIP v2 endpoint (``base_url`` such as ``http://127.0.0.1:8080``)."""

    base_url: str
    timeout_s: float = 30.0
    connect_timeout_s: float = 3.0
    retries: int = 2
    backoff_s: float = 0.2
    headers: dict[str, str] = field(default_factory=dict)
    transport: Any = None  # httpx transport (tests)
    # the binary tensor data extension (Triton, KServe); turned off for good after a
    # server refuses a binary request, which is then sent again as JSON
    binary: bool = False

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        timeout = httpx.Timeout(self.timeout_s, connect=self.connect_timeout_s)
        self._http = httpx.Client(timeout=timeout, headers=self.headers, transport=self.transport)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OipClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @staticmethod
    def model_path(model: str, version: str = "") -> str:
        path = f"/v2/models/{model}"
        return f"{path}/versions/{version}" if version else path

    def _send(self, method: str, path: str, **kw) -> tuple[httpx.Response, int]:
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff_s * 2 ** (attempt - 1))
            try:
                r = self._http.request(method, self.base_url + path, **kw)
            except httpx.TimeoutException as err:
                last = f"no answer within {self.timeout_s:g} s ({type(err).__name__})"
                continue
            except httpx.TransportError as err:
                last = f"cannot connect to {self.base_url} ({err})"
                continue
            if r.status_code in RETRY_STATUS:
                last = f"{self.base_url} answered {r.status_code}: {_error_text(r)}"
                continue
            return r, attempt + 1
        tries = self.retries + 1
        raise RemoteUnavailable(f"{last} (after {tries} attempt{'s' if tries > 1 else ''})")

    def _get_ok(self, path: str) -> bool:
        try:
            r, _ = self._send("GET", path)
        except RemoteUnavailable:
            return False
        return r.status_code == 200

    def server_ready(self) -> bool:
        return self._get_ok("/v2/health/ready")

    def model_ready(self, model: str, version: str = "") -> bool:
        return self._get_ok(self.model_path(model, version) + "/ready")

    def metadata(self, model: str, version: str = "") -> dict[str, Any]:
        r, _ = self._send("GET", self.model_path(model, version))
        return self._json(r, model)

    def infer(
        self,
        model: str,
        inputs: dict[str, np.ndarray],
        outputs: list[str] | None = None,
        version: str = "",
    ) -> InferResult:
        request_id = uuid.uuid4().hex
        path = self.model_path(model, version) + "/infer"
        t0 = time.perf_counter()
        r = None
        if self.binary:
            content, headers = binary_request(request_id, inputs, outputs)
            r, attempts = self._send("POST", path, content=content, headers=headers)
            if r.status_code in (400, 415, 422) and "not ready" not in r.text.lower():
                self.binary, r = False, None  # the server does not speak the extension: JSON
        if r is None:
            body: dict[str, Any] = {
                "id": request_id,
                "inputs": [encode(name, np.asarray(arr)) for name, arr in inputs.items()],
            }
            if outputs:
                body["outputs"] = [{"name": n} for n in outputs]
            r, attempts = self._send("POST", path, json=body)
        data, blobs = self._infer_body(r, model)
        got = {str(t.get("name")): decode(t, blobs) for t in data.get("outputs") or []}
        missing = [n for n in outputs or [] if n not in got]
        if missing:
            raise RemoteError(f"{model} returned no output {', '.join(missing)}")
        return InferResult(
            outputs=got,
            model_name=str(data.get("model_name") or model),
            model_version=str(data.get("model_version") or version or ""),
            request_id=str(data.get("id") or request_id),
            seconds=time.perf_counter() - t0,
            attempts=attempts,
        )

    def _infer_body(self, r: httpx.Response, model: str) -> tuple[dict[str, Any], bytes]:
        """The JSON part of an infer answer and the binary tensor bytes after it."""
        size = r.headers.get(HEADER_LENGTH)
        if size is None or r.status_code != 200:
            return self._json(r, model), b""
        try:
            n = int(size)
            data = json.loads(r.content[:n])
        except ValueError:
            raise RemoteError(f"{self.base_url}: malformed binary infer answer") from None
        if not isinstance(data, dict):
            raise RemoteError(f"{self.base_url}: binary infer answer without a JSON object")
        blobs, offset = r.content[n:], 0
        for t in data.get("outputs") or []:  # the bytes follow in the order of the outputs
            size = (t.get("parameters") or {}).get("binary_data_size")
            if size is not None:
                t["_offset"], offset = offset, offset + int(size)
        if offset != len(blobs):
            raise RemoteError(f"{self.base_url}: {len(blobs)} tensor bytes, header says {offset}")
        return data, blobs

    def _json(self, r: httpx.Response, model: str) -> dict[str, Any]:
        if r.status_code == 404 or (r.status_code == 400 and "not ready" in r.text.lower()):
            raise RemoteUnavailable(f"model {model!r} is not served at {self.base_url}")
        if r.status_code != 200:
            raise RemoteError(f"{self.base_url} refused ({r.status_code}): {_error_text(r)}")
        try:
            data = r.json()
        except ValueError:
            raise RemoteError(f"{self.base_url} did not answer JSON") from None
        if not isinstance(data, dict):
            raise RemoteError(f"{self.base_url} answered {type(data).__name__}, not an object")
        return data


def _error_text(r: httpx.Response) -> str:
    try:
        data = r.json()
    except ValueError:
        return r.text[:200]
    if isinstance(data, dict):
        return str(data.get("error") or data.get("detail") or data)[:200]
    return str(data)[:200]
