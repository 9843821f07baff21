"""Texts of the ECG viewer's toolbars and filter state (context "EcgViewer")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ecg.filters import LOWPASS_CHOICES, NOTCH_CHOICES, FilterSpec, assess
from viewers.ecg import paper

translate = QCoreApplication.translate


def retranslate_toolbar(v) -> None:
    names = (
        translate("EcgViewer", "Layout"),
        translate("EcgViewer", "Order"),
        translate("EcgViewer", "Speed"),
        translate("EcgViewer", "Gain"),
        translate("EcgViewer", "Calipers"),
        translate("EcgViewer", "Notch"),
        translate("EcgViewer", "Low-pass"),
    )
    for cap, text in zip(v._captions, names, strict=True):
        cap.setText(text)
    v.order_box.setItemText(0, translate("EcgViewer", "Standard"))
    v.order_box.setItemText(1, translate("EcgViewer", "Cabrera"))
    for i, s in enumerate(paper.SPEEDS):
        v.speed_box.setItemText(i, translate("EcgViewer", "%1 mm/s").replace("%1", f"{s:g}"))
    for i, g in enumerate(paper.GAINS):
        v.gain_box.setItemText(i, translate("EcgViewer", "%1 mm/mV").replace("%1", f"{g:g}"))
    v.ai_box.setText(translate("EcgViewer", "AI overlays"))
    v.rerun_btn.setText(translate("EcgViewer", "Run AI again"))
    v.rerun_btn.setToolTip(
        translate(
            "EcgViewer", "Shows the stored AI result; this runs the model on the record again"
        )
    )
    modes = {
        "off": translate("EcgViewer", "Off"),
        "time": translate("EcgViewer", "Time (ms, bpm)"),
        "amplitude": translate("EcgViewer", "Amplitude (mV)"),
    }
    for i in range(v.caliper_box.count()):
        v.caliper_box.setItemText(i, modes[v.caliper_box.itemData(i)])
    v.baseline_box.setText(translate("EcgViewer", "Baseline wander removal"))
    for box, values in ((v.notch_box, NOTCH_CHOICES), (v.lowpass_box, LOWPASS_CHOICES)):
        for i, hz in enumerate(values):
            box.setItemText(
                i,
                translate("EcgViewer", "Off")
                if not hz
                else translate("EcgViewer", "%1 Hz").replace("%1", f"{hz:g}"),
            )
    names = (
        translate("EcgViewer", "Measurements"),
        translate("EcgViewer", "Median beats"),
        translate("EcgViewer", "Report"),
        translate("EcgViewer", "Comparison"),
    )
    for i, text in enumerate(names):
        v.tabs.setTabText(i, text)


def filter_text(v, recorded: dict[str, float], spec: FilterSpec) -> tuple[str, bool]:
    """The filter state line (recording + display) and whether to warn."""
    if not recorded:
        text = translate("EcgViewer", "Filter: not stated in the file")
    else:
        text = translate("EcgViewer", "Filter: %1–%2 Hz").replace(
            "%1", f"{recorded.get('highpass', 0):g}"
        )
        text = text.replace("%2", f"{recorded['lowpass']:g}" if "lowpass" in recorded else "?")
        if "notch" in recorded:
            text += translate("EcgViewer", ", notch %1 Hz").replace("%1", f"{recorded['notch']:g}")
    shown = []
    if spec.baseline:
        shown.append(translate("EcgViewer", "baseline removal"))
    if spec.notch_hz:
        shown.append(translate("EcgViewer", "notch %1 Hz").replace("%1", f"{spec.notch_hz:g}"))
    if spec.lowpass_hz:
        shown.append(translate("EcgViewer", "low-pass %1 Hz").replace("%1", f"{spec.lowpass_hz:g}"))
    text += " · " + (
        translate("EcgViewer", "display: %1").replace("%1", ", ".join(shown))
        if shown
        else translate("EcgViewer", "display: unfiltered")
    )
    state = assess(spec, recorded)
    if "LOWPASS_DISPLAY" in state.codes:
        text += " — " + translate(
            "EcgViewer", "non-diagnostic: the low-pass distorts QRS and ST segments"
        )
    elif state.st_distorted:
        text += " " + translate("EcgViewer", "(non-diagnostic: ST segments may be distorted)")
    return text, not state.diagnostic
