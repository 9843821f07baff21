"""The shared report panel in the image and slide viewers: chest X-ray, fundus and
pathology templates, confirmation before signing, amendment, and the PDF (text
read back with pdftotext) in Chinese and English, saved in the documents folder."""

from __future__ import annotations

import json

import pytest

from tests.ui.report_helpers import WAIT_MS, confirm_and_sign, pdf_text, save_pdf, start, write


@pytest.fixture
def lang(qapp):
    from ui import i18n

    yield i18n.install
    i18n.install("en")


@pytest.fixture
def user(store):
    from app.auth import authenticate, seed_demo_users

    seed_demo_users(store)
    return authenticate(store, "specialist", "demo")


def _viewer(qtbot, store, jobs, user, path):
    """Import the real file and open its case's viewer, as the case area does."""
    from app.domain import Modality
    from app.importer import run_import
    from viewers.registry import ViewerContext, viewer_class

    pk = run_import(store, [path]).study_pks[0]
    modality = Modality(store.study(pk).modality)
    ctx = ViewerContext(store, pk, modality, store.object_paths(pk), jobs, user=user)
    v = viewer_class(modality)(ctx)
    qtbot.addWidget(v)
    v.resize(1300, 800)
    v.show()
    return pk, v


def test_chest_xray_report_confirm_sign_amend_pdf_in_chinese(
    qtbot, store, jobs, user, lang, tmp_path, monkeypatch
):
    from app.demo.build import build_crs

    lang("zh_CN")
    monkeypatch.setattr("ui.report.pdf.documents_dir", lambda: tmp_path / "Documents")
    (tmp_path / "cr").mkdir()
    pk, v = _viewer(qtbot, store, jobs, user, build_crs(tmp_path / "cr")[0])  # real chest CR
    panel = v.report_panel
    assert panel.template.id == "imaging" and panel.title.text() == "影像检查报告（X 线、CT、超声）"
    start(qtbot, panel)
    r = panel.report
    # no AI model reads chest films here: the draft says so instead of staying blank
    assert r.values["findings"] == "未评估：此类检查没有 AI 模型"
    assert panel.fields.captions["impression"].text() == "诊断意见"
    panel.confirm_btn.click()  # the impression still asks for the doctor's words
    qtbot.waitUntil(lambda: "确认前请填写：诊断意见" in panel.message.text(), timeout=WAIT_MS)
    write(panel, "findings", "双肺纹理清晰，未见实变影。心影大小正常。")
    write(panel, "impression", "胸部正位片未见明显异常。")
    confirm_and_sign(qtbot, panel)
    assert panel.fields.editors["findings"].isReadOnly()
    assert "Dr Wang" in panel.state_label.text() and "签署" in panel.state_label.text()
    assert panel.amend_btn.isEnabled() and not panel.ai_notice.isVisibleTo(panel)
    assert store.study(pk).item.status == "signed"
    out = save_pdf(qtbot, panel)
    assert out.parent == tmp_path / "Documents" and out.name.endswith("_imaging_v1.pdf")
    assert store.study(pk).patient.patient_id in out.name
    text = pdf_text(out)
    for words in ("影像检查报告", "影像所见", "诊断意见", "胸部正位片未见明显异常", "签署医生"):
        assert words in text, words
    # amend: a new draft version, the signed one stays as it was
    panel.amend_btn.click()
    qtbot.waitUntil(lambda: panel.report.state == "draft", timeout=WAIT_MS)
    assert panel.report.version == 2 and not panel.fields.editors["impression"].isReadOnly()
    assert panel.report.values["impression"] == "胸部正位片未见明显异常。"
    assert store.study(pk).item.status == "reported"


def test_fundus_report_per_eye_with_grade_and_english_pdf(qtbot, store, jobs, user, lang, tmp_path):
    from app.demo.build import build_fundus

    lang("en")
    pk, v = _viewer(qtbot, store, jobs, user, build_fundus(tmp_path))  # real photo, left eye
    panel = v.report_panel
    assert panel.template.id == "fundus"
    start(qtbot, panel)
    values = panel.report.values
    assert values["od_findings"] == "not imaged in this study"  # the photo is of the left eye
    assert values["os_findings"].startswith("not assessed")
    assert panel.fields.groups["os"].title() == "Left eye (OS)"
    grade = panel.fields.editors["os_grade"]
    grade.setCurrentIndex(grade.findData("icdr2"))
    assert grade.currentText() == "ICDR 2: moderate NPDR (referable)"
    write(panel, "os_findings", "Scattered microaneurysms and dot haemorrhages.")
    write(panel, "referral", "Refer to ophthalmology within 3 months.")
    confirm_and_sign(qtbot, panel)
    assert panel.report.values["os_grade"] == "icdr2"
    text = pdf_text(save_pdf(qtbot, panel, tmp_path / "fundus.pdf"))
    for words in ("Fundus photography report", "Left eye (OS)", "Grade (ICDR)",
                  "ICDR 2: moderate NPDR (referable)", "Referral advice", "Signed by"):  # fmt: skip
        assert words in text, words


