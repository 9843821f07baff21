"""Series level and multi-file objects: WFDB records, DICOM series and photos are
stored under their original names, grouped, reported once, and reopen after a
restart through the reader that recognised them."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
from sqlalchemy import select

from app.importer import Outcome, run_import
from app.models import Series, StoredObject
from app.store import Store
from tests.samples import REAL_ECG, ct_series, wfdb_record


def retina() -> Path:
    import skimage

    return Path(skimage.__file__).parent / "data" / "retina.jpg"


def reopen(store: Store) -> Store:
    """A new Store on the same folder: what the next start of the program sees."""
    url = str(store.engine.url)
    data = store.data_dir
    store.close()
    return Store(url, data)


def test_wfdb_record_is_one_line_and_reopens_after_restart(store, tmp_path):
    wfdb_record(tmp_path / "in")
    report = run_import(store, [tmp_path / "in"])
    # .atr and .dat sort before .hea: they are companions, not "unsupported" failures
    assert [(e.outcome, Path(e.path).name, e.files) for e in report.entries] == [
        (Outcome.IMPORTED, "ecg100.hea", 3)
    ]
    assert report.problems == []
    pk = report.entries[0].study_pk
    names = sorted(p.name for _o, p in store.object_paths(pk))
    assert names == ["ecg100.atr", "ecg100.dat", "ecg100.hea"]
    store = reopen(store)
    try:
        shutil.rmtree(tmp_path / "in")  # the store has its own copy
        sig = store.open_source(pk)
        assert sig.data.shape == (12, 10000) and sig.fs == 1000
        (ser,) = store.series_list(pk)
        assert ser.reader == "wfdb"
    finally:
        store.close()


def test_dicom_series_is_grouped_and_opens_in_slice_order(store, tmp_path):
    files = ct_series(tmp_path / "ct")
    # import in reverse order and from two folders: still one series, in position order
    other = tmp_path / "more"
    other.mkdir()
    shutil.move(files[0], other / files[0].name)
    report = run_import(store, [tmp_path / "ct", other])
    assert [(e.outcome, e.files, e.modality) for e in report.entries] == [
        (Outcome.IMPORTED, 2, "CT")
    ]
    pk = report.entries[0].study_pk
    (ser,) = store.series_list(pk)
    assert ser.reader == "dicom-image" and ser.modality == "CT"
    store = reopen(store)
    try:
        src = store.open_source(pk)
        assert len(src) == 2
        first, second = src.frame(0), src.frame(1)
        assert first.pixels.shape == (512, 512) and not first.rgb
        assert not np.array_equal(first.pixels, second.pixels)
        again = run_import(store, [tmp_path / "ct", other])
        assert [e.outcome for e in again.entries] == [Outcome.DUPLICATE]
    finally:
        store.close()


def test_jpeg_photo_opens_as_an_image_not_through_pydicom(store, tmp_path):
    photo = tmp_path / "fundus_OS.jpg"
    photo.write_bytes(retina().read_bytes())
    (entry,) = run_import(store, [photo]).entries
    store = reopen(store)
    try:
        src = store.open_source(entry.study_pk)
        img = src.frame(src.default_index)
        assert img.rgb and img.pixels.shape == (1411, 1411, 3)
        assert img.laterality == "L"
    finally:
        store.close()


def test_same_name_files_of_one_series_do_not_overwrite_each_other(store, tmp_path):
    files = ct_series(tmp_path / "ct")
    (tmp_path / "b").mkdir()
    shutil.move(files[1], tmp_path / "b" / files[0].name)  # both called IM0001.dcm
    run_import(store, [tmp_path / "ct", tmp_path / "b"])
    with store.read_session() as s:
        paths = [o.path for o in s.scalars(select(StoredObject))]
    assert len(paths) == 2 and len(set(paths)) == 2
    assert all(store.files.abspath(p).exists() for p in paths)


def test_store_from_before_the_series_level_moves_its_blobs(home, tmp_path):
    """Rows and hash-named blobs written by the old layout are moved into series
    folders under their original names, and a WFDB record opens again."""
    import sqlalchemy as sa

    from app import db
    from app.blobstore import sha256_file

    data = home / "data"
    url = f"sqlite:///{data / 'huizhen.sqlite'}"
    engine = db.make_engine(url)
    cfg = db.alembic_config(engine)
    from alembic import command

    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    hea = wfdb_record(tmp_path / "old", annotations=False)
    files = [hea, hea.with_suffix(".dat")]
    digests = [sha256_file(f) for f in files]
    for f, d in zip(files, digests, strict=True):
        dest = data / "objects" / d[:2] / d[2:]
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, dest)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO patients (id, patient_id, name, sex, birth_date, is_demo)"
                " VALUES (1, 'ecg100', '', 'M', '', 0)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO studies (id, uid, patient_pk, modality, description,"
                " created_at) VALUES (1, '1.2.3', 1, 'ECG', '', '2026-01-01')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO worklist_items (study_pk, status, priority, ai_summary,"
                " version, created_at, updated_at) VALUES (1, 'new', 2, '', 1,"
                " '2026-01-01', '2026-01-01')"
            )
        )
        for i, (f, d) in enumerate(zip(files, digests, strict=True)):
            meta = '{"format": "wfdb"}' if i == 0 else f'{{"companion_of": "{digests[0]}"}}'
            conn.execute(
                sa.text(
                    "INSERT INTO objects (study_pk, sha256, filename, size, reader, meta,"
                    " created_at) VALUES (1, :d, :n, :s, 'wfdb', :m, '2026-01-01')"
                ),
                {"d": d, "n": f.name, "s": f.stat().st_size, "m": meta},
            )
    engine.dispose()
    store = Store(url, data)
    try:
        with store.read_session() as s:
            (ser,) = s.scalars(select(Series)).all()
            objs = s.scalars(select(StoredObject)).all()
        assert ser.reader == "wfdb" and {o.series_pk for o in objs} == {ser.id}
        assert sorted(Path(o.path).name for o in objs) == ["ecg100.dat", "ecg100.hea"]
        assert not any((data / "objects" / d[:2] / d[2:]).exists() for d in digests)
        assert store.open_source(1).data.shape[0] == 12
    finally:
        store.close()


def test_real_dicom_ecg_opens_with_its_reader(store):
    (entry,) = run_import(store, [REAL_ECG]).entries
    sig = store.open_source(entry.study_pk)
    assert len(sig.leads) == 12


def test_dicom_wsi_levels_are_one_slide(store, tmp_path):
    """A DICOM-WSI pyramid written by OrthancWSIDicomizer (one file per level) from a
    tiled TIFF of scikit-image's real IHC image: one series, opened by OpenSlide."""
    import subprocess

    import pydicom
    import pytest
    import skimage
    import tifffile
    from skimage import io

    exe = shutil.which("OrthancWSIDicomizer")
    if exe is None:
        pytest.skip("OrthancWSIDicomizer (apt orthanc-wsi) is not installed")
    img = io.imread(Path(skimage.__file__).parent / "data" / "ihc.png")[..., :3]
    big = np.tile(img, (4, 4, 1))  # 2048 x 2048: tiles of a real stain, repeated
    with tifffile.TiffWriter(tmp_path / "slide.tif") as tw:
        tw.write(big, tile=(256, 256), photometric="rgb", compression="jpeg")
        tw.write(big[::2, ::2].copy(), tile=(256, 256), photometric="rgb", compression="jpeg")
    out = tmp_path / "wsi"
    out.mkdir()
    subprocess.run(
        [exe, str(tmp_path / "slide.tif"), "--folder", str(out), "--max-size=0",
         "--tile-width", "256", "--tile-height", "256"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    files = sorted(out.glob("*.dcm"))
    assert len(files) >= 2
    for i, f in enumerate(files):  # what OpenSlide needs to tell the levels apart (REFERENCE.md)
        ds = pydicom.dcmread(f)
        ds.ImageType = ["ORIGINAL", "PRIMARY", "VOLUME", "NONE"] if i == 0 else [
            "DERIVED", "PRIMARY", "VOLUME", "RESAMPLED"]  # fmt: skip
        ds.save_as(f)
    report = run_import(store, [out])
    assert [(e.outcome, e.files, e.modality) for e in report.entries] == [
        (Outcome.IMPORTED, len(files), "SM")
    ]
    shutil.rmtree(out)
    store = reopen(store)
    try:
        src = store.open_source(report.entries[0].study_pk)
        try:
            assert src.dimensions == (2048, 2048) and len(src.level_dimensions) >= 2
        finally:
            src.close()
    finally:
        store.close()


def test_a_cd_folder_reports_one_line_per_series_and_skips_its_index(store):
    """pydicom's real DICOMDIR test set: CR images, CT and MR series, the CD index."""
    from pydicom.data import get_testdata_file

    folder = Path(get_testdata_file("DICOMDIR", download=False)).parent
    report = run_import(store, [folder / "77654033", folder / "98892003", folder / "DICOMDIR"])
    names = [Path(e.path).name for e in report.entries]
    assert "DICOMDIR" not in names
    mr = [e for e in report.entries if "MR" in e.reason]
    # MR has no viewer yet: one line per series folder, saying so, not one per file
    assert {(Path(e.path).parent.name, e.files) for e in mr} == {
        ("MR1", 3),
        ("MR2", 7),
        ("MR700", 7),
    }
    assert all(e.outcome is Outcome.FAILED for e in mr)
    assert all(e.outcome is Outcome.IMPORTED for e in report.entries if e not in mr)


def test_a_dicomdir_alone_imports_what_it_references(store):
    """Only the CD index is given (the usual way to open a disc): its series come in."""
    from pydicom.data import get_testdata_file

    dicomdir = Path(get_testdata_file("DICOMDIR", download=False))
    report = run_import(store, [dicomdir])
    imported = [e for e in report.entries if e.outcome is Outcome.IMPORTED]
    assert imported and sum(e.files for e in report.entries) == 31  # every file it names
    assert "DICOMDIR" not in [Path(e.path).name for e in report.entries]
