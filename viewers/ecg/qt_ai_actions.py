"""ECG viewer AI actions (mixed into ``EcgViewer``): the pre-read and its findings.

The case's stored AI result is shown when there is one; "Run AI again" runs the
model on the whole record, as the pre-read does.  The analysis fills the
measurement table, the report panel (and its printout) and the findings list,
each finding labelled with the model name and version and "not for clinical
use"; the median beats follow on another job.  When the pre-read fails, the
status line says so before the record's own warnings, and the side panels say
that nothing is coming instead of waiting for it.
"""

from __future__ import annotations

from viewers.ecg.analysed_window import analysed_span, in_record_time
from viewers.ecg.analysis_notes import notes_finding
from viewers.ecg.finding_text import finding_text
from viewers.ecg.pdf_report import ecg_pdf_writer
from viewers.ecg.viewer_jobs import analyse_job, medians_job

SEVERITY = {"critical": "critical", "urgent": "urgent", "routine": "info", "info": "info"}


class EcgAiActions:
    """Needs: ctx, raw_signal, analysis, ai_error, rerun_btn, status, measurements,
    median_panel, report_panel, compare_panel, the ``findings_changed``/``analysed``/
    ``medians_ready`` signals, ``status_line``, ``show_window``, ``_draw_overlays`` and
    ``_update_labels``."""

    def run_ai(self, rerun: bool = True):
        """Show the case's stored AI result; ``rerun``: run the model again (on request).
        "Run AI again" is off while a run is on its way."""
        if self.raw_signal is None:
            return None
        self.rerun_btn.setEnabled(False)
        return self.ctx.jobs.submit(
            analyse_job, self.raw_signal, self.ctx.store, self.ctx.study_pk, rerun,
            name="ECG AI", on_done=self._show_ai, on_error=self._ai_failed,
        )  # fmt: skip

    def _ai_failed(self, err: BaseException) -> None:
        from ui.read_errors import detail_line, error_parts

        self.rerun_btn.setEnabled(True)
        self.ai_error, detail = error_parts(err)  # in the user's language; English detail aside
        self.status.setText(self.status_line())  # the record's warnings stay
        self.status.setToolTip(detail_line(detail))
        if self.analysis is None:  # nothing shown: the panels stop waiting
            self.measurements.set_failed()
            self.median_panel.set_beats(None, "ai_failed")
            self.compare_panel.set_failed()

    def ai_status(self) -> str:
        """The AI's part of the status line: its failure, when the last run failed."""
        if self.ai_error is None:
            return ""
        return self.tr("AI pre-read failed: %1").replace("%1", self.ai_error)

    def _show_ai(self, found) -> None:
        self.rerun_btn.setEnabled(True)
        analysis, self.ran_at = found
        if self.ai_error is not None:  # a run after a failed one
            self.ai_error = None
            self.status.setToolTip("")
            self.status.setText(self.status_line())
        analysis = in_record_time(analysis, self.raw_signal)  # a server pre-read's cut
        self.analysis = analysis
        self._update_labels()
        if analysed_span(analysis, self.raw_signal.duration_s) is not None:
            self.show_window()  # open where the AI measured, as the printed report does
        else:
            self._draw_overlays()
        self.measurements.set_analysis(analysis)
        self.report_panel.set_analysis(analysis, self.raw_signal)
        self.report_panel.pdf_writer = ecg_pdf_writer(self.raw_signal, analysis.summary())
        self.findings = self._findings(analysis)
        self.findings_changed.emit(self.findings)
        self.analysed.emit()
        self.ctx.jobs.submit(
            medians_job, getattr(self, "path", None), self.raw_signal, analysis,
            name="median beats", on_done=self._show_medians,
            on_error=lambda _err: self._show_medians(None, "failed"),
        )  # fmt: skip

    def _show_medians(self, beats, missing: str = "no_beats") -> None:
        """``beats`` None: ``missing`` says why (``MedianPanel.set_beats``)."""
        self.medians = beats
        self.median_panel.set_beats(beats, missing)
        self.compare_panel.set_current(self.analysis, beats)
        self.medians_ready.emit()

    def _findings(self, a) -> list[dict]:
        src = self.tr("AI %1 %2 (not for clinical use)")
        src = src.replace("%1", a.model.name).replace("%2", a.model.version)
        decided = self.tr("(decided at %1)")
        out = [
            {
                "text": finding_text(f.code, f.text, f.leads, f.territory)
                + (" " + decided.replace("%1", f.decided_at) if f.decided_at else ""),
                "source": src,
                "severity": SEVERITY[f.severity],
                "code": f.code,
            }
            for f in a.findings
        ]
        m = a.measurements
        text = self.tr("HR %1 bpm, PR %2 ms, QRS %3 ms, QT/QTc %4/%5 ms")
        for i, v in enumerate((m.hr_bpm, m.pr_ms, m.qrs_ms, m.qt_ms, m.qtc_ms), start=1):
            text = text.replace(f"%{i}", "—" if v is None else f"{v:.0f}")
        out.append({"text": text, "source": src, "severity": "info", "code": "MEASUREMENTS"})
        notes = notes_finding(a, src)  # what the analysis could not do or did differently
        return out + ([notes] if notes else [])

    def flagged_leads(self) -> set[str]:
        """The leads any AI finding names."""
        if self.analysis is None:
            return set()
        return {lead for f in self.analysis.findings for lead in f.leads}
