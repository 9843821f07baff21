"""Private data folders: patient data is readable by its owner only.

On POSIX a data folder is created (or tightened) to 0700 and the process
creates files 0600 (umask 077), so another local account can read neither the
database (patient names, password hashes) nor the blobs.  On Windows the
per-user data folder (%LOCALAPPDATA%) already carries an ACL for the user,
SYSTEM and Administrators only; a server data folder placed elsewhere is
restricted with ``icacls`` (see README, "Data folders").
"""

from __future__ import annotations

import os
from pathlib import Path

POSIX = os.name == "posix"


def private_dir(path: str | Path) -> Path:
    """Create ``path`` (and parents) and make it owner-only on POSIX."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    if POSIX:
        os.chmod(path, 0o700)
    return path


def private_file(path: str | Path) -> None:
    """Owner read/write only (POSIX); a missing file is left alone."""
    if POSIX and Path(path).exists():
        os.chmod(path, 0o600)


def private_umask() -> None:
    """Files and folders this process creates from now on are owner-only (POSIX)."""
    if POSIX:
        os.umask(0o077)
