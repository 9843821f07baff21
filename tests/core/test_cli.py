import subprocess
import sys

from app import __version__


def test_version_flag():
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith(f"huizhen {__version__}")
    assert "PySide6" in out.stdout


def test_demo_data_builds_and_imports(home):
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", "demo-data", "--no-slide"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("imported")]
    assert len(lines) >= 8
    assert any(" OP " in ln for ln in lines) and any(" CR " in ln for ln in lines)
    again = subprocess.run(
        [sys.executable, "-m", "app.cli", "demo-data", "--no-slide"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert not any(ln.startswith("imported") for ln in again.stdout.splitlines())


def test_auth_demo_users(store):
    import pytest

    from app.auth import LoginError, authenticate, seed_demo_users
    from app.domain import Role

    seed_demo_users(store)
    user = authenticate(store, "specialist", "demo", Role.SPECIALIST)
    assert user.role == "specialist" and user.org.name
    with pytest.raises(LoginError):
        authenticate(store, "specialist", "wrong")
    with pytest.raises(LoginError):
        authenticate(store, "doctor", "demo", Role.ADMIN)
