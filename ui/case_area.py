"""Case area: one tab per opened case, each with a patient header and the
modality's viewer (or a plain message when the modality has no viewer yet)."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.descriptions import stored_description
from app.domain import Modality, Priority
from ui.description_text import description_text
from ui.labels import display_name, modality_label, priority_label, sex_label, status_label
from ui.read_errors import error_html, error_parts
from ui.worklist_model import age_years
from viewers.registry import ViewerContext, viewer_class

log = logging.getLogger(__name__)


@dataclass
class CaseInfo:
    study_pk: int
    patient_name: str
    patient_id: str
    sex: str
    birth_date: str
    modality: str
    status: str
    description: str
    study_time: object
    files: list
    unassigned: bool = False  # imported without patient details (a bare photo)
    laterality: str = ""
    priority: int = Priority.ROUTINE  # the worklist's urgency (AI grade or the doctor's)


URGENCY_COLOURS = {Priority.CRITICAL: "#b3261e", Priority.URGENT: "#b06000"}


def load_case(store, study_pk: int, state=None) -> CaseInfo:
    """Runs on a worker thread: everything a case tab needs from the store."""
    st = store.study(study_pk)
    files = store.object_paths(study_pk)
    store.record_view(study_pk)
    p = st.patient
    meta = files[0][0].meta if files and isinstance(files[0][0].meta, dict) else {}
    return CaseInfo(
        study_pk,
        p.name,
        p.patient_id,
        p.sex,
        p.birth_date,
        st.modality,
        st.item.status if st.item else "",
        stored_description(st.description, st.description_facts),
        st.study_time,
        files,
        unassigned=bool(p.unassigned),
        laterality=str(meta.get("laterality") or ""),
        priority=st.item.priority if st.item else Priority.ROUTINE,
    )


class CaseTab(QWidget):
    findings_changed = Signal(list)
    patient_assigned = Signal(int)  # study pk: the case is reopened with its patient

    def __init__(self, study_pk: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.study_pk = study_pk
        self.info: CaseInfo | None = None
        self.viewer: QWidget | None = None
        self.findings: list[dict] = []
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setObjectName("caseHeader")
        self.body = QLabel(self.tr("Loading case…"))
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.assign_button = QPushButton()
        self.assign_button.setVisible(False)
        self.assign_button.clicked.connect(self.assign_patient)
        self._jobs = self._store = None
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.assign_button)
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._lay.addLayout(top)
        self._lay.addWidget(self.body, 1)

    def show_error(self, err: BaseException | str) -> None:
        """Why the case cannot be shown: the reason in the user's language, the English
        technical detail smaller below it."""
        message, detail = (err, "") if isinstance(err, str) else error_parts(err)
        text = self.tr("This case could not be opened: %1").replace("%1", message)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setText(error_html(text, detail))
        self.body.setWordWrap(True)

    def assign_patient(self) -> None:
        """The form for the patient, eye and date of a case imported without them."""
        from ui.patient_assign import PatientAssignDialog

        if self.info is None or self._store is None:
            return
        dlg = PatientAssignDialog(self._store, self._jobs, self.study_pk, self.info, self)
        dlg.assigned.connect(self.patient_assigned)
        dlg.open()
        self.assign_dialog = dlg

    def show_case(self, info: CaseInfo, jobs, store) -> None:
        self.info = info
        self._jobs, self._store = jobs, store
        self.assign_button.setVisible(info.unassigned)
        self.retranslate()
        self._follow_status(jobs, store)
        modality = Modality(info.modality)
        cls = viewer_class(modality)
        if cls is None:
            self.body.setText(
                self.tr(
                    "There is no viewer for %1 yet in this version of Huizhen.\n"
                    "The case is stored safely and can still be sent for consultation."
                ).replace("%1", modality_label(info.modality))
            )
            self.body.setWordWrap(True)
            return
        ctx = ViewerContext(
            store=store,
            study_pk=info.study_pk,
            modality=modality,
            files=info.files,
            jobs=jobs,
            user=store.user,
        )
        try:
            self.viewer = cls(ctx, self)
        except Exception as err:  # a viewer bug must not take the shell down
            log.exception("viewer failed")
            self.show_error(err)
            return
        self._lay.replaceWidget(self.body, self.viewer)
        self.body.deleteLater()
        sig = getattr(self.viewer, "findings_changed", None)
        if sig is not None:
            sig.connect(self._on_findings)

    def _follow_status(self, jobs, store) -> None:
        """The header's status follows the store (a report confirmed or signed here,
        a consult answered at the regional server)."""

        def changed(pks) -> None:
            if self.study_pk in (pks or []):
                jobs.on_ui(reload)

        def reload() -> None:
            pk = self.study_pk
            jobs.submit(lambda state: _status_priority(store, pk), name="case status",
                        on_done=show)  # fmt: skip

        def show(found: tuple[str, int]) -> None:
            status, priority = found
            try:
                if (
                    self.info is not None
                    and status
                    and (status, priority) != (self.info.status, self.info.priority)
                ):
                    self.info.status, self.info.priority = status, priority
                    self.retranslate()
            except RuntimeError:  # the tab was closed meanwhile
                pass

        store.events.changed.connect(changed)
        self.destroyed.connect(lambda *_a: store.events.changed.disconnect(changed))

    def _on_findings(self, findings: list) -> None:
        self.findings = list(findings)
        self.findings_changed.emit(self.findings)

    def title(self) -> str:
        if self.info is None:
            return self.tr("Loading…")
        return f"{self._patient_text()} · {modality_label(self.info.modality)}"

    def _patient_text(self) -> str:
        if self.info is not None and self.info.unassigned:
            return self.tr("Patient to be assigned")
        if self.info is None:
            return ""
        return display_name(self.info.patient_name) or self.tr("(no name)")

    def retranslate(self) -> None:
        i = self.info
        if i is None:
            return
        age = age_years(i.birth_date, i.study_time)
        self.assign_button.setText(self.tr("Assign patient…"))
        who = html.escape(self._patient_text())
        bits = [
            f"<b style='font-size:14pt'>{who}</b>" if who else "",
            self._urgency_html(),
            "" if i.unassigned else self.tr("ID %1").replace("%1", html.escape(i.patient_id)),
            sex_label(i.sex)
            + (" " + self.tr("%1 y").replace("%1", str(age)) if age is not None else ""),
            modality_label(i.modality),
            status_label(i.status) if i.status else "",
            html.escape(description_text(i.description)),
        ]
        self.header.setText("&nbsp;&nbsp;·&nbsp;&nbsp;".join(b for b in bits if b))

    def _urgency_html(self) -> str:
        """Critical or urgent in its worklist colour; routine says nothing."""
        colour = URGENCY_COLOURS.get(self.info.priority) if self.info else None
        if colour is None:
            return ""
        label = html.escape(priority_label(self.info.priority))
        mark = "⚠ " if self.info.priority == Priority.CRITICAL else ""
        return f"<b style='color:{colour}'>{mark}{label}</b>"

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _status_priority(store, pk: int) -> tuple[str, int]:
    item = store.study(pk).item
    return (item.status, item.priority) if item else ("", Priority.ROUTINE)


class CaseArea(QTabWidget):
    current_findings = Signal(list)

    """Tab 0 is the worklist (never closed); every other tab is a case."""

    def __init__(self, store, jobs, home: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.jobs = store, jobs
        self.home = home
        self.setTabsClosable(True)
        self.setDocumentMode(True)
        self.addTab(home, "")
        self.tabBar().setTabButton(0, self.tabBar().ButtonPosition.RightSide, None)
        self.tabBar().setTabButton(0, self.tabBar().ButtonPosition.LeftSide, None)
        self.tabCloseRequested.connect(self.close_tab)
        self.currentChanged.connect(self._current_changed)

    def tab_for(self, study_pk: int) -> CaseTab | None:
        for i in range(self.count()):
            w = self.widget(i)
            if isinstance(w, CaseTab) and w.study_pk == study_pk:
                return w
        return None

    def open_case(self, study_pk: int) -> CaseTab:
        tab = self.tab_for(study_pk)
        if tab is not None:
            self.setCurrentWidget(tab)
            return tab
        tab = CaseTab(study_pk, self)
        self.addTab(tab, tab.title())
        self.setCurrentWidget(tab)
        tab.findings_changed.connect(lambda f, t=tab: self._tab_findings(t, f))
        tab.patient_assigned.connect(self.reload_case)

        def done(info: CaseInfo) -> None:
            if self.indexOf(tab) < 0:
                return  # closed meanwhile
            tab.show_case(info, self.jobs, self.store)
            self.setTabText(self.indexOf(tab), tab.title())

        def failed(err: BaseException) -> None:
            if self.indexOf(tab) >= 0:
                tab.show_error(err)

        self.jobs.submit(
            load_case, self.store, study_pk, name="open case", on_done=done, on_error=failed
        )
        return tab

    def reload_case(self, study_pk: int) -> None:
        """Close and reopen a case tab, e.g. once its files have arrived from the server.

        The old viewer may still have jobs running; their late callbacks are dropped
        by the job adapter (ui/qt_jobs.py).
        """
        tab = self.tab_for(study_pk)
        if tab is None:
            return
        index = self.indexOf(tab)
        self.close_tab(index)
        new = self.open_case(study_pk)
        self.tabBar().moveTab(self.indexOf(new), index)
        self.setCurrentWidget(new)

    def case_tabs(self) -> list[CaseTab]:
        return [w for i in range(self.count()) if isinstance(w := self.widget(i), CaseTab)]

    def close_tab(self, index: int) -> None:
        w = self.widget(index)
        if w is self.home:
            return
        self.removeTab(index)
        if w is not None:
            w.close()
            w.deleteLater()

    def close_current(self) -> None:
        if self.currentIndex() >= 0:
            self.close_tab(self.currentIndex())

    def _tab_findings(self, tab: CaseTab, findings: list) -> None:
        if self.currentWidget() is tab:
            self.current_findings.emit(findings)

    def _current_changed(self, _index: int) -> None:
        w = self.currentWidget()
        self.current_findings.emit(w.findings if isinstance(w, CaseTab) else [])

    def retitle(self) -> None:
        self.setTabText(0, self.tr("Worklist"))
        for i in range(self.count()):
            w = self.widget(i)
            if isinstance(w, CaseTab):
                self.setTabText(i, w.title())
