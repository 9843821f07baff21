"""A real Orthanc PACS (Debian ``orthanc`` + ``orthanc-dicomweb``) for the tests.

``OrthancProcess(root).start()`` runs the Orthanc binary with a JSON
configuration written under ``root``: its own storage folder, a free HTTP
port, the DICOM (DIMSE) server disabled, remote access refused, HTTP basic
authentication with a test user, and the DICOMweb plugin loaded.  Orthanc
1.10 binds all interfaces and has no bind-address option, so the tests only
ever talk to 127.0.0.1.  ``stop()`` then ``start()`` brings the same PACS
(same port, same storage) back.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx

START_TIMEOUT_S = 60
PLUGIN_GLOBS = (
    "/usr/share/orthanc/plugins/libOrthancDicomWeb.so",
    "/usr/lib/orthanc/libOrthancDicomWeb.so*",
)


def orthanc_binary() -> str | None:
    """The Orthanc executable ($HUIZHEN_ORTHANC, PATH, or Debian's /usr/sbin)."""
    env = os.environ.get("HUIZHEN_ORTHANC")
    if env:
        return env if os.access(env, os.X_OK) else None
    found = shutil.which("Orthanc")
    if found:
        return found
    return "/usr/sbin/Orthanc" if os.access("/usr/sbin/Orthanc", os.X_OK) else None


def dicomweb_plugin() -> str | None:
    """The DICOMweb plugin installed by Debian's ``orthanc-dicomweb``."""
    env = os.environ.get("HUIZHEN_ORTHANC_DICOMWEB")
    if env:
        return env if os.path.isfile(env) else None
    for pattern in PLUGIN_GLOBS:
        hits = sorted(glob.glob(pattern))
        if hits:
            return hits[0]
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgresql_plugin() -> str | None:
    """The PostgreSQL index plugin of Debian's ``orthanc-postgresql``."""
    for pattern in (
        "/usr/share/orthanc/plugins/libOrthancPostgreSQLIndex.so",
        "/usr/lib/orthanc/libOrthancPostgreSQLIndex.so*",
    ):
        hits = sorted(glob.glob(pattern))
        if hits:
            return hits[0]
    return None


class OrthancProcess:
    """``postgres``: (host, port, database, user) of a PostgreSQL for the index (the
    PostgreSQL index plugin, several Orthanc processes may share it); ``storage``: the
    folder of the DICOM files (shared by processes that share the index)."""

    def __init__(
        self,
        root: Path,
        user: str = "huizhen",
        password: str = "pacs-test",
        postgres: tuple[str, int, str, str] | None = None,
        storage: Path | None = None,
    ) -> None:
        self.root = Path(root)
        self.user, self.password = user, password
        self.postgres, self.storage = postgres, storage
        self.binary, self.plugin = orthanc_binary(), dicomweb_plugin()
        self.http_port = 0
        self.proc: subprocess.Popen | None = None
        self.log = self.root / "orthanc.log"
        self.config = self.root / "orthanc.json"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def dicomweb_url(self) -> str:
        return f"{self.url}/dicom-web"

    def http(self) -> httpx.Client:
        """A client for Orthanc's own REST API (checks behind the server's back)."""
        return httpx.Client(base_url=self.url, auth=(self.user, self.password), timeout=30)

    def _write_config(self) -> None:
        storage = Path(self.storage or self.root / "storage")
        storage.mkdir(parents=True, exist_ok=True)
        config = {
            "Name": "HUIZHEN-TEST",
            "StorageDirectory": str(storage),
            "IndexDirectory": str(storage),
            "StorageCompression": False,
            "Plugins": [self.plugin],
            "HttpServerEnabled": True,
            "HttpPort": self.http_port,
            "RemoteAccessAllowed": False,
            "AuthenticationEnabled": True,
            "RegisteredUsers": {self.user: self.password},
            "OrthancExplorerEnabled": False,
            "WebDavEnabled": False,
            "DicomServerEnabled": False,
            "DicomPort": free_port(),  # unused while the DICOM server is disabled
            "UnknownSopClassAccepted": True,
            "DicomWeb": {"Enable": True, "Root": "/dicom-web/", "EnableWado": False},
        }
        if self.postgres is not None:
            host, port, database, user = self.postgres
            config["Plugins"].append(postgresql_plugin())
            config["PostgreSQL"] = {
                "EnableIndex": True,
                "EnableStorage": False,
                "Host": host,
                "Port": port,
                "Database": database,
                "Username": user,
                "Password": "",
                "EnableSsl": False,
                "Lock": False,  # several Orthanc processes share the index
            }
        self.config.write_text(json.dumps(config, indent=2))

    def start(self) -> OrthancProcess:
        if self.binary is None or self.plugin is None:
            raise RuntimeError("Orthanc or its DICOMweb plugin is not installed")
        self.root.mkdir(parents=True, exist_ok=True)
        self.http_port = self.http_port or free_port()
        self._write_config()
        offset = self.log.stat().st_size if self.log.exists() else 0
        with open(self.log, "a") as log:
            self.proc = subprocess.Popen(
                [self.binary, str(self.config)], stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        with self.http() as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    tail = self.log.read_bytes()[offset:].decode("utf-8", "replace")[-3000:]
                    raise RuntimeError(f"Orthanc exited with {self.proc.returncode}:\n{tail}")
                try:
                    if client.get("/system", timeout=2).status_code == 200:
                        return self
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("Orthanc did not answer /system in time")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None
