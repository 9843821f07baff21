"""Read and import errors in the user's language: a ReadError's coded reason
(``ReadReason``) is translated by code; its English message (logs, CLI, JSON) is
unchanged and shown only as technical detail."""

from __future__ import annotations

import pickle
import re
import shutil
import warnings
from pathlib import Path

import pytest
from pydicom.data import get_testdata_file

from app.readers.base import ReadError
from app.readers.reasons import ENGLISH, ReadReason, template_fields
from ui.read_errors import KINDS, TEMPLATES, error_parts, error_text, kind_text, reason_text

ECG = Path(__file__).resolve().parents[1] / "data" / "ecg"
CJK = re.compile(r"[\u4e00-\u9fff]")
# a sample value for each param name the codes use
SAMPLE = {
    "name": "a.dcm", "error": "x", "format": "SCP-ECG", "need": 2048, "size": 1024, "mb": 900,
    "limit": 512, "width": 0, "height": 512, "object": "SR", "syntax": "JPEG 2000",
    "modality": "MR", "ms": 26.0, "channels": ["ABP", "PLETH"], "files": ["100.dat"],
    "encoding": "LZW", "reader": "ecg-wfdb",
}  # fmt: skip


def _sample(code: str) -> ReadReason:
    return ReadReason(code, **{f: SAMPLE[f] for f in template_fields(code)})


def test_every_code_has_a_template_over_its_params():
    assert set(TEMPLATES) == set(ENGLISH)
    for code, (_template, fields) in TEMPLATES.items():
        assert set(fields) <= set(template_fields(code)), code


def test_every_code_and_kind_is_translated_to_zh_cn(zh):
    from PySide6.QtCore import QCoreApplication

    for code, (template, _fields) in TEMPLATES.items():
        text = QCoreApplication.translate("ReadErrors", template)
        assert CJK.search(text), f"{code}: no zh_CN translation of {template!r}"
        shown = reason_text(_sample(code))
        assert CJK.search(shown) and not re.search(r"%\d", shown), (code, shown)
    for kind, sentence in KINDS.items():
        assert CJK.search(QCoreApplication.translate("ReadErrors", sentence)), kind
    assert "26" in reason_text(_sample("too_short"))
    assert "100.dat" in reason_text(_sample("companion_missing"))


def test_english_message_is_unchanged_and_travels_with_its_code():
    err = ReadError(ReadReason("file_empty", name="a.hea"))
    assert str(err) == "file a.hea is empty" and err.reason.code == "file_empty"
    err = ReadError("long English detail", "corrupt", ReadReason("too_short", ms=26.0))
    assert str(err) == "long English detail" and err.kind == "corrupt"
    back = pickle.loads(pickle.dumps(err))  # import and pre-read run in spawn workers
    assert (str(back), back.kind, back.reason.code) == (str(err), "corrupt", "too_short")
    assert ReadError("plain").reason is None


def test_uncoded_error_shows_the_kind_and_keeps_english_as_detail(zh):
    message, detail = error_parts(ReadError("SCP-ECG section 2 is truncated", "truncated"))
    assert CJK.search(message) and "SCP" not in message
    assert detail == "SCP-ECG section 2 is truncated"
    message, detail = error_parts(ReadError(ReadReason("case_no_file"), "missing"))
    assert message == "此病例没有文件" and detail == ""  # the reason alone: no kind repeating it
    message, detail = error_parts(RuntimeError("database is locked"))
    assert CJK.search(message) and detail == "database is locked"


