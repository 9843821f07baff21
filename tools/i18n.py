"""Translation catalogues: one per package of ui/ and viewers/ (huizhen_<package>_<lang>.ts),
plus ``huizhen_app_<lang>.ts`` for the texts of Qt-free modules (the modality descriptors).

A package's strings live in their own catalogue, so work on one feature never edits another's
translations; the application loads every compiled catalogue of the chosen language.

python tools/i18n.py update   # re-scan ui/ and viewers/ into resources/i18n/*.ts
python tools/i18n.py build    # compile .ts -> .qm (done by ./run setup)
python tools/i18n.py check    # list zh_CN strings still untranslated (exit 1 if any)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGS = ("zh_CN", "en")
SOURCE_DIRS = ("ui", "viewers")
# Qt-free modules whose texts the UI translates (marked with QT_TRANSLATE_NOOP)
SOURCE_FILES = {"app": ["app/modalities.py", "app/ai/products.py"]}


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def catalogues() -> dict[str, list[str]]:
    """Catalogue name (the package path, e.g. ``viewers_ecg``) -> its source files."""
    out: dict[str, list[str]] = {}
    for d in SOURCE_DIRS:
        for p in sorted((ROOT / d).rglob("*.py")):
            rel = p.relative_to(ROOT)
            out.setdefault("_".join(rel.parts[:-1]), []).append(str(rel))
    for name, files in SOURCE_FILES.items():
        out.setdefault(name, []).extend(files)
    return out


def ts_files(ts_dir: Path, lang: str) -> list[Path]:
    return sorted(ts_dir.glob(f"huizhen_*_{lang}.ts"))


def update(ts_dir: Path = I18N) -> None:
    ts_dir.mkdir(parents=True, exist_ok=True)
    for name, files in catalogues().items():
        for lang in LANGS:
            lupdate(files, ts_dir / f"huizhen_{name}_{lang}.ts", lang)


def lupdate(files: list[str], ts: Path, lang: str) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *files,
            "-no-obsolete",
            "-locations",
            "none",  # no line numbers: a catalogue changes only when its texts do
            "-source-language",
            "en",
            "-target-language",
            lang,
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def build() -> None:
    for lang in LANGS:
        for ts in ts_files(I18N, lang):
            qm = ts.with_suffix(".qm")
            if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
                continue
            subprocess.run(
                [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
            )


def untranslated(ts: Path) -> list[tuple[str, str]]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if (
                tr is None
                or tr.get("type") in ("unfinished", "vanished", "obsolete")
                or not (tr.text or msg.find("translation/numerusform") is not None)
            ):
                if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                    continue
                out.append((name, msg.findtext("source")))
    return out


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "build"
    if cmd == "update":
        update()
    elif cmd == "build":
        build()
    elif cmd == "check":
        missing = [m for ts in ts_files(I18N, "zh_CN") for m in untranslated(ts)]
        for ctx, src in missing:
            print(f"{ctx}: {src}")
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
