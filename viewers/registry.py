"""Viewer registry: modality -> viewer widget class, imported lazily.

A viewer is a QWidget subclass constructed as ``Viewer(ctx, parent)`` where
``ctx`` is a ``ViewerContext``.  It may define a Qt signal
``findings_changed(list)`` carrying ``Finding`` dicts for the findings dock:
``{"text": str, "source": "AI <model> <version>" | "user", "severity":
"critical" | "urgent" | "info"}``.  Loading must not block the UI thread: use
``ctx.jobs`` (``ui.qt_jobs.QtJobs``).

Adding a modality means adding a module and one line in ``VIEWERS``; the shell
never changes.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain import Modality

# modality -> "module:ClassName"
VIEWERS: dict[Modality, str] = {
    Modality.CR: "viewers.dicom.qt_image_viewer:ImageViewer",
    Modality.CT: "viewers.dicom.qt_image_viewer:ImageViewer",
    Modality.US: "viewers.dicom.qt_image_viewer:ImageViewer",
    Modality.OP: "viewers.dicom.qt_image_viewer:ImageViewer",
    Modality.ECG: "viewers.ecg.qt_ecg_viewer:EcgViewer",
    Modality.SM: "viewers.wsi.qt_slide_viewer:SlideViewer",
}


@dataclass
class ViewerContext:
    store: Any  # app.store.Store
    study_pk: int
    modality: Modality
    files: list[tuple[Any, Path]]  # (StoredObject, blob path)
    jobs: Any  # ui.qt_jobs.QtJobs
    user: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


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
