"""The import report shows one line per record: a WFDB record's three files in one
imported line, a folder of files failing for one reason in one failed line."""

from __future__ import annotations

from pathlib import Path

from pydicom.data import get_testdata_file

from app.importer import run_import
from tests.samples import wfdb_record


def test_one_line_per_record(qtbot, qt_en, store, tmp_path):
    from ui.import_report import ImportReportDialog

    wfdb_record(tmp_path / "ecg")
    mr1 = Path(get_testdata_file("DICOMDIR", download=False)).parent / "98892003" / "MR1"
    dlg = ImportReportDialog(run_import(store, [tmp_path / "ecg", mr1]))
    qtbot.addWidget(dlg)
    rows = {
        dlg.table.item(r, 0).text(): dlg.table.item(r, 3).text()
        for r in range(dlg.table.rowCount())
    }
    assert len(rows) == 2
    assert rows["ecg100.hea"] == "3 files, kept together as one record"
    (mr_reason,) = [v for k, v in rows.items() if k != "ecg100.hea"]
    assert mr_reason.startswith("3 files: ") and "MR" in mr_reason
