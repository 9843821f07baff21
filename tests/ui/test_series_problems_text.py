"""What is wrong with a DICOM series, coded in app/ and shown in the user's language.

The series is pydicom's real ``CT_small.dcm`` REBUILT (``app.demo.rebuilt_ct``):
copies at 0, 5, 10, 10 and 20 mm without PixelSpacing (a duplicated slice, a
missing one, distances in pixels)."""

from __future__ import annotations

import re

import pytest

from app.demo.rebuilt_ct import write_problem_series
from app.domain import Modality
from app.imaging.problems import ENGLISH, SeriesProblem
from app.importer import run_import
from ui.series_problems import COUNTS, SeriesProblems, joined, problem_text
from viewers.registry import ViewerContext

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORD = re.compile(r"\b(the|is|are|not|of|slice|slices|image|images|pixel|header)\b", re.I)


def test_every_code_has_a_template_and_a_chinese_text(qapp, zh):
    values = {"count": 1, "others": 1, "stacks": 2, "kept": 3, "columns": 512, "rows": 512}
    values |= {"gap": 10.0, "after": 2, "spacing": 5.0, "low": 1.0, "high": 2.0, "degrees": 12.0}
    values |= {"mb": 900, "budget": 512, "step": 2, "total": 20}
    templates = SeriesProblems().templates(1)
    assert set(templates) == set(ENGLISH)
    for code in ENGLISH:
        problem = SeriesProblem(code, **{f: values[f] for f in SeriesProblem.fields(code)})
        text = problem_text(problem)
        assert CJK.search(text) and not ENGLISH_WORD.search(text), (code, text)
        assert "%" not in text, (code, text)
        _template, fields = templates[code]
        # every param is shown, but the kept count (the viewer shows it) and, for
        # stacks in several orientations, their shared size
        shown = set(fields) | {COUNTS.get(code), "kept"}
        if code == "several_orientations":
            shown |= {"columns", "rows"}
        assert shown >= set(SeriesProblem.fields(code)), code


def test_english_counts_are_proper_plurals(qapp):
    from ui import i18n

    i18n.install("en")
    one = problem_text(SeriesProblem("duplicate_slices", count=1))
    three = problem_text(SeriesProblem("duplicate_slices", count=3))
    assert one == "1 slice appears twice at the same position: the first is shown"
    assert three.startswith("3 slices appear twice")
    gap = SeriesProblem("missing_slices", gap=10.0, after=2, spacing=5.0, count=1)
    assert problem_text(gap).endswith("(slice spacing 5.00 mm; about 1 slice missing)")
    assert problem_text("a text stored before codes existed") == (
        "a text stored before codes existed"
    )


def test_real_series_problems_are_shown_in_chinese_in_the_image_viewer(
    qtbot, zh, jobs, store, tmp_path
):
    from app.imaging.series import series_info
    from viewers.dicom.qt_image_viewer import ImageViewer

    files = write_problem_series(tmp_path / "ct")
    info = series_info(files)
    # the English text logs and the CLI show is unchanged
    assert [p.code for p in info.problems] == [
        "duplicate_slices",
        "missing_slices",
        "no_pixel_spacing",
    ]
    assert info.problems[0] == "1 duplicated slice(s) at the same position: the first of each kept"
    report = run_import(store, files)
    (pk,) = report.study_pks
    v = ImageViewer(ViewerContext(store, pk, Modality.CT, store.object_paths(pk), jobs))
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    qtbot.waitUntil(lambda: v.image is not None and v.notes.isVisible(), timeout=60_000)
    text = v.notes.text()
    assert text.startswith("本序列提示：")
    assert "有 1 个层面在同一位置重复出现：每处只显示第一幅" in text
    assert "层面缺失：第 3 幅图像之后有 10.00 mm 的间隙（层间距 5.00 mm，约缺 1 层）" in text
    assert "文件头中没有像素间距：测量距离以像素计，而非毫米" in text
    assert not ENGLISH_WORD.search(text) and "duplicated" not in text
    assert text.count("；") == 2  # three problems, each once
    assert joined(info.problems) in text


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_clean_series_shows_no_note(qtbot, jobs, store, tmp_path, lang):
    from ui import i18n
    from viewers.dicom.qt_image_viewer import ImageViewer

    i18n.install(lang)
    try:
        # the same real file rebuilt at 5 even positions, its pixel spacing kept
        files = write_problem_series(tmp_path / "ct", [0, 5, 10, 15, 20], (0.66, 0.66))
        (pk,) = run_import(store, files).study_pks
        v = ImageViewer(ViewerContext(store, pk, Modality.CT, store.object_paths(pk), jobs))
        qtbot.addWidget(v)
        v.show()
        qtbot.waitUntil(lambda: v.image is not None and len(v.source) == 5, timeout=60_000)
        assert v.source.problems == [] and not v.notes.isVisible()
    finally:
        i18n.install("en")


def test_volume_viewer_names_the_problems_in_chinese(qtbot, zh, jobs, tmp_path):
    """MPR of the rebuilt series: its status line names the same problems, translated."""
    from viewers.volume.volume_viewer import VolumeViewer

    files = write_problem_series(tmp_path / "ct")
    ctx = ViewerContext(None, 0, Modality.CT, [(None, p) for p in files], jobs)
    v = VolumeViewer(ctx, files, with_3d=False)
    qtbot.addWidget(v)
    v.resize(1000, 700)
    with qtbot.waitSignal(v.loaded, timeout=60000):
        v.show()
    text = v.status.text()
    assert "层面缺失：第 3 幅图像之后有 10.00 mm 的间隙" in text
    assert "有 1 个层面在同一位置重复出现" in text and "文件头中没有像素间距" in text
    assert not re.search(r"\b(duplicated|missing|slices?|pixels?)\b", text)


def test_anonymised_export_names_a_refused_file_in_chinese(qtbot, zh, jobs, store, tmp_path):
    """pydicom's real CT_small.dcm, REBUILT with BurnedInAnnotation YES: the anonymised
    export leaves it out and says why in the user's language."""
    import pydicom

    from viewers.dicom import export_actions
    from viewers.dicom.qt_image_viewer import ImageViewer

    (path,) = write_problem_series(tmp_path / "ct", [0.0], (0.66, 0.66))
    ds = pydicom.dcmread(path)
    ds.BurnedInAnnotation = "YES"
    ds.save_as(path)
    (pk,) = run_import(store, [path]).study_pks
    v = ImageViewer(ViewerContext(store, pk, Modality.CT, store.object_paths(pk), jobs))
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: v.image is not None, timeout=60_000)
    export_actions.export_dicom(v, str(tmp_path / "out"), anonymise=True)
    qtbot.waitUntil(lambda: "未导出" in v.status.text(), timeout=60_000)
    assert "像素中的嵌入文字可能含有患者身份信息：未以匿名方式导出" in v.status.text()
    assert "burned" not in v.status.text() and not list((tmp_path / "out").glob("*.dcm"))
