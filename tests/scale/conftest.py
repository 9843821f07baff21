"""Two server nodes, a worker and HAProxy on one real PostgreSQL (scale_helpers)."""

from __future__ import annotations

import pytest
from scale_helpers import Cluster, haproxy_binary


@pytest.fixture
def cluster(tmp_path, postgres):
    haproxy_binary()  # skips (outside CI) before anything starts when it is missing
    c = Cluster(tmp_path / "cluster", postgres).start()
    yield c
    c.stop()
