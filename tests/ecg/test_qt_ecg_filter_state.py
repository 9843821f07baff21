"""The filter state under the ECG toolbar describes the trace on screen, whatever
order the display-filter jobs finish in (real record, offscreen)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pyqtgraph")

from viewers.registry import ViewerContext  # noqa: E402


class HeldJobs:
    """A job runner that holds every job until the test finishes it, on this thread:
    results then arrive in the order a busy worker pool may deliver them."""

    def __init__(self) -> None:
        self.held: list[tuple] = []

    def submit(self, fn, *args, name="", on_done=None, on_error=None, **_kw):
        self.held.append((name, fn, args, on_done, on_error))

    def finish(self, name: str, last: bool = False) -> None:
        """Run the oldest (``last``: the newest) held job called ``name``."""
        found = [i for i, job in enumerate(self.held) if job[0] == name]
        assert found, f"no {name!r} job was submitted"
        _, fn, args, on_done, on_error = self.held.pop(found[-1] if last else found[0])
        try:
            result = fn(*args)
        except Exception as err:
            if on_error is not None:
                on_error(err)
            return
        if on_done is not None:
            on_done(result)


def _viewer(qtbot, jobs, path):
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer

    v = EcgViewer(ViewerContext(None, 1, Modality.ECG, [(None, path)], jobs, extra={}))
    qtbot.addWidget(v)
    v.resize(1200, 800)
    return v


def test_an_earlier_filter_finishing_late_is_not_shown(qtbot, real_dcm):
    jobs = HeldJobs()
    v = _viewer(qtbot, jobs, real_dcm)
    jobs.finish("read ECG")
    v.lowpass_box.setCurrentIndex(1)  # 40 Hz ...
    assert "display: unfiltered" in v.filter_label.text()  # not yet on screen
    v.lowpass_box.setCurrentIndex(0)  # ... and off again before it was shown
    jobs.finish("ECG filters", last=True)  # "off" is done first
    jobs.finish("ECG filters")  # the 40 Hz job finishes late: dropped
    np.testing.assert_allclose(v.signal.lead("II"), v.raw_signal.lead("II"), atol=1e-6)
    assert "display: unfiltered" in v.filter_label.text()
    assert v.filter_state().diagnostic


def test_filters_chosen_while_the_record_loads_are_applied(qtbot, real_dcm):
    jobs = HeldJobs()
    v = _viewer(qtbot, jobs, real_dcm)
    v.lowpass_box.setCurrentIndex(1)  # 40 Hz, chosen while "Loading ECG…"
    jobs.finish("read ECG")
    # the recording as stored is on screen, and the filter state says so
    assert "display: unfiltered" in v.filter_label.text()
    with qtbot.waitSignal(v.filtered, timeout=60000):
        jobs.finish("ECG filters")
    assert not np.allclose(v.signal.lead("II"), v.raw_signal.lead("II"))
    text = v.filter_label.text()
    assert "low-pass 40 Hz" in text and "non-diagnostic" in text
    assert not v.filter_state().diagnostic
