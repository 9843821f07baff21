"""A throw-away PostgreSQL server on loopback for tests (Debian's postgresql).

Started as the ``postgres`` system user when the tests run as root, in a
temporary data folder, listening on 127.0.0.1 only.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
from pathlib import Path


def bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self, root: Path) -> None:
        self.bin = bindir()
        if self.bin is None:
            raise FileNotFoundError("PostgreSQL server binaries not installed (apt: postgresql)")
        self.root = root
        self.data = root / "pgdata"
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=60)

    def start(self) -> str:
        self.root.mkdir(parents=True, exist_ok=True)
        if self.as_user:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "huizhen",
            "--no-sync",
            "-E",
            "UTF8",
        )
        opts = f"-h 127.0.0.1 -p {self.port} -k {self.root} -F"
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            opts,
            "-w",
            "-t",
            "30",
            "-l",
            str(self.root / "log.txt"),
            "start",
        )
        return self.url("postgres")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://huizhen@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        from sqlalchemy import create_engine, text

        eng = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        with eng.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        eng.dispose()
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(
                str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"
            )
        except subprocess.CalledProcessError:
            pass


def main(argv: list[str]) -> int:
    """``python -m tests.pgserver CMD...``: run CMD with HUIZHEN_TEST_SERVER_DB set to a
    fresh database on a throw-away PostgreSQL server (used by ./run test)."""
    import sys
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="huizhen-pg-"))
    server = PostgresServer(root)
    server.start()
    try:
        url = server.create_database("huizhen_server_test")
        env = {**os.environ, "HUIZHEN_TEST_SERVER_DB": url}
        print(f"PostgreSQL on 127.0.0.1:{server.port} for: {' '.join(argv)}", flush=True)
        return subprocess.run(argv, env=env).returncode
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        sys.stdout.flush()


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
