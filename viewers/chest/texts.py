"""Translated chest words for the nodule list (nodule type, decision, Lung-RADS advice)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def type_text(kind: str) -> str:
    return {
        "solid": translate("ChestTexts", "solid"),
        "part-solid": translate("ChestTexts", "part-solid"),
        "ground-glass": translate("ChestTexts", "ground glass"),
    }.get(kind, kind)


def decision_text(status: str) -> str:
    return {
        "": translate("ChestTexts", "to review"),
        "accepted": translate("ChestTexts", "accepted"),
        "rejected": translate("ChestTexts", "rejected"),
        "modified": translate("ChestTexts", "edited"),
    }.get(status, status)


def management_text(category: str) -> str:
    """Lung-RADS v2022 management of an exam category (app's English table, translated)."""
    return {
        "1": translate("ChestTexts", "annual screening LDCT in 12 months"),
        "2": translate("ChestTexts", "annual screening LDCT in 12 months"),
        "3": translate("ChestTexts", "LDCT in 6 months"),
        "4A": translate("ChestTexts", "LDCT in 3 months; PET/CT if solid part ≥ 8 mm"),
        "4B": translate("ChestTexts", "diagnostic chest CT, PET/CT, tissue sampling; refer"),
        "4X": translate("ChestTexts", "diagnostic chest CT, PET/CT, tissue sampling; refer"),
    }.get(category, "")


def check_text(key: str) -> str:
    """A chest X-ray image check's name."""
    return {
        "view": translate("ChestTexts", "View"),
        "inverted_for_display": translate("ChestTexts", "Shown inverted (MONOCHROME1)"),
        "exposure_ok": translate("ChestTexts", "Exposure"),
        "rotation": translate("ChestTexts", "Rotation"),
        "lung_fields_found": translate("ChestTexts", "Lung fields found"),
    }.get(key, key)


def nodule_line(n: dict, status: str) -> str:
    """One nodule for the findings dock: number, type, size, Lung-RADS and the decision."""
    return (
        translate("ChestTexts", "Nodule %1: %2, %3 mm, Lung-RADS %4 (%5)")
        .replace("%1", str(n["id"]))
        .replace("%2", type_text(n["type"]))
        .replace("%3", f"{float(n['mean_diameter_mm']):.1f}")
        .replace("%4", str(n["lung_rads"]))
        .replace("%5", decision_text(status))
    )


def site_text(kind: str, name: str) -> str:
    """Who decided: the clinic or the regional hospital, with its name."""
    label = {
        "clinic": translate("ChestTexts", "Clinic"),
        "regional_hospital": translate("ChestTexts", "Regional hospital"),
    }.get(kind, "")
    return f"{label} {name}".strip() if label else name


def local_time(at: str) -> str:
    """A decision's UTC time stamp as local date and time (minutes)."""
    from datetime import UTC, datetime

    try:
        when = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return str(at or "")
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def site_decision_text(site, d) -> str:
    """Another organisation's decision on a nodule (``app.sync.chest_reviews.SiteReview``):
    "Clinic X: edited (12.0 mm, part-solid) — Dr Y, 2026-11-30 17:50"."""
    what = decision_text(d.status)
    if d.status == "modified":
        parts = []
        if d.mean_diameter_mm is not None:
            parts.append(f"{float(d.mean_diameter_mm):.1f} mm")
        if d.type:
            parts.append(type_text(d.type))
        if parts:
            what = f"{what} ({', '.join(parts)})"
    return (
        translate("ChestTexts", "%1: %2 — %3, %4")
        .replace("%1", site_text(site.kind, site.name))
        .replace("%2", what)
        .replace("%3", site.who(d) or "?")
        .replace("%4", local_time(d.at))
    )
