"""CLI, schema migrations, OpenAPI and health."""

import sqlite3
import subprocess
import sys

import httpx
from hzserver_helpers import REPO

from server.cli import build_parser, main


def test_migrations_match_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from server.db import current_revision, head_revision, make_engine, migrate
    from server.models import Base

    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    migrate(engine)  # a second run is a no-op


def test_init_demo_seeds_once(tmp_path):
    assert main(["init-demo", "--data-dir", str(tmp_path)]) == 0
    assert main(["init-demo", "--data-dir", str(tmp_path)]) == 0
    with sqlite3.connect(tmp_path / "server.db") as db:
        users = dict(db.execute("SELECT username, role FROM users"))
        orgs = dict(db.execute("SELECT name, departments FROM organisations"))
    assert users == {
        "doctor": "community_doctor",
        "specialist": "specialist",
        "pathologist": "pathologist",
        "radiologist": "specialist",
        "ophthalmologist": "specialist",
        "admin": "admin",
    }
    assert "DEMO 青山村卫生室" in orgs
    hospital = next(v for k, v in orgs.items() if k != "DEMO 青山村卫生室")
    for dept in ("cardiology", "radiology", "pathology", "ophthalmology"):
        assert dept in hospital


def test_serve_options_parse():
    args = build_parser().parse_args(
        ["serve", "--port", "0", "--db", "postgresql://u@h/db", "--tls-cert", "c", "--tls-key", "k"]
    )
    assert (args.host, args.port, args.db, args.tls_cert) == (
        "127.0.0.1",
        0,
        "postgresql://u@h/db",
        "c",
    )


def test_tls_needs_both_files():
    r = subprocess.run(
        [sys.executable, "-m", "server", "serve", "--tls-cert", "x.pem", "--port", "0"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2 and "--tls-key" in r.stderr


def test_health_and_openapi(server, doctor):
    health = httpx.get(f"{server.url}/api/v1/health", timeout=30).json()
    assert health["status"] == "ok" and health["db"] == "ok"
    assert health["version"] and health["sequence"] == doctor.sequence()
    spec = httpx.get(f"{server.url}/openapi.json", timeout=30).json()
    ops = [op for path in spec["paths"].values() for op in path.values()]
    assert len(ops) > 30
    assert all(op.get("summary") for op in ops)
    for path in ("/api/v1/changes", "/api/v1/events", "/api/v1/consults/{consult_id}/fhir"):
        assert path in spec["paths"]


def test_tls_serves_https(tmp_path):
    import shutil

    import pytest
    from hzserver_helpers import ServerProcess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    srv = ServerProcess(tmp_path / "tls", "--tls-cert", str(cert), "--tls-key", str(key))
    try:
        srv.start()
        assert srv.url.startswith("https://")
        r = httpx.get(f"{srv.url}/api/v1/health", verify=False, timeout=30)
        assert r.status_code == 200 and r.json()["db"] == "ok"
        with pytest.raises(httpx.HTTPError):
            httpx.get(srv.url.replace("https://", "http://") + "/api/v1/health", timeout=5)
    finally:
        srv.stop()
