import threading

import pytest

from app.jobs import JobRunner


@pytest.fixture
def runner():
    r = JobRunner(max_workers=2)
    yield r
    r.shutdown()


def test_job_reports_progress_and_result(runner):
    seen, done = [], threading.Event()
    result = {}

    def work(n, state):
        for i in range(n):
            state.check()
            state.progress((i + 1) / n, f"step {i}")
        return n * 2

    job = runner.submit(work, 4, on_done=lambda r: (result.setdefault("r", r), done.set()))
    job.state.events.progress.connect(lambda f, m: seen.append(f))
    assert done.wait(60)
    assert result["r"] == 8
    assert job.state.fraction == 1.0


def test_job_cancel_stops_work(runner):
    started, cancelled, release = threading.Event(), threading.Event(), threading.Event()
    steps = []

    def work(state):
        started.set()
        release.wait(60)
        for i in range(1000):
            state.check()
            steps.append(i)

    job = runner.submit(work, on_cancel=cancelled.set, on_done=lambda r: None)
    assert started.wait(60)
    job.cancel()
    release.set()
    assert cancelled.wait(60)
    assert steps == []


def test_job_error_is_reported(runner):
    got = threading.Event()
    errors = []

    def work(state):
        raise ValueError("bad input")

    runner.submit(work, on_error=lambda e: (errors.append(e), got.set()))
    assert got.wait(60)
    assert isinstance(errors[0], ValueError)


def test_work_submitted_after_shutdown_is_dropped_not_raised():
    from app.jobs import JobRunner

    runner = JobRunner(max_workers=1)
    runner.shutdown()
    called = []
    job = runner.submit(lambda state: called.append(1), on_done=called.append)
    assert job.done and job.future.cancelled() and called == []
