"""Translated names for the fundus viewer (categories, lesion types, results)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def category(name: str) -> str:
    return {
        "referable_dr": QCoreApplication.translate("FundusTexts", "Referable diabetic retinopathy"),
        "dme": QCoreApplication.translate("FundusTexts", "Diabetic macular oedema"),
        "glaucoma_suspect": QCoreApplication.translate(
            "FundusTexts", "Glaucoma suspect (cup-to-disc ratio)"
        ),
        "amd_drusen": QCoreApplication.translate("FundusTexts", "AMD / drusen"),
        "rvo": QCoreApplication.translate("FundusTexts", "Retinal vein occlusion"),
        "pathological_myopia": QCoreApplication.translate("FundusTexts", "Pathological myopia"),
        "hypertensive_retinopathy": QCoreApplication.translate(
            "FundusTexts", "Hypertensive retinopathy"
        ),
        "epiretinal_membrane": QCoreApplication.translate("FundusTexts", "Epiretinal membrane"),
        "macular_hole": QCoreApplication.translate("FundusTexts", "Macular hole"),
        "retinal_detachment": QCoreApplication.translate("FundusTexts", "Retinal detachment"),
        "optic_disc_abnormality": QCoreApplication.translate(
            "FundusTexts", "Optic disc abnormality"
        ),
        "other": QCoreApplication.translate("FundusTexts", "Other"),
    }.get(name, name)


def lesion(kind: str) -> str:
    return {
        "microaneurysm": QCoreApplication.translate("FundusTexts", "Microaneurysms"),
        "haemorrhage": QCoreApplication.translate("FundusTexts", "Haemorrhages"),
        "hard_exudate": QCoreApplication.translate("FundusTexts", "Hard exudates"),
        "cotton_wool_spot": QCoreApplication.translate("FundusTexts", "Cotton-wool spots"),
        "drusen": QCoreApplication.translate("FundusTexts", "Drusen"),
        "anatomy": QCoreApplication.translate("FundusTexts", "Disc and fovea"),
    }.get(kind, kind)


def value(v: str) -> str:
    """A category's value: fixed words translated, model probabilities kept."""
    if v.startswith("drusen candidates ("):
        return QCoreApplication.translate("FundusTexts", "drusen candidates (%1)").replace(
            "%1", v[len("drusen candidates (") : -1]
        )
    for word, text in (
        (
            "not suspected (model p=",
            QCoreApplication.translate("FundusTexts", "not suspected (model p=%1)"),
        ),
        (
            "suspected (model p=",
            QCoreApplication.translate("FundusTexts", "suspected (model p=%1)"),
        ),
        (
            "not suspected (CDR ",
            QCoreApplication.translate("FundusTexts", "not suspected (cup-to-disc %1)"),
        ),
        (
            "suspected (CDR ",
            QCoreApplication.translate("FundusTexts", "suspected (cup-to-disc %1)"),
        ),
    ):
        if v.startswith(word):
            return text.replace("%1", v[len(word) : -1])
    return {
        "not supported": QCoreApplication.translate("FundusTexts", "not supported (needs a model)"),
        "referable": QCoreApplication.translate("FundusTexts", "referable"),
        "not referable": QCoreApplication.translate("FundusTexts", "not referable"),
        "suspected": QCoreApplication.translate("FundusTexts", "suspected"),
        "not suspected": QCoreApplication.translate("FundusTexts", "not suspected"),
        "not assessed": QCoreApplication.translate("FundusTexts", "not assessed"),
        "ungradable": QCoreApplication.translate("FundusTexts", "ungradable"),
        "no drusen seen": QCoreApplication.translate("FundusTexts", "no drusen seen"),
        "cannot be measured": QCoreApplication.translate("FundusTexts", "cannot be measured"),
    }.get(v, v)


def quality_reason(code: str) -> str:
    return {
        "insufficient_field": QCoreApplication.translate(
            "FundusTexts", "insufficient field of view"
        ),
        "too_dark": QCoreApplication.translate("FundusTexts", "too dark (under-exposed)"),
        "too_bright": QCoreApplication.translate(
            "FundusTexts", "too bright (over-exposed or flare)"
        ),
        "uneven_illumination": QCoreApplication.translate(
            "FundusTexts", "uneven illumination (eyelid, eyelash, small pupil)"
        ),
        "poor_focus": QCoreApplication.translate("FundusTexts", "poor focus (blurred)"),
        "vessels_not_visible": QCoreApplication.translate(
            "FundusTexts", "vessels not visible around the macula"
        ),
        "artefact": QCoreApplication.translate("FundusTexts", "artefact (reflection or dust)"),
    }.get(code, code)


def grade(g) -> str:
    return {
        0: QCoreApplication.translate("FundusTexts", "ICDR 0: no apparent retinopathy"),
        1: QCoreApplication.translate("FundusTexts", "ICDR 1: mild NPDR"),
        2: QCoreApplication.translate("FundusTexts", "ICDR 2: moderate NPDR"),
        3: QCoreApplication.translate("FundusTexts", "ICDR 3: severe NPDR"),
        4: QCoreApplication.translate("FundusTexts", "ICDR 4: proliferative DR"),
    }.get(g, QCoreApplication.translate("FundusTexts", "not graded"))


def follow_up(code: str) -> str:
    return {
        "refer_urgent": QCoreApplication.translate(
            "FundusTexts", "Refer to ophthalmology urgently (within 2 weeks)"
        ),
        "refer": QCoreApplication.translate(
            "FundusTexts", "Refer to ophthalmology (within 1-3 months)"
        ),
        "retake": QCoreApplication.translate(
            "FundusTexts", "Retake the photo; refer if it stays ungradable"
        ),
        "refer_glaucoma": QCoreApplication.translate(
            "FundusTexts", "Glaucoma suspect: refer for a glaucoma assessment (within 3 months)"
        ),
        "rescreen_6m": QCoreApplication.translate("FundusTexts", "Rescreen in 6 months"),
        "rescreen_12m": QCoreApplication.translate("FundusTexts", "Rescreen in 12 months"),
    }.get(code, code)


def cup(c: dict | None) -> str:
    """One line on the cup-to-disc ratio, or why it was not measured."""
    if not c:
        return ""
    if not c.get("measured"):
        why = {
            "no_disc": QCoreApplication.translate("FundusTexts", "optic disc not found"),
            "disc_estimated": QCoreApplication.translate(
                "FundusTexts", "disc outline not measured"
            ),
            "disc_small": QCoreApplication.translate("FundusTexts", "disc too small in the photo"),
            "disc_at_edge": QCoreApplication.translate(
                "FundusTexts", "disc at the edge of the field"
            ),
            "no_pallor": QCoreApplication.translate("FundusTexts", "no pale cup visible"),
            "cup_fills_disc": QCoreApplication.translate(
                "FundusTexts", "cup not separable from the rim"
            ),
        }.get(c.get("code", ""), c.get("reason", ""))
        return QCoreApplication.translate("FundusTexts", "Cup-to-disc: not measured (%1)").replace(
            "%1", why
        )
    text = QCoreApplication.translate("FundusTexts", "Vertical cup-to-disc %1").replace(
        "%1", f"{c['vcdr']:.2f}"
    )
    if c.get("suspect"):
        text += " · " + QCoreApplication.translate("FundusTexts", "glaucoma suspect")
    return text


def field(which: str) -> str:
    return {
        "disc": QCoreApplication.translate("FundusTexts", "disc-centred"),
        "macula": QCoreApplication.translate("FundusTexts", "macula-centred"),
        "other": QCoreApplication.translate("FundusTexts", "other field"),
    }.get(which, which)
