"""AI products of the city AI platform, as the server's catalogue and the workstation see them.

A product is what a clinic subscribes to: a name, vendor and version, the
modality it reads, its intended use and licence, whether it is not for clinical
use, and where it runs: ``local`` (an analyzer of the registry, with its ONNX
model slot when it has one, inside the workstation) or ``remote`` (a model
served over the Open Inference Protocol v2 at ``endpoint_url`` as
``remote_model`` / ``remote_version``, used through the model slot
``model_id``; ``fallback`` says whether the local model runs when the endpoint
cannot be reached).

``BUILTIN`` are the analyzers shipped with Huizhen; the server's migration
seeds them into the catalogue and new clinics are subscribed to them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from app.modalities import QT_TRANSLATE_NOOP


@dataclass
class Product:
    code: str
    name: str
    vendor: str
    version: str
    modality: str
    intended_use: str = ""
    licence: str = ""
    not_for_clinical_use: bool = True
    runs: str = "local"  # local | remote
    analyzer: str = ""  # the registry analyzer it runs (app/ai/registry.py)
    model_id: str = ""  # the manifest slot (inference/models) it fills
    endpoint_url: str = ""
    remote_model: str = ""
    remote_version: str = ""
    fallback: str = "local"  # local | none: what happens when the endpoint is down
    builtin: bool = False
    auto_subscribe: bool = False
    active: bool = True
    id: int | None = None
    subscribers: list[int] = field(default_factory=list)  # org ids (admin view only)

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}".strip()

    @property
    def remote(self) -> bool:
        return self.runs == "remote"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Product:
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in dict(d or {}).items() if k in known}
        for key in ("code", "name", "vendor", "version", "modality"):
            kw[key] = str(kw.get(key) or "")
        kw["subscribers"] = [int(x) for x in kw.get("subscribers") or []]
        return cls(**kw)


# Texts of the built-in products are marked for translation (context "AiProducts",
# catalogue huizhen_app_*.ts); the UI translates them when it shows a built-in product.
_VENDOR = QT_TRANSLATE_NOOP("AiProducts", "Huizhen (open source)")

BUILTIN: tuple[Product, ...] = (
    Product(
        code="huizhen-ecg",
        name=QT_TRANSLATE_NOOP("AiProducts", "Huizhen ECG pre-read"),
        vendor=_VENDOR,
        version="openecg v6-int8 + rules 1.0",
        modality="ECG",
        intended_use=QT_TRANSLATE_NOOP(
            "AiProducts",
            "12-lead ECG: beats, intervals, rhythm and ST findings with an urgency grade, so "
            "that a specialist reads urgent ECGs first. Research and education only; not a "
            "medical device.",
        ),
        licence="Apache-2.0 (OpenECG model and Huizhen rules)",
        analyzer="ecg",
        model_id="openecg-codec",
    ),
    Product(
        code="huizhen-chest-ct",
        name=QT_TRANSLATE_NOOP("AiProducts", "Huizhen chest CT nodules"),
        vendor=_VENDOR,
        version="classic 0.1",
        modality="CT",
        intended_use=QT_TRANSLATE_NOOP(
            "AiProducts",
            "Chest CT: lung nodule candidates with size, type and Lung-RADS category for the "
            "radiologist to confirm. Research and education only; not a medical device.",
        ),
        licence="Apache-2.0",
        analyzer="chest-ct",
        model_id="chest-ct-nodule",
    ),
    Product(
        code="huizhen-cxr-checks",
        name=QT_TRANSLATE_NOOP("AiProducts", "Huizhen chest X-ray image checks"),
        vendor=_VENDOR,
        version="classic 0.1",
        modality="CR",
        intended_use=QT_TRANSLATE_NOOP(
            "AiProducts",
            "Chest X-ray: image quality checks only (view, inversion, exposure, rotation, lung "
            "fields found); no clinical finding. Research and education only; not a medical "
            "device.",
        ),
        licence="Apache-2.0",
        analyzer="chest-cxr",
    ),
    Product(
        code="huizhen-fundus",
        name=QT_TRANSLATE_NOOP("AiProducts", "Huizhen fundus screening"),
        vendor=_VENDOR,
        version="classic 0.1",
        modality="OP",
        intended_use=QT_TRANSLATE_NOOP(
            "AiProducts",
            "Fundus photographs: gradability, diabetic retinopathy grade, macular oedema, "
            "cup-to-disc ratio (glaucoma suspect) and referral suggestion per eye. Research and "
            "education only; not a medical device.",
        ),
        licence="Apache-2.0",
        analyzer="fundus",
        model_id="fundus-multidisease",
    ),
    Product(
        code="huizhen-nuclei",
        name=QT_TRANSLATE_NOOP("AiProducts", "Huizhen nuclei detection"),
        vendor=_VENDOR,
        version="watershed 0.2.0",
        modality="SM",
        intended_use=QT_TRANSLATE_NOOP(
            "AiProducts",
            "Whole-slide H&E: nuclei detection and counts in a region the pathologist selects "
            "in the slide viewer. Research and education only; not a medical device.",
        ),
        licence="Apache-2.0",
        analyzer="nuclei",
    ),
)
for _p in BUILTIN:
    _p.builtin = _p.auto_subscribe = True


def builtin(code: str) -> Product | None:
    return next((p for p in BUILTIN if p.code == code), None)
