"""The ECG viewer's worker jobs (run on ``ctx.jobs``, off the UI thread).

Each takes the job runner's ``state`` last: read the record, find (or run) the
AI pre-read, apply the display filters, build the median beats.  A record
longer than ``LONG_S`` also gets its min/max pyramids for the long view.
"""

from __future__ import annotations

import dataclasses

from app.ecg.filters import FilterSpec
from viewers.ecg.long_view import LONG_S, build_pyramids


def read_job(ctx, state=None):
    """(signal, pyramids or None): the record, opened by the reader that recognised it."""
    from viewers.registry import open_source

    sig = open_source(ctx, state)
    return sig, (build_pyramids(sig, state) if sig.duration_s > LONG_S else None)


def stored_analysis(store, study_pk: int, with_model: bool = False):
    """The case's stored ECG AI result as a full analysis (None when it holds none);
    ``with_model``: (analysis, the result's ModelInfo — where it ran) or None."""
    if store is None:
        return None
    from app.ai.store import latest_result
    from inference.ecg.preread import analysis_of

    found = latest_result(store, study_pk)
    try:
        analysis = analysis_of(found[1]) if found is not None else None
    except (KeyError, TypeError, ValueError):  # a result stored before the one shape
        return None
    if not with_model or analysis is None:
        return analysis
    return analysis, found[1].model


def analyse_job(signal, store=None, study_pk=0, rerun=False, state=None):
    """(analysis, where it ran): the stored AI result; the model runs only when there
    is none or when asked."""
    stored = None if rerun else stored_analysis(store, study_pk, with_model=True)
    if stored is not None:
        return stored
    from inference.ecg import analyze
    from inference.placement import collect, summarise

    # the whole record, as the pre-read does: "Run AI again" gives the pre-read's answer
    with collect() as placements:
        analysis = analyze(signal, state=state)
    return analysis, summarise(placements)


def filter_job(raw, spec: FilterSpec, state=None):
    """(filtered signal, pyramids or None): ``raw`` with the display filters ``spec``."""
    from app.ecg.filters import apply_filters

    sig = dataclasses.replace(raw, data=apply_filters(raw.data, raw.fs, spec, state))
    return sig, (build_pyramids(sig, state) if sig.duration_s > LONG_S else None)


def medians_job(path, signal, analysis, state=None):
    """The median beats: the file's own when it stores them, else computed."""
    from viewers.ecg.beats import median_beats

    return median_beats(path, signal, analysis)
