"""Chest fixtures: the real head CT (Debian invesalius-examples) as a loaded Volume."""

from __future__ import annotations

import pytest

from app.demo import head_ct


@pytest.fixture(scope="session")
def head_ct_volume(tmp_path_factory):
    if not head_ct.available():
        pytest.skip("apt package invesalius-examples is not installed (./run installs it)")
    from inference.chest.cli import load_series

    files = head_ct.write_head_ct(tmp_path_factory.mktemp("head_ct"))
    return load_series(files)[1]


@pytest.fixture(scope="session")
def nodule_series(tmp_path_factory):
    """A SYNTHETIC chest CT phantom series with two nodules (solid 12 mm in the right
    lung, ground glass 14 mm in the left), written as DICOM once per session."""
    from inference.chest.phantom import TruthNodule, build_phantom, write_series
    from inference.chest.rules import GROUND_GLASS, SOLID

    ph = build_phantom(
        (64, 200, 200),
        (2.5, 1.75, 1.75),
        nodules=[
            TruthNodule((-70.0, 0.0, 100.0), 12.0, 11.0, SOLID),
            TruthNodule((75.0, 10.0, 90.0), 14.0, 13.0, GROUND_GLASS),
        ],
        seed=5,
    )
    folder = tmp_path_factory.mktemp("nodule_phantom")
    write_series(ph, folder)
    return folder, ph


@pytest.fixture
def ct_case(store, nodule_series):
    """The phantom imported into the store and pre-read: (study pk, AI result payload)."""
    from app.ai.store import latest_result
    from app.importer import run_import
    from inference.preread import run_preread

    folder, _ph = nodule_series
    pk = run_import(store, sorted(folder.glob("*.dcm"))).study_pks[0]
    run_preread(store, [pk])
    _rid, result = latest_result(store, pk)
    return pk, result.to_dict()


@pytest.fixture
def lang(qapp):
    """Install a UI language for the test (English again after)."""
    from ui import i18n

    yield i18n.install
    i18n.install("en")
