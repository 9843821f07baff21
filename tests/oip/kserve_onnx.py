"""A real KServe Python ModelServer (``kserve`` on PyPI) serving one ONNX file through
onnxruntime over the Open Inference Protocol v2 REST API, for the OIP tests.

Run as ``python tests/oip/kserve_onnx.py CONFIG.json`` where the JSON names
``onnx`` (file), ``name``, ``version`` and ``port``.  KServe's REST server binds
0.0.0.0; this script makes it bind 127.0.0.1 only (tests talk to loopback).
KServe parses ``sys.argv`` when imported, so the config comes in a file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CONFIG = json.loads(Path(sys.argv[1]).read_text("utf-8"))
sys.argv = sys.argv[:1]

import kserve  # noqa: E402
import onnxruntime as ort  # noqa: E402
from kserve.protocol.infer_type import InferOutput, InferRequest, InferResponse  # noqa: E402
from kserve.protocol.rest import server as rest_server  # noqa: E402
from kserve.utils.numpy_codec import from_np_dtype  # noqa: E402

_init = rest_server.RESTServer.__init__


def _loopback_init(self, *args, **kw):
    _init(self, *args, **kw)
    self.config.host = "127.0.0.1"


rest_server.RESTServer.__init__ = _loopback_init

_ORT_TYPES = {"tensor(float)": "FP32", "tensor(double)": "FP64", "tensor(int64)": "INT64",
              "tensor(int32)": "INT32", "tensor(uint8)": "UINT8", "tensor(bool)": "BOOL"}  # fmt: skip


class OnnxModel(kserve.Model):
    def __init__(self, name: str, path: str, version: str) -> None:
        super().__init__(name)
        self.path, self.version = path, version
        self.sess = None
        self.load()

    def load(self) -> bool:
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        self.sess = ort.InferenceSession(self.path, opts, providers=["CPUExecutionProvider"])
        self.ready = True
        return self.ready

    def _types(self, args) -> list[dict]:
        return [
            {"name": a.name, "datatype": _ORT_TYPES.get(a.type, a.type),
             "shape": [d if isinstance(d, int) else -1 for d in a.shape]}
            for a in args
        ]  # fmt: skip

    def get_input_types(self) -> list[dict]:
        return self._types(self.sess.get_inputs())

    def get_output_types(self) -> list[dict]:
        return self._types(self.sess.get_outputs())

    async def predict(self, payload: InferRequest, headers=None, response_headers=None):
        feeds = {i.name: i.as_numpy() for i in payload.inputs}
        wanted = [o.name for o in payload.request_outputs or []]
        names = wanted or [o.name for o in self.sess.get_outputs()]
        binary = bool(payload.use_binary_outputs) or any(
            o.binary_data for o in payload.request_outputs or []
        )
        outputs = []
        for name, value in zip(names, self.sess.run(names, feeds), strict=True):
            out = InferOutput(name, list(value.shape), from_np_dtype(value.dtype))
            out.set_data_from_numpy(value, binary_data=binary)
            outputs.append(out)
        return InferResponse(  # KServe encodes JSON or binary outputs as the request asks
            response_id=payload.id,
            model_name=self.name,
            model_version=self.version,
            infer_outputs=outputs,
            use_binary_outputs=payload.use_binary_outputs,
            requested_outputs=payload.request_outputs,
        )


if __name__ == "__main__":
    model = OnnxModel(CONFIG["name"], CONFIG["onnx"], CONFIG["version"])
    kserve.ModelServer(http_port=int(CONFIG["port"]), enable_grpc=False, workers=1).start([model])
