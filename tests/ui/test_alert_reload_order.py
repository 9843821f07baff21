"""Alert, worklist, consult-view and timeline reloads run as jobs on several workers
and can end in any order: a reload asked before a new critical alert that ends after
the reload asked after it must not hide the alert again (ui/latest.py).  Found by posting job callbacks late, as
a descheduled worker does: the banner test saw the start-up reload's empty answer land
after the alert's own reload."""

from __future__ import annotations

import threading

from sqlalchemy import select

from app.models import Alert, Study


def test_an_older_alert_reload_ending_last_keeps_the_new_alert(window, qtbot, monkeypatch):
    store = window.store
    read_before, release = threading.Event(), threading.Event()
    holding = [True]
    real = store.open_alerts

    def held():
        rows = real()
        if holding[0]:  # asked before the alert: answers last, with no alert in it
            read_before.set()
            release.wait(300)
        return rows

    monkeypatch.setattr(store, "open_alerts", held)
    mine, finished = [], []  # this test's reloads; the jobs whose callbacks have all run
    window.jobs.job_finished.connect(lambda j: finished.append(id(j)))
    submit = window.jobs.submit

    def counted(fn, *a, **kw):
        job = submit(fn, *a, **kw)
        mine.append(id(job))
        return job

    monkeypatch.setattr(window.jobs, "submit", counted)
    window.reload_alerts()
    assert read_before.wait(60)
    with store.session() as s:
        study = s.scalars(select(Study).where(Study.modality == "ECG")).first()
        s.add(Alert(study_pk=study.id, level="critical", message="AI (m 1): STEMI",
                    ai_result_uid="r" * 32, finding_code="STEMI"))  # fmt: skip
    holding[0] = False
    window.reload_alerts(sound=True)
    qtbot.waitUntil(lambda: bool(window.banner.alerts), timeout=60_000)
    release.set()  # the older reload ends now, after the newer one was shown
    qtbot.waitUntil(lambda: set(mine) <= set(finished), timeout=60_000)
    assert window.banner.alerts and "CRITICAL" in window.banner.full_text
    assert not window.banner.isHidden()


def test_only_the_newest_reload_asked_is_shown():
    """The rule, as the consult view and the case timeline use it too."""
    from ui.latest import Latest

    shown, latest = [], Latest()
    older, newer = latest.wrap(shown.append), latest.wrap(shown.append)
    newer("after the change")
    older("before the change")  # ended last: stale
    assert shown == ["after the change"]
    newest = latest.wrap(shown.append)
    newest("again")
    assert shown == ["after the change", "again"]
