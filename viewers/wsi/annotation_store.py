"""Where a study's slide annotations and AI results live, Qt-free.

``<data_dir>/annotations/<study_pk>.geojson`` is the user's annotation
document (``AnnotationDocument``: journal + atomic snapshots).  AI results
sit beside it: ``<pk>.nuclei.geojson`` (detections, QuPath GeoJSON with the
analyzer in each feature's metadata), ``<pk>.density.tif`` (nuclear density
raster), ``<pk>.tissue.tif`` (tissue mask).  Each file has an
``AnnotationSet`` row (study, name, path, object count).  The class list is
shared by all studies: ``<data_dir>/annotations/classes.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.fileio import atomic_write_json

DEFAULT_CLASSES: list[tuple[str, tuple[int, int, int]]] = [
    ("Tumor", (200, 0, 0)),
    ("Stroma", (150, 200, 150)),
    ("Immune cells", (160, 90, 160)),
    ("Necrosis", (50, 50, 50)),
    ("Other", (255, 200, 0)),
]
UNCLASSIFIED_COLOR = (255, 170, 0)
SET_NAMES = {"annotations": "annotations", "nuclei": "AI nuclei", "density": "AI nuclear density"}


def folder(store) -> Path:
    return Path(store.data_dir) / "annotations"


def paths(store, study_pk: int) -> dict[str, Path]:
    d = folder(store)
    return {
        "annotations": d / f"{study_pk}.geojson",
        "nuclei": d / f"{study_pk}.nuclei.geojson",
        "nuclei_rule": d / f"{study_pk}.nuclei.rule.json",  # positive/negative threshold
        "density": d / f"{study_pk}.density.tif",
        "tissue": d / f"{study_pk}.tissue.tif",
    }


def open_document(store, study_pk: int):
    from app.annotations import AnnotationDocument

    path = paths(store, study_pk)["annotations"]
    path.parent.mkdir(parents=True, exist_ok=True)
    return AnnotationDocument(path, snapshot_every=50)


def record_set(store, study_pk: int, key: str, path: Path, count: int) -> None:
    """Create or update the study's ``AnnotationSet`` row for one file."""
    from sqlalchemy import select

    from app.models import AnnotationSet

    name = SET_NAMES.get(key, key)
    with store.session() as s:
        row = s.scalar(
            select(AnnotationSet).where(
                AnnotationSet.study_pk == study_pk, AnnotationSet.name == name
            )
        )
        if row is None:
            row = AnnotationSet(study_pk=study_pk, name=name, path=str(path), count=count)
            s.add(row)
        else:
            row.path, row.count = str(path), int(count)


def load_classes(store) -> list[tuple[str, tuple[int, int, int]]]:
    if store is None:
        return list(DEFAULT_CLASSES)
    path = folder(store) / "classes.json"
    try:
        data = json.loads(path.read_text("utf-8"))
        out = [(str(c["name"]), tuple(int(v) for v in c["color"][:3])) for c in data["classes"]]
    except (OSError, ValueError, KeyError, TypeError):
        return list(DEFAULT_CLASSES)
    return out  # type: ignore[return-value]


def save_classes(store, classes: list[tuple[str, tuple[int, int, int]]]) -> None:
    if store is None:
        return
    data: dict[str, Any] = {"classes": [{"name": n, "color": list(c)} for n, c in classes]}
    atomic_write_json(folder(store) / "classes.json", data)
