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
