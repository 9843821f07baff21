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
    ``model_id`` names its manifest in ``inference/models`` ("" when rules only)."""

    name: str
    target: str
    model_id: str = ""


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


_T = QT_TRANSLATE_NOOP
_ECG_FINDINGS = {
    "STEMI": _T("EcgFindings", "ST elevation %1 (%2): meets STEMI criteria"),
    "ST_DEPRESSION": _T("EcgFindings", "ST depression %1 (%2): possible ischaemia"),
    "T_INVERSION": _T("EcgFindings", "T inversion %1 (%2): possible ischaemia"),
    "AFIB": _T("EcgFindings", "Atrial fibrillation"),
    "VENTRICULAR_RHYTHM": _T("EcgFindings", "Ventricular rhythm"),
    "AV_BLOCK": _T("EcgFindings", "AV block"),
    "AV_BLOCK_SLOW": _T("EcgFindings", "AV block with slow ventricular rate"),
    "BBB": _T("EcgFindings", "Bundle branch block (single-lead model)"),
    "WIDE_QRS": _T("EcgFindings", "Wide QRS"),
    "PACED": _T("EcgFindings", "Paced rhythm (model; verify pacer spikes)"),
    "FIRST_DEGREE_AVB": _T("EcgFindings", "Prolonged PR (first-degree AV block)"),
    "QT_LONG": _T("EcgFindings", "Long QTc"),
    "VPC": _T("EcgFindings", "Ventricular premature complexes (%3)"),
    "VPC_FREQUENT": _T("EcgFindings", "Frequent VPCs (%3 in record)"),
    "TACHY_SEVERE": _T("EcgFindings", "Marked tachycardia"),
    "BRADY_SEVERE": _T("EcgFindings", "Marked bradycardia"),
    "TACHY": _T("EcgFindings", "Tachycardia"),
    "BRADY": _T("EcgFindings", "Bradycardia"),
    "NO_QRS": _T("EcgFindings", "No reliable QRS complexes detected"),
}
_ECG_TERRITORIES = {
    "inferior": _T("EcgFindings", "inferior"),
    "lateral": _T("EcgFindings", "lateral"),
    "anterior": _T("EcgFindings", "anterior/septal"),
}
_IMAGE_VIEWER = "viewers.dicom.qt_image_viewer:ImageViewer"
_PYDICOM_CODECS = ("pydicom", "pylibjpeg", "numpy")

DESCRIPTORS: dict[Modality, ModalityDescriptor] = {
    d.modality: d
    for d in (
        ModalityDescriptor(
            Modality.ECG,
            readers=("dicom-ecg", "wfdb", "hl7-aecg", "ge-muse-xml"),
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
            readers=("dicom-image",),
            source_kind="image",
            viewer=_IMAGE_VIEWER,
            report_template="imaging",
            department="radiology",
            heavy_deps=_PYDICOM_CODECS,
        ),
        ModalityDescriptor(
            Modality.CT,
            readers=("dicom-image",),
            source_kind="volume",
            viewer=_IMAGE_VIEWER,
            report_template="imaging",
            department="radiology",
            heavy_deps=(*_PYDICOM_CODECS, "vtk"),
        ),
        ModalityDescriptor(
            Modality.US,
            readers=("dicom-image",),
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
            viewer=_IMAGE_VIEWER,
            report_template="fundus",
            department="ophthalmology",
            heavy_deps=(*_PYDICOM_CODECS, "PIL"),
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
