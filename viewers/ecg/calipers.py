"""Time and amplitude calipers on the ECG paper (pyqtgraph items).

Positions are paper millimetres; readings follow the current speed and gain:
time caliper -> interval in ms and the rate it implies (60000 / ms, bpm);
amplitude caliper -> height in mV.  Drag on the paper to place one (the view
box forwards the drag), then drag either line to adjust it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

MODES = ("off", "time", "amplitude")
COLOUR = "#1a73e8"


@dataclass
class Reading:
    kind: str  # "time" or "amplitude"
    ms: float | None = None
    bpm: float | None = None
    mv: float | None = None


def reading_for(kind: str, a_mm: float, b_mm: float, speed: float, gain: float) -> Reading:
    """What a caliper between two paper positions (x for time, y for amplitude) reads."""
    d = abs(b_mm - a_mm)
    if kind == "time":
        ms = d / speed * 1000.0
        return Reading("time", ms=ms, bpm=60000.0 / ms if ms > 0 else None)
    return Reading("amplitude", mv=d / gain)


class Calipers(QObject):
    """Owns the caliper lines on one plot; ``changed`` carries the new ``Reading``."""

    changed = Signal(object)

    def __init__(self, plot, speed_fn, gain_fn, parent=None) -> None:
        super().__init__(parent)
        self.plot, self._speed, self._gain = plot, speed_fn, gain_fn
        self.mode = "off"
        self.kind = ""
        self.lines: list = []
        self.label = None

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(mode)
        self.mode = mode

    def clear(self) -> None:
        for item in [*self.lines, self.label]:
            if item is not None and item.scene() is not None:
                self.plot.removeItem(item)
        self.lines, self.label, self.kind = [], None, ""
        self.changed.emit(None)

    def set_points(self, kind: str, p0: tuple[float, float], p1: tuple[float, float]) -> Reading:
        """Place a caliper from ``p0`` to ``p1`` (paper mm)."""
        import pyqtgraph as pg

        if kind != self.kind or len(self.lines) != 2:
            self.clear()
            angle = 90 if kind == "time" else 0
            pen = pg.mkPen(COLOUR, width=1.5, cosmetic=True)
            self.lines = [
                pg.InfiniteLine(angle=angle, movable=True, pen=pen, hoverPen=pen) for _ in range(2)
            ]
            self.label = pg.TextItem("", color=COLOUR, anchor=(0, 1), fill=(255, 255, 255, 200))
            for item in [*self.lines, self.label]:
                self.plot.addItem(item, ignoreBounds=True)
            for line in self.lines:
                line.sigPositionChanged.connect(self._update)
            self.kind = kind
        i = 0 if kind == "time" else 1
        for line, p in zip(self.lines, (p0, p1), strict=True):
            line.blockSignals(True)
            line.setValue(p[i])
            line.blockSignals(False)
        self.label.setPos(max(p0[0], p1[0]) + 1.0, max(p0[1], p1[1]) + 1.0)
        return self._update()

    def drag(self, start: tuple[float, float], now: tuple[float, float]) -> None:
        if self.mode != "off":
            self.set_points(self.mode, start, now)

    def reading(self) -> Reading | None:
        if len(self.lines) != 2:
            return None
        a, b = (float(line.value()) for line in self.lines)
        return reading_for(self.kind, a, b, self._speed(), self._gain())

    def _update(self, *_a) -> Reading | None:
        r = self.reading()
        if r is not None and self.label is not None:
            self.label.setText(format_reading(r))
        self.changed.emit(r)
        return r


def format_reading(r: Reading | None) -> str:
    from PySide6.QtCore import QCoreApplication

    if r is None:
        return ""
    translate = QCoreApplication.translate
    if r.kind == "time":
        text = translate("EcgCalipers", "%1 ms · %2 bpm").replace("%1", f"{r.ms:.0f}")
        return text.replace("%2", f"{r.bpm:.0f}" if r.bpm else "—")
    return translate("EcgCalipers", "%1 mV").replace("%1", f"{r.mv:.2f}")
