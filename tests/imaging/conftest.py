"""Imaging fixtures: the real head CT (Debian invesalius-examples) as a DICOM series."""

from __future__ import annotations

import pytest

from app.demo import head_ct


@pytest.fixture(scope="session")
def head_ct_files(tmp_path_factory):
    if not head_ct.available():
        pytest.skip("apt package invesalius-examples is not installed (./run installs it)")
    return head_ct.write_head_ct(tmp_path_factory.mktemp("head_ct"))
