"""``huizhen`` command line.

huizhen                       launch the workstation
huizhen --version
huizhen demo-data [--no-slide]  build the demo set into the data folder
huizhen import FILE|FOLDER...   headless import with a report
huizhen open FILE|STUDY [--screenshot OUT.png]  open a case in its viewer (offscreen picture)
huizhen worklist --json          the worklist for scripts and checks
huizhen sync --once --user U     one sync round with the regional server
huizhen consult request STUDY --department D --question Q --user U
huizhen ecg analyze FILE --json
huizhen fundus analyze IMAGE [IMAGE2] [--eye OD|OS] --json
huizhen wsi info|detect-nuclei|convert ...
huizhen dicom info|render ...
huizhen chest analyze PATH --json [--seg OUT.dcm] [--sr OUT.dcm] | chest phantom OUT_DIR
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from app import __version__, cli_clinic

SUBTOOLS = {
    "ecg": "inference.ecg.cli",
    "fundus": "inference.fundus.cli",
    "wsi": "app.slide.cli",
    "dicom": "app.imaging.cli",
    "chest": "inference.chest.cli",
}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="huizhen", description="Huizhen clinical workstation")
    p.add_argument("--version", action="store_true", help="print version and exit")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="UI language for this run")
    p.add_argument("--demo", action="store_true", help="log in as the demo user")
    p.add_argument("--server", metavar="URL", help="regional server for this run (not saved)")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command")
    d = sub.add_parser("demo-data", help="build and import the demo data set")
    d.add_argument("--no-slide", action="store_true", help="skip the large demo slide")
    i = sub.add_parser("import", help="import files or folders into the local store")
    i.add_argument("paths", nargs="+")
    sub.add_parser("screenshots", help="render every main screen to PNG").add_argument(
        "--out", default="screenshots"
    )
    o = sub.add_parser("open", help="open a file or a study in its viewer")
    o.add_argument("target", help="file or folder (imported if needed), study number or UID")
    o.add_argument("--screenshot", metavar="OUT.png", help="render offscreen to OUT.png and exit")
    cli_clinic.add_parsers(sub)
    for name in SUBTOOLS:
        sub.add_parser(name, add_help=False, help=f"{name} tools (see huizhen {name} --help)")
    return p


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"huizhen": __version__, "python": sys.version.split()[0]}
    for dist in (
        "PySide6",
        "pyqtgraph",
        "vtk",
        "pydicom",
        "openslide-python",
        "openslide-bin",
        "onnxruntime",
        "SQLAlchemy",
        "numpy",
    ):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            out[dist] = "-"
    return out


def open_store():
    from app.settings import load_settings
    from app.store import Store

    return Store.from_settings(load_settings())


def cmd_demo_data(args) -> int:
    from app.demo.build import build_demo

    store = open_store()
    report = build_demo(store, with_slide=not args.no_slide)
    print_report(report)
    preread(store, report.study_pks)
    return 0


def preread(store, study_pks: list[int]) -> None:
    """AI pre-read of imported studies (ECG today); prints one line per study."""
    try:
        from inference.preread import run_preread
    except ImportError as err:  # a build without the AI runtime
        print(f"AI pre-read not available: {err}")
        return
    for pk, result in run_preread(store, study_pks).items():
        if isinstance(result, str):
            print(f"AI pre-read failed for study {pk}: {result}")
        else:
            print(
                f"AI {result.urgency.value:8} study {pk}: {result.summary} "
                f"[{result.model.label}, not for clinical use]"
            )


def cmd_import(args) -> int:
    from app.importer import run_import

    store = open_store()
    report = run_import(store, args.paths)
    print_report(report)
    preread(store, report.new_study_pks)  # a re-import adds no second AI result
    return 1 if report.problems else 0


def print_report(report) -> None:
    for e in report.entries:
        extra = f" ({e.reason})" if e.reason else ""
        files = f" [{e.files} files]" if e.files > 1 else ""
        print(f"{e.outcome.value:12} {e.modality or '-':4} {e.path}{files}{extra}")


def subtool_at(argv: list[str]) -> int | None:
    """Where a sub-tool's name stands after the global options (``huizhen --lang zh_CN
    ecg analyze F``): the sub-tool parses everything after it; None when there is none."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in ("--lang", "--server") else 1  # the options that take a value
    return i if i < len(argv) and argv[i] in SUBTOOLS else None


def main(argv: list[str] | None = None, launch_ui=None) -> int:
    """Headless commands run here; the GUI ones are handed to ``launch_ui(args)``
    (``ui.launcher`` passes it), so this module never imports Qt."""
    argv = sys.argv[1:] if argv is None else argv
    at = subtool_at(argv)
    if at is not None:
        build_parser().parse_args(argv[:at])  # the global options before it are checked
        module = importlib.import_module(SUBTOOLS[argv[at]])
        return module.main(argv[at + 1 :])
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.version:
        print(f"huizhen {__version__}")
        for k, v in versions().items():
            if k != "huizhen":
                print(f"  {k} {v}")
        return 0
    if args.command == "demo-data":
        return cmd_demo_data(args)
    if args.command == "import":
        return cmd_import(args)
    if args.command in cli_clinic.COMMANDS:
        from app.settings import load_settings
        from app.store import Store

        settings = load_settings()
        store = Store.from_settings(settings)
        try:
            return cli_clinic.run(args, store, settings)
        finally:
            store.close()
    if launch_ui is None:
        print("huizhen: the workstation UI is not available from this entry point", file=sys.stderr)
        return 2
    return launch_ui(args)


if __name__ == "__main__":
    sys.exit(main())
