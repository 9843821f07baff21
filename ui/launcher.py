"""The ``huizhen`` console script: headless commands from ``app.cli``, GUI here."""

from __future__ import annotations

import sys

from app import cli


def launch(args) -> int:
    if args.command == "screenshots":
        from ui.screenshots import main as shots

        return shots(args.out)
    if args.command == "open":
        from ui.open_case import main as open_case

        return open_case(args)
    from ui.main_app import run

    return run(lang=args.lang, demo=args.demo, server=args.server)


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    # a frozen (PyInstaller) build: a "spawn" worker (nuclei tiles, slide probe) runs
    # its task here instead of starting a second workstation
    multiprocessing.freeze_support()
    return cli.main(argv, launch_ui=launch)


if __name__ == "__main__":
    sys.exit(main())
