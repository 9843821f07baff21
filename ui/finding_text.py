"""AI finding texts in the UI language, for every modality.

The finding catalogue of each modality lives in its descriptor
(``app/modalities.py``: code -> English template, translation context); this
module translates it.  The analysis emits English texts plus a ``code`` and
leads/territory; unknown codes fall back to the analyzer's English text, so
nothing is ever hidden.  Placeholders: ``%1`` territory, ``%2`` leads, ``%3`` a count.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.modalities import finding_template, territory_template

translate = QCoreApplication.translate


def territory_name(territory: str) -> str:
    found = territory_template(territory)
    return translate(*found) if found else territory


def finding_text(code: str, english: str, leads=(), territory: str = "", count=None) -> str:
    """The finding in the UI language; ``english`` when the code has no template."""
    found = finding_template(code)
    if found is None:
        return english
    tpl = translate(*found)
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
