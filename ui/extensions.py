"""Shell extensions: features that plug into the main window without editing it.

Each entry is ``"module:Class"``; the class is constructed as ``Class(window)``
after the window is built and may add menu actions (``window.case_menu_extra``,
``window.file_menu_extra`` lists are appended to the menus on every
retranslate), status-bar widgets (``window.statusBar()``), signal connections,
and may define ``retranslate()`` and ``shutdown()``.  A missing module is
skipped (a build without that feature).
"""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)

EXTENSIONS: list[str] = [
    "ui.sync_extension:SyncExtension",
    "ui.report.notifier:Notifier",
    "ui.aiplatform.extension:AiProductsExtension",
]


def load_extensions(window) -> list:
    out = []
    for target in EXTENSIONS:
        module, _, name = target.partition(":")
        try:
            cls = getattr(importlib.import_module(module), name)
        except ModuleNotFoundError as err:
            if err.name and module.startswith(err.name):
                continue
            raise
        try:
            out.append(cls(window))
        except Exception:  # an extension must not take the shell down
            log.exception("extension %s failed to start", target)
    return out
