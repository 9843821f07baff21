"""Remote inference over the Open Inference Protocol v2 against the local run, same run.

Starts a real KServe ModelServer on loopback serving the openecg codec (as the
OIP tests do) and measures, on the real 12-lead record in pydicom:
one model call (one lead) locally, remotely with JSON tensors and remotely with
the binary tensor extension; and the whole ECG pre-read with its model slot local
and remote.  Prints medians and the ratio to the local baseline.
Run: ``.venv/bin/python bench/oip.py [--repeat 10]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pydicom.data import get_testdata_file

    from app.ecg.readers import read_ecg
    from bench.ecg import _median_ms as median_ms
    from inference.ecg.analysis import analyze
    from inference.ecg.model import MODEL_ID, prepare, resample
    from inference.registry import REGISTRY, ModelRegistry
    from inference.remote import OipClient
    from inference.runtime import Runtime
    from tests.oip.oip_helpers import KServeProcess

    signal = read_ecg(get_testdata_file("waveform_ecg.dcm", download=False))
    x = prepare(resample(signal.data, signal.fs)[list(signal.leads).index("II")])[None, :]
    work = Path(tempfile.mkdtemp(prefix="hz-bench-oip-"))
    srv = KServeProcess(work, REGISTRY.weights_path(MODEL_ID), MODEL_ID, "v6-int8").start()
    try:
        local = Runtime().session(MODEL_ID, threads=1)
        as_json, as_binary = OipClient(srv.url), OipClient(srv.url, binary=True)
        rows = [
            ("one lead, local onnxruntime (baseline)", lambda: local.run({"signal": x})),
            ("one lead, OIP v2 JSON tensors", lambda: as_json.infer(MODEL_ID, {"signal": x})),
            ("one lead, OIP v2 binary tensors", lambda: as_binary.infer(MODEL_ID, {"signal": x})),
        ]
        remote = ModelRegistry()
        remote.set_remote(MODEL_ID, {"url": srv.url, "model": MODEL_ID, "binary": True})
        rt_local, rt_remote = Runtime(), Runtime(remote)
        rows += [
            ("ECG pre-read, model local (baseline)", lambda: analyze(signal, runtime=rt_local)),
            ("ECG pre-read, model over OIP v2", lambda: analyze(signal, runtime=rt_remote)),
        ]
        base = None
        for i, (name, fn) in enumerate(rows):
            ms = median_ms(fn, args.repeat)
            base = ms if i in (0, 3) else base
            print(f"{name:42s} {ms:8.1f} ms   x{ms / base:5.2f}")
    finally:
        srv.stop()


if __name__ == "__main__":
    main()
