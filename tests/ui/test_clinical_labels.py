"""Clinical content in the user's language: departments and core progress steps (issue 8)."""

from __future__ import annotations


def test_departments_and_progress_steps_are_translated(qapp, qtbot, jobs):
    from ui import i18n
    from ui.labels import department_label
    from ui.progress_text import progress_text

    try:
        i18n.install("zh_CN")
        assert department_label("cardiology") == "心内科"
        assert department_label("ophthalmology") == "眼科"
        assert department_label("oncology-ward-7") == "oncology-ward-7"  # unknown: as sent
        assert progress_text("measurements") == "测量"
        assert progress_text("scan_0001.dcm") == "scan_0001.dcm"

        seen: list[str] = []

        def work(state):
            state.progress(0.5, "filtering")
            return 1

        jobs.submit(work, on_progress=lambda _f, text: seen.append(text))
        qtbot.waitUntil(lambda: "滤波" in seen, timeout=60_000)
    finally:
        i18n.install("en")
    assert department_label("cardiology") == "Cardiology"


def test_pathology_classes_are_shown_translated_but_stored_in_english(qapp):
    from ui import i18n
    from viewers.wsi.annotation_store import DEFAULT_CLASSES
    from viewers.wsi.class_names import class_label

    try:
        i18n.install("zh_CN")
        shown = [class_label(name) for name, _rgb in DEFAULT_CLASSES]
        assert shown[:4] == ["肿瘤", "间质", "免疫细胞", "坏死"]
        assert class_label("My own class") == "My own class"
    finally:
        i18n.install("en")
    assert DEFAULT_CLASSES[0][0] == "Tumor"  # QuPath's name stays in the files
