"""The shell with the sync extension: consult dialog, status bar, timeline, links."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sync_helpers import import_sample

from app.models import AIResult, ConsultRequest, Outbox


@pytest.fixture(autouse=True)
def no_viewers(monkeypatch):
    """Cases open without a modality viewer (the viewers have their own tests)."""
    from viewers import registry

    for modality in list(registry.VIEWERS):
        monkeypatch.setitem(registry.VIEWERS, modality, "")


def _window(qtbot, qapp, store, jobs, server_url):
    from app.auth import authenticate, seed_demo_users
    from app.settings import Settings
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.sync_extension import SyncExtension

    i18n.install("en")
    seed_demo_users(store)
    user = authenticate(store, "doctor", "demo")
    win = MainWindow(store, jobs, Settings(language="en", server_url=server_url), user)
    qtbot.addWidget(win)
    ext = next(e for e in win.extensions if isinstance(e, SyncExtension))
    return win, ext


def _with_ai(store, pk: int) -> None:
    with store.session() as s:
        s.add(
            AIResult(
                study_pk=pk,
                model_name="ecg-test",
                model_version="1.2",
                urgency="urgent",
                summary="ST elevation II, III, aVF",
                payload={"findings": [{"text": "ST elevation in inferior leads"}]},
            )
        )


def test_consult_dialog_is_prefilled_and_send_queues_one_request(
    qtbot, qapp, jobs, clinic_store, home
):
    from ui.consult_dialog import ConsultDialog

    pk = import_sample(clinic_store)
    _with_ai(clinic_store, pk)
    win, ext = _window(qtbot, qapp, clinic_store, jobs, "http://127.0.0.1:9")
    win.open_case(pk)
    qtbot.waitUntil(lambda: win.current_study() == pk, timeout=60_000)
    ext.a_consult.trigger()
    qtbot.waitUntil(lambda: isinstance(ext.dialog, ConsultDialog), timeout=60_000)
    dlg = ext.dialog
    with clinic_store.read_session() as s:
        from app.models import Study

        patient_id = s.get(Study, pk).patient.patient_id
    assert patient_id in dlg.patient.text()
    assert "ECG" in dlg.study.text()
    assert "AI" in dlg.ai_box.title() and "ecg-test 1.2" in dlg.ai_box.title()
    assert "ST elevation in inferior leads" in dlg.ai_text.toPlainText()
    assert dlg.attach_ai.isChecked()
    assert dlg.urgency.currentData() == "urgent"
    assert dlg.department.currentData() == "cardiology"
    assert "ECG" in dlg.question.toPlainText()
    assert dlg.qr.link.startswith("huizhen://case/uid:") and dlg.qr.link.endswith("@127.0.0.1:9")
    assert not dlg.qr.image.pixmap().isNull()

    with qtbot.waitSignal(dlg.sent, timeout=60_000):
        dlg.send_button.click()
    with clinic_store.read_session() as s:
        rows = s.scalars(select(Outbox).where(Outbox.kind == "consult.create")).all()
        consult = s.scalars(select(ConsultRequest)).one()
    assert len(rows) == 1 and rows[0].payload == {"consult_pk": consult.id}
    assert consult.urgency == "urgent" and consult.target_department == "cardiology"
    assert consult.ai_text.startswith("AI (ecg-test 1.2)")
    tab = win.cases.tab_for(pk)
    qtbot.waitUntil(lambda: "Waiting to be sent" in tab.hz_timeline.text(), timeout=60_000)
    # case, AI result (it travels with the case), file and consult are waiting
    qtbot.waitUntil(lambda: "4 waiting to send" in win.sync_label.text(), timeout=60_000)


def test_status_bar_tells_the_sync_state_in_words(qtbot, qapp, jobs, clinic_store, home, server):
    win, ext = _window(qtbot, qapp, clinic_store, jobs, server.url)
    label = win.sync_label
    qtbot.waitUntil(lambda: "not signed in" in label.text(), timeout=60_000)
    ext.client.login("doctor", "demo")
    ext.service.signed_in()
    qtbot.waitUntil(lambda: label.text().startswith("Sync: synced "), timeout=60_000)
    server.stop()
    ext.service.trigger()
    qtbot.waitUntil(lambda: "offline: server not reachable" in label.text(), timeout=60_000)
    server.start()
    ext.service.trigger()
    qtbot.waitUntil(lambda: label.text().startswith("Sync: synced "), timeout=60_000)
    ext.client.refresh_token = "revoked-or-expired"
    ext.client.access_token = "expired"
    ext.service.trigger()
    qtbot.waitUntil(lambda: "login expired — sign in again" in label.text(), timeout=60_000)
    assert not ext.client.signed_in


def test_open_link_opens_the_local_case(qtbot, qapp, jobs, clinic_store, home):
    from app.sync.links import make_link

    pk = import_sample(clinic_store)
    win, ext = _window(qtbot, qapp, clinic_store, jobs, "http://127.0.0.1:9")
    with clinic_store.read_session() as s:
        from app.models import Study

        uid = s.get(Study, pk).uid
    ext.open_link_text(make_link("127.0.0.1:9", None, uid))
    qtbot.waitUntil(lambda: win.cases.tab_for(pk) is not None, timeout=60_000)


def test_workstation_login_signs_in_to_the_server_or_works_offline(
    qtbot, qapp, jobs, clinic_store, home, server
):
    from app.auth import seed_demo_users
    from ui.login_dialog import LoginDialog

    seed_demo_users(clinic_store)
    dlg = LoginDialog(clinic_store)
    qtbot.addWidget(dlg)
    dlg.username.setText("doctor")
    dlg.password.setText("demo")
    dlg.try_login()
    assert dlg.result() and dlg.take_credentials() == ("doctor", "demo")
    assert dlg.take_credentials() is None and dlg.password.text() == ""  # forgotten

    win, ext = _window(qtbot, qapp, clinic_store, jobs, server.url)
    win.on_login("doctor", "not-the-server-password")
    qtbot.waitUntil(lambda: "Working offline" in win.statusBar().currentMessage(), timeout=60_000)
    assert "Wrong user name or password" in win.statusBar().currentMessage()
    assert not ext.client.signed_in and "not signed in" in win.sync_label.text()
    assert ext.a_sign_in in win.file_menu_extra  # the manual sign-in stays
    win.on_login("doctor", "demo")
    qtbot.waitUntil(lambda: win.sync_label.text().startswith("Sync: synced "), timeout=60_000)
    assert ext.client.username == "doctor"
