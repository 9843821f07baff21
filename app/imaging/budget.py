"""How many bytes of decoded pixels the workstation may hold (a setting).

``imaging_memory_mb`` in settings.json sets it; 0 (the default) uses Weasis'
rule: half the physical memory minus 512 MB, at least 256 MB.
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)
FLOOR = 256 * 2**20
MIN_MB = 64  # the least a chosen budget may be


def physical_memory() -> int | None:
    try:
        if sys.platform == "win32":
            import ctypes

            class _Status(ctypes.Structure):
                _fields_ = [
                    ("dwLength", ctypes.c_ulong),
                    ("dwMemoryLoad", ctypes.c_ulong),
                    ("ullTotalPhys", ctypes.c_ulonglong),
                    ("ullAvailPhys", ctypes.c_ulonglong),
                    ("ullTotalPageFile", ctypes.c_ulonglong),
                    ("ullAvailPageFile", ctypes.c_ulonglong),
                    ("ullTotalVirtual", ctypes.c_ulonglong),
                    ("ullAvailVirtual", ctypes.c_ulonglong),
                    ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
                ]

            status = _Status()
            status.dwLength = ctypes.sizeof(_Status)
            ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status))
            return int(status.ullTotalPhys)
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, OSError, ValueError):
        return None


def memory_budget() -> int:
    """Bytes of decoded pixels allowed (volumes and the 2D pixel cache together)."""
    chosen = 0
    try:
        from app.settings import load_settings

        chosen = int(getattr(load_settings(), "imaging_memory_mb", 0) or 0)
    except Exception as err:  # a broken settings file must not stop image loading
        log.warning("imaging memory budget not read from settings (%s)", err)
    if chosen > 0:
        return max(chosen, MIN_MB) * 2**20
    return automatic_budget()


def automatic_budget() -> int:
    """Weasis' rule: half the physical memory minus 512 MB, at least 256 MB."""
    total = physical_memory() or 4 * 2**30
    return max(total // 2 - 512 * 2**20, FLOOR)
