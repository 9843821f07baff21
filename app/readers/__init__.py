"""Reader registries.  Built-in readers register themselves on first use.

To add a format: write a ``Reader`` subclass decorated with ``@register`` in a
module and list that module in ``BUILTIN`` (or import it from a plugin).
"""

from __future__ import annotations

import importlib

from app.readers.base import (
    REGISTRIES,
    Reader,
    ReadError,
    Registry,
    StudyMeta,
    best_reader,
    reader_named,
    register,
)
from app.readers.reasons import ReadReason

BUILTIN = (
    "app.readers.dicom",
    "app.readers.dicom_objects",
    "app.readers.photo",
    "app.readers.slide",
    "app.readers.ecg",
)

_loaded = False


def load_builtin_readers() -> None:
    global _loaded
    if _loaded:
        return
    for mod in BUILTIN:
        importlib.import_module(mod)
    _loaded = True


__all__ = [
    "REGISTRIES",
    "Reader",
    "ReadError",
    "ReadReason",
    "Registry",
    "StudyMeta",
    "best_reader",
    "load_builtin_readers",
    "reader_named",
    "register",
]
