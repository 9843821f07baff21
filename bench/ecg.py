"""ECG AI pre-read speed: median time for a 12-lead 10 s record on CPU.

Goal: <= 100 ms per record.  Also measures one raw onnxruntime call of the
openecg codec in the same run, so the ratio shows the cost of everything
around the model.  Run: ``.venv/bin/python bench/ecg.py [--repeat 30]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time


def _median_ms(fn, repeat: int) -> float:
    fn()  # warm-up (imports, session creation)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    os.environ.setdefault("HUIZHEN_EP", "cpu")

    from pydicom.data import get_testdata_file

    from app.ecg.readers import read_ecg
    from inference.ecg import analyze
    from inference.ecg.model import MODEL_ID, prepare, resample
    from inference.runtime import default_runtime, default_threads

    signal = read_ecg(get_testdata_file("waveform_ecg.dcm", download=False))
    sess = default_runtime().session(MODEL_ID)
    x = prepare(resample(signal.data, signal.fs)[1])[None, :]
    raw = _median_ms(lambda: sess.ort_session.run(None, {"signal": x}), args.repeat)
    read = _median_ms(lambda: read_ecg(get_testdata_file("waveform_ecg.dcm", download=False)), 10)
    pre = _median_ms(lambda: analyze(signal), args.repeat)
    full = _median_ms(lambda: analyze(signal, all_leads=True), max(5, args.repeat // 3))
    leads = analyze(signal).fiducial_leads
    print(f"cpu cores {os.cpu_count()}, onnxruntime threads {default_threads()}, provider CPU")
    print(f"raw onnxruntime call (1 lead, 10 s @ 500 Hz): {raw:7.1f} ms")
    print(f"read DICOM 12-lead record:                    {read:7.1f} ms")
    print(
        f"AI pre-read, 12 leads ({len(leads)} model leads {','.join(leads)}): {pre:7.1f} ms "
        f"(goal <= 100 ms) = {pre / raw:.1f} x raw call"
    )
    print(
        f"AI pre-read, model on all 12 leads:           {full:7.1f} ms = {full / raw:.1f} x raw call"
    )


if __name__ == "__main__":
    main()
