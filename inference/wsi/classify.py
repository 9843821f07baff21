"""Classify detections by a threshold on one measurement; count them per annotation.

As a pathologist reports it (QuPath's "single measurement classifier" and its
annotation measurements): positive when the measurement is at or above the
threshold, negative below it, then per region the count of each class and
the percentage positive.  Also the CSV export of a measurement table.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from app.fileio import atomic_write_bytes
from inference.wsi.regions import points_inside

NEGATIVE = ("Negative", (112, 112, 225))  # QuPath's colours
POSITIVE = ("Positive", (200, 0, 0))
CLASSES = [NEGATIVE, POSITIVE]


def threshold_classes(values: np.ndarray, threshold: float) -> np.ndarray:
    """int16 class index per object: 1 (positive) at or above ``threshold``, else 0."""
    v = np.asarray(values, float)
    return (np.nan_to_num(v, nan=-np.inf) >= threshold).astype(np.int16)


@dataclass
class RegionCount:
    name: str
    negative: int
    positive: int

    @property
    def total(self) -> int:
        return self.negative + self.positive

    @property
    def percent_positive(self) -> float:
        return 100.0 * self.positive / self.total if self.total else 0.0


def region_counts(
    centroids: np.ndarray,
    cls: np.ndarray,
    regions: list[tuple[str, dict[str, Any]]],
    everything: str,
) -> list[RegionCount]:
    """Counts per region (name, GeoJSON geometry; holes excluded), then over all objects."""
    cls = np.asarray(cls)
    out = []
    for name, geom in regions:
        inside = points_inside(centroids, geom)
        pos = int((cls[inside] == 1).sum())
        out.append(RegionCount(name, int(inside.sum()) - pos, pos))
    pos = int((cls == 1).sum())
    out.append(RegionCount(everything, len(cls) - pos, pos))
    return out


def write_csv(
    path: str | os.PathLike,
    columns: dict[str, np.ndarray],
    classes: list[str] | None = None,
    centroids: np.ndarray | None = None,
) -> int:
    """One row per object: id, class, centroid x/y (level-0 px), then every measurement."""
    names = list(columns)
    n = len(next(iter(columns.values()))) if columns else (len(classes) if classes else 0)
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    head = ["Object"]
    if classes is not None:
        head.append("Class")
    if centroids is not None:
        head += ["Centroid X px", "Centroid Y px"]
    w.writerow(head + names)
    for i in range(n):
        row: list[Any] = [i + 1]
        if classes is not None:
            row.append(classes[i])
        if centroids is not None:
            row += [f"{centroids[i, 0]:.1f}", f"{centroids[i, 1]:.1f}"]
        row += [f"{float(columns[k][i]):.6g}" for k in names]
        w.writerow(row)
    atomic_write_bytes(path, buf.getvalue().encode("utf-8-sig"))  # Excel reads the µ
    return n
