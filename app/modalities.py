"""One descriptor per modality: everything the application needs to know about it.

A modality is added here and nowhere else: the viewer registry
(``viewers/registry.py``), the analyzer registry used by the workstation and the
server (``app/ai/registry.py``), the finding texts the UI translates
(``viewers/ecg/finding_text.py``, ``ui/ai_text.py``), the consult's default
department, the report template (``app/report_templates.py``, by id) and the
bundle's heavy dependencies (``installers/huizhen.spec``) all read it.

Qt-free: the viewer is a ``"module:Class"`` string, imported only by the UI.
Finding texts are English templates marked with ``QT_TRANSLATE_NOOP`` (so
``tools/i18n.py`` extracts them); the UI translates them in the descriptor's
``findings_context``.  Placeholders: ``%1`` territory, ``%2`` leads, ``%3`` a count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain import Modality


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """Marks ``text`` for extraction; the UI translates it at display time."""
    return text


@dataclass(frozen=True)
class AnalyzerSpec:
    """``target`` is ``"module:function"`` called as ``fn(source, state) -> AiResult``,
    where ``source`` is what the modality's reader opens (signal, image, slide);
    ``model_id`` names its manifest in ``inference/models`` ("" when rules only);
    ``identity`` (``"module:function"`` -> (model id, version)) says which model and
    version a run would produce now, for an analyzer without one fixed manifest (rules,
    or rules plus whichever slot model is installed), so a re-run can be skipped;
    ``follow_up`` (``"module:function"``, ``fn(store, study_pk, result) -> result``) grades
    a result computed here against the patient's prior exam before it is stored;
    ``on_stored`` (``"module:function"``, ``fn(store, study_pk, result)``) runs once a
    result computed here is stored: it may re-evaluate the patient's other studies that
    depend on this one (a chest CT that arrives as the prior of a later one);
    ``alert_urgent``: an urgent result raises an alert too (not only a critical one)."""

    name: str
    target: str
    model_id: str = ""
    identity: str = ""
    follow_up: str = ""
    on_stored: str = ""
    alert_urgent: bool = False


@dataclass(frozen=True)
class ModalityDescriptor:
    modality: Modality
    readers: tuple[str, ...]  # reader names (app/readers) that recognise its files
    source_kind: str  # what a reader's open() returns: signal | image | volume | slide
    viewer: str  # "module:Class" of the viewer widget ("" when none)
    analyzers: tuple[AnalyzerSpec, ...] = ()
    findings_context: str = ""  # Qt translation context of the finding texts
    findings: dict[str, str] = field(default_factory=dict)  # code -> English template
    territories: dict[str, str] = field(default_factory=dict)  # territory -> English name
    report_template: str = ""  # id in app/report_templates.py
    department: str = ""  # where a consult goes by default
    heavy_deps: tuple[str, ...] = ()  # modules the bundle must carry for it
    panels: tuple[str, ...] = ()  # "module:function(viewer)" adding panels to the image viewer


_ECG_FINDINGS = {
    "STEMI": QT_TRANSLATE_NOOP("EcgFindings", "ST elevation %1 (%2): meets STEMI criteria"),
    "STE_NO_RECIPROCAL": QT_TRANSLATE_NOOP(
        "EcgFindings",
        "ST elevation without reciprocal ST depression (%2): early repolarisation or pericarditis"
        " pattern; compare with a prior ECG and review now",
    ),
    "ST_DEPRESSION": QT_TRANSLATE_NOOP("EcgFindings", "ST depression %1 (%2): possible ischaemia"),
    "STE_BORDERLINE": QT_TRANSLATE_NOOP(
        "EcgFindings",
        "Borderline ST elevation %1 (%2): within the measurement's uncertainty of the STEMI"
        " cut-off, not graded; review and compare with a prior ECG",
    ),
    "ST_DEPRESSION_BORDERLINE": QT_TRANSLATE_NOOP(
        "EcgFindings",
        "Borderline ST depression %1 (%2): within the measurement's uncertainty of the 0.5 mm"
        " criterion, not graded; review",
    ),
    "T_INVERSION": QT_TRANSLATE_NOOP("EcgFindings", "T inversion %1 (%2): possible ischaemia"),
    "AFIB": QT_TRANSLATE_NOOP("EcgFindings", "Atrial fibrillation"),
    "VENTRICULAR_RHYTHM": QT_TRANSLATE_NOOP("EcgFindings", "Ventricular rhythm"),
    "AV_BLOCK": QT_TRANSLATE_NOOP("EcgFindings", "AV block"),
    "AV_BLOCK_SLOW": QT_TRANSLATE_NOOP("EcgFindings", "AV block with slow ventricular rate"),
    "RBBB": QT_TRANSLATE_NOOP("EcgFindings", "Right bundle branch block"),
    "LBBB": QT_TRANSLATE_NOOP("EcgFindings", "Left bundle branch block"),
    "WIDE_QRS": QT_TRANSLATE_NOOP(
        "EcgFindings", "Wide QRS (non-specific intraventricular conduction delay)"
    ),
    "PACED": QT_TRANSLATE_NOOP("EcgFindings", "Paced rhythm (%1 pacing)"),
    "PACED_NARROW": QT_TRANSLATE_NOOP(
        "EcgFindings",
        "Ventricular pacer spikes with a narrow QRS (%3 ms): fusion, pseudofusion or no capture",
    ),
    "FIRST_DEGREE_AVB": QT_TRANSLATE_NOOP("EcgFindings", "Prolonged PR (first-degree AV block)"),
    "QT_LONG": QT_TRANSLATE_NOOP("EcgFindings", "Long QTc"),
    "VPC": QT_TRANSLATE_NOOP("EcgFindings", "Ventricular premature complexes (%3)"),
    "VPC_FREQUENT": QT_TRANSLATE_NOOP("EcgFindings", "Frequent VPCs (%3 in record)"),
    "TACHY_SEVERE": QT_TRANSLATE_NOOP("EcgFindings", "Marked tachycardia"),
    "BRADY_SEVERE": QT_TRANSLATE_NOOP("EcgFindings", "Marked bradycardia"),
    "TACHY": QT_TRANSLATE_NOOP("EcgFindings", "Tachycardia"),
    "BRADY": QT_TRANSLATE_NOOP("EcgFindings", "Bradycardia"),
    "NO_QRS": QT_TRANSLATE_NOOP("EcgFindings", "No reliable QRS complexes detected"),
    "NOT_12_LEAD": QT_TRANSLATE_NOOP("EcgFindings", "Not a 12-lead ECG: no automatic grade"),
    "NOT_ANALYSABLE": QT_TRANSLATE_NOOP("EcgFindings", "Not analysable: no automatic grade"),
}
_ECG_TERRITORIES = {
    "inferior": QT_TRANSLATE_NOOP("EcgFindings", "inferior"),
    "lateral": QT_TRANSLATE_NOOP("EcgFindings", "lateral"),
    "anterior": QT_TRANSLATE_NOOP("EcgFindings", "anterior/septal"),
    "anterolateral": QT_TRANSLATE_NOOP("EcgFindings", "anterolateral (V4-V5)"),
    "atrial": QT_TRANSLATE_NOOP("EcgFindings", "atrial"),
    "ventricular": QT_TRANSLATE_NOOP("EcgFindings", "ventricular"),
}
_FUNDUS_FINDINGS = {
    "FUNDUS_UNGRADABLE": QT_TRANSLATE_NOOP(
        "FundusFindings", "Ungradable image %1: retake or refer"
    ),
    "FUNDUS_ICDR0": QT_TRANSLATE_NOOP("FundusFindings", "%1: no apparent diabetic retinopathy"),
    "FUNDUS_ICDR1": QT_TRANSLATE_NOOP("FundusFindings", "%1: mild NPDR (microaneurysms only)"),
    "FUNDUS_ICDR2": QT_TRANSLATE_NOOP("FundusFindings", "%1: moderate NPDR (referable)"),
    "FUNDUS_ICDR3": QT_TRANSLATE_NOOP("FundusFindings", "%1: severe NPDR (referable)"),
    "FUNDUS_ICDR4": QT_TRANSLATE_NOOP("FundusFindings", "%1: proliferative DR (referable)"),
    "FUNDUS_DME": QT_TRANSLATE_NOOP("FundusFindings", "%1: diabetic macular oedema suspected"),
}
_FUNDUS_EYES = {
    "OD": QT_TRANSLATE_NOOP("FundusFindings", "right eye (OD)"),
    "OS": QT_TRANSLATE_NOOP("FundusFindings", "left eye (OS)"),
}
_CHEST_FINDINGS = {
    "LUNG_NODULE": QT_TRANSLATE_NOOP("ChestFindings", "Lung nodule (see size, type and Lung-RADS)"),
    "CHEST_NO_NODULE": QT_TRANSLATE_NOOP("ChestFindings", "No lung nodule of 4 mm or more found"),
    "CHEST_NOT_CHEST": QT_TRANSLATE_NOOP("ChestFindings", "Not a chest study: no nodule analysis"),
    "CHEST_PRIOR_COMPARED": QT_TRANSLATE_NOOP(
        "ChestFindings", "Graded against the prior chest CT (Lung-RADS follow-up rules)"
    ),
    "CHEST_PRIOR_ARRIVED": QT_TRANSLATE_NOOP(
        "ChestFindings",
        "Graded again: the prior chest CT was imported after this study's pre-read "
        "(the earlier AI result is kept)",
    ),
}
_CXR_FINDINGS = {
    "CXR_CHECKS_ONLY": QT_TRANSLATE_NOOP(
        "ChestFindings", "Image checks only; no finding model installed"
    ),
    "CXR_LATERAL": QT_TRANSLATE_NOOP(
        "ChestFindings", "Lateral view: the checks below are for a frontal film"
    ),
    "CXR_VIEW_UNKNOWN": QT_TRANSLATE_NOOP(
        "ChestFindings", "View not known (no ViewPosition, lung fields not found)"
    ),
    "CXR_EXPOSURE": QT_TRANSLATE_NOOP(
        "ChestFindings", "Exposure may be inadequate (clipped pixels or low contrast)"
    ),
    "CXR_ROTATION": QT_TRANSLATE_NOOP(
        "ChestFindings", "Possible rotation or tilt (the lung fields are not symmetric)"
    ),
    "CXR_NO_LUNG_FIELDS": QT_TRANSLATE_NOOP(
        "ChestFindings", "Lung fields not found: check that this is a chest film"
    ),
    "CXR_MODEL_FRONTAL_ONLY": QT_TRANSLATE_NOOP(
        "ChestFindings", "Image checks only: the finding model reads frontal films only"
    ),
    "CXR_AI_ATELECTASIS": QT_TRANSLATE_NOOP("ChestFindings", "Atelectasis (AI)"),
    "CXR_AI_CARDIOMEGALY": QT_TRANSLATE_NOOP("ChestFindings", "Cardiomegaly (AI)"),
    "CXR_AI_EFFUSION": QT_TRANSLATE_NOOP("ChestFindings", "Pleural effusion (AI)"),
    "CXR_AI_INFILTRATION": QT_TRANSLATE_NOOP("ChestFindings", "Infiltration (AI)"),
    "CXR_AI_MASS": QT_TRANSLATE_NOOP("ChestFindings", "Mass (AI)"),
    "CXR_AI_NODULE": QT_TRANSLATE_NOOP("ChestFindings", "Nodule (AI)"),
    "CXR_AI_PNEUMONIA": QT_TRANSLATE_NOOP("ChestFindings", "Pneumonia (AI)"),
    "CXR_AI_PNEUMOTHORAX": QT_TRANSLATE_NOOP("ChestFindings", "Pneumothorax (AI)"),
    "CXR_AI_CONSOLIDATION": QT_TRANSLATE_NOOP("ChestFindings", "Consolidation (AI)"),
    "CXR_AI_EDEMA": QT_TRANSLATE_NOOP("ChestFindings", "Pulmonary oedema (AI)"),
    "CXR_AI_EMPHYSEMA": QT_TRANSLATE_NOOP("ChestFindings", "Emphysema (AI)"),
    "CXR_AI_FIBROSIS": QT_TRANSLATE_NOOP("ChestFindings", "Fibrosis (AI)"),
    "CXR_AI_PLEURAL_THICKENING": QT_TRANSLATE_NOOP("ChestFindings", "Pleural thickening (AI)"),
    "CXR_AI_HERNIA": QT_TRANSLATE_NOOP("ChestFindings", "Hernia (AI)"),
}
_IMAGE_VIEWER = "viewers.dicom.qt_image_viewer:ImageViewer"
_PYDICOM_CODECS = ("pydicom", "pylibjpeg", "numpy")

DESCRIPTORS: dict[Modality, ModalityDescriptor] = {
    d.modality: d
    for d in (
        ModalityDescriptor(
            Modality.ECG,
            readers=(
                "dicom-ecg",
                "wfdb",
                "hl7-aecg",
                "ge-muse-xml",
                "ge-cardiosoft-xml",
                "philips-sierra-xml",
                "scp-ecg",
            ),
            source_kind="signal",
            viewer="viewers.ecg.qt_ecg_viewer:EcgViewer",
            analyzers=(AnalyzerSpec("ecg", "inference.ecg.preread:analyze_ecg", "openecg-codec"),),
            findings_context="EcgFindings",
            findings=_ECG_FINDINGS,
            territories=_ECG_TERRITORIES,
            report_template="ecg",
            department="cardiology",
            heavy_deps=("onnxruntime", "openecg", "pyqtgraph", "scipy", "wfdb"),
        ),
        ModalityDescriptor(
            Modality.CR,
            readers=("dicom-image", "dicom-object"),
            source_kind="image",
            viewer=_IMAGE_VIEWER,
            analyzers=(
                AnalyzerSpec(
                    "chest-cxr",
                    "inference.chest.cxr:analyze_cr",
                    identity="inference.chest.cxr:identity",
                ),
            ),
            findings_context="ChestFindings",
            findings=_CXR_FINDINGS,
            panels=("viewers.chest.attach:attach_cr",),
            report_template="imaging",
            department="radiology",
            heavy_deps=_PYDICOM_CODECS,
        ),
        ModalityDescriptor(
            Modality.CT,
            readers=("dicom-image", "dicom-object"),
            source_kind="volume",
            viewer=_IMAGE_VIEWER,
            analyzers=(
                AnalyzerSpec(
                    "chest-ct",
                    "inference.chest.analysis:analyze_ct",
                    follow_up="app.chest_prior_grading:grade_with_prior",
                    on_stored="app.chest_regrade:regrade_later",  # a prior arriving later
                    alert_urgent=True,  # Lung-RADS 4B/4X: urgent, feeds the worklist and alerts
                ),
            ),
            findings_context="ChestFindings",
            findings=_CHEST_FINDINGS,
            report_template="imaging",
            department="radiology",
            heavy_deps=(*_PYDICOM_CODECS, "vtk", "scipy"),
            panels=("viewers.chest.attach:attach_ct",),
        ),
        ModalityDescriptor(
            Modality.US,
            readers=("dicom-image", "dicom-object"),
            source_kind="image",
            viewer=_IMAGE_VIEWER,
            report_template="imaging",
            department="radiology",
            heavy_deps=_PYDICOM_CODECS,
        ),
        ModalityDescriptor(
            Modality.OP,
            readers=("dicom-image", "fundus-photo"),
            source_kind="image",
            viewer="viewers.fundus.qt_fundus_viewer:FundusViewer",
            analyzers=(
                AnalyzerSpec(
                    "fundus",
                    "inference.fundus.analysis:analyze_fundus",
                    identity="inference.fundus.analysis:identity",
                ),
            ),
            findings_context="FundusFindings",
            findings=_FUNDUS_FINDINGS,
            territories=_FUNDUS_EYES,
            report_template="fundus",
            department="ophthalmology",
            heavy_deps=(*_PYDICOM_CODECS, "PIL", "scipy", "skimage"),
        ),
        ModalityDescriptor(
            Modality.SM,
            readers=("openslide",),
            source_kind="slide",
            viewer="viewers.wsi.qt_slide_viewer:SlideViewer",
            report_template="pathology",
            department="pathology",
            heavy_deps=("openslide", "openslide_bin", "tifffile", "skimage"),
        ),
    )
}


def descriptor(modality: str | Modality) -> ModalityDescriptor | None:
    try:
        return DESCRIPTORS.get(Modality(str(modality).upper()))
    except ValueError:
        return None


def analyzer_spec(name: str) -> AnalyzerSpec | None:
    """The analyzer of that registry name in any modality, or None (a plugin's)."""
    for d in DESCRIPTORS.values():
        for a in d.analyzers:
            if a.name == name:
                return a
    return None


def alerts_on_urgent(analyzer: str) -> bool:
    """An urgent result of this analyzer raises an alert (workstation and server alike)."""
    spec = analyzer_spec(analyzer)
    return spec is not None and spec.alert_urgent


def finding_template(code: str) -> tuple[str, str] | None:
    """(translation context, English template) of a finding code, from any modality."""
    for d in DESCRIPTORS.values():
        if code in d.findings:
            return d.findings_context, d.findings[code]
    return None


def territory_template(territory: str) -> tuple[str, str] | None:
    for d in DESCRIPTORS.values():
        if territory in d.territories:
            return d.findings_context, d.territories[territory]
    return None


def heavy_dependencies() -> list[str]:
    """Every modality's heavy modules, for the bundle (installers/huizhen.spec)."""
    return sorted({m for d in DESCRIPTORS.values() for m in d.heavy_deps})
