"""Targeted SSE wake-ups (server.broker): a change wakes the streams that may see it
and leaves the others asleep, the same on a change's own node (after commit) and on
the other nodes (the NOTIFY payload).  The visibility itself is still decided by the
changes feed's query; this only spares streams a re-read that would find nothing."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from server.broker import Audience, Broker, Viewer, may_see


def _user(uid, role, org, dept=""):
    return SimpleNamespace(id=uid, role=role, org_id=org, department=dept)


CLINIC_1 = _user(1, "community_doctor", 10)
CLINIC_2 = _user(2, "community_doctor", 20)
CARDIO = _user(3, "specialist", 99, "cardiology")
PATHO = _user(4, "pathologist", 99, "pathology")
ADMIN = _user(5, "admin", 99)


def _woken(audiences) -> set[int]:
    async def run():
        broker = Broker()
        broker.bind(asyncio.get_running_loop())
        events = {u.id: broker.subscribe(u) for u in (CLINIC_1, CLINIC_2, CARDIO, PATHO, ADMIN)}
        broker.notify([(n, a) for n, a in enumerate(audiences)])
        await asyncio.sleep(0.05)
        return {uid for uid, e in events.items() if e.is_set()}

    return asyncio.run(run())


def test_a_consult_wakes_its_clinic_its_department_and_admins_only():
    consult = Audience("consult", 10, 99, "cardiology", None)
    assert _woken([consult]) == {1, 3, 5}
    to_person = Audience("consult", 20, 99, None, 4)  # addressed to the pathologist by name
    assert _woken([to_person]) == {2, 4, 5}


def test_an_alert_wakes_its_clinic_and_every_clinical_reader():
    assert _woken([Audience("alert", 20)]) == {2, 3, 4, 5}


def test_other_kinds_wake_nobody_and_a_logout_wakes_everyone():
    assert _woken([Audience("case", 10), Audience("report", 10)]) == set()

    async def logout():
        broker = Broker()
        broker.bind(asyncio.get_running_loop())
        events = [broker.subscribe(u) for u in (CLINIC_1, CARDIO)] + [broker.subscribe()]
        broker.wake_all()
        await asyncio.sleep(0.05)
        return [e.is_set() for e in events]

    assert asyncio.run(logout()) == [True, True, True]


def test_the_notify_payload_round_trips():
    for a in (
        Audience("consult", 10, 99, "cardiology, adult", 7),
        Audience("alert", 20),
        Audience("consult", None, None, None, None),
    ):
        assert Audience.decode(a.encode()) == a
    assert Audience.decode("") is None and Audience.decode("garbage") is None
    assert may_see(Viewer.of(CLINIC_1), Audience("alert", None))  # unknown clinic: woken
