"""The fundus report drafted from both eyes' AI results of a SYNTHETIC visit (real
photo, painted lesions), corrected and signed by the ophthalmologist, then the
patient's printout in plain Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.report_helpers import WAIT_MS, confirm_and_sign, pdf_text, start


@pytest.fixture
def user(store):
    from app.auth import authenticate, seed_demo_users

    seed_demo_users(store)
    return authenticate(store, "specialist", "demo")


def test_draft_both_eyes_sign_and_patient_printout(qtbot, store, jobs, user, tmp_path):
    from app.domain import Modality
    from app.importer import run_import
    from inference.fundus.synthetic import write_visit
    from inference.preread import run_preread
    from ui import i18n
    from viewers.fundus.qt_fundus_viewer import FundusViewer
    from viewers.registry import ViewerContext

    pks = run_import(store, write_visit(tmp_path / "cam")).study_pks
    run_preread(store, pks)
    i18n.install("zh_CN")
    try:
        ctx = ViewerContext(store, pks[1], Modality.OP, store.object_paths(pks[1]), jobs, user=user)
        v = FundusViewer(ctx)
        qtbot.addWidget(v)
        v.resize(1366, 768)
        v.show()
        panel = v.report_panel
        start(qtbot, panel)
        values = panel.report.values
        # opened from the left eye's study, the right eye comes from the same visit
        assert values["od_grade"] == "icdr2" and values["os_grade"] == "icdr0"
        assert "疑似糖尿病黄斑水肿" in values["od_findings"]
        assert (
            "AI 建议" in values["od_findings"] and "Huizhen fundus classic" in values["od_findings"]
        )
        assert "1–3 个月内转诊眼科" in values["referral"]
        assert panel.report.from_ai("od_grade")
        # the ophthalmologist corrects the right eye to severe, then signs
        grade = panel.fields.editors["od_grade"]
        grade.setCurrentIndex(grade.findData("icdr3"))
        panel.fields.editors["referral"].setPlainText(
            "右眼重度非增殖期糖网伴黄斑水肿，2 周内转诊眼科。"
        )
        confirm_and_sign(qtbot, panel)
        assert panel.report.values["od_grade"] == "icdr3"
        out = tmp_path / "patient.pdf"
        with qtbot.waitSignal(v.printed, timeout=WAIT_MS) as got:
            v.patient_printout(str(out))
        assert Path(got.args[0]) == out
    finally:
        i18n.install("en")
    text = pdf_text(out).replace(" ", "").replace("\n", "")
    for words in ("眼底检查结果", "右眼：有重度糖尿病视网膜病变", "左眼：未发现糖尿病视网膜病变",
                  "2周内转诊眼科", "审核签署", "人工智能辅助"):  # fmt: skip
        assert words in text, words


def test_printout_refused_before_signing(qtbot, store, jobs, tmp_path):
    from app.domain import Modality
    from app.importer import run_import
    from inference.fundus.synthetic import write_visit
    from viewers.fundus.qt_fundus_viewer import FundusViewer
    from viewers.registry import ViewerContext

    pks = run_import(store, write_visit(tmp_path / "cam")[:1]).study_pks
    v = FundusViewer(ViewerContext(store, pks[0], Modality.OP, store.object_paths(pks[0]), jobs))
    qtbot.addWidget(v)
    assert v.patient_printout(str(tmp_path / "x.pdf")) is None
    assert "Sign the report first" in v.visit_line.text()
    qtbot.waitUntil(lambda: v.images_shown is not None, timeout=WAIT_MS)
    assert not (tmp_path / "x.pdf").exists()
