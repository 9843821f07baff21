"""Screenshot of the AI products dialog (called by ``ui.screenshots``): the demo
clinic's list as the regional server gives it (built-in products plus one DEMO
remote product of the city platform), and the same list offline."""

from __future__ import annotations

from app.ai.products import BUILTIN, Product
from app.ai.subscriptions import SubscriptionState

DEMO_REMOTE = Product(
    code="demo-city-ecg",
    name="DEMO City ECG platform",
    vendor="DEMO city AI platform",
    version="2.1",
    modality="ECG",
    intended_use="DEMO entry: 12-lead ECG delineation served by the city AI platform over the "
    "Open Inference Protocol v2.",
    licence="Apache-2.0",
    runs="remote",
    model_id="openecg-codec",
    endpoint_url="http://127.0.0.1:8080",
    remote_model="openecg-codec",
    remote_version="v6-int8",
)


def ai_products_shots(app, win, save, wait_until, lang: str) -> None:
    from ui.aiplatform.products_dialog import AiProductsDialog

    products = [*BUILTIN, DEMO_REMOTE]
    online = SubscriptionState(products, True, True, "2026-11-30T08:00:00+00:00",
                               "http://127.0.0.1:8765")  # fmt: skip
    dlg = AiProductsDialog(online, win)
    dlg.resize(1340, 600)
    dlg.show()
    save(dlg, f"ai_products_{lang}")
    offline = SubscriptionState(products, True, False, online.fetched_at, online.server,
                                "the server could not be reached")  # fmt: skip
    dlg.set_state(offline)
    save(dlg, f"ai_products_offline_{lang}")
    dlg.close()
