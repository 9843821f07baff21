"""AI pre-read of newly imported studies on the workstation, stored as AI output.

The analyzers come from the one registry (``app.ai.registry``, built from the
modality descriptors) that the server uses too.  ``run_preread`` runs each
study's analyzer unless the study already holds a result of that model and
version (re-import and re-running never add a second result or alert), then
``app.ai.store.save_result`` stores it (a chest CT graded first against the patient's
prior chest CT: ``app.chest_prior_grading``), sets priority and worklist line, and
raises one alert per critical finding (urgent too, for an analyzer that asks: a chest
CT graded Lung-RADS 4B/4X).
"""

from __future__ import annotations

import logging

from app.ai import registry
from app.ai.result import AiResult, Source
from app.ai.store import has_model_result, save_result
from app.domain import Modality

log = logging.getLogger(__name__)

Preread = AiResult  # the result type callers receive (kept name)


def run_preread(store, study_pks: list[int], state=None) -> dict[int, AiResult | str]:
    """Pre-read each study that has an analyzer; returns results or error messages."""
    out: dict[int, AiResult | str] = {}
    todo = []
    for pk in study_pks:
        st = store.study(pk)
        analyzer = registry.first_analyzer(Modality(st.modality))
        if analyzer is None or not st.objects:
            continue
        known = analyzer.model_version()
        if known is not None and has_model_result(store, pk, *known):
            continue  # this model and version already read this study
        todo.append((pk, analyzer, st.objects[0].sha256))
    for i, (pk, analyzer, digest) in enumerate(todo):
        if state is not None:
            state.check()
            state.progress(i / len(todo), "AI pre-read")
        try:
            # the reader that recognised the record opens it (a WFDB .hea with its .dat)
            source = analyzer.path_of(store, pk) if analyzer.takes_path else store.open_source(pk)
            result = registry.run(analyzer, source, state, Source.CLINIC, object_sha256=digest)
        except Exception as err:  # one bad study must not stop the others
            if type(err).__name__ == "Cancelled":
                raise
            log.warning("pre-read of study %s failed: %s", pk, err)
            out[pk] = str(err)
            continue
        if save_result(store, pk, result):
            out[pk] = result
    if state is not None:
        state.progress(1.0, "")
    if out:
        store.events.changed.emit(sorted(out))
    return out