def test_pathology_draft_quotes_ai_counts_as_ai(store, user, tmp_path):
    from app import reports
    from app.models import AnnotationSet

    pk = _slide_case(store, tmp_path)
    saved = tmp_path / "nuclei.geojson"  # the provenance block the slide viewer writes
    saved.write_text(json.dumps({"type": "FeatureCollection", "features": [], "huizhen": {
        "provenance": {"analyzer": "huizhen-nuclei-watershed", "version": "0.2.0"}}}))  # fmt: skip
    with store.session() as s:
        s.add(AnnotationSet(study_pk=pk, name="AI nuclei", path=str(saved), count=1234))
    r = reports.create_draft(store, pk, language="en", user=user)
    assert r.template == "pathology" and r.model == "huizhen-nuclei-watershed 0.2.0"
    assert r.values["ai_counts"].startswith(
        "1234 nuclei detected by AI (huizhen-nuclei-watershed 0.2.0"
    )
    assert r.from_ai("ai_counts") and "not for clinical use" in r.values["ai_counts"]
    with pytest.raises(reports.ReportError) as err:
        reports.confirm(store, r.id, user)
    assert err.value.code == "unfinished" and "diagnosis" in err.value.items


def _slide_case(store, tmp_path, modality: str = "SM") -> int:
    """A study row (SYNTHETIC: no file; the draft reads only the store)."""
    from app.models import Patient, Study, WorklistItem

    with store.session() as s:
        p = Patient(patient_id="DEMO-PATH-1", name="DEMO^Path")
        s.add(p)
        s.flush()
        st = Study(uid="2.25.99", patient_pk=p.id, modality=modality)
        s.add(st)
        s.flush()
        s.add(WorklistItem(study_pk=st.id, status="awaiting_review"))
        return st.id


@pytest.mark.parametrize("modality", ["SM", "OT"])
def test_pathology_and_generic_pdfs_in_chinese(store, user, lang, tmp_path, modality):
    from app import reports
    from ui.report.pdf import default_pdf_path, patient_header, write_pdf

    lang("zh_CN")
    pk = _slide_case(store, tmp_path, modality)
    r = reports.create_draft(store, pk, language="zh_CN", user=user)
    body = {"SM": {"microscopic": "腺体排列紊乱，细胞核异型。", "diagnosis": "中分化腺癌。"},
            "OT": {"report": "外院资料，已阅。", "conclusion": "建议复查。"}}[modality]  # fmt: skip
    r = reports.edit(store, r.id, values=body, user=user)
    r = reports.sign(store, reports.confirm(store, r.id, user).id, user)
    header = patient_header(store, pk)
    out = write_pdf(default_pdf_path(header, r, tmp_path), r, header)
    assert out.name.startswith("DEMO-PATH-1_DEMO-Path_") and out.suffix == ".pdf"
    text = pdf_text(out)
    words = {"SM": ("病理报告", "AI 计数（AI 输出，非诊断）", "未测得", "镜下所见", "中分化腺癌"),
             "OT": ("报告", "结论", "建议复查")}[modality]  # fmt: skip
    for w in (*words, "签署医生", "DEMO"):
        assert w in text, w


def test_anonymised_pdf_names_nobody(qtbot, store, jobs, user, lang, tmp_path):
    """Issue 13: a PDF for teaching/sharing carries no name, ID, birth date or study date,
    also where the doctor wrote the patient's name into the report."""
    from app.demo.build import FUNDUS_PATIENT, build_fundus

    lang("en")
    pk, v = _viewer(qtbot, store, jobs, user, build_fundus(tmp_path))
    panel = v.report_panel
    start(qtbot, panel)
    surname = FUNDUS_PATIENT.name.split("^")[-1]
    write(panel, "os_findings", f"Patient {surname} ({FUNDUS_PATIENT.pid}): no retinopathy.")
    write(panel, "referral", "Screen again in 12 months.")
    confirm_and_sign(qtbot, panel)
    panel.anon_box.setChecked(True)
    text = pdf_text(save_pdf(qtbot, panel, tmp_path / "anon.pdf"))
    assert "ANONYMOUS" in text and "no retinopathy" in text
    for secret in (surname, FUNDUS_PATIENT.pid, FUNDUS_PATIENT.birth, "2026-11-18"):
        assert secret not in text, secret
    panel.anon_box.setChecked(False)
    plain = pdf_text(save_pdf(qtbot, panel, tmp_path / "plain.pdf"))
    assert FUNDUS_PATIENT.pid in plain and surname in plain  # the ordinary PDF names them
