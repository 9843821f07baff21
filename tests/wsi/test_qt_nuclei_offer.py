"""The slide viewer offers nuclei detection only when the clinic subscribes to the
nuclei product (the subscription list the workstation cached from the server)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")
WHY = "not among this clinic's AI products"


@pytest.fixture(autouse=True)
def no_subscriptions_left():
    from app.ai import subscriptions

    subscriptions.reset()
    yield
    subscriptions.reset()


def _clinic_list(codes: set[str]):
    from app.ai.products import BUILTIN
    from app.ai.subscriptions import SubscriptionState

    products = [p for p in BUILTIN if p.code in codes]
    return SubscriptionState(products, known=True, online=True, org_kind="clinic")


def test_nuclei_detection_only_when_subscribed(viewer):
    from app.ai import subscriptions
    from app.ai.products import BUILTIN

    actions = (viewer.a_nuclei_view, viewer.a_nuclei_ann, viewer.a_nuclei_all)
    assert all(a.isEnabled() and WHY not in a.toolTip() for a in actions)  # no list yet: built-ins

    subscriptions.apply(_clinic_list({p.code for p in BUILTIN} - {"huizhen-nuclei"}))
    viewer.ai_menu.aboutToShow.emit()  # the menu asks again each time it opens
    assert not any(a.isEnabled() for a in actions)
    assert all(WHY in a.toolTip() for a in actions)
    assert viewer.a_tissue.isEnabled()  # tissue detection is not a product
    assert viewer.detect_nuclei("view") is None  # nor run when called directly
    assert viewer.canvas.overlays.layer("nuclei") is None

    subscriptions.apply(_clinic_list({"huizhen-nuclei"}))
    viewer.ai_menu.aboutToShow.emit()
    assert all(a.isEnabled() and WHY not in a.toolTip() for a in actions)


def test_regional_hospital_keeps_nuclei_detection(viewer):
    from app.ai import subscriptions

    state = _clinic_list(set())
    state.org_kind = "regional_hospital"
    subscriptions.apply(state)
    viewer.ai_menu.aboutToShow.emit()
    assert viewer.a_nuclei_view.isEnabled()


def test_offline_cached_list_keeps_the_builtin(viewer):
    from app.ai import subscriptions

    state = _clinic_list(set())
    state.online = False  # offline: built-in local tools stay usable
    subscriptions.apply(state)
    viewer.ai_menu.aboutToShow.emit()
    assert viewer.a_nuclei_view.isEnabled()
