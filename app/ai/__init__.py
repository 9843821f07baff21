"""AI results and the analyzer registry, shared by the workstation and the server."""

from app.ai.result import AiResult, Finding, Measurement, ModelInfo, Source, Urgency

__all__ = ["AiResult", "Finding", "Measurement", "ModelInfo", "Source", "Urgency"]
