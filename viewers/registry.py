"""Viewer registry: modality -> viewer widget class, imported lazily.

A viewer is a QWidget subclass constructed as ``Viewer(ctx, parent)`` where
``ctx`` is a ``ViewerContext``.  It may define a Qt signal
``findings_changed(list)`` carrying ``Finding`` dicts for the findings dock:
``{"text": str, "source": "AI <model> <version>" | "user", "severity":
"critical" | "urgent" | "info"}``.  Loading must not block the UI thread: use
``ctx.jobs`` (``ui.qt_jobs.QtJobs``).

Adding a modality means adding a module and its descriptor in
``app/modalities.py`` (which names the viewer); the shell never changes.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain import Modality
from app.modalities import DESCRIPTORS

# modality -> "module:ClassName", from the modality descriptors (app/modalities.py)
VIEWERS: dict[Modality, str] = {m: d.viewer for m, d in DESCRIPTORS.items() if d.viewer}


@dataclass
class ViewerContext:
    store: Any  # app.store.Store
    study_pk: int
    modality: Modality
    files: list[tuple[Any, Path]]  # (StoredObject, blob path)
    jobs: Any  # ui.qt_jobs.QtJobs
    user: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


def open_source(ctx: ViewerContext, state=None, **options):
    """Worker: the case's source from the reader that recognised it (``Store.open_source``).

    Files handed over without a stored object (tests, benches) are recognised here.
    """
    from app.series import open_files

    stored = bool(ctx.files) and ctx.files[0][0] is not None
    if ctx.store is not None and stored and hasattr(ctx.store, "open_source"):
        return ctx.store.open_source(
            ctx.study_pk, ctx.extra.get("series_pk"), state=state, **options
        )
    if not ctx.files:
        from app.readers import ReadError, ReadReason

        raise ReadError(ReadReason("case_no_file"), "missing")
    return open_files([p for _obj, p in ctx.files], state=state, **options)


def viewer_class(modality: Modality):
    """The viewer class for ``modality``, or None when there is none (yet)."""
    target = VIEWERS.get(modality)
    if not target:
        return None
    module, _, name = target.partition(":")
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name and module.startswith(err.name):
            return None  # that viewer is not part of this build
        raise
    return getattr(mod, name, None)
