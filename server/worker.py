"""``huizhen-server worker``: runs queued AI pre-reads and scheduled escalations.

With several server nodes on one PostgreSQL the HTTP processes only queue
pre-reads (``server.jobqueue``); one or more workers (on any machine that sees
the database and the blob store) take the jobs with ``FOR UPDATE SKIP LOCKED``,
woken by NOTIFY, and escalate unacknowledged critical alerts.  A worker killed
mid-job loses nothing: its lease runs out and another worker takes the job.
On SQLite the server runs the same loop in its own process.
"""

from __future__ import annotations

import logging
import signal
import threading

from server.config import Settings

log = logging.getLogger("huizhen.server.worker")


def run_worker(settings: Settings, stop: threading.Event | None = None) -> int:
    from server.db import make_engine, migrate, sessions
    from server.escalation import Escalator
    from server.files import FileStore
    from server.pgnotify import JOBS_CHANNEL, PgListener, is_postgres
    from server.preread import PrereadRunner, load_plugins

    stop = stop or threading.Event()
    load_plugins(settings.plugins)
    engine = make_engine(settings.db_url)
    migrate(engine)
    write = sessions(engine)
    files = FileStore(settings.blob_dir, settings.upload_dir)
    runner = PrereadRunner(
        write, files, settings.preread_workers, settings.preread_timeout_s,
        settings.preread_memory_mb, settings.plugins, settings.preread_window_s,
        in_process=True, lease_s=settings.job_lease_s, warm=True,
    )  # fmt: skip
    listener = None
    if is_postgres(engine):
        listener = PgListener(engine, [JOBS_CHANNEL], lambda _ch: runner.submit(0))
        listener.start()
    escalator = Escalator(write, settings.escalate_after_s, settings.escalation_check_s)
    escalator.start()
    queued = runner.start()
    print(f"huizhen-server worker running ({settings.preread_workers} pre-read processes, "
          f"{queued} pending objects queued)", flush=True)  # fmt: skip
    for sig in (signal.SIGTERM, signal.SIGINT):
        if threading.current_thread() is threading.main_thread():
            signal.signal(sig, lambda *_: stop.set())
    try:
        while not stop.wait(1.0):
            pass
    finally:
        escalator.stop()
        if listener is not None:
            listener.stop()
        runner.shutdown()
        engine.dispose()
    return 0
