"""The outbox honours the server's Retry-After (429/503) on top of its own back-off."""

from datetime import timedelta

import httpx

from app.models import Outbox, utcnow
from app.sync import outbox
from app.sync.client import ApiFailure, retry_after_s


def test_retry_after_header_is_read():
    assert retry_after_s(httpx.Response(429, headers={"Retry-After": "30"})) == 30.0
    assert retry_after_s(httpx.Response(503, headers={"Retry-After": "99999"})) == 600.0
    assert retry_after_s(httpx.Response(503)) is None
    err = ApiFailure(429, {"error": "busy"}, 30.0)
    assert err.transient and err.retry_after == 30.0


def test_mark_retry_waits_at_least_what_the_server_asked(store):
    with store.session() as s:
        row = outbox.enqueue(s, "consult.create", {"x": 1})
        s.flush()
        row_id = row.id
    before = utcnow()
    outbox.mark_retry(store, row_id, "429 busy", at_least_s=120.0)
    with store.read_session() as s:
        row = s.get(Outbox, row_id)
        assert row.next_try_at >= before + timedelta(seconds=119)
        assert row.attempts == 1 and row.state == outbox.PENDING
