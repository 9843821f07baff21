"""A series as one preallocated volume, filled on worker threads (Qt-free).

``Volume.create(info)`` allocates the (z, y, x) array (modality values: HU for
CT; RGB kept as (z, y, x, 3) uint8) from the headers alone; ``load(state)``
decodes the middle slice first, then the rest interleaved (every 16th slice,
then every 8th, ...) on worker threads so MPR is never blank, with progress,
cancel and a ``slice_loaded`` event per slice.  A series larger than the
memory budget is loaded with every k-th slice (the spacing says so) and
``skipped`` tells the caller what was left out.  A slice that cannot be
decoded is recorded in ``failed`` (file and reason) and shown as the lowest
value; the rest loads.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from app.events import EventEmitter
from app.imaging.decode import modality_frame, modality_into, value_range
from app.imaging.headers import FrameRef
from app.imaging.problems import SeriesProblem
from app.imaging.series import SeriesInfo
from app.jobs import Cancelled
from app.readers.base import ReadError
from app.readers.dicom_io import _DAMAGED


def interleaved(n: int, first: int | None = None) -> list[int]:
    """Slice order: ``first`` (the middle), then every 16th, 8th, 4th, 2nd, the rest."""
    first = n // 2 if first is None else first
    seen, out = {first}, [first] if n else []
    for step in (16, 8, 4, 2, 1):
        for i in range(0, n, step):
            if i not in seen:
                seen.add(i)
                out.append(i)
    return out


def _dtype(info: SeriesInfo, frames: list[FrameRef]) -> np.dtype:
    if info.rgb:
        return np.dtype(np.uint8)
    lo, hi = np.inf, -np.inf
    integral = not any(f.head.modality_lut for f in frames)  # LUT outputs: any range
    for f in frames:
        a, b = value_range(f.head, f.slope, f.intercept)
        lo, hi = min(lo, a), max(hi, b)
        integral &= float(f.slope).is_integer() and float(f.intercept).is_integer()
    if integral and lo >= -32768 and hi <= 32767:
        return np.dtype(np.int16)
    return np.dtype(np.float32)


@dataclass
class Volume:
    info: SeriesInfo
    frames: list[FrameRef]  # the frame behind each z index
    array: np.ndarray
    spacing: tuple[float, float, float]  # z, y, x in mm
    origin: np.ndarray  # patient position (mm) of voxel (0, 0, 0)
    direction: np.ndarray  # 3x3, columns: patient direction of x, y, z index
    loaded: np.ndarray  # bool per slice
    failed: dict[int, str] = field(default_factory=dict)  # slice -> "file: reason"
    skipped: list[str] = field(default_factory=list)  # what the budget left out
    fill: float = 0  # shown for a slice that cannot be decoded (the first slice's minimum)
    corrections: list[str] = field(default_factory=list)  # e.g. gantry tilt (app.imaging.tilt)
    slice_loaded: EventEmitter = field(default_factory=lambda: EventEmitter("slice_loaded"))
    finished: EventEmitter = field(default_factory=lambda: EventEmitter("finished"))

    # ---- construction ---------------------------------------------------------------
    @classmethod
    def create(cls, info: SeriesInfo, budget: int | None = None) -> Volume:
        """Preallocate from the headers; every k-th slice when the budget is too small."""
        from app.imaging.budget import memory_budget

        budget = memory_budget() if budget is None else budget
        frames = list(info.frames)
        dtype = _dtype(info, frames)
        per_slice = info.rows * info.columns * (3 if info.rgb else 1) * dtype.itemsize
        skipped = []
        step = 1
        if per_slice * len(frames) > budget:
            step = int(np.ceil(per_slice * len(frames) / max(budget, per_slice)))
            kept = frames[::step]
            skipped.append(
                SeriesProblem(
                    "memory_budget",
                    mb=per_slice * len(frames) / 2**20,
                    budget=budget / 2**20,
                    step=step,
                    kept=len(kept),
                    total=len(frames),
                )
            )
            frames = kept
        shape = (len(frames), info.rows, info.columns) + ((3,) if info.rgb else ())
        sy, sx = info.pixel_spacing or (1.0, 1.0)
        sz = (info.slice_spacing or 1.0) * step
        if info.orientation is not None:
            o = np.asarray(info.orientation, float)
            direction = np.column_stack([o[:3], o[3:], info.normal])
        else:
            direction = np.eye(3)
        origin = np.asarray(info.origin if info.origin is not None else (0.0, 0.0, 0.0), float)
        return cls(
            info=info,
            frames=frames,
            array=np.zeros(shape, dtype),
            spacing=(float(sz), float(sy), float(sx)),
            origin=origin,
            direction=direction,
            loaded=np.zeros(len(frames), bool),
            skipped=skipped,
        )

    # ---- geometry ---------------------------------------------------------------------
    @property
    def shape(self) -> tuple[int, ...]:
        return self.array.shape

    @property
    def rgb(self) -> bool:
        return self.array.ndim == 4

    @property
    def invert(self) -> bool:
        return self.info.photometric == "MONOCHROME1"

    @property
    def voxel_bytes(self) -> int:
        return int(self.array.nbytes)

    def index_to_patient(self, zyx) -> np.ndarray:
        """(z, y, x) index (fractional allowed; shape (..., 3)) -> patient x, y, z in mm."""
        zyx = np.asarray(zyx, float)
        scaled = zyx[..., ::-1] * np.asarray(self.spacing[::-1])  # x, y, z in mm
        return self.origin + scaled @ self.direction.T

    def patient_to_index(self, xyz) -> np.ndarray:
        """Patient x, y, z (mm; shape (..., 3)) -> fractional (z, y, x) index."""
        local = (np.asarray(xyz, float) - self.origin) @ self.direction  # direction is orthonormal
        return (local / np.asarray(self.spacing[::-1]))[..., ::-1]

    @property
    def default_window(self) -> tuple[float, float]:
        """(centre, width): the header's first window when it fits the data, else the middle
        slice's 0.5-99.5 percentile range (some CR files carry a window of the whole
        detector range, which shows a flat grey picture)."""
        mid = self.array[len(self.array) // 2]
        if mid.ndim == 3 or not mid.size:
            return 128.0, 256.0
        lo, hi = np.percentile(mid[::4, ::4], [0.5, 99.5])
        data_width = float(max(hi - lo, 1.0))
        for centre, width in self.info.windows:
            if 0 < width <= 1.25 * data_width:
                return float(centre), float(width)
        return float((lo + hi) / 2), data_width

    # ---- loading ----------------------------------------------------------------------
    def load_slice(self, z: int) -> bool:
        """Decode slice ``z`` into the array; False (and ``failed``) when it cannot be."""
        frame = self.frames[z]
        try:
            modality_into(frame, self.array[z], self.rgb)
        except (ReadError, MemoryError, *_DAMAGED) as err:  # one bad slice never stops the rest
            name = frame.path.name
            reason = str(err) if isinstance(err, ReadError) else f"{type(err).__name__}: {err}"
            self.failed[z] = reason if reason.startswith(name) else f"{name}: {reason}"
            self.array[z] = self.fill
            return False
        finally:
            self.loaded[z] = True
        self.slice_loaded.emit(z)
        return True

    def load(self, state=None, order: str = "interleaved", workers: int | None = None) -> Volume:
        """Fill every slice: the middle one first, then the rest on ``workers`` threads."""
        n = len(self.frames)
        todo = interleaved(n) if order == "interleaved" else list(range(n))
        todo = [z for z in todo if not self.loaded[z]]
        if not todo:
            self.finished.emit(self)
            return self
        if self.load_slice(todo[0]) and not self.rgb:
            self.fill = self.array[todo[0]].min()
        rest = todo[1:]
        workers = workers or min(4, max(1, (_cpus() or 2)))
        done = [1]
        lock = threading.Lock()
        last = [time.monotonic()]
        stop = threading.Event()

        def work(z: int) -> None:
            if stop.is_set():
                return
            self.load_slice(z)
            with lock:
                done[0] += 1
                now = time.monotonic()
                if state is not None and (now - last[0] > 0.1 or done[0] == n):
                    last[0] = now
                    state.progress(done[0] / n, f"{done[0]} / {n}")

        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="volume") as pool:
            futures = [pool.submit(work, z) for z in rest]
            try:
                for f in futures:
                    while True:
                        if state is not None and state.cancelled:
                            raise Cancelled()
                        try:
                            f.result(timeout=0.1)
                            break
                        except TimeoutError:
                            continue
            except BaseException:
                stop.set()
                for f in futures:
                    f.cancel()
                raise
        if self.failed:
            self.skipped.append(SeriesProblem("slices_undecoded", count=len(self.failed)))
        self.finished.emit(self)
        return self


def _cpus() -> int | None:
    import os

    return os.cpu_count()


def load(info: SeriesInfo, state=None, order: str = "interleaved", budget: int | None = None):
    """``Volume.create(info).load(state)``."""
    return Volume.create(info, budget).load(state, order)


def preview(files: list) -> tuple[np.ndarray, bool]:
    """The middle file of ``files`` decoded at once, before any other header is read
    (what a viewer shows while ``series_info`` sorts the series: OHIF's lesson).
    Returns (modality values or RGB, rgb)."""
    _head, pixels, rgb = _preview(files)
    return pixels, rgb


def preview_image(files: list):
    """``preview(files)`` as a ``LoadedImage`` for a 2D pane: the header's window when it
    fits the pixels (else their 0.5-99.5 percentile range), spacing, MONOCHROME1.
    Returns (image, path of the file shown, frame index in it or None)."""
    from app.readers.images import LoadedImage

    head, pixels, rgb = _preview(files)
    info = {
        "rows": head.rows,
        "columns": head.columns,
        "photometric": head.photometric,
        "spacing": list(head.pixel_spacing or []),
        "frames": head.frames,
    }
    frame = head.frames // 2 if head.frames > 1 else None
    if rgb:
        return (
            LoadedImage(np.ascontiguousarray(pixels, np.uint8), True, (128, 256), info=info),
            head.path,
            frame,
        )
    window = _window(pixels, head.windows)
    mono1 = head.photometric == "MONOCHROME1"
    img = LoadedImage(pixels.astype(np.float32, copy=False), False, window, mono1, info=info)
    return img, head.path, frame


def _window(pixels: np.ndarray, windows) -> tuple[float, float]:
    lo, hi = np.percentile(pixels[::4, ::4], [0.5, 99.5])
    data_width = float(max(hi - lo, 1.0))
    for centre, width in windows:
        if 0 < width <= 1.25 * data_width:
            return float(centre), float(width)
    return float((lo + hi) / 2), data_width


def _preview(files: list):
    from pathlib import Path

    from app.imaging.headers import read_head

    path = Path(files[len(files) // 2])
    head, frames = read_head(path)
    rgb = head.samples == 3 or head.photometric == "PALETTE COLOR"
    try:
        return head, modality_frame(frames[len(frames) // 2], rgb), rgb
    except ReadError as err:
        raise ReadError(f"{path.name}: {err}", err.kind, err.reason) from err
