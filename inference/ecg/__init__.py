"""ECG AI pre-read: openecg delineation + measurements + STEMI/ischaemia rules."""

from inference.ecg.analysis import EcgAnalysis, analyze

__all__ = ["EcgAnalysis", "analyze"]
