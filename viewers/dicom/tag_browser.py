"""DICOM tag browser: the header of the shown image as a tree, with search.

Sequences are nested items; the search keeps every element whose tag,
keyword or value contains the text, with the sequence items that lead to it.
The header is read (without pixels) on the job runner.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from ui.read_errors import show_error_on

MAX_VALUE = 200  # characters of a value shown


def rows(ds, depth: int = 0) -> list[tuple[str, str, str, str, list]]:
    """(tag, keyword, VR, value, children) for every element, sequences nested (Qt-free)."""
    out = []
    for elem in ds:
        tag = f"({elem.tag.group:04X},{elem.tag.element:04X})"
        name = elem.keyword or elem.name
        if elem.VR == "SQ":
            kids = [
                (f"#{i + 1}", "", "", "", rows(item, depth + 1))
                for i, item in enumerate(elem.value)
            ]
            out.append((tag, name, "SQ", f"{len(elem.value)}", kids))
            continue
        if elem.tag == 0x7FE00010 or elem.VR in ("OB", "OW", "OF", "OD", "UN"):
            value = f"<{len(elem.value) if elem.value is not None else 0} bytes>"
        elif elem.VM > 1:
            value = "\\".join(str(v) for v in elem.value)  # DICOM's own multi-value notation
        else:
            value = str(elem.value)
        out.append((tag, name, elem.VR, value[:MAX_VALUE], []))
    return out


def read_rows(path, state=None):
    from app.readers.dicom_io import read_dicom

    return rows(read_dicom(path, stop_before_pixels=True))


class TagBrowser(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.resize(720, 560)
        self.search = QLineEdit(self)
        self.search.textChanged.connect(self.filter)
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setColumnWidth(0, 110)
        self.tree.setColumnWidth(1, 230)
        self.tree.setColumnWidth(2, 40)
        self.note = QLabel(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.search)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.note)
        self.retranslate()

    @classmethod
    def for_pane(cls, pane, parent=None) -> TagBrowser:
        dlg = cls(parent)
        path = pane.header.path
        if path is None:
            dlg.note.setText(dlg.tr("This image has no DICOM header."))
            return dlg
        dlg.setWindowTitle(dlg.tr("DICOM tags: %1").replace("%1", path.name))
        dlg.note.setText(dlg.tr("Reading…"))
        pane.ctx.jobs.submit(
            read_rows,
            path,
            name="dicom tags",
            on_done=dlg.set_rows,
            on_error=lambda e: show_error_on(
                dlg.note, dlg.tr("The header could not be read: %1"), e
            ),
        )
        return dlg

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search tag, name or value…"))
        self.tree.setHeaderLabels(
            [self.tr("Tag"), self.tr("Name"), self.tr("VR"), self.tr("Value")]
        )
        if not self.windowTitle():
            self.setWindowTitle(self.tr("DICOM tags"))

    def set_rows(self, data) -> None:
        self.tree.clear()
        self._add(self.tree.invisibleRootItem(), data)
        self.note.setText(self.tr("%1 elements").replace("%1", str(self.tree.topLevelItemCount())))
        self.filter(self.search.text())

    def _add(self, parent, data) -> None:
        for tag, name, vr, value, kids in data:
            item = QTreeWidgetItem(parent, [tag, name, vr, value])
            item.setToolTip(3, value)
            self._add(item, kids)

    def filter(self, text: str) -> int:
        """Show what matches ``text`` (and its parents); returns how many elements match."""
        needle = text.strip().lower()

        def visit(item) -> tuple[bool, int]:
            own = bool(needle) and any(needle in item.text(c).lower() for c in range(4))
            count, child_hit = int(own), False
            for i in range(item.childCount()):
                hit, n = visit(item.child(i))
                child_hit |= hit
                count += n
            show = not needle or own or child_hit
            item.setHidden(not show)
            if needle and child_hit:
                item.setExpanded(True)
            return show, count

        total = 0
        for i in range(self.tree.topLevelItemCount()):
            total += visit(self.tree.topLevelItem(i))[1]
        if needle:
            self.note.setText(self.tr("%1 matching elements").replace("%1", str(total)))
        return total
