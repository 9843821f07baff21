"""A DICOM series from its headers only: slice order, geometry and what is wrong.

``series_info(files)`` reads each header once and returns a ``SeriesInfo``:
frames sorted along the slice normal (ImagePositionPatient; InstanceNumber
when there are no positions), pixel and slice spacing in mm (slice spacing
from the positions, not SliceThickness), orientation, origin, and
``problems`` — gantry tilt, missing or duplicated slices, mixed sizes,
several stacks — each naming what was skipped.  ``group_series(paths)``
splits many files into series.  Nothing here decodes pixels.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from app.imaging.headers import NO_IMAGE, FrameRef, read_head
from app.imaging.problems import SeriesProblem
from app.readers.base import ReadError
from app.readers.reasons import ReadReason

TRANSFER_SYNTAX_NAMES = {
    "1.2.840.10008.1.2": "Implicit VR Little Endian",
    "1.2.840.10008.1.2.1": "Explicit VR Little Endian",
    "1.2.840.10008.1.2.1.99": "Deflated Explicit VR Little Endian",
    "1.2.840.10008.1.2.2": "Explicit VR Big Endian",
    "1.2.840.10008.1.2.4.50": "JPEG Baseline",
    "1.2.840.10008.1.2.4.51": "JPEG Extended",
    "1.2.840.10008.1.2.4.57": "JPEG Lossless",
    "1.2.840.10008.1.2.4.70": "JPEG Lossless SV1",
    "1.2.840.10008.1.2.4.80": "JPEG-LS Lossless",
    "1.2.840.10008.1.2.4.81": "JPEG-LS Near-lossless",
    "1.2.840.10008.1.2.4.90": "JPEG 2000 Lossless",
    "1.2.840.10008.1.2.4.91": "JPEG 2000",
    "1.2.840.10008.1.2.5": "RLE Lossless",
}


@dataclass
class SeriesInfo:
    uid: str
    modality: str
    description: str
    study_uid: str
    frames: list[FrameRef]  # in slice order
    rows: int
    columns: int
    samples: int
    photometric: str
    pixel_spacing: tuple[float, float] | None  # (between rows, between columns) mm
    slice_spacing: float | None  # mm, from positions
    orientation: tuple[float, ...] | None  # row cosines + column cosines
    origin: tuple[float, float, float] | None  # position of the first frame
    transfer_syntaxes: list[str]
    windows: list[tuple[float, float]]  # (centre, width) from the header
    problems: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    gantry_tilt: float = 0.0  # degrees

    @property
    def files(self) -> list[Path]:
        seen: dict[Path, None] = {}
        for f in self.frames:
            seen.setdefault(f.path, None)
        return list(seen)

    @property
    def slices(self) -> int:
        return len(self.frames)

    @property
    def normal(self) -> np.ndarray:
        if self.orientation is None:
            return np.array([0.0, 0.0, 1.0])
        n = np.cross(self.orientation[:3], self.orientation[3:])
        norm = np.linalg.norm(n)
        return n / norm if norm > 0 else np.array([0.0, 0.0, 1.0])

    @property
    def rgb(self) -> bool:
        return self.samples == 3 or self.photometric == "PALETTE COLOR"

    def as_dict(self) -> dict:
        return {
            "series_uid": self.uid,
            "study_uid": self.study_uid,
            "modality": self.modality,
            "description": self.description,
            "slices": self.slices,
            "files": len(self.files),
            "rows": self.rows,
            "columns": self.columns,
            "pixel_spacing_mm": list(self.pixel_spacing) if self.pixel_spacing else None,
            "slice_spacing_mm": round(self.slice_spacing, 4) if self.slice_spacing else None,
            "orientation": [round(v, 5) for v in self.orientation] if self.orientation else None,
            "origin": [round(v, 3) for v in self.origin] if self.origin else None,
            "gantry_tilt_deg": round(self.gantry_tilt, 2),
            "transfer_syntaxes": [
                {"uid": t, "name": TRANSFER_SYNTAX_NAMES.get(t, "other")}
                for t in self.transfer_syntaxes
            ],
            "photometric": self.photometric,
            "windows": [list(w) for w in self.windows],
            "voi_lut": bool(self.frames) and self.frames[0].head.voi_lut,
            "modality_lut": bool(self.frames) and self.frames[0].head.modality_lut,
            "problems": list(self.problems),
            "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
        }


@dataclass
class Grouping:
    series: list[SeriesInfo]
    failed: list[tuple[str, str]]  # (file, reason): unreadable or not an image


def read_heads(paths: list[Path], state=None) -> tuple[list[FrameRef], list[tuple[str, str]]]:
    frames, failed = [], []
    for n, p in enumerate(paths):
        try:
            frames.extend(read_head(Path(p))[1])
        except ReadError as err:
            failed.append((Path(p).name, str(err)))
        except OSError as err:
            failed.append((Path(p).name, f"cannot read: {err}"))
        if state is not None and n % 16 == 0:
            state.check()
            state.progress(0.9 * n / max(len(paths), 1), "headers")
    return frames, failed


def group_series(paths: list[Path], state=None) -> Grouping:
    """Many files -> one ``SeriesInfo`` per SeriesInstanceUID (files without one: per file)."""
    frames, failed = read_heads(paths, state)
    by_uid: dict[str, list[FrameRef]] = defaultdict(list)
    for f in frames:
        by_uid[f.head.series_uid or f"file:{f.path}"].append(f)
    series = [from_frames(group) for group in by_uid.values()]
    series.sort(key=lambda s: (s.modality, s.description, s.uid))
    return Grouping(series, failed)


# objects with pixel data drawn over a series' images, not slices of it: a SEG in the
# images' series (a pulled case keeps one server series) has frames at the slices'
# positions and would replace those slices as "duplicates"
OVERLAY_CLASSES = {
    "1.2.840.10008.5.1.4.1.1.66.4",  # Segmentation Storage
    "1.2.840.10008.5.1.4.1.1.66.7",  # Label Map Segmentation Storage
}


def series_info(files: list[Path], state=None) -> SeriesInfo:
    """The files of one series (as the importer grouped them) -> ``SeriesInfo``.

    Unreadable files are listed in ``skipped``; ReadError only when no frame can be shown.
    """
    frames, failed = read_heads(files, state)
    overlays = [f for f in frames if f.head.sop_class in OVERLAY_CLASSES]
    if overlays and len(overlays) < len(frames):  # a SEG shown alone stays an image
        frames = [f for f in frames if f.head.sop_class not in OVERLAY_CLASSES]
        for name in dict.fromkeys(f.path.name for f in overlays):
            failed.append((name, SeriesProblem("overlay_object")))
    if not frames:
        reasons = "; ".join(f"{f}: {r}" for f, r in failed[:3])
        raise ReadError(
            f"this series holds no image that can be shown ({reasons})",
            "corrupt",
            ReadReason("series_no_image"),
        )
    info = from_frames(frames)
    for name, reason in failed:
        info.skipped.append((name, reason))
    objects = sum(1 for _n, r in failed if r.startswith(NO_IMAGE))
    if len(failed) > objects:
        info.problems.insert(0, SeriesProblem("files_unreadable", count=len(failed) - objects))
    if objects:  # structured reports, presentation states, key objects of the series
        info.problems.append(SeriesProblem("non_image_objects", count=objects))
    return info


def _stack_key(f: FrameRef) -> tuple:
    o = f.orientation
    orient = tuple(round(v, 2) for v in o) if o is not None else None
    return (f.head.rows, f.head.columns, f.head.samples, orient)


def from_frames(frames: list[FrameRef]) -> SeriesInfo:
    """Choose the main stack, sort it, measure its spacing and list what is wrong."""
    problems: list[str] = []
    skipped: list[tuple[str, str]] = []
    stacks = Counter(_stack_key(f) for f in frames)
    main_key = stacks.most_common(1)[0][0]
    separate = False
    if len(stacks) > 1:
        sizes = {(k[0], k[1], k[2]) for k in stacks}
        if len(sizes) == 1 and stacks[main_key] < 3:
            # localisers / projections: single images in several orientations, all shown
            separate = True
            problems.append(SeriesProblem("orientations_2d", stacks=len(stacks)))
        else:
            others = [f for f in frames if _stack_key(f) != main_key]
            problems.append(
                SeriesProblem(
                    "mixed_sizes" if len(sizes) > 1 else "several_orientations",
                    stacks=len(stacks),
                    kept=stacks[main_key],
                    columns=main_key[1],
                    rows=main_key[0],
                    others=len(others),
                )
            )
            for f in others:
                skipped.append((_label(f), SeriesProblem("another_stack")))
            frames = [f for f in frames if _stack_key(f) == main_key]
    first = frames[0].head
    orientation = None if separate else frames[0].orientation
    ordered, spacing, tilt = _order(frames, orientation, problems, skipped)
    windows = []
    for f in ordered:
        for w in f.head.windows:
            if w not in windows:
                windows.append(w)
        if len(windows) >= 4 or f.head is not first:
            break
    spacing_xy = first.pixel_spacing
    if spacing_xy is None and first.modality in ("CT", "MR", "PT", "NM"):
        problems.append(SeriesProblem("no_pixel_spacing"))
    return SeriesInfo(
        uid=first.series_uid,
        modality=first.modality,
        description=first.description,
        study_uid=first.study_uid,
        frames=ordered,
        rows=first.rows,
        columns=first.columns,
        samples=first.samples,
        photometric=first.photometric,
        pixel_spacing=spacing_xy,
        slice_spacing=spacing,
        orientation=orientation,
        origin=None if separate else ordered[0].position,
        transfer_syntaxes=sorted({f.head.transfer_syntax for f in ordered}),
        windows=windows,
        problems=problems,
        skipped=skipped,
        gantry_tilt=tilt,
    )


def _label(f: FrameRef) -> str:
    return f.path.name if f.index is None else f"{f.path.name} frame {f.index + 1}"


def _order(frames, orientation, problems, skipped) -> tuple[list[FrameRef], float | None, float]:
    """Sort along the normal; drop duplicates; spacing from positions; gaps and tilt."""
    have_pos = orientation is not None and all(f.position is not None for f in frames)
    if not have_pos:
        frames = sorted(
            frames, key=lambda f: (f.head.instance, f.index or 0, f.head.acquisition, f.path.name)
        )
        if orientation is not None and len(frames) > 1 and any(f.position for f in frames):
            problems.append(SeriesProblem("no_position"))
        return frames, None, 0.0
    o = np.asarray(orientation, float)
    normal = np.cross(o[:3], o[3:])
    normal /= max(np.linalg.norm(normal), 1e-9)
    along = np.array([float(np.dot(normal, f.position)) for f in frames])
    order = sorted(
        range(len(frames)), key=lambda i: (along[i], frames[i].head.instance, frames[i].index or 0)
    )
    frames, along = [frames[i] for i in order], along[order]
    keep = [0]
    for i in range(1, len(frames)):
        if abs(along[i] - along[keep[-1]]) < 1e-3:
            skipped.append((_label(frames[i]), SeriesProblem("duplicate_position")))
        else:
            keep.append(i)
    if len(keep) < len(frames):
        dup = len(frames) - len(keep)
        problems.append(SeriesProblem("duplicate_slices", count=dup))
    frames, along = [frames[i] for i in keep], along[keep]
    if len(frames) < 2:
        return frames, None, 0.0
    gaps = np.diff(along)
    spacing = float(np.median(gaps))
    if spacing > 0 and gaps.max() > 1.5 * spacing:
        at = int(np.argmax(gaps))
        missing = int(round(float(gaps.sum()) / spacing)) + 1 - len(frames)
        problems.append(
            SeriesProblem(
                "missing_slices",
                gap=float(gaps.max()),
                after=at + 1,
                spacing=spacing,
                count=max(missing, 1),
            )
        )
    elif spacing > 0 and gaps.max() - gaps.min() > 0.1 * spacing:
        problems.append(
            SeriesProblem(
                "uneven_spacing", low=float(gaps.min()), high=float(gaps.max()), spacing=spacing
            )
        )
    step = np.asarray(frames[-1].position, float) - np.asarray(frames[0].position, float)
    tilt = 0.0
    if np.linalg.norm(step) > 0:
        cos = abs(float(np.dot(step, normal))) / float(np.linalg.norm(step))
        tilt = float(np.degrees(np.arccos(min(cos, 1.0))))
    tilt = tilt if tilt > 0.5 else abs(frames[0].head.gantry_tilt)
    if tilt > 0.5:
        problems.append(SeriesProblem("gantry_tilt", degrees=tilt))
    return frames, spacing, tilt
