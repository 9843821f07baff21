"""Signed ECG report as PDF (QPdfWriter): 12-lead page on true mm paper,
measurements, interpretation, AI notice and signature block.

Drawn in device units with an explicit mm -> dot factor, so 1 mm of ECG paper
is 1 mm on the printed page (25 mm/s, 10 mm/mV).  The bytes are written with
``app.fileio.atomic_write_bytes``.  Safe to call on a worker thread (QPainter
on a QPdfWriter needs no GUI thread).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLineF,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPolygonF,
)

from ui.report.pdf import patient_header  # noqa: F401 (the header every report PDF uses)
from viewers.ecg import paper
from viewers.ecg.analysis_notes import notes_line
from viewers.ecg.report_title import ecg_report_title

DPI = 300
PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
LEFT, TOP_PAPER = 8.0, 26.0
SPEED, GAIN = 25.0, 10.0
NOTES_MM = 10.0  # three lines of the AI's analysis notes above its notice


translate = QCoreApplication.translate


class _Page:
    def __init__(self, painter: QPainter, dpi: int) -> None:
        self.p, self.k = painter, dpi / 25.4

    def pt(self, x: float, y: float) -> QPointF:
        return QPointF(x * self.k, y * self.k)

    def pen(self, colour: str, width_mm: float) -> None:
        pen = QPen(QColor(colour))
        pen.setWidthF(width_mm * self.k)
        self.p.setPen(pen)

    def text(self, x: float, y: float, w: float, h: float, s: str, size: float = 8.0,
             bold: bool = False, colour: str = "#111111", flags=None) -> None:  # fmt: skip
        font = QFont()
        font.setPointSizeF(size)
        font.setBold(bold)
        self.p.setFont(font)
        self.p.setPen(QColor(colour))
        rect = QRectF(x * self.k, y * self.k, w * self.k, h * self.k)
        align = (
            flags if flags is not None else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        )
        self.p.drawText(rect, int(align) | int(Qt.TextFlag.TextWordWrap), s)


def _draw_paper(pg: _Page, signal, top: float) -> float:
    dur = min(10.0, signal.duration_s)
    lay = paper.layout("3x4+II", "standard", list(signal.leads), dur, SPEED, GAIN)
    w, h = lay.width_mm, lay.height_mm
    for step, colour, width in ((1.0, "#f6c9c6", 0.05), (5.0, "#e88f8a", 0.15)):
        pg.pen(colour, width)
        n_x, n_y = int(w // step) + 1, int(h // step) + 1
        lines = [
            QLineF(pg.pt(LEFT + i * step, top), pg.pt(LEFT + i * step, top + h)) for i in range(n_x)
        ]
        lines += [
            QLineF(pg.pt(LEFT, top + j * step), pg.pt(LEFT + w, top + j * step)) for j in range(n_y)
        ]
        pg.p.drawLines(lines)
    pg.pen("#111111", 0.2)
    rows = set()
    for cell in lay.cells:
        i0, i1 = int(cell.t0 * signal.fs), min(int(cell.t1 * signal.fs), signal.n_samples)
        y = signal.lead(cell.lead)[i0:i1]
        step = max(1, int(signal.fs // 500))  # 2 ms per point is finer than the pen
        poly = QPolygonF(
            [
                pg.pt(
                    LEFT + cell.x_mm + k / signal.fs * SPEED, top - cell.y_mm - float(y[k]) * GAIN
                )
                for k in range(0, y.size, step)
            ]
        )
        pg.p.drawPolyline(poly)
        if cell.row not in rows:
            rows.add(cell.row)
            xs, ys = paper.calibration_pulse(cell.y_mm, SPEED, GAIN)
            pg.p.drawPolyline(
                QPolygonF([pg.pt(LEFT + x, top - yy) for x, yy in zip(xs, ys, strict=True)])
            )
        label_y = top - cell.y_mm - lay.row_mm * 0.45
        pg.text(LEFT + cell.x_mm + 1, label_y, 20, 5, cell.lead, 7, bold=True)
        pg.pen("#111111", 0.2)
    return h


def _measure_line(summary: dict) -> str:
    m = summary.get("measurements") or {}

    def v(key: str) -> str:
        x = m.get(key)
        return "—" if x is None else f"{x:.0f}"

    text = translate(
        "EcgPdfReport",
        "HR %1 bpm · PR %2 ms · QRS %3 ms · QT %4 ms · QTc %5 ms (Bazett) / %6 ms (Fridericia) · axes P/QRS/T %7/%8/%9°",
    )
    keys = (
        "hr_bpm",
        "pr_ms",
        "qrs_ms",
        "qt_ms",
        "qtc_ms",
        "qtc_fridericia_ms",
        "p_axis_deg",
        "qrs_axis_deg",
        "t_axis_deg",
    )
    for i in range(len(keys), 0, -1):  # %9 before %1 so "%1" never eats "%1x"
        text = text.replace(f"%{i}", v(keys[i - 1]))
    return text


def _analysed_part(signal, summary: dict):
    """(the signal to print, a caption): the 10 s the AI analysed when it chose them
    from a longer record (its notes name that window), else the record as it is."""
    import dataclasses

    from app.ecg.warning_codes import code_of

    w = summary.get("window") or {}
    cut = any(code_of(x) == "preread_window" for x in summary.get("warnings") or [])
    cut = cut and "cut_s" not in w  # the viewer put a server pre-read in record time
    if not w.get("chosen") or cut:  # a server pre-read's times count from its cut
        return signal, ""
    i0 = max(0, int(round(float(w["start_s"]) * signal.fs)))
    i1 = min(signal.n_samples, int(round(float(w["end_s"]) * signal.fs)))
    if i1 - i0 < signal.fs:  # a window the record does not hold: print it as it is
        return signal, ""
    caption = translate("EcgPdfReport", " · printed: %1–%2 s of %3 s, the part the AI analysed")
    caption = caption.replace("%1", f"{float(w['start_s']):.1f}")
    caption = caption.replace("%2", f"{float(w['end_s']):.1f}")
    caption = caption.replace("%3", f"{float(w.get('record_s') or signal.duration_s):.1f}")
    return dataclasses.replace(signal, data=signal.data[:, i0:i1]), caption


def render_pdf(signal, summary: dict, report, header: dict) -> bytes:
    """The report page as PDF bytes.  ``report``: an ``app.reports.ReportView``."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle(translate("EcgPdfReport", "ECG report"))
    writer.setCreator("Huizhen")
    painter = QPainter(writer)
    try:
        pg = _Page(painter, DPI)
        name = str(header.get("name", "")).replace("^", " ")
        pid = header.get("patient_id", "")
        when = header.get("study_time")
        title = ecg_report_title(signal.leads)  # a 3-lead strip is not called 12-lead
        if header.get("is_demo"):
            title += " — " + translate("EcgPdfReport", "DEMO: fictional patient, not a real case")
        pg.text(LEFT, 6, 200, 7, title, 12, bold=True)
        who = translate("EcgPdfReport", "Patient: %1 · ID %2 · sex %3 · born %4 · recorded %5")
        for i, val in enumerate((name, pid, header.get("sex", "") or "—", header.get("birth_date", "") or "—",
                                 when.strftime("%Y-%m-%d %H:%M") if when else "—"), start=1):  # fmt: skip
            who = who.replace(f"%{i}", str(val))
        pg.text(LEFT, 14, 280, 5, who, 9)
        speed = (
            translate("EcgPdfReport", "%1 mm/s · %2 mm/mV")
            .replace("%1", f"{SPEED:g}")
            .replace("%2", f"{GAIN:g}")
        )
        signal, span = _analysed_part(signal, summary)
        pg.text(LEFT, 20, 280, 5, speed + span, 8, colour="#5f6368")
        h = _draw_paper(pg, signal, TOP_PAPER)
        y = TOP_PAPER + h + 3
        pg.text(LEFT, y, 280, 5, _measure_line(summary), 8.5, bold=True)
        y += 6
        pg.text(LEFT, y, 30, 5, translate("EcgPdfReport", "Interpretation"), 9, bold=True)
        notes = notes_line(summary)  # what the AI could not do or did differently
        room = NOTES_MM if notes else 0.0
        pg.text(LEFT + 31, y, 250, PAGE_H - y - 26 - room, report.text, 8)
        if notes:
            pg.text(LEFT, PAGE_H - 21 - room, 280, room, notes, 7, colour="#b06000")
        model = summary.get("model") or {}
        notice = translate(
            "EcgPdfReport",
            "AI pre-read by %1 %2 with %3: not for clinical use. The text above was reviewed, confirmed and signed by a doctor.",
        )
        notice = notice.replace("%1", str(model.get("name", "?"))).replace(
            "%2", str(model.get("version", "?"))
        )
        notice = notice.replace("%3", str(summary.get("rules", "")))
        pg.text(LEFT, PAGE_H - 20, 280, 8, notice, 7.5, colour="#b06000")
        pg.pen("#111111", 0.3)
        painter.drawLine(QLineF(pg.pt(LEFT, PAGE_H - 11.5), pg.pt(PAGE_W - LEFT, PAGE_H - 11.5)))
        signed = translate("EcgPdfReport", "Signed by %1 on %2 UTC · report version %3").replace(
            "%1", report.signed_by_name or "—"
        )
        signed = signed.replace(
            "%2", report.signed_at.strftime("%Y-%m-%d %H:%M") if report.signed_at else "—"
        )
        signed = signed.replace("%3", str(report.version))
        pg.text(LEFT, PAGE_H - 10, 280, 6, signed, 9, bold=True)
    finally:
        painter.end()
    buf.close()
    return bytes(data.data())


def write_report_pdf(path, signal, summary: dict, report, header: dict, state=None) -> Path:
    """Render and write atomically; only a signed report is printed."""
    from app.fileio import atomic_write_bytes

    if not getattr(report, "locked", False):
        raise ValueError("only a signed report can be printed")
    if state is not None:
        state.progress(0.1, "PDF")
    data = render_pdf(signal, summary, report, header)
    atomic_write_bytes(Path(path), data)
    return Path(path)


def ecg_pdf_writer(signal, summary: dict):
    """The report panel's PDF writer for an ECG: the 12-lead page with the trace."""

    def write(path, report, header: dict, state=None) -> Path:
        return write_report_pdf(path, signal, summary, report, header, state=state)

    return write
