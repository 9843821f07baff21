"""The application's cyclic garbage collection runs from a UI-thread timer only."""

import gc


def test_collector_runs_on_the_ui_thread_timer(qapp, qtbot):
    from ui import gc_guard

    was = gc.isenabled()
    collector = gc_guard.UiThreadCollector(qapp, interval_ms=20)
    try:
        assert not gc.isenabled()
        for _ in range(3000):  # cycles that only the collector frees
            a = []
            a.append(a)
        assert gc.get_count()[0] > collector.threshold[0]
        qtbot.waitUntil(lambda: gc.get_count()[0] < collector.threshold[0], timeout=60_000)
        assert gc_guard.install(qapp) is not None
    finally:
        collector.timer.stop()
        collector.setParent(None)
        if was:
            gc.enable()
