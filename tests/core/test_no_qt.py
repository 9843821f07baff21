"""The core packages never import Qt (also enforced by import-linter in ./run test)."""

import subprocess
import sys

CORE_MODULES = [
    "app.domain",
    "app.store",
    "app.importer",
    "app.jobs",
    "app.auth",
    "app.cli",
    "app.demo.build",
    "app.readers",
    "app.settings",
]


def test_core_imports_no_qt():
    code = (
        "import importlib, pkgutil, sys\n"
        "import app, app.readers\n"
        "from app.readers import load_builtin_readers\n"
        f"for m in {CORE_MODULES!r}: importlib.import_module(m)\n"
        "load_builtin_readers()\n"
        "for pkg in ('inference', 'server'):\n"
        "    try:\n"
        "        mod = importlib.import_module(pkg)\n"
        "    except ModuleNotFoundError:\n"
        "        continue\n"
        "    for info in pkgutil.walk_packages(mod.__path__, pkg + '.'):\n"
        "        if not info.name.endswith('__main__') and '.migrations' not in info.name:\n"
        "            importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'superqt'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip() == "", f"core imported Qt modules: {out.stdout}"
