"""ECG signal model and format readers (Qt-free)."""

from app.ecg.signal import STANDARD_LEADS, EcgSignal, normalize_lead_name

__all__ = ["STANDARD_LEADS", "EcgSignal", "normalize_lead_name"]
