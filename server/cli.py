"""``huizhen-server`` / ``python -m server``: run the server or seed demo data.

    python -m server serve --port 8765 --data-dir /srv/huizhen
    python -m server serve --db postgresql+psycopg://hz@db/hz --tls-cert c.pem --tls-key k.pem
    python -m server init-demo --data-dir /srv/huizhen
    python -m server worker --db postgresql+psycopg://hz@db/hz --data-dir /srv/huizhen

``--port 0`` picks a free port; the first line printed is
``huizhen-server listening on <url>`` once the socket is bound.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
from pathlib import Path

from server import __version__
from server.config import Settings, default_db_url

GIL_SWITCH_S = 0.001
DEFAULT_PORT = 8765  # app.settings.Settings.server_url points here


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("huizhen-server", appauthor=False))


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", type=Path, help="files and the default SQLite database")
    p.add_argument("--db", help="SQLAlchemy URL (default: SQLite file in the data folder)")
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="huizhen-server", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"huizhen-server {__version__}")
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="run the HTTP server (the default command)")
    _common(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help="0 picks a free port (default: the "
        "port the workstation's default server address names)"
    )  # fmt: skip
    serve.add_argument(
        "--insecure",
        action="store_true",
        help="allow plain HTTP on a non-loopback address (behind a TLS proxy only)",
    )
    serve.add_argument("--tls-cert", help="PEM certificate (enables HTTPS)")
    serve.add_argument("--tls-key", help="PEM private key for --tls-cert")
    serve.add_argument("--token-ttl", type=int, default=3600, help="access token seconds")
    serve.add_argument("--refresh-ttl", type=int, default=14 * 24 * 3600)
    serve.add_argument("--heartbeat", type=float, default=15.0, help="SSE keep-alive seconds")
    serve.add_argument(
        "--login-queue",
        type=int,
        default=64,
        help="logins waiting for a password check before 429 Too Many Requests",
    )
    serve.add_argument("--access-log", action="store_true")
    serve.add_argument(
        "--jobs",
        choices=["auto", "in-process", "external"],
        default="auto",
        help="who runs AI pre-reads and escalations: this process (auto on SQLite) or "
        "separate `huizhen-server worker` processes (auto on PostgreSQL)",
    )
    _job_options(serve)
    _security_options(serve)
    _pacs_options(serve)
    worker = sub.add_parser(
        "worker", help="run queued AI pre-reads and escalations (several nodes on PostgreSQL)"
    )
    _common(worker)
    _job_options(worker)
    demo = sub.add_parser("init-demo", help="create demo organisations and users (password demo)")
    _common(demo)
    mig = sub.add_parser("migrate", help="bring the database schema up to date")
    _common(mig)
    unl = sub.add_parser("unlock", help="end an account's lockout after wrong passwords")
    _common(unl)
    unl.add_argument("username")
    return parser


def _job_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("jobs", "AI pre-reads and escalations")
    g.add_argument(
        "--escalate-after",
        type=float,
        default=300.0,
        help="seconds before an unacknowledged critical alert escalates",
    )
    g.add_argument("--escalation-check", type=float, default=None, help="check interval s")
    g.add_argument(
        "--plugin",
        action="append",
        default=[],
        help="module or .py file that registers pre-read analyzers (repeatable)",
    )
    g.add_argument(
        "--preread-window",
        type=float,
        default=30.0,
        help="seconds of a longer recording the pre-read analyses (its most recent)",
    )
    g.add_argument(
        "--preread-workers",
        type=int,
        default=2,
        help="AI pre-read worker processes (most urgent first)",
    )
    g.add_argument(
        "--preread-timeout",
        type=float,
        default=120.0,
        help="seconds one pre-read may take before its process is stopped",
    )
    g.add_argument("--preread-memory", type=int, default=3072,
                   help="MiB of address space per pre-read process (POSIX)")  # fmt: skip
    g.add_argument(
        "--job-lease",
        type=float,
        default=30.0,
        help="seconds after which a job whose worker stopped renewing it is taken again",
    )


def _security_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("security", "password guessing, proxies, limits, retention")
    g.add_argument(
        "--login-free-failures",
        type=int,
        default=3,
        help="wrong passwords per account before back-off (doubling waits)",
    )
    g.add_argument(
        "--login-address-free",
        type=int,
        default=20,
        help="wrong passwords per client address before back-off",
    )
    g.add_argument(
        "--login-lock-after",
        type=int,
        default=10,
        help="consecutive wrong passwords that lock an account",
    )
    g.add_argument("--login-lockout", type=float, default=900.0, help="lockout seconds")
    g.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        help="address of a reverse proxy whose X-Forwarded-For is believed",
    )
    g.add_argument(
        "--login-backoff",
        type=float,
        default=1.0,
        help="seconds of the first wait after the free failures (doubles)",
    )
    g.add_argument(
        "--chunk-max",
        type=int,
        default=16 << 20,
        help="largest request body of file bytes (one upload chunk)",
    )
    g.add_argument("--upload-max", type=int, default=8 << 30, help="largest file in bytes")
    g.add_argument(
        "--org-quota", type=int, default=2 << 40, help="bytes stored and declared per organisation"
    )
    g.add_argument(
        "--audit-keep-days",
        type=int,
        default=3650,
        help="audit rows older than this are pruned (0: keep forever)",
    )
    g.add_argument("--upload-keep", type=float, default=7 * 86400,
                   help="seconds before abandoned uploads and idempotency keys are pruned")  # fmt: skip


def _pacs_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("PACS", "archive DICOM objects in a PACS over DICOMweb")
    g.add_argument("--pacs-url", help="DICOMweb root, e.g. http://127.0.0.1:8042/dicom-web")
    g.add_argument("--pacs-user", help="HTTP basic-auth user of the PACS")
    g.add_argument("--pacs-password", help="its password (default: $HUIZHEN_PACS_PASSWORD)")
    g.add_argument("--pacs-timeout", type=float, default=30.0, help="seconds per request")
    g.add_argument("--pacs-attempts", type=int, default=3, help="tries per request")
    g.add_argument(
        "--pacs-retry-interval",
        type=float,
        default=60.0,
        help="seconds between retries of objects not yet in the PACS (0: only on request)",
    )


def settings_from(args) -> Settings:
    data_dir = (args.data_dir or _default_data_dir()).resolve()
    st = Settings(db_url=args.db or default_db_url(data_dir), data_dir=data_dir)
    if args.command in ("serve", "worker"):
        st.escalate_after_s = args.escalate_after
        st.escalation_check_s = args.escalation_check or min(5.0, max(0.2, args.escalate_after / 4))
        st.plugins = list(args.plugin)
        st.preread_workers, st.preread_timeout_s = args.preread_workers, args.preread_timeout
        st.preread_memory_mb = args.preread_memory
        st.preread_window_s = args.preread_window
        st.job_lease_s = args.job_lease
    if args.command == "serve":
        st.token_ttl_s, st.refresh_ttl_s = args.token_ttl, args.refresh_ttl
        st.heartbeat_s, st.jobs = args.heartbeat, args.jobs
        st.pacs_url, st.pacs_user = args.pacs_url, args.pacs_user
        st.pacs_password = args.pacs_password or os.environ.get("HUIZHEN_PACS_PASSWORD")
        st.pacs_timeout_s, st.pacs_attempts = args.pacs_timeout, args.pacs_attempts
        st.pacs_retry_s = args.pacs_retry_interval
        st.login_queue = args.login_queue
        st.login_free_failures, st.login_address_free = (
            args.login_free_failures,
            args.login_address_free,
        )
        st.login_lock_after, st.login_lock_s = args.login_lock_after, args.login_lockout
        st.login_backoff_s = args.login_backoff
        st.trusted_proxies = list(args.trusted_proxy)
        st.upload_max_bytes, st.org_quota_bytes = args.upload_max, args.org_quota
        st.chunk_max_bytes = args.chunk_max
        st.audit_keep_days = args.audit_keep_days
        st.upload_keep_s = st.idempotency_keep_s = args.upload_keep
    return st


def _listen(host: str, port: int, family: int) -> socket.socket:
    # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted
    # sockets whose proto says TCP (socket.create_server leaves it 0, and every
    # keep-alive response then waits ~40 ms for a delayed ACK).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(512)
    return sock


def serve(args) -> int:
    import uvicorn

    from server.app import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        print("--tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    if not args.tls_cert and not is_loopback(args.host) and not args.insecure:
        print(
            f"refusing plain HTTP on {args.host}: patient data and passwords would cross the "
            "network unencrypted. Give --tls-cert/--tls-key, or --insecure when a TLS proxy "
            "terminates in front of this server.",
            file=sys.stderr,
        )
        return 2
    # Request threads hand the SQLite write lock on in turn (server.dbgate); the
    # next holder then waits for the GIL, up to the switch interval (default
    # 5 ms) while the database sits idle.  1 ms keeps hand-overs short: with
    # 50 clinics uploading on 2 cores, ~30 % more throughput and ~25 % lower p95.
    sys.setswitchinterval(GIL_SWITCH_S)
    app = create_app(settings_from(args))
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = _listen(args.host, args.port, family)
    host, port = sock.getsockname()[:2]
    scheme = "https" if args.tls_cert else "http"
    url_host = f"[{host}]" if family == socket.AF_INET6 else host
    print(f"huizhen-server listening on {scheme}://{url_host}:{port}", flush=True)
    config = uvicorn.Config(
        app,
        log_level=args.log_level,
        access_log=args.access_log,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        timeout_graceful_shutdown=3,
        # uvicorn would believe X-Forwarded-For from any loopback client; only
        # --trusted-proxy addresses are believed (server.deps.peer)
        proxy_headers=False,
        server_header=False,
    )
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def init_demo(args) -> int:
    from server.db import make_engine, migrate, sessions
    from server.demo import DEMO_PASSWORD, seed

    st = settings_from(args)
    engine = make_engine(st.db_url)
    migrate(engine)
    with sessions(engine)() as s:
        added = seed(s)
        s.commit()
    print(
        f"demo data in {st.db_url}: +{added['organisations']} organisations, "
        f"+{added['users']} users (doctor, specialist, pathologist, admin; "
        f"password {DEMO_PASSWORD!r} - DEMO ONLY, change before real use)"
    )
    return 0


def run_worker(args) -> int:
    from server.worker import run_worker as work

    return work(settings_from(args))


def run_migrate(args) -> int:
    from server.db import current_revision, make_engine, migrate

    engine = make_engine(settings_from(args).db_url)
    migrate(engine)
    print(f"schema at revision {current_revision(engine)}")
    return 0


def run_unlock(args) -> int:
    from sqlalchemy import select

    from server.db import make_engine, migrate, sessions
    from server.logins import unlock
    from server.models import AuditEntry, User

    engine = make_engine(settings_from(args).db_url)
    migrate(engine)
    with sessions(engine)() as s:
        user = s.scalar(select(User).where(User.username == args.username))
        if user is None:
            print(f"no user {args.username!r}", file=sys.stderr)
            return 1
        unlock(user)
        s.add(
            AuditEntry(action="user_admin", resource="user", resource_id=str(user.id),
                       username="(command line)", detail={"op": "unlock"})
        )  # fmt: skip
        s.commit()
    print(f"{args.username} unlocked")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "serve")
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from app.private import private_umask

    private_umask()  # database, blobs and logs owner-only (POSIX)
    commands = {
        "serve": serve,
        "init-demo": init_demo,
        "migrate": run_migrate,
        "worker": run_worker,
        "unlock": run_unlock,
    }
    return commands[args.command](args)
