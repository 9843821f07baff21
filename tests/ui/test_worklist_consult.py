"""The clinic's worklist shows where a consult stands: "In consultation ·
requested", then "· accepted" once the specialist accepted it (zh_CN too).
The study is pydicom-data's real chest CR."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from app.domain import Status
from app.models import ConsultRequest
from ui.worklist_model import COLUMNS, WorklistModel


def _status_text(store, pk: int) -> str:
    m = WorklistModel()
    m.set_rows(store.worklist_rows())
    i = m.find(pk)
    return m.data(m.index(i, COLUMNS.index("status")))


def _set_consult(store, pk: int, state: str) -> None:
    with store.session() as s:
        s.execute(update(ConsultRequest).where(ConsultRequest.study_pk == pk).values(status=state))


def test_worklist_status_names_the_consult_state(store, qt_en):
    from pydicom.data import get_testdata_file

    from app.importer import run_import
    from app.sync.outbox import request_consult
    from ui import i18n

    cr = Path(get_testdata_file("CR_small.dcm") or get_testdata_file("CT_small.dcm"))
    (entry,) = run_import(store, [cr]).entries
    pk = entry.study_pk
    assert "·" not in _status_text(store, pk)  # no consult: the plain status
    request_consult(store, pk, "Nodule?", "routine", "radiology")
    store.set_status(pk, Status.IN_CONSULT)
    assert _status_text(store, pk) == "In consultation · requested"
    _set_consult(store, pk, "accepted")  # what the pull writes when the specialist accepts
    assert _status_text(store, pk) == "In consultation · accepted"
    try:
        i18n.install("zh_CN")
        text = _status_text(store, pk)
        assert "·" in text and "accepted" not in text and "consultation" not in text
        assert "接受" in text
    finally:
        i18n.install("en")
    _set_consult(store, pk, "reported")
    store.set_status(pk, Status.REPORTED)
    assert _status_text(store, pk) == "Reported"  # the case status says it from here on
    [row] = [r for r in store.worklist_rows() if r.study_pk == pk]
    assert row.consult == "reported"
