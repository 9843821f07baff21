"""``huizhen open FILE_OR_STUDY --screenshot OUT.png``: a JPEG fundus photo, a WFDB
record and a DICOM series are imported, reopen after a restart (a new process
opens them by study number) and render what the doctor would see."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from tests.samples import ct_series, wfdb_record


def _picture(path: Path) -> np.ndarray:
    img = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert (img.width(), img.height()) == (1366, 768)
    rows = np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes())
    rows = rows.reshape(img.height(), img.bytesPerLine())[:, : img.width() * 3]
    return rows.reshape(img.height(), img.width(), 3)


def test_open_imports_and_renders_each_kind(home, qt_en, tmp_path):
    import skimage

    from app.cli import open_store
    from ui.launcher import main

    photo = tmp_path / "in" / "fundus.jpg"
    photo.parent.mkdir()
    shutil.copy(Path(skimage.__file__).parent / "data" / "retina.jpg", photo)
    wfdb_record(tmp_path / "in" / "ecg")
    ct_series(tmp_path / "in" / "ct")
    shots = {}
    for name in ("fundus.jpg", "ecg", "ct"):
        out = tmp_path / "out" / f"{name}.png"
        assert (
            main(["--lang", "en", "open", str(tmp_path / "in" / name), "--screenshot", str(out)])
            == 0
        )
        shots[name] = _picture(out)
    # a photo shows its colours (not a pydicom error on grey), the ECG its red grid
    fundus = shots["fundus.jpg"]
    assert (fundus[..., 0].astype(int) - fundus[..., 2]).max() > 100
    assert shots["ecg"].std() > 10 and shots["ct"].std() > 10
    store = open_store()
    try:
        pks = {r.modality: r.study_pk for r in store.worklist_rows()}
    finally:
        store.close()
    assert set(pks) == {"OP", "ECG", "CT"}
    shutil.rmtree(tmp_path / "in")  # the store keeps its own copies
    for modality, pk in pks.items():
        out = tmp_path / "again" / f"{modality}.png"
        assert main(["--lang", "en", "open", str(pk), "--screenshot", str(out)]) == 0
        assert _picture(out).std() > 10


def test_open_says_what_it_cannot_find(home, qt_en, tmp_path, capsys):
    from ui.launcher import main

    assert main(["open", "no-such-study", "--screenshot", str(tmp_path / "x.png")]) == 1
    assert "no such file" in capsys.readouterr().err
