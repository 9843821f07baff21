"""Helpers of the report panel tests (also used by tests/sync)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

WAIT_MS = 60_000  # failure bounds, not speed checks


def pdf_text(path: Path) -> str:
    """The PDF's text through poppler's ``pdftotext`` (Debian poppler-utils, ./run TEST_APT)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext (poppler-utils) must be installed in CI")
        pytest.skip("pdftotext not installed")
    out = subprocess.run([exe, "-layout", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def start(qtbot, panel) -> None:
    qtbot.waitUntil(lambda: panel.start_btn.isEnabled(), timeout=WAIT_MS)
    panel.start_btn.click()
    qtbot.waitUntil(lambda: panel.report is not None, timeout=WAIT_MS)


def write(panel, key: str, text: str) -> None:
    panel.fields.editors[key].setPlainText(text)


def confirm_and_sign(qtbot, panel) -> None:
    """Confirm, then sign through the confirmation step."""
    panel.confirm_btn.click()
    qtbot.waitUntil(
        lambda: panel.report.state == "confirmed" or bool(panel.message.text()), timeout=WAIT_MS
    )
    assert panel.report.state == "confirmed", panel.message.text()
    panel.sign_btn.click()
    assert panel.sign_bar.isVisibleTo(panel) and not panel.report.locked
    panel.sign_yes_btn.click()
    qtbot.waitUntil(lambda: panel.report.locked, timeout=WAIT_MS)


def save_pdf(qtbot, panel, path: Path | None = None) -> Path:
    with qtbot.waitSignal(panel.pdf_written, timeout=WAIT_MS) as got:
        panel.export_pdf(str(path) if path else None)
    return Path(got.args[0])
