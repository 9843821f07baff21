"""AI finding texts in the UI language, from translatable templates keyed by code.

The analysis emits English texts plus a ``code`` and leads/territory; the
viewer shows ``finding_text(f)``.  Unknown codes fall back to the English
text.  Literal strings so pyside6-lupdate finds them (context "EcgFindings").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def _templates() -> dict[str, str]:
    return {
        "STEMI": translate("EcgFindings", "ST elevation %1 (%2): meets STEMI criteria"),
        "ST_DEPRESSION": translate("EcgFindings", "ST depression %1 (%2): possible ischaemia"),
        "T_INVERSION": translate("EcgFindings", "T inversion %1 (%2): possible ischaemia"),
        "AFIB": translate("EcgFindings", "Atrial fibrillation"),
        "VENTRICULAR_RHYTHM": translate("EcgFindings", "Ventricular rhythm"),
        "AV_BLOCK": translate("EcgFindings", "AV block"),
        "AV_BLOCK_SLOW": translate("EcgFindings", "AV block with slow ventricular rate"),
        "RBBB": translate("EcgFindings", "Right bundle branch block"),
        "LBBB": translate("EcgFindings", "Left bundle branch block"),
        "WIDE_QRS": translate(
            "EcgFindings", "Wide QRS (non-specific intraventricular conduction delay)"
        ),
        "PACED": translate("EcgFindings", "Paced rhythm (%1 pacing)"),
        "FIRST_DEGREE_AVB": translate("EcgFindings", "Prolonged PR (first-degree AV block)"),
        "QT_LONG": translate("EcgFindings", "Long QTc"),
        "VPC": translate("EcgFindings", "Ventricular premature complexes (%3)"),
        "VPC_FREQUENT": translate("EcgFindings", "Frequent VPCs (%3 in record)"),
        "TACHY_SEVERE": translate("EcgFindings", "Marked tachycardia"),
        "BRADY_SEVERE": translate("EcgFindings", "Marked bradycardia"),
        "TACHY": translate("EcgFindings", "Tachycardia"),
        "BRADY": translate("EcgFindings", "Bradycardia"),
        "NO_QRS": translate("EcgFindings", "No reliable QRS complexes detected"),
        "NOT_12_LEAD": translate("EcgFindings", "Not a 12-lead ECG: no automatic grade"),
        "NOT_ANALYSABLE": translate("EcgFindings", "Not analysable: no automatic grade"),
    }


def territory_name(territory: str) -> str:
    names = {
        "inferior": translate("EcgFindings", "inferior"),
        "lateral": translate("EcgFindings", "lateral"),
        "anterior": translate("EcgFindings", "anterior/septal"),
        "atrial": translate("EcgFindings", "atrial"),
        "ventricular": translate("EcgFindings", "ventricular"),
    }
    return names.get(territory, territory)


def finding_text(code: str, english: str, leads=(), territory: str = "", count=None) -> str:
    """The finding in the UI language; ``english`` when the code has no template."""
    tpl = _templates().get(code)
    if tpl is None:
        return english
    if count is None and "%3" in tpl:
        digits = "".join(ch if ch.isdigit() else " " for ch in english).split()
        count = digits[0] if digits else "?"
    return (
        tpl.replace("%1", territory_name(territory))
        .replace("%2", ", ".join(leads))
        .replace("%3", str(count))
    )


def finding_dict_text(f: dict) -> str:
    return finding_text(
        str(f.get("code", "")), str(f.get("text", "")), f.get("leads") or (), f.get("territory", "")
    )
