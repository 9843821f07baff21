import pytest


@pytest.fixture
def qt_en(qapp):
    from ui import i18n
    from ui.style import apply_style

    apply_style(qapp)
    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def demo_store(store, tmp_path):
    from app.auth import seed_demo_users
    from app.demo.build import build_demo

    build_demo(store, tmp_path / "demo", with_slide=False)
    seed_demo_users(store)
    return store


@pytest.fixture
def window(qtbot, qt_en, demo_store, jobs):
    from app.auth import authenticate
    from app.settings import Settings
    from ui.main_window import MainWindow

    user = authenticate(demo_store, "doctor", "demo")
    win = MainWindow(demo_store, jobs, Settings(language="en"), user)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.worklist.model.total > 0, timeout=60_000)
    return win
