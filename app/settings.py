"""Workstation settings: a small JSON file in the platform config folder.

``HUIZHEN_HOME`` overrides every location (tests, the demo, portable installs).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from app.fileio import atomic_write_json

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
FONT_SIZES = (9, 18)  # the range the settings dialog offers, points


def home_dir() -> Path:
    env = os.environ.get("HUIZHEN_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("huizhen", appauthor=False))


@dataclass
class Settings:
    server_url: str = "http://127.0.0.1:8765"
    language: str = "zh_CN"
    data_dir: str = ""  # empty: <home>/data
    database_url: str = ""  # empty: SQLite in the data folder
    ecg_px_per_mm: float = 0.0  # 0: use the screen's physical DPI
    font_size: int = 10  # points; larger for older eyes
    recent_imports: list[str] = field(default_factory=list)
    reader_limits: dict[str, int] = field(default_factory=dict)  # see app/readers/limits.py
    imaging_memory_mb: int = (
        0  # decoded pixels held; 0: half the RAM - 512 MB (app/imaging/budget.py)
    )

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir).expanduser() if self.data_dir else home_dir() / "data"

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_path / 'huizhen.sqlite'}"

    def validate(self) -> list[str]:
        problems = []
        if self.language not in LANGUAGES:
            problems.append(f"unknown language {self.language!r}")
        if not self.server_url.startswith(("http://", "https://")):
            problems.append("server URL must start with http:// or https://")
        if not FONT_SIZES[0] <= self.font_size <= FONT_SIZES[1]:
            problems.append(f"font size must be {FONT_SIZES[0]}-{FONT_SIZES[1]} pt")
        return problems

    def update_from(self, other: Settings) -> None:
        """Take every value of ``other`` in place: whoever holds this object sees them."""
        for f in fields(Settings):
            setattr(self, f.name, getattr(other, f.name))


def settings_path() -> Path:
    return home_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as err:
        log.warning("settings file %s unreadable (%s); using defaults", path, err)
        return Settings()
    if not isinstance(raw, dict):
        log.warning("settings file %s is not a JSON object; using defaults", path)
        return Settings()
    defaults = Settings()
    out = Settings()
    for f in fields(Settings):
        value = raw.get(f.name, getattr(defaults, f.name))
        if not isinstance(value, type(getattr(defaults, f.name))):
            if isinstance(value, int) and isinstance(getattr(defaults, f.name), float):
                value = float(value)
            else:
                log.warning("settings: %s has the wrong type; using the default", f.name)
                continue
        setattr(out, f.name, value)
    if out.validate():
        log.warning("settings: %s; using defaults for those", "; ".join(out.validate()))
        if out.language not in LANGUAGES:
            out.language = defaults.language
        if not FONT_SIZES[0] <= out.font_size <= FONT_SIZES[1]:
            out.font_size = defaults.font_size
    return out


def save_settings(settings: Settings, path: Path | None = None) -> None:
    atomic_write_json(path or settings_path(), asdict(settings))
