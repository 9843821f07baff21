"""One descriptor per modality drives the viewer registry, the analyzer registry,
consult departments, the bundle's heavy modules and the translated finding texts."""

from __future__ import annotations

from app.domain import Modality
from app.modalities import DESCRIPTORS, descriptor, finding_template, heavy_dependencies


def test_every_modality_is_described_once_and_complete():
    assert set(DESCRIPTORS) == set(Modality) - {Modality.OTHER}
    for m, d in DESCRIPTORS.items():
        assert d.modality is m and d.readers and d.viewer.count(":") == 1
        assert d.source_kind in ("signal", "image", "volume", "slide")
        assert d.department and d.report_template
    assert descriptor("ecg") is DESCRIPTORS[Modality.ECG] and descriptor("??") is None
    assert {"onnxruntime", "openslide"} <= set(heavy_dependencies())


def test_readers_named_by_descriptors_exist_and_every_reader_is_named():
    from app.readers import REGISTRIES, load_builtin_readers
    from app.readers.base import reader_named

    for d in DESCRIPTORS.values():
        for name in d.readers:
            assert reader_named(name) is not None, name
    load_builtin_readers()
    for modality, reg in REGISTRIES.items():
        for r in reg.readers:  # a new reader is added to its modality's descriptor too
            assert r.name in DESCRIPTORS[modality].readers, (modality, r.name)


def test_tables_read_the_descriptors():
    from app.sync.casefile import DEPARTMENT_FOR
    from viewers.registry import VIEWERS

    assert VIEWERS[Modality.ECG] == DESCRIPTORS[Modality.ECG].viewer
    assert VIEWERS[Modality.OP] == DESCRIPTORS[Modality.OP].viewer
    assert DEPARTMENT_FOR["ECG"] == "cardiology" and DEPARTMENT_FOR["OP"] == "ophthalmology"


def test_every_ecg_rule_code_has_a_text():
    from inference.ecg.rules import THRESHOLDS

    for t in THRESHOLDS:
        assert finding_template(t.code) is not None, t.code


def test_finding_texts_are_translated_from_the_descriptor(qapp):
    from ui import i18n
    from ui.finding_text import finding_text

    english = "ST elevation inferior (II, III, aVF): meets STEMI criteria"
    try:
        assert i18n.install("zh_CN")
        zh = finding_text("STEMI", english, ["II", "III", "aVF"], "inferior")
        assert "STEMI" in zh and "II, III, aVF" in zh and zh != english
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)  # Chinese text
        assert finding_text("NEW_CODE", "Something new") == "Something new"
    finally:
        i18n.install("en")
    assert finding_text("STEMI", english, ["II", "III", "aVF"], "inferior") == english
