"""The patient's printout of a signed fundus report, in plain Chinese (A4 PDF through
the report panel's PDF path): each eye in everyday words, the doctor's advice and
when to come back.  Written from what the ophthalmologist confirmed and signed."""

from __future__ import annotations

import html
from pathlib import Path

from app.fundus_report import patient_lines


def patient_html(report, header: dict) -> str:
    when = header.get("study_time")
    rows = [
        "<h2>眼底检查结果（给患者）</h2>",
        "<p>姓名：{}　　检查日期：{}</p><hr>".format(
            html.escape(str(header.get("name") or "")),
            when.strftime("%Y年%m月%d日") if when else "—",
        ),
    ]
    if header.get("is_demo"):
        rows.insert(1, "<p style='color:#b00'>演示数据：虚构患者，非真实病例</p>")
    for head, sentence in patient_lines(report.values):
        rows.append(
            f"<p><b>{html.escape(head)}：</b>{html.escape(sentence).replace(chr(10), '<br>')}</p>"
        )
    signed = report.signed_at.strftime("%Y年%m月%d日") if report.signed_at else "—"
    rows.append(
        "<hr><p>本结果由眼科医生 {} 于 {} 审核签署。照片由人工智能辅助初筛，"
        "最终结论以医生意见为准。</p>".format(html.escape(report.signed_by_name or "—"), signed)
    )
    rows.append("<p>如有疑问，请咨询您的社区医生。</p>")
    return "\n".join(rows)


def write_patient_pdf(path, report, header: dict, state=None) -> Path:
    """Atomic write through the report's PDF path; only a signed report is printed."""
    from ui.report.pdf import html_pdf, write_pdf

    def render(r, h) -> bytes:
        return html_pdf(patient_html(r, h), "眼底检查结果")

    return write_pdf(path, report, header, state, render=render)
