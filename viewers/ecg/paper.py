"""ECG paper geometry (no Qt): where each lead is drawn, in millimetres.

x grows to the right (time x speed), y grows upwards (mV x gain); row 0 is at
the top.  A left margin holds the 1 mV calibration pulse of each row.
"""

from __future__ import annotations

from dataclasses import dataclass

LAYOUTS = ("3x4+II", "6x2", "12x1")
ORDERS = ("standard", "cabrera")
SPEEDS = (25.0, 50.0)  # mm/s
GAINS = (5.0, 10.0, 20.0)  # mm/mV
MARGIN_MM = 10.0
CAL_S = 0.2  # calibration pulse width

_LIMB = {
    "standard": ("I", "II", "III", "aVR", "aVL", "aVF"),
    "cabrera": ("aVL", "I", "-aVR", "II", "aVF", "III"),
}
_CHEST = ("V1", "V2", "V3", "V4", "V5", "V6")


@dataclass
class Cell:
    lead: str  # "-aVR" means aVR inverted (Cabrera)
    row: int
    col: int
    t0: float  # seconds of the record shown
    t1: float
    x_mm: float  # left edge of the trace
    y_mm: float  # baseline (0 mV) height


@dataclass
class Paper:
    cells: list[Cell]
    width_mm: float
    height_mm: float
    row_mm: float
    rows: int

    def x_of(self, cell: Cell, t: float, speed: float) -> float:
        return cell.x_mm + (t - cell.t0) * speed


def _grid(layout: str, order: str, leads: list[str]) -> tuple[list[list[str]], bool]:
    """Columns of lead names and whether a lead II rhythm strip is added."""
    limb, chest = list(_LIMB[order]), list(_CHEST)
    have = set(leads)

    def ok(name: str) -> bool:
        return name.lstrip("-") in have

    if not all(ok(n) for n in limb + chest):  # not a 12-lead: one row per lead
        return [list(leads)], False
    if layout == "3x4+II":
        cols = [limb[:3], limb[3:], chest[:3], chest[3:]]
        return cols, True
    if layout == "6x2":
        return [limb, chest], False
    return [limb + chest], False


def layout(
    layout_name: str,
    order: str,
    leads: list[str],
    duration_s: float,
    speed: float,
    gain: float,
    start_s: float = 0.0,
) -> Paper:
    """The page of ``duration_s`` seconds of the record from ``start_s`` (record seconds:
    a cell's ``t0``/``t1`` are the record's times it shows)."""
    if layout_name not in LAYOUTS or order not in ORDERS:
        raise ValueError(f"unknown layout {layout_name!r} or order {order!r}")
    cols, rhythm = _grid(layout_name, order, leads)
    n_cols = len(cols)
    col_s = duration_s / n_cols
    rows = max(len(c) for c in cols) + (1 if rhythm else 0)
    row_mm = max(20.0, 3.0 * gain)
    cells = []
    for ci, names in enumerate(cols):
        for ri, name in enumerate(names):
            cells.append(
                Cell(
                    name,
                    ri,
                    ci,
                    start_s + ci * col_s,
                    start_s + (ci + 1) * col_s,
                    MARGIN_MM + ci * col_s * speed,
                    -(ri + 0.5) * row_mm,
                )
            )
    if rhythm:
        r = rows - 1
        cells.append(
            Cell("II", r, 0, start_s, start_s + duration_s, MARGIN_MM, -(r + 0.5) * row_mm)
        )
    width = MARGIN_MM + duration_s * speed + 5.0
    return Paper(cells, width, rows * row_mm, row_mm, rows)


def calibration_pulse(y_mm: float, speed: float, gain: float) -> tuple[list[float], list[float]]:
    """Polyline of a 1 mV, 200 ms pulse in the left margin."""
    w = CAL_S * speed
    x0 = max(1.0, MARGIN_MM - w - 2.0)
    xs = [x0 - 1.5, x0, x0, x0 + w, x0 + w, x0 + w + 1.5]
    ys = [y_mm, y_mm, y_mm + gain, y_mm + gain, y_mm, y_mm]
    return xs, ys


def grid_lines(width_mm: float, height_mm: float, step: float) -> tuple[list[float], list[float]]:
    """Line segments (pairs of points) of a square grid covering the paper."""
    xs, ys = [], []
    n_x = int(width_mm // step) + 1
    n_y = int(height_mm // step) + 1
    for i in range(n_x):
        x = i * step
        xs += [x, x]
        ys += [0.0, -height_mm]
    for j in range(n_y):
        y = -j * step
        xs += [0.0, width_mm]
        ys += [y, y]
    return xs, ys


def single(lead: str, duration_s: float, speed: float, gain: float) -> Paper:
    """One lead enlarged over the whole record (click a lead; Esc goes back)."""
    row_mm = max(40.0, 6.0 * gain)
    cell = Cell(lead, 0, 0, 0.0, duration_s, MARGIN_MM, -0.5 * row_mm)
    return Paper([cell], MARGIN_MM + duration_s * speed + 5.0, row_mm, row_mm, 1)


def cell_at(p: Paper, x_mm: float, y_mm: float, speed: float) -> Cell | None:
    """The lead cell under a paper point, or None."""
    for c in p.cells:
        x1 = p.x_of(c, c.t1, speed)
        if c.x_mm <= x_mm <= x1 and abs(y_mm - c.y_mm) <= p.row_mm / 2:
            return c
    return None
