"""Descriptions the readers make up are stored as coded parts beside their English
text and shown in the user's language in the worklist, the case header and the
consult request; a description the file or a sidecar gave, and rows stored
before parts existed, show their text as it is.  Real files (tests/data/ecg,
pydicom's and tests/data/wsi_dicom's DICOM files, scikit-image's retina photo)."""

from __future__ import annotations

import json
import pickle
import re
import shutil
from pathlib import Path

import pytest

from app.descriptions import ENGLISH, Description, DescriptionPart, described, parts_of
from app.importer import run_import
from app.models import Study
from ui.description_text import TEMPLATES, description_text

ECG = Path(__file__).resolve().parents[1] / "data" / "ecg"
WSI = Path(__file__).resolve().parents[1] / "data" / "wsi_dicom"


def _import(store, tmp_path, *files: Path) -> int:
    src = tmp_path / f"in{len(list(tmp_path.iterdir()))}"
    src.mkdir()
    for f in files:
        shutil.copy(f, src / f.name)
    (entry,) = run_import(store, [src]).entries
    assert entry.outcome.value == "imported", entry.reason
    return entry.study_pk


def _row(store, pk):
    return next(r for r in store.worklist_rows() if r.study_pk == pk)


def test_every_code_has_a_translated_template_over_its_params(zh):
    from PySide6.QtCore import QCoreApplication

    assert set(TEMPLATES) == set(ENGLISH)
    for code, (template, fields) in TEMPLATES.items():
        assert set(fields) == set(DescriptionPart.fields(code)), code
        assert {int(n) for n in re.findall(r"%(\d)", template)} == set(range(1, len(fields) + 1))
        assert QCoreApplication.translate("StudyDescriptions", template) != template, code


def test_the_english_text_is_what_was_stored_before_and_survives_pickle():
    d = Description(
        DescriptionPart("slide_size", width=46000, height=32914),
        DescriptionPart("slide_power", power=20.0),
        DescriptionPart("slide_mpp", mpp=0.4990),
    )
    assert d == "Whole-slide image 46000x32914, 20x, 0.499 um/px"
    assert described("ecg_leads_rate_left_out", leads=3, hz=249.89, others=3) == (
        "ECG 3 leads, 249.89 Hz (3 non-ECG channels left out)"
    )
    back = pickle.loads(pickle.dumps(d))
    assert back == d and [p.code for p in back.parts] == ["slide_size", "slide_power", "slide_mpp"]
    stored = json.loads(json.dumps(d.facts()))
    assert parts_of(stored) == d.parts
    assert parts_of([{"code": "no_such_code", "params": {}}]) is None
    assert parts_of([{"code": "slide_size", "params": {"width": 1}}]) is None  # height missing


REAL = [
    (["wfdb/mixedsignals.hea", "wfdb/mixedsignals_e.dat", "wfdb/mixedsignals_p.dat",
      "wfdb/mixedsignals_r.dat"],
     "ECG 3 leads, 249.89 Hz (3 non-ECG channels left out)",
     "心电图 3 导联，249.89 Hz（已排除 3 个非心电通道）"),
    (["wfdb/test01_00s.hea", "wfdb/test01_00s.dat"], "ECG 4 leads, 500 Hz", "心电图 4 导联，500 Hz"),
    (["muse/muse_ecg1.xml"], "ECG (GE MUSE XML)", "心电图（GE MUSE XML）"),
    (["scp/Example.scp"], "ECG (SCP-ECG)", "心电图（SCP-ECG）"),
    # multi-segment (MIMIC DB 041): described by its first segment, not "7 channels, 125 Hz"
    (["wfdb/041s/041s.hea", "wfdb/041s/041s01.hea", "wfdb/041s/041s01.dat",
      "wfdb/041s/041s02.hea", "wfdb/041s/041s02.dat"],
     "ECG 3 leads, 500 Hz (4 non-ECG channels left out)",
     "心电图 3 导联，500 Hz（已排除 4 个非心电通道）"),
    (["aecg/Example.xml"], "ECG (HL7 aECG)", "心电图（HL7 aECG）"),
]  # fmt: skip


@pytest.mark.parametrize("files, english, chinese", REAL)
def test_real_ecg_files_descriptions_in_the_worklist(
    qapp, store, tmp_path, files, english, chinese
):
    from ui import i18n

    pk = _import(store, tmp_path, *[ECG / f for f in files])
    with store.read_session() as s:
        st = s.get(Study, pk)
        assert st.description == english  # the text column as before
        assert [p["code"] for p in st.description_facts]
    row = _row(store, pk)
    assert description_text(row.description) == english
    try:
        i18n.install("zh_CN")
        assert description_text(row.description) == chinese
    finally:
        i18n.install("en")


def test_a_real_dicom_slide_and_a_photo(zh, store, tmp_path):
    import skimage

    slide = _import(store, tmp_path, WSI / "sm_image.dcm")
    shown = description_text(_row(store, slide).description)
    assert shown.startswith("全切片图像 ") and "µm/像素" in shown, shown
    photo = tmp_path / "retina.jpg"
    photo.write_bytes((Path(skimage.__file__).parent / "data" / "retina.jpg").read_bytes())
    (entry,) = run_import(store, [photo]).entries
    assert description_text(_row(store, entry.study_pk).description) == "眼底照相"


def test_descriptions_that_are_data_or_stored_before_show_as_they_are(zh, store, tmp_path):
    from pydicom.data import get_testdata_file

    # the DICOM file's own StudyDescription is data: stored without parts
    dcm = Path(get_testdata_file("waveform_ecg.dcm", download=False))
    pk = _import(store, tmp_path, dcm)
    with store.read_session() as s:
        st = s.get(Study, pk)
        own = st.description
        assert st.description_facts is None and own
    assert description_text(_row(store, pk).description) == own
    # a sidecar's description too
    src = tmp_path / "side"
    src.mkdir()
    shutil.copy(ECG / "scp" / "Example.scp", src / "Example.scp")
    (src / "Example.scp.json").write_text(json.dumps({"description": "静息心电图 门诊 3"}))
    (entry,) = run_import(store, [src]).entries
    assert description_text(_row(store, entry.study_pk).description) == "静息心电图 门诊 3"
    # a row from before (text only) and one with parts this version does not know
    pk = _import(store, tmp_path, ECG / "muse" / "muse_ecg1.xml")
    for facts in (None, [{"code": "from_a_later_version", "params": {}}]):
        with store.session() as s:
            s.get(Study, pk).description_facts = facts
        assert description_text(_row(store, pk).description) == "ECG (GE MUSE XML)"


def test_case_header_and_consult_request_show_it_translated(zh, qtbot, jobs, store, tmp_path):
    from app.sync.casefile import consult_prefill
    from ui.case_area import CaseTab, load_case

    pk = _import(store, tmp_path, ECG / "muse" / "muse_ecg1.xml")
    tab = CaseTab(pk)
    qtbot.addWidget(tab)
    tab.show_case(load_case(store, pk), jobs, store)
    assert "心电图（GE MUSE XML）" in tab.header.text()
    assert "ECG (GE" not in tab.header.text()
    prefill = consult_prefill(store, pk, {"departments": ["cardiology"]})
    assert description_text(prefill.description) == "心电图（GE MUSE XML）"
