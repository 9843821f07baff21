"""ECG finding texts in the UI language: the ECG descriptor's catalogue
(``app/modalities.py``), translated by ``ui.finding_text``."""

from ui.finding_text import finding_dict_text, finding_text, territory_name

__all__ = ["finding_dict_text", "finding_text", "territory_name"]
