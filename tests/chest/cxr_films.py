"""The real pydicom-data chest CR (RG1_UNCR) and the 2D viewer opened on it after the
pre-read, for the chest X-ray tests."""

from __future__ import annotations

from pathlib import Path

import pytest


def chest_cr() -> Path:
    from pydicom import data as pydicom_data

    path = pydicom_data.get_testdata_file("RG1_UNCR.dcm")
    if path is None:
        pytest.skip("pydicom-data is not installed")
    return Path(path)


def open_cr_viewer(qtbot, jobs, store):
    """(viewer, findings emitted to the dock) once the checks panel is beside the film."""
    from app.domain import Modality
    from app.importer import run_import
    from inference.preread import run_preread
    from viewers.dicom.qt_image_viewer import ImageViewer
    from viewers.registry import ViewerContext

    pk = run_import(store, [chest_cr()]).study_pks[0]
    run_preread(store, [pk])
    v = ImageViewer(ViewerContext(store, pk, Modality.CR, store.object_paths(pk), jobs))
    qtbot.addWidget(v)
    got: list = []
    v.findings_changed.connect(got.append)
    v.show()
    qtbot.waitUntil(lambda: getattr(v, "cxr_panel", None) is not None, timeout=60_000)
    return v, got
