"""The ECG viewer's model line names the AI product and where the model ran, from what
the AI result records (``ModelInfo`` placement fields, app/ai + inference/remote)."""

from __future__ import annotations

import pytest

pytest.importorskip("pyqtgraph")

from app.ai.result import ModelInfo  # noqa: E402
from inference.ecg.model import MODEL_ID  # noqa: E402
from inference.placement import RAN_LOCALLY  # noqa: E402

PRODUCT = "City ECG platform 2.1"
URL = "http://127.0.0.1:8080"


class _Analysis:  # what model_line reads of an EcgAnalysis
    model = ModelInfo(MODEL_ID, "OpenECG codec", "v6-int8")
    rules = "Huizhen ECG rules 1.0"


def _line(**placement) -> str:
    from viewers.ecg.model_line import model_line

    return model_line(_Analysis(), ModelInfo(MODEL_ID, "OpenECG codec", "v6-int8", **placement))


def test_each_placement_has_its_words(qapp):
    remote = _line(runs_at="remote", endpoint=URL, served="openecg-codec v6-int8", product=PRODUCT)
    assert remote.startswith("AI: OpenECG codec v6-int8, Huizhen ECG rules 1.0")
    assert f"ran remotely: {PRODUCT} at {URL}" in remote and "openecg-codec v6-int8" in remote
    fallback = _line(runs_at="local", endpoint=URL, product=PRODUCT,
                     note=f"{RAN_LOCALLY} ({URL}: connection refused)")  # fmt: skip
    assert f"remote AI unavailable ({PRODUCT} at {URL}), ran locally" in fallback
    assert "ran remotely" not in fallback
    assert "ran on this workstation" in _line(runs_at="local")
    old = _line()  # a result stored before placements were recorded says nothing about it
    assert old == "AI: OpenECG codec v6-int8, Huizhen ECG rules 1.0 — not for clinical use"
    for text in (remote, fallback):
        assert text.endswith("not for clinical use")


def test_model_line_in_chinese(qapp):
    from ui import i18n

    try:
        i18n.install("zh_CN")
        remote = _line(runs_at="remote", endpoint=URL, product=PRODUCT)
        assert "远程运行" in remote and PRODUCT in remote and URL in remote
        fallback = _line(runs_at="local", endpoint=URL, product=PRODUCT, note=RAN_LOCALLY)
        assert "远程AI不可用" in fallback and "本地运行" in fallback
        assert "本工作站" in _line(runs_at="local")
        assert "不可用于临床" in remote
    finally:
        i18n.install("en")


@pytest.fixture
def case(store, real_dcm):
    from app.importer import run_import
    from inference.preread import run_preread

    pk = run_import(store, [real_dcm]).study_pks[0]
    run_preread(store, [pk])
    return pk


def _viewer(qtbot, jobs, store, pk):
    from app.domain import Modality
    from viewers.ecg.qt_ecg_viewer import EcgViewer
    from viewers.registry import ViewerContext

    v = EcgViewer(ViewerContext(store, pk, Modality.ECG, store.object_paths(pk), jobs, extra={}))
    qtbot.addWidget(v)
    return v


def test_viewer_says_where_the_stored_result_ran(qtbot, jobs, store, case):
    v = _viewer(qtbot, jobs, store, case)
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60_000)
    assert v.ran_at.runs_at == "local"  # the pre-read stored where it ran
    assert "ran on this workstation" in v.model_label.text()


def test_viewer_rerun_with_the_remote_product_down_says_ran_locally(qtbot, jobs, store, case):
    """A real remote slot on a closed loopback port: the rerun falls back to the local
    weights, and the model line says so (the endpoint's own reason is in the tooltip)."""
    from inference.registry import REGISTRY
    from tests.sync.sync_helpers import free_port

    dead = f"http://127.0.0.1:{free_port()}"
    v = _viewer(qtbot, jobs, store, case)
    qtbot.waitUntil(lambda: v.analysis is not None, timeout=60_000)
    spec = {"url": dead, "model": MODEL_ID, "fallback": "local", "product": PRODUCT,
            "timeout_s": 2, "retries": 0}  # fmt: skip
    REGISTRY.set_remote(MODEL_ID, spec)
    try:
        first = v.analysis
        v.run_ai(rerun=True)
        qtbot.waitUntil(lambda: v.analysis is not first, timeout=60000)
    finally:
        REGISTRY.set_remote(MODEL_ID, None)
    text = v.model_label.text()
    assert f"remote AI unavailable ({PRODUCT} at {dead}), ran locally" in text
    assert v.model_label.toolTip().startswith(RAN_LOCALLY) and dead in v.model_label.toolTip()
