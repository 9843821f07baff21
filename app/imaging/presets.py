"""Window/level presets: the one table every viewer and command uses (Qt-free).

Values are Weasis' CT presets (width/level, REFERENCE.md section 2; OHIF and
3D Slicer differ by a few HU).  The file's own windows (WindowCenter/Width,
with their explanations) come after them.  Keys 1-9 select them in order,
as in Weasis.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WindowPreset:
    key: str  # stable id ("lung", "header-1"...)
    name: str  # English name; viewers translate the built-in ones by key
    width: float
    level: float

    @property
    def centre(self) -> float:
        return self.level


CT_PRESETS: tuple[WindowPreset, ...] = (
    WindowPreset("lung", "Lung", 1500.0, -500.0),
    WindowPreset("mediastinum", "Mediastinum", 400.0, 80.0),
    WindowPreset("abdomen", "Abdomen", 320.0, 50.0),
    WindowPreset("bone", "Bone", 2000.0, 350.0),
    WindowPreset("brain", "Brain", 110.0, 35.0),
)


def _numbers(value) -> list[float]:
    if value is None:
        return []
    if isinstance(value, (str, bytes)):
        items = str(value).split("\\")
    elif hasattr(value, "__iter__"):
        items = list(value)
    else:
        items = [value]
    out = []
    for v in items:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            return []
    return out


def header_presets(ds) -> list[WindowPreset]:
    """The windows a DICOM header carries (WindowCenter/Width, several allowed)."""
    centres = _numbers(ds.get("WindowCenter"))
    widths = _numbers(ds.get("WindowWidth"))
    names = ds.get("WindowCenterWidthExplanation") or []
    if isinstance(names, str):
        names = [names]
    out = []
    for i, (c, w) in enumerate(zip(centres, widths, strict=False)):
        if w <= 0:
            continue
        name = str(names[i]) if i < len(names) and str(names[i]).strip() else ""
        out.append(WindowPreset(f"header-{i + 1}", name, w, c))
    return out


def presets_for(modality: str, header: list[WindowPreset] | None = None) -> list[WindowPreset]:
    """Presets for a series: the CT table for CT, then the header's windows."""
    table = list(CT_PRESETS) if str(modality).upper() == "CT" else []
    return table + list(header or [])
