"""The signed report as PDF for every template (A4 portrait, QPdfWriter).

Titles, field names, grades, the AI notice and the signature line go through
Qt translation (the UI language); field values are the report as signed.
Fields that still hold the AI's text are marked AI with the model.  Written
atomically (``app.fileio``) into the user's documents folder under a name made
from the patient and the date, unless a path is given.  Safe on a worker
thread (QTextDocument painted on a QPdfWriter needs no GUI thread).
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app import report_templates as rt
from ui.labels import display_name, modality_label, sex_label
from ui.report.texts import field_label, grade_label, group_label, short_label, template_title

translate = QCoreApplication.translate


def documents_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(loc) if loc else Path.home()


def default_pdf_path(header: dict, report, folder: Path | None = None) -> Path:
    """``<documents>/<patient id>_<name>_<study date>_<template>_v<version>.pdf``."""
    when = header.get("study_time") or datetime.now(UTC)
    parts = [
        header.get("patient_id") or "patient",
        display_name(str(header.get("name") or "")),
        when.strftime("%Y%m%d"),
        report.template,
        f"v{report.version}",
    ]
    name = "_".join(re.sub(r'[\\/:*?"<>|^\s]+', "-", str(p)).strip("-.") for p in parts if p)
    return (folder or documents_dir()) / f"{name[:150]}.pdf"


def patient_header(store, study_pk: int) -> dict:
    """Patient and study fields for the printed report."""
    from app.models import Patient, Study

    with store.read_session() as s:
        st = s.get(Study, study_pk)
        p = s.get(Patient, st.patient_pk) if st is not None else None
        if p is None:
            return {}
        return {
            "patient_id": p.patient_id,
            "name": p.name,
            "sex": p.sex,
            "birth_date": p.birth_date,
            "is_demo": bool(p.is_demo),
            "study_time": st.study_time,
            "description": st.description,
            "modality": st.modality,
        }


def anonymised(report, header: dict):
    """The report and its header with nothing that names the patient (app.anon: the name
    becomes ANONYMOUS, the ID a keyed pseudonym, no birth date or study date, the patient's
    name, ID and birth date scrubbed from every free-text field) for teaching and sharing."""
    import dataclasses

    from app.anon.documents import report_header, scrub
    from app.anon.pseudonyms import Pseudonyms

    pseudo = Pseudonyms()
    names = [header.get("name", "")]
    names += [part for part in str(header.get("name", "")).replace("^", " ").split() if part]
    for name in names:
        pseudo.remember(str(name), "ANONYMOUS")
    anon = report_header(
        {
            "name": header.get("name", ""),
            "id": header.get("patient_id", ""),
            "birth_date": header.get("birth_date", ""),
            "sex": header.get("sex", ""),
        },
        pseudo,
    )
    out_header = {
        **header,
        "patient_id": anon["id"],
        "name": anon["name"],
        "birth_date": "",
        "study_time": None,
        "description": scrub(str(header.get("description", "")), pseudo),
    }
    out = dataclasses.replace(
        report,
        text=scrub(report.text or "", pseudo),
        conclusion=scrub(report.conclusion or "", pseudo),
        values={k: scrub(v or "", pseudo) for k, v in (report.values or {}).items()},
    )
    return out, out_header


def _para(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def report_html(report, header: dict) -> str:
    template = rt.get(report.template)
    when = header.get("study_time")
    title = template_title(template.id)
    if header.get("is_demo"):
        title += " — " + translate("ReportPdf", "DEMO: fictional patient, not a real case")
    who = translate("ReportPdf", "Patient: %1 · ID %2 · sex %3 · born %4 · study %5 · %6")
    values = (
        display_name(str(header.get("name") or "")),
        header.get("patient_id", ""),
        sex_label(header.get("sex", "")) or "—",
        header.get("birth_date") or "—",
        when.strftime("%Y-%m-%d %H:%M") if when else "—",
        modality_label(header.get("modality", "")) if header.get("modality") else "—",
    )
    for i in range(len(values), 0, -1):
        who = who.replace(f"%{i}", str(values[i - 1]))
    out = [f"<h2>{html.escape(title)}</h2>", f"<p>{_para(who)}</p><hr>"]
    group = ""
    for spec in template.fields:
        if spec.group and spec.group != group:
            out.append(f"<h3>{html.escape(group_label(spec.group))}</h3>")
        group = spec.group
        value = report.values.get(spec.key, "")
        shown = grade_label(value) if spec.kind == "grade" else value
        tag = ""
        if report.from_ai(spec.key) or spec.kind == "ai":
            tag = " <span style='color:#b06000'>[" + html.escape(
                translate("ReportPdf", "AI: %1").replace("%1", report.model or translate("ReportPdf", "model not named"))
            ) + "]</span>"  # fmt: skip
        name = short_label(spec.key) if spec.group else field_label(spec.key)
        out.append(f"<p><b>{html.escape(name)}</b>{tag}<br>{_para(shown)}</p>")
    if report.model:
        notice = translate(
            "ReportPdf",
            "AI pre-read by %1: not for clinical use. "
            "This report was reviewed, confirmed and signed by a doctor.",
        ).replace("%1", report.model)
        out.append(f"<p style='color:#b06000'>{_para(notice)}</p>")
    signed = translate("ReportPdf", "Signed by %1 on %2 UTC · report version %3")
    signed = (
        signed.replace("%1", display_name(report.signed_by_name) or "—")
        .replace("%2", report.signed_at.strftime("%Y-%m-%d %H:%M") if report.signed_at else "—")
        .replace("%3", str(report.version))
    )
    out.append(f"<hr><p><b>{_para(signed)}</b></p>")
    return "\n".join(out)


def render_pdf(report, header: dict) -> bytes:
    return html_pdf(report_html(report, header), template_title(report.template))


def html_pdf(text: str, title: str) -> bytes:
    """An HTML page as an A4 PDF (the report's page setup)."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(300)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(18, 15, 18, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Huizhen")
    doc = QTextDocument()
    doc.setDefaultStyleSheet("body{font-size:10pt} h2{font-size:15pt} h3{font-size:12pt}")
    doc.setHtml(text)
    doc.print_(writer)
    buf.close()
    return bytes(data.data())


def write_pdf(path, report, header: dict, state=None, render=None) -> Path:
    """Render (``render(report, header) -> bytes``, the report by default) and write
    atomically; only a signed report is printed."""
    from app.fileio import atomic_write_bytes

    if not getattr(report, "locked", False):
        raise ValueError("only a signed report can be printed")
    if state is not None:
        state.progress(0.1, "PDF")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, (render or render_pdf)(report, header))
    return path
