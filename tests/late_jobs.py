"""A pytest plugin, run by hand: every job callback is posted late from the job's
thread, as a descheduled worker on a loaded machine posts it.

    xvfb-run -a pytest -p tests.late_jobs tests/ui tests/sync tests/wsi

``LATE_SEED`` (default 7) and ``LATE_MAX`` (seconds, default 0.3) vary the delays.
It makes the races CI meets about once in twenty runs show at once: a timer firing
between a job's end and its done callback (the nuclei stream), reloads ending out of
order (the alert banner, the report panel: ui/latest.py).  Not a test: it only slows
jobs' callbacks; what fails under it is a race to fix in the code or in the test.
"""

from __future__ import annotations

import os
import random
import time


def pytest_configure(config) -> None:
    from app.jobs import JobRunner

    submit = JobRunner.submit
    rng = random.Random(int(os.environ.get("LATE_SEED", "7")))
    most = float(os.environ.get("LATE_MAX", "0.3"))

    def late(callback):
        if callback is None:
            return None

        def call(*args):
            time.sleep(rng.uniform(0.0, most))
            callback(*args)

        return call

    def late_submit(self, fn, *args, on_done=None, on_error=None, on_cancel=None, **kw):
        return submit(self, fn, *args, on_done=late(on_done), on_error=late(on_error),
                      on_cancel=late(on_cancel), **kw)  # fmt: skip

    JobRunner.submit = late_submit
