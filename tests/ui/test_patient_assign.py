"""A bare photo is imported as "patient to be assigned"; the case header's form
assigns patient, eye and date through the job runner, audited."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.importer import run_import
from app.models import AuditEvent, Patient, Study
from app.patients import AssignError, Assignment, assign_patient


@pytest.fixture
def photo_case(store, tmp_path):
    import skimage

    photo = tmp_path / "IMG_0042.jpg"  # a camera name: no patient, no eye
    photo.write_bytes((Path(skimage.__file__).parent / "data" / "retina.jpg").read_bytes())
    (entry,) = run_import(store, [photo]).entries
    return entry.study_pk


def test_bare_photo_is_imported_as_patient_to_be_assigned(store, photo_case):
    st = store.study(photo_case)
    assert st.patient.unassigned and st.patient.patient_id.startswith("UNKNOWN-")


def test_assignment_moves_the_case_and_records_eye_and_date(store, photo_case):
    when = datetime(2026, 11, 2)
    assign_patient(store, photo_case, Assignment("MRN-7", "王^芳", "F", "1961-03-04", "L", when))
    st = store.study(photo_case)
    assert (st.patient.patient_id, st.patient.name, st.patient.sex) == ("MRN-7", "王^芳", "F")
    assert st.patient.birth_date == "19610304" and not st.patient.unassigned
    assert st.study_time == when
    assert store.open_source(photo_case).frame(0).laterality == "L"
    with store.read_session() as s:
        (event,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "patient_assign"))
        assert event.detail["patient_id"] == "MRN-7" and event.study_pk == photo_case


def test_assigning_a_known_patient_joins_their_record(store, photo_case):
    from pydicom.data import get_testdata_file

    (cr,) = run_import(store, [get_testdata_file("RG1_UNCR.dcm", download=False)]).entries
    known = store.study(cr.study_pk).patient
    assign_patient(store, photo_case, Assignment(known.patient_id))
    with store.read_session() as s:
        assert s.get(Study, photo_case).patient_pk == known.id
        assert not s.scalars(select(Patient).where(Patient.unassigned)).all()  # placeholder gone


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"patient_id": " "}, "patient_id"), ({"birth_date": "1961-02-30"}, "birth_date"),
     ({"birth_date": "2999-01-01"}, "birth_date"), ({"laterality": "X"}, "laterality")],
)  # fmt: skip
def test_bad_input_is_refused_before_the_store(store, photo_case, fields, field):
    a = Assignment(**{"patient_id": "MRN-7", **fields})
    with pytest.raises(AssignError) as err:
        assign_patient(store, photo_case, a)
    assert err.value.field == field
    assert store.study(photo_case).patient.unassigned


def test_case_header_form_assigns_the_patient(qtbot, jobs, store, photo_case):
    from ui.case_area import CaseTab, load_case

    tab = CaseTab(photo_case)
    qtbot.addWidget(tab)
    tab.show_case(load_case(store, photo_case), jobs, store)
    tab.show()
    assert tab.assign_button.isVisible()
    assert tab.tr("Patient to be assigned") in tab.header.text()
    tab.assign_button.click()
    dlg = tab.assign_dialog
    dlg.save()  # empty ID: explained in the form, nothing stored
    assert dlg.error.text() and dlg.isVisible()
    dlg.patient_id.setText("MRN-9")
    dlg.name.setText("Li^Lei")
    dlg.eye.setCurrentIndex(dlg.eye.findData("R"))
    with qtbot.waitSignal(tab.patient_assigned, timeout=60_000):
        dlg.save()
    st = store.study(photo_case)
    assert st.patient.patient_id == "MRN-9" and not st.patient.unassigned
    info = load_case(store, photo_case)
    assert info.laterality == "R" and not info.unassigned


def test_worklist_says_the_patient_is_to_be_assigned(qt_en, store, photo_case):
    from ui.worklist_model import COLUMNS, WorklistModel

    model = WorklistModel()
    model.set_rows(store.worklist_rows())
    col = COLUMNS.index("patient_name")
    assert model.data(model.index(0, col)) == "Patient to be assigned"
    assign_patient(store, photo_case, Assignment("MRN-7", "Wang^Fang"))
    model.set_rows(store.worklist_rows())
    assert model.data(model.index(0, col)) == "Wang Fang"
