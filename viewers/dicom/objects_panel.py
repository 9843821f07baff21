"""The list of SEG / SR / GSPS / KOS objects of the case, and what they draw on a pane.

SEG segments are coloured masks (opacity slider, each segment can be hidden),
SR TID 1500 measurements are listed with their values (clicking one shows
the image it was measured on) and drawn with their region, GSPS graphics and
text are drawn and its window applied unless "Keep my W/L" is ticked, KOS
key images are listed (click: first key image).  Objects are found on the
job runner among the case's files.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QSlider,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewers.dicom.objects import find_objects

SR_COLOUR = QColor(120, 255, 120)
PR_COLOUR = QColor(255, 120, 255)
ROLE = Qt.ItemDataRole.UserRole


def sop_index(source, state=None) -> dict[str, int]:
    """Worker: SOP Instance UID -> first displayed frame of ``source``."""
    from viewers.dicom.header import frame_header

    out: dict[str, int] = {}
    for i in range(len(source)):
        out.setdefault(frame_header(source, i).sop_uid, i)
    return out


def jump_to(viewer, uid: str) -> None:
    """Show the image with SOP Instance UID ``uid`` in the viewer's active pane."""
    pane = viewer.pane
    if pane.source is None:
        return
    index = getattr(pane, "sop_frames", {}).get(uid)
    if index is not None:
        viewer.show_frame(index)
        return

    def found(table) -> None:
        pane.sop_frames = table
        if uid in table and pane is viewer.pane:
            viewer.show_frame(table[uid])

    viewer.ctx.jobs.submit(sop_index, pane.source, name="image index", on_done=found)


