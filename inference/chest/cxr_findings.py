"""The chest X-ray AI result when a finding model read the film (Qt-free).

Each positive label is one finding (code ``CXR_AI_<LABEL>``) with the model's
probability, the heatmap's peak and the model's name and version as evidence;
its heatmap is kept in ``details["heatmaps"]`` (label -> encoded map) for the
overlay and the SEG.  The failed image checks stay as notes.  Urgency is the
rules' (``cxr_model.URGENT_LABELS``), never the model's.
"""

from __future__ import annotations

SUMMARY_FOUND = "{model}: {n} finding(s) above the threshold (AI, not for clinical use)"
SUMMARY_NONE = "{model}: no finding above the threshold (AI, not for clinical use)"


def model_result(reading: dict, checks: dict, check_codes: list[str]):
    from app.ai.result import AiResult, Finding, ModelInfo, Urgency
    from inference.chest.cxr import CHECK_FINDINGS

    m = reading["model"]
    label = f"{m['name']} {m['version']}"
    findings = []
    for p in reading["positives"]:
        evidence = {"probability": p["probability"], "threshold": reading["threshold"],
                    "peak_rc": p["peak_rc"], "label": p["label"],
                    "model": {"name": m["name"], "version": m["version"]}}  # fmt: skip
        severity = "urgent" if p["urgent"] else "routine"
        findings.append(Finding(p["code"], p["text"], severity=severity, evidence=evidence))
    findings += [Finding(code, CHECK_FINDINGS[code]) for code in check_codes]
    summary = (SUMMARY_FOUND if reading["positives"] else SUMMARY_NONE).format(
        model=label, n=len(reading["positives"])
    )
    notice = f"{label}: AI output, not for clinical use; the film must be read by a doctor"
    return AiResult(
        model=ModelInfo(m["id"], m["name"], m["version"], bool(m["not_for_clinical_use"])),
        analyzer="chest-cxr",
        modality="CR",
        urgency=Urgency.URGENT if reading["urgency"] == "urgent" else Urgency.ROUTINE,
        summary=summary,
        findings=findings,
        details={
            "kind": "cxr",
            "checks": checks,
            "notice": notice,
            "probabilities": reading["probabilities"],
            "threshold": reading["threshold"],
            "film_shape": reading["film_shape"],
            "heatmaps": {p["label"]: p["heatmap"] for p in reading["positives"]},
        },
    )


def with_model(report: dict, vol, model) -> tuple[dict, dict]:
    """The headless report (``analyze_cxr``'s) with the installed model's findings on a
    frontal film: (report, details for the heatmap SEG; empty when the model did not read)."""
    from inference.chest.cxr import film

    m = model.manifest
    if not report["checks"]["view"].startswith("frontal"):
        report["notice"] = (
            f"Image checks only: the finding model reads frontal films only ({m.label})"
        )
        return report, {}
    reading = model.read(film(vol))
    report["findings"] = [{k: p[k] for k in ("label", "code", "probability", "urgent", "peak_rc")}
                          for p in reading["positives"]]  # fmt: skip
    report["probabilities"] = reading["probabilities"]
    report["urgency"] = reading["urgency"]
    report["checks_model"] = report["model"]
    report["model"] = {"name": m.name, "version": m.version}
    report["notice"] = (
        f"{m.label}: AI output, not for clinical use; the film must be read by a doctor"
    )
    details = {"heatmaps": {p["label"]: p["heatmap"] for p in reading["positives"]},
               "probabilities": reading["probabilities"]}  # fmt: skip
    return report, details
