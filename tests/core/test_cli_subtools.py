"""The sub-tools (``huizhen ecg ...``) also run behind the global options
(``huizhen --lang zh_CN ecg analyze F`` was refused as "unrecognized arguments")."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main, subtool_at

MUSE = Path(__file__).resolve().parents[1] / "data" / "ecg" / "muse" / "muse_ecg1.xml"


def test_subtool_found_after_global_options():
    assert subtool_at(["ecg", "analyze", "f"]) == 0
    assert subtool_at(["--lang", "zh_CN", "-v", "ecg", "rules"]) == 3
    assert subtool_at(["--server", "http://127.0.0.1:1", "import", "x"]) is None
    assert subtool_at(["--lang", "zh_CN"]) is None


def test_ecg_analyze_behind_global_options(capsys):
    """A real GE MUSE export (tests/data/ecg/README.md)."""
    assert main(["--lang", "zh_CN", "-v", "ecg", "analyze", str(MUSE)]) == 0
    assert "Urgency:" in capsys.readouterr().out


def test_a_bad_global_option_is_still_refused(capsys):
    with pytest.raises(SystemExit) as err:
        main(["--lang", "fr", "ecg", "rules"])
    assert err.value.code == 2 and "invalid choice" in capsys.readouterr().err
