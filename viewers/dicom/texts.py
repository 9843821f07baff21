"""Translated texts of the 2D viewer: tools, presets, measurement labels, overlay corners."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate
CTX = "ImageViewer"


def tool_names() -> dict[str, str]:
    return {
        "pan": translate("ImageViewer", "Pan"),
        "length": translate("ImageViewer", "Length"),
        "angle": translate("ImageViewer", "Angle"),
        "ellipse": translate("ImageViewer", "Ellipse ROI"),
        "polygon": translate("ImageViewer", "Polygon ROI"),
        "probe": translate("ImageViewer", "Probe"),
        "arrow": translate("ImageViewer", "Arrow"),
        "text": translate("ImageViewer", "Text"),
    }


def preset_name(preset) -> str:
    names = {
        "lung": translate("ImageViewer", "Lung"),
        "mediastinum": translate("ImageViewer", "Mediastinum"),
        "abdomen": translate("ImageViewer", "Abdomen"),
        "bone": translate("ImageViewer", "Bone"),
        "brain": translate("ImageViewer", "Brain"),
    }
    if preset.key in names:
        return names[preset.key]
    if preset.name:
        return translate("ImageViewer", "File: %1").replace("%1", preset.name)
    return translate("ImageViewer", "File window %1").replace("%1", preset.key.rpartition("-")[2])


def _unit(m, mm: str, px: str) -> str:
    return mm if m.values.get("mm") else px


def label(m, modality: str = "") -> str:
    """The text shown beside a measurement."""
    v = m.values
    hu = "HU" if modality == "CT" else ""
    if m.kind == "length" and "length" in v:
        unit = _unit(m, translate("ImageViewer", "mm"), translate("ImageViewer", "px"))
        return f"{v['length']:.1f} {unit}"
    if m.kind == "angle" and "angle" in v:
        return f"{v['angle']:.1f}°"
    if m.kind in ("ellipse", "polygon") and "mean" in v:
        area = _unit(m, translate("ImageViewer", "mm²"), translate("ImageViewer", "px²"))
        return "\n".join(
            [
                translate("ImageViewer", "Mean %1 SD %2")
                .replace("%1", f"{v['mean']:.1f}")
                .replace("%2", f"{v['sd']:.1f}")
                + (f" {hu}" if hu else ""),
                translate("ImageViewer", "Min %1 Max %2")
                .replace("%1", f"{v['min']:.0f}")
                .replace("%2", f"{v['max']:.0f}"),
                translate("ImageViewer", "Area %1").replace("%1", f"{v['area']:.1f}") + f" {area}",
            ]
        )
    if m.kind == "probe" and "value" in v:
        return f"{v['value']:.0f}" + (f" {hu}" if hu else "")
    if m.kind in ("text", "arrow"):
        return m.text
    return ""


def corners(pane, count: int) -> dict[str, list[str]]:
    """Overlay corner text for a pane (patient, study, slice and position, W/L, zoom)."""
    h, img = pane.header, pane.image
    if img is None:
        return {}
    tl = [s for s in (h.patient, h.patient_id, h.sex_age) if s]
    tr_ = [s for s in (h.institution, h.study, h.study_date, h.series) if s]
    bl = []
    if count > 1:
        bl.append(
            translate("ImageViewer", "Image %1 of %2")
            .replace("%1", str(pane.index + 1))
            .replace("%2", str(count))
        )
    if h.position is not None and h.orientation is not None:
        import numpy as np

        normal = np.cross(h.orientation[:3], h.orientation[3:])
        bl.append(
            translate("ImageViewer", "Position %1 mm").replace(
                "%1", f"{float(np.dot(normal, h.position)):.1f}"
            )
        )
    if h.thickness:
        bl.append(translate("ImageViewer", "Thickness %1 mm").replace("%1", f"{h.thickness:g}"))
    br = []
    if not img.rgb:
        br.append(
            translate("ImageViewer", "W %1  L %2")
            .replace("%1", f"{pane.width_:.0f}")
            .replace("%2", f"{pane.centre:.0f}")
            + ("  " + translate("ImageViewer", "inverted") if pane.invert else "")
        )
    br.append(translate("ImageViewer", "Zoom %1%").replace("%1", f"{pane.view.zoom * 100:.0f}"))
    cols, rows = img.info.get("columns"), img.info.get("rows")
    br.append(f"{cols}×{rows}" + (f"  {h.modality}" if h.modality else ""))
    return {"top-left": tl, "top-right": tr_, "bottom-left": bl, "bottom-right": br}


def status_line(viewer, extra: str = "") -> str:
    """The status bar of the 2D viewer for its active pane."""
    pane, img = viewer.pane, viewer.pane.image
    parts = [f"{img.info.get('columns')}×{img.info.get('rows')}"]
    if len(pane) > 1:
        parts.append(
            translate("ImageViewer", "Image %1 of %2")
            .replace("%1", str(pane.index + 1))
            .replace("%2", str(len(pane)))
        )
    if img.rgb:
        if pane.header.modality in ("", "OP", "XC"):
            parts.append(
                {
                    "R": translate("ImageViewer", "Right eye (OD)"),
                    "L": translate("ImageViewer", "Left eye (OS)"),
                }.get(img.laterality, translate("ImageViewer", "Laterality unknown"))
            )
        else:
            parts.append(translate("ImageViewer", "Colour image"))
    else:
        parts.append(
            translate("ImageViewer", "W %1  L %2")
            .replace("%1", f"{pane.width_:.0f}")
            .replace("%2", f"{pane.centre:.0f}")
        )
        if pane.invert:
            parts.append(translate("ImageViewer", "inverted"))
    if pane.header.sop_uid and pane.header.sop_uid in viewer.key_images:
        parts.append(translate("ImageViewer", "Key image"))
    if extra:
        parts.append(extra)
    return "   ".join(parts)
