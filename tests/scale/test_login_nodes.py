"""Password guessing spread over two nodes counts as one: the per-address and
per-unknown-name counts are database rows, not each node's memory."""

from __future__ import annotations

import httpx
import pytest
from scale_helpers import Cluster


@pytest.fixture
def strict_cluster(tmp_path, postgres):
    c = Cluster(tmp_path / "cluster", postgres, 2, "--login-address-free", "4",
                "--login-backoff", "30")  # fmt: skip
    c.start()
    yield c
    c.stop()


def _login(url: str, username: str) -> httpx.Response:
    body = {"username": username, "password": "wrong-password"}
    return httpx.post(f"{url}/api/v1/auth/login", json=body, timeout=30)


def test_wrong_passwords_through_both_nodes_add_up(strict_cluster):
    n1, n2 = (strict_cluster.nodes[n].url for n in ("n1", "n2"))
    # four unknown names, alternating nodes: each node alone saw two failures
    for i, url in enumerate((n1, n2, n1, n2)):
        assert _login(url, f"nobody-{i}").status_code == 401
    for url in (n1, n2):  # the address is past its free failures on both nodes
        r = _login(url, "nobody-else")
        assert r.status_code == 429 and r.json()["error"] == "too_many_failures"
        assert 1 <= int(r.headers["retry-after"]) <= 30


def test_an_unknown_name_backs_off_on_every_node(strict_cluster):
    n1, n2 = (strict_cluster.nodes[n].url for n in ("n1", "n2"))
    # 3 free failures per name, then 30 s before the next is checked
    for url in (n1, n2, n1):
        assert _login(url, "ghost").status_code == 401
    r = _login(n2, "ghost")  # node 2 alone saw one failure of this name
    assert r.status_code == 429 and r.json()["error"] == "too_many_failures"
