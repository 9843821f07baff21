"""Import never aborts: whatever a reader raises is caught at the file, every good
file of the batch is imported and pre-read, and a re-import adds no AI result."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from pydicom.data import get_testdata_file
from sqlalchemy import func, select

from app.domain import Modality
from app.importer import Outcome, run_import
from app.models import AIResult
from app.readers.base import REGISTRIES, Reader
from tests.samples import REAL_ECG, wfdb_record

CR = get_testdata_file("RG1_UNCR.dcm", download=False)
RAISES = {
    "notimpl": NotImplementedError("codec not implemented"),
    "recursion": RecursionError("maximum recursion depth exceeded"),
    "value": ValueError("invalid literal"),
    "attr": AttributeError("'NoneType' object has no attribute 'value'"),
}


class HostileReader(Reader):
    """Stands for the reader bugs fuzzing found: raises what the file names."""

    name = "test-hostile"
    modality = Modality.OTHER

    def examine(self, path: Path, head: bytes) -> float:
        return 0.99 if path.suffix == ".hostile" else 0.0

    def read_meta(self, path: Path):
        raise RAISES[path.stem]


def png_bomb(path: Path) -> None:
    """A real PNG header claiming 40000x40000 pixels: Pillow raises DecompressionBombError."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 40000, 40000, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))


@pytest.fixture
def hostile(monkeypatch, tmp_path):
    reg = REGISTRIES[Modality.OTHER]
    monkeypatch.setattr(reg, "readers", [*reg.readers, HostileReader()])
    folder = tmp_path / "hostile"
    folder.mkdir()
    for stem in RAISES:
        (folder / f"{stem}.hostile").write_bytes(b"x" * 10)
    png_bomb(folder / "bomb.png")
    return sorted(folder.iterdir())


def test_five_hostile_files_in_the_middle_stop_nothing(store, hostile, tmp_path):
    wfdb_record(tmp_path / "wfdb")
    retina = Path(__import__("skimage").__file__).parent / "data" / "retina.jpg"
    report = run_import(store, [REAL_ECG, CR, *hostile, retina, tmp_path / "wfdb"])
    by_name = {Path(e.path).name: e for e in report.entries}
    for name in ("waveform_ecg.dcm", "RG1_UNCR.dcm", "retina.jpg", "ecg100.hea"):
        assert by_name[name].outcome is Outcome.IMPORTED, name
    for f in hostile:
        e = by_name[f.name]
        assert e.outcome is Outcome.FAILED and e.reason and e.kind, f.name
    assert "max_image_pixels" in by_name["bomb.png"].reason  # the reader's clear error
    assert len(report.entries) == 9


def test_command_line_import_pre_reads_every_good_file(home, hostile, tmp_path, capsys):
    from app.cli import main, open_store

    wfdb_record(tmp_path / "wfdb")
    args = ["import", str(REAL_ECG), *map(str, hostile), str(tmp_path / "wfdb")]
    assert main(args) == 1  # the hostile files are reported as problems
    out = capsys.readouterr().out
    assert out.count("failed") >= 5
    store = open_store()
    try:
        with store.read_session() as s:
            per_study = dict(
                s.execute(select(AIResult.study_pk, func.count()).group_by(AIResult.study_pk)).all()
            )
        assert len(per_study) == 2 and set(per_study.values()) == {1}  # DICOM ECG and WFDB
    finally:
        store.close()
    main(args)  # again: duplicates, and no second AI result
    store = open_store()
    try:
        with store.read_session() as s:
            assert s.scalar(select(func.count()).select_from(AIResult)) == 2
    finally:
        store.close()
