"""Fuzz every reader with mutated real files, each run in a worker subprocess.

    python -m bench.fuzz_readers --per-reader 1000 --seconds 3600
    python -m bench.fuzz_readers --only wfdb,geojson --per-reader 200 --keep /tmp/fuzz-cases
    python -m bench.fuzz_readers --replay /tmp/fuzz-cases/wfdb-17 --target wfdb

Each case is a seed file mutated once (see ``bench/fuzz_mutate.py`` and
``bench/fuzz_dicom.py``) and run through what the application does with a
file: the importer's examine pass, the reader's ``read_meta`` and the full
decode a viewer or analysis does (``bench/fuzz_targets.py``).  The worker is a
"spawn" subprocess with a memory limit (``resource.setrlimit`` on POSIX; not
available on Windows, where the time limit alone applies) and each case has
a time limit.  Per reader it prints: tried, clear errors (ReadError,
AnnotationError, SlideError), accepted, uncaught (any other exception),
hangs (time limit) and aborts (the worker died, e.g. SIGABRT/SIGSEGV).
Goal (issue 13): 0 uncaught, 0 hangs, 0 aborts at 1,000 per reader.
Readers are interleaved, so a time budget cut leaves comparable counts.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ("tried", "clear", "accepted", "uncaught", "hangs", "aborts")


def _limit_memory(mb: int) -> None:
    if os.name != "posix" or mb <= 0:
        return  # Windows: no setrlimit; the per-case time limit still applies
    import resource

    limit = mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _where(err: BaseException) -> str:
    """Deepest frame in our code, then the deepest frame overall."""
    frames = traceback.extract_tb(err.__traceback__)
    ours = [f for f in frames if str(ROOT) in f.filename and "/bench/" not in f.filename]
    parts = []
    for f in (ours[-1] if ours else None, frames[-1] if frames else None):
        if f is not None:
            name = (
                os.path.relpath(f.filename, ROOT)
                if str(ROOT) in f.filename
                else Path(f.filename).name
            )
            parts.append(f"{name}:{f.lineno} {f.name}")
    return " <- ".join(dict.fromkeys(reversed(parts)))


def _classify(err: BaseException) -> tuple[str, str]:
    from bench.fuzz_targets import CLEAR_ERRORS

    name = type(err).__name__
    if name in CLEAR_ERRORS and type(err).__module__.startswith("app."):
        return "clear", name
    return "uncaught", f"{name} at {_where(err)}"


def _worker(conn, memory_mb: int) -> None:
    import logging
    import warnings

    _limit_memory(memory_mb)
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)  # libraries log every damaged tag
    sys.path.insert(0, str(ROOT))
    import app.readers  # noqa: F401  (imports paid before the first case)
    from bench.fuzz_targets import run_case

    conn.send("ready")
    while True:
        msg = conn.recv()
        if msg is None:
            return
        target, reader, path = msg
        try:
            result = (run_case(target, reader, Path(path)), "")
        except KeyboardInterrupt:
            raise
        except BaseException as err:  # the harness records every class, nothing escapes
            result = _classify(err)
            del err
        conn.send(result)


class Worker:
    def __init__(self, memory_mb: int) -> None:
        self.memory_mb = memory_mb
        self.proc = None
        self.conn = None

    def start(self) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker, args=(child, self.memory_mb)
        )  # not daemonic: readers
        # may start their own child (the slide probe)
        self.proc.start()
        child.close()
        if not self.conn.poll(120) or self.conn.recv() != "ready":
            raise RuntimeError("fuzz worker did not start")

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.proc.join(5)
            if self.proc.is_alive():
                self.proc.kill()
        self.proc.join()
        self.proc = None

    def run(self, target: str, reader: str, path: Path, timeout: float) -> tuple[str, str]:
        if self.proc is None:
            self.start()
        self.conn.send((target, reader, str(path)))
        try:
            if self.conn.poll(timeout):
                return self.conn.recv()
        except (EOFError, OSError):
            pass
        if self.proc.is_alive():  # still working: a hang
            self.proc.kill()
            self.proc.join()
            self.proc = None
            return "hangs", f"over {timeout:g} s"
        self.proc.join()
        code = self.proc.exitcode
        self.proc = None
        if code is not None and code < 0:
            return "aborts", signal.Signals(-code).name
        return "aborts", f"exit code {code}"


def fuzz(args) -> dict:
    from bench.fuzz_dicom import DICOM_MUTATIONS
    from bench.fuzz_mutate import mutate
    from bench.fuzz_targets import build_seeds, copy_seed

    work = Path(tempfile.mkdtemp(prefix="hz-fuzz-"))
    keep = Path(args.keep) if args.keep else None
    targets = build_seeds(work / "seeds")
    if args.only:
        wanted = set(args.only.split(","))
        targets = [t for t in targets if t.name in wanted]
    counts = {t.name: Counter() for t in targets}
    slowest = dict.fromkeys(counts, 0.0)  # seconds of the slowest case (worker restarts included)
    classes: dict[tuple[str, str], list[str]] = defaultdict(list)
    worker = Worker(args.memory_mb)
    started = time.monotonic()
    try:
        for i in range(args.per_reader):
            if time.monotonic() - started > args.seconds:
                print(f"time budget of {args.seconds} s reached after {i} cases per reader")
                break
            for t in targets:
                rng = random.Random(f"{args.seed}:{t.name}:{i}")
                seed = t.seeds[i % len(t.seeds)]
                case = work / "case"
                shutil.rmtree(case, ignore_errors=True)
                primary = copy_seed(seed, case)
                victim = case / rng.choice(seed.mutate or (seed.primary,))
                extra = DICOM_MUTATIONS if t.kind == "dicom" else ()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # pydicom complains about our values
                    data, how = mutate(victim.read_bytes(), t.kind, rng, extra)
                victim.write_bytes(data)
                t0 = time.monotonic()
                status, detail = worker.run(t.name, t.reader, primary, args.timeout)
                slowest[t.name] = max(slowest[t.name], time.monotonic() - t0)
                counts[t.name]["tried"] += 1
                counts[t.name][status] += 1
                if status in ("uncaught", "hangs", "aborts"):
                    label = f"{t.name}-{i}"
                    classes[(t.name, f"{status}: {detail}")].append(f"{label} ({how})")
                    if keep is not None:
                        shutil.copytree(case, keep / label, dirs_exist_ok=True)
                if args.verbose:
                    print(f"{t.name:12} {i:5} {how:28} {status:9} {detail}", flush=True)
    finally:
        worker.stop()
        shutil.rmtree(work, ignore_errors=True)
    return {
        "counts": counts,
        "classes": classes,
        "slowest": slowest,
        "seconds": time.monotonic() - started,
    }


def print_report(result: dict) -> None:
    counts = result["counts"]
    print(f"\n{'reader':20}" + "".join(f"{c:>10}" for c in COLUMNS))
    total = Counter()
    for name, c in counts.items():
        total.update(c)
        print(f"{name:20}" + "".join(f"{c[k]:>10}" for k in COLUMNS))
    print(f"{'total':20}" + "".join(f"{total[k]:>10}" for k in COLUMNS))
    slow = ", ".join(f"{k} {v:.1f}" for k, v in result["slowest"].items())
    print(f"({result['seconds']:.0f} s; slowest case per reader, s: {slow})")
    if result["classes"]:
        print("\nfailure classes (first cases):")
        for (name, what), cases in sorted(result["classes"].items()):
            print(f"  {name}: {what}  x{len(cases)}  e.g. {', '.join(cases[:3])}")


def replay(path: Path, target: str) -> None:
    """Run one kept case in this process, with the full traceback."""
    from bench.fuzz_targets import build_seeds, run_case

    with tempfile.TemporaryDirectory() as tmp:
        reader = {t.name: t.reader for t in build_seeds(Path(tmp))}[target]
    path = Path(path)
    if path.is_dir():
        path = next(p for p in sorted(path.iterdir()) if p.suffix != ".dat")
    print(run_case(target, reader, path))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--per-reader", type=int, default=100, help="mutated files per reader")
    p.add_argument("--seconds", type=float, default=600, help="time budget for the whole run")
    p.add_argument("--timeout", type=float, default=20, help="time limit per case (s)")
    p.add_argument("--memory-mb", type=int, default=3072, help="worker memory limit (POSIX)")
    p.add_argument("--only", default="", help="comma-separated reader names")
    p.add_argument("--seed", default="hz13")
    p.add_argument("--keep", default="", help="folder to keep failing cases in")
    p.add_argument("--verbose", action="store_true")
    p.add_argument("--replay", default="", help="run one kept case in-process")
    p.add_argument("--target", default="", help="reader name for --replay")
    args = p.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # inherited by the spawned worker
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if args.replay:
        replay(Path(args.replay), args.target)
        return 0
    result = fuzz(args)
    print_report(result)
    bad = sum(c[k] for c in result["counts"].values() for k in ("uncaught", "hangs", "aborts"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
