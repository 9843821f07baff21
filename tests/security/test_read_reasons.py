"""Every ReadError a damaged real file gives on import or when it is opened carries a
coded reason (``ReadReason``) the UI shows in the user's language.

The files are the fuzz harness's real seeds (pydicom test files, public ECG
records, scikit-image photos), cut short or with bytes overwritten (a fixed
random seed, so the same cases every run).
"""

from __future__ import annotations

import random
import warnings
from pathlib import Path

import pytest

from app.readers import ReadError, best_reader
from bench.fuzz_targets import DECODERS, build_seeds, copy_seed

SKIP = {"slide-tiff", "geojson", "asap-xml"}  # slides: SlideError; annotations: not readers
SEEDS_PER_TARGET = 8


def damaged(raw: bytes, rng: random.Random) -> list[bytes]:
    """The file cut at a third and at two thirds, and four times with 16 bytes overwritten."""
    out = [raw[: len(raw) // 3], raw[: 2 * len(raw) // 3]]
    for _ in range(4):
        b = bytearray(raw)
        for _ in range(16):
            b[rng.randrange(len(b))] = rng.randrange(256)
        out.append(bytes(b))
    return out


def read_all(target: str, path: Path) -> None:
    """What import and a viewer do: recognise, read the header, open and decode."""
    found = best_reader(path)
    if found is None:
        return  # "not a format Huizhen can read": the import line says so itself
    reader = found[1]
    reader.read_meta(path)
    decode = DECODERS.get(target)
    if decode is not None:
        decode(reader, path)
    else:
        reader.open([path])


@pytest.fixture(scope="module")
def targets(tmp_path_factory):
    return [t for t in build_seeds(tmp_path_factory.mktemp("seeds")) if t.name not in SKIP]


def test_every_read_error_of_a_damaged_real_file_is_coded(targets, tmp_path):
    warnings.simplefilter("ignore")
    rng = random.Random(20261130)
    errors, uncoded = 0, []
    for t in targets:
        for i, seed in enumerate(t.seeds[:SEEDS_PER_TARGET]):
            primary = copy_seed(seed, tmp_path / f"{t.name}-{i}-seed")
            for j, data in enumerate(damaged(primary.read_bytes(), rng)):
                path = copy_seed(seed, tmp_path / f"{t.name}-{i}-{j}")
                path.write_bytes(data)
                try:
                    read_all(t.name, path)
                except ReadError as err:
                    errors += 1
                    if err.reason is None:
                        uncoded.append(f"{t.name} {seed.primary} #{j}: {err}")
    assert errors >= 40  # the cases do reach the readers' errors
    assert not uncoded, "\n".join(uncoded)
