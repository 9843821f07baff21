"""GE MUSE pacer spikes: MUSE removes spikes from the samples and lists them in
``Waveform/PaceSpikes/IndexOffsets``.  ``muse/muse_ecg1_pacespikes.xml`` is the real
MUSE export ``muse_ecg1.xml`` (statements: "V-paced") with that list added by
``muse/rebuild_pacespikes.py`` (REBUILT, element order from restecg.dtd)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "ecg" / "muse"
REBUILT = DATA / "muse_ecg1_pacespikes.xml"
INDEXES = [369, 870, 1370, 1870, 2371, 2871, 3372, 3872, 4373, 4873]


def test_the_reader_gives_the_listed_spikes_in_seconds():
    from app.ecg.readers import read_ecg

    sig = read_ecg(REBUILT)
    assert sig.device_pacer_spikes_s == [i / 500 for i in INDEXES]
    assert read_ecg(DATA / "muse_ecg1.xml").device_pacer_spikes_s == []


def test_positions_outside_the_record_or_not_numbers_are_dropped_with_a_warning(tmp_path):
    from app.ecg.readers import read_ecg

    text = REBUILT.read_text(encoding="latin-1")
    bad = text.replace("369 870 1370", "369,870;x1 -4 99999999 1370")
    path = tmp_path / "spikes.xml"
    path.write_text(bad, encoding="latin-1")
    sig = read_ecg(path)
    assert sig.device_pacer_spikes_s == [i / 500 for i in INDEXES]
    assert any("3 pacer spike positions" in w for w in sig.warnings)


@pytest.mark.parametrize("name, paced", [("muse_ecg1.xml", False), (REBUILT.name, True)])
def test_the_listed_spikes_decide_the_paced_rhythm(name, paced):
    from app.ecg.readers import read_ecg
    from inference.ecg import analyze

    res = analyze(read_ecg(DATA / name))
    codes = [f.code for f in res.findings]
    # spikes before each QRS, but the QRS is narrow (78 ms by the device): fusion,
    # pseudofusion or no capture, not "ventricular pacing" (tests/ecg/test_ecg_paced_narrow.py)
    assert ("PACED_NARROW" in codes) is paced and "PACED" not in codes
    if paced:
        assert res.pacer_spikes == [i / 500 for i in INDEXES]
        text = " ".join(next(f for f in res.findings if f.code == "PACED_NARROW").reasons)
        assert "10 of 10 beats follow a spike" in text
    else:
        assert res.pacer_spikes == []


def test_the_viewer_draws_the_listed_spikes(qtbot, jobs):
    pytest.importorskip("pyqtgraph")
    from app.domain import Modality
    from viewers.ecg.overlays import SPIKE_COLOUR
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    ctx = ViewerContext(None, 1, Modality.ECG, [(None, REBUILT)], jobs, extra={"px_per_mm": 4})
    v = EcgViewer(ctx)
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60_000)
    assert v.measurements.value("Pacer spikes") == "10"

    def ticks(items):
        return [
            it
            for it in items
            if hasattr(it, "opts") and it.opts["pen"].color().name() == SPIKE_COLOUR
        ]

    # 3x4 + II strip: each spike in its column's three leads and in the rhythm strip,
    # drawn once, with the trace (the device's marks), not again as an AI overlay
    assert len(ticks(v._device_items)) == 4 * len(INDEXES)
    qtbot.waitUntil(lambda: bool(v._overlay_items), timeout=60_000)
    assert ticks(v._overlay_items) == []
    v.ai_box.setChecked(False)  # the device's spikes stay when the AI overlays are hidden
    assert v._overlay_items == [] and len(ticks(v._device_items)) == 4 * len(INDEXES)
    assert "10 pacer spikes listed by the device" in v.status.text()
