"""Server settings, filled from the command line (see ``server.cli``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Settings:
    db_url: str
    data_dir: Path
    token_ttl_s: int = 3600  # access tokens
    refresh_ttl_s: int = 14 * 24 * 3600
    escalate_after_s: float = 300.0  # unacknowledged critical alerts escalate after this
    escalation_check_s: float = 5.0
    heartbeat_s: float = 15.0  # SSE keep-alive comment interval
    chunk_max_bytes: int = 16 << 20  # largest accepted upload chunk
    login_workers: int = 0  # threads verifying passwords (0: one per core, at most 4)
    login_queue: int = 64  # logins waiting for a password check beyond this get 429
    # password guessing (server.logins): free failures, lockout after, lockout seconds
    login_free_failures: int = 3
    login_address_free: int = 20
    login_backoff_s: float = 1.0  # the first wait; it doubles with each further failure
    login_lock_after: int = 10
    login_lock_s: float = 900.0
    # proxies whose X-Forwarded-For is believed (else the socket peer is the address)
    trusted_proxies: list[str] = field(default_factory=list)
    upload_max_bytes: int = 8 << 30  # largest declared file
    org_quota_bytes: int = 2 << 40  # stored + declared bytes per organisation
    # retention: idempotency keys, stale upload parts / pre-read folders, audit rows
    idempotency_keep_s: float = 7 * 86400
    upload_keep_s: float = 7 * 86400
    audit_keep_days: int = 3650  # 0 keeps the audit log forever
    # AI pre-read worker processes: how many, seconds and MiB of address space per job
    preread_workers: int = 2
    preread_timeout_s: float = 120.0
    preread_memory_mb: int = 3072
    preread_window_s: float = 30.0  # a longer recording is analysed on its last 30 s
    plugins: list[str] = field(default_factory=list)  # modules or .py files that register analyzers
    # who runs queued pre-reads and escalations: "auto" (this process on SQLite, the
    # separate ``huizhen-server worker`` on PostgreSQL), "in-process" or "external"
    jobs: str = "auto"
    job_lease_s: float = 30.0  # a taken job whose worker stops renewing this long is taken again
    # DICOMweb PACS for DICOM objects (None: the embedded store keeps them)
    pacs_url: str | None = None  # e.g. http://127.0.0.1:8042/dicom-web
    pacs_user: str | None = None  # HTTP basic authentication
    pacs_password: str | None = None
    pacs_timeout_s: float = 30.0  # per HTTP request
    pacs_attempts: int = 3  # tries per request (exponential back-off)
    pacs_retry_s: float = 60.0  # objects not yet in the PACS are retried this often

    @property
    def jobs_in_process(self) -> bool:
        if self.jobs == "auto":
            return self.db_url.startswith("sqlite")
        return self.jobs == "in-process"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "objects"

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"


def default_db_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / 'server.db').resolve()}"
