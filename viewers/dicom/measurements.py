"""The user's measurements on a case's images, with undo and autosave (Qt-free).

A ``Measurement`` lives on one displayed frame (its SOP instance UID and
frame index) and holds its points in image pixels (column, row) plus the
values computed when it was drawn (length mm, angle °, ROI HU statistics).
``MeasurementSet`` keeps the list, an undo/redo history of snapshots, and
writes ``<data_dir>/annotations/<study_pk>.image-measurements.json``
atomically after every change.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from app.fileio import atomic_write_json
from viewers.dicom import geometry

KINDS = ("length", "angle", "ellipse", "polygon", "probe", "arrow", "text")
POINTS_NEEDED = {
    "length": 2,
    "angle": 3,
    "ellipse": 2,
    "probe": 1,
    "arrow": 2,
    "text": 1,
    "crosshair": 1,
}


@dataclass
class Measurement:
    kind: str
    frame: int
    points: list[list[float]]
    values: dict[str, float] = field(default_factory=dict)
    text: str = ""  # the user's text (text annotation, arrow label)
    sop_uid: str = ""
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)

    @classmethod
    def from_dict(cls, d: dict) -> Measurement:
        return cls(
            kind=str(d["kind"]),
            frame=int(d["frame"]),
            points=[[float(x), float(y)] for x, y in d["points"]],
            values={str(k): float(v) for k, v in (d.get("values") or {}).items()},
            text=str(d.get("text", "")),
            sop_uid=str(d.get("sop_uid", "")),
            uid=str(d.get("uid") or uuid.uuid4().hex),
        )


def compute(m: Measurement, values, spacing) -> Measurement:
    """Fill ``m.values`` from the frame's modality values (None for colour images)."""
    p = m.points
    out: dict[str, float] = {}
    unit_mm = 1.0 if spacing else 0.0  # 0: lengths are in pixels
    if m.kind == "length" and len(p) == 2:
        out = {"length": geometry.length(p[0], p[1], spacing), "mm": unit_mm}
    elif m.kind == "angle" and len(p) == 3:
        out = {"angle": geometry.angle(p[0], p[1], p[2], spacing)}
    elif m.kind in ("ellipse", "polygon") and values is not None:
        shape = values.shape
        mask = (
            geometry.ellipse_mask(shape, p[0], p[1])
            if m.kind == "ellipse"
            else geometry.polygon_mask(shape, p)
        )
        stats = geometry.roi_stats(values, mask, spacing)
        if stats is not None:
            out = {
                "mean": stats.mean,
                "sd": stats.sd,
                "min": stats.minimum,
                "max": stats.maximum,
                "area": stats.area,
                "mm": unit_mm,
            }
    elif m.kind == "probe" and values is not None and p:
        v = geometry.probe(values, *p[0])
        out = {"value": v} if v is not None else {}
    m.values = out
    return m


class MeasurementSet:
    """The case's measurements; every change is undoable and saved at once."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.items: list[Measurement] = []
        self.key_images: list[str] = []  # SOP Instance UIDs marked as key images
        self._undo: list[list[Measurement]] = []
        self._redo: list[list[Measurement]] = []
        self.load_error = ""
        if path is not None and path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                self.items = [Measurement.from_dict(d) for d in data.get("measurements", [])]
                self.key_images = [str(u) for u in data.get("key_images", [])]
            except (OSError, ValueError, KeyError, TypeError) as err:
                self.load_error = f"{path.name}: {err}"  # shown; the file is kept, not overwritten
                self.path = None

    def on_frame(self, frame: int) -> list[Measurement]:
        return [m for m in self.items if m.frame == frame]

    def _change(self, items: list[Measurement]) -> None:
        self._undo.append(list(self.items))
        self._redo.clear()
        self.items = items
        self.save()

    def add(self, m: Measurement) -> None:
        self._change([*self.items, m])

    def remove(self, uid: str) -> None:
        self._change([m for m in self.items if m.uid != uid])

    def clear_frame(self, frame: int) -> None:
        self._change([m for m in self.items if m.frame != frame])

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self.items)
        self.items = self._undo.pop()
        self.save()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self.items)
        self.items = self._redo.pop()
        self.save()
        return True

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_json(
            self.path,
            {"measurements": [asdict(m) for m in self.items], "key_images": self.key_images},
        )

    def toggle_key_image(self, uid: str) -> bool:
        """Mark or unmark ``uid`` as a key image (saved at once); True when now marked."""
        marked = uid not in self.key_images
        self.key_images = (
            [*self.key_images, uid] if marked else [u for u in self.key_images if u != uid]
        )
        self.save()
        return marked


def case_path(store, study_pk: int) -> Path | None:
    if store is None or getattr(store, "data_dir", None) is None:
        return None
    return Path(store.data_dir) / "annotations" / f"{study_pk}.image-measurements.json"