class ObjectsPanel(QWidget):
    changed = Signal()  # redraw the panes
    jump = Signal(str)  # show the image with this SOP Instance UID

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.objects = []
        self.title = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.generation = 0  # bumped when the user changes what is shown: GSPS window re-applied
        self.tree.itemChanged.connect(self._user_changed)
        self.tree.itemClicked.connect(self._clicked)
        self.opacity = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(40)
        self.opacity.valueChanged.connect(lambda *_a: self.changed.emit())
        self.keep_wl = QCheckBox(self)
        self.keep_wl.toggled.connect(self._user_changed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.title)
        lay.addWidget(self.tree, 1)
        self.opacity_label = QLabel(self)
        lay.addWidget(self.opacity_label)
        lay.addWidget(self.opacity)
        lay.addWidget(self.keep_wl)
        self.retranslate()
        self.setVisible(False)

    def find(self, paths, on_done=None) -> None:
        """Add the objects found among ``paths`` (on a worker); ``on_done(count)`` after."""

        def done(found) -> None:
            known = {o.path for o in self.objects}
            self.set_objects(self.objects + [o for o in found if o.path not in known])
            if on_done is not None:
                on_done(len(found))

        self.ctx.jobs.submit(find_objects, list(paths), name="DICOM objects", on_done=done)

    def set_objects(self, objects) -> None:
        self.objects = list(objects)
        self.tree.blockSignals(True)
        self.tree.clear()
        for obj in self.objects:
            top = QTreeWidgetItem(self.tree, [f"{obj.kind}  {obj.description}".strip()])
            top.setData(0, ROLE, ("object", obj))
            top.setCheckState(0, Qt.CheckState.Checked)
            for seg in obj.segments:
                it = QTreeWidgetItem(top, [seg.label or str(seg.number)])
                it.setData(0, ROLE, ("segment", seg))
                it.setCheckState(0, Qt.CheckState.Checked)
                it.setForeground(0, QColor(*seg.colour))
            for m in obj.measurements:
                values = ", ".join(f"{n} {v:g} {u}".strip() for n, v, u in m.values)
                it = QTreeWidgetItem(top, [f"{m.name}: {values}" if values else m.name])
                it.setData(0, ROLE, ("uid", m.graphic.sop_uid if m.graphic else ""))
            for uid in obj.key_images:
                it = QTreeWidgetItem(top, [uid[-12:]])
                it.setData(0, ROLE, ("uid", uid))
            top.setExpanded(True)
        self.tree.blockSignals(False)
        self.setVisible(bool(self.objects))
        self.changed.emit()

    def _user_changed(self, *_a) -> None:
        self.generation += 1
        self.changed.emit()

    def _clicked(self, item, _col) -> None:
        kind, value = item.data(0, ROLE) or ("", None)
        if kind == "uid" and value:
            self.jump.emit(value)
        elif kind == "object" and value.key_images:
            self.jump.emit(value.key_images[0])

    def _enabled(self):
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.checkState(0) != Qt.CheckState.Checked:
                continue
            obj = top.data(0, ROLE)[1]
            hidden = {
                top.child(k).data(0, ROLE)[1].number
                for k in range(top.childCount())
                if top.child(k).data(0, ROLE)[0] == "segment"
                and top.child(k).checkState(0) != Qt.CheckState.Checked
            }
            yield obj, hidden

    def decorate(self, pane) -> None:
        """Set the pane's object overlays for the image it shows."""
        view, uid = pane.view, pane.header.sop_uid
        paths, labels, masks = [], [], []
        window = None
        for obj, hidden in self._enabled():
            for number, mask in obj.masks.get(uid, []):
                if number not in hidden:
                    seg = next((s for s in obj.segments if s.number == number), None)
                    masks.append((mask, seg.colour if seg else (255, 0, 0)))
            for m in obj.measurements:
                if m.graphic is not None and m.graphic.sop_uid == uid:
                    paths.append((_path(m.graphic), SR_COLOUR))
                    values = ", ".join(f"{v:g} {u}".strip() for _n, v, u in m.values)
                    x, y = max(m.graphic.points, key=lambda p: p[0])
                    labels.append((x, y, f"{m.name} {values}".strip()))
            for g in obj.graphics:
                if g.sop_uid in (uid, ""):
                    if g.kind == "TEXT":
                        labels.append((*g.points[0], g.text))
                    else:
                        paths.append((_path(g), PR_COLOUR))
            if obj.window is not None and any(g.sop_uid == uid for g in obj.graphics):
                window = obj.window
        view.overlay.extra = paths
        view.overlay.extra_labels = labels
        view.set_mask_overlay(_mask_image(masks, self.opacity.value() / 100.0))
        key = (uid, self.generation)
        if (
            window is not None
            and not self.keep_wl.isChecked()
            and getattr(pane, "gsps_key", None) != key
        ):
            pane.gsps_key = key  # once per image: the user's own windowing afterwards is kept
            pane.set_window(*window)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Objects (SEG, SR, GSPS, KOS)"))
        self.opacity_label.setText(self.tr("Mask opacity"))
        self.keep_wl.setText(self.tr("Keep my W/L"))


def _path(g) -> QPainterPath:
    path = QPainterPath()
    pts = [(x + 0.5, y + 0.5) for x, y in g.points]
    if not pts:
        return path
    if g.kind == "CIRCLE" and len(pts) == 2:
        (cx, cy), (ex, ey) = pts
        r = float(np.hypot(ex - cx, ey - cy))
        path.addEllipse(cx - r, cy - r, 2 * r, 2 * r)
    elif g.kind in ("POINT", "MULTIPOINT"):
        for x, y in pts:
            path.addEllipse(x - 2, y - 2, 4, 4)
    else:
        path.moveTo(*pts[0])
        for x, y in pts[1:]:
            path.lineTo(x, y)
        if g.kind in ("POLYGON",) or (g.kind == "ELLIPSE" and len(pts) == 4):
            path.closeSubpath()
    return path


def _mask_image(masks, opacity: float) -> QPixmap | None:
    if not masks:
        return None
    h, w = masks[0][0].shape
    rgba = np.zeros((h, w, 4), np.uint8)
    for mask, colour in masks:
        if mask.shape != (h, w):
            continue
        rgba[mask, :3] = colour
        rgba[mask, 3] = int(255 * opacity)
    img = QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
    return QPixmap.fromImage(img)


def object_files(files) -> list:
    """The case's SEG/SR/PR/KO files: those the importer kept as objects of the study
    (reader "dicom-object"); files given without a stored object are all looked at."""
    from app.importer import OBJECT_READER

    return [p for obj, p in files if obj is None or getattr(obj, "reader", "") == OBJECT_READER]
