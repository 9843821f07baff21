"""The AI products dialog and the pre-read message (offscreen Qt, both languages)."""

from __future__ import annotations

from app.ai.products import BUILTIN, Product
from app.ai.result import AiResult, ModelInfo, Urgency
from app.ai.subscriptions import SubscriptionState
from inference.placement import NOT_RUN, RAN_LOCALLY

REMOTE = Product(code="city-ecg", name="City ECG platform", vendor="City AI", version="2.1",
                 modality="ECG", intended_use="ECG delineation", runs="remote",
                 model_id="openecg-codec", endpoint_url="http://127.0.0.1:8080",
                 remote_model="openecg-codec", remote_version="v6-int8", fallback="none",
                 not_for_clinical_use=False)  # fmt: skip


def texts(dlg) -> list[list[str]]:
    t = dlg.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_dialog_lists_subscriptions_in_chinese(qtbot, zh):
    from ui.aiplatform.products_dialog import AiProductsDialog

    st = SubscriptionState([BUILTIN[0], REMOTE], True, True, "2026-11-30T08:00:00+00:00",
                           "http://127.0.0.1:8765")  # fmt: skip
    dlg = AiProductsDialog(st)
    qtbot.addWidget(dlg)
    rows = texts(dlg)
    assert rows[0][:2] == ["会诊心电图 AI 预读", "心电图"]  # the worklist's word, not the code
    assert rows[0][6] == "不得用于临床"
    assert rows[1][0] == "City ECG platform"  # a vendor's own words are not translated
    assert "http://127.0.0.1:8080" in rows[1][4] and "不运行" in rows[1][4]
    assert rows[1][6] == "按许可用于临床"
    assert "http://127.0.0.1:8765" in dlg.state_label.text()
    dlg.set_state(SubscriptionState([REMOTE], True, False, st.fetched_at, st.server, "timed out"))
    assert "离线" in dlg.state_label.text() and dlg.state_label.toolTip() == "timed out"
    assert len(texts(dlg)) == 1
    dlg.set_state(SubscriptionState())  # never fetched: the built-ins of this workstation
    assert len(texts(dlg)) == len(BUILTIN) and "尚未" in dlg.state_label.text()


def test_preread_notice_says_ran_locally_or_not_run(qapp):
    from ui.aiplatform.extension import RemoteAiNotice

    model = ModelInfo("openecg-codec", "OpenECG codec", "v6-int8", runs_at="local",
                      product="City ECG platform 2.1", note=f"{RAN_LOCALLY} (x)")  # fmt: skip
    local = AiResult(model, "ecg", "ECG", Urgency.ROUTINE)
    notice = RemoteAiNotice()
    assert notice.text({1: local}) == (
        "Remote AI unavailable: City ECG platform 2.1 ran locally for 1 case(s)."
    )
    not_run = notice.text({1: local, 2: f"{NOT_RUN} (http://127.0.0.1:9: refused)"})
    assert not_run.startswith("Remote AI unavailable: not run for 1 case(s)")
    plain = AiResult(ModelInfo("m", "M", "1", runs_at="local"), "ecg", "ECG", Urgency.ROUTINE)
    assert notice.text({1: plain, 2: "file unreadable"}) == ""
