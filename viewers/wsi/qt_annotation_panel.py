"""Side panel of the slide viewer: classes, annotations with measurements, layers.

Classes: the editable list (name + colour); the selected class is given to
new annotations, "Apply" sets it on the selected annotation.  Annotations:
one row per annotation (type, class, measurements), synchronised with the
canvas selection.  Layers: show/hide annotations and every AI layer (each
labelled with its analyzer and "not for clinical use"); the opacity slider,
fill box and colour map act on the layer picked in the list (a heatmap goes
no higher than 40%).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewers.wsi.class_names import class_label
from viewers.wsi.overlays import COLORMAPS, RasterLayer


def swatch(rgb) -> QIcon:
    pm = QPixmap(14, 14)
    pm.fill(QColor(*rgb[:3]))
    return QIcon(pm)


class AnnotationPanel(QWidget):
    classes_changed = Signal()
    layers_changed = Signal()

    def __init__(self, layer, overlays, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer, self.overlays = layer, overlays
        self._syncing = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        # classes
        self.g_classes = QGroupBox(self)
        gl = QVBoxLayout(self.g_classes)
        self.class_list = QListWidget(self.g_classes)
        self.class_list.currentRowChanged.connect(self._class_picked)
        gl.addWidget(self.class_list)
        row = QHBoxLayout()
        self.b_add = QPushButton(self.g_classes)
        self.b_rename = QPushButton(self.g_classes)
        self.b_colour = QPushButton(self.g_classes)
        self.b_remove = QPushButton(self.g_classes)
        self.b_apply = QPushButton(self.g_classes)
        for b, fn in (
            (self.b_add, self._ask_add),
            (self.b_rename, self._ask_rename),
            (self.b_colour, self._ask_colour),
            (self.b_remove, self._remove_current),
            (self.b_apply, self.apply_class),
        ):
            b.clicked.connect(fn)
            row.addWidget(b)
        gl.addLayout(row)
        lay.addWidget(self.g_classes)
        # annotations
        self.g_objects = QGroupBox(self)
        ol = QVBoxLayout(self.g_objects)
        self.tree = QTreeWidget(self.g_objects)
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(3)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.itemSelectionChanged.connect(self._tree_selected)
        ol.addWidget(self.tree)
        edit_row = QHBoxLayout()
        self.b_delete = QPushButton(self.g_objects)
        self.b_delete.clicked.connect(layer.delete_selected)
        self.b_merge = QPushButton(self.g_objects)
        self.b_merge.clicked.connect(layer.merge_selected)
        self.b_subtract = QPushButton(self.g_objects)
        self.b_subtract.clicked.connect(layer.subtract_selected)
        self.b_lock = QPushButton(self.g_objects)
        self.b_lock.clicked.connect(self.toggle_lock)
        for b in (self.b_delete, self.b_merge, self.b_subtract, self.b_lock):
            edit_row.addWidget(b)
        ol.addLayout(edit_row)
        lay.addWidget(self.g_objects, 1)
        # layers
        self.g_layers = QGroupBox(self)
        ll = QVBoxLayout(self.g_layers)
        self.layer_list = QListWidget(self.g_layers)
        self.layer_list.itemChanged.connect(self._layer_toggled)
        self.layer_list.currentRowChanged.connect(lambda _row: self._show_layer_settings())
        ll.addWidget(self.layer_list)
        self.opacity_label = QLabel(self.g_layers)
        ll.addWidget(self.opacity_label)
        self.opacity = QSlider(Qt.Orientation.Horizontal, self.g_layers)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(50)
        self.opacity.valueChanged.connect(self._opacity_changed)
        ll.addWidget(self.opacity)
        self.fill = QCheckBox(self.g_layers)
        self.fill.toggled.connect(self._fill_changed)
        ll.addWidget(self.fill)
        self.cmap = QComboBox(self.g_layers)
        self.cmap.currentIndexChanged.connect(self._cmap_changed)
        ll.addWidget(self.cmap)
        self.ai_note = QLabel(self.g_layers)
        self.ai_note.setWordWrap(True)
        self.ai_note.setStyleSheet("color:#8a4b00")
        ll.addWidget(self.ai_note)
        lay.addWidget(self.g_layers)
        layer.changed.connect(self.refresh)
        layer.selection_changed.connect(self._sync_selection)
        self.retranslate()
        self.refresh_classes()
        self.refresh()
        self.refresh_layers()

    # -- texts --------------------------------------------------------------
    def retranslate(self) -> None:
        self.g_classes.setTitle(self.tr("Classes"))
        self.b_add.setText(self.tr("Add"))
        self.b_rename.setText(self.tr("Rename"))
        self.b_colour.setText(self.tr("Colour"))
        self.b_remove.setText(self.tr("Remove"))
        self.b_apply.setText(self.tr("Apply"))
        self.b_apply.setToolTip(self.tr("Give the selected annotations this class"))
        self.g_objects.setTitle(self.tr("Annotations"))
        self.tree.setHeaderLabels([self.tr("Type"), self.tr("Class"), self.tr("Measurements")])
        self.b_delete.setText(self.tr("Delete"))
        self.b_delete.setToolTip(self.tr("Delete the selected annotations (Del)"))
        self.b_merge.setText(self.tr("Merge"))
        self.b_merge.setToolTip(self.tr("Merge the selected areas into one"))
        self.b_subtract.setText(self.tr("Subtract"))
        self.b_subtract.setToolTip(self.tr("Cut the other selected areas out of the first"))
        self.b_lock.setText(self.tr("Lock"))
        self.b_lock.setToolTip(self.tr("Lock or unlock the selected annotations against edits"))
        self.g_layers.setTitle(self.tr("Layers"))
        self.fill.setText(self.tr("Fill shapes"))
        self.fill.setToolTip(self.tr("Outlines only keep the H&E readable"))
        names = {
            "viridis": self.tr("Viridis"),
            "inferno": self.tr("Inferno"),
            "jet": self.tr("Jet"),
        }
        current = self.cmap.currentIndex()
        self.cmap.blockSignals(True)
        self.cmap.clear()
        for key in COLORMAPS:
            self.cmap.addItem(names.get(key, key), key)
        self.cmap.setCurrentIndex(max(current, 0))
        self.cmap.blockSignals(False)
        self.ai_note.setText(
            self.tr("AI layers are computed by the named analyzer and are not for clinical use.")
        )
        self.refresh()
        self.refresh_layers()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def type_name(self, f) -> str:
        geom = f["geometry"]
        if f["properties"].get("isEllipse"):
            return self.tr("Ellipse")
        return {
            "Polygon": self.tr("Area"),
            "MultiPolygon": self.tr("Area"),
            "LineString": self.tr("Line"),
            "MultiLineString": self.tr("Line"),
            "Point": self.tr("Points"),
            "MultiPoint": self.tr("Points"),
        }.get(geom.get("type"), geom.get("type", ""))

    # -- classes ------------------------------------------------------------
    def refresh_classes(self) -> None:
        self.class_list.blockSignals(True)
        self.class_list.clear()
        for name, rgb in self.layer.classes:
            self.class_list.addItem(QListWidgetItem(swatch(rgb), class_label(name)))
        names = [n for n, _ in self.layer.classes]
        if self.layer.current_class in names:
            self.class_list.setCurrentRow(names.index(self.layer.current_class))
        self.class_list.blockSignals(False)

    def _class_picked(self, row: int) -> None:
        if 0 <= row < len(self.layer.classes):
            self.layer.current_class = self.layer.classes[row][0]

    def add_class(self, name: str, rgb: tuple[int, int, int]) -> None:
        name = name.strip()
        if not name or name in [n for n, _ in self.layer.classes]:
            return
        self.layer.classes.append((name, tuple(rgb)))
        self.layer.current_class = name
        self.refresh_classes()
        self.classes_changed.emit()

    def rename_class(self, old: str, new: str) -> None:
        new = new.strip()
        if not new or new in [n for n, _ in self.layer.classes]:
            return
        self.layer.classes = [(new if n == old else n, c) for n, c in self.layer.classes]
        members = [
            f["id"]
            for f in self.layer.annotations()
            if (f["properties"].get("classification") or {}).get("name") == old
        ]
        if self.layer.current_class == old:
            self.layer.current_class = new
        if members:
            self.layer.set_class(members, new)
        self.refresh_classes()
        self.classes_changed.emit()

    def set_class_colour(self, name: str, rgb: tuple[int, int, int]) -> None:
        self.layer.recolour_class(name, tuple(rgb))
        self.refresh_classes()
        self.classes_changed.emit()

    def remove_class(self, name: str) -> None:
        self.layer.classes = [(n, c) for n, c in self.layer.classes if n != name]
        if self.layer.current_class == name:
            self.layer.current_class = self.layer.classes[0][0] if self.layer.classes else None
        self.refresh_classes()
        self.classes_changed.emit()

    def apply_class(self) -> None:
        if self.layer.selected:
            self.layer.set_class(list(self.layer.selected), self.layer.current_class)

    def _current_name(self) -> str | None:
        row = self.class_list.currentRow()
        return self.layer.classes[row][0] if 0 <= row < len(self.layer.classes) else None

    def _ask_add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New class"), self.tr("Class name:"))
        if ok and name.strip():
            colour = QColorDialog.getColor(QColor(255, 200, 0), self, self.tr("Class colour"))
            if colour.isValid():
                self.add_class(name, (colour.red(), colour.green(), colour.blue()))

    def _ask_rename(self) -> None:
        old = self._current_name()
        if old is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename class"), self.tr("Class name:"), text=old
        )
        if ok:
            self.rename_class(old, name)

    def _ask_colour(self) -> None:
        name = self._current_name()
        if name is None:
            return
        rgb = self.layer.class_colour(name) or (255, 200, 0)
        colour = QColorDialog.getColor(QColor(*rgb), self, self.tr("Class colour"))
        if colour.isValid():
            self.set_class_colour(name, (colour.red(), colour.green(), colour.blue()))

    def _remove_current(self) -> None:
        name = self._current_name()
        if name is not None:
            self.remove_class(name)

    # -- annotations --------------------------------------------------------
    def refresh(self) -> None:
        self._syncing = True
        self.tree.clear()
        for f in self.layer.annotations():
            cls = class_label((f["properties"].get("classification") or {}).get("name") or "")
            kind = self.type_name(f)
            if f["properties"].get("isLocked"):
                kind = self.tr("%1 (locked)").replace("%1", kind)
            text = self.layer.label_text(f)
            cells = self.nuclei_in(f)
            if cells:
                text = f"{text}; {cells}" if text else cells
            item = QTreeWidgetItem([kind, cls, text])
            item.setData(0, Qt.ItemDataRole.UserRole, f["id"])
            item.setIcon(1, swatch(self.layer.colour_of(f).getRgb()))
            self.tree.addTopLevelItem(item)
            item.setSelected(f["id"] in self.layer.selected)
        self._syncing = False

    def nuclei_in(self, f) -> str:
        """ "1,234 nuclei, 51.0% positive" inside an area annotation (AI nuclei layer), or ""."""
        lay = self.overlays.layer("nuclei")
        geom = f["geometry"]
        if lay is None or lay.partial or geom.get("type") not in ("Polygon", "MultiPolygon"):
            return ""
        from app.annotations.shapes import points_inside
        from viewers.wsi import geometry as geo

        data = lay.data
        idx = data.query(*geo.bounds(geom))
        inside = idx[points_inside(data.centroids[idx], geom)] if len(idx) else idx
        text = self.tr("%1 nuclei").replace("%1", f"{len(inside):,}")
        names = [name for name, _ in data.classes]
        if len(names) == 2 and len(inside):
            pct = 100.0 * float((data.cls[inside] == 1).sum()) / len(inside)
            text = (
                self.tr("%1 nuclei, %2% %3")
                .replace("%1", f"{len(inside):,}")
                .replace("%2", f"{pct:.1f}")
                .replace("%3", names[1])
            )
        return text

    def toggle_lock(self) -> None:
        """Lock the selection, or unlock it when every selected annotation is locked."""
        sel = [i for i in self.layer.selected if i in self.layer.features]
        if not sel:
            return
        locked = all(self.layer.features[i]["properties"].get("isLocked") for i in sel)
        self.layer.set_locked(sel, not locked)

    def _sync_selection(self) -> None:
        self._syncing = True
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) in self.layer.selected)
        self._syncing = False

    def _tree_selected(self) -> None:
        if self._syncing:
            return
        ids = [it.data(0, Qt.ItemDataRole.UserRole) for it in self.tree.selectedItems()]
        self.layer.select(ids)
        self.layers_changed.emit()

    # -- layers -------------------------------------------------------------
    def refresh_layers(self) -> None:
        current = self.current_layer_key()
        self.layer_list.blockSignals(True)
        self.layer_list.clear()
        entries = [("annotations", self.tr("Annotations"), self.layer.visible, "")]
        for lay in self.overlays.rasters + self.overlays.detections:
            entries.append((lay.name, lay.title or lay.name, lay.visible, lay.analyzer))
        for key, title, visible, analyzer in entries:
            text = title
            if analyzer:
                text = (
                    self.tr("%1 — AI %2, not for clinical use")
                    .replace("%1", title)
                    .replace("%2", analyzer)
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
            self.layer_list.addItem(item)
            if key == current:
                self.layer_list.setCurrentItem(item)
        self.layer_list.blockSignals(False)
        self._show_layer_settings()

    def current_layer_key(self) -> str | None:
        item = self.layer_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def pick_layer(self, key: str) -> None:
        for i in range(self.layer_list.count()):
            if self.layer_list.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.layer_list.setCurrentRow(i)
                return

    def _target(self):
        """The layer the opacity, fill and colour-map controls act on."""
        key = self.current_layer_key()
        if key == "annotations":
            return self.layer
        lay = self.overlays.layer(key) if key else None
        return lay if lay is not None else self.overlays.layer("density")

    def _show_layer_settings(self) -> None:
        lay = self._target()
        title = self.tr("Annotations") if lay is self.layer else getattr(lay, "title", "")
        self.opacity_label.setText(self.tr("Opacity: %1").replace("%1", title or "—"))
        top = round(100 * getattr(lay, "max_opacity", 1.0))
        self.opacity.blockSignals(True)
        self.opacity.setEnabled(lay is not None)
        self.opacity.setRange(0, top)
        if lay is not None:
            self.opacity.setValue(round(100 * min(lay.opacity, top / 100)))
        self.opacity.blockSignals(False)
        self.opacity_label.setEnabled(lay is not None)
        is_heatmap = isinstance(lay, RasterLayer) and lay.values.dtype.kind != "b"
        self.cmap.setEnabled(is_heatmap)
        if is_heatmap:
            self.cmap.blockSignals(True)
            self.cmap.setCurrentIndex(max(0, self.cmap.findData(lay.colormap)))
            self.cmap.blockSignals(False)
        is_detection = lay is not None and hasattr(lay, "fill")
        self.fill.blockSignals(True)
        self.fill.setEnabled(is_detection)
        self.fill.setChecked(bool(is_detection and lay.fill))
        self.fill.blockSignals(False)

    def _layer_toggled(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        on = item.checkState() == Qt.CheckState.Checked
        if key == "annotations":
            self.layer.visible = on
        else:
            lay = self.overlays.layer(key)
            if lay is not None:
                lay.visible = on
        self.layers_changed.emit()

    def _opacity_changed(self, value: int) -> None:
        lay = self._target()
        if lay is not None:
            lay.opacity = value / 100
        self.layers_changed.emit()

    def _fill_changed(self, on: bool) -> None:
        lay = self._target()
        if lay is self.layer:
            self.layer.fill = on
        elif lay is not None and hasattr(lay, "fill"):
            self.overlays.set_fill(lay.name, on)
        self.layers_changed.emit()

    def _cmap_changed(self, _index: int) -> None:
        lay = self._target()
        if lay is not None and hasattr(lay, "colormap"):
            lay.colormap = self.cmap.currentData() or "viridis"
            lay.image = None
        self.layers_changed.emit()
