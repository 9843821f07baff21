"""Python's cyclic garbage collector runs on the UI thread only, between events.

Left automatic, the collector runs wherever an allocation trips it, including inside
Qt's own code: seen in the slide tests, a slot that disconnected a signal let PySide run
Python inside ``QObject::disconnect``; the collector then destroyed an unparented QObject
whose destructor took the signal-slot mutex that very thread held, and the workstation
froze.  The usual PySide remedy (pyqtgraph's GarbageCollector does the same): turn the
automatic collector off and collect from a UI-thread timer, generation by generation
as the counts pass the usual thresholds, so no collection ever starts inside Qt.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                return


def install(app) -> UiThreadCollector:
    """Once per application (the collector lives as the application's child)."""
    found = app.findChild(UiThreadCollector)
    return found if found is not None else UiThreadCollector(app)
