"""The FastAPI application: ``create_app(settings)``."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI

from app.private import private_dir, private_file, private_umask
from server import __version__, errors
from server.broker import Broker
from server.changes import notify_on_commit
from server.config import Settings
from server.db import make_engine, migrate, read_sessions, sessions
from server.deps import State
from server.escalation import Escalator
from server.files import FileStore
from server.janitor import Janitor
from server.limits import BodyLimit
from server.locks import advisory_lock
from server.pacs import PacsSync, make_backend
from server.pgnotify import PgBroker, is_postgres
from server.preread import PrereadRunner, load_plugins
from server.routes import (
    admin,
    ai_results,
    alerts,
    auth,
    cases,
    catalogue,
    consults,
    dicomweb,
    directory,
    objects,
    pacs,
    reports,
    supersede,
    sync,
)

log = logging.getLogger("huizhen.server")

DESCRIPTION = """Regional remote-diagnosis server of the Huizhen network.

Authenticate with `POST /api/v1/auth/login`, then send `Authorization: Bearer
<access_token>`.  Writes accept an `Idempotency-Key` header (a repeat returns
the first response); updates need the resource `version` as `If-Match` (409
with the current version on conflict).  `GET /api/v1/changes?since=N` is the
pull feed of everything the caller may see; `GET /api/v1/events` pushes new
consults and alerts as Server-Sent Events.
"""


def create_app(settings: Settings) -> FastAPI:
    private_umask()  # patient data: files owner-only, folders 0700 (POSIX)
    private_dir(settings.data_dir)
    load_plugins(settings.plugins)
    engine = make_engine(settings.db_url)
    migrate(engine)
    if settings.db_url.startswith("sqlite:///"):
        private_file(settings.db_url.removeprefix("sqlite:///"))
    broker = PgBroker(engine) if is_postgres(engine) else Broker()
    write, read = sessions(engine), read_sessions(engine)
    notify_on_commit(write, broker.notify)
    locker = partial(advisory_lock, engine) if is_postgres(engine) else None
    files = FileStore(settings.blob_dir, settings.upload_dir, locker)
    runner = PrereadRunner(
        write,
        files,
        settings.preread_workers,
        settings.preread_timeout_s,
        settings.preread_memory_mb,
        settings.plugins,
        settings.preread_window_s,
        in_process=settings.jobs_in_process,
        lease_s=settings.job_lease_s,
    )
    archive = PacsSync(make_backend(settings), write, files, settings.pacs_retry_s)
    st = State(settings, write, read, broker, runner, files)
    escalator = Escalator(write, settings.escalate_after_s, settings.escalation_check_s)
    janitor = Janitor(write, files, settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        broker.bind(asyncio.get_running_loop())
        if isinstance(broker, PgBroker):
            broker.start()  # wakes from every node through LISTEN/NOTIFY
        if settings.jobs_in_process:  # else `huizhen-server worker` runs them
            escalator.start()
        janitor.start()  # retention: prunes now, then hourly
        if queued := runner.start():
            log.info("queued %d pending pre-reads that had no job", queued)
        if queued := archive.start():
            log.info("queued %d DICOM objects not yet in the PACS", queued)
        yield
        if settings.jobs_in_process:
            escalator.stop()
        if isinstance(broker, PgBroker):
            broker.stop()
        janitor.stop()
        archive.shutdown()
        runner.shutdown()
        engine.dispose()

    app = FastAPI(
        title="Huizhen server",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.hz = st
    app.state.pacs = archive
    errors.install(app)
    app.add_middleware(BodyLimit, chunk_max=settings.chunk_max_bytes)
    routes = (auth, admin, directory, cases, objects, ai_results, consults, reports, alerts, sync)
    for module in (*routes, pacs, catalogue, dicomweb, supersede):
        app.include_router(module.router)
    return app
