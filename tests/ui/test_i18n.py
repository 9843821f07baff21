"""Every user-visible string is in the catalogues, and Chinese is complete."""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import i18n as tool  # noqa: E402


def test_catalogues_are_up_to_date_and_chinese_is_complete(tmp_path):
    ts_dir = tmp_path / "i18n"
    shutil.copytree(ROOT / "resources" / "i18n", ts_dir, ignore=shutil.ignore_patterns("*.qm"))
    tool.update(ts_dir)  # re-scan the sources into a copy: new strings show up as unfinished
    missing = [m for ts in tool.ts_files(ts_dir, "zh_CN") for m in tool.untranslated(ts)]
    assert missing == [], f"untranslated zh_CN strings (run tools/i18n.py update): {missing[:20]}"


def test_compiled_catalogue_loads(qapp):
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    assert i18n.install("zh_CN")
    assert QCoreApplication.translate("Labels", "Critical") == "危急"
    i18n.install("en")
    assert QCoreApplication.translate("Labels", "Critical") == "Critical"


def test_no_translation_calls_inside_f_strings():
    """pyside6-lupdate cannot see tr() inside an f-string: such text would stay English."""
    import re

    pattern = re.compile(r"""f(["']).*\{[^}]*\b(tr|translate)\(""")
    hits = []
    for folder in ("ui", "viewers"):
        for path in (ROOT / folder).rglob("*.py"):
            for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                if pattern.search(line):
                    hits.append(f"{path.relative_to(ROOT)}:{n}")
    assert hits == []