@pytest.fixture
def bad_folder(tmp_path):
    """Real files from pydicom's test data and our public ECG records, and real files
    cut short; each line names the coded reason the import gives it."""
    warnings.simplefilter("ignore")
    bad = tmp_path / "bad"
    bad.mkdir()
    for name in ("MR_truncated.dcm", "no_meta.dcm"):
        shutil.copy(get_testdata_file(name, download=False), bad / name)
    raw = Path(get_testdata_file("waveform_ecg.dcm", download=False)).read_bytes()
    (bad / "ecg_cut.dcm").write_bytes(raw[: len(raw) // 2])  # a real DICOM ECG cut in half
    raw = Path(get_testdata_file("CT_small.dcm", download=False)).read_bytes()
    (bad / "ct_cut.dcm").write_bytes(raw[: len(raw) // 2])  # a real CT image cut in half
    shutil.copy(ECG / "wfdb" / "test01_00s.hea", bad / "test01_00s.hea")  # without its .dat
    raw = (ECG / "muse" / "muse_ecg1.xml").read_bytes()
    (bad / "muse_cut.xml").write_bytes(raw[: len(raw) // 2])  # a real MUSE file cut in half
    short = bad / "short"  # the real test01_00s record, its header edited to 0.02 s
    short.mkdir()
    shutil.copy(ECG / "wfdb" / "test01_00s.dat", short / "test01_00s.dat")
    head = (ECG / "wfdb" / "test01_00s.hea").read_text().replace("4 500 4000", "4 500 10", 1)
    (short / "test01_00s.hea").write_text(head)
    return bad


EXPECTED = {  # file -> (code, what the zh_CN line must say)
    "MR_truncated.dcm": ("modality_unsupported", "不支持 DICOM 检查类型 MR"),
    "no_meta.dcm": ("not_dicom", "不是 DICOM 文件"),
    "ecg_cut.dcm": ("ends_early", "文件在数据完整之前就结束了"),
    "ct_cut.dcm": ("truncated_bytes", "文件被截断：应有 39068 字节，实际只有 19603 字节"),
    "test01_00s.hea": ("companion_missing", "此记录还需要 test01_00s.dat"),
    "muse_cut.xml": ("xml_damaged", "XML 内容已损坏或不完整"),
    "short/test01_00s.hea": ("too_short", "记录时长仅 20 毫秒"),
}


def test_real_bad_files_give_coded_reasons_shown_in_zh_cn(qtbot, zh, store, bad_folder, capsys):
    from app.cli import print_report
    from app.importer import Outcome, run_import
    from ui.import_report import ImportReportDialog

    report = run_import(store, [bad_folder])
    print_report(report)  # `huizhen import` stays English
    out = capsys.readouterr().out
    assert "(the record is only 20 ms long" not in out and "记录" not in out
    assert f"failed       -    {bad_folder / 'no_meta.dcm'} (not a DICOM file: File is" in out
    assert "test01_00s.hea: the record is only 20 ms long; nothing to show or measure)" in out
    failed = {
        Path(e.path).relative_to(bad_folder).as_posix(): e
        for e in report.entries
        if e.outcome is Outcome.FAILED
    }
    assert {k: e.why.code for k, e in failed.items()} == {k: c for k, (c, _) in EXPECTED.items()}
    # the English message the CLI and logs show is the reader's, unchanged
    assert failed["test01_00s.hea"].reason == (
        "WFDB signal file(s) missing next to test01_00s.hea: test01_00s.dat"
    )
    dlg = ImportReportDialog(report)
    qtbot.addWidget(dlg)
    rows = {
        dlg.table.item(r, 0).toolTip().split("\n")[0]: dlg.table.item(r, 3)
        for r in range(dlg.table.rowCount())
    }
    for key, (_code, text) in EXPECTED.items():
        cell = rows[str(bad_folder / key)]
        # one line: what is wrong, then what to do; the kind's sentence does not repeat it
        assert cell.text().startswith(text), (key, cell.text())
        if _code != "companion_missing":  # the advice, once
            assert cell.text().count("。") == 2 and cell.text().endswith("。"), cell.text()
        assert kind_text(failed[key].kind) not in cell.text()
        assert failed[key].reason not in cell.text()  # no English sentence in the main line
        assert not re.search(r"\b(the|is|not|file|record|cannot)\b", cell.text(), re.I)
        assert cell.toolTip() == ""  # the coded reason says it: no English detail repeating it
    cut = rows[str(bad_folder / "ct_cut.dcm")].text()
    assert cut == (
        "文件被截断：应有 39068 字节，实际只有 19603 字节。"
        "请从原始来源（设备、光盘或U盘）重新复制后再导入。"
    )
    assert rows[str(bad_folder / "ecg_cut.dcm")].text() == (
        "文件在数据完整之前就结束了（可能被截断）。请从原始来源（设备、光盘或U盘）重新复制后再导入。"
    )
    assert rows[str(bad_folder / "test01_00s.hea")].text() == (
        "此记录还需要 test01_00s.dat（请将其复制到同一文件夹）"  # its reason says what to do
    )
    assert dlg.detail_label.text() == "" and dlg.detail_label.isHidden()


def test_import_report_kind_only_for_an_uncoded_reason(qtbot, zh):
    from app.importer import ImportEntry, ImportReport, Outcome
    from ui.import_report import ImportReportDialog

    entry = ImportEntry(
        "/x/a.scp", Outcome.FAILED, "SCP-ECG section 2 is truncated", kind="truncated"
    )
    dlg = ImportReportDialog(ImportReport([entry]))
    qtbot.addWidget(dlg)
    assert dlg.table.item(0, 3).text() == (
        "文件不完整（例如复制时被中断）。请从原始来源（设备、光盘或U盘）重新复制后再导入。"
    )
    assert error_text("truncated") == "文件不完整（例如复制时被中断）"
    assert dlg.detail_label.text() == "技术细节：SCP-ECG section 2 is truncated"


def test_case_tab_shows_a_load_failure_in_zh_cn(qtbot, zh):
    from ui.case_area import CaseTab

    tab = CaseTab(1)
    qtbot.addWidget(tab)
    tab.show_error(
        ReadError(
            "the file(s) ... : a.dcm",
            "missing",
            ReadReason("case_files_elsewhere", files=["a.dcm"]),
        )
    )
    assert "此病例的文件尚未传到本工作站：a.dcm" in tab.body.text()
    assert "技术细节" not in tab.body.text()
    tab.show_error(ReadError("SCP-ECG Huffman table is damaged or truncated", "corrupt"))
    assert "文件已损坏" in tab.body.text() and "技术细节：SCP-ECG Huffman" in tab.body.text()


def test_ecg_viewer_shows_a_cut_file_in_zh_cn(qtbot, zh, jobs, tmp_path):
    """pydicom's real DICOM ECG cut in half, opened in the ECG viewer."""
    pytest.importorskip("pyqtgraph")
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    raw = Path(get_testdata_file("waveform_ecg.dcm", download=False)).read_bytes()
    cut = tmp_path / "ecg_cut.dcm"
    cut.write_bytes(raw[: len(raw) // 2])
    v = EcgViewer(ViewerContext(None, 1, Modality.ECG, [(None, cut)], jobs))
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: "文件在数据完整之前就结束了" in v.status.text(), timeout=60_000)
    assert "No tag" not in v.status.text() and v.status.toolTip() == ""


def test_image_viewer_shows_a_damaged_stored_image_in_zh_cn(qtbot, zh, jobs, store):
    """pydicom's real CT_small.dcm imported, then its stored copy cut short (a damaged
    disk or an interrupted copy) before the case is opened."""
    from app.domain import Modality
    from app.importer import run_import
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    warnings.simplefilter("ignore")
    (entry,) = run_import(store, [get_testdata_file("CT_small.dcm", download=False)]).entries
    files = store.object_paths(entry.study_pk)
    stored = Path(files[0][1])
    stored.chmod(0o644)
    stored.write_bytes(stored.read_bytes()[:-20000])
    v = ImageViewer(ViewerContext(store, entry.study_pk, Modality.CT, files, jobs))
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: "无法显示图像：图像数据已损坏" in v.status.text(), timeout=60_000)
    assert "文件已损坏" not in v.status.text() and not re.search(r"[A-Za-z]{5,}", v.status.text())
